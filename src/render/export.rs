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

/// Writes exported articles to `out`, one per call.
pub enum ExportWriter<W: Write> {
    Jsonl(W),
    Csv(Box<::csv::Writer<W>>),
    /// OpenSearch `_bulk` lines into the named index.
    Opensearch {
        out: W,
        index: String,
    },
    /// A JSON array of Solr documents; `first` until one is written.
    Solr {
        out: W,
        first: bool,
    },
}

impl<W: Write> ExportWriter<W> {
    pub fn jsonl(out: W) -> Self {
        ExportWriter::Jsonl(out)
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
        Ok(ExportWriter::Csv(Box::new(w)))
    }

    pub fn write(&mut self, a: &Article) -> io::Result<()> {
        match self {
            ExportWriter::Jsonl(out) => {
                let record = ArticleRecord {
                    schema_version: SCHEMA_VERSION,
                    id: &a.path,
                    article: a,
                    copies: None,
                };
                serde_json::to_writer(&mut *out, &record)?;
                writeln!(out)
            }
            ExportWriter::Csv(w) => {
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
                w.write_record(&row).map_err(csv_io_error)
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
            ExportWriter::Jsonl(mut out) | ExportWriter::Opensearch { mut out, .. } => out.flush(),
            ExportWriter::Solr { mut out, first } => {
                out.write_all(if first { b"[]\n" } else { b"\n]\n" })?;
                out.flush()
            }
            ExportWriter::Csv(mut w) => w.flush(),
        }
    }
}
