//! Reading WARC files (ISO 28500, WARC/1.0 and WARC/1.1) record by record, with each
//! record's byte offset, so that an article's id leads back to its bytes.
//!
//! Files may be plain, gzipped per record (what crawlers write: one gzip member per
//! record) or gzipped whole. Header lines may end in CRLF or LF alone. Only the reading
//! is here; what a record means for the index is decided in [`super`].
//!
//! A small reader of our own rather than a crate: ids need each record's offset in the
//! file (the compressed offset of its gzip member), a truncated or oversized record must
//! be reported and passed over without holding it in memory, and LF-only headers must be
//! read; the crates we looked at (`warc` 0.3) give none of these.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use flate2::bufread::GzDecoder;

/// A record's block is kept only up to this size when it is over the page limit: enough
/// to read its HTTP headers and say what it was.
const HEAD_OF_LARGE: usize = 16 * 1024;
/// A header line longer than this means the bytes are not WARC.
const MAX_LINE: u64 = 64 * 1024;
const MAX_HEADERS: usize = 1000;

/// One WARC record.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// Where the record starts: its byte offset in the file, or for a file gzipped
    /// whole, in the unpacked stream.
    pub offset: u64,
    /// `WARC-Type`, lower-cased (`response`, `resource`, `revisit`, `request`...).
    pub kind: String,
    pub target_uri: Option<String>,
    /// `WARC-Date` as written (RFC 3339 / W3C-DTF).
    pub date: Option<String>,
    pub content_type: Option<String>,
    pub payload_digest: Option<String>,
    /// For a revisit: the URI of the capture it repeats.
    pub refers_to_uri: Option<String>,
    /// The declared length of the block.
    pub length: u64,
    /// The block, or its first bytes when `length` is over the reader's limit.
    pub block: Vec<u8>,
}

impl Record {
    /// Whether the whole block was kept.
    pub fn is_whole(&self) -> bool {
        self.block.len() as u64 == self.length
    }
}

/// Why reading a WARC file stopped before its end.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WarcError {
    #[error("not a WARC file (it does not begin with a WARC/1.x record header)")]
    NotWarc,
    #[error("bytes at offset {offset} are not a WARC record header")]
    BadHeader { offset: u64 },
    #[error("the record at offset {offset} has no valid Content-Length")]
    NoLength { offset: u64 },
    #[error("the record at offset {offset} is cut off (the file ends inside its headers)")]
    Truncated { offset: u64 },
    #[error(
        "the record at offset {offset} is cut off (its block is {expected} bytes; the file ends {left} bytes into it)"
    )]
    CutBlock {
        offset: u64,
        expected: u64,
        left: u64,
    },
    #[error("the gzip data is damaged near offset {offset}: {reason}")]
    BadGzip { offset: u64, reason: String },
    #[error("cannot read: {0}")]
    Io(String),
}

/// Counts the bytes consumed from a reader, so that gzip members' offsets are known.
struct Counting<R> {
    inner: R,
    pos: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.pos += amt as u64;
        self.inner.consume(amt);
    }
}

type FileReader = Counting<BufReader<io::Take<File>>>;
type Member = BufReader<GzDecoder<FileReader>>;

enum Stream {
    Plain(FileReader),
    Gzip {
        member: Box<Member>,
        /// Compressed offset where the current member began.
        member_start: u64,
        /// Records read from the current member.
        in_member: usize,
    },
    Done,
}

/// Where in a file a WARC lies: all of it, or the bytes of a ZIP entry stored in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: u64,
    pub len: u64,
}

impl Span {
    pub const WHOLE: Span = Span {
        start: 0,
        len: u64::MAX,
    };
}

/// The records of a WARC file, in order. After an error the iterator ends.
pub struct Reader {
    stream: Stream,
    /// Bytes of the unpacked stream consumed so far.
    unpacked: u64,
    /// The file is gzipped whole: offsets are positions in the unpacked stream.
    whole_gzip: bool,
    limit: u64,
    read_any: bool,
    path: std::path::PathBuf,
    span: Span,
    gzipped: bool,
    /// After damage: where to look for the next record from.
    resync_from: Option<u64>,
}

impl Reader {
    /// Opens a WARC file; records whose block is over `limit` bytes keep only its head.
    pub fn open(path: &Path, limit: u64) -> io::Result<Reader> {
        Self::open_at(path, 0, limit)
    }

    /// Opens a WARC file at a record's offset (as [`Record::offset`] gives it, in a file
    /// that is plain or gzipped per record).
    pub fn open_at(path: &Path, offset: u64, limit: u64) -> io::Result<Reader> {
        Self::open_in(path, Span::WHOLE, offset, limit)
    }

    /// Opens the WARC file that is the `span` of the file at `path` (a WARC stored in a
    /// ZIP), at a record's offset in it; offsets are counted from the span's start.
    pub fn open_in(path: &Path, span: Span, offset: u64, limit: u64) -> io::Result<Reader> {
        let mut file = File::open(path)?;
        file.seek(SeekFrom::Start(span.start.saturating_add(offset)))?;
        let mut inner = Counting {
            inner: BufReader::with_capacity(256 * 1024, file.take(span.len.saturating_sub(offset))),
            pos: offset,
        };
        let gzipped = inner.fill_buf()?.starts_with(&[0x1f, 0x8b]);
        let stream = if gzipped {
            Stream::Gzip {
                member: Box::new(BufReader::new(GzDecoder::new(inner))),
                member_start: offset,
                in_member: 0,
            }
        } else {
            Stream::Plain(inner)
        };
        Ok(Reader {
            stream,
            unpacked: offset,
            whole_gzip: false,
            limit,
            read_any: offset > 0,
            path: path.to_path_buf(),
            span,
            gzipped,
            resync_from: None,
        })
    }

    /// Whether the file is gzipped whole (known once its second record is read).
    pub fn is_whole_gzip(&self) -> bool {
        self.whole_gzip
    }

    fn next_record(&mut self) -> Result<Option<Record>, WarcError> {
        loop {
            let stream = std::mem::replace(&mut self.stream, Stream::Done);
            match stream {
                Stream::Done => return Ok(None),
                Stream::Plain(mut file) => {
                    let record = read_record(&mut file, &mut self.unpacked, self.limit)?;
                    if record.is_some() {
                        self.stream = Stream::Plain(file);
                    }
                    return Ok(record);
                }
                Stream::Gzip {
                    mut member,
                    member_start,
                    in_member,
                } => {
                    let gz_err = |e: WarcError| match e {
                        WarcError::Io(reason) => WarcError::BadGzip {
                            offset: member_start,
                            reason,
                        },
                        other => other,
                    };
                    match read_record(&mut member, &mut self.unpacked, self.limit)
                        .map_err(gz_err)?
                    {
                        Some(mut record) => {
                            // A member's first record is known by the member's offset;
                            // further records in the first member mean the file is
                            // gzipped whole, and they keep their unpacked offsets.
                            if in_member == 0 {
                                record.offset = member_start;
                            } else if member_start == 0 {
                                self.whole_gzip = true;
                            }
                            self.stream = Stream::Gzip {
                                member,
                                member_start,
                                in_member: in_member + 1,
                            };
                            return Ok(Some(record));
                        }
                        None => {
                            // This member is done: another may follow.
                            let mut file = member.into_inner().into_inner();
                            let next = file.fill_buf().map_err(|e| WarcError::Io(e.to_string()))?;
                            if next.is_empty() {
                                return Ok(None);
                            }
                            if !next.starts_with(&[0x1f, 0x8b]) {
                                return Err(WarcError::BadGzip {
                                    offset: file.pos,
                                    reason: "bytes after a gzip member are not gzip".into(),
                                });
                            }
                            self.stream = Stream::Gzip {
                                member_start: file.pos,
                                member: Box::new(BufReader::new(GzDecoder::new(file))),
                                in_member: 0,
                            };
                        }
                    }
                }
            }
        }
    }
}

impl Iterator for Reader {
    type Item = Result<Record, WarcError>;

    /// Records in order; after a damaged one, the error, then the records from the next
    /// one that can be found (a gzip member, or a `WARC/1.` line, that reads as a record).
    fn next(&mut self) -> Option<Self::Item> {
        if let Some(from) = self.resync_from.take() {
            return self.resync(from).map(Ok);
        }
        match self.next_record() {
            Ok(Some(record)) => {
                self.read_any = true;
                Some(Ok(record))
            }
            Ok(None) => None,
            Err(e) => {
                self.stream = Stream::Done;
                let first = !std::mem::replace(&mut self.read_any, true);
                let damaged_at = match &e {
                    WarcError::BadHeader { offset }
                    | WarcError::NoLength { offset }
                    | WarcError::Truncated { offset }
                    | WarcError::CutBlock { offset, .. }
                    | WarcError::BadGzip { offset, .. } => Some(*offset),
                    WarcError::NotWarc | WarcError::Io(_) => None,
                };
                // A file gzipped whole is one stream: nothing can be found past damage.
                if !first && !self.whole_gzip {
                    self.resync_from = damaged_at;
                }
                Some(Err(match e {
                    WarcError::BadHeader { .. } if first => WarcError::NotWarc,
                    other => other,
                }))
            }
        }
    }
}

impl Reader {
    /// Looks past `damaged` for the next record that reads whole, and goes on from there.
    fn resync(&mut self, damaged: u64) -> Option<Record> {
        const CHUNK: usize = 1 << 20;
        let mut file = File::open(&self.path).ok()?;
        let mut at = damaged + 1;
        file.seek(SeekFrom::Start(self.span.start.checked_add(at)?))
            .ok()?;
        let mut file = file.take(self.span.len.saturating_sub(at));
        let mut window: Vec<u8> = Vec::with_capacity(CHUNK + 8);
        // Whether the byte before `window` ends a line (a record starts a line).
        let mut after_newline = false;
        // `window` holds bytes from offset `at`; a candidate needs 8 bytes to be judged.
        loop {
            let before = window.len();
            window.resize(before + CHUNK, 0);
            let n = file.read(&mut window[before..]).ok()?;
            window.truncate(before + n);
            let scan_to = if n == 0 {
                window.len()
            } else {
                window.len().saturating_sub(8)
            };
            for i in 0..scan_to {
                let rest = &window[i..];
                let candidate = if self.gzipped {
                    rest.starts_with(&[0x1f, 0x8b, 0x08])
                } else {
                    rest.starts_with(b"WARC/1.")
                        && if i == 0 {
                            after_newline
                        } else {
                            window[i - 1] == b'\n'
                        }
                };
                if !candidate {
                    continue;
                }
                let offset = at + i as u64;
                let Ok(mut reader) = Reader::open_in(&self.path, self.span, offset, self.limit)
                else {
                    continue;
                };
                if let Some(Ok(record)) = reader.next()
                    && record.offset == offset
                {
                    *self = reader;
                    self.read_any = true;
                    return Some(record);
                }
            }
            if n == 0 {
                return None;
            }
            if scan_to > 0 {
                after_newline = window[scan_to - 1] == b'\n';
            }
            window.drain(..scan_to);
            at += scan_to as u64;
        }
    }
}

/// Reads one record from `r`, whose next byte is at `pos` (advanced past the record).
/// `Ok(None)` at the end of the stream.
fn read_record(
    r: &mut impl BufRead,
    pos: &mut u64,
    limit: u64,
) -> Result<Option<Record>, WarcError> {
    let io_err = |e: io::Error| WarcError::Io(e.to_string());
    let mut line = Vec::new();
    // Blank lines between records (the CRLF CRLF that ends each one).
    loop {
        line.clear();
        let n = read_line(r, &mut line).map_err(io_err)?;
        if n == 0 {
            return Ok(None);
        }
        *pos += n as u64;
        if !line.iter().all(u8::is_ascii_whitespace) {
            break;
        }
    }
    let offset = *pos - line.len() as u64;
    if !line.starts_with(b"WARC/") {
        return Err(WarcError::BadHeader { offset });
    }
    let mut record = Record {
        offset,
        ..Record::default()
    };
    let mut length = None;
    let mut last: Option<(String, String)> = None;
    let mut finish = |field: Option<(String, String)>, record: &mut Record| {
        let Some((name, value)) = field else { return };
        match name.to_ascii_lowercase().as_str() {
            "warc-type" => record.kind = value.to_ascii_lowercase(),
            "warc-target-uri" => record.target_uri = Some(strip_angles(&value)),
            "warc-date" => record.date = Some(value),
            "content-type" => record.content_type = Some(value),
            "warc-payload-digest" => record.payload_digest = Some(value),
            "warc-refers-to-target-uri" => record.refers_to_uri = Some(strip_angles(&value)),
            "content-length" => length = value.parse::<u64>().ok(),
            _ => {}
        }
    };
    for _ in 0..MAX_HEADERS {
        line.clear();
        let n = read_line(r, &mut line).map_err(io_err)?;
        // The file ends inside the headers (a last line without its end).
        if n == 0 || line.last() != Some(&b'\n') {
            return Err(WarcError::Truncated { offset });
        }
        *pos += n as u64;
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        if text.starts_with([' ', '\t']) {
            if let Some((_, value)) = last.as_mut() {
                value.push(' ');
                value.push_str(text.trim());
            }
            continue;
        }
        finish(last.take(), &mut record);
        let Some((name, value)) = text.split_once(':') else {
            return Err(WarcError::BadHeader { offset });
        };
        last = Some((name.trim().to_string(), value.trim().to_string()));
    }
    finish(last.take(), &mut record);
    let length = length.ok_or(WarcError::NoLength { offset })?;
    record.length = length;
    let keep = if length > limit {
        HEAD_OF_LARGE as u64
    } else {
        length
    };
    let mut block = Vec::with_capacity(keep.min(1 << 20) as usize);
    let got = r.take(keep).read_to_end(&mut block).map_err(io_err)? as u64;
    let skipped = if length > keep {
        io::copy(&mut r.take(length - keep), &mut io::sink()).map_err(io_err)?
    } else {
        0
    };
    *pos += got + skipped;
    if got + skipped < length {
        return Err(WarcError::CutBlock {
            offset,
            expected: length,
            left: got + skipped,
        });
    }
    record.block = block;
    Ok(Some(record))
}

/// Reads a line (up to and with its `\n`), refusing one longer than [`MAX_LINE`].
fn read_line(r: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    let n = r.take(MAX_LINE).read_until(b'\n', line)?;
    if n as u64 == MAX_LINE && line.last() != Some(&b'\n') {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "a header line is too long",
        ));
    }
    Ok(n)
}

/// WARC 1.0 writes `<uri>` in some headers; 1.1 does not.
fn strip_angles(value: &str) -> String {
    value
        .strip_prefix('<')
        .and_then(|v| v.strip_suffix('>'))
        .unwrap_or(value)
        .to_string()
}

/// Reads back the record at `offset` of a WARC file: directly where the file allows it,
/// else by reading the file up to it (a file gzipped whole).
pub fn record_at(
    path: &Path,
    span: Span,
    offset: u64,
    limit: u64,
) -> Result<Option<Record>, WarcError> {
    let io_err = |e: io::Error| WarcError::Io(e.to_string());
    if let Some(Ok(record)) = Reader::open_in(path, span, offset, limit)
        .map_err(io_err)?
        .next()
        && record.offset == offset
    {
        return Ok(Some(record));
    }
    for record in Reader::open_in(path, span, 0, limit).map_err(io_err)? {
        let record = record?;
        if record.offset == offset {
            return Ok(Some(record));
        }
        // Offsets grow through a file, so the scan can stop once past it.
        if record.offset > offset {
            break;
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(kind: &str, uri: &str, body: &[u8], eol: &str) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.1{eol}WARC-Type: {kind}{eol}WARC-Target-URI: {uri}{eol}WARC-Date: 2019-11-19T12:00:00Z{eol}Content-Type: application/http; msgtype=response{eol}Content-Length: {}{eol}{eol}",
            body.len()
        )
        .into_bytes();
        out.extend_from_slice(body);
        out.extend_from_slice(format!("{eol}{eol}").as_bytes());
        out
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    fn write(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        file.write_all(bytes).unwrap();
        file
    }

    fn read_all(bytes: &[u8]) -> Vec<Result<Record, WarcError>> {
        let file = write(bytes);
        Reader::open(file.path(), 1 << 20).unwrap().collect()
    }

    #[test]
    fn plain_records_with_offsets_and_headers() {
        let a = record(
            "response",
            "http://a.example/1",
            b"HTTP/1.1 200 OK\r\n\r\none",
            "\r\n",
        );
        let b = record(
            "request",
            "<http://a.example/2>",
            b"GET / HTTP/1.1\r\n\r\n",
            "\r\n",
        );
        let all = [a.clone(), b].concat();
        let records: Vec<Record> = read_all(&all).into_iter().map(Result::unwrap).collect();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].offset, 0);
        assert_eq!(records[0].kind, "response");
        assert_eq!(records[0].date.as_deref(), Some("2019-11-19T12:00:00Z"));
        assert!(records[0].block.ends_with(b"one"));
        assert_eq!(records[1].offset, a.len() as u64);
        assert_eq!(records[1].target_uri.as_deref(), Some("http://a.example/2"));
    }

    #[test]
    fn lf_only_headers() {
        let a = record("response", "http://a/1", b"x", "\n");
        let b = record("resource", "http://a/2", b"yy", "\n");
        let records: Vec<Record> = read_all(&[a.clone(), b].concat())
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(records[1].offset, a.len() as u64);
        assert_eq!(records[1].block, b"yy");
    }

    #[test]
    fn per_record_gzip_gives_member_offsets_that_read_back() {
        let a = gzip(&record("response", "http://a/1", b"first", "\r\n"));
        let b = gzip(&record("response", "http://a/2", b"second", "\r\n"));
        let file = write(&[a.clone(), b].concat());
        let records: Vec<Record> = Reader::open(file.path(), 1 << 20)
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(
            records.iter().map(|r| r.offset).collect::<Vec<_>>(),
            [0, a.len() as u64]
        );
        let back = record_at(file.path(), Span::WHOLE, a.len() as u64, 1 << 20)
            .unwrap()
            .unwrap();
        assert_eq!(back.block, b"second");
    }

    #[test]
    fn whole_file_gzip_gives_unpacked_offsets_that_read_back() {
        let a = record("response", "http://a/1", b"first", "\r\n");
        let b = record("response", "http://a/2", b"second", "\r\n");
        let file = write(&gzip(&[a.clone(), b].concat()));
        let records: Vec<Record> = Reader::open(file.path(), 1 << 20)
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(records[1].offset, a.len() as u64);
        let back = record_at(file.path(), Span::WHOLE, a.len() as u64, 1 << 20)
            .unwrap()
            .unwrap();
        assert_eq!(back.block, b"second");
    }

    #[test]
    fn a_truncated_last_record_is_reported_after_the_good_ones() {
        let a = record("response", "http://a/1", b"whole", "\r\n");
        let b = record("response", "http://a/2", b"cut off here", "\r\n");
        let all = [a.clone(), b[..b.len() - 8].to_vec()].concat();
        let results = read_all(&all);
        assert!(results[0].is_ok());
        assert_eq!(
            results[1].as_ref().unwrap_err(),
            &WarcError::CutBlock {
                offset: a.len() as u64,
                expected: 12,
                left: 8,
            }
        );
        assert_eq!(results.len(), 2);
    }

    #[test]
    fn a_cut_gzip_member_is_reported() {
        let a = gzip(&record("response", "http://a/1", b"whole", "\r\n"));
        let b = gzip(&record("response", "http://a/2", &[b'z'; 5000], "\r\n"));
        let all = [a.clone(), b[..b.len() / 2].to_vec()].concat();
        let results = read_all(&all);
        assert!(results[0].is_ok());
        assert!(
            matches!(results[1], Err(WarcError::BadGzip { offset, .. } | WarcError::Truncated { offset } | WarcError::CutBlock { offset, .. }) if offset == a.len() as u64),
            "{:?}",
            results[1]
        );
    }

    #[test]
    fn not_warc_and_oversized_blocks() {
        let results = read_all(b"<html><p>a page</p></html>");
        assert_eq!(results[0].as_ref().unwrap_err(), &WarcError::NotWarc);
        let big = record("response", "http://a/1", &vec![b'a'; 50_000], "\r\n");
        let file = write(&[big.clone(), record("response", "http://a/2", b"ok", "\r\n")].concat());
        let records: Vec<Record> = Reader::open(file.path(), 10_000)
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(records[0].length, 50_000);
        assert!(!records[0].is_whole());
        assert_eq!(records[1].block, b"ok");
    }

    #[test]
    fn reading_goes_on_past_a_damaged_gzip_member() {
        let a = gzip(&record("response", "http://a/1", b"first", "\r\n"));
        let mut b = gzip(&record("response", "http://a/2", &[b'z'; 3000], "\r\n"));
        let middle = b.len() / 2;
        b[middle] ^= 0xff;
        b[middle + 1] ^= 0xff;
        let c = gzip(&record("response", "http://a/3", b"third", "\r\n"));
        let results = read_all(&[a.clone(), b.clone(), c].concat());
        assert!(results[0].is_ok());
        assert!(results[1].is_err(), "{:?}", results[1]);
        let last = results.last().unwrap().as_ref().unwrap();
        assert_eq!(last.block, b"third");
        assert_eq!(last.offset, (a.len() + b.len()) as u64);
    }

    #[test]
    fn reading_goes_on_past_garbage_in_a_plain_file() {
        let a = record("response", "http://a/1", b"first", "\r\n");
        let c = record("response", "http://a/3", b"third", "\r\n");
        let garbage = b"\x00\x01 this is not a record\r\nnor this\r\n".to_vec();
        let results = read_all(&[a.clone(), garbage.clone(), c].concat());
        assert!(results[0].is_ok());
        assert_eq!(
            results[1].as_ref().unwrap_err(),
            &WarcError::BadHeader {
                offset: a.len() as u64
            }
        );
        let last = results[2].as_ref().unwrap();
        assert_eq!(last.block, b"third");
        assert_eq!(last.offset, (a.len() + garbage.len()) as u64);
        assert_eq!(results.len(), 3);
    }
}
