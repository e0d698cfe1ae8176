//! Search: a [`SearchRequest`] in, [`SearchResults`] out. The [`Searcher`] here opens an
//! index and coordinates; each concept is a module of its own:
//!
//! - `syntax`: the user's text parsed once into a tree, and the rewrites on it;
//! - `query`: that tree to tantivy queries (word forms, prefixes' words, proximity);
//! - `filters`: dates, places, mentions and distance added to a query;
//! - `ranking`: the recency factor of `--fresh`;
//! - `snippets`: the text a hit shows and its highlighted words;
//! - `folding`: near-copies folded into one hit;
//! - `facets`: counts of places and sites among the matches.
//!
//! Snippets are made only for the hits returned. Nothing here prints.

mod export;
mod facets;
mod filters;
mod folding;
mod kwic;
mod query;
mod ranking;
mod snippets;
mod syntax;

pub use facets::PlaceCount;
pub use filters::parse_km;
pub use kwic::KwicRow;
pub use snippets::Snippet;
pub use syntax::{MAX_NESTING, nesting_depth};

use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use tantivy::collector::{Count, TopDocs};
use tantivy::query::{Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, IndexReader, Order, ReloadPolicy, TantivyDocument, Term};

use crate::analysis;
use crate::article::Article;
use crate::error::{Error, Result};
use crate::store::Store;
use ranking::*;
use snippets::*;

/// A site's name and how many matching articles it published.
pub type SiteCount = (String, usize);

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
    /// Only pages from web archives captured on or after this day (UTC; any capture).
    pub captured_since: Option<NaiveDate>,
    /// Only pages from web archives captured on or before this day (UTC; any capture).
    pub captured_until: Option<NaiveDate>,
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

/// A hit's score, its document, and the ids of the near-copies folded into it.
type Folded = (Option<f32>, DocAddress, Vec<String>);

/// Matching query, highlighting query, widened query for the stemmed fields.
type ParsedRequest = (Box<dyn Query>, Box<dyn Query>, Option<Box<dyn Query>>);

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
            // The count of stories is exact only when every match was fetched.
            let all_fetched = addresses.len() >= total;
            self.fold_copies(&searcher, addresses, req.offset, req.limit, all_fetched)?
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
            let stem_field = widened.as_ref().and_then(|widened| {
                // As the indexer chose it: the stored body is the article's text.
                let stemmer = analysis::stemmer_for(article.lang_code().as_deref(), body)?;
                let field = fields.stemmed_field(stemmer)?;
                Some((widened, field, stemmer))
            });
            let mut title = highlight_whole(&title_snippets, &article.title);
            // The stemmed pass marks the exact words too, so with it the exact pass over
            // the body (a second tokenisation of the whole text) is not needed.
            let mut snippet = if stem_field.is_some() {
                tantivy::snippet::Snippet::empty()
            } else {
                body_snippets.snippet(body)
            };
            if let Some((widened, field, stemmer)) = stem_field {
                // One generator per stemmed field, for the passage and the headline alike.
                let generator = match stemmed_snippets.entry(field) {
                    std::collections::hash_map::Entry::Occupied(made) => made.into_mut(),
                    std::collections::hash_map::Entry::Vacant(slot) => slot.insert(
                        snippets::stemmed_generator(&searcher, &**widened, field, stemmer)
                            .map_err(err)?,
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
            // A word the stemmed field does not keep may still be marked exactly.
            if stem_field.is_some() && snippet.highlighted().is_empty() {
                snippet = body_snippets.snippet(body);
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
}
