//! The JSON shape of hits and articles: documented in the README, versioned by
//! [`SCHEMA_VERSION`], the same in `query --format json|jsonl` and `show`/`extract`.

use std::io::{self, Write};
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::article::{Article, Dateline, TaggedPlace};
use crate::search::{Hit, PlaceCount, SearchRequest, SearchResults, SortOrder};

/// Bumped when a field is removed or changes meaning (adding a field does not bump it).
pub const SCHEMA_VERSION: u32 = 2;

/// A byte range `[start, end)` in the UTF-8 text it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl From<&Range<usize>> for Span {
    fn from(r: &Range<usize>) -> Self {
        Span {
            start: r.start,
            end: r.end,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SnippetRecord {
    pub text: String,
    pub highlights: Vec<Span>,
}

/// One hit as JSON.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HitRecord {
    pub schema_version: u32,
    pub rank: usize,
    pub id: String,
    pub score: Option<f32>,
    pub title: String,
    pub title_highlights: Vec<Span>,
    pub published: Option<String>,
    /// When a page from a web archive was captured.
    pub captured: Option<String>,
    pub authors: Vec<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub description: Option<String>,
    pub dateline: Option<Dateline>,
    pub places: Vec<TaggedPlace>,
    pub path: String,
    pub bytes: u64,
    pub snippets: Vec<SnippetRecord>,
    /// Ids of near-copies folded into this hit.
    pub similar: Vec<String>,
}

impl HitRecord {
    pub fn new(rank: usize, hit: &Hit) -> HitRecord {
        let a = &hit.article;
        HitRecord {
            schema_version: SCHEMA_VERSION,
            rank,
            id: a.path.clone(),
            score: hit.score,
            title: hit.title.text.clone(),
            title_highlights: hit.title.highlights.iter().map(Span::from).collect(),
            published: a.published.map(|d| d.to_rfc3339()),
            captured: a.captured.map(|d| d.to_rfc3339()),
            authors: a.authors.clone(),
            site: a.site.clone(),
            url: a.url.clone(),
            lang: a.lang.clone(),
            description: a.description.clone(),
            dateline: a.dateline.clone(),
            places: a.places.clone(),
            path: a.path.clone(),
            bytes: a.bytes,
            snippets: hit
                .snippets
                .iter()
                .map(|s| SnippetRecord {
                    text: s.text.clone(),
                    highlights: s.highlights.iter().map(Span::from).collect(),
                })
                .collect(),
            similar: hit.similar.clone(),
        }
    }
}

/// One article with its text, as `show` and `extract` print it.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRecord<'a> {
    pub schema_version: u32,
    pub id: &'a str,
    #[serde(flatten)]
    pub article: &'a Article,
    /// Ids of near-copies in the index (only for indexed articles).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copies: Option<&'a [String]>,
}

#[derive(Serialize)]
struct ResultsRecord<'a> {
    schema_version: u32,
    query: &'a str,
    /// Every matching article, near-copies included.
    total: usize,
    /// The stories among them, near-copies folded: what `offset` pages through (null when
    /// copies are not folded or the matches are too many to fold in full).
    stories: Option<usize>,
    offset: usize,
    limit: usize,
    sort: SortOrder,
    hits: Vec<serde_json::Value>,
}

pub(super) fn records(req: &SearchRequest, results: &SearchResults) -> Vec<HitRecord> {
    results
        .hits
        .iter()
        .enumerate()
        .map(|(i, hit)| HitRecord::new(req.offset + i + 1, hit))
        .collect()
}

/// The fields of a hit, in the order JSON prints them (`--fields` picks among them).
pub const HIT_FIELDS: &[&str] = &[
    "schema_version",
    "rank",
    "id",
    "score",
    "title",
    "title_highlights",
    "published",
    "captured",
    "authors",
    "site",
    "url",
    "lang",
    "description",
    "dateline",
    "places",
    "path",
    "bytes",
    "snippets",
    "similar",
];

/// A hit as JSON, with only the chosen fields when some are named.
pub(super) fn hit_value(record: &HitRecord, fields: Option<&[String]>) -> serde_json::Value {
    // Through text, so f32 coordinates keep their short form (50.4547, not 50.45470047).
    let value = serde_json::to_string(record)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    match (fields, value) {
        (Some(fields), serde_json::Value::Object(map)) => serde_json::Value::Object(
            map.into_iter()
                .filter(|(k, _)| fields.iter().any(|f| f == k))
                .collect(),
        ),
        (_, value) => value,
    }
}

pub(super) fn write_results(
    out: &mut dyn Write,
    req: &SearchRequest,
    results: &SearchResults,
    fields: Option<&[String]>,
) -> io::Result<()> {
    let record = ResultsRecord {
        schema_version: SCHEMA_VERSION,
        query: &req.query,
        total: results.total,
        stories: results.stories,
        offset: req.offset,
        limit: req.limit,
        sort: req.sort,
        hits: records(req, results)
            .iter()
            .map(|r| hit_value(r, fields))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &record)?;
    writeln!(out)
}

pub(super) fn write_lines(
    out: &mut dyn Write,
    req: &SearchRequest,
    results: &SearchResults,
    fields: Option<&[String]>,
) -> io::Result<()> {
    for record in records(req, results) {
        serde_json::to_writer(&mut *out, &hit_value(&record, fields))?;
        writeln!(out)?;
    }
    Ok(())
}

pub(super) fn write_article(out: &mut dyn Write, article: &Article) -> io::Result<()> {
    write_article_with_copies(out, article, None)
}

pub(super) fn write_article_with_copies(
    out: &mut dyn Write,
    article: &Article,
    copies: Option<&[String]>,
) -> io::Result<()> {
    let record = ArticleRecord {
        schema_version: SCHEMA_VERSION,
        id: &article.path,
        article,
        copies,
    };
    serde_json::to_writer_pretty(&mut *out, &record)?;
    writeln!(out)
}

pub(super) fn write_place_counts(
    out: &mut dyn Write,
    query: &str,
    counts: &[PlaceCount],
) -> io::Result<()> {
    #[derive(Serialize)]
    struct PlacesRecord<'a> {
        schema_version: u32,
        query: &'a str,
        places: &'a [PlaceCount],
    }
    let record = PlacesRecord {
        schema_version: SCHEMA_VERSION,
        query,
        places: counts,
    };
    serde_json::to_writer_pretty(&mut *out, &record)?;
    writeln!(out)
}
