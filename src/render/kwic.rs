//! `kwic` output: one row per match. Text aligns the matches in one column for people
//! (the context before right-aligned to `--width`); CSV and JSON Lines carry the same
//! fields for scripts.

use std::io::{self, Write};

use super::csv_io_error;
use crate::search::KwicRow;

/// The CSV columns of `kwic`, in order.
pub const KWIC_COLUMNS: &[&str] = &[
    "id",
    "published",
    "site",
    "before",
    "match",
    "after",
    "start",
    "end",
];

/// Formats of `kwic`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum KwicFormat {
    #[default]
    Text,
    Csv,
    Jsonl,
}

/// Writes `kwic` rows one at a time.
pub enum KwicWriter<W: Write> {
    Text { out: W, width: usize, color: bool },
    Csv(Box<::csv::Writer<W>>),
    Jsonl(W),
}

impl<W: Write> KwicWriter<W> {
    pub fn new(out: W, format: KwicFormat, width: usize, color: bool) -> io::Result<Self> {
        Ok(match format {
            KwicFormat::Text => KwicWriter::Text { out, width, color },
            KwicFormat::Jsonl => KwicWriter::Jsonl(out),
            KwicFormat::Csv => {
                let mut w = ::csv::Writer::from_writer(out);
                w.write_record(KWIC_COLUMNS).map_err(csv_io_error)?;
                KwicWriter::Csv(Box::new(w))
            }
        })
    }

    pub fn write(&mut self, row: &KwicRow) -> io::Result<()> {
        match self {
            KwicWriter::Text { out, width, color } => {
                // The match starts in column width + 1, after a space where the text
                // has one ("the Black Sea, one", not "the Black Sea , one").
                let before = row.before.trim_end();
                let gap = if before.len() < row.before.len() {
                    " "
                } else {
                    ""
                };
                let after = row.after.trim_start();
                let after_gap = if after.len() < row.after.len() {
                    " "
                } else {
                    ""
                };
                let pad = (*width + 1).saturating_sub(before.chars().count() + gap.len());
                let (open, close) = if *color {
                    (super::text::MATCH, super::text::RESET)
                } else {
                    ("", "")
                };
                let date = row
                    .published
                    .as_deref()
                    .map_or("undated", |d| d.get(..10).unwrap_or(d));
                writeln!(
                    out,
                    "{:pad$}{before}{gap}{open}{}{close}{after_gap}{:<width$}  {date} {}",
                    "",
                    row.matched,
                    after,
                    row.id,
                    width = *width
                )
            }
            KwicWriter::Jsonl(out) => {
                serde_json::to_writer(&mut *out, row)?;
                writeln!(out)
            }
            KwicWriter::Csv(w) => w
                .write_record([
                    row.id.as_str(),
                    row.published.as_deref().unwrap_or_default(),
                    row.site.as_deref().unwrap_or_default(),
                    &row.before,
                    &row.matched,
                    &row.after,
                    &row.start.to_string(),
                    &row.end.to_string(),
                ])
                .map_err(csv_io_error),
        }
    }

    pub fn finish(self) -> io::Result<()> {
        match self {
            KwicWriter::Text { mut out, .. } | KwicWriter::Jsonl(mut out) => out.flush(),
            KwicWriter::Csv(mut w) => w.flush(),
        }
    }
}
