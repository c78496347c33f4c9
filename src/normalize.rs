//! Words and their comparison keys.
