//! CSV output: one row per hit, quoted by the `csv` crate.

use std::io::{self, Write};

use crate::search::{SearchRequest, SearchResults};

const HEADER: &[&str] = &[
    "rank",
    "id",
    "score",
    "published",
    "title",
    "site",
    "authors",
    "lang",
    "place",
    "url",
    "snippet",
];

pub(super) fn write_results(
    out: &mut dyn Write,
    req: &SearchRequest,
    results: &SearchResults,
) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for r in super::json::records(req, results) {
        w.write_record([
            r.rank.to_string(),
            r.id,
            r.score.map(|s| format!("{s:.4}")).unwrap_or_default(),
            r.published.unwrap_or_default(),
            r.title,
            r.site.unwrap_or_default(),
            r.authors.join("; "),
            r.lang.unwrap_or_default(),
            r.places
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            r.url.unwrap_or_default(),
            r.snippets
                .first()
                .map(|s| s.text.clone())
                .unwrap_or_default(),
        ])?;
    }
    w.flush()
}
