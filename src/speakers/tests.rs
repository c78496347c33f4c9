//! Who said it, article by article: each case is a short article, the quotation to look at
//! (by its first words), the speaker it must get and how.

use crate::extract::{extract, tests_support};
use crate::model::{Article, OffsetMap, SpeakerVia};

fn article(text: &str) -> Article {
    Article {
        article_id: "a1".into(),
        text: text.to_string(),
        paragraphs: tests_support::paragraphs(text),
        offsets: OffsetMap::identity(text.len()),
        byte_len: text.len(),
        ..Article::default()
    }
}

/// The article, the first words of the quotation, the speaker, and how it was found.
#[rustfmt::skip]
const CASES: &[(&str, &str, Option<&str>, Option<SpeakerVia>)] = &[
    // A pronoun agrees in gender, past a mention of someone else.
    ("Transport Minister Helen Castellano spoke first. The union’s leader, Marcus Oyelaran, called the offer an insult.\n\n“Nobody wants the islands cut off,” she said.",
     "Nobody", Some("Helen Castellano"), Some(SpeakerVia::PreviousSubject)),
    // Two people of one gender: the subject the text continues with, not the last mentioned.
    ("“We spoke twice,” Helen Castellano said on Monday.\n\nCastellano later joined Finance Minister Ruth Abara at a news conference. “I will speak to them again,” she said.",
     "I will", Some("Helen Castellano"), Some(SpeakerVia::PreviousSubject)),
    // "it" is an organisation even when a person was quoted last.
    ("“We stand with our customers,” chief executive Femke Achterberg said.\n\nVantara Foods said in a statement that sales rose. “Volumes are holding up,” it said.",
     "Volumes", Some("Vantara Foods"), Some(SpeakerVia::PreviousSubject)),
    // A quotation with no attribution, introduced by the sentence before.
    ("Union leader Marcus Oyelaran met the minister on Monday.\n\nOyelaran says the crews are ready to return.\n\n“Give us an arbiter and we will be back at work by Monday.”",
     "Give us", Some("Marcus Oyelaran"), Some(SpeakerVia::PreviousSentence)),
    // An age given earlier resolves "the 44-year-old".
    ("Lewis Farrant, 44, denies fraud.\n\n“I signed what I was given,” the 44-year-old said.",
     "I signed", Some("Lewis Farrant"), Some(SpeakerVia::Description)),
    // A definite description is the subject the text was speaking of.
    ("Kaia Brennan-Whitfield scored twice in the third period.\n\n“I just tried to shoot everything,” said the rookie defender, who turned 20 last week.",
     "I just", Some("Kaia Brennan-Whitfield"), Some(SpeakerVia::Description)),
    // A possessive points to its owner.
    ("Opposition councillor Victor Hallam was scathing. His office said in a statement: “The committee has ignored residents.”",
     "The committee", Some("Victor Hallam"), Some(SpeakerVia::Description)),
    // A possessive owner printed in the phrase: the office speaks for that person.
    ("Mayor Ana Ruiz has declined interviews. “The mayor will not comment,” the mayor’s office said.",
     "The mayor", Some("Ana Ruiz"), Some(SpeakerVia::Description)),
    ("Premier Kenneth Ashworth toured the coast. Ashworth’s spokesman said: “Schools stay closed.”",
     "Schools", Some("Kenneth Ashworth"), Some(SpeakerVia::Description)),
    // A spokesperson for a body printed by name speaks for it.
    ("The Competition Authority is examining the price freeze. “We have written to the company,” a spokesperson for the authority said.",
     "We have", Some("Competition Authority"), Some(SpeakerVia::Description)),
    // A document introducing a quotation with a colon speaks for the body that issued it,
    // not for the person quoted before.
    ("The Harbour Water Authority met on Friday.\n\n“We lose water every day,” said chief engineer Ilse Markvart.\n\nThe authority’s written statement was calmer: “Supplies are safe.”",
     "Supplies", Some("Harbour Water Authority"), Some(SpeakerVia::Description)),
    // A role and its organisation before the name: the person speaks.
    ("Harbour Trust volunteer coordinator Mele Tupou said: “We will believe it when we see it.”",
     "We will", Some("Mele Tupou"), Some(SpeakerVia::Named)),
    // A given name alone is the full name printed earlier.
    ("Harbour Trust volunteer coordinator Mele Tupou said the trust was promised a boathouse.\n\nMele added: “The kids deserve better.”",
     "The kids", Some("Mele Tupou"), Some(SpeakerVia::FullName)),
    // Boilerplate between two quotations names no one.
    ("“Ours will add up,” opposition leader Tomas Reinholt said.\n\nArticle continues below\n\n“We are ready to govern,” he added.",
     "We are", Some("Tomas Reinholt"), Some(SpeakerVia::QuoteChain)),
    // A conjunction is not part of the name.
    ("Gordon Abernathy ran the campaign for Anton Pieterse.\n\nBut Pieterse told his supporters he was not giving up. “This is the start,” he said.",
     "This is", Some("Anton Pieterse"), Some(SpeakerVia::PreviousSubject)),
    // A month after a title is a given name.
    ("“The state must do the same,” Prime Minister June Halvorsen said.",
     "The state", Some("June Halvorsen"), Some(SpeakerVia::Named)),
    // Two people sharing a surname are never merged.
    ("Rosa Pellow and her brother, Thomas Pellow, run the bakery.\n\n“Come as you are,” Pellow said.",
     "Come as", Some("Pellow"), Some(SpeakerVia::Named)),
    // The sentence a bare fragment is the predicate of names whom it is about.
    ("“Sanctions work,” the Finance Ministry said in a statement.\n\nThe Slovakian also “worked with a broker to find aircraft.”",
     "worked", Some("Finance Ministry"), Some(SpeakerVia::QuoteChain)),
];

#[test]
fn each_quotation_gets_its_speaker_and_says_how() {
    let mut wrong = Vec::new();
    for &(text, opening, speaker, via) in CASES {
        let quotes = extract(&article(text));
        let Some(q) = quotes.iter().find(|q| q.text.starts_with(opening)) else {
            wrong.push(format!("{opening:?}: not extracted from {text:?}"));
            continue;
        };
        let got_via = q.speaker_evidence.as_ref().map(|e| e.via);
        if q.speaker.as_deref() != speaker || got_via != via {
            wrong.push(format!(
                "{opening:?}: got {:?} via {got_via:?}, want {speaker:?} via {via:?}",
                q.speaker
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_evidence_is_the_attributing_words_at_their_bytes() {
    let text = "Mayor Ana Ruiz spoke first.\n\n“We are ready,” she said.";
    let quotes = extract(&article(text));
    let e = quotes
        .first()
        .and_then(|q| q.speaker_evidence.clone())
        .expect("evidence");
    assert_eq!(e.words, "she");
    assert_eq!(text.get(e.start..e.end), Some("she"));
}
