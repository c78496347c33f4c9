//! Greedy clustering of scored pairs: best pair first, joined only when the clusters' core
//! members match (or a lone fragment links strongly), and never two members of one article
//! unless they repeat the same words or are pieces of one statement (see `Index::pieces`).

use rayon::slice::ParallelSliceMut;

use super::{FRAGMENT_LINK, Index, THRESHOLD};

/// A scored pair: the score and the two quotation indices.
pub(super) type Edge = (f64, usize, usize);

/// A cluster being built: its members and its most complete member.
struct Cluster {
    members: Vec<usize>,
    core: usize,
}

/// Greedy clustering over scored pairs, best first, with the core and article guards.
pub(super) fn cluster(index: &Index, mut edges: Vec<Edge>) -> Vec<Vec<usize>> {
    let n = index.profiles.len();
    let mut owner: Vec<usize> = (0..n).collect();
    let mut clusters: Vec<Option<Cluster>> = (0..n)
        .map(|i| {
            Some(Cluster {
                members: vec![i],
                core: i,
            })
        })
        .collect();
    // Pairs are unique, so the order is total and an unstable sort gives one answer.
    edges.par_sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    for edge in edges {
        let (_, a, b) = edge;
        let (Some(&ca), Some(&cb)) = (owner.get(a), owner.get(b)) else {
            continue;
        };
        if ca == cb {
            continue;
        }
        let (Some(Some(x)), Some(Some(y))) = (clusters.get(ca), clusters.get(cb)) else {
            continue;
        };
        if !may_join(index, x, y, edge) {
            continue;
        }
        let completeness = |i: usize| index.profiles.get(i).map_or(0, |p| p.set.len());
        let core = if (completeness(y.core), std::cmp::Reverse(y.core))
            > (completeness(x.core), std::cmp::Reverse(x.core))
        {
            y.core
        } else {
            x.core
        };
        let Some(Some(taken)) = clusters.get_mut(cb).map(Option::take) else {
            continue;
        };
        for &m in &taken.members {
            if let Some(o) = owner.get_mut(m) {
                *o = ca;
            }
        }
        if let Some(Some(kept)) = clusters.get_mut(ca) {
            kept.members.extend(taken.members);
            kept.core = core;
        }
    }
    let mut out: Vec<Vec<usize>> = clusters
        .into_iter()
        .flatten()
        .map(|mut c| {
            c.members.sort_unstable();
            c.members
        })
        .collect();
    out.sort_by_key(|members| members.first().copied());
    out
}

/// Whether a lone quotation is a fragment that joins a cluster through a strong link to any
/// member: a fragment may match the version it was cut from better than the fullest version.
fn fragment_joins(index: &Index, lone: &Cluster, other: &Cluster, link: f64) -> bool {
    let size = |i: usize| index.profiles.get(i).map_or(0, |p| p.set.len());
    lone.members.len() == 1 && size(lone.core) < size(other.core) && link >= FRAGMENT_LINK
}

/// Whether clusters `x` and `y`, linked by a pair scoring `link`, may become one: their cores
/// match (or one is a fragment strongly linked), and any two members from one article repeat
/// the same words.
fn may_join(index: &Index, x: &Cluster, y: &Cluster, (link, a, b): Edge) -> bool {
    // When the link joins the two cores, its score is the core score.
    let cores_linked = if (x.core, y.core) == (a, b) || (x.core, y.core) == (b, a) {
        link >= THRESHOLD
    } else {
        index.score(x.core, y.core) >= THRESHOLD
    };
    let linked =
        cores_linked || fragment_joins(index, x, y, link) || fragment_joins(index, y, x, link);
    if !linked {
        return false;
    }
    x.members.iter().all(|&a| {
        y.members
            .iter()
            .all(|&b| !index.same_article(a, b) || index.near_identical(a, b) || index.pieces(a, b))
    })
}
