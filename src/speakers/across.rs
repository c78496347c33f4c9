//! Speakers across articles, only with evidence: one spelling per name whatever its order,
//! dots or connectors ([`unify`]); and within a group of versions of one statement
//! ([`fill_from_groups`]), a missing or role-only speaker, a surname alone and a spelling or
//! transliteration variant ("Kowalczik" for "Kowalczyk", by Jaro-Winkler on the name's parts)
//! take the name the other versions agree on, marked as taken from them.

use super::lexicon;
use crate::model::{Quote, SpeakerEvidence, SpeakerVia};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// How alike two name parts must be (Jaro-Winkler) to be spellings of one name.
const SAME_PART: f64 = 0.9;

/// Whether a resolved speaker is only a role in lower case ("department"), not a name.
pub fn is_unnamed(speaker: Option<&str>) -> bool {
    speaker.is_none_or(|s| !s.chars().any(char::is_uppercase))
}

/// Whether `short` (one word) is the surname of `full`.
pub fn is_surname_of(short: &str, full: &str) -> bool {
    !short.contains(' ')
        && full.contains(' ')
        && full
            .split_whitespace()
            .last()
            .is_some_and(|last| last.eq_ignore_ascii_case(short))
}

/// Whether two full names are spellings of one name: as many parts, each pair alike.
pub fn variant_spelling(a: &str, b: &str) -> bool {
    let (pa, pb): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    a != b
        && pa.len() == pb.len()
        && pa.len() >= 2
        && pa
            .iter()
            .zip(&pb)
            .all(|(x, y)| strsim::jaro_winkler(&x.to_lowercase(), &y.to_lowercase()) >= SAME_PART)
}

/// Pairs of articles that tell the same story: their quotations meet in at least two groups.
fn same_stories(quotes: &[Quote], clusters: &[Vec<usize>]) -> HashSet<(String, String)> {
    let mut shared: HashMap<(String, String), usize> = HashMap::default();
    for cluster in clusters {
        let mut articles: Vec<&str> = cluster
            .iter()
            .filter_map(|&i| quotes.get(i).map(|q| q.article_id.as_str()))
            .collect();
        articles.sort_unstable();
        articles.dedup();
        for (k, a) in articles.iter().enumerate() {
            for b in articles.iter().skip(k + 1) {
                *shared.entry((a.to_string(), b.to_string())).or_default() += 1;
            }
        }
    }
    shared
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(pair, _)| pair)
        .collect()
}

/// Within each group, fills and aligns speakers from the versions that name them, when those
/// versions come from articles telling the same story.
pub fn fill_from_groups(quotes: &mut [Quote], clusters: &[Vec<usize>]) {
    let stories = same_stories(quotes, clusters);
    let related = |a: &str, b: &str| {
        a == b
            || stories.contains(&(a.to_string(), b.to_string()))
            || stories.contains(&(b.to_string(), a.to_string()))
    };
    for cluster in clusters {
        let Some((best, donors)) = agreed_name(quotes, cluster) else {
            continue;
        };
        for &i in cluster {
            let told_alike = quotes
                .get(i)
                .is_some_and(|q| donors.iter().any(|d| related(d, &q.article_id)));
            if !told_alike {
                continue;
            }
            let Some(q) = quotes.get_mut(i) else { continue };
            let current = q.speaker.clone();
            let takes = match current.as_deref() {
                Some(s) if s == best => false,
                Some(s) if !is_unnamed(Some(s)) => {
                    is_surname_of(s, &best) || variant_spelling(s, &best)
                }
                _ => role_fits(current.as_deref(), &best),
            };
            if takes {
                q.speaker = Some(best.clone());
                mark_other_versions(q);
            }
        }
    }
}

/// The name most versions in a group give (full names counted, the longest spelling first),
/// with the articles that give it.
fn agreed_name(quotes: &[Quote], cluster: &[usize]) -> Option<(String, Vec<String>)> {
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for &i in cluster {
        if let Some(s) = quotes.get(i).and_then(|q| q.speaker.as_deref())
            && !is_unnamed(Some(s))
        {
            *counts.entry(s).or_default() += 1;
        }
    }
    let best = counts
        .into_iter()
        .max_by(|a, b| {
            a.1.cmp(&b.1)
                .then(
                    a.0.split_whitespace()
                        .count()
                        .cmp(&b.0.split_whitespace().count()),
                )
                .then(b.0.cmp(a.0))
        })
        .map(|(s, _)| s.to_string())?;
    let donors = cluster
        .iter()
        .filter_map(|&i| quotes.get(i))
        .filter(|q| q.speaker.as_deref() == Some(best.as_str()))
        .map(|q| q.article_id.clone())
        .collect();
    Some((best, donors))
}

/// Whether an unknown speaker, or a role ("department"), fits a name ("Department of Water
/// Quality").
fn role_fits(role: Option<&str>, name: &str) -> bool {
    role.is_none_or(|role| {
        let lower = name.to_lowercase();
        role.split_whitespace()
            .map(|w| w.trim_end_matches("’s").trim_end_matches("'s"))
            .any(|w| (lexicon::is_role_noun(w) || lexicon::is_org_word(w)) && lower.contains(w))
    })
}

fn mark_other_versions(q: &mut Quote) {
    let (words, start, end) = match &q.speaker_evidence {
        Some(e) => (e.words.clone(), e.start, e.end),
        None => (
            q.speaker_as_written.clone().unwrap_or_default(),
            q.start,
            q.start,
        ),
    };
    q.speaker_evidence = Some(SpeakerEvidence {
        words,
        start,
        end,
        via: SpeakerVia::OtherVersions,
    });
}

/// The words of a name that identify it, whatever their order and spelling: lower case, no
/// dots or possessives, no connectors ("Regional Water Board of Westmere" = "Westmere Regional
/// Water Board", "U.S. Treasury" = "US Treasury").
fn name_key(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.trim_end_matches("’s")
                .trim_end_matches("'s")
                .replace('.', "")
                .to_lowercase()
        })
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.as_str(),
                    "of" | "the" | "for" | "and" | "de" | "la" | "le" | "du" | "des" | "del"
                )
        })
        .collect();
    words.sort();
    words
}

/// Gives every speaker one spelling across articles: spellings of one name that differ only in
/// order, dots or connectors take the most common spelling. A surname alone is left for the
/// groups to complete ([`fill_from_groups`]): across unrelated stories it may be someone else.
pub fn unify(quotes: &mut [Quote]) {
    let mut spellings: HashMap<Vec<String>, Vec<(String, usize)>> = HashMap::default();
    for q in quotes.iter() {
        let Some(s) = &q.speaker else { continue };
        let list = spellings.entry(name_key(s)).or_default();
        match list.iter_mut().find(|(name, _)| name == s) {
            Some((_, count)) => *count += 1,
            None => list.push((s.clone(), 1)),
        }
    }
    let chosen: HashMap<Vec<String>, String> = spellings
        .into_iter()
        .filter_map(|(key, list)| {
            let best = list
                .iter()
                .enumerate()
                .max_by_key(|(i, (name, count))| (*count, name.len(), usize::MAX - i))
                .map(|(_, (name, _))| name.clone())?;
            Some((key, best))
        })
        .collect();
    for q in quotes.iter_mut() {
        if let Some(s) = &q.speaker
            && let Some(best) = chosen.get(&name_key(s))
        {
            q.speaker = Some(best.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(article: &str, speaker: Option<&str>) -> Quote {
        Quote {
            article_id: article.into(),
            speaker: speaker.map(str::to_string),
            ..Quote::default()
        }
    }

    /// Quotations of `speakers`, one per article a1, a2, …, then one more per article that the
    /// returned second group holds (the articles tell the same story).
    fn story(speakers: &[Option<&str>]) -> (Vec<Quote>, Vec<Vec<usize>>) {
        let n = speakers.len();
        let mut quotes: Vec<Quote> = speakers
            .iter()
            .enumerate()
            .map(|(i, s)| quote(&format!("a{}", i + 1), *s))
            .collect();
        quotes.extend((0..n).map(|i| quote(&format!("a{}", i + 1), Some("Someone Else"))));
        (quotes, vec![(0..n).collect(), (n..2 * n).collect()])
    }

    #[test]
    fn a_surname_is_completed_only_by_its_own_group() {
        let mut quotes = vec![
            quote("a1", Some("Erin Kim")),
            quote("a2", Some("Kim")),
            quote("a3", Some("Kim")),
            quote("a4", Some("Jae-won Kim")),
            quote("a3", Some("Jae-won Kim")),
            quote("a4", Some("Jae-won Kim")),
        ];
        unify(&mut quotes);
        assert_eq!(quotes[1].speaker.as_deref(), Some("Kim"));
        fill_from_groups(&mut quotes, &[vec![0], vec![1], vec![2, 3], vec![4, 5]]);
        assert_eq!(quotes[1].speaker.as_deref(), Some("Kim"));
        assert_eq!(quotes[2].speaker.as_deref(), Some("Jae-won Kim"));
        assert_eq!(
            quotes[2].speaker_evidence.as_ref().map(|e| e.via),
            Some(SpeakerVia::OtherVersions)
        );
    }

    #[test]
    fn one_stray_group_does_not_lend_a_speaker_to_another_story() {
        let mut quotes = vec![quote("a1", Some("Electoral Commission")), quote("a2", None)];
        fill_from_groups(&mut quotes, &[vec![0, 1]]);
        assert_eq!(quotes[1].speaker, None);
    }

    #[test]
    fn transliterations_join_within_a_group_but_different_people_do_not() {
        assert!(variant_spelling("Martin Kowalczik", "Martin Kowalczyk"));
        assert!(!variant_spelling("Rosa Pellow", "Thomas Pellow"));
        let (mut quotes, groups) = story(&[
            Some("Martin Kowalczyk"),
            Some("Martin Kowalczyk"),
            Some("Martin Kowalczik"),
        ]);
        fill_from_groups(&mut quotes, &groups);
        assert_eq!(quotes[2].speaker.as_deref(), Some("Martin Kowalczyk"));
    }

    #[test]
    fn an_unknown_speaker_takes_the_name_the_versions_agree_on() {
        let (mut quotes, groups) = story(&[
            Some("Department of Water Quality"),
            Some("department"),
            None,
        ]);
        fill_from_groups(&mut quotes, &groups);
        assert!(
            quotes[..3]
                .iter()
                .all(|q| q.speaker.as_deref() == Some("Department of Water Quality"))
        );
    }
}
