//! Ranking beyond BM25: the recency factor of `--fresh`. (The headline boost and the
//! proximity boost are part of the query, query.rs.)
//!
//! It must not decide what matches.

/// The recency factor of `--fresh`: 2 for a story published now, 1.5 a year ago, falling
/// towards 1 for old stories; 1 for undated ones.
pub(super) fn freshness(published: Option<i64>, now: i64) -> f32 {
    match published {
        Some(secs) => {
            let years = ((now - secs).max(0) as f32) / (365.25 * 86_400.0);
            1.0 + 1.0 / (1.0 + years)
        }
        None => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freshness_favours_recent_stories() {
        let now = 2_000_000_000;
        assert_eq!(freshness(Some(now), now), 2.0);
        let year_ago = freshness(Some(now - 31_557_600), now);
        assert!((year_ago - 1.5).abs() < 1e-3, "{year_ago}");
        assert!(freshness(Some(now - 10 * 31_557_600), now) < 1.1);
        assert_eq!(freshness(None, now), 1.0);
    }
}
