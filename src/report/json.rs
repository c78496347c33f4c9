//! The JSON result contract (`verbatim analyze --format json`): articles and groups, each
//! member carrying its quotation's fields (text, speakers, kind, byte offsets and the rest) and
//! its diff. The names come from the model's serde derives; this module only nests each
//! group's quotations into its members.
//!
//! [`write`] streams the result to any writer, a chunk of groups at a time (serialized on every
//! core): nothing the size of the whole result is built in memory.

use crate::model::{Analysis, Article, DiffOp, Group, Quote};
use rayon::prelude::*;
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};
use serde_json::Value;
use std::io::Write;

/// The whole result, serialized on the fly.
#[derive(Serialize)]
pub struct Contract<'a> {
    articles: &'a [Article],
    groups: Groups<'a>,
}

impl<'a> Contract<'a> {
    /// The contract view of `analysis`.
    pub fn new(analysis: &'a Analysis) -> Self {
        Self {
            articles: &analysis.articles,
            groups: Groups(analysis),
        }
    }
}

/// Every group, with its members' quotations.
struct Groups<'a>(&'a Analysis);

impl Serialize for Groups<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let analysis = self.0;
        serializer.collect_seq(
            analysis
                .groups
                .iter()
                .map(|group| GroupOut { analysis, group }),
        )
    }
}

/// One group as the contract nests it.
struct GroupOut<'a> {
    analysis: &'a Analysis,
    group: &'a Group,
}

impl Serialize for GroupOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let g = self.group;
        let mut out = serializer.serialize_struct("Group", 5)?;
        out.serialize_field("id", &g.group_id)?;
        out.serialize_field("speaker", &g.speaker)?;
        out.serialize_field("reference", &g.reference)?;
        out.serialize_field("flags", &g.flags)?;
        out.serialize_field("members", &Members(self))?;
        out.end()
    }
}

/// A group's members, each its quotation and diff.
struct Members<'a>(&'a GroupOut<'a>);

impl Serialize for Members<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let GroupOut { analysis, group } = self.0;
        serializer.collect_seq(group.members.iter().filter_map(|m| {
            Some(MemberOut {
                quote: analysis.quote(&m.quote_id)?,
                diff: &m.diff,
            })
        }))
    }
}

/// One member: the quotation's fields, then its diff.
#[derive(Serialize)]
struct MemberOut<'a> {
    #[serde(flatten)]
    quote: &'a Quote,
    diff: &'a [DiffOp],
}

/// Groups serialized at a time, on every core, before they are written in order.
const GROUP_CHUNK: usize = 512;

/// Streams the result to `out` as pretty-printed JSON with a final newline.
///
/// The text is what serde_json's pretty printer writes for the whole [`Contract`]; the groups
/// are serialized a chunk at a time on every core, each on its own and indented to its depth
/// (a JSON string holds no raw line break, so indenting after every line break is exact), and
/// written in order, so memory holds one chunk of groups, never the whole text.
pub fn write<W: Write>(analysis: &Analysis, mut out: W) -> std::io::Result<()> {
    out.write_all(b"{\n  \"articles\": ")?;
    let articles = pretty(&analysis.articles)?;
    out.write_all(&indented(&articles, 2))?;
    out.write_all(b",\n  \"groups\": [")?;
    for (c, chunk) in analysis.groups.chunks(GROUP_CHUNK).enumerate() {
        let texts: Vec<std::io::Result<Vec<u8>>> = chunk
            .par_iter()
            .map(|group| pretty(&GroupOut { analysis, group }).map(|t| indented(&t, 4)))
            .collect();
        for (i, text) in texts.into_iter().enumerate() {
            out.write_all(if c == 0 && i == 0 {
                b"\n    "
            } else {
                b",\n    "
            })?;
            out.write_all(&text?)?;
        }
    }
    if !analysis.groups.is_empty() {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"]\n}\n")?;
    out.flush()
}

/// `value` as serde_json's pretty printer writes it at the top level.
fn pretty<T: Serialize + ?Sized>(value: &T) -> std::io::Result<Vec<u8>> {
    serde_json::to_vec_pretty(value).map_err(std::io::Error::other)
}

/// `text` with `depth` spaces after every line break: the same value printed `depth` deep.
fn indented(text: &[u8], depth: usize) -> Vec<u8> {
    let breaks = text.iter().filter(|&&b| b == b'\n').count();
    let mut out = Vec::with_capacity(text.len() + breaks * depth);
    for &b in text {
        out.push(b);
        if b == b'\n' {
            out.extend(std::iter::repeat_n(b' ', depth));
        }
    }
    out
}

/// The analysis as the JSON value of the result contract.
pub fn to_value(analysis: &Analysis) -> Value {
    serde_json::to_value(Contract::new(analysis)).unwrap_or(Value::Null)
}

/// The analysis as pretty-printed JSON text.
pub fn to_string(analysis: &Analysis) -> String {
    let mut bytes = Vec::new();
    match write(analysis, &mut bytes) {
        Ok(()) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => "{}".to_string(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::{AnalyzeOptions, analyze, ingest};

    fn demo() -> Analysis {
        let mut paths: Vec<_> = std::fs::read_dir("assets/demo")
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        let articles = paths
            .iter()
            .map(|p| ingest::load_path(p).unwrap())
            .collect();
        analyze(articles, &AnalyzeOptions::default())
    }

    #[test]
    fn demo_result_matches_its_snapshot() {
        let value = to_value(&demo());
        insta::assert_json_snapshot!("demo", value);
    }

    #[test]
    fn members_carry_the_contract_fields() {
        let analysis = demo();
        let value = to_value(&analysis);
        let member = &value["groups"][0]["members"][0];
        for key in [
            "id",
            "article",
            "text",
            "speaker",
            "speaker_as_written",
            "kind",
        ] {
            assert!(member.get(key).is_some(), "{key} missing in {member}");
        }
        assert!(member["start"].is_u64() && member["end"].is_u64());
        let article = &value["articles"][0];
        assert!(article["id"].is_string() && article["path"].is_string());
        assert!(article.get("text").is_none(), "the article text stays out");
        let ops: Vec<&Value> = value["groups"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| g["members"].as_array().unwrap())
            .flat_map(|m| m["diff"].as_array().unwrap())
            .collect();
        assert!(
            ops.iter()
                .any(|op| op["op"] == "replace" && op["class"].is_string())
        );
        assert!(
            ops.iter()
                .filter(|op| op["op"] == "equal")
                .all(|op| op.get("class").is_none())
        );
    }

    #[test]
    fn written_text_is_what_the_pretty_printer_writes_for_the_whole_contract() {
        let mut analysis = demo();
        let whole = |analysis: &Analysis| {
            let mut text = serde_json::to_vec_pretty(&Contract::new(analysis)).unwrap();
            text.push(b'\n');
            text
        };
        let written = |analysis: &Analysis| {
            let mut text = Vec::new();
            write(analysis, &mut text).unwrap();
            text
        };
        assert!(analysis.groups.len() > 1);
        assert_eq!(written(&analysis), whole(&analysis));
        // More groups than one chunk holds.
        let groups = analysis.groups.clone();
        while analysis.groups.len() <= GROUP_CHUNK {
            analysis.groups.extend(groups.iter().cloned());
        }
        assert_eq!(written(&analysis), whole(&analysis));
        analysis.groups.clear();
        assert_eq!(written(&analysis), whole(&analysis));
        analysis.articles.clear();
        assert_eq!(written(&analysis), whole(&analysis));
    }

    #[test]
    fn streamed_text_is_the_value() {
        let analysis = demo();
        let text = to_string(&analysis);
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, to_value(&analysis));
    }
}
