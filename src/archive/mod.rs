//! Web archives: WARC files (plain, gzipped per record or whole) read record by record
//! into pages, each known by the id `FILE#OFFSET`.
//!
//! This module decides what a record is for the index (a page, or something passed over
//! and why); it never extracts articles or touches the index.

pub mod http;
pub mod mhtml;
pub mod singlefile;
pub mod wacz;
pub mod warc;

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDateTime};

pub use crate::corpus::is_archive;
pub use warc::{Record, WarcError};

use crate::extract::{Origin, SkipReason};

/// A page an archive record holds.
#[derive(Debug)]
pub struct Payload {
    pub bytes: Vec<u8>,
    pub origin: Origin,
}

/// Why a record is not a page. Records like these are many in a crawl (requests,
/// images, scripts), so they are counted in the summary, not listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PassedOver {
    /// `request`, `metadata`, `warcinfo`, `conversion`, `continuation`.
    NotAResponse,
    /// A response or resource that is not an HTML page (images, scripts, PDFs, DNS).
    NotHtml,
    /// An HTTP status other than 2xx (redirects, errors).
    NotOk,
    /// A revisit of a capture that this run did not read.
    Revisit,
}

impl PassedOver {
    pub fn label(self) -> &'static str {
        match self {
            PassedOver::NotAResponse => "requests and metadata",
            PassedOver::NotHtml => "not HTML",
            PassedOver::NotOk => "HTTP status not 2xx",
            PassedOver::Revisit => "revisits of captures not indexed",
        }
    }
}

/// What one record gives.
#[derive(Debug)]
pub enum RecordPage {
    Page(Payload),
    Passed(PassedOver),
    /// An HTML record that cannot be read (too large, damaged HTTP).
    Broken(SkipReason),
}

/// Whether a name is a WARC file's (`.warc`, `.warc.gz`).
pub fn is_warc_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// The id of a record: the WARC's id in the corpus (`crawl.warc.gz`, or for a WARC in a
/// WACZ `site.wacz/archive/data.warc.gz`), `#`, the record's offset in that WARC.
pub fn record_id(warc: &str, offset: u64) -> String {
    format!("{warc}#{offset}")
}

/// The WARC and offset of a record's id; `None` for a page file's id.
pub fn split_id(id: &str) -> Option<(&str, u64)> {
    let (warc, offset) = id.rsplit_once('#')?;
    let offset = offset.parse().ok()?;
    is_archive(Path::new(warc)).then_some((warc, offset))
}

/// The archive file in the corpus that holds a record's WARC: the WARC itself, or the WACZ
/// it is in; and the WARC's name inside that WACZ.
pub fn archive_file_of(warc: &str) -> (&str, Option<&str>) {
    let lower = warc.to_ascii_lowercase();
    match lower.find(".wacz/") {
        Some(at) => (&warc[..at + 5], Some(&warc[at + 6..])),
        None => (warc, None),
    }
}

/// The page bytes behind an article id, read again from the corpus: a page file's bytes
/// (unpacked when gzipped), or the payload of an archive record with its HTTP encodings
/// undone.
pub fn original_page(corpus_root: &Path, id: &str, limit: u64) -> crate::Result<Vec<u8>> {
    let Some((file, offset)) = split_id(id) else {
        let path = corpus_root.join(id);
        return crate::extract::read_limited(&path, limit).map_err(|e| crate::Error::Original {
            path,
            reason: e.to_string(),
        });
    };
    let (file, member) = archive_file_of(file);
    let path = corpus_root.join(file);
    let fail = |reason: String| crate::Error::Original {
        path: path.clone(),
        reason,
    };
    let span = match member {
        Some(name) => wacz::member(&path, name).map_err(fail)?,
        None => warc::Span::WHOLE,
    };
    let record = warc::record_at(&path, span, offset, limit)
        .map_err(|e| fail(e.to_string()))?
        .ok_or_else(|| {
            fail(format!(
                "no record at offset {offset} (the archive changed since it was indexed: run `dateline index` again)"
            ))
        })?;
    match page_of(&record, limit) {
        RecordPage::Page(payload) => Ok(payload.bytes),
        RecordPage::Passed(why) => Err(fail(format!(
            "the record at offset {offset} holds no page ({})",
            why.label()
        ))),
        RecordPage::Broken(reason) => Err(fail(format!("the record at offset {offset}: {reason}"))),
    }
}

/// Reads a record as a page, undoing its HTTP encodings; `limit` bounds the page's size.
pub fn page_of(record: &Record, limit: u64) -> RecordPage {
    let origin = |content_type: Option<&str>| Origin {
        charset: content_type.and_then(http::charset),
        url: record.target_uri.clone(),
        captured: record.date.as_deref().and_then(parse_warc_date),
    };
    let too_large = || {
        RecordPage::Broken(SkipReason::TooLarge {
            size: record.length,
            limit,
        })
    };
    match record.kind.as_str() {
        "response" => {
            let is_http = record
                .content_type
                .as_deref()
                .is_none_or(|t| t.to_ascii_lowercase().starts_with("application/http"));
            if !is_http {
                return RecordPage::Passed(PassedOver::NotHtml);
            }
            let response = match http::parse_response(&record.block, limit) {
                Ok(response) => response,
                // The head of an oversized record is enough to tell what it was.
                Err(http::HttpError::Truncated) if !record.is_whole() => {
                    return RecordPage::Passed(PassedOver::NotHtml);
                }
                Err(http::HttpError::TooLarge(_)) => return too_large(),
                Err(e) => return RecordPage::Broken(SkipReason::Damaged(e.to_string())),
            };
            if !(200..300).contains(&response.status) {
                return RecordPage::Passed(PassedOver::NotOk);
            }
            if !http::is_html(response.content_type.as_deref(), &response.body) {
                return RecordPage::Passed(PassedOver::NotHtml);
            }
            if !record.is_whole() {
                return too_large();
            }
            RecordPage::Page(Payload {
                origin: origin(response.content_type.as_deref()),
                bytes: response.body,
            })
        }
        "resource" => {
            if !http::is_html(record.content_type.as_deref(), &record.block) {
                return RecordPage::Passed(PassedOver::NotHtml);
            }
            if !record.is_whole() {
                return too_large();
            }
            RecordPage::Page(Payload {
                origin: origin(record.content_type.as_deref()),
                bytes: record.block.clone(),
            })
        }
        "revisit" => RecordPage::Passed(PassedOver::Revisit),
        _ => RecordPage::Passed(PassedOver::NotAResponse),
    }
}

/// `WARC-Date`: RFC 3339 (W3C-DTF), or the 14 digits of ARC-era tools.
pub fn parse_warc_date(raw: &str) -> Option<DateTime<FixedOffset>> {
    let raw = raw.trim();
    DateTime::parse_from_rfc3339(raw).ok().or_else(|| {
        NaiveDateTime::parse_from_str(raw, "%Y%m%d%H%M%S")
            .ok()
            .map(|t| t.and_utc().fixed_offset())
    })
}

/// Tells repeated captures from new ones: the same URL with the same payload (an equal
/// payload digest, or a `revisit` record pointing at it) is one article captured again.
#[derive(Debug, Default)]
pub struct Captures {
    first: HashMap<u64, String>,
}

/// A record that repeats an earlier capture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recapture {
    /// The id of the first capture.
    pub of: String,
    pub date: Option<DateTime<FixedOffset>>,
}

impl Captures {
    /// Whether `record` (with id `id`) repeats a capture seen before; if not, and it can
    /// be repeated, it is remembered as a first capture.
    pub fn repeats(&mut self, record: &Record, id: &str) -> Option<Recapture> {
        let uri = if record.kind == "revisit" {
            record
                .refers_to_uri
                .as_ref()
                .or(record.target_uri.as_ref())?
        } else {
            record.target_uri.as_ref()?
        };
        let digest = match &record.payload_digest {
            Some(digest) => digest.trim().to_string(),
            None if record.kind == "revisit" => return None,
            None => format!("xxh3:{:x}", xxhash_rust::xxh3::xxh3_64(body_of(record))),
        };
        let key = xxhash_rust::xxh3::xxh3_64(format!("{uri}\n{digest}").as_bytes());
        if let Some(of) = self.first.get(&key) {
            return Some(Recapture {
                of: of.clone(),
                date: record.date.as_deref().and_then(parse_warc_date),
            });
        }
        if record.kind != "revisit" {
            self.first.insert(key, id.to_string());
        }
        None
    }
}

/// The payload part of a record's block: after the HTTP headers of a response.
fn body_of(record: &Record) -> &[u8] {
    let block = &record.block[..];
    if record.kind != "response" {
        return block;
    }
    let end = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| i + 4)
        .or_else(|| block.windows(2).position(|w| w == b"\n\n").map(|i| i + 2));
    end.map_or(block, |i| &block[i..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(uri: &str, http: &str) -> Record {
        Record {
            kind: "response".into(),
            target_uri: Some(uri.into()),
            date: Some("2019-11-19T12:00:00Z".into()),
            content_type: Some("application/http; msgtype=response".into()),
            length: http.len() as u64,
            block: http.as_bytes().to_vec(),
            ..Record::default()
        }
    }

    #[test]
    fn ids_name_archive_and_offset() {
        assert_eq!(record_id("crawl/a.warc.gz", 1234), "crawl/a.warc.gz#1234");
        assert_eq!(
            split_id("crawl/a.warc.gz#1234"),
            Some(("crawl/a.warc.gz", 1234))
        );
        assert_eq!(split_id("pages/a#1.html"), None);
        assert_eq!(split_id("pages/b.html"), None);
        let id = "crawls/site.wacz/archive/data.warc.gz#77";
        let (warc, offset) = split_id(id).unwrap();
        assert_eq!(offset, 77);
        assert_eq!(
            archive_file_of(warc),
            ("crawls/site.wacz", Some("archive/data.warc.gz"))
        );
        assert_eq!(archive_file_of("a.warc"), ("a.warc", None));
    }

    #[test]
    fn html_response_is_a_page_with_its_origin() {
        let r = response(
            "https://news.example/a",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n<p>x</p>",
        );
        let RecordPage::Page(page) = page_of(&r, 1000) else {
            panic!("not a page");
        };
        assert_eq!(page.bytes, b"<p>x</p>");
        assert_eq!(page.origin.charset, Some(encoding_rs::WINDOWS_1251));
        assert_eq!(page.origin.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(
            page.origin.captured.unwrap().to_rfc3339(),
            "2019-11-19T12:00:00+00:00"
        );
    }

    #[test]
    fn other_records_are_passed_over_with_a_reason() {
        let image = response("u", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG");
        assert!(matches!(
            page_of(&image, 1000),
            RecordPage::Passed(PassedOver::NotHtml)
        ));
        let moved = response("u", "HTTP/1.1 301 Moved\r\nLocation: /b\r\n\r\n");
        assert!(matches!(
            page_of(&moved, 1000),
            RecordPage::Passed(PassedOver::NotOk)
        ));
        let request = Record {
            kind: "request".into(),
            ..response("u", "GET / HTTP/1.1\r\n\r\n")
        };
        assert!(matches!(
            page_of(&request, 1000),
            RecordPage::Passed(PassedOver::NotAResponse)
        ));
    }

    #[test]
    fn the_same_payload_at_the_same_url_is_a_recapture() {
        let mut captures = Captures::default();
        let page = "HTTP/1.1 200 OK\r\nDate: Tue\r\n\r\n<p>same</p>";
        let later = "HTTP/1.1 200 OK\r\nDate: Wed\r\n\r\n<p>same</p>";
        let changed = "HTTP/1.1 200 OK\r\nDate: Wed\r\n\r\n<p>changed</p>";
        assert_eq!(captures.repeats(&response("u", page), "a#0"), None);
        assert_eq!(
            captures
                .repeats(&response("u", later), "a#10")
                .map(|r| r.of),
            Some("a#0".to_string())
        );
        assert_eq!(captures.repeats(&response("u", changed), "a#20"), None);
        assert_eq!(captures.repeats(&response("v", page), "a#30"), None);
    }

    #[test]
    fn a_revisit_points_at_its_first_capture_by_digest() {
        let mut captures = Captures::default();
        let first = Record {
            payload_digest: Some("sha1:ABC".into()),
            ..response("u", "HTTP/1.1 200 OK\r\n\r\n<p>x</p>")
        };
        assert_eq!(captures.repeats(&first, "a#0"), None);
        let revisit = Record {
            kind: "revisit".into(),
            refers_to_uri: Some("u".into()),
            date: Some("2019-12-01T00:00:00Z".into()),
            ..first.clone()
        };
        let again = captures.repeats(&revisit, "a#99").unwrap();
        assert_eq!(again.of, "a#0");
        assert_eq!(
            again.date.unwrap().to_rfc3339(),
            "2019-12-01T00:00:00+00:00"
        );
    }

    #[test]
    fn warc_dates() {
        assert!(parse_warc_date("2019-11-19T12:00:00.123456Z").is_some());
        assert_eq!(
            parse_warc_date("20191119120000").unwrap().to_rfc3339(),
            "2019-11-19T12:00:00+00:00"
        );
        assert_eq!(parse_warc_date("yesterday"), None);
    }
}
