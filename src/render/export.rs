//! `export` output: one article at a time, as JSON Lines (the same record as `show
//! --format json`, on one line) or CSV (metadata columns and the text).

use std::io::{self, Write};

use super::{ArticleRecord, SCHEMA_VERSION, csv_io_error};
use crate::article::Article;

/// The CSV columns of an export, in order.
pub const EXPORT_COLUMNS: &[&str] = &[
    "id",
    "title",
    "published",
    "authors",
    "agency",
    "site",
    "url",
    "lang",
    "dateline",
    "places",
    "place_ids",
    "captured",
    "text",
];

/// The fields of an exported JSON line, in order (`--fields` picks among them).
pub const EXPORT_JSON_FIELDS: &[&str] = &[
    "schema_version",
    "id",
    "path",
    "title",
    "published",
    "published_source",
    "authors",
    "agency",
    "site",
    "url",
    "captured",
    "captures",
    "lang",
    "description",
    "dateline",
    "metadata_places",
    "places",
    "mentions",
    "bytes",
    "text",
];

/// Writes exported articles to `out`, one per call.
pub enum ExportWriter<W: Write> {
    /// JSON Lines, with only the named fields when some are.
    Jsonl(W, Option<Vec<String>>),
    /// CSV, with only the named columns (their positions in [`EXPORT_COLUMNS`]) when some
    /// are.
    Csv(Box<::csv::Writer<W>>, Option<Vec<usize>>),
    /// OpenSearch `_bulk` lines into the named index.
    Opensearch { out: W, index: String },
    /// A JSON array of Solr documents; `first` until one is written.
    Solr { out: W, first: bool },
}

impl<W: Write> ExportWriter<W> {
    pub fn jsonl(out: W) -> Self {
        ExportWriter::Jsonl(out, None)
    }

    /// JSON Lines with only these fields, in this order (names from
    /// [`EXPORT_JSON_FIELDS`]).
    pub fn jsonl_fields(out: W, fields: &[String]) -> Self {
        ExportWriter::Jsonl(out, Some(fields.to_vec()))
    }

    /// CSV with only these columns, in this order (names from [`EXPORT_COLUMNS`]).
    pub fn csv_fields(out: W, fields: &[String]) -> io::Result<Self> {
        let picked: Vec<usize> = fields
            .iter()
            .filter_map(|f| EXPORT_COLUMNS.iter().position(|c| c == f))
            .collect();
        let mut w = ::csv::Writer::from_writer(out);
        w.write_record(picked.iter().map(|&i| EXPORT_COLUMNS[i]))
            .map_err(csv_io_error)?;
        Ok(ExportWriter::Csv(Box::new(w), Some(picked)))
    }

    pub fn opensearch(out: W, index: &str) -> Self {
        ExportWriter::Opensearch {
            out,
            index: index.to_string(),
        }
    }

    pub fn solr(out: W) -> Self {
        ExportWriter::Solr { out, first: true }
    }

    pub fn csv(out: W) -> io::Result<Self> {
        let mut w = ::csv::Writer::from_writer(out);
        w.write_record(EXPORT_COLUMNS).map_err(csv_io_error)?;
        Ok(ExportWriter::Csv(Box::new(w), None))
    }

    pub fn write(&mut self, a: &Article) -> io::Result<()> {
        match self {
            ExportWriter::Jsonl(out, fields) => {
                let record = ArticleRecord {
                    schema_version: SCHEMA_VERSION,
                    id: &a.path,
                    article: a,
                    copies: None,
                };
                match fields {
                    None => serde_json::to_writer(&mut *out, &record)?,
                    Some(fields) => {
                        let mut all = match serde_json::to_value(&record)? {
                            serde_json::Value::Object(map) => map,
                            _ => serde_json::Map::new(),
                        };
                        let picked: serde_json::Map<String, serde_json::Value> = fields
                            .iter()
                            .map(|f| (f.clone(), all.remove(f).unwrap_or_default()))
                            .collect();
                        serde_json::to_writer(&mut *out, &picked)?;
                    }
                }
                writeln!(out)
            }
            ExportWriter::Csv(w, picked) => {
                let join = |items: Vec<String>| items.join("; ");
                let row = [
                    a.path.clone(),
                    a.title.clone(),
                    a.published.map(|d| d.to_rfc3339()).unwrap_or_default(),
                    join(a.authors.clone()),
                    a.agency.clone().unwrap_or_default(),
                    a.site.clone().unwrap_or_default(),
                    a.url.clone().unwrap_or_default(),
                    a.lang.clone().unwrap_or_default(),
                    a.dateline
                        .as_ref()
                        .map(|d| d.raw.clone())
                        .unwrap_or_default(),
                    join(a.places.iter().map(|p| p.path.clone()).collect()),
                    join(a.places.iter().map(|p| p.id.to_string()).collect()),
                    a.captured.map(|d| d.to_rfc3339()).unwrap_or_default(),
                    a.text.clone(),
                ];
                match picked {
                    None => w.write_record(&row).map_err(csv_io_error),
                    Some(picked) => w
                        .write_record(picked.iter().map(|&i| row[i].as_str()))
                        .map_err(csv_io_error),
                }
            }
            ExportWriter::Opensearch { out, index } => super::bridge::write_bulk(out, index, a),
            ExportWriter::Solr { out, first } => {
                out.write_all(if *first { b"[\n" } else { b",\n" })?;
                *first = false;
                serde_json::to_writer(&mut *out, &super::bridge::solr_document(a))?;
                Ok(())
            }
        }
    }

    pub fn finish(self) -> io::Result<()> {
        match self {
            ExportWriter::Jsonl(mut out, _) | ExportWriter::Opensearch { mut out, .. } => {
                out.flush()
            }
            ExportWriter::Solr { mut out, first } => {
                out.write_all(if first { b"[]\n" } else { b"\n]\n" })?;
                out.flush()
            }
            ExportWriter::Csv(mut w, _) => w.flush(),
        }
    }
}
