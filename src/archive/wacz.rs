//! WACZ (Browsertrix, ArchiveWeb.page, Perma.cc): a ZIP holding WARC files under
//! `archive/`, with page lists and indexes beside them. The WARCs are stored without
//! compression, as the format asks, so each is read in place as a span of the ZIP file;
//! the ZIP's directory is read by the `zip` crate.

use std::fs::File;
use std::path::Path;

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
