//! Quotations → groups of the same statement across articles.

use crate::model::Quote;

/// Clusters of indices into `quotes`; every index is in exactly one cluster.
pub fn group(quotes: &[Quote]) -> Vec<Vec<usize>> {
    (0..quotes.len()).map(|i| vec![i]).collect()
}
