//! WACZ (Browsertrix, ArchiveWeb.page, Perma.cc): a ZIP holding WARC files under
//! `archive/`, with page lists and indexes beside them. The WARCs are stored without
//! compression, as the format asks, so each is read in place as a span of the ZIP file;
//! the ZIP's directory and the page list are read by the `zip` crate.

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use chrono::{DateTime, FixedOffset};

use super::warc::Span;

/// A WARC inside a WACZ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// Its name in the ZIP (`archive/data.warc.gz`).
    pub name: String,
    pub span: Span,
}

/// The WARCs of a WACZ, in the ZIP's order. WARC entries compressed inside the ZIP
/// cannot be read in place and are named in the second list.
pub fn members(path: &Path) -> Result<(Vec<Member>, Vec<String>), String> {
    let file = File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut zip =
        zip::ZipArchive::new(file).map_err(|e| format!("not a readable WACZ (ZIP) file: {e}"))?;
    let mut members = Vec::new();
    let mut compressed = Vec::new();
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| format!("damaged ZIP directory: {e}"))?;
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        if entry.is_dir() || !super::is_warc_name(&name) {
            continue;
        }
        match (entry.compression(), entry.data_start()) {
            (zip::CompressionMethod::Stored, Some(start)) => members.push(Member {
                name,
                span: Span {
                    start,
                    len: entry.size(),
                },
            }),
            _ => compressed.push(name),
        }
    }
    Ok((members, compressed))
}

/// The span of the WARC named `name` in a WACZ.
pub fn member(path: &Path, name: &str) -> Result<Span, String> {
    let (members, compressed) = members(path)?;
    if compressed.iter().any(|n| n == name) {
        return Err(format!(
            "{name} is compressed inside the ZIP, which dateline cannot read in place"
        ));
    }
    members
        .into_iter()
        .find(|m| m.name == name)
        .map(|m| m.span)
        .ok_or_else(|| format!("no {name} in it (the WACZ changed since it was indexed: run `dateline index` again)"))
}

/// What a WACZ's page list (`pages/pages.jsonl`) says of a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListedPage {
    pub title: Option<String>,
    pub ts: Option<DateTime<FixedOffset>>,
}

/// A page list larger than this is not read (it is only a fallback for titles and times).
const MAX_PAGE_LIST: u64 = 64 * 1024 * 1024;

/// The page list of a WACZ by URL (empty when it has none or it cannot be read: the
/// WARCs are what counts).
pub fn page_list(path: &Path) -> HashMap<String, ListedPage> {
    let mut pages = HashMap::new();
    let Ok(file) = File::open(path) else {
        return pages;
    };
    let Ok(mut zip) = zip::ZipArchive::new(file) else {
        return pages;
    };
    for name in ["pages/pages.jsonl", "pages/extraPages.jsonl"] {
        let Ok(entry) = zip.by_name(name) else {
            continue;
        };
        let mut text = String::new();
        if entry.take(MAX_PAGE_LIST).read_to_string(&mut text).is_err() {
            continue;
        }
        for line in text.lines() {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(url) = value.get("url").and_then(|u| u.as_str()) else {
                continue;
            };
            let text_of = |key: &str| {
                value
                    .get(key)
                    .and_then(|v| v.as_str())
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(str::to_string)
            };
            pages.entry(url.to_string()).or_insert(ListedPage {
                title: text_of("title"),
                ts: text_of("ts").and_then(|ts| super::parse_warc_date(&ts)),
            });
        }
    }
    pages
}
