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
