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
    /// the ids of the others on it, and returns the page `[offset, offset + limit)`.
    pub(super) fn fold_copies(
        &self,
        searcher: &tantivy::Searcher,
        ranked: Vec<(Option<f32>, DocAddress)>,
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<Folded>, usize)> {
        let err = |e| Error::index(&self.store.path, e);
        // One SimHash column per segment, opened once (opening one per hit cost more than
        // the folding itself on a query with thousands of matches).
        let columns = searcher
            .segment_readers()
            .iter()
            .map(|segment| segment.fast_fields().u64("simhash").map_err(err))
            .collect::<Result<Vec<_>>>()?;
        // Copies are kept by address; only the page's are read for their paths. The hashes
        // of the kept hits sit apart, so the scan for a copy reads only them.
        let mut kept: Vec<(Option<f32>, DocAddress, Vec<DocAddress>)> = Vec::new();
        let mut kept_hashes: Vec<u64> = Vec::new();
        for (score, address) in ranked {
            let hash = columns[address.segment_ord as usize]
                .first(address.doc_id)
                .unwrap_or(0);
            let copy_of = analysis::first_near_copy(&kept_hashes, hash);
            match copy_of {
                Some(first) => kept[first].2.push(address),
                None => {
                    kept.push((score, address, Vec::new()));
                    kept_hashes.push(hash);
                }
            }
        }
        let stories = kept.len();
        let page = kept
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|(score, address, copies)| {
                let similar = copies
                    .into_iter()
                    .map(|c| self.path_of(searcher, c))
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
