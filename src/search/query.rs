//! The query language: the user's query text to tantivy queries. Parsing, prefix expansion
//! (`protest*`), the `place:` and `mentions:` clauses, `AND NOT`, word variants for stemmed
//! fields and the proximity boost, and the error a user sees for a malformed query.
//!
//! It must not filter (filters.rs), rank beyond the boosts a query carries, or read
//! stored articles.

use std::sync::LazyLock;

use regex::Regex;

use tantivy::Term;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::IndexRecordOption;

use super::*;
use crate::analysis::{self, STEMMED_LANGUAGES};
use crate::error::{Error, Result};
use crate::places;
use crate::schema;
use crate::schema::QUERY_FIELDS;

/// How far apart query words may stand to earn the proximity boost.
pub(super) const PROXIMITY_SLOP: u32 = 4;

/// Deepest bracket nesting a query may have.
pub const MAX_NESTING: usize = 32;

/// The deepest nesting of brackets outside quoted phrases.
pub fn nesting_depth(query: &str) -> usize {
    let (mut depth, mut max, mut quoted) = (0usize, 0usize, false);
    for c in query.chars() {
        match c {
            '"' => quoted = !quoted,
            '(' | '[' | '{' if !quoted => {
                depth += 1;
                max = max.max(depth);
            }
            ')' | ']' | '}' if !quoted => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// How many indexed words a `prefix*` may stand for.
pub(super) const MAX_PREFIX_EXPANSIONS: usize = 64;

/// The headline counts this much more than the body.
pub(super) const TITLE_BOOST: f32 = 2.0;

/// `a AND NOT b` as `a NOT b`: tantivy's parser reads the former as `a AND (NOT b)`, and a
/// clause of only negations matches nothing, so the whole query found nothing.
pub(super) fn and_not_as_not(query: &str) -> std::borrow::Cow<'_, str> {
    static AND_NOT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bAND\s+NOT\b").expect("valid regex"));
    AND_NOT.replace_all(query, "NOT")
}

/// Rewrites `place:NAME` and `place:"NAME"` so that they also match articles tagged with
/// that place (by any alias) or a place inside it: `(place:NAME OR places:/id/path)`.
/// Rewrites `mentions:NAME` and `mentions:"NAME"` into the facet of the place so called
/// (`mentioned:/id/path`); a name the gazetteer does not know is an error.
pub(super) fn with_mentioned_places(query: &str) -> Result<String> {
    static MENTIONS_TERM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(^|[\s(+\-])mentions:("([^"]*)"|[^\s()"]+)"#).expect("valid regex")
    });
    let mut error = None;
    let rewritten = MENTIONS_TERM
        .replace_all(query, |caps: &regex::Captures| {
            let (lead, term) = (&caps[1], &caps[2]);
            let name = caps.get(3).map_or(term, |m| m.as_str());
            match places::resolve_place(name) {
                Some(r) => format!("{lead}mentioned:{}", places::id_path(&r.place)),
                None => {
                    error.get_or_insert_with(|| unknown_place("mentions:", name));
                    caps[0].to_string()
                }
            }
        })
        .into_owned();
    match error {
        Some(e) => Err(e),
        None => Ok(rewritten),
    }
}

pub(super) fn with_place_hierarchy(query: &str) -> String {
    static PLACE_TERM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(^|[\s(+\-])place:("([^"]*)"|[^\s()"]+)"#).expect("valid regex")
    });
    PLACE_TERM
        .replace_all(query, |caps: &regex::Captures| {
            let (lead, term) = (&caps[1], &caps[2]);
            let name = caps.get(3).map_or(term, |m| m.as_str());
            match places::resolve_place(name) {
                Some(r) => format!(
                    "{lead}(place:{term} OR places:{})",
                    places::id_path(&r.place)
                ),
                None => caps[0].to_string(),
            }
        })
        .into_owned()
}

pub(super) fn query_error(query: &str, err: &tantivy::query::QueryParserError) -> Error {
    use tantivy::query::QueryParserError as E;
    let hint = match err {
        E::FieldDoesNotExist(_) | E::FieldNotIndexed(_) => {
            format!("; fields you can search are {}", QUERY_FIELDS.join(", "))
        }
        E::SyntaxError(_) => {
            "; check quotes and parentheses, and write operators as AND, OR, NOT".to_string()
        }
        E::AllButQueryForbidden => {
            "; add a word to search for besides the excluded ones".to_string()
        }
        _ => String::new(),
    };
    // A syntax error's text is the rewritten query (prefixes expanded, places resolved),
    // which the user never wrote: name theirs instead.
    let what = match err {
        E::SyntaxError(_) => "syntax error".to_string(),
        other => other.to_string(),
    };
    Error::Query(format!("{query:?}: {what}{hint}"))
}

impl Searcher {
    /// The query that selects and scores articles, and the exact-form query whose words
    /// the snippets highlight. Unless `exact` is asked, every word also matches its stem in
    /// each article's language (so exact forms match twice and rank first); phrases stay
    /// exact; with `translit`, Cyrillic and Latin spellings match each other.
    /// The query that selects and scores articles, the one whose words are highlighted,
    /// and, when other word forms count, the widened query that highlights them in the
    /// stemmed fields.
    pub(super) fn parse_request(&self, req: &SearchRequest) -> Result<ParsedRequest> {
        let exact = self.parse(&req.query)?;
        let query = req.query.trim();
        if query.is_empty() || query == "*" {
            return Ok((exact.box_clone(), exact, None));
        }
        if req.exact && !req.translit {
            let matching: Box<dyn Query> = match self.proximity(query) {
                Some(near) => Box::new(BooleanQuery::new(vec![
                    (Occur::Must, exact.box_clone()),
                    (Occur::Should, near),
                ])),
                None => exact.box_clone(),
            };
            return Ok((matching, exact, None));
        }
        let fields = self.store.fields;
        let mut parser = QueryParser::for_index(&self.store.index, vec![fields.title, fields.body]);
        parser.set_conjunction_by_default();
        let expanded = self.expand_prefixes(&with_place_hierarchy(&with_mentioned_places(
            &and_not_as_not(query),
        )?))?;
        let plain = parser
            .parse_query(&expanded)
            .map_err(|e| query_error(query, &e))?;
        let mut widenings = 0;
        let variants = self.word_variants(plain.as_ref(), !req.exact, req.translit, &mut widenings);
        let widened = (!req.exact && widenings > 0).then(|| variants.box_clone());
        let mut clauses = vec![(Occur::Should, exact.box_clone())];
        // A query with nothing to widen (a quoted phrase) would only be run twice.
        if widenings > 0 {
            clauses.push((Occur::Should, variants.box_clone()));
        }
        if let Some(near) = self.proximity(query) {
            clauses.push((Occur::Should, near));
        }
        let matching: Box<dyn Query> = Box::new(BooleanQuery::new(clauses));
        // Highlight romanised spellings too: they are body words.
        let highlight = if req.translit {
            Box::new(BooleanQuery::new(vec![
                (Occur::Should, exact),
                (Occur::Should, variants),
            ]))
        } else {
            exact
        };
        Ok((matching, highlight, widened))
    }

    /// For a query of plain words, a clause that adds to the score of articles where the
    /// words stand close together (within [`PROXIMITY_SLOP`] positions), in the text or the
    /// headline: "gas price" ranks "the price of gas" above a page that says each once.
    pub(super) fn proximity(&self, query: &str) -> Option<Box<dyn Query>> {
        let words: Vec<&str> = query.split_whitespace().collect();
        let plain = words.len() >= 2
            && words.len() <= 8
            && words.iter().all(|w| w.chars().all(char::is_alphanumeric))
            && !words.iter().any(|w| matches!(*w, "AND" | "OR" | "NOT"));
        if !plain {
            return None;
        }
        let fields = self.store.fields;
        let parser = QueryParser::for_index(&self.store.index, vec![fields.title, fields.body]);
        // Slop keeps the order of the words; two words count in either order ("price of gas").
        let mut text = format!("\"{}\"~{PROXIMITY_SLOP}", words.join(" "));
        if let [a, b] = words[..] {
            text.push_str(&format!(" OR \"{b} {a}\"~{PROXIMITY_SLOP}"));
        }
        parser.parse_query(&text).ok()
    }

    /// The query with each word of the headline or text widened to its other forms.
    /// `widenings` counts the words given other forms.
    pub(super) fn word_variants(
        &self,
        query: &dyn Query,
        stem: bool,
        translit: bool,
        widenings: &mut usize,
    ) -> Box<dyn Query> {
        let fields = self.store.fields;
        if let Some(boolean) = query.downcast_ref::<BooleanQuery>() {
            let clauses = boolean
                .clauses()
                .iter()
                .map(|(occur, q)| {
                    let q = self.word_variants(q.as_ref(), stem, translit, widenings);
                    (*occur, q)
                })
                .collect();
            return Box::new(BooleanQuery::new(clauses));
        }
        let Some(term_query) = query.downcast_ref::<TermQuery>() else {
            return query.box_clone();
        };
        let term = term_query.term();
        let field = term.field();
        let value = term.value();
        let Some(word) = value.as_str() else {
            return query.box_clone();
        };
        if field != fields.body && field != fields.title {
            return query.box_clone();
        }
        let mut alternatives: Vec<Box<dyn Query>> = vec![query.box_clone()];
        let term_query = |field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::WithFreqs,
            ))
        };
        // The stemmed fields hold headline and text: widen the body term only, once.
        if stem && field == fields.body {
            let present = self
                .stemmers
                .read()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            for (i, (code, _)) in STEMMED_LANGUAGES.iter().enumerate() {
                if present.as_ref().is_some_and(|p| !p.contains(*code)) {
                    continue;
                }
                let stemmed = self.analyze_with(&schema::stem_analyzer(code), word);
                if !stemmed.is_empty() {
                    alternatives.push(term_query(fields.stemmed[i], &stemmed));
                }
            }
        }
        if translit {
            if analysis::is_cyrillic(word) {
                let latin = analysis::romanize(word);
                alternatives.push(term_query(field, &latin));
                alternatives.push(term_query(fields.translit, &latin));
            } else {
                alternatives.push(term_query(fields.translit, word));
            }
        }
        if alternatives.len() > 1 {
            *widenings += 1;
        }
        Box::new(BooleanQuery::union(alternatives))
    }

    pub(super) fn analyze_with(&self, analyzer: &str, word: &str) -> String {
        let Some(mut analyzer) = self.store.index.tokenizers().get(analyzer) else {
            return word.to_string();
        };
        let mut stream = analyzer.token_stream(word);
        let mut out = String::new();
        while let Some(token) = stream.next() {
            out.push_str(&token.text);
        }
        out
    }

    pub(super) fn parse(&self, query: &str) -> Result<Box<dyn Query>> {
        let query = query.trim();
        if query.is_empty() || query == "*" {
            return Ok(Box::new(AllQuery));
        }
        // The parser recurses per bracket; a hostile query must not overflow the stack.
        if nesting_depth(query) > MAX_NESTING {
            return Err(Error::Query(format!(
                "brackets nested more than {MAX_NESTING} deep; simplify the query"
            )));
        }
        let fields = self.store.fields;
        let mut parser = QueryParser::for_index(&self.store.index, vec![fields.title, fields.body]);
        parser.set_field_boost(fields.title, TITLE_BOOST);
        parser.set_conjunction_by_default();
        let expanded = self.expand_prefixes(&with_place_hierarchy(&with_mentioned_places(
            &and_not_as_not(query),
        )?))?;
        parser
            .parse_query(&expanded)
            .map_err(|e| query_error(query, &e))
    }

    /// Rewrites each `word*` (outside quotes) as the OR of the indexed words it starts
    /// (at most [`MAX_PREFIX_EXPANSIONS`]), because tantivy's parser supports prefixes only
    /// at the end of a quoted phrase.
    pub(super) fn expand_prefixes(&self, query: &str) -> Result<String> {
        let mut out = String::with_capacity(query.len());
        let mut in_quotes = false;
        let mut rest = query;
        while let Some(c) = rest.chars().next() {
            if c == '"' {
                in_quotes = !in_quotes;
            }
            let word_len = rest
                .find(|ch: char| !(ch.is_alphanumeric() || matches!(ch, ':' | '_' | '-' | '.')))
                .unwrap_or(rest.len());
            let starts_word = c.is_alphanumeric() && !out.ends_with(|p: char| p.is_alphanumeric());
            if !in_quotes && starts_word && rest[word_len..].starts_with('*') {
                out.push_str(&self.prefix_alternatives(&rest[..word_len])?);
                rest = &rest[word_len + 1..];
                continue;
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
        Ok(out)
    }

    pub(super) fn prefix_alternatives(&self, word: &str) -> Result<String> {
        let fields = self.store.fields;
        let (field_name, prefix) = match word.split_once(':') {
            Some((f, p)) => (Some(f), p),
            None => (None, word),
        };
        let targets = match field_name {
            None => vec![fields.title, fields.body],
            Some(name) => match self.store.index.schema().get_field(name) {
                Ok(field) => vec![field],
                // The parser reports the unknown field.
                Err(_) => return Ok(word.to_string()),
            },
        };
        let analyzed = self.analyze(targets[0], prefix);
        let searcher = self.reader.searcher();
        let err = |e| Error::index(&self.store.path, e);
        let mut words = std::collections::BTreeSet::new();
        for segment in searcher.segment_readers() {
            for &field in &targets {
                let inverted = segment.inverted_index(field).map_err(err)?;
                let mut stream = inverted
                    .terms()
                    .range()
                    .ge(analyzed.as_bytes())
                    .into_stream()
                    .map_err(|e| err(e.into()))?;
                while words.len() < MAX_PREFIX_EXPANSIONS && stream.advance() {
                    let Ok(term) = std::str::from_utf8(stream.key()) else {
                        continue;
                    };
                    if !term.starts_with(&analyzed) {
                        break;
                    }
                    words.insert(term.to_string());
                }
            }
        }
        let scope = field_name.map(|f| format!("{f}:")).unwrap_or_default();
        Ok(if words.is_empty() {
            // Nothing starts so: the bare word matches nothing either.
            format!("{scope}{analyzed}")
        } else {
            let alternatives: Vec<String> = words.iter().map(|w| format!("{scope}{w}")).collect();
            format!("({})", alternatives.join(" OR "))
        })
    }

    /// A word as the field's analyzer indexes it (lower-cased, folded).
    pub(super) fn analyze(&self, field: tantivy::schema::Field, word: &str) -> String {
        let Ok(mut analyzer) = self.store.index.tokenizer_for_field(field) else {
            return word.to_lowercase();
        };
        let mut stream = analyzer.token_stream(word);
        let mut out = String::new();
        while let Some(token) = stream.next() {
            out.push_str(&token.text);
        }
        out
    }
}
