//! Typed errors at the library boundary. Each message names the file, index or flag
//! involved and, where there is one, the next step for the user.

use std::path::PathBuf;

/// Everything the library can fail with as a whole run (per-page problems are
/// [`crate::extract::SkipReason`]s and never stop a run).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no index at {} — run `dateline index` first", path.display())]
    IndexMissing { path: PathBuf },

    #[error(
        "the index at {} was made by another version of dateline (format {found}, this version reads {expected}) — run `dateline index --rebuild`",
        path.display()
    )]
    IndexVersion {
        path: PathBuf,
        found: String,
        expected: u32,
    },

    #[error(
        "the index at {} is locked by another `dateline index` run (lock file {}); wait for it to finish",
        path.display(),
        path.join(".tantivy-writer.lock").display()
    )]
    IndexLocked { path: PathBuf },

    #[error("index at {}: {source}", path.display())]
    Index {
        path: PathBuf,
        #[source]
        source: tantivy::TantivyError,
    },

    #[error("corpus {}: {reason}", path.display())]
    Corpus { path: PathBuf, reason: String },

    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("invalid query: {0}")]
    Query(String),

    #[error("invalid date {value:?} for {flag}: expected YYYY-MM-DD")]
    Date { flag: &'static str, value: String },

    #[error("no article {0:?} in the index — `dateline query` lists the paths it holds")]
    NotFound(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub(crate) fn index(path: impl Into<PathBuf>, source: tantivy::TantivyError) -> Self {
        Error::Index {
            path: path.into(),
            source,
        }
    }
}
