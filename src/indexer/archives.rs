//! Web archives in an index run: an archive file becomes a stream of units (one per
//! record) for the extractors, and the run keeps track of which archives it has read
//! in full, so the next run can leave those alone.
//!
//! An archive counts as read in full only once every one of its records has reached the
//! writer and been committed: what it records rides in the commit itself (tantivy's
//! commit payload), so a run killed at any instant never takes a half-read archive for
//! done.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{IndexWriter, TantivyDocument, Term};

use super::{Fingerprint, document::to_document};
use crate::analysis;
use crate::archive::warc::{self, Span};
use crate::archive::{self, Captures, PassedOver, Recapture, Record, wacz};
use crate::article::Article;
use crate::corpus::PageFile;
use crate::error::{Error, Result};
use crate::store::Store;

/// An archive file found by the walk.
#[derive(Debug)]
pub(super) struct ArchiveFile {
    pub rel: Box<str>,
    pub path: PathBuf,
    pub size: u64,
    pub mtime: i64,
    /// Where this run began reading: past the records an earlier run read in full, when
    /// the file only grew since.
    pub resumed_at: u64,
    /// A WACZ's page list by URL: titles and times for pages that lack them.
    pub listed: HashMap<String, wacz::ListedPage>,
}

impl ArchiveFile {
    /// Fills an article's missing headline and capture time from the page list.
    pub fn fill_from_list(&self, article: &mut Article) {
        let Some(listed) = article.url.as_ref().and_then(|url| self.listed.get(url)) else {
            return;
        };
        if article.title.trim().is_empty()
            && let Some(title) = &listed.title
        {
            article.title = title.clone();
        }
        if article.captured.is_none() {
            article.captured = listed.ts;
        }
    }
}

/// What the walk hands to the extractors.
pub(super) enum Unit {
    Page(PageFile),
    /// A record of an archive that may hold a page, with the id of its WARC.
    Record(Arc<ArchiveFile>, Arc<str>, Box<Record>),
    /// A record that holds no page, known from its WARC headers alone.
    Passed(Arc<ArchiveFile>, PassedOver),
    /// A record repeating an earlier capture.
    Recapture(Arc<ArchiveFile>, Recapture),
    /// An archive read in full by an earlier run, unchanged since.
    ArchiveUnchanged(Arc<ArchiveFile>),
    /// The end of an archive: `units` were handed on before it; `problem` says why the
    /// reading stopped early, if it did; `mark` is what to record once it is done.
    ArchiveEnd {
        archive: Arc<ArchiveFile>,
        units: usize,
        problem: Option<String>,
        mark: Option<ArchiveMark>,
    },
}

/// The archives a commit says were read in full, and how they were then.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct CommitPayload {
    #[serde(default)]
    pub archives: BTreeMap<String, ArchiveMark>,
}

/// An archive as it was when read in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct ArchiveMark {
    pub size: u64,
    pub mtime: i64,
    /// Where a run can go on reading if the file grows (a crawl still being written):
    /// its end, for a plain or per-record gzip WARC; none for others.
    pub resume_at: Option<u64>,
    /// xxh3 of the bytes just before `resume_at`, to tell growth from rewriting.
    pub tail: u64,
}

/// How many bytes before the end [`ArchiveMark::tail`] hashes.
const TAIL_BYTES: u64 = 64 * 1024;

fn tail_hash(path: &std::path::Path, end: u64) -> Option<u64> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = std::fs::File::open(path).ok()?;
    let start = end.saturating_sub(TAIL_BYTES);
    file.seek(SeekFrom::Start(start)).ok()?;
    let mut tail = Vec::with_capacity((end - start) as usize);
    file.take(end - start).read_to_end(&mut tail).ok()?;
    (tail.len() as u64 == end - start).then(|| xxhash_rust::xxh3::xxh3_64(&tail))
}

impl CommitPayload {
    /// What the index's last commit recorded.
    pub fn of(store: &Store) -> CommitPayload {
        store
            .index
            .load_metas()
            .ok()
            .and_then(|metas| metas.payload)
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }
}

/// The units of one archive: the records of each of its WARCs as they are read, then its
/// end.
pub(super) fn units_of(
    page: PageFile,
    path: PathBuf,
    done_before: Option<ArchiveMark>,
    captures: Arc<Mutex<Captures>>,
    limit: u64,
) -> Box<dyn Iterator<Item = Unit> + Send> {
    let meta = std::fs::metadata(&path);
    let (size, mtime) = meta.as_ref().map_or((0, 0), |m| {
        (m.len(), m.modified().map_or(0, super::modified_nanos))
    });
    let unchanged = done_before.is_some_and(|d| d.size == size && d.mtime == mtime);
    // Grown since it was read in full, with the bytes before the old end as they were.
    let resumed_at = done_before
        .and_then(|d| d.resume_at.filter(|&at| at < size).map(|at| (at, d.tail)))
        .filter(|&(at, tail)| tail_hash(&path, at) == Some(tail))
        .map_or(0, |(at, _)| at);
    let listed = if page.rel.to_ascii_lowercase().ends_with(".wacz") && !unchanged {
        wacz::page_list(&path)
    } else {
        HashMap::new()
    };
    let archive = Arc::new(ArchiveFile {
        rel: page.rel,
        path,
        size,
        mtime,
        resumed_at,
        listed,
    });
    if meta.is_ok() && unchanged {
        return Box::new(std::iter::once(Unit::ArchiveUnchanged(archive)));
    }
    let end = |archive: Arc<ArchiveFile>, units, problem| {
        Box::new(std::iter::once(Unit::ArchiveEnd {
            archive,
            units,
            problem,
            mark: None,
        }))
    };
    // The WARCs to read: the file itself, or the WARCs a WACZ holds.
    let mut problems = Vec::new();
    let warcs: Vec<(Arc<str>, Span)> = if archive.rel.to_ascii_lowercase().ends_with(".wacz") {
        match wacz::members(&archive.path) {
            Ok((members, compressed)) => {
                for name in compressed {
                    problems.push(format!(
                        "{name} is compressed inside the ZIP, which dateline cannot read in place (WACZ stores its WARCs uncompressed)"
                    ));
                }
                members
                    .into_iter()
                    .map(|m| (Arc::from(format!("{}/{}", archive.rel, m.name)), m.span))
                    .collect()
            }
            Err(reason) => return end(archive, 0, Some(reason)),
        }
    } else {
        vec![(Arc::from(&*archive.rel), Span::WHOLE)]
    };
    let is_wacz = warcs.len() != 1 || *warcs[0].0 != *archive.rel;
    let mut warcs = warcs.into_iter();
    let mut current: Option<(Arc<str>, warc::Reader)> = None;
    let mut units = 0;
    let mut ended = false;
    let mut whole_gzip = false;
    Box::new(std::iter::from_fn(move || {
        loop {
            if ended {
                return None;
            }
            if current.is_none() {
                let Some((id, span)) = warcs.next() else {
                    ended = true;
                    let problem = (!problems.is_empty()).then(|| problems.join("; "));
                    let resume_at = (!is_wacz && !whole_gzip).then_some(archive.size);
                    let mark = ArchiveMark {
                        size: archive.size,
                        mtime: archive.mtime,
                        resume_at,
                        tail: resume_at
                            .and_then(|at| tail_hash(&archive.path, at))
                            .unwrap_or(0),
                    };
                    return Some(Unit::ArchiveEnd {
                        archive: Arc::clone(&archive),
                        units,
                        problem,
                        mark: Some(mark),
                    });
                };
                let from = if is_wacz { 0 } else { archive.resumed_at };
                match warc::Reader::open_in(&archive.path, span, from, limit) {
                    Ok(reader) => current = Some((id, reader)),
                    Err(e) => problems.push(format!("{id}: cannot read: {e}")),
                }
                continue;
            }
            let Some((id, reader)) = current.as_mut() else {
                continue;
            };
            let unit = match reader.next() {
                Some(Ok(record)) => unit_of(&archive, id, record, &captures),
                Some(Err(e)) => {
                    // The reader goes on past the damage where it can find a record.
                    let inner = (**id != *archive.rel).then(|| format!("{id}: "));
                    problems.push(format!("{}{}", inner.unwrap_or_default(), problem_text(&e)));
                    continue;
                }
                None => {
                    whole_gzip |= reader.is_whole_gzip();
                    current = None;
                    continue;
                }
            };
            units += 1;
            return Some(unit);
        }
    }))
}

fn problem_text(e: &archive::WarcError) -> String {
    match e {
        archive::WarcError::NotWarc => e.to_string(),
        _ => format!("{e}; the records around it are indexed"),
    }
}

fn unit_of(
    archive: &Arc<ArchiveFile>,
    warc_id: &Arc<str>,
    record: Record,
    captures: &Mutex<Captures>,
) -> Unit {
    let archive = Arc::clone(archive);
    if !matches!(record.kind.as_str(), "response" | "resource" | "revisit") {
        return Unit::Passed(archive, PassedOver::NotAResponse);
    }
    let id = archive::record_id(warc_id, record.offset);
    let repeat = captures
        .lock()
        .map(|mut seen| seen.repeats(&record, &id))
        .unwrap_or(None);
    match repeat {
        Some(recapture) => Unit::Recapture(archive, recapture),
        None if record.kind == "revisit" => Unit::Passed(archive, PassedOver::Revisit),
        None => Unit::Record(archive, Arc::clone(warc_id), Box::new(record)),
    }
}

/// Which archives have been read in full, as their units reach the writer.
#[derive(Debug, Default)]
pub(super) struct Completion {
    /// Units handed on and units arrived, per archive.
    expected: HashMap<Box<str>, usize>,
    arrived: HashMap<Box<str>, usize>,
    marks: HashMap<Box<str>, ArchiveMark>,
    /// Archives with recaptures not yet applied: done only once they are.
    waiting: HashMap<Box<str>, ()>,
    /// Archives found damaged: never done, so the next run reads them again.
    damaged: HashMap<Box<str>, ()>,
    /// Archives whose indexed records stand though this run did not see them: unchanged,
    /// damaged, or read on from where an earlier run ended.
    pub kept: HashMap<Box<str>, ()>,
    pub done: CommitPayload,
    /// Archives the walk found (the others left the corpus).
    pub found: HashMap<Box<str>, ()>,
}

impl Completion {
    pub fn new(done: CommitPayload) -> Completion {
        Completion {
            done,
            ..Completion::default()
        }
    }

    /// One unit of `archive` reached the writer.
    pub fn arrived(&mut self, archive: &ArchiveFile) {
        *self.arrived.entry(archive.rel.clone()).or_default() += 1;
        self.found.insert(archive.rel.clone(), ());
        if archive.resumed_at > 0 {
            self.kept.insert(archive.rel.clone(), ());
        }
    }

    pub fn ended(
        &mut self,
        archive: &ArchiveFile,
        units: usize,
        damaged: bool,
        mark: Option<ArchiveMark>,
    ) {
        self.expected.insert(archive.rel.clone(), units);
        self.found.insert(archive.rel.clone(), ());
        if damaged {
            self.damaged.insert(archive.rel.clone(), ());
            self.kept.insert(archive.rel.clone(), ());
        }
        if let Some(mark) = mark {
            self.marks.insert(archive.rel.clone(), mark);
        }
    }

    pub fn unchanged(&mut self, archive: &ArchiveFile) {
        self.found.insert(archive.rel.clone(), ());
        self.kept.insert(archive.rel.clone(), ());
    }

    pub fn wait_for_recaptures(&mut self, archive: &ArchiveFile) {
        self.waiting.insert(archive.rel.clone(), ());
    }

    /// Moves the archives whose every unit arrived (and that wait for nothing) to `done`,
    /// for the commit being made to record. A damaged one is never done: the next run reads it
    /// again.
    pub fn settle(&mut self) {
        let ready: Vec<Box<str>> = self
            .expected
            .iter()
            .filter(|(rel, units)| {
                // The end unit itself is counted among the arrivals.
                self.arrived.get(*rel).copied().unwrap_or(0) > **units
                    && !self.waiting.contains_key(*rel)
                    && !self.damaged.contains_key(*rel)
            })
            .map(|(rel, _)| rel.clone())
            .collect();
        for rel in ready {
            self.expected.remove(&rel);
            if let Some(mark) = self.marks.remove(&rel) {
                self.done.archives.insert(rel.to_string(), mark);
            }
        }
    }

    /// After the recaptures are applied, the archives that waited for them settle too
    /// (at the next commit).
    pub fn recaptures_applied(&mut self) {
        self.waiting.clear();
    }

    /// At the end of a full run: archives that left the corpus are forgotten.
    pub fn forget_missing(&mut self) {
        let found = &self.found;
        self.done
            .archives
            .retain(|rel, _| found.contains_key(rel.as_str()));
    }
}

/// Adds the dates of repeated captures to the articles of their first capture (which the
/// index holds by now): each is read back, given its captures, and written again.
pub(super) fn apply_recaptures(
    store: &Store,
    writer: &mut IndexWriter,
    recaptures: HashMap<String, Vec<DateTime<FixedOffset>>>,
) -> Result<usize> {
    let err = |e| Error::index(&store.path, e);
    let fields = store.fields;
    let reader = store.index.reader().map_err(err)?;
    reader.reload().map_err(err)?;
    let searcher = reader.searcher();
    let mut applied = 0;
    for (id, dates) in recaptures {
        let query = TermQuery::new(
            Term::from_field_text(fields.id, &id),
            IndexRecordOption::Basic,
        );
        let found = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .map_err(err)?;
        let Some((_, address)) = found.first() else {
            continue;
        };
        let doc: TantivyDocument = searcher.doc(*address).map_err(err)?;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| tantivy::schema::Value::as_str(&v))
                .unwrap_or_default()
                .to_string()
        };
        let Ok(mut article) = serde_json::from_str::<Article>(&text(fields.article)) else {
            continue;
        };
        article.text = text(fields.body);
        let segment = searcher.segment_reader(address.segment_ord);
        let ff = segment.fast_fields();
        let print = Fingerprint {
            size: ff
                .u64("size")
                .ok()
                .and_then(|c| c.first(address.doc_id))
                .unwrap_or(0),
            mtime: ff
                .i64("mtime")
                .ok()
                .and_then(|c| c.first(address.doc_id))
                .unwrap_or(0),
            hash: ff
                .u64("hash")
                .ok()
                .and_then(|c| c.first(address.doc_id))
                .unwrap_or(0),
        };
        let mut all: Vec<DateTime<FixedOffset>> = article
            .captured
            .iter()
            .chain(&article.captures)
            .chain(&dates)
            .copied()
            .collect();
        all.sort();
        all.dedup();
        article.captured = all.first().copied();
        article.captures = if all.len() > 1 { all } else { Vec::new() };
        let stemmer = analysis::stemmer_for(article.lang_code().as_deref(), &article.text);
        writer.delete_term(Term::from_field_text(fields.id, &id));
        writer
            .add_document(to_document(&fields, article, print, stemmer))
            .map_err(|e| Error::index_write(&store.path, e))?;
        applied += 1;
    }
    Ok(applied)
}
