//! The command line: `verbatim analyze`, `verbatim export`.
