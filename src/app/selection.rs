//! The selection and the list: swapping in a new analysis while keeping the selected
//! statement, filtering and sorting, moving up and down, and choosing a group's reference.
//!
//! In: commands routed here by [`AppState::apply`]. Out: changes to the document's analysis,
//! visible rows and selection.

use super::command::Tab;
use super::state::AppState;
use super::view::Derived;
use crate::model::Analysis;

impl AppState {
    /// Shows `analysis` (with its summaries when already built), keeping the selected
    /// statement when it is still there.
    pub(super) fn swap_analysis(&mut self, analysis: Analysis, derived: Option<Derived>) {
        let previous = self.doc.selected().map(|g| g.reference.clone());
        let keep = previous.and_then(|quote_id| {
            let q = self.doc.quote(&quote_id)?;
            let article = self.doc.analysis.article(&q.article_id)?;
            Some(q.key(article))
        });
        let derived = derived.unwrap_or_else(|| Derived::new(&analysis));
        let old = (
            std::mem::replace(&mut self.doc.derived, derived),
            std::mem::replace(&mut self.doc.analysis, analysis),
        );
        // Freeing a large analysis takes long: off the UI thread, or here if no thread starts.
        if let Err(e) = std::thread::Builder::new()
            .name("free analysis".into())
            .spawn(move || drop(old))
        {
            drop(e);
        }
        self.doc.index_analysis();
        self.doc.generation += 1;
        let reselect = keep.and_then(|key| {
            let analysis = &self.doc.analysis;
            let quote = analysis.quotes.iter().find(|q| {
                analysis
                    .article(&q.article_id)
                    .is_some_and(|a| q.key(a) == key)
            })?;
            let gi = self.doc.derived.group_of_quote(&quote.quote_id)?;
            analysis.groups.get(gi).map(|g| g.group_id.clone())
        });
        self.doc.selected_quote = None;
        self.refilter();
        self.select_group(reselect.or_else(|| self.first_visible_group()));
    }

    fn first_visible_group(&self) -> Option<String> {
        let row = self.doc.visible.first()?;
        self.doc.derived.rows.get(*row).map(|r| r.group_id.clone())
    }

    /// Lists the statements that pass the filters; a selected statement the filters hide
    /// gives way to the first one listed, so the comparison never shows a hidden statement.
    pub(super) fn refilter(&mut self) {
        let d = &self.doc;
        let (speaker, text) = (d.speaker_filter.as_deref(), d.text_filter.as_str());
        self.doc.visible = d
            .derived
            .visible_rows_of(d.sort, speaker, text, d.kind_filter);
        self.locate_selection();
        if self.doc.selected_group.is_some() && self.doc.selected_pos.is_none() {
            self.select_group(self.first_visible_group());
        }
    }

    pub(super) fn select_group(&mut self, group_id: Option<String>) {
        if group_id != self.doc.selected_group {
            self.doc.selected_quote = None;
            self.doc.article_shown = None;
            self.doc.wording_shown = None;
            self.doc.difference = None;
            if self.doc.tab == Tab::Article {
                self.doc.tab = Tab::Comparison;
            }
        }
        self.doc.selected_group = group_id;
        let doc = &self.doc;
        self.doc.not_quoted = doc
            .selected()
            .map(|group| doc.derived.not_quoted_by(&doc.analysis, group))
            .unwrap_or_default();
        self.locate_selection();
    }

    fn locate_selection(&mut self) {
        let doc = &self.doc;
        self.doc.selected_pos = doc.selected_group.as_ref().and_then(|id| {
            doc.visible.iter().position(|&r| {
                doc.derived
                    .rows
                    .get(r)
                    .is_some_and(|row| row.group_id == *id)
            })
        });
    }

    pub(super) fn move_selection(&mut self, step: i32) {
        let doc = &self.doc;
        let current = doc.selected_pos;
        let last = doc.visible.len().saturating_sub(1);
        let next = match current {
            Some(pos) if step < 0 => pos.saturating_sub(step.unsigned_abs() as usize),
            Some(pos) => (pos + step as usize).min(last),
            None => 0,
        };
        let group_id = doc
            .visible
            .get(next)
            .and_then(|&r| doc.derived.rows.get(r))
            .map(|row| row.group_id.clone());
        if group_id.is_some() {
            self.effects.push(super::effect::Effect::ScrollList);
            self.select_group(group_id);
        }
    }

    /// Makes `quote_id` its group's reference, as a correction (undoable, saved, and kept by
    /// every later analysis).
    pub(super) fn set_reference(&mut self, quote_id: &str) {
        if let Some(quote) = crate::corrections::key_of(&self.doc.analysis, quote_id) {
            self.correct(crate::corrections::Correction::ChooseReference { quote });
        }
    }

    /// Opens `article_id` in the article view at the passage nearest to the selected
    /// statement's reference wording, highlighted; the article's top when none is near.
    pub(super) fn show_nearest_wording(&mut self, article_id: String) {
        let statement = (self.doc.selected())
            .and_then(|g| self.doc.quote(&g.reference))
            .map(|q| q.text.clone());
        let near = (self.doc.analysis.article(&article_id))
            .zip(statement)
            .and_then(|(article, text)| crate::view::nearest::nearest_wording(article, &text));
        self.doc.article_shown = Some(article_id);
        self.doc.selected_quote = None;
        self.doc.tab = Tab::Article;
        if near.is_some() {
            self.effects.push(super::effect::Effect::ScrollArticle);
        }
        self.doc.wording_shown = near;
    }
}
