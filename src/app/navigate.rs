//! Moving through the differences like a diff tool: next and previous change across the
//! versions of the selected statement, then on to the next statement in the list that has one.
//!
//! In: a step (`1` next, `-1` previous). Out: the selected statement and its current change
//! (`Document::difference`), and a request to scroll it into view. The changes and their order
//! are the comparison's own ([`crate::view::Comparison::changes`]): down the rows, across the
//! columns, so the keys visit exactly the marks the window shows.

use super::command::Tab;
use super::state::{AppState, Notice};
use crate::model::Group;
use crate::view::compare;

impl AppState {
    /// The marked changes of `group` in reading order, as (`quote_id`, op index).
    fn changes_of(&self, group: &Group) -> Vec<(String, usize)> {
        let doc = &self.doc;
        let rank = |article_id: &str| doc.article_rank(article_id);
        let Some(comparison) = compare(group, |id| doc.quote(id), rank, doc.hide_cosmetic) else {
            return Vec::new();
        };
        comparison
            .changes()
            .into_iter()
            .filter_map(|at| {
                let column = comparison.columns.get(at.column)?;
                Some((column.quote_id.clone(), at.change))
            })
            .collect()
    }

    /// Goes to the next (`step > 0`) or previous change, crossing into the neighbouring
    /// statements of the list when this one has no more.
    pub(super) fn step_difference(&mut self, step: i32) {
        let forward = step >= 0;
        if let Some(group) = self.doc.selected() {
            let changes = self.changes_of(group);
            let here =
                (self.doc.difference.as_ref()).and_then(|d| changes.iter().position(|c| c == d));
            let next = match (here, forward) {
                (Some(p), true) => Some(p + 1),
                (Some(p), false) => p.checked_sub(1),
                (None, true) => Some(0),
                (None, false) => changes.len().checked_sub(1),
            };
            if let Some(change) = next.and_then(|n| changes.get(n)) {
                self.show_difference(change.clone());
                return;
            }
        }
        let visible = self.doc.visible.clone();
        let positions: Box<dyn Iterator<Item = usize>> = match (self.doc.selected_pos, forward) {
            (Some(p), true) => Box::new(p + 1..visible.len()),
            (Some(p), false) => Box::new((0..p).rev()),
            (None, true) => Box::new(0..visible.len()),
            (None, false) => Box::new((0..visible.len()).rev()),
        };
        for pos in positions {
            let Some(gi) = visible
                .get(pos)
                .and_then(|&r| self.doc.derived.rows.get(r))
                .map(|r| r.group_index)
            else {
                continue;
            };
            let Some(group) = self.doc.analysis.groups.get(gi) else {
                continue;
            };
            let changes = self.changes_of(group);
            let pick = if forward {
                changes.first()
            } else {
                changes.last()
            };
            if let Some(change) = pick.cloned() {
                let group_id = group.group_id.clone();
                self.select_group(Some(group_id));
                self.effects.push(super::effect::Effect::ScrollList);
                self.show_difference(change);
                return;
            }
        }
        let edge = if forward { "last" } else { "first" };
        self.notices
            .push(Notice::Info(format!("This is the {edge} difference.")));
    }

    fn show_difference(&mut self, change: (String, usize)) {
        self.doc.difference = Some(change);
        self.doc.tab = Tab::Comparison;
        self.effects.push(super::effect::Effect::ScrollDifference);
    }
}
