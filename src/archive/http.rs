//! The HTTP response a WARC `response` record holds: status, headers and body as they
//! were sent, with chunked transfer-encoding and gzip, deflate or brotli content-encoding
//! undone. Parsing is `httparse`'s; this module only decides what to do with it.

use std::io::Read;

use encoding_rs::Encoding;

/// A response, decoded as far as a page needs.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    /// The `Content-Type` header as sent (`text/html; charset=windows-1251`).
    pub content_type: Option<String>,
    /// The body, with transfer- and content-encodings undone.
    pub body: Vec<u8>,
}

/// Why a record's HTTP message could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HttpError {
    #[error("not an HTTP response ({0})")]
    Malformed(String),
    #[error("the HTTP headers are cut off")]
    Truncated,
    #[error("the body unpacks to more than {0} bytes")]
    TooLarge(u64),
}

/// Parses an HTTP response. `limit` bounds what the body may unpack to, so a small
/// compressed bomb is refused like a large page.
pub fn parse_response(message: &[u8], limit: u64) -> Result<Response, HttpError> {
    let mut capacity = 64;
    let (status, head_len, content_type, chunked, encoding) = loop {
        let mut headers = vec![httparse::EMPTY_HEADER; capacity];
        let mut response = httparse::Response::new(&mut headers);
        match response.parse(message) {
            Ok(httparse::Status::Complete(len)) => {
                let header = |name: &str| {
                    response
                        .headers
                        .iter()
                        .filter(|h| h.name.eq_ignore_ascii_case(name))
                        .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
                        .next_back()
                };
                let chunked = header("transfer-encoding")
                    .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
                break (
                    response.code.unwrap_or(0),
                    len,
                    header("content-type"),
                    chunked,
                    header("content-encoding").map(|v| v.to_ascii_lowercase()),
                );
            }
            Ok(httparse::Status::Partial) => return Err(HttpError::Truncated),
            Err(httparse::Error::TooManyHeaders) if capacity < 1024 => capacity *= 4,
            Err(e) => return Err(HttpError::Malformed(e.to_string())),
        }
    };
    let raw = &message[head_len..];
    // Archivers differ: some store the body as sent, some store it already de-chunked or
    // unpacked but keep the headers. A decoding that fails means the step was done.
    let dechunked = if chunked {
        dechunk(raw).unwrap_or_else(|| raw.to_vec())
    } else {
        raw.to_vec()
    };
    let body = match encoding.as_deref().map(str::trim) {
        Some("gzip" | "x-gzip") if dechunked.starts_with(&[0x1f, 0x8b]) => {
            unpack(flate2::read::MultiGzDecoder::new(&dechunked[..]), limit)?
        }
        Some("deflate") => match unpack(flate2::read::ZlibDecoder::new(&dechunked[..]), limit) {
            Ok(body) => body,
            Err(HttpError::Malformed(_)) => {
                unpack(flate2::read::DeflateDecoder::new(&dechunked[..]), limit)
                    .unwrap_or(dechunked)
            }
            Err(e) => return Err(e),
        },
        Some("br") => {
            match unpack(
                brotli_decompressor::Decompressor::new(&dechunked[..], 8192),
                limit,
            ) {
                Ok(body) => body,
                Err(HttpError::Malformed(_)) => dechunked,
                Err(e) => return Err(e),
            }
        }
        _ => dechunked,
    };
    if body.len() as u64 > limit {
        return Err(HttpError::TooLarge(limit));
    }
    Ok(Response {
        status,
        content_type,
        body,
    })
}

/// Reads a decoder to its end, at most `limit` bytes.
fn unpack(decoder: impl Read, limit: u64) -> Result<Vec<u8>, HttpError> {
    let mut out = Vec::new();
    decoder
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| HttpError::Malformed(e.to_string()))?;
    if out.len() as u64 > limit {
        return Err(HttpError::TooLarge(limit));
    }
    Ok(out)
}

/// Undoes chunked transfer-encoding; `None` when the body is not chunked after all.
fn dechunk(mut raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(raw.len());
    loop {
        let (used, size) = match httparse::parse_chunk_size(raw) {
            Ok(httparse::Status::Complete(found)) => found,
            // A body cut inside a chunk header still keeps what came before it.
            Ok(httparse::Status::Partial) if !out.is_empty() => return Some(out),
            _ => return None,
        };
        if size == 0 {
            return Some(out);
        }
        raw = &raw[used..];
        let size = usize::try_from(size).ok()?;
        let take = size.min(raw.len());
        out.extend_from_slice(&raw[..take]);
        if take < size {
            return Some(out);
        }
        raw = &raw[take..];
        raw = raw
            .strip_prefix(b"\r\n")
            .or_else(|| raw.strip_prefix(b"\n"))
            .unwrap_or(raw);
    }
}

/// Whether a `Content-Type` names an HTML or XHTML page. A missing one is taken for HTML
/// when the body starts like markup.
pub fn is_html(content_type: Option<&str>, body: &[u8]) -> bool {
    match content_type {
        Some(value) if !value.trim().is_empty() => {
            let mime = value.split(';').next().unwrap_or("").trim();
            mime.eq_ignore_ascii_case("text/html")
                || mime.eq_ignore_ascii_case("application/xhtml+xml")
        }
        _ => {
            let start = body
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .map_or(&[][..], |i| &body[i..]);
            start.first() == Some(&b'<')
        }
    }
}

/// The encoding a `Content-Type` header names (`charset=...`), if any.
pub fn charset(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| Encoding::for_label(value.trim().trim_matches(['"', '\'']).as_bytes()))?
            .map(Encoding::output_encoding)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn plain_response_keeps_body_and_type() {
        let msg = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>hi</p>";
        let r = parse_response(msg, 1000).unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.content_type.as_deref(), Some("text/html; charset=utf-8"));
        assert_eq!(r.body, b"<p>hi</p>");
    }

    #[test]
    fn lf_only_headers_are_read() {
        let r =
            parse_response(b"HTTP/1.0 200 OK\nContent-Type: text/html\n\n<p>x</p>", 100).unwrap();
        assert_eq!(r.body, b"<p>x</p>");
    }

    #[test]
    fn chunked_and_gzipped_body_is_undone() {
        let packed = gzip(b"<p>Floods in Lima</p>");
        let (a, b) = packed.split_at(7);
        let mut msg =
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"
                .to_vec();
        for part in [a, b] {
            msg.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
            msg.extend_from_slice(part);
            msg.extend_from_slice(b"\r\n");
        }
        msg.extend_from_slice(b"0\r\n\r\n");
        let r = parse_response(&msg, 1000).unwrap();
        assert_eq!(r.body, b"<p>Floods in Lima</p>");
    }

    #[test]
    fn headers_kept_after_the_archiver_decoded_the_body() {
        let msg = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n<p>already plain</p>";
        assert_eq!(
            parse_response(msg, 1000).unwrap().body,
            b"<p>already plain</p>"
        );
    }

    #[test]
    fn a_gzip_bomb_is_refused() {
        let packed = gzip(&vec![b'a'; 100_000]);
        let mut msg = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        msg.extend_from_slice(&packed);
        assert_eq!(
            parse_response(&msg, 10_000).unwrap_err(),
            HttpError::TooLarge(10_000)
        );
    }

    #[test]
    fn brotli_body_is_undone() {
        // "<p>" + "Floods in Lima. " * 8 + "</p>", compressed by brotli at quality 5.
        let packed = [
            0x1b, 0x86, 0x00, 0x00, 0xc4, 0xce, 0x96, 0xea, 0x85, 0x44, 0x28, 0x26, 0x4a, 0x4a,
            0xb1, 0x29, 0x36, 0x9e, 0xed, 0x4b, 0x94, 0x08, 0x63, 0x18, 0x25, 0xa7, 0xd6, 0xbb,
            0xf9, 0x51, 0x0f, 0x5e, 0x13, 0x04, 0xc2, 0xa7,
        ];
        let mut msg = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n".to_vec();
        msg.extend_from_slice(&packed);
        let expected = format!("<p>{}</p>", "Floods in Lima. ".repeat(8));
        assert_eq!(
            parse_response(&msg, 1000).unwrap().body,
            expected.as_bytes()
        );
    }

    #[test]
    fn not_http_is_malformed() {
        assert!(matches!(
            parse_response(b"\x00\x01binary", 100),
            Err(HttpError::Malformed(_))
        ));
        assert_eq!(
            parse_response(b"HTTP/1.1 200 OK\r\nContent-Ty", 100).unwrap_err(),
            HttpError::Truncated
        );
    }

    #[test]
    fn html_types_and_charsets() {
        assert!(is_html(Some("text/html; charset=UTF-8"), b""));
        assert!(is_html(Some("application/xhtml+xml"), b""));
        assert!(!is_html(Some("image/jpeg"), b"<"));
        assert!(is_html(None, b"  <!doctype html>"));
        assert!(!is_html(None, b"\x89PNG"));
        assert_eq!(
            charset("text/html; charset=\"KOI8-R\""),
            Some(encoding_rs::KOI8_R)
        );
        assert_eq!(charset("text/html"), None);
    }
}
