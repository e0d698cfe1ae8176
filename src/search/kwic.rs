//! Keyword in context: every match of a query's words in every matching article, with
//! the text before and after it, streamed article by article like an export.
//!
//! Matches are found as snippets find them (other word forms too, through the stemmed
//! fields); neighbouring matched words ("Hong Kong" for a phrase) are one match. It must
//! not rank or fold copies.

use std::ops::Range;

use serde::Serialize;
use tantivy::snippet::SnippetGenerator;

use super::snippets::highlight_whole;
use super::*;
use crate::error::{Error, Result};

/// One match in its context.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KwicRow {
    pub id: String,
    pub published: Option<String>,
    pub site: Option<String>,
    /// Up to `width` characters before the match (whitespace runs as one space).
    pub before: String,
    #[serde(rename = "match")]
    pub matched: String,
    pub after: String,
    /// UTF-8 byte range of the match in the article's text.
    pub start: usize,
    pub end: usize,
}

impl Searcher {
    /// Calls `each` with every match of the request's words in every matching article,
    /// in index order, until it returns `false`; returns the number of rows passed.
    pub fn kwic(
        &self,
        req: &SearchRequest,
        width: usize,
        each: &mut dyn FnMut(KwicRow) -> std::io::Result<bool>,
    ) -> Result<(usize, Vec<String>)> {
        let query = req.query.trim();
        if query.is_empty() || query == "*" {
            return Err(Error::Query(
                "kwic needs words to find (`dateline kwic protest`); filters alone match no words"
                    .into(),
            ));
        }
        let (_, text_query, widened) = self.parse_request(req)?;
        let searcher = self.reader.searcher();
        let fields = self.store.fields;
        let err = |e| Error::index(&self.store.path, e);
        let mut exact =
            SnippetGenerator::create(&searcher, &*text_query, fields.body).map_err(err)?;
        exact.set_max_num_chars(usize::MAX / 2);
        let mut stemmed: HashMap<Field, SnippetGenerator> = HashMap::new();
        let mut rows = 0;
        let mut stop = false;
        let (_, notes) = self.export(req, &mut |article| {
            if stop {
                return Ok(false);
            }
            let text = &article.text;
            let mut marks = highlight_whole(&exact, text).highlights;
            let stem_field = widened.as_ref().and_then(|widened| {
                let stemmer = analysis::stemmer_for(article.lang_code().as_deref(), text)?;
                Some((widened, fields.stemmed_field(stemmer)?))
            });
            if let Some((widened, field)) = stem_field {
                if let std::collections::hash_map::Entry::Vacant(slot) = stemmed.entry(field)
                    && let Ok(mut generator) =
                        SnippetGenerator::create(&searcher, &**widened, field)
                {
                    generator.set_max_num_chars(usize::MAX / 2);
                    slot.insert(generator);
                }
                if let Some(generator) = stemmed.get(&field) {
                    let other_forms = highlight_whole(generator, text).highlights;
                    if other_forms.len() > marks.len() {
                        marks = other_forms;
                    }
                }
            }
            for range in merge_neighbours(text, &marks) {
                rows += 1;
                let row = KwicRow {
                    id: article.path.clone(),
                    published: article.published.map(|d| d.to_rfc3339()),
                    site: article.site.clone(),
                    before: context_before(&text[..range.start], width),
                    matched: one_line(&text[range.clone()]),
                    after: context_after(&text[range.end..], width),
                    start: range.start,
                    end: range.end,
                };
                if !each(row)? {
                    stop = true;
                    return Ok(false);
                }
            }
            Ok(true)
        })?;
        Ok((rows, notes))
    }
}

/// Matched words with only spaces or punctuation between them are one match.
fn merge_neighbours(text: &str, marks: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted = marks.to_vec();
    sorted.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for range in sorted {
        if let Some(last) = merged.last_mut()
            && range.start >= last.end
            && text[last.end..range.start]
                .chars()
                .all(|c| c == ' ' || c == '-' || c == '\u{a0}')
        {
            last.end = last.end.max(range.end);
            continue;
        }
        merged.push(range);
    }
    merged
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The last `width` characters before a match, whitespace runs as one space.
fn context_before(text: &str, width: usize) -> String {
    // Enough of the end to fill `width` characters even where whitespace collapses.
    let start = text
        .char_indices()
        .rev()
        .nth(width * 4)
        .map_or(0, |(i, _)| i);
    let line = one_line(&text[start..]);
    let spaced = if text.ends_with(char::is_whitespace) && !line.is_empty() {
        format!("{line} ")
    } else {
        line
    };
    let count = spaced.chars().count();
    spaced.chars().skip(count.saturating_sub(width)).collect()
}

/// The first `width` characters after a match, whitespace runs as one space.
fn context_after(text: &str, width: usize) -> String {
    let end = text
        .char_indices()
        .nth(width * 4)
        .map_or(text.len(), |(i, _)| i);
    let line = one_line(&text[..end]);
    let spaced = if text.starts_with(char::is_whitespace) && !line.is_empty() {
        format!(" {line}")
    } else {
        line
    };
    spaced.chars().take(width).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbouring_words_are_one_match() {
        let text = "Protests in Hong Kong grew; Hong and Kong.";
        let marks = vec![12..16, 17..21, 28..32, 37..41];
        assert_eq!(merge_neighbours(text, &marks), vec![12..21, 28..32, 37..41]);
    }

    #[test]
    fn contexts_keep_their_width_and_collapse_whitespace() {
        assert_eq!(context_before("one two\n\nthree ", 8), "o three ");
        assert_eq!(context_after(" four\n five six", 9), " four fiv");
        assert_eq!(context_before("", 10), "");
    }
}
