//! What the window and the reports both show, as plain data: the statements list's rows and
//! filters ([`summary`]), the speaker table ([`speakers`]), and a statement's versions laid out
//! in aligned columns of printed and struck words ([`columns`]).
//!
//! In: an [`crate::model::Analysis`] and one of its groups. Out: [`columns::Comparison`], the
//! columns in their order and each row's spans with their role (printed by that version, or a
//! reference word it lacks) and class; and each class's colour and description
//! ([`palette`]), the same in the window and the HTML report. Nothing here names a GUI type; the
//! window turns roles and classes into text formats at draw time.

pub mod columns;
pub mod nearest;
pub mod palette;
pub mod pieces;
pub mod rows;
pub mod speakers;
pub mod summary;

pub use columns::{ChangeAt, Column, Comparison, Span, SpanRole, VersionMarks, compare};
