//! Articles -> tantivy: walks the corpus, extracts pages in parallel on all cores, feeds
//! one writer, commits once at the end so a failed run leaves the previous index intact.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tantivy::{DateTime, IndexWriter, TantivyDocument, TantivyError, directory::error::LockError};

use crate::article::Article;
use crate::corpus::{self, PageFile};
use crate::error::{Error, Result};
use crate::extract::{self, SkipReason};
use crate::schema::Fields;
use crate::store::Store;

/// How an index run is done.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    pub corpus: PathBuf,
    pub index: PathBuf,
    /// Pages larger than this are skipped.
    pub max_page_bytes: u64,
    /// Start from an empty index (also replaces an index of an older format).
    pub rebuild: bool,
    /// Memory budget of the tantivy writer.
    pub writer_heap_bytes: usize,
}

impl IndexOptions {
    pub fn new(corpus: impl Into<PathBuf>, index: impl Into<PathBuf>) -> Self {
        IndexOptions {
            corpus: corpus.into(),
            index: index.into(),
            max_page_bytes: extract::DEFAULT_MAX_PAGE_BYTES,
            rebuild: false,
            writer_heap_bytes: 128 * 1024 * 1024,
        }
    }
}

/// A page that was not indexed, and why.
#[derive(Debug, Clone)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
    pub label: &'static str,
}

/// What an index run did.
#[derive(Debug, Clone, Default)]
pub struct IndexReport {
    pub indexed: usize,
    pub skipped: Vec<Skipped>,
    pub bytes_read: u64,
    pub elapsed: Duration,
}

impl IndexReport {
    /// Skips counted by reason, for the summary line.
    pub fn skip_counts(&self) -> BTreeMap<&'static str, usize> {
        let mut counts = BTreeMap::new();
        for s in &self.skipped {
            *counts.entry(s.label).or_insert(0) += 1;
        }
        counts
    }

    pub fn megabytes(&self) -> f64 {
        self.bytes_read as f64 / 1_000_000.0
    }

    pub fn megabytes_per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.megabytes() / secs
        } else {
            0.0
        }
    }
}

/// Receives progress of an index run (a progress bar, or nothing).
pub trait Progress: Sync {
    /// The walk is done: `total` pages will be read.
    fn start(&self, _total: u64) {}
    /// One page was read (indexed or skipped).
    fn advance(&self, _bytes: u64) {}
    /// A page or folder was skipped.
    fn skipped(&self, _skip: &Skipped) {}
    fn finish(&self) {}
}

/// Progress that shows nothing.
pub struct NoProgress;
impl Progress for NoProgress {}

/// Indexes the corpus into the index folder.
pub fn index_corpus(opts: &IndexOptions, progress: &dyn Progress) -> Result<IndexReport> {
    let started = Instant::now();
    let corpus_root = opts.corpus.canonicalize().map_err(|e| Error::Corpus {
        path: opts.corpus.clone(),
        reason: format!("{e} — give the folder of saved pages: `dateline index PATH`"),
    })?;
    if !corpus_root.is_dir() {
        return Err(Error::Corpus {
            path: opts.corpus.clone(),
            reason: "not a folder".into(),
        });
    }

    let mut store = Store::open_or_create(&opts.index, &corpus_root, opts.rebuild)?;
    let mut writer: IndexWriter = store
        .index
        .writer_with_num_threads(1, opts.writer_heap_bytes)
        .map_err(|e| match e {
            TantivyError::LockFailure(LockError::LockBusy, _) => Error::IndexLocked {
                path: opts.index.clone(),
            },
            other => Error::index(&opts.index, other),
        })?;

    let mut report = IndexReport::default();
    let mut pages = Vec::new();
    for item in corpus::walk(&corpus_root, std::slice::from_ref(&opts.index)) {
        match item {
            Ok(page) => pages.push(page),
            Err(problem) => {
                let skip = Skipped {
                    path: problem.path.display().to_string(),
                    reason: problem.reason,
                    label: "unwalkable",
                };
                progress.skipped(&skip);
                report.skipped.push(skip);
            }
        }
    }
    progress.start(pages.len() as u64);

    writer
        .delete_all_documents()
        .map_err(|e| Error::index(&opts.index, e))?;
    let fields = store.fields;
    let (tx, rx) =
        mpsc::sync_channel::<(PageFile, u64, std::result::Result<Article, SkipReason>)>(64);
    let max = opts.max_page_bytes;
    let add_result: Result<()> = std::thread::scope(|scope| {
        scope.spawn(move || {
            pages.par_iter().for_each_with(tx, |tx, page| {
                let size = std::fs::metadata(&page.path).map(|m| m.len()).unwrap_or(0);
                let result = extract::extract_file(&page.path, &page.rel, max);
                // The receiver only stops early when the run failed; nothing to do then.
                let _ = tx.send((page.clone(), size, result));
            });
        });
        for (page, size, result) in rx {
            report.bytes_read += size.min(max);
            match result {
                Ok(article) => {
                    writer
                        .add_document(to_document(&fields, article))
                        .map_err(|e| Error::index(&opts.index, e))?;
                    report.indexed += 1;
                }
                Err(reason) => {
                    let skip = Skipped {
                        path: page.path.display().to_string(),
                        label: reason.label(),
                        reason: reason.to_string(),
                    };
                    progress.skipped(&skip);
                    report.skipped.push(skip);
                }
            }
            progress.advance(size);
        }
        Ok(())
    });
    add_result?;

    writer.commit().map_err(|e| Error::index(&opts.index, e))?;
    writer
        .wait_merging_threads()
        .map_err(|e| Error::index(&opts.index, e))?;
    store.write_info(&corpus_root)?;
    progress.finish();
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The tantivy document for an article: searchable fields plus the metadata as JSON.
pub fn to_document(fields: &Fields, mut article: Article) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.path, &article.path);
    doc.add_text(fields.title, &article.title);
    let text = std::mem::take(&mut article.text);
    doc.add_text(fields.body, &text);
    for author in &article.authors {
        doc.add_text(fields.author, author);
    }
    if let Some(site) = &article.site {
        doc.add_text(fields.site, site);
    }
    for place in article.place_names() {
        doc.add_text(fields.place, &place);
    }
    if let Some(lang) = article.lang_code() {
        doc.add_text(fields.lang, &lang);
    }
    if let Some(url) = &article.url {
        doc.add_text(fields.url, url);
    }
    if let Some(published) = article.published {
        doc.add_date(
            fields.date,
            DateTime::from_timestamp_secs(published.timestamp()),
        );
    }
    // The text is stored once, in `body`; the JSON holds everything else.
    doc.add_text(
        fields.article,
        serde_json::to_string(&article).unwrap_or_default(),
    );
    doc
}

/// The default index folder for a corpus when none is given.
pub fn default_index_dir() -> &'static Path {
    Path::new("index")
}
