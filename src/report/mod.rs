//! Analyses written out: the JSON contract, CSV, text for a terminal, and the exports (HTML
//! report, CSV, JSON with corrections) the app and `verbatim export` write.

pub mod csv;
pub mod export;
pub mod html;
pub mod json;
pub mod text;
