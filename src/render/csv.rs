//! CSV output: one row per hit, quoted by the `csv` crate.

use std::io::{self, Write};

use super::csv_io_error;

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
    // Columns are only ever added at the end, so scripts that read by position keep working.
    "captured",
];

pub(super) fn write_results(
    out: &mut dyn Write,
    req: &SearchRequest,
    results: &SearchResults,
) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER).map_err(csv_io_error)?;
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
            r.captured.unwrap_or_default(),
        ])
        .map_err(csv_io_error)?;
    }
    w.flush()
}

/// CSV with the chosen hit fields as columns; lists are joined with "; ", objects written
/// as JSON.
pub(super) fn write_fields(
    out: &mut dyn Write,
    req: &SearchRequest,
    results: &SearchResults,
    fields: &[String],
) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(fields).map_err(csv_io_error)?;
    for record in super::json::records(req, results) {
        let value = super::json::hit_value(&record, None);
        let cells: Vec<String> = fields.iter().map(|f| cell(value.get(f))).collect();
        w.write_record(&cells).map_err(csv_io_error)?;
    }
    w.flush()
}

fn cell(value: Option<&serde_json::Value>) -> String {
    use serde_json::Value;
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("; "),
        Some(other) => other.to_string(),
    }
}
