//! The query tree (syntax.rs) to tantivy queries: the words a prefix stands for in the
//! index, word variants for stemmed fields and transliteration, the headline boost, the
//! proximity boost, and the error a user sees for a query tantivy cannot build.
//!
//! It must not parse or rewrite query text (syntax.rs does, once), filter (filters.rs),
//! rank beyond the boosts a query carries, or read stored articles.

use tantivy::Term;
use tantivy::query::{AllQuery, BooleanQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::IndexRecordOption;

use super::syntax::{self, Tree};
use super::*;
use crate::analysis::{self, STEMMED_LANGUAGES};
use crate::error::{Error, Result};
use crate::schema;
use crate::schema::QUERY_FIELDS;

/// How far apart query words may stand to earn the proximity boost.
pub(super) const PROXIMITY_SLOP: u32 = 4;

/// How many indexed words a `prefix*` may stand for.
pub(super) const MAX_PREFIX_EXPANSIONS: usize = 64;

/// The headline counts this much more than the body.
pub(super) const TITLE_BOOST: f32 = 2.0;

/// A query tantivy cannot build from the tree (an unknown field, a value of the wrong
/// type), named by the user's text.
pub(super) fn query_error(query: &str, err: &tantivy::query::QueryParserError) -> Error {
    use tantivy::query::QueryParserError as E;
    let hint = match err {
        E::FieldDoesNotExist(_) | E::FieldNotIndexed(_) => {
            format!("; fields you can search are {}", QUERY_FIELDS.join(", "))
        }
        E::AllButQueryForbidden => {
            "; add a word to search for besides the excluded ones".to_string()
        }
        _ => String::new(),
    };
    Error::Query(format!("{query:?}: {err}{hint}"))
}

impl Searcher {
    /// The query that selects and scores articles, the one whose words are highlighted,
    /// and, when other word forms count, the widened query that highlights them in the
    /// stemmed fields. Unless `exact` is asked, every word also matches its stem in each
    /// article's language (so exact forms match twice and rank first); phrases stay exact;
    /// with `translit`, Cyrillic and Latin spellings match each other.
    pub(super) fn parse_request(&self, req: &SearchRequest) -> Result<ParsedRequest> {
        let query = req.query.trim();
        if query.is_empty() || query == "*" {
            return Ok((Box::new(AllQuery), Box::new(AllQuery), None));
        }
        let tree = self.tree(query)?;
        let exact = self.build(query, &tree, true)?;
        let near = self.proximity(&tree);
        if req.exact && !req.translit {
            let matching: Box<dyn Query> = match near {
                Some(near) => Box::new(BooleanQuery::new(vec![
                    (Occur::Must, exact.box_clone()),
                    (Occur::Should, near),
                ])),
                None => exact.box_clone(),
            };
            return Ok((matching, exact, None));
        }
        let plain = self.build(query, &tree, false)?;
        let mut widenings = 0;
        let variants = self.word_variants(plain.as_ref(), !req.exact, req.translit, &mut widenings);
        let widened = (!req.exact && widenings > 0).then(|| variants.box_clone());
        let mut clauses = vec![(Occur::Should, exact.box_clone())];
        // A query with nothing to widen (a quoted phrase) would only be run twice.
        if widenings > 0 {
            clauses.push((Occur::Should, variants.box_clone()));
        }
        if let Some(near) = near {
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

    /// The user's query parsed once, with dateline's rewrites done on the tree.
    fn tree(&self, query: &str) -> Result<Tree> {
        let tree = syntax::and_not_as_not(syntax::parse(query)?);
        let schema = self.store.index.schema();
        // `field:*` needs a fast field; every field needs to exist.
        let usable = |name: &str, exists: bool| {
            schema
                .get_field(name)
                .is_ok_and(|f| !exists || schema.get_field_entry(f).is_fast())
        };
        if let Some(field) = syntax::unusable_field(&tree, &usable) {
            let reason = if schema.get_field(field).is_err() {
                format!("Field does not exist: '{field}'")
            } else {
                format!("{field}:* (any value) cannot be asked of this field")
            };
            return Err(Error::Query(format!(
                "{query:?}: {reason}; search for a word or a prefix (title:storm*) in one of {}",
                QUERY_FIELDS.join(", ")
            )));
        }
        let tree = syntax::with_places(tree)?;
        syntax::expand_prefixes(tree, &mut |field, prefix| self.prefix_words(field, prefix))
    }

    /// The tantivy query of a tree, over headline and text by default, every word required
    /// unless OR says otherwise; `boost_title` makes a headline match count more.
    fn build(&self, query: &str, tree: &Tree, boost_title: bool) -> Result<Box<dyn Query>> {
        let fields = self.store.fields;
        let mut parser = QueryParser::for_index(&self.store.index, vec![fields.title, fields.body]);
        if boost_title {
            parser.set_field_boost(fields.title, TITLE_BOOST);
        }
        parser.set_conjunction_by_default();
        parser
            .build_query_from_user_input_ast(tree.clone())
            .map_err(|e| query_error(query, &e))
    }

    /// For a query of plain words, a clause that adds to the score of articles where the
    /// words stand close together (within [`PROXIMITY_SLOP`] positions), in the text or the
    /// headline: "gas price" ranks "the price of gas" above a page that says each once.
    fn proximity(&self, tree: &Tree) -> Option<Box<dyn Query>> {
        let words = syntax::plain_words(tree).filter(|w| (2..=8).contains(&w.len()))?;
        // Slop keeps the order of the words; two words count in either order ("price of gas").
        let mut phrases = vec![syntax::phrase(&words, PROXIMITY_SLOP)];
        if let [a, b] = words[..] {
            phrases.push(syntax::phrase(&[b, a], PROXIMITY_SLOP));
        }
        let near = Tree::or(phrases);
        self.build("", &near, false).ok()
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

    /// The indexed words (at most [`MAX_PREFIX_EXPANSIONS`]) that start with `prefix` in
    /// `field`, or in headline and text; `None` for a field the index does not have.
    fn prefix_words(&self, field: Option<&str>, prefix: &str) -> Result<Option<Vec<String>>> {
        let fields = self.store.fields;
        let targets = match field {
            None => vec![fields.title, fields.body],
            Some(name) => match self.store.index.schema().get_field(name) {
                Ok(field) => vec![field],
                Err(_) => return Ok(None),
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
        Ok(Some(words.into_iter().collect()))
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
