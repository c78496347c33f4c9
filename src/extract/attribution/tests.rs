//! Attribution shapes, one table row each.

use super::*;

#[derive(Clone, Copy, Debug)]
enum Side {
    /// The words after a closing mark.
    After,
    /// The words before an opening mark.
    Before,
    /// A sentence that is only an attribution.
    Alone,
}
use Side::{After, Alone, Before};

/// Where the words sit, the words, and the name the attribution reads from them.
    #[rustfmt::skip]
    const CASES: &[(Side, &str, Option<&str>)] = &[
        (After, ", Mayor Ana Ruiz said.", Some("Ana Ruiz")),
        (After, ", he added.", Some("he")),
        (After, " the ministry said in a statement.", Some("ministry")),
        (After, ", said a Harbour Board spokesman, Tom Alvarez, in a phone call.", Some("Tom Alvarez")),
        (After, ", said the Port Authority’s Office of Safety Control (OSC).", Some("Port Authority’s Office of Safety Control")),
        (After, ", said opposition leader Rui Matos.", Some("Rui Matos")),
        (Before, "Opposition party leader Rui Matos said: ", Some("Rui Matos")),
        (After, ", a déclaré la maire Clara Mendes mardi.", Some("Clara Mendes")),
        (After, ", dijo la alcaldesa Clara Mendes.", Some("Clara Mendes")),
        (Before, "Selon le ministère des Transports, la ligne ", Some("ministère des Transports")),
        (After, " Dr. Lena Brandt told reporters.", Some("Lena Brandt")),
        (After, " — Paul Marsh", Some("Paul Marsh")),
        (Before, "According to the Health Ministry, the city ", Some("Health Ministry")),
        (After, ", according to Paul Marsh.", Some("Paul Marsh")),
        (Before, "Finance Minister Jane Holt said: ", Some("Jane Holt")),
        (Before, "Port spokesman Gen. Ed Varga said later Friday that the port has ", Some("Ed Varga")),
        (Before, "Last week, the Harbour Council said the plan was ", Some("Harbour Council")),
        (Before, "Lena Brandt, a spokeswoman for the board, said ", Some("Lena Brandt")),
        (Before, "Holt, 54, later told a radio station that she was ", Some("Holt")),
        (Before, "Ms Holt was equally blunt: ", Some("Holt")),
        (Before, "The weather was grim: ", None),
        (Before, "The board said on Tuesday, in what many in the town and beyond it described as an attempt to steer the supply towards a ", None),
        (After, ", Ana Ruiz, 45, a nurse at the hospital, said.", Some("Ana Ruiz")),
        (Alone, "Whoever is told to leave must leave.", None),
        (Before, "A senior official in the mayor's office told WKRT the mayor was not told in advance: ", Some("senior official in the mayor's office")),
        (Before, "The head of the union that represents the workers, Dana Ruiz, said it ", Some("Dana Ruiz")),
        (Before, "Neighbour Kelly Moss, 34, a mum of three, said: ", Some("Kelly Moss")),
        (Alone, "City Water Board spokesman Tom Alvarez said.", Some("Tom Alvarez")),
        (Alone, "the Transport Department announced.", Some("Transport Department")),
        (Alone, "Finance Minister Jane Holt said in a statement.", Some("Jane Holt")),
        (Alone, "Deputy Mayor Jane Holt, quoted in the statement.", Some("Jane Holt")),
        (Alone, "Jane Holt said that prices would rise next year.", None),
        (Alone, "The weather was cold.", None),
        (After, ", said the rookie defender, who turned 20 last week.", Some("rookie defender")),
        (After, " Haverkamp quipped.", Some("Haverkamp")),
        (After, ", the 22-year-old Serbian said on court.", Some("22-year-old serbian")),
        (After, ", said hydrologist Joost van der Linde, who joins the centre.", Some("Joost van der Linde")),
        (After, " de la Cruz told reporters.", Some("de la Cruz")),
        (After, ", Tsa’kwalas said.", Some("Tsa’kwalas")),
        (After, ", said Samira al-Mansouri, a climate scientist.", Some("Samira al-Mansouri")),
        (After, ", said the study’s lead author, Dr. Chiara Ferraro of the University of Padua.", Some("Chiara Ferraro")),
        (After, ", the Ironvale boss said.", Some("ironvale boss")),
        (After, " he shot back.", Some("he")),
        (Before, "Prime Minister June Halvorsen said: ", Some("June Halvorsen")),
        (Before, "Asked about the penalty, Kessler blurted out: ", Some("Kessler")),
        (Before, "Hallam later called the vote ", Some("Hallam")),
        (Before, "In her remarks, Lund described the centre as ", Some("Lund")),
        (Before, "As Nathaniel Blackwood, the bank’s former chief economist, put it in a lecture last month: ", Some("Nathaniel Blackwood")),
        (Before, "But Reinholt told parliament: ", Some("Reinholt")),
        (Before, "Her spokesman said: ", Some("spokesman")),
        (Alone, "The trust says the decision is final.", None),
        (Alone, "The weather was cold.", None),
    ];

fn read(side: Side, s: &str) -> Option<String> {
    let found = match side {
        After => after_quote(s, 0..s.len()),
        Before => before_quote(s, 0..s.len()),
        Alone => standalone(s, 0..s.len()),
    };
    found.map(|f| f.mention.name)
}

#[test]
fn attribution_shapes_name_their_speaker() {
    let wrong: Vec<String> = CASES
        .iter()
        .filter_map(|&(side, words, want)| {
            let got = read(side, words);
            (got.as_deref() != want)
                .then(|| format!("{side:?} {words:?}: got {got:?}, want {want:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn statement_from_an_organisation() {
    let f = after_quote(", according to a statement from the Harbour Board.", 0..50).unwrap();
    assert!(
        f.mention.roles.contains(&"board".to_string()),
        "{:?}",
        f.mention
    );
}

#[test]
fn sentence_pointing_back_names_the_speaker() {
    let s = "That was how Group Commander Ed Varga, of the fire service, described the blaze.";
    assert_eq!(
        pointing_back(s, 0..s.len()).map(|f| f.mention.name),
        Some("Ed Varga".into())
    );
    let s = "That was a shock to everyone in Westvale.";
    assert_eq!(pointing_back(s, 0..s.len()), None);
}

#[test]
fn tokens_split_initialisms_compounds_numbers_and_abbreviations() {
    let s = "U.S. officials, 12-year-old 4,500.50 Dr. Ruiz left.";
    let toks: Vec<&str> = tokens(s, 0..s.len())
        .iter()
        .map(|t| &s[t.span.clone()])
        .collect();
    assert_eq!(
        toks,
        [
            "U.S.",
            "officials",
            ",",
            "12-year-old",
            "4,500.50",
            "Dr.",
            "Ruiz",
            "left",
            "."
        ]
    );
}

/// Words and marks whose joins test every turn of the token scanner.
const TOKEN_WORDS: &[&str] = &[
    "U", "S", "É", "x", "é", "ǅ", "ß", "Σ", "word", "O'Neil", "7", "12", "٣", "½", "\u{301}", "Ⅻ",
    "’s", "—", "“",
];

#[allow(clippy::unwrap_used)]
static TOKEN_REGEX: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(TOKEN_PATTERN).unwrap());

/// What goes between two of [`TOKEN_WORDS`].
const TOKEN_JOINS: &[&str] = &["", "", " ", "  ", "\n", ".", ".", ",", "-", "-", "'", "’"];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    #[test]
    fn tokens_are_the_matches_of_their_pattern(
        pieces in proptest::collection::vec(
            (proptest::sample::select(TOKEN_WORDS), proptest::sample::select(TOKEN_JOINS)),
            0..16,
        )
    ) {
        let s: String = pieces.into_iter().flat_map(|(w, j)| [w, j]).collect();
        let want: Vec<(usize, usize)> = TOKEN_REGEX.find_iter(&s).map(|m| (m.start(), m.end())).collect();
        let got: Vec<(usize, usize)> = token_spans(&s).collect();
        proptest::prop_assert_eq!(got, want);
    }
}
