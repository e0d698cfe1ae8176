//! Export: every article a request matches, streamed in index order one at a time, so
//! memory stays the same whatever the number of matches.
//!
//! It must not rank, fold copies or page: a researcher gets the whole result set.

use tantivy::query::EnableScoring;
use tantivy::schema::Value;
use tantivy::{DocSet, TERMINATED, TantivyDocument};

use super::*;
use crate::article::Article;
use crate::error::{Error, Result};

impl Searcher {
    /// Calls `each` with every matching article (its full text included) until it returns
    /// `false`; returns how many were passed and the notes of the request.
    pub fn export(
        &self,
        req: &SearchRequest,
        each: &mut dyn FnMut(Article) -> std::io::Result<bool>,
    ) -> Result<(usize, Vec<String>)> {
        let mut notes = Vec::new();
        let (matching, _, _) = self.parse_request(req)?;
        let filtered = self.with_filters(matching, req, &mut notes)?;
        let searcher = self.reader.searcher();
        let err = |e| Error::index(&self.store.path, e);
        let weight = filtered
            .weight(EnableScoring::disabled_from_searcher(&searcher))
            .map_err(err)?;
        let fields = self.store.fields;
        let mut count = 0;
        for segment in searcher.segment_readers() {
            let store = segment
                .get_store_reader(8)
                .map_err(|e| Error::index(&self.store.path, e.into()))?;
            let alive = segment.alive_bitset();
            let mut docs = weight.scorer(segment, 1.0).map_err(err)?;
            let mut doc = docs.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    let stored: TantivyDocument = store.get(doc).map_err(err)?;
                    let mut article = self.article_of(&stored);
                    article.text = stored
                        .get_first(fields.body)
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_string();
                    count += 1;
                    if !each(article).map_err(|e| Error::io("standard output", e))? {
                        return Ok((count, notes));
                    }
                }
                doc = docs.advance();
            }
        }
        Ok((count, notes))
    }
}
