//! The JSON result contract (`shared/eval/README.md`), with more fields than it asks for.
