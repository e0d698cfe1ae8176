//! Articles -> tantivy. Walks the corpus, re-reads only pages that are new or changed,
//! extracts them in parallel on all cores, feeds one writer, removes pages that are gone,
//! and commits at intervals so a killed run keeps what it committed and the next run
//! completes it.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use tantivy::indexer::LogMergePolicy;
use tantivy::schema::{Facet, Field};
use tantivy::{
    DateTime, IndexWriter, TantivyDocument, TantivyError, Term, directory::error::LockError,
};

use crate::analysis;
use crate::article::Article;
use crate::corpus::{self, PageFile, WalkProblem};
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
    /// Commit after this many changed pages...
    pub commit_every_pages: usize,
    /// ...or after this much time with uncommitted changes, whichever comes first.
    pub commit_every: Duration,
    /// Set from outside (a Ctrl-C handler) to end the run early: pages stop being read,
    /// what was extracted is committed, and nothing is taken for removed.
    pub stop: Option<Arc<AtomicBool>>,
}

impl IndexOptions {
    pub fn new(corpus: impl Into<PathBuf>, index: impl Into<PathBuf>) -> Self {
        IndexOptions {
            corpus: corpus.into(),
            index: index.into(),
            max_page_bytes: extract::DEFAULT_MAX_PAGE_BYTES,
            rebuild: false,
            writer_heap_bytes: 128 * 1024 * 1024,
            commit_every_pages: 5_000,
            commit_every: Duration::from_secs(30),
            stop: None,
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
    /// Pages new to the index.
    pub added: usize,
    /// Pages whose content changed since they were indexed.
    pub updated: usize,
    /// Pages that are no longer in the corpus.
    pub removed: usize,
    /// Pages left as they were (same size and time, or same content).
    pub unchanged: usize,
    pub skipped: Vec<Skipped>,
    pub bytes_read: u64,
    pub commits: usize,
    pub elapsed: Duration,
    /// The run was stopped before it looked at every page (see [`IndexOptions::stop`]);
    /// what it did is committed, and the next run completes the rest.
    pub interrupted: bool,
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
    /// Whether to count the pages before the run (a walk of its own) for [`Progress::start`].
    fn wants_total(&self) -> bool {
        false
    }
    /// `total` pages will be looked at.
    fn start(&self, _total: u64) {}
    /// One page was looked at (indexed, unchanged or skipped).
    fn advance(&self, _bytes: u64) {}
    /// A page or folder was skipped.
    fn skipped(&self, _skip: &Skipped) {}
    fn finish(&self) {}
}

/// Progress that shows nothing.
pub struct NoProgress;
impl Progress for NoProgress {}

/// What the index knows of a page file, to tell whether it changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch.
    pub mtime: i64,
    /// xxh3 of the page's bytes.
    pub hash: u64,
}

/// The outcome of looking at one page, made in parallel and applied by the writer thread.
enum Work {
    Unchanged,
    Index {
        article: Box<Article>,
        print: Fingerprint,
        same_content: bool,
    },
    Skip(SkipReason),
    Vanished,
}

/// Indexes the corpus into the index folder: only what changed, unless `rebuild` is set.
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
    let index_err = |e| Error::index_write(&opts.index, e);
    writer.set_merge_policy(Box::new(merge_policy()));

    let known = if opts.rebuild {
        writer.delete_all_documents().map_err(index_err)?;
        store.info.stemmers = Some(Default::default());
        HashMap::new()
    } else {
        indexed_pages(&store)?
    };
    check_same_corpus(&store, &known, &corpus_root, &opts.index)?;
    let stopped = || {
        opts.stop
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed))
    };

    let mut report = IndexReport::default();
    // Folders that could not be read: their pages are kept, not taken for removed.
    let mut unreadable_prefixes = Vec::new();
    let exclude = std::slice::from_ref(&opts.index);
    if progress.wants_total() {
        // A walk that only counts, for the bar; the pages themselves are streamed below.
        let total = corpus::walk(&corpus_root, exclude)
            .filter(Result::is_ok)
            .count();
        progress.start(total as u64);
    }
    let root = corpus_root.as_path();

    let fields = store.fields;
    let max = opts.max_page_bytes;
    let mut pending = 0usize;
    let mut last_commit = Instant::now();
    // Pages stream from the walk to the extractors to the writer: a run holds no list of
    // the corpus, so its memory does not grow with the archive (only an incremental run's
    // fingerprints of the indexed pages do).
    let (tx, rx) = mpsc::sync_channel::<Result<(PageFile, u64, Work), WalkProblem>>(64);
    let known_ref = &known;
    std::thread::scope(|scope| -> Result<()> {
        scope.spawn(move || {
            // An error ends the walk: the receiver is gone (the run failed or was stopped).
            let _ = corpus::walk(root, exclude)
                .par_bridge()
                .try_for_each_with(tx, |tx, item| {
                    if stopped() {
                        return Err(());
                    }
                    let message = item.map(|page| {
                        let path = page.path(root);
                        let known = known_ref.get(&*page.rel).map(|k| &k.print);
                        let (bytes, work) = look_at(&path, &page.rel, known, max);
                        (page, bytes, work)
                    });
                    tx.send(message).map_err(drop)
                });
        });
        for message in rx {
            if stopped() {
                report.interrupted = true;
                break;
            }
            let (page, bytes, work) = match message {
                Ok(found) => found,
                Err(problem) => {
                    unreadable_prefixes.push(corpus::relative_id(&corpus_root, &problem.path));
                    let skip = Skipped {
                        path: problem.path.display().to_string(),
                        reason: problem.reason,
                        label: "unwalkable",
                    };
                    progress.skipped(&skip);
                    report.skipped.push(skip);
                    continue;
                }
            };
            report.bytes_read += bytes;
            let known_page = known.get(&*page.rel);
            if let Some(k) = known_page {
                k.seen.store(true, Ordering::Relaxed);
            }
            let was_known = known_page.is_some();
            match work {
                Work::Unchanged => report.unchanged += 1,
                Work::Index {
                    article,
                    print,
                    same_content,
                } => {
                    if was_known {
                        writer.delete_term(Term::from_field_text(fields.id, &page.rel));
                        if same_content {
                            report.unchanged += 1;
                        } else {
                            report.updated += 1;
                        }
                    } else {
                        report.added += 1;
                    }
                    let stemmer =
                        analysis::stemmer_for(article.lang_code().as_deref(), &article.text);
                    if let (Some(code), Some(codes)) = (stemmer, store.info.stemmers.as_mut()) {
                        codes.insert(code.to_string());
                    }
                    writer
                        .add_document(to_document(&fields, *article, print, stemmer))
                        .map_err(index_err)?;
                    pending += 1;
                }
                Work::Vanished if was_known => {
                    writer.delete_term(Term::from_field_text(fields.id, &page.rel));
                    report.removed += 1;
                    pending += 1;
                }
                Work::Vanished => {}
                Work::Skip(reason) => {
                    let kept = if was_known {
                        "; the indexed version is kept"
                    } else {
                        ""
                    };
                    let skip = Skipped {
                        path: page.path(&corpus_root).display().to_string(),
                        label: reason.label(),
                        reason: format!("{reason}{kept}"),
                    };
                    progress.skipped(&skip);
                    report.skipped.push(skip);
                }
            }
            progress.advance(bytes);
            if pending > 0
                && (pending >= opts.commit_every_pages
                    || last_commit.elapsed() >= opts.commit_every)
            {
                commit(&mut writer, &mut store, &corpus_root, &mut report)?;
                pending = 0;
                last_commit = Instant::now();
            }
        }
        Ok(())
    })?;

    // A stopped run has not seen every page: none is taken for removed.
    let finished = !report.interrupted;
    for (rel, page) in known.iter().filter(|_| finished) {
        let under_unreadable = unreadable_prefixes
            .iter()
            .any(|p| p.is_empty() || rel.starts_with(&format!("{p}/")));
        if !page.seen.load(Ordering::Relaxed) && !under_unreadable {
            writer.delete_term(Term::from_field_text(fields.id, rel));
            report.removed += 1;
        }
    }
    commit(&mut writer, &mut store, &corpus_root, &mut report)?;
    writer.wait_merging_threads().map_err(index_err)?;
    progress.finish();
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Refuses to index a corpus into an index made from another one, which would take every
/// page of the first for removed. The same corpus moved or renamed keeps its page ids:
/// most of a sample of the indexed pages are found under the new root.
fn check_same_corpus(
    store: &Store,
    known: &HashMap<String, IndexedPage>,
    corpus_root: &Path,
    index: &Path,
) -> Result<()> {
    const SAMPLE: usize = 200;
    let recorded = &store.info.corpus;
    if known.is_empty() || recorded.as_path() == corpus_root || recorded.as_os_str().is_empty() {
        return Ok(());
    }
    let sampled = known.len().min(SAMPLE);
    let found = known
        .keys()
        .take(SAMPLE)
        .filter(|rel| corpus_root.join(rel).symlink_metadata().is_ok())
        .count();
    if found * 2 > sampled {
        return Ok(());
    }
    Err(Error::OtherCorpus {
        index: index.to_path_buf(),
        recorded: recorded.clone(),
        given: corpus_root.to_path_buf(),
        found,
        sampled,
    })
}

/// Segments stop taking part in merges once they hold [`MAX_MERGE_DOCS`] articles. A merge
/// maps all its input segments, so without a cap the largest merge, and with it the peak
/// memory of a run, grows with the archive; with it, a merge reads at most a few hundred MB
/// whatever the archive's size. The price is more segments in a large index (about one per
/// 40,000 articles), which a query visits one after the other.
fn merge_policy() -> LogMergePolicy {
    let mut policy = LogMergePolicy::default();
    policy.set_max_docs_before_merge(MAX_MERGE_DOCS);
    policy
}

/// See [`merge_policy`]: segments are born with up to 5,000 articles (one commit) and
/// merge eight at a time, so they end at about 40,000.
const MAX_MERGE_DOCS: usize = 30_000;

fn commit(
    writer: &mut IndexWriter,
    store: &mut Store,
    corpus_root: &Path,
    report: &mut IndexReport,
) -> Result<()> {
    store.write_info(corpus_root)?;
    writer
        .commit()
        .map_err(|e| Error::index_write(&store.path, e))?;
    report.commits += 1;
    Ok(())
}

/// Decides what to do with one page: nothing when its size and time are as indexed or its
/// bytes hash the same, else extract it. Returns the bytes read with the decision.
fn look_at(path: &Path, rel: &str, known: Option<&Fingerprint>, max: u64) -> (u64, Work) {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (0, Work::Vanished),
        Err(e) => return (0, Work::Skip(SkipReason::Unreadable(e.to_string()))),
    };
    let mtime = meta.modified().map_or(0, modified_nanos);
    if let Some(k) = known
        && k.size == meta.len()
        && k.mtime == mtime
    {
        return (0, Work::Unchanged);
    }
    let bytes = match extract::read_limited(path, max) {
        Ok(bytes) => bytes,
        Err(SkipReason::Unreadable(_)) if !path.exists() => return (0, Work::Vanished),
        Err(reason) => return (0, Work::Skip(reason)),
    };
    let print = Fingerprint {
        size: bytes.len() as u64,
        mtime,
        hash: xxhash_rust::xxh3::xxh3_64(&bytes),
    };
    let read = bytes.len() as u64;
    let same_content = known.is_some_and(|k| k.hash == print.hash);
    match extract::extract_bytes(&bytes, rel) {
        Ok(article) => (
            read,
            Work::Index {
                article: Box::new(article),
                print,
                same_content,
            },
        ),
        Err(reason) => (read, Work::Skip(reason)),
    }
}

/// Every page in the index with its fingerprint, read from fast fields (no stored
/// documents are loaded).
/// A page the index holds, as an incremental run finds it.
struct IndexedPage {
    print: Fingerprint,
    /// Whether the walk found it again (set by the writer thread, read after the walk).
    seen: AtomicBool,
}

fn indexed_pages(store: &Store) -> Result<HashMap<String, IndexedPage>> {
    let err = |e| Error::index(&store.path, e);
    let reader = store.index.reader().map_err(err)?;
    let searcher = reader.searcher();
    let mut pages = HashMap::new();
    let mut path = String::new();
    for segment in searcher.segment_readers() {
        let ff = segment.fast_fields();
        let Some(paths) = ff.str("id").map_err(err)? else {
            continue;
        };
        let sizes = ff.u64("size").map_err(err)?;
        let mtimes = ff.i64("mtime").map_err(err)?;
        let hashes = ff.u64("hash").map_err(err)?;
        for doc in segment.doc_ids_alive() {
            let Some(ord) = paths.term_ords(doc).next() else {
                continue;
            };
            path.clear();
            if !paths
                .ord_to_str(ord, &mut path)
                .map_err(|e| err(e.into()))?
            {
                continue;
            }
            let print = Fingerprint {
                size: sizes.first(doc).unwrap_or(0),
                mtime: mtimes.first(doc).unwrap_or(0),
                hash: hashes.first(doc).unwrap_or(0),
            };
            pages.insert(
                path.clone(),
                IndexedPage {
                    print,
                    seen: AtomicBool::new(false),
                },
            );
        }
    }
    Ok(pages)
}

/// The tantivy document for an article: searchable fields, the fingerprint of its file and
/// the metadata as JSON.
/// The tantivy document of an article; `stemmer` (from [`analysis::stemmer_for`]) picks the
/// stemmed field its headline and text go to.
pub fn to_document(
    fields: &Fields,
    mut article: Article,
    print: Fingerprint,
    stemmer: Option<&str>,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, &article.path);
    doc.add_text(fields.path, &article.path);
    doc.add_text(fields.title, &article.title);
    let text = std::mem::take(&mut article.text);
    doc.add_text(fields.body, &text);
    add_all(&mut doc, fields.author, &article.authors);
    if let Some(site) = &article.site {
        doc.add_text(fields.site, site);
        doc.add_text(fields.site_name, site);
    }
    add_all(&mut doc, fields.place, &article.place_names());
    for place in &article.places {
        // The region and country names too, so `place:Kazakhstan` finds Oral's stories.
        for name in place.path.split('/').filter(|n| !n.is_empty()) {
            doc.add_text(fields.place, name);
        }
        if let Ok(facet) = Facet::from_text(&place.id_path) {
            doc.add_facet(fields.places, facet);
        }
        doc.add_u64(fields.place_id, u64::from(place.id));
    }
    let g = crate::places::gazetteer();
    let mut mentioned = std::collections::HashSet::new();
    for m in &article.mentions {
        if !mentioned.insert(m.id) {
            continue;
        }
        let entry = g.lookup(&m.name).into_iter().find(|e| e.id == m.id);
        if let Some(facet) = entry.and_then(|e| Facet::from_text(&crate::places::id_path(&e)).ok())
        {
            doc.add_facet(fields.mentioned, facet);
        }
    }
    // The whole BCP 47 tag as words ("en-GB": en, gb), so that `lang:en` finds every
    // English variant and `lang:en-GB` that one.
    if let Some(tag) = &article.lang {
        doc.add_text(fields.lang, tag);
    }
    if let Some(stemmed) = stemmer.and_then(|code| fields.stemmed_field(code)) {
        doc.add_text(stemmed, &article.title);
        doc.add_text(stemmed, &text);
    }
    let romanized = romanized_words(&article.title, &text);
    if !romanized.is_empty() {
        doc.add_text(fields.translit, &romanized);
    }
    doc.add_u64(fields.simhash, analysis::simhash(&text));
    if let Some(url) = &article.url {
        doc.add_text(fields.url, url);
        if let Some(domain) = domain_of(url) {
            doc.add_text(fields.domain, domain);
        }
    }
    if let Some(published) = article.published {
        doc.add_date(
            fields.date,
            DateTime::from_timestamp_secs(published.timestamp()),
        );
    }
    doc.add_u64(fields.size, print.size);
    doc.add_i64(fields.mtime, print.mtime);
    doc.add_u64(fields.hash, print.hash);
    // The text is stored once, in `body`; the JSON holds everything else.
    doc.add_text(
        fields.article,
        serde_json::to_string(&article).unwrap_or_default(),
    );
    doc
}

/// The host of a URL, lower-cased, without `www.` and a port: `https://www.rferl.org/a/x`
/// is `rferl.org`.
pub fn domain_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (host.contains('.') && !host.is_empty()).then(|| host.to_string())
}

/// The Cyrillic words of a text in Latin letters, for `--translit`.
fn romanized_words(title: &str, text: &str) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .chain(text.split(|c: char| !c.is_alphanumeric()))
    {
        if analysis::is_cyrillic(word) {
            out.push_str(&analysis::romanize(word));
            out.push(' ');
        }
    }
    out
}

fn add_all(doc: &mut TantivyDocument, field: Field, values: &[String]) {
    for v in values {
        doc.add_text(field, v);
    }
}

/// The time a page file was last changed, as stored in the index.
pub fn modified_nanos(time: SystemTime) -> i64 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}
