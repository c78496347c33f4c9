//! Articles → the stories they tell, as far as grouping needs to know: two articles share a
//! story when they name at least [`SHARED`] rare entities in common (places, people,
//! organisations that few articles of the set mention); one name in common happens by chance.
//!
//! An entity is a capitalised word inside a sentence (not its first word), case-folded.
//! "Rare" means named by at most [`rare_cap`] articles, a bound that grows with the square
//! root of the set: in five articles of one briefing every name is rare; in a month of
//! coverage a head of state is not, the village where a bridge fell is.

use rustc_hash::FxHashMap;

use crate::model::Article;

/// Which article shares a story with which.
#[derive(Clone, Debug, Default)]
pub struct Stories {
    /// Article id → position in `entities`.
    position: FxHashMap<String, usize>,
    /// Each article's rare entities, interned, sorted and without repeats.
    entities: Vec<Vec<u32>>,
    /// No articles were given: every quotation is taken to be of one story.
    unknown: bool,
}

/// Rare entities two articles of one story have in common, at least.
const SHARED: usize = 2;

/// The most articles a rare entity may be named in.
fn rare_cap(articles: usize) -> usize {
    ((articles as f64).sqrt() * 2.0).ceil().max(4.0) as usize
}

impl Stories {
    /// No story information: every pair of articles counts as one story.
    pub fn unknown() -> Self {
        Self {
            unknown: true,
            ..Self::default()
        }
    }

    /// The rare entities of each article in `articles`.
    pub fn new(articles: &[Article]) -> Self {
        use rayon::prelude::*;
        let named: Vec<Vec<String>> = articles.par_iter().map(keys).collect();
        Self::from_keys(articles.iter().map(|a| a.article_id.as_str()), named)
    }

    /// The stories of articles whose [`keys`] were found elsewhere (read back from records):
    /// `ids` and `named` in article order. The same as [`Stories::new`] on those articles;
    /// which keys are rare is decided here, over all of them.
    pub fn from_keys<'a>(ids: impl IntoIterator<Item = &'a str>, named: Vec<Vec<String>>) -> Self {
        let mut keyed = Keyed::default();
        for list in named {
            keyed.push(Tag::default(), &list);
        }
        keyed.stories(ids)
    }

    /// Where the article with id `id` stands (for [`Stories::shared_at`]).
    pub(super) fn position(&self, id: &str) -> Option<usize> {
        self.position.get(id).copied()
    }

    /// Whether the articles at places `a` and `b` ([`Stories::position`]) of two different
    /// articles share a story.
    pub(super) fn shared_at(&self, a: Option<usize>, b: Option<usize>) -> bool {
        if self.unknown {
            return true;
        }
        match (
            a.and_then(|i| self.entities.get(i)),
            b.and_then(|i| self.entities.get(i)),
        ) {
            (Some(x), Some(y)) => sorted_overlap(x, y),
            _ => false,
        }
    }

    /// Whether the articles with ids `a` and `b` share a story (the same article does).
    pub fn shared(&self, a: &str, b: &str) -> bool {
        if self.unknown || a == b {
            return true;
        }
        let list = |id: &str| {
            self.position
                .get(id)
                .and_then(|&i| self.entities.get(i))
                .map(Vec::as_slice)
        };
        match (list(a), list(b)) {
            (Some(x), Some(y)) => sorted_overlap(x, y),
            _ => false,
        }
    }
}

/// What tells one article from another for its story keys: its content hash and title.
pub(super) type Tag = (String, String);

/// Articles' story keys, interned, in article order: what [`Stories`] are made from, before
/// which keys are rare is known. Kept between groupings of a growing set, so an article's
/// keys are read once ([`Keyed::follow`]).
#[derive(Clone, Debug, Default)]
pub(super) struct Keyed {
    interner: FxHashMap<String, u32>,
    /// Each article's tag and interned keys.
    lists: Vec<(Tag, Vec<u32>)>,
}

impl Keyed {
    /// Makes this the keys of `articles`: those kept while the articles are the same (tag)
    /// in order, the rest read (on every core).
    pub(super) fn follow(&mut self, articles: &[Article]) {
        use rayon::prelude::*;
        let tag = |a: &Article| (a.content_hash.clone(), a.title.clone());
        let held = (self.lists.iter().zip(articles))
            .take_while(|((kept, _), article)| {
                kept.0 == article.content_hash && kept.1 == article.title
            })
            .count();
        self.lists.truncate(held);
        let rest = articles.get(held..).unwrap_or_default();
        let named: Vec<Vec<String>> = rest.par_iter().map(keys).collect();
        for (article, list) in rest.iter().zip(named) {
            self.push(tag(article), &list);
        }
    }

    /// Whether the keys held are those of `articles`, in order.
    pub(super) fn holds(&self, articles: &[Article]) -> bool {
        self.lists.len() == articles.len()
            && (self.lists.iter().zip(articles))
                .all(|((kept, _), a)| kept.0 == a.content_hash && kept.1 == a.title)
    }

    /// Adds one article's keys.
    fn push(&mut self, tag: Tag, keys: &[String]) {
        let list = keys
            .iter()
            .map(|key| match self.interner.get(key.as_str()) {
                Some(&id) => id,
                None => {
                    let id = self.interner.len() as u32;
                    self.interner.insert(key.clone(), id);
                    id
                }
            })
            .collect();
        self.lists.push((tag, list));
    }

    /// The stories of the articles held, whose ids are `ids` in order.
    pub(super) fn stories<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Stories {
        let mut df = vec![0usize; self.interner.len()];
        for &key in self.lists.iter().flat_map(|(_, list)| list) {
            if let Some(d) = df.get_mut(key as usize) {
                *d += 1;
            }
        }
        let cap = rare_cap(self.lists.len());
        let entities = (self.lists.iter())
            .map(|(_, list)| {
                let mut rare: Vec<u32> = (list.iter().copied())
                    .filter(|&e| df.get(e as usize).is_some_and(|&d| d <= cap))
                    .collect();
                rare.sort_unstable();
                rare.dedup();
                rare
            })
            .collect();
        let position = ids
            .into_iter()
            .enumerate()
            .map(|(i, id)| (id.to_string(), i))
            .collect();
        Stories {
            position,
            entities,
            unknown: false,
        }
    }
}

/// Whether two sorted lists hold [`SHARED`] values in common.
fn sorted_overlap(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                if common >= SHARED {
                    return true;
                }
                i += 1;
                j += 1;
            }
        }
    }
    false
}

/// An article's story keys: the entities it names (see [`entities`]), before rarity over the
/// set is known. [`Stories::from_keys`] on these gives [`Stories::new`].
pub fn keys(article: &Article) -> Vec<String> {
    entities(&article.title, &article.text)
}

/// The entities an article names, case-folded, sorted and without repeats: capitalised words
/// of three letters or more that do not open a sentence, a quotation or a paragraph.
fn entities(title: &str, text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in [title, text] {
        let mut opens = true;
        for token in part.split_inclusive(|c: char| c.is_whitespace()) {
            let word = token.trim_matches(|c: char| !c.is_alphanumeric());
            let leading = token.chars().next().is_some_and(|c| !c.is_alphanumeric());
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            if capital && !opens && !leading && word.chars().count() >= 3 {
                let word = word.trim_end_matches("’s").trim_end_matches("'s");
                out.push(word.to_lowercase());
            }
            let end = token.trim_end();
            opens = token.contains('\n')
                || end.ends_with(['.', '!', '?', ':', '“', '"', '«', '‘', '—'])
                || end.ends_with(".”")
                || end.ends_with(",”");
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, text: &str) -> Article {
        Article {
            article_id: id.into(),
            text: text.into(),
            ..Article::default()
        }
    }

    #[test]
    fn names_inside_sentences_are_entities() {
        let found = entities(
            "Flood in Tarnow",
            "Officials in Tarnow said the Vistrel dam held. The mayor, Ana Ruiz, spoke.",
        );
        assert_eq!(found, ["ana", "ruiz", "tarnow", "vistrel"]);
    }

    #[test]
    fn kept_keys_give_the_stories_of_keys_read_again() {
        let mut articles = vec![
            article("a1", "The bridge in Kellam closed on Monday near Zarrow."),
            article("a2", "Engineers from Kellam in Zarrow saw the bridge."),
            article("a3", "The strike in Ostrov went on near Varna and Zarrow."),
        ];
        let hashed = |articles: &mut Vec<Article>| {
            for a in articles.iter_mut() {
                a.content_hash = a.text.clone();
            }
        };
        hashed(&mut articles);
        let mut keyed = Keyed::default();
        keyed.follow(&articles);
        assert_eq!(keyed.lists.len(), 3);
        let first = keyed.lists.first().cloned();
        articles.push(article("a4", "Dockers in Ostrov met the mayor of Varna."));
        // An article changed inside the list: it and those after it are read again.
        articles[1] = article("a2", "Engineers from Ostrov in Varna saw the dock.");
        hashed(&mut articles);
        keyed.follow(&articles);
        assert_eq!(keyed.lists.first().cloned(), first);
        let kept = keyed.stories(articles.iter().map(|a| a.article_id.as_str()));
        let fresh = Stories::new(&articles);
        for x in ["a1", "a2", "a3", "a4"] {
            for y in ["a1", "a2", "a3", "a4"] {
                assert_eq!(kept.shared(x, y), fresh.shared(x, y), "{x} {y}");
            }
        }
        assert!(kept.shared("a2", "a4") && kept.shared("a3", "a4"));
        assert!(!kept.shared("a1", "a2"));
    }

    #[test]
    fn articles_naming_a_rare_place_share_a_story() {
        let mut articles = vec![
            article("a1", "The bridge in Kellam closed on Monday near Zarrow."),
            article(
                "a2",
                "Engineers from Kellam in Zarrow saw the bridge on Monday.",
            ),
            article(
                "a3",
                "The strike in Ostrov went on past Monday near Zarrow.",
            ),
        ];
        // Many other articles name Monday, so it marks no story.
        for i in 4..40 {
            articles.push(article(&format!("a{i}"), "It rained on Monday."));
        }
        let stories = Stories::new(&articles);
        assert!(stories.shared("a1", "a2"));
        assert!(!stories.shared("a1", "a3"));
        assert!(stories.shared("a3", "a3"));
    }
}
