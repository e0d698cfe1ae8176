//! Shared by the benches: the bundled corpus, loaded or indexed once.

use std::path::{Path, PathBuf};

/// The repository's sample archive.
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Every page of the corpus as (id, bytes), in a stable order.
#[allow(dead_code)]
pub fn load_pages() -> Vec<(String, Vec<u8>)> {
    let root = corpus_dir();
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
        let entry = entry.expect("walk corpus/");
        let path = entry.path();
        let is_page = path
            .extension()
            .and_then(|e| e.to_str())
            .map(|e| e.to_ascii_lowercase())
            .is_some_and(|e| matches!(e.as_str(), "html" | "htm" | "shtml" | "xhtml"));
        if entry.file_type().is_file() && is_page {
            let rel = path
                .strip_prefix(&root)
                .expect("inside corpus/")
                .to_string_lossy()
                .into_owned();
            pages.push((rel, std::fs::read(path).expect("read page")));
        }
    }
    assert!(!pages.is_empty(), "no pages in {}", root.display());
    pages
}

/// Total bytes of the corpus's pages.
#[allow(dead_code)]
pub fn corpus_bytes() -> u64 {
    load_pages().iter().map(|(_, b)| b.len() as u64).sum()
}
