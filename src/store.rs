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
}

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
        if !path.join("meta.json").is_file() {
            return Err(Error::IndexMissing {
                path: path.to_path_buf(),
            });
        }
        let info = read_info(path)?;
        let index = Index::open_in_dir(path).map_err(|e| Error::index(path, e))?;
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
    /// another format is replaced only when `rebuild` is set.
    pub fn open_or_create(path: &Path, corpus: &Path, rebuild: bool) -> Result<Store> {
        let exists = path.join("meta.json").is_file();
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
        let (schema, fields) = schema::build();
        let index = Index::create_in_dir(path, schema).map_err(|e| Error::index(path, e))?;
        schema::register_analyzers(&index);
        let info = IndexInfo {
            format: FORMAT_VERSION,
            corpus: corpus.to_path_buf(),
            stemmers: Some(BTreeSet::new()),
        };
        Ok(Store {
            index,
            fields,
            info,
            path: path.to_path_buf(),
        })
    }

    /// Records the format, corpus root and stemmers; written before each commit, so that
    /// what it says of the stemmers is never less than what the index holds.
    pub fn write_info(&mut self, corpus: &Path) -> Result<()> {
        self.info.format = FORMAT_VERSION;
        self.info.corpus = corpus.to_path_buf();
        let json = serde_json::to_string_pretty(&self.info).unwrap_or_default();
        let tmp = self.path.join(format!("{INFO_FILE}.tmp"));
        std::fs::write(&tmp, json).map_err(|e| Error::io(&tmp, e))?;
        std::fs::rename(&tmp, self.path.join(INFO_FILE)).map_err(|e| Error::io(&self.path, e))
    }
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
        let ours = name == "meta.json"
            || name == ".managed.json"
            || name.starts_with(INFO_FILE)
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
            .any(|ext| name.ends_with(ext));
        if ours {
            std::fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
        }
    }
    Ok(())
}
