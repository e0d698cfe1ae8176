//! Query parsing, filters and collectors: a [`SearchRequest`] in, [`Hit`]s out.
//!
//! Snippets are made only for the hits returned. Nothing here prints.

use std::ops::{Bound, Range};
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, IndexReader, Order, ReloadPolicy, TantivyDocument, Term};

use crate::analysis::{self, STEMMED_LANGUAGES};
use crate::article::Article;
use crate::error::{Error, Result};
use crate::places::{self, PlaceKind};
use crate::schema;
use crate::schema::QUERY_FIELDS;
use crate::store::Store;

/// Characters of article text around the matched words in a snippet.
const SNIPPET_CHARS: usize = 220;
/// A site's name and how many matching articles it published.
pub type SiteCount = (String, usize);

/// A hit's score, its document, and the ids of the near-copies folded into it.
type Folded = (Option<f32>, DocAddress, Vec<String>);
/// Matching query, highlighting query, widened query for the stemmed fields.
type ParsedRequest = (Box<dyn Query>, Box<dyn Query>, Option<Box<dyn Query>>);

/// The recency factor of `--fresh`: 2 for a story published now, 1.5 a year ago, falling
/// towards 1 for old stories; 1 for undated ones.
fn freshness(published: Option<i64>, now: i64) -> f32 {
    match published {
        Some(secs) => {
            let years = ((now - secs).max(0) as f32) / (365.25 * 86_400.0);
            1.0 + 1.0 / (1.0 + years)
        }
        None => 1.0,
    }
}

/// A distance as users write it for `--within` ("200", "200km"), in kilometres.
pub fn parse_km(value: &str) -> Option<f64> {
    let number = value.trim().trim_end_matches("km").trim();
    number
        .parse::<f64>()
        .ok()
        .filter(|km| km.is_finite() && *km >= 0.0)
}

/// How far apart query words may stand to earn the proximity boost.
const PROXIMITY_SLOP: u32 = 4;

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
const MAX_PREFIX_EXPANSIONS: usize = 64;
/// The headline counts this much more than the body.
const TITLE_BOOST: f32 = 2.0;

/// The order of hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    #[default]
    Relevance,
    Newest,
    Oldest,
}

/// What to search for: the query in tantivy syntax and the filters. Build one with the
/// fields you need and `..Default::default()`:
///
/// ```
/// use dateline::{SearchRequest, SortOrder};
/// let request = SearchRequest {
///     query: "protest*".into(),
///     place: Some("Kazakhstan".into()),
///     sort: SortOrder::Newest,
///     limit: 5,
///     ..Default::default()
/// };
/// assert!(!request.exact && !request.all_copies);
/// ```
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// tantivy query syntax; empty or `*` matches every article.
    pub query: String,
    pub limit: usize,
    pub offset: usize,
    /// Only articles published on or after this day (UTC).
    pub since: Option<NaiveDate>,
    /// Only articles published on or before this day (UTC).
    pub until: Option<NaiveDate>,
    pub sort: SortOrder,
    /// Only articles tagged with this place or a place inside it (any alias; `Name, CC`
    /// or `geonames:ID` to pick among places of the same name).
    pub place: Option<String>,
    /// Only articles tagged with a place within a distance of another.
    pub near: Option<Near>,
    /// Only articles whose text mentions this place, or a place inside it, as a place
    /// (the resolved place, never the bare word).
    pub mentions: Option<String>,
    /// Match only the exact (folded) word forms, without stemming.
    pub exact: bool,
    /// Also match Cyrillic words by their Latin spelling and the reverse (Алматы = Almaty).
    pub translit: bool,
    /// Show every copy of a story instead of one per group of near-duplicates.
    pub all_copies: bool,
    /// Blend relevance with recency: a story from today counts up to twice as much as an
    /// equally relevant one from years ago.
    pub fresh: bool,
}

/// A distance filter: places within `km` of `place`.
#[derive(Debug, Clone)]
pub struct Near {
    pub place: String,
    pub km: f64,
}

/// A piece of text with the byte ranges of the matched words in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

/// One article that matched: its metadata, the headline and snippets with the matched
/// words as byte ranges, and the near-copies folded into it.
///
/// ```no_run
/// # let searcher = dateline::Searcher::open("index".as_ref())?;
/// # let request = dateline::SearchRequest { query: "Zhanaozen".into(), limit: 10, ..Default::default() };
/// for hit in searcher.search(&request)?.hits {
///     for snippet in &hit.snippets {
///         for range in &snippet.highlights {
///             println!("{}: matched {:?}", hit.article.path, &snippet.text[range.clone()]);
///         }
///     }
/// }
/// # Ok::<(), dateline::Error>(())
/// ```
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Hit {
    /// BM25 score; `None` when sorted by date.
    pub score: Option<f32>,
    /// The article's metadata (its text is left empty; `dateline show` prints it).
    pub article: Article,
    /// The headline with the matched words marked.
    pub title: Snippet,
    /// Passages of the text around the matched words.
    pub snippets: Vec<Snippet>,
    /// Ids of near-copies of this article folded into it (empty with `all_copies`).
    pub similar: Vec<String>,
}

/// Up to this many matches are folded in full, so that the count of stories is exact.
pub const FOLD_ALL: usize = 2_000;

/// The answer to a request: how many matched in all, and the page of hits asked for.
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// Every matching article, near-copies included.
    pub total: usize,
    /// The stories among them once near-copies are folded, which is what `offset` pages
    /// through; `None` when copies are not folded (`all_copies`) or the matches are too
    /// many to fold in full (more than [`FOLD_ALL`]).
    pub stories: Option<usize>,
    pub hits: Vec<Hit>,
    /// Things the user should know, such as the other places an ambiguous name can mean.
    pub notes: Vec<String>,
}

/// How many matching articles are tagged with a place.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceCount {
    pub id: u32,
    pub name: String,
    pub kind: PlaceKind,
    pub country_code: String,
    pub region: Option<String>,
    pub lat: f32,
    pub lon: f32,
    pub count: usize,
}

/// An index opened for searching. Open it once and run many requests.
///
/// ```no_run
/// use dateline::{SearchRequest, Searcher};
/// let searcher = Searcher::open("index".as_ref())?;
/// let results = searcher.search(&SearchRequest { query: "\"liquefied petroleum gas\"".into(), limit: 10, ..Default::default() })?;
/// println!("{} articles", results.total);
/// let article = searcher.get(&results.hits[0].article.path)?; // with its full text
/// println!("{}", article.text);
/// # Ok::<(), dateline::Error>(())
/// ```
pub struct Searcher {
    store: Store,
    reader: IndexReader,
    /// When [`Searcher::refresh`] last looked for new commits.
    refreshed: std::sync::Mutex<std::time::Instant>,
    /// The stemmers the index was written with (see [`crate::store::IndexInfo`]).
    stemmers: std::sync::RwLock<Option<std::collections::BTreeSet<String>>>,
}

impl Searcher {
    /// Opens the index at `path` for reading.
    pub fn open(path: &Path) -> Result<Searcher> {
        let store = Store::open(path)?;
        let reader = store
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| Error::index(path, e))?;
        let stemmers = std::sync::RwLock::new(store.info.stemmers.clone());
        Ok(Searcher {
            store,
            reader,
            refreshed: std::sync::Mutex::new(std::time::Instant::now()),
            stemmers,
        })
    }

    /// Picks up what index runs committed since the index was opened, looking at most once
    /// a second: a long-running server calls it before each request, so a `dateline index`
    /// run next to it shows without a restart.
    pub fn refresh(&self) -> Result<()> {
        let mut last = self
            .refreshed
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if last.elapsed() < std::time::Duration::from_secs(1) {
            return Ok(());
        }
        *last = std::time::Instant::now();
        // The record of stemmers is written before each commit: read it first.
        match crate::store::read_info(&self.store.path) {
            Ok(info) => {
                *self
                    .stemmers
                    .write()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = info.stemmers;
            }
            // An index that has nothing committed has no word forms to look for either.
            Err(_) if self.reader.searcher().num_docs() == 0 => {}
            Err(e) => return Err(e),
        }
        self.reader
            .reload()
            .map_err(|e| Error::index(&self.store.path, e))
    }

    /// The corpus folder the index was built from.
    pub fn corpus_root(&self) -> &Path {
        &self.store.info.corpus
    }

    /// Number of articles in the index.
    pub fn article_count(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Runs a request.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResults> {
        let mut notes = Vec::new();
        let (matching, text_query, widened) = self.parse_request(req)?;
        let filtered = self.with_filters(matching, req, &mut notes)?;
        let searcher = self.reader.searcher();
        // Fetch extra hits when folding copies, so a page still holds `limit` stories.
        let fold = !req.all_copies;
        let (limit, offset) = if fold {
            // Up to FOLD_ALL matches are all folded, so the count of stories is exact.
            (((req.offset + req.limit.max(1)) * 3).max(FOLD_ALL), 0)
        } else {
            (req.limit.max(1), req.offset)
        };
        let err = |e| Error::index(&self.store.path, e);
        let (total, addresses): (usize, Vec<(Option<f32>, DocAddress)>) = match req.sort {
            SortOrder::Relevance if req.fresh => {
                let now = chrono::Utc::now().timestamp();
                let top = TopDocs::with_limit(limit).and_offset(offset).tweak_score(
                    move |segment: &tantivy::SegmentReader| {
                        let dates = segment.fast_fields().date("date").ok();
                        move |doc: tantivy::DocId, score: tantivy::Score| {
                            let published = dates.as_ref().and_then(|d| d.first(doc));
                            score * freshness(published.map(|p| p.into_timestamp_secs()), now)
                        }
                    },
                );
                let (count, docs) = searcher.search(&filtered, &(Count, top)).map_err(err)?;
                (count, docs.into_iter().map(|(s, a)| (Some(s), a)).collect())
            }
            SortOrder::Relevance => {
                let top = TopDocs::with_limit(limit)
                    .and_offset(offset)
                    .order_by_score();
                let (count, docs) = searcher.search(&filtered, &(Count, top)).map_err(err)?;
                (count, docs.into_iter().map(|(s, a)| (Some(s), a)).collect())
            }
            SortOrder::Newest | SortOrder::Oldest => {
                let order = if req.sort == SortOrder::Newest {
                    Order::Desc
                } else {
                    Order::Asc
                };
                let top = TopDocs::with_limit(limit)
                    .and_offset(offset)
                    .order_by_fast_field::<DateTime>("date", order);
                let (count, docs) = searcher.search(&filtered, &(Count, top)).map_err(err)?;
                (count, docs.into_iter().map(|(_, a)| (None, a)).collect())
            }
        };
        let fields = self.store.fields;
        let (addresses, stories) = if fold {
            let all_fetched = addresses.len() >= total;
            let (page, stories) = self.fold_copies(&searcher, addresses, req.offset, req.limit)?;
            (page, all_fetched.then_some(stories))
        } else {
            let page = addresses
                .into_iter()
                .map(|(s, a)| (s, a, Vec::new()))
                .collect();
            (page, None)
        };
        if req.limit == 0 {
            return Ok(SearchResults {
                total,
                stories,
                hits: Vec::new(),
                notes,
            });
        }
        let mut body_snippets =
            SnippetGenerator::create(&searcher, &*text_query, fields.body).map_err(err)?;
        body_snippets.set_max_num_chars(SNIPPET_CHARS);
        let mut title_snippets =
            SnippetGenerator::create(&searcher, &*text_query, fields.title).map_err(err)?;
        title_snippets.set_max_num_chars(10_000);
        // Generators over the stemmed fields, made for the languages of the hits shown.
        let mut stemmed_snippets: HashMap<Field, SnippetGenerator> = HashMap::new();

        let mut hits = Vec::with_capacity(addresses.len());
        for (score, address, similar) in addresses {
            let doc: TantivyDocument = searcher.doc(address).map_err(err)?;
            let article = self.article_of(&doc);
            let body = doc
                .get_first(fields.body)
                .and_then(|v| v.as_str())
                .unwrap_or_default();
            let mut title = highlight_whole(&title_snippets, &article.title);
            let mut snippet = body_snippets.snippet(body);
            let stem_field = widened.as_ref().and_then(|widened| {
                // As the indexer chose it: the stored body is the article's text.
                let stemmer = analysis::stemmer_for(article.lang_code().as_deref(), body)?;
                let field = fields.stemmed_field(stemmer)?;
                Some((widened, field))
            });
            if let Some((widened, field)) = stem_field {
                // One generator per stemmed field, for the passage and the headline alike.
                let generator = match stemmed_snippets.entry(field) {
                    std::collections::hash_map::Entry::Occupied(made) => made.into_mut(),
                    std::collections::hash_map::Entry::Vacant(slot) => slot.insert(
                        SnippetGenerator::create(&searcher, &**widened, field).map_err(err)?,
                    ),
                };
                // Other word forms ("protester" for "protesters") are marked too; the exact
                // snippet stays when it marks as many words.
                generator.set_max_num_chars(SNIPPET_CHARS);
                let stemmed = generator.snippet(body);
                if stemmed.highlighted().len() > snippet.highlighted().len() {
                    snippet = stemmed;
                }
                generator.set_max_num_chars(10_000);
                let stemmed_title = highlight_whole(generator, &article.title);
                if stemmed_title.highlights.len() > title.highlights.len() {
                    title = stemmed_title;
                }
            }
            let snippets = if snippet.highlighted().is_empty() {
                vec![Snippet {
                    text: opening(body, SNIPPET_CHARS),
                    highlights: Vec::new(),
                }]
            } else {
                let range = snippet.fragment_range();
                vec![tidy_snippet(
                    snippet.fragment(),
                    snippet.highlighted(),
                    range.start > 0,
                    range.end < body.len(),
                )]
            };
            hits.push(Hit {
                score,
                article,
                title,
                snippets,
                similar,
            });
        }
        Ok(SearchResults {
            total,
            stories,
            hits,
            notes,
        })
    }

    /// One stored article with its full text, by id (its path in the corpus).
    pub fn get(&self, id: &str) -> Result<Article> {
        let searcher = self.reader.searcher();
        let fields = self.store.fields;
        let query = TermQuery::new(
            Term::from_field_text(fields.id, id),
            IndexRecordOption::Basic,
        );
        let err = |e| Error::index(&self.store.path, e);
        let found = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .map_err(err)?;
        let (_, address) = found
            .first()
            .ok_or_else(|| Error::NotFound(id.to_string()))?;
        let doc: TantivyDocument = searcher.doc(*address).map_err(err)?;
        let mut article = self.article_of(&doc);
        article.text = doc
            .get_first(fields.body)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string();
        Ok(article)
    }

    fn article_of(&self, doc: &TantivyDocument) -> Article {
        let fields = self.store.fields;
        let json = doc
            .get_first(fields.article)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        serde_json::from_str(json).unwrap_or_else(|_| Article {
            path: doc
                .get_first(fields.id)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string(),
            ..Article::default()
        })
    }

    /// The query that selects and scores articles, and the exact-form query whose words
    /// the snippets highlight. Unless `exact` is asked, every word also matches its stem in
    /// each article's language (so exact forms match twice and rank first); phrases stay
    /// exact; with `translit`, Cyrillic and Latin spellings match each other.
    /// The query that selects and scores articles, the one whose words are highlighted,
    /// and, when other word forms count, the widened query that highlights them in the
    /// stemmed fields.
    fn parse_request(&self, req: &SearchRequest) -> Result<ParsedRequest> {
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
    fn proximity(&self, query: &str) -> Option<Box<dyn Query>> {
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
    fn word_variants(
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

    fn analyze_with(&self, analyzer: &str, word: &str) -> String {
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

    /// Keeps the first hit of each group of near-copies (by SimHash of the text), records
    /// the ids of the others on it, and returns the page `[offset, offset + limit)`.
    fn fold_copies(
        &self,
        searcher: &tantivy::Searcher,
        ranked: Vec<(Option<f32>, DocAddress)>,
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<Folded>, usize)> {
        let err = |e| Error::index(&self.store.path, e);
        // Copies are kept by address; only the page's are read for their paths.
        let mut kept: Vec<(Option<f32>, DocAddress, u64, Vec<DocAddress>)> = Vec::new();
        for (score, address) in ranked {
            let segment = searcher.segment_reader(address.segment_ord);
            let ff = segment.fast_fields();
            let hash = ff
                .u64("simhash")
                .map_err(err)?
                .first(address.doc_id)
                .unwrap_or(0);
            let copy_of = kept.iter_mut().find(|k| {
                hash != 0 && analysis::hamming(k.2, hash) <= analysis::NEAR_DUPLICATE_BITS
            });
            match copy_of {
                Some(first) => first.3.push(address),
                None => kept.push((score, address, hash, Vec::new())),
            }
        }
        let stories = kept.len();
        let page = kept
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|(score, address, _, copies)| {
                let similar = copies
                    .into_iter()
                    .map(|c| self.path_of(searcher, c))
                    .collect::<Result<Vec<String>>>()?;
                Ok((score, address, similar))
            })
            .collect::<Result<Vec<Folded>>>()?;
        Ok((page, stories))
    }

    fn path_of(&self, searcher: &tantivy::Searcher, address: DocAddress) -> Result<String> {
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

    fn parse(&self, query: &str) -> Result<Box<dyn Query>> {
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
    fn expand_prefixes(&self, query: &str) -> Result<String> {
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

    fn prefix_alternatives(&self, word: &str) -> Result<String> {
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
    fn analyze(&self, field: tantivy::schema::Field, word: &str) -> String {
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

    /// The places most often tagged among the articles a request matches, most frequent
    /// first (its `limit` and `offset` are ignored).
    pub fn place_counts(
        &self,
        req: &SearchRequest,
        top: usize,
    ) -> Result<(Vec<PlaceCount>, Vec<String>)> {
        let mut notes = Vec::new();
        let query = self.with_filters(self.parse_request(req)?.0, req, &mut notes)?;
        let searcher = self.reader.searcher();
        let err = |e| Error::index(&self.store.path, e);
        let docs = searcher.search(&query, &DocSetCollector).map_err(err)?;
        let mut counts: HashMap<u64, usize> = HashMap::new();
        let mut columns = HashMap::new();
        for address in docs {
            if let std::collections::hash_map::Entry::Vacant(slot) =
                columns.entry(address.segment_ord)
            {
                let segment = searcher.segment_reader(address.segment_ord);
                slot.insert(segment.fast_fields().u64("place_id").map_err(err)?);
            }
            if let Some(column) = columns.get(&address.segment_ord) {
                for id in column.values_for_doc(address.doc_id) {
                    *counts.entry(id).or_insert(0) += 1;
                }
            }
        }
        let mut ranked: Vec<(u64, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let g = places::gazetteer();
        let places = ranked
            .into_iter()
            .take(top)
            .filter_map(|(id, count)| {
                let e = g.by_id(u32::try_from(id).ok()?)?;
                Some(PlaceCount {
                    id: e.id,
                    name: e.name.to_string(),
                    kind: e.kind,
                    country_code: e.country_code.to_string(),
                    region: e.region.map(|r| g.entry(r).name.to_string()),
                    lat: e.lat,
                    lon: e.lon,
                    count,
                })
            })
            .collect();
        Ok((places, notes))
    }

    /// How many matching articles each site published, most first (articles without a
    /// site name count under "(unknown)").
    pub fn site_counts(
        &self,
        req: &SearchRequest,
        top: usize,
    ) -> Result<(Vec<SiteCount>, Vec<String>)> {
        let mut notes = Vec::new();
        let query = self.with_filters(self.parse_request(req)?.0, req, &mut notes)?;
        let searcher = self.reader.searcher();
        let err = |e| Error::index(&self.store.path, e);
        let docs = searcher.search(&query, &DocSetCollector).map_err(err)?;
        // One outlet is often written under several names ("RFE/RL", "Radio Free
        // Europe/Radio Liberty"): the pages of one domain count under its most frequent name.
        let mut by_domain: HashMap<String, HashMap<String, usize>> = HashMap::new();
        let mut without_domain: HashMap<String, usize> = HashMap::new();
        let mut columns = HashMap::new();
        let read = |column: &Option<tantivy::columnar::StrColumn>, doc: u32| -> Result<String> {
            let mut out = String::new();
            if let Some(column) = column
                && let Some(ord) = column.term_ords(doc).next()
            {
                column
                    .ord_to_str(ord, &mut out)
                    .map_err(|e| Error::index(&self.store.path, e.into()))?;
            }
            Ok(out)
        };
        for address in docs {
            if let std::collections::hash_map::Entry::Vacant(slot) =
                columns.entry(address.segment_ord)
            {
                let ff = searcher.segment_reader(address.segment_ord).fast_fields();
                slot.insert((
                    ff.str("site_name").map_err(err)?,
                    ff.str("domain").map_err(err)?,
                ));
            }
            let Some((sites, domains)) = columns.get(&address.segment_ord) else {
                continue;
            };
            let name = read(sites, address.doc_id)?;
            let domain = read(domains, address.doc_id)?;
            if domain.is_empty() {
                *without_domain.entry(name).or_insert(0) += 1;
            } else {
                *by_domain
                    .entry(domain)
                    .or_default()
                    .entry(name)
                    .or_insert(0) += 1;
            }
        }
        let mut counts: HashMap<String, usize> = HashMap::new();
        for names in by_domain.into_values() {
            // Most frequent first; a name counts under the first one that is the same
            // outlet's (a syndicated copy keeps its own publisher's name).
            let mut ranked: Vec<(String, usize)> = names.into_iter().collect();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut kept: Vec<String> = Vec::new();
            for (name, n) in ranked {
                let under = kept
                    .iter()
                    .find(|k| name.is_empty() || same_outlet(k, &name))
                    .cloned();
                let key = under.unwrap_or_else(|| {
                    kept.push(name.clone());
                    name
                });
                *counts.entry(key).or_insert(0) += n;
            }
        }
        for (name, n) in without_domain {
            *counts.entry(name).or_insert(0) += n;
        }
        if let Some(n) = counts.remove("") {
            *counts.entry("(unknown)".to_string()).or_insert(0) += n;
        }
        let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(top);
        Ok((ranked, notes))
    }

    fn with_filters(
        &self,
        query: Box<dyn Query>,
        req: &SearchRequest,
        notes: &mut Vec<String>,
    ) -> Result<Box<dyn Query>> {
        let fields = self.store.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
        if let (Some(since), Some(until)) = (req.since, req.until)
            && since > until
        {
            return Err(Error::DateRange { since, until });
        }
        if req.since.is_some() || req.until.is_some() {
            let instant = |d: NaiveDate| {
                let secs = d.and_time(NaiveTime::MIN).and_utc().timestamp();
                Term::from_field_date(fields.date, DateTime::from_timestamp_secs(secs))
            };
            let lower = req
                .since
                .map_or(Bound::Unbounded, |d| Bound::Included(instant(d)));
            let upper = req
                .until
                .and_then(|d| d.succ_opt())
                .map_or(Bound::Unbounded, |d| Bound::Excluded(instant(d)));
            clauses.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
        }
        if let Some(place) = req.place.as_deref() {
            clauses.push((Occur::Must, self.place_filter(place, notes)?));
        }
        if let Some(name) = req.mentions.as_deref() {
            let resolution =
                places::resolve_place(name).ok_or_else(|| unknown_place("--mentions", name))?;
            note_ambiguity(name, &resolution, notes);
            clauses.push((Occur::Must, mentioned_query(&fields, &resolution.place)?));
        }
        if let Some(near) = &req.near {
            let resolution = places::resolve_place(&near.place)
                .ok_or_else(|| unknown_place("--near", &near.place))?;
            note_ambiguity(&near.place, &resolution, notes);
            let center = resolution.place;
            let mut ids: Vec<Term> = places::gazetteer()
                .within(center.lat, center.lon, near.km)
                .iter()
                .map(|e| Term::from_field_u64(fields.place_id, u64::from(e.id)))
                .collect();
            ids.push(Term::from_field_u64(fields.place_id, u64::from(center.id)));
            clauses.push((Occur::Must, Box::new(TermSetQuery::new(ids))));
        }
        Ok(if clauses.len() == 1 {
            clauses.remove(0).1
        } else {
            Box::new(BooleanQuery::new(clauses))
        })
    }
}

impl Searcher {
    /// Articles tagged with a place or anything inside it; a name the gazetteer does not
    /// know still matches datelines and metadata that spell it.
    fn place_filter(&self, place: &str, notes: &mut Vec<String>) -> Result<Box<dyn Query>> {
        let fields = self.store.fields;
        let words: String = place.chars().filter(|c| *c != '"' && *c != '\\').collect();
        if words.trim().is_empty() {
            return Err(Error::Query("--place needs a place name".into()));
        }
        let parser = QueryParser::for_index(&self.store.index, vec![fields.place]);
        let by_name = parser
            .parse_query(&format!("\"{}\"", words.trim()))
            .map_err(|e| Error::Query(format!("--place {place:?}: {e}")))?;
        let Some(resolution) = places::resolve_place(place) else {
            // A name the gazetteer does not know may still be a dateline's or metadata's;
            // if nothing spells it, it is most likely a typo.
            let spelled = self
                .reader
                .searcher()
                .search(&by_name, &tantivy::collector::Count)
                .map_err(|e| Error::index(&self.store.path, e))?;
            if spelled == 0 {
                return Err(unknown_place("--place", place));
            }
            return Ok(by_name);
        };
        note_ambiguity(place, &resolution, notes);
        let facet = Facet::from_text(&places::id_path(&resolution.place))
            .map_err(|e| Error::Query(format!("--place {place:?}: {e}")))?;
        Ok(Box::new(TermQuery::new(
            Term::from_facet(fields.places, &facet),
            IndexRecordOption::Basic,
        )))
    }
}

/// `a AND NOT b` as `a NOT b`: tantivy's parser reads the former as `a AND (NOT b)`, and a
/// clause of only negations matches nothing, so the whole query found nothing.
fn and_not_as_not(query: &str) -> std::borrow::Cow<'_, str> {
    static AND_NOT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\bAND\s+NOT\b").expect("valid regex"));
    AND_NOT.replace_all(query, "NOT")
}

/// Rewrites `place:NAME` and `place:"NAME"` so that they also match articles tagged with
/// that place (by any alias) or a place inside it: `(place:NAME OR places:/id/path)`.
/// Rewrites `mentions:NAME` and `mentions:"NAME"` into the facet of the place so called
/// (`mentioned:/id/path`); a name the gazetteer does not know is an error.
fn with_mentioned_places(query: &str) -> Result<String> {
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

fn with_place_hierarchy(query: &str) -> String {
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

/// Tells the user which place an ambiguous name was read as, and how to pick another.
/// Whether two site names of one domain name one outlet: the same letters ("RFE/RL",
/// "rfe-rl"), one inside the other ("Reuters", "Thomson Reuters"), or one the initials of
/// the other ("RFE/RL", "Radio Free Europe/Radio Liberty").
fn same_outlet(a: &str, b: &str) -> bool {
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let initials = |s: &str| -> String {
        s.split(|c: char| !c.is_alphanumeric())
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (la, lb) = (letters(a), letters(b));
    !la.is_empty()
        && !lb.is_empty()
        && (la == lb
            || la.contains(&lb)
            || lb.contains(&la)
            || initials(a) == lb
            || initials(b) == la)
}

/// A place name the gazetteer does not know, with up to three close names.
fn unknown_place(flag: &str, name: &str) -> Error {
    let close = places::gazetteer().similar_names(name, 3);
    let hint = match close.as_slice() {
        [] => " — check the spelling, or give `geonames:ID`".to_string(),
        [one] => format!(" — did you mean {one}?"),
        many => format!(" — did you mean {}?", many.join(", ")),
    };
    Error::Query(format!(
        "{flag} {name:?}: no place of that name in the gazetteer{hint}"
    ))
}

/// Articles that mention a place or a place inside it.
fn mentioned_query(
    fields: &crate::schema::Fields,
    place: &places::Entry,
) -> Result<Box<dyn Query>> {
    let facet = Facet::from_text(&places::id_path(place))
        .map_err(|e| Error::Query(format!("{}: {e}", place.name)))?;
    Ok(Box::new(TermQuery::new(
        Term::from_facet(fields.mentioned, &facet),
        IndexRecordOption::Basic,
    )))
}

fn note_ambiguity(input: &str, resolution: &places::Resolution, notes: &mut Vec<String>) {
    if resolution.others.is_empty() {
        return;
    }
    let others: Vec<String> = resolution
        .others
        .iter()
        .map(|e| {
            format!(
                "{} (--place {:?})",
                places::describe(e),
                places::how_to_pick(e)
            )
        })
        .collect();
    notes.push(format!(
        "{input:?} read as {}; it can also mean {}",
        places::describe(&resolution.place),
        others.join(", ")
    ));
}

/// Marks matched words across a whole short text (a headline).
fn highlight_whole(generator: &SnippetGenerator, text: &str) -> Snippet {
    let snippet = generator.snippet(text);
    if snippet.fragment() == text {
        Snippet {
            text: text.to_string(),
            highlights: snippet.highlighted().to_vec(),
        }
    } else {
        // The generator trims around matches; re-anchor its ranges in the full text.
        let offset = text.find(snippet.fragment()).unwrap_or(0);
        let highlights = if snippet.fragment().is_empty() {
            Vec::new()
        } else {
            snippet
                .highlighted()
                .iter()
                .map(|r| r.start + offset..r.end + offset)
                .collect()
        };
        Snippet {
            text: text.to_string(),
            highlights,
        }
    }
}

/// A snippet as people read it: whitespace runs (paragraph breaks) become one space,
/// "…" marks text cut off on either side, and highlights of neighbouring words merge
/// ("liquefied petroleum gas" is one highlight). Ranges are moved to match.
fn tidy_snippet(
    fragment: &str,
    highlights: &[Range<usize>],
    cut_before: bool,
    cut_after: bool,
) -> Snippet {
    let mut text = String::with_capacity(fragment.len() + 8);
    let mut map = vec![0; fragment.len() + 1];
    if cut_before {
        text.push('…');
    }
    let mut last_space = true;
    let trimmed_start = fragment.len() - fragment.trim_start().len();
    for (i, c) in fragment.char_indices() {
        for slot in map.iter_mut().skip(i).take(c.len_utf8()) {
            *slot = text.len();
        }
        if i < trimmed_start {
            continue;
        }
        if c.is_whitespace() {
            if !last_space {
                text.push(' ');
            }
            last_space = true;
        } else {
            text.push(c);
            last_space = false;
        }
    }
    map[fragment.len()] = text.len();
    while text.ends_with(' ') {
        text.pop();
    }
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in highlights {
        let (start, end) = (
            map[r.start.min(fragment.len())],
            map[r.end.min(fragment.len())].min(text.len()),
        );
        if start >= end {
            continue;
        }
        match merged.last_mut() {
            Some(prev) if text[prev.end..start].chars().all(char::is_whitespace) => prev.end = end,
            _ => merged.push(start..end),
        }
    }
    if cut_after {
        text.push('…');
    }
    Snippet {
        text,
        highlights: merged,
    }
}

/// The first `max` characters of a text, cut at a word boundary.
fn opening(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => {
            let cut = text[..cut].rfind(char::is_whitespace).unwrap_or(cut);
            format!("{}…", text[..cut].trim_end())
        }
    }
}

fn query_error(query: &str, err: &tantivy::query::QueryParserError) -> Error {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_outlet_under_several_names_is_one_site() {
        assert!(same_outlet("Radio Free Europe/Radio Liberty", "RFE/RL"));
        assert!(same_outlet("Thomson Reuters", "Reuters"));
        assert!(!same_outlet("Global Wire Service", "Northern Daily Herald"));
    }

    #[test]
    fn snippets_collapse_space_and_merge_neighbouring_highlights() {
        let fragment = "price of\n\nliquefied petroleum gas, the fuel";
        let s = tidy_snippet(fragment, &[0..5, 10..19, 20..29, 30..33], true, true);
        assert_eq!(s.text, "…price of liquefied petroleum gas, the fuel…");
        let marked: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(marked, ["price", "liquefied petroleum gas"]);
    }

    #[test]
    fn freshness_favours_recent_stories() {
        let now = 2_000_000_000;
        assert_eq!(freshness(Some(now), now), 2.0);
        let year_ago = freshness(Some(now - 31_557_600), now);
        assert!((year_ago - 1.5).abs() < 1e-3, "{year_ago}");
        assert!(freshness(Some(now - 10 * 31_557_600), now) < 1.1);
        assert_eq!(freshness(None, now), 1.0);
    }

    #[test]
    fn opening_cuts_at_a_word() {
        assert_eq!(opening("one two three", 100), "one two three");
        assert_eq!(opening("one two three", 9), "one two…");
    }
}
