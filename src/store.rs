//! The index folder on disk: creating it, opening it, and the small `dateline.json`
//! beside tantivy's files that records the format version and the corpus root.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::Index;

use crate::error::{Error, Result};
use crate::schema::{self, FORMAT_VERSION, Fields};

const INFO_FILE: &str = "dateline.json";

/// What dateline records about an index, beside tantivy's own files.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexInfo {
    pub format: u32,
    /// The corpus root the page ids are relative to, as it was when indexed.
    pub corpus: PathBuf,
    /// The stemmers (language codes) some article was indexed with. Queries look for other
    /// word forms in these languages' fields only: each field a query names costs a
    /// lookup in every segment. `None` (an index written before this was kept): all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stemmers: Option<BTreeSet<String>>,
    /// The extraction code and data every page was last extracted with, when one run
    /// extracted them all (`EXTRACTOR`); `None` for an index of an older dateline. A run
    /// by another one extracts every page again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extractor: Option<String>,
}

/// The fingerprint of this build's extraction code and data (build.rs).
pub const EXTRACTOR: &str = env!("DATELINE_EXTRACTOR");

/// An opened index with its field handles.
pub struct Store {
    pub index: Index,
    pub fields: Fields,
    pub info: IndexInfo,
    pub path: PathBuf,
}

impl Store {
    /// Opens an existing index, refusing one this version cannot read.
    pub fn open(path: &Path) -> Result<Store> {
        match state_of(path)? {
            State::Missing => {
                return Err(Error::IndexMissing {
                    path: path.to_path_buf(),
                });
            }
            State::Foreign(example) => {
                return Err(Error::NotAnIndex {
                    path: path.to_path_buf(),
                    example,
                });
            }
            State::Present => {}
        }
        let index = Index::open_in_dir(path).map_err(|e| Error::index(path, e))?;
        let info = match read_info(path) {
            Ok(info) => info,
            // A first run killed before it wrote its record has committed nothing either:
            // the index is empty, and whatever made it was this version.
            Err(Error::IndexVersion { .. }) if has_no_commits(&index) => new_info(Path::new("")),
            Err(e) => return Err(e),
        };
        let fields = schema::fields_of(&index.schema())
            .ok_or_else(|| version_error(path, "unknown".into()))?;
        schema::register_analyzers(&index);
        Ok(Store {
            index,
            fields,
            info,
            path: path.to_path_buf(),
        })
    }

    /// Opens the index at `path` for writing, creating it when there is none. An index of
    /// another format is replaced only when `rebuild` is set; an index that never
    /// committed a page is replaced whatever its state.
    pub fn open_or_create(path: &Path, corpus: &Path, rebuild: bool) -> Result<Store> {
        let state = state_of(path)?;
        if let State::Foreign(example) = state {
            return Err(Error::NotAnIndex {
                path: path.to_path_buf(),
                example,
            });
        }
        let exists = state == State::Present;
        if exists {
            match Store::open(path) {
                // A rebuild of a readable index empties it through the writer, under its lock.
                Ok(store) => return Ok(store),
                Err(Error::IndexVersion { .. }) if rebuild => {}
                // Surface the real reason (version, damage) rather than silently replacing.
                Err(e) => return Err(e),
            }
        }
        std::fs::create_dir_all(path).map_err(|e| Error::io(path, e))?;
        if exists {
            clear_index_files(path)?;
        }
        // The record goes first and tantivy's meta.json (written atomically) last, so a run
        // killed at any instant leaves a folder that reads as no index, or an index that
        // opens.
        let mut store_info = new_info(corpus);
        write_info_file(path, &mut store_info)?;
        let (schema, fields) = schema::build();
        let index = Index::create_in_dir(path, schema).map_err(|e| Error::index(path, e))?;
        schema::register_analyzers(&index);
        Ok(Store {
            index,
            fields,
            info: store_info,
            path: path.to_path_buf(),
        })
    }

    /// Records the format, corpus root and stemmers; written before each commit, so that
    /// what it says of the stemmers is never less than what the index holds.
    pub fn write_info(&mut self, corpus: &Path) -> Result<()> {
        self.info.corpus = corpus.to_path_buf();
        write_info_file(&self.path, &mut self.info)
    }
}

fn new_info(corpus: &Path) -> IndexInfo {
    IndexInfo {
        format: FORMAT_VERSION,
        corpus: corpus.to_path_buf(),
        stemmers: Some(BTreeSet::new()),
        extractor: Some(EXTRACTOR.to_string()),
    }
}

fn write_info_file(path: &Path, info: &mut IndexInfo) -> Result<()> {
    info.format = FORMAT_VERSION;
    let json = serde_json::to_string_pretty(info).unwrap_or_default();
    let tmp = path.join(format!("{INFO_FILE}.tmp"));
    std::fs::write(&tmp, json).map_err(|e| Error::io(&tmp, e))?;
    std::fs::rename(&tmp, path.join(INFO_FILE)).map_err(|e| Error::io(path, e))
}

/// What is at an `--index` path.
#[derive(Debug, PartialEq, Eq)]
enum State {
    /// Nothing, or a folder with nothing of an index's in it.
    Missing,
    /// A folder with tantivy's meta.json.
    Present,
    /// A folder holding files that are not an index's; one of them, as an example.
    Foreign(String),
}

fn state_of(path: &Path) -> Result<State> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(State::Missing),
        Err(e) => return Err(Error::io(path, e)),
    };
    if !meta.is_dir() {
        return Err(Error::IndexIsFile {
            path: path.to_path_buf(),
        });
    }
    if path.join("meta.json").is_file() {
        return Ok(State::Present);
    }
    let entries = std::fs::read_dir(path).map_err(|e| Error::io(path, e))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        // A note about the folder ("README.md") or a desktop's hidden file is no one's
        // data; anything else is.
        let note = name.to_ascii_lowercase().starts_with("readme") || name.starts_with('.');
        if !is_index_file(&name) && !note {
            return Ok(State::Foreign(name));
        }
    }
    Ok(State::Missing)
}

/// Whether an index was never committed to: tantivy's meta.json lists no segment.
fn has_no_commits(index: &Index) -> bool {
    index
        .searchable_segment_metas()
        .is_ok_and(|segments| segments.is_empty())
}

pub(crate) fn read_info(path: &Path) -> Result<IndexInfo> {
    let file = path.join(INFO_FILE);
    let text =
        std::fs::read_to_string(&file).map_err(|_| version_error(path, "none recorded".into()))?;
    let info: IndexInfo =
        serde_json::from_str(&text).map_err(|_| version_error(path, "unreadable".into()))?;
    if info.format != FORMAT_VERSION {
        return Err(version_error(path, info.format.to_string()));
    }
    Ok(info)
}

fn version_error(path: &Path, found: String) -> Error {
    Error::IndexVersion {
        path: path.to_path_buf(),
        found,
        expected: FORMAT_VERSION,
    }
}

/// Removes tantivy's files and ours from an index folder, leaving anything else (a README).
fn clear_index_files(path: &Path) -> Result<()> {
    let entries = std::fs::read_dir(path).map_err(|e| Error::io(path, e))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_index_file(&name) && !name.ends_with(".lock") {
            std::fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
        }
    }
    Ok(())
}

/// Files tantivy or dateline write in an index folder.
fn is_index_file(name: &str) -> bool {
    name == "meta.json"
        || name == ".managed.json"
        || name.starts_with(INFO_FILE)
        || (name.starts_with(".tantivy-") && name.ends_with(".lock"))
        // tantivy's atomic writes go through a temporary file, left behind by a kill.
        || name.starts_with(".tmp")
        || [
            ".idx",
            ".pos",
            ".term",
            ".store",
            ".fast",
            ".fieldnorm",
            ".del",
        ]
        .iter()
        .any(|ext| name.ends_with(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_killed_before_its_first_commit_opens_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index");
        // What a first run leaves when killed before any commit, in the worst order.
        let (schema, _) = schema::build();
        std::fs::create_dir(&path).unwrap();
        Index::create_in_dir(&path, schema).unwrap();
        let store = Store::open(&path).unwrap();
        assert_eq!(store.index.reader().unwrap().searcher().num_docs(), 0);
        // A run writes its record before its first commit.
        let mut store = Store::open_or_create(&path, dir.path(), false).unwrap();
        store.write_info(dir.path()).unwrap();
        assert_eq!(read_info(&path).unwrap().corpus, dir.path());
    }

    #[test]
    fn a_new_index_records_itself_before_any_page() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index");
        Store::open_or_create(&path, dir.path(), false).unwrap();
        let info = read_info(&path).unwrap();
        assert_eq!(info.corpus, dir.path());
        assert!(Store::open(&path).is_ok());
    }

    #[test]
    fn files_and_foreign_folders_are_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("afile");
        std::fs::write(&file, "x").unwrap();
        assert!(matches!(
            Store::open_or_create(&file, dir.path(), false),
            Err(Error::IndexIsFile { .. })
        ));
        assert!(matches!(Store::open(&file), Err(Error::IndexIsFile { .. })));
        let docs = dir.path().join("docs");
        std::fs::create_dir(&docs).unwrap();
        std::fs::write(docs.join("notes.txt"), "x").unwrap();
        let err = Store::open_or_create(&docs, dir.path(), false)
            .err()
            .unwrap();
        assert!(err.to_string().contains("notes.txt"), "{err}");
        assert!(matches!(Store::open(&docs), Err(Error::NotAnIndex { .. })));
        // A folder with only a note in it (as this repository's index/ has) is fine.
        let noted = dir.path().join("noted");
        std::fs::create_dir(&noted).unwrap();
        std::fs::write(noted.join("README.md"), "The index goes here.").unwrap();
        assert!(matches!(
            Store::open(&noted),
            Err(Error::IndexMissing { .. })
        ));
        assert!(Store::open_or_create(&noted, dir.path(), false).is_ok());
        assert!(noted.join("README.md").is_file());
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        assert!(matches!(
            Store::open(&empty),
            Err(Error::IndexMissing { .. })
        ));
        assert!(Store::open_or_create(&empty, dir.path(), false).is_ok());
    }
}
