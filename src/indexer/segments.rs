//! How an index keeps few segments: the merge policy during a run, and one merge at its
//! end of the small segments the run wrote. A query opens every segment and looks up each
//! word in each, and a segment that lacks a field the query names (no Russian article in
//! it, say) costs tantivy an empty term dictionary built on the spot: on the 10,000-page
//! bench index, one segment instead of two made a whole-process query 1.7 ms faster.

use std::collections::HashSet;
use std::path::Path;

use tantivy::directory::error::LockError;
use tantivy::index::SegmentId;
use tantivy::indexer::{LogMergePolicy, NoMergePolicy};
use tantivy::{Index, IndexWriter, TantivyError};

use crate::error::{Error, Result};

/// Segments stop taking part in merges once they hold [`MAX_MERGE_DOCS`] articles. A merge
/// maps all its input segments, so without a cap the largest merge, and with it the peak
/// memory of a run, grows with the archive; with it, a merge reads at most a few hundred MB
/// whatever the archive's size. The price is more segments in a large index (about one per
/// 40,000 articles), which a query visits one after the other.
pub(super) fn merge_policy() -> LogMergePolicy {
    let mut policy = LogMergePolicy::default();
    policy.set_max_docs_before_merge(MAX_MERGE_DOCS);
    policy
}

/// See [`merge_policy`]: segments are born with up to 5,000 articles (one commit) and
/// merge eight at a time, so they end at about 40,000.
pub(super) const MAX_MERGE_DOCS: usize = 30_000;

/// The segments an index has now.
pub(super) fn segment_ids(index: &Index, path: &Path) -> Result<HashSet<SegmentId>> {
    Ok(index
        .searchable_segment_ids()
        .map_err(|e| Error::index(path, e))?
        .into_iter()
        .collect())
}

/// Merges the segments written since `before` that the merge policy left small (under
/// [`MAX_MERGE_DOCS`] articles) into one. The merge reads only what this run wrote, so its
/// cost follows the run's size, never the archive's: a run that adds ten pages to a large
/// index writes one segment and merges nothing. Call it once the run's writer is gone (its
/// merges finished and its lock released).
pub(super) fn merge_new_segments(
    index: &Index,
    path: &Path,
    before: &HashSet<SegmentId>,
    heap_bytes: usize,
) -> Result<()> {
    // Only ids are kept: a live segment meta keeps its files from garbage collection.
    let small: Vec<SegmentId> = index
        .searchable_segment_metas()
        .map_err(|e| Error::index(path, e))?
        .iter()
        .filter(|m| !before.contains(&m.id()) && (m.num_docs() as usize) < MAX_MERGE_DOCS)
        .map(|m| m.id())
        .collect();
    if small.len() < 2 {
        return Ok(());
    }
    let err = |e| Error::index_write(path, e);
    let mut writer: IndexWriter = match index.writer_with_num_threads(1, heap_bytes) {
        Ok(writer) => writer,
        // Another run took the index between this run's last commit and now: everything is
        // committed, and the merge policy merges these segments in a later run.
        Err(TantivyError::LockFailure(LockError::LockBusy, _)) => return Ok(()),
        Err(e) => return Err(err(e)),
    };
    writer.set_merge_policy(Box::new(NoMergePolicy));
    writer.merge(&small).wait().map_err(err)?;
    // The merged segments' files go now, not at the next run.
    writer.garbage_collect_files().wait().map_err(err)?;
    writer.wait_merging_threads().map_err(err)
}
