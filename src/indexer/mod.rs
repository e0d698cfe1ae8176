//! Articles -> tantivy. Walks the corpus, re-reads only pages that are new or changed,
//! extracts them in parallel on all cores, feeds one writer, removes pages that are gone,
//! and commits at intervals so a killed run keeps what it committed and the next run
//! completes it.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;
use tantivy::{IndexWriter, TantivyError, Term, directory::error::LockError};

mod archives;
mod document;
mod segments;

use archives::{ArchiveFile, CommitPayload, Completion, Unit};
pub use document::{domain_of, to_document};

use crate::analysis;
use crate::archive::{self, Captures, PassedOver, Recapture, Record, RecordPage};
use crate::article::Article;
use crate::corpus::{self, PageFile, WalkProblem};
use crate::error::{Error, Result};
use crate::extract::{self, SkipReason};
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
    /// Web archives read (in full or in part) and left alone as read before.
    pub archives: usize,
    pub unchanged_archives: usize,
    /// Archives that grew since they were read in full, read on from where that run ended.
    pub resumed_archives: usize,
    /// Articles added or updated from archive records.
    pub from_archives: usize,
    /// Archive records that hold no page, counted by why.
    pub passed_over: BTreeMap<&'static str, usize>,
    /// Archive records that repeat an earlier capture (their dates join its article).
    pub recaptures: usize,
    /// The index was made by another build's extraction (an upgrade): this run extracted
    /// every page again, and counts those it had as updated.
    pub reextracted: bool,
    /// The run was stopped before it looked at every page (see [`IndexOptions::stop`]);
    /// what it did is committed, and the next run completes the rest.
    pub interrupted: bool,
}

impl IndexReport {
    /// Records a skip and shows it as it happens.
    fn skip(&mut self, progress: &dyn Progress, skip: Skipped) {
        progress.skipped(&skip);
        self.skipped.push(skip);
    }

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
    /// One page was looked at (indexed, unchanged or skipped), or one archive read.
    fn advance(&self, _bytes: u64) {}
    /// Bytes of an archive were read (it advances once, at its end).
    fn read(&self, _bytes: u64) {}
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

/// The outcome of looking at one unit, made in parallel and applied by the writer thread.
enum Work {
    Unchanged,
    Index {
        article: Box<Article>,
        print: Fingerprint,
        same_content: bool,
    },
    Skip(SkipReason),
    Vanished,
    /// An archive record that holds no page.
    Passed(PassedOver),
    /// An archive record that repeats the capture with this id.
    Recapture(Recapture),
    /// An archive read in full before and unchanged since.
    ArchiveUnchanged,
    /// The end of an archive (see [`Unit::ArchiveEnd`]).
    ArchiveEnd {
        units: usize,
        problem: Option<String>,
        mark: Option<archives::ArchiveMark>,
    },
}

/// Where a unit came from: a page file, or an archive (and the record's offset in it).
enum Source {
    File(PageFile),
    /// With the id of the record's WARC and its offset there.
    Archive(Arc<ArchiveFile>, Option<(Arc<str>, u64)>),
}

impl Source {
    /// The id of the article it gives.
    fn id(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Source::File(page) => std::borrow::Cow::Borrowed(&page.rel),
            Source::Archive(_, Some((warc, offset))) => {
                std::borrow::Cow::Owned(archive::record_id(warc, *offset))
            }
            Source::Archive(archive, None) => std::borrow::Cow::Borrowed(&archive.rel),
        }
    }

    /// How a warning names it: the file's path, and the record's offset.
    fn shown(&self, root: &Path) -> String {
        match self {
            Source::File(page) => page.path(root).display().to_string(),
            Source::Archive(archive, Some((warc, offset))) => {
                // The path on disk, and inside a WACZ the WARC's name in it.
                let inner = archive::archive_file_of(warc).1;
                match inner {
                    Some(name) => format!("{}/{name}#{offset}", archive.path.display()),
                    None => format!("{}#{offset}", archive.path.display()),
                }
            }
            Source::Archive(archive, None) => archive.path.display().to_string(),
        }
    }
}

/// Looks at one unit: reads and extracts a page or a record (in parallel).
fn look(
    unit: Unit,
    root: &Path,
    known: &HashMap<String, IndexedPage>,
    max: u64,
) -> (Source, u64, Work) {
    match unit {
        Unit::Page(page) => {
            let path = page.path(root);
            let known = known.get(&*page.rel).map(|k| &k.print);
            let (bytes, work) = look_at(&path, &page.rel, known, max);
            (Source::File(page), bytes, work)
        }
        Unit::Record(archive, warc, record) => {
            let id = archive::record_id(&warc, record.offset);
            let known = known.get(&id).map(|k| &k.print);
            let read = record.block.len() as u64;
            let mut work = look_at_record(&record, &id, known, max);
            if let Work::Index { article, .. } = &mut work {
                archive.fill_from_list(article);
            }
            (
                Source::Archive(archive, Some((warc, record.offset))),
                read,
                work,
            )
        }
        Unit::Passed(archive, why) => (Source::Archive(archive, None), 0, Work::Passed(why)),
        Unit::Recapture(archive, recapture) => (
            Source::Archive(archive, None),
            0,
            Work::Recapture(recapture),
        ),
        Unit::ArchiveUnchanged(archive) => {
            (Source::Archive(archive, None), 0, Work::ArchiveUnchanged)
        }
        Unit::ArchiveEnd {
            archive,
            units,
            problem,
            mark,
        } => (
            Source::Archive(archive, None),
            0,
            Work::ArchiveEnd {
                units,
                problem,
                mark,
            },
        ),
    }
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
    writer.set_merge_policy(Box::new(segments::merge_policy()));
    let segments_before = segments::segment_ids(&store.index, &opts.index)?;

    let (known, mut done_before) = if opts.rebuild {
        writer.delete_all_documents().map_err(index_err)?;
        store.info.stemmers = Some(Default::default());
        store.info.extractor = Some(crate::store::EXTRACTOR.to_string());
        (HashMap::new(), CommitPayload::default())
    } else {
        (indexed_pages(&store)?, CommitPayload::of(&store))
    };
    // Pages extracted by another build (an upgrade, or an index of a dateline that did
    // not record it) are all extracted again: their sizes and times say nothing of what
    // this build would make of them. The record changes only when a run has done them
    // all, so an interrupted one starts over.
    let reextract =
        !known.is_empty() && store.info.extractor.as_deref() != Some(crate::store::EXTRACTOR);
    if reextract {
        done_before = CommitPayload::default();
    }
    let no_pages = HashMap::new();
    let looked_up = if reextract { &no_pages } else { &known };
    check_same_corpus(&store, &known, &corpus_root, &opts.index)?;
    // Articles per archive, so an archive left alone counts its articles as unchanged.
    let mut in_archives: HashMap<&str, usize> = HashMap::new();
    for id in known.keys() {
        if let Some((warc, _)) = archive::split_id(id) {
            *in_archives
                .entry(archive::archive_file_of(warc).0)
                .or_default() += 1;
        }
    }
    let stopped = || {
        opts.stop
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed))
    };

    let mut report = IndexReport::default();
    // A page or archive this run could not read again kept its indexed version.
    let mut kept_old = false;
    // Folders that could not be read: their pages are kept, not taken for removed.
    let mut unreadable_prefixes = Vec::new();
    let mut completion = Completion::new(done_before.clone());
    let mut recaptures: HashMap<String, Vec<chrono::DateTime<chrono::FixedOffset>>> =
        HashMap::new();
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
    // fingerprints of the indexed pages do). An archive's records are read one after the
    // other by the walk and extracted in parallel like pages.
    let (tx, rx) = mpsc::sync_channel::<Result<(Source, u64, Work), WalkProblem>>(64);
    let known_ref = looked_up;
    let done_ref = &done_before;
    let captures = Arc::new(Mutex::new(Captures::default()));
    std::thread::scope(|scope| -> Result<()> {
        scope.spawn(move || {
            let units = corpus::walk(root, exclude).flat_map(move |item| {
                let units: Box<dyn Iterator<Item = Result<Unit, WalkProblem>> + Send> = match item {
                    Ok(page) if archive::is_archive(Path::new(&*page.rel)) => {
                        let path = page.path(root).into_owned();
                        let before = done_ref.archives.get(&*page.rel).copied();
                        Box::new(
                            archives::units_of(page, path, before, Arc::clone(&captures), max)
                                .map(Ok),
                        )
                    }
                    Ok(page) => Box::new(std::iter::once(Ok(Unit::Page(page)))),
                    Err(problem) => Box::new(std::iter::once(Err(problem))),
                };
                units
            });
            // An error ends the walk: the receiver is gone (the run failed or was stopped).
            let _ = units.par_bridge().try_for_each_with(tx, |tx, item| {
                if stopped() {
                    return Err(());
                }
                let message = item.map(|unit| look(unit, root, known_ref, max));
                tx.send(message).map_err(drop)
            });
        });
        for message in rx {
            if stopped() {
                report.interrupted = true;
                break;
            }
            let (source, bytes, work) = match message {
                Ok(found) => found,
                Err(problem) => {
                    unreadable_prefixes.push(corpus::relative_id(&corpus_root, &problem.path));
                    report.skip(
                        progress,
                        Skipped {
                            path: problem.path.display().to_string(),
                            reason: problem.reason,
                            label: "unwalkable",
                        },
                    );
                    continue;
                }
            };
            report.bytes_read += bytes;
            let id = source.id();
            let known_page = known.get(&*id);
            if let Some(k) = known_page {
                k.seen.store(true, Ordering::Relaxed);
            }
            let was_known = known_page.is_some();
            let in_archive = match &source {
                Source::Archive(archive, _) => {
                    completion.arrived(archive);
                    Some(archive)
                }
                Source::File(_) => None,
            };
            match work {
                Work::Unchanged => report.unchanged += 1,
                Work::Index {
                    article,
                    print,
                    same_content,
                } => {
                    if was_known {
                        writer.delete_term(Term::from_field_text(fields.id, &id));
                        if same_content {
                            report.unchanged += 1;
                        } else {
                            report.updated += 1;
                        }
                    } else {
                        report.added += 1;
                    }
                    if in_archive.is_some() {
                        report.from_archives += 1;
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
                    writer.delete_term(Term::from_field_text(fields.id, &id));
                    report.removed += 1;
                    pending += 1;
                }
                Work::Vanished => {}
                Work::Skip(reason) => {
                    kept_old |= was_known;
                    let kept = if was_known {
                        "; the indexed version is kept"
                    } else {
                        ""
                    };
                    report.skip(
                        progress,
                        Skipped {
                            path: source.shown(&corpus_root),
                            label: reason.label(),
                            reason: format!("{reason}{kept}"),
                        },
                    );
                }
                Work::Passed(why) => *report.passed_over.entry(why.label()).or_default() += 1,
                Work::Recapture(recapture) => {
                    if let Some(archive) = in_archive {
                        completion.wait_for_recaptures(archive);
                    }
                    report.recaptures += 1;
                    if let Some(date) = recapture.date {
                        recaptures.entry(recapture.of).or_default().push(date);
                    }
                }
                Work::ArchiveUnchanged => {
                    if let Some(archive) = in_archive {
                        completion.unchanged(archive);
                    }
                    report.unchanged_archives += 1;
                    if let Source::Archive(archive, _) = &source {
                        report.unchanged += in_archives.get(&*archive.rel).copied().unwrap_or(0);
                    }
                }
                Work::ArchiveEnd {
                    units,
                    problem,
                    mark,
                } => {
                    if let Some(archive) = in_archive {
                        completion.ended(archive, units, problem.is_some(), mark);
                        if archive.resumed_at > 0 {
                            report.resumed_archives += 1;
                            // The records before where this run began stand as they were.
                            report.unchanged +=
                                in_archives.get(&*archive.rel).copied().unwrap_or(0);
                        }
                    }
                    report.archives += 1;
                    kept_old |= problem.is_some();
                    if let Some(reason) = problem {
                        report.skip(
                            progress,
                            Skipped {
                                path: source.shown(&corpus_root),
                                label: "damaged archive",
                                reason,
                            },
                        );
                    }
                    progress.advance(0);
                }
            }
            if in_archive.is_none() {
                progress.advance(bytes);
            } else {
                progress.read(bytes);
            }
            if pending > 0
                && (pending >= opts.commit_every_pages
                    || last_commit.elapsed() >= opts.commit_every)
            {
                commit(
                    &mut writer,
                    &mut store,
                    &corpus_root,
                    &mut report,
                    &mut completion,
                )?;
                pending = 0;
                last_commit = Instant::now();
            }
        }
        Ok(())
    })?;

    // A stop that came while no page was in flight ends the walk without a message.
    if stopped() {
        report.interrupted = true;
    }
    // A stopped run has not seen every page: none is taken for removed.
    let finished = !report.interrupted;
    for (rel, page) in known.iter().filter(|_| finished) {
        let under_unreadable = unreadable_prefixes
            .iter()
            .any(|p| p.is_empty() || rel.starts_with(&format!("{p}/")));
        let in_kept_archive = archive::split_id(rel).is_some_and(|(warc, _)| {
            completion
                .kept
                .contains_key(archive::archive_file_of(warc).0)
        });
        if !page.seen.load(Ordering::Relaxed) && !under_unreadable && !in_kept_archive {
            writer.delete_term(Term::from_field_text(fields.id, rel));
            report.removed += 1;
        }
    }
    if finished {
        completion.forget_missing();
    }
    report.reextracted = reextract;
    commit(
        &mut writer,
        &mut store,
        &corpus_root,
        &mut report,
        &mut completion,
    )?;
    if !recaptures.is_empty() && finished {
        archives::apply_recaptures(&store, &mut writer, recaptures)?;
        completion.recaptures_applied();
        commit(
            &mut writer,
            &mut store,
            &corpus_root,
            &mut report,
            &mut completion,
        )?;
    }
    // Every page is now this build's: recorded only after the last commit, so a run killed
    // before it extracts them again; a page kept in its old version (unreadable now, a
    // damaged archive, an unreadable folder) keeps the old record, and the next run tries
    // again.
    let current = Some(crate::store::EXTRACTOR.to_string());
    if finished && !kept_old && unreadable_prefixes.is_empty() && store.info.extractor != current {
        store.info.extractor = current;
        store.write_info(&corpus_root)?;
    }
    writer.wait_merging_threads().map_err(index_err)?;
    segments::merge_new_segments(
        &store.index,
        &opts.index,
        &segments_before,
        opts.writer_heap_bytes,
    )?;
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
        .filter(|rel| {
            let file = archive::split_id(rel)
                .map_or(rel.as_str(), |(warc, _)| archive::archive_file_of(warc).0);
            corpus_root.join(file).symlink_metadata().is_ok()
        })
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

/// Commits what the writer holds, with the archives read in full by now (settled first)
/// riding in the commit.
fn commit(
    writer: &mut IndexWriter,
    store: &mut Store,
    corpus_root: &Path,
    report: &mut IndexReport,
    completion: &mut Completion,
) -> Result<()> {
    completion.settle();
    store.write_info(corpus_root)?;
    let err = |e| Error::index_write(&store.path, e);
    let mut prepared = writer.prepare_commit().map_err(err)?;
    prepared.set_payload(&serde_json::to_string(&completion.done).unwrap_or_default());
    prepared.commit().map_err(err)?;
    report.commits += 1;
    Ok(())
}

/// Decides what to do with one archive record: nothing when its payload hashes as
/// indexed, else extract it.
fn look_at_record(record: &Record, id: &str, known: Option<&Fingerprint>, max: u64) -> Work {
    match archive::page_of(record, max) {
        RecordPage::Page(payload) => {
            let print = Fingerprint {
                size: payload.bytes.len() as u64,
                mtime: 0,
                hash: xxhash_rust::xxh3::xxh3_64(&payload.bytes),
            };
            if known.is_some_and(|k| k.hash == print.hash) {
                return Work::Unchanged;
            }
            match extract::extract_page(&payload.bytes, id, &payload.origin) {
                Ok(article) => Work::Index {
                    article: Box::new(article),
                    print,
                    same_content: false,
                },
                Err(reason) => Work::Skip(reason),
            }
        }
        RecordPage::Passed(why) => Work::Passed(why),
        RecordPage::Broken(reason) => Work::Skip(reason),
    }
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
    match extract::extract_file_bytes(&bytes, rel, path) {
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

/// The time a page file was last changed, as stored in the index.
pub fn modified_nanos(time: SystemTime) -> i64 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}
