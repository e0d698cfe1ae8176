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
        "--index {} is a file, not an index folder — give the folder the index lives in (or should be created in)",
        path.display()
    )]
    IndexIsFile { path: PathBuf },

    #[error(
        "{} is not a dateline index: it holds other files ({example}) — give another `--index` folder (a new or empty one is created)",
        path.display()
    )]
    NotAnIndex { path: PathBuf, example: String },

    #[error(
        "the index at {} was built from the corpus {}, and {} is another folder ({found} of {sampled} indexed pages are in it) — indexing it here would remove the first archive's articles; `dateline index {} --index {} --rebuild` replaces them, or give this corpus its own `--index`",
        index.display(), recorded.display(), given.display(), given.display(), index.display()
    )]
    OtherCorpus {
        index: PathBuf,
        recorded: PathBuf,
        given: PathBuf,
        found: usize,
        sampled: usize,
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

    #[error(
        "cannot write to the index at {}: {detail} — the last commit is kept; check free disk space, the file size limit (`ulimit -f`) and permissions, then run `dateline index` again",
        path.display()
    )]
    IndexWrite { path: PathBuf, detail: String },

    #[error("corpus {}: {reason}", path.display())]
    Corpus { path: PathBuf, reason: String },

    /// The page behind an indexed article cannot be read back (moved, changed, damaged).
    #[error("{}: {reason}", path.display())]
    Original { path: PathBuf, reason: String },

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

    #[error(
        "the date range is reversed: since {since} is after until {until} — swap the two dates"
    )]
    DateRange {
        since: chrono::NaiveDate,
        until: chrono::NaiveDate,
    },

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

    /// A failure of the index writer: adding, deleting or committing.
    pub(crate) fn index_write(path: impl Into<PathBuf>, source: tantivy::TantivyError) -> Self {
        let detail = match source {
            // tantivy's worker threads report only that they died; the cause is I/O.
            tantivy::TantivyError::ErrorInThread(_) => {
                "a writer thread failed while writing files".to_string()
            }
            other => other.to_string(),
        };
        Error::IndexWrite {
            path: path.into(),
            detail,
        }
    }

    pub(crate) fn index(path: impl Into<PathBuf>, source: tantivy::TantivyError) -> Self {
        Error::Index {
            path: path.into(),
            source,
        }
    }
}
