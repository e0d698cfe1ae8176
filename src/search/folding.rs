//! Folding near-copies (the same wire story on several sites) into one hit, by SimHash
//! distance, and listing an article's copies.
//!
//! It must not change what matches or how hits are ranked among themselves.

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Term};

use super::*;
use crate::analysis;
use crate::error::{Error, Result};

impl Searcher {
    /// Keeps the first hit of each group of near-copies (by SimHash of the text), records
    /// the ids of the others on it, and returns the page `[offset, offset + limit)` and,
    /// when `count_stories`, the number of stories among `ranked`.
    pub(super) fn fold_copies(
        &self,
        searcher: &tantivy::Searcher,
        ranked: Vec<(Option<f32>, DocAddress)>,
        offset: usize,
        limit: usize,
        count_stories: bool,
    ) -> Result<(Vec<Folded>, Option<usize>)> {
        let err = |e| Error::index(&self.store.path, e);
        // One SimHash column per segment, opened once (opening one per hit cost more than
        // the folding itself on a query with thousands of matches).
        let columns = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.fast_fields().u64("simhash").map_err(err))
            .collect::<Result<Vec<_>>>()?;
        // Only the page's copies are read for their paths.
        let hashes: Vec<u64> = ranked
            .iter()
            .map(|(_, address)| {
                columns[address.segment_ord as usize]
                    .first(address.doc_id)
                    .unwrap_or(0)
            })
            .collect();
        let (groups, stories) = fold_by_hash(&hashes, offset.saturating_add(limit), count_stories);
        let page = groups
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|(first, copies)| {
                let (score, address) = ranked[first];
                let similar = copies
                    .iter()
                    .map(|&c| self.path_of(searcher, ranked[c].1))
                    .collect::<Result<Vec<String>>>()?;
                Ok((score, address, similar))
            })
            .collect::<Result<Vec<Folded>>>()?;
        Ok((page, stories))
    }

    pub(super) fn path_of(
        &self,
        searcher: &tantivy::Searcher,
        address: DocAddress,
    ) -> Result<String> {
        let err = |e| Error::index(&self.store.path, e);
        let segment = searcher.segment_reader(address.segment_ord);
        let mut path = String::new();
        if let Some(paths) = segment.fast_fields().str("id").map_err(err)?
            && let Some(ord) = paths.term_ords(address.doc_id).next()
        {
            paths
                .ord_to_str(ord, &mut path)
                .map_err(|e| err(e.into()))?;
        }
        Ok(path)
    }

    /// Ids of the near-copies of an article anywhere in the index.
    pub fn copies_of(&self, id: &str) -> Result<Vec<String>> {
        let searcher = self.reader.searcher();
        let err = |e| Error::index(&self.store.path, e);
        let query = TermQuery::new(
            Term::from_field_text(self.store.fields.id, id),
            IndexRecordOption::Basic,
        );
        let found = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .map_err(err)?;
        let Some((_, address)) = found.first() else {
            return Err(Error::NotFound(id.to_string()));
        };
        let hashes = searcher
            .segment_reader(address.segment_ord)
            .fast_fields()
            .u64("simhash")
            .map_err(err)?;
        let Some(hash) = hashes.first(address.doc_id).filter(|h| *h != 0) else {
            return Ok(Vec::new());
        };
        let mut copies = Vec::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let column = segment.fast_fields().u64("simhash").map_err(err)?;
            for doc in segment.doc_ids_alive() {
                let other = DocAddress::new(ord as u32, doc);
                if other != *address
                    && column.first(doc).is_some_and(|h| {
                        analysis::hamming(h, hash) <= analysis::NEAR_DUPLICATE_BITS
                    })
                {
                    copies.push(self.path_of(&searcher, other)?);
                }
            }
        }
        copies.sort();
        Ok(copies)
    }
}

/// Groups ranked hits by SimHash (`hashes`, in rank order): each group is the index of its
/// first hit and those of its copies, in rank order. A hit is a copy of the first kept hit
/// near it, which for a copy of one of the first `page_end` groups is one of them. So once
/// those are formed and no count is asked for, later hits are compared with them only, not
/// with every story kept so far: on a 6,000-match query that is 20,000 comparisons, not 2
/// million. Returns the groups (all of them when `count_stories`, else at least the first
/// `page_end`, complete) and, when `count_stories`, their number.
fn fold_by_hash(
    hashes: &[u64],
    page_end: usize,
    count_stories: bool,
) -> (Vec<(usize, Vec<usize>)>, Option<usize>) {
    let mut kept: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut kept_hashes: Vec<u64> = Vec::new();
    for (i, &hash) in hashes.iter().enumerate() {
        match analysis::first_near_copy(&kept_hashes, hash) {
            Some(first) => kept[first].1.push(i),
            None if count_stories || kept.len() < page_end => {
                kept.push((i, Vec::new()));
                kept_hashes.push(hash);
            }
            None => {}
        }
    }
    let stories = count_stories.then_some(kept.len());
    (kept, stories)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Folding without a count gives the page exactly as folding everything does.
        #[test]
        fn the_page_is_the_same_with_or_without_the_count(
            seeds in proptest::collection::vec((0u64..6, 0u32..64, 0u32..64), 0..300),
            page_end in 0usize..12,
        ) {
            // A few base stories, each hit a base with up to two bits flipped or a far one,
            // so that copies and near-misses both occur.
            let bases = [0u64, 0x0f0f_0f0f_0f0f_0f0f, 0xffff_0000_ffff_0000, 0x1234_5678_9abc_def0,
                0xaaaa_aaaa_aaaa_aaaa, 0x0000_ffff_0000_ffff];
            let hashes: Vec<u64> = seeds
                .iter()
                .map(|&(b, x, y)| bases[b as usize] ^ (1u64 << x) ^ (0x7fffu64 << y))
                .collect();
            let (all, stories) = fold_by_hash(&hashes, page_end, true);
            let (page, none) = fold_by_hash(&hashes, page_end, false);
            prop_assert_eq!(stories, Some(all.len()));
            prop_assert_eq!(none, None);
            let n = page_end.min(all.len());
            prop_assert_eq!(&all[..n], &page[..n]);
        }
    }
}
