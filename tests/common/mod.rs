//! Helpers for end-to-end tests: run the real binary on the bundled corpus or on a
//! temporary one.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;

/// Every field a hit carries, as the README's "JSON output" section documents them. Kept
/// apart from the library's own list on purpose: this is the contract scripts rely on.
pub const DOCUMENTED_HIT_FIELDS: &[&str] = &[
    "schema_version",
    "rank",
    "id",
    "score",
    "title",
    "title_highlights",
    "published",
    "captured",
    "authors",
    "site",
    "url",
    "lang",
    "description",
    "dateline",
    "places",
    "path",
    "bytes",
    "snippets",
    "similar",
];

pub fn dateline() -> Command {
    let mut cmd = Command::cargo_bin("dateline").expect("the dateline binary is built");
    cmd.env_remove("NO_COLOR");
    cmd
}

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Runs `dateline index CORPUS --index INDEX --quiet` and expects success.
pub fn build_index(corpus: &Path, index: &Path) {
    dateline()
        .arg("index")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .arg("--quiet")
        .assert()
        .success();
}

/// An index of the bundled corpus, built once per test binary.
pub fn corpus_index() -> &'static Path {
    static INDEX: OnceLock<tempfile::TempDir> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            build_index(&corpus_dir(), dir.path());
            dir
        })
        .path()
}

/// Runs `dateline query` on the corpus index and returns (exit code, stdout, stderr).
pub fn query(args: &[&str]) -> (i32, String, String) {
    run_on_corpus("query", args)
}

/// Runs a dateline command (`query`, `export`, ...) on the corpus index and returns (exit
/// code, stdout, stderr).
pub fn run_on_corpus(command: &str, args: &[&str]) -> (i32, String, String) {
    let out = dateline()
        .arg(command)
        .arg("--index")
        .arg(corpus_index())
        .args(args)
        .output()
        .expect("dateline runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs a query with `--format jsonl` and parses every line.
pub fn hits(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--format", "jsonl"];
    all.extend_from_slice(args);
    let (code, stdout, stderr) = query(&all);
    assert!(
        code == 0 || code == 1,
        "query {args:?} failed ({code}): {stderr}"
    );
    stdout
        .lines()
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("bad JSON line {line:?}: {e}"))
        })
        .collect()
}

pub fn ids(hits: &[Value]) -> Vec<String> {
    hits.iter()
        .map(|h| h["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The full stored text of an article, through `dateline show --format json`.
pub fn article(id: &str) -> Value {
    let out = dateline()
        .args(["show", "--format", "json", "--index"])
        .arg(corpus_index())
        .arg(id)
        .output()
        .expect("dateline runs");
    assert!(
        out.status.success(),
        "show {id}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("show prints JSON")
}

/// How a test archive is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gzip {
    None,
    /// One gzip member per record, as crawlers write `.warc.gz`.
    PerRecord,
    /// The whole file as one gzip stream.
    Whole,
}

/// Writes small WARC files for tests, record by record, as crawlers write them.
#[derive(Debug, Clone)]
pub struct Warc {
    eol: &'static str,
    records: Vec<Vec<u8>>,
}

impl Default for Warc {
    fn default() -> Self {
        Warc {
            eol: "\r\n",
            records: Vec::new(),
        }
    }
}

impl Warc {
    /// Header lines end in LF alone (some tools write them so).
    pub fn lf_only(mut self) -> Self {
        self.eol = "\n";
        self
    }

    /// A record with its WARC headers (`extra`: more `Name: value` lines) and block.
    pub fn record(
        &mut self,
        kind: &str,
        uri: &str,
        date: &str,
        content_type: &str,
        extra: &[(&str, &str)],
        block: &[u8],
    ) -> &mut Self {
        let eol = self.eol;
        let mut head = format!("WARC/1.1{eol}WARC-Type: {kind}{eol}");
        if !uri.is_empty() {
            head.push_str(&format!("WARC-Target-URI: {uri}{eol}"));
        }
        head.push_str(&format!(
            "WARC-Date: {date}{eol}WARC-Record-ID: <urn:uuid:{}>{eol}Content-Type: {content_type}{eol}",
            self.records.len()
        ));
        for (name, value) in extra {
            head.push_str(&format!("{name}: {value}{eol}"));
        }
        head.push_str(&format!("Content-Length: {}{eol}{eol}", block.len()));
        let mut bytes = head.into_bytes();
        bytes.extend_from_slice(block);
        bytes.extend_from_slice(format!("{eol}{eol}").as_bytes());
        self.records.push(bytes);
        self
    }

    /// A `response` record: an HTTP response with these header lines and body.
    pub fn response(&mut self, uri: &str, date: &str, headers: &str, body: &[u8]) -> &mut Self {
        let mut http = format!("HTTP/1.1 {headers}\r\n\r\n").into_bytes();
        http.extend_from_slice(body);
        self.record(
            "response",
            uri,
            date,
            "application/http; msgtype=response",
            &[],
            &http,
        )
    }

    /// The file's bytes.
    pub fn bytes(&self, gzip: Gzip) -> Vec<u8> {
        match gzip {
            Gzip::None => self.records.concat(),
            Gzip::PerRecord => self.records.iter().flat_map(|r| gzipped(r)).collect(),
            Gzip::Whole => gzipped(&self.records.concat()),
        }
    }

    /// Each record's offset in the file, as dateline's ids give it (`FILE#OFFSET`): in
    /// the file, or for a file gzipped whole, in the unpacked stream.
    pub fn offsets(&self, gzip: Gzip) -> Vec<u64> {
        let mut at = 0;
        self.records
            .iter()
            .map(|r| {
                let offset = at;
                at += match gzip {
                    Gzip::PerRecord => gzipped(r).len(),
                    Gzip::None | Gzip::Whole => r.len(),
                } as u64;
                offset
            })
            .collect()
    }
}

pub fn gzipped(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("gzip in memory");
    enc.finish().expect("gzip in memory")
}

/// A WACZ as Browsertrix writes one: the WARC stored (uncompressed) under `archive/`,
/// with a page list and a datapackage beside it. `deflate_warc` compresses the WARC entry
/// instead, as a WACZ should not.
pub fn wacz(warc_gz: &[u8], deflate_warc: bool) -> Vec<u8> {
    wacz_with_pages(warc_gz, deflate_warc, "")
}

/// [`wacz`] with these lines after the page list's header (deflated, as py-wacz writes it).
pub fn wacz_with_pages(warc_gz: &[u8], deflate_warc: bool, pages: &str) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("datapackage.json", stored).unwrap();
    zip.write_all(br#"{"profile": "data-package", "wacz_version": "1.1.1"}"#)
        .unwrap();
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("pages/pages.jsonl", deflated).unwrap();
    zip.write_all(b"{\"format\": \"json-pages-1.0\"}\n")
        .unwrap();
    zip.write_all(pages.as_bytes()).unwrap();
    let warc_options = if deflate_warc {
        zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
    } else {
        stored
    };
    zip.start_file("archive/data.warc.gz", warc_options)
        .unwrap();
    zip.write_all(warc_gz).unwrap();
    zip.finish().unwrap().into_inner()
}
