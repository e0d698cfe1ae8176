//! The article facts a page's JSON-LD gives, read leniently since pages often write it
//! with mistakes.

use dom_query::Document;
use serde_json::Value;

use super::authors::split_authors;
use super::headline::similarity;
use super::meta::clean_space;

/// The facts a page's JSON-LD gives about its article.
#[derive(Debug, Default)]
pub(super) struct JsonLd {
    headline: Option<String>,
    name: Option<String>,
    pub(super) published: Option<String>,
    /// `datePublished` of an object that is not an article (a `WebPage`, a `HowTo`).
    pub(super) other_published: Option<String>,
    pub(super) authors: Vec<String>,
    pub(super) publisher: Option<String>,
    pub(super) url: Option<String>,
    pub(super) description: Option<String>,
    pub(super) language: Option<String>,
    pub(super) places: Vec<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "OpinionNewsArticle",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "LiveBlogPosting",
];

impl JsonLd {
    /// The article's title: `headline`, unless `name` differs and is closer to the page's
    /// `<title>` (some sites put a summary in `headline`, others their own name in `name`).
    pub(super) fn headline_like(&self, html_title: &str) -> Option<String> {
        match (&self.headline, &self.name) {
            // A `name` that is the publisher's is the site, not the story.
            (Some(h), Some(n)) if self.publisher.as_ref() == Some(n) => Some(h.clone()),
            (Some(h), Some(n)) if h != n => {
                if similarity(n, html_title) > similarity(h, html_title) {
                    Some(n.clone())
                } else {
                    Some(h.clone())
                }
            }
            (h, n) => h.clone().or_else(|| n.clone()),
        }
    }

    pub(super) fn read(doc: &Document) -> JsonLd {
        let mut objects = Vec::new();
        for node in doc.select("script[type='application/ld+json']").nodes() {
            let text = node.text();
            let text = text
                .trim()
                .trim_start_matches("<![CDATA[")
                .trim_end_matches("]]>");
            if let Some(value) = parse_lenient_json(text) {
                collect_objects(value, &mut objects, 0);
            }
        }
        let is_article = |o: &Value| {
            type_names(o)
                .iter()
                .any(|t| ARTICLE_TYPES.contains(&t.as_str()))
        };
        let text = |v: Option<&Value>| -> Option<String> {
            match v? {
                Value::String(s) => Some(clean_space(s)),
                Value::Array(a) => a.first().and_then(|v| v.as_str()).map(clean_space),
                _ => None,
            }
        };
        let other_published = objects
            .iter()
            .filter(|o| !is_article(o))
            .find_map(|o| text(o.get("datePublished")));
        let Some(article) = objects.iter().find(|o| is_article(o)) else {
            return JsonLd {
                other_published,
                ..JsonLd::default()
            };
        };
        // A graph (Yoast and others) names the author by reference: `{"@id": "…#author"}`
        // points at the Person object elsewhere in the graph.
        let by_id = |id: &str| {
            objects
                .iter()
                .find(|o| o.get("@id").and_then(Value::as_str) == Some(id))
        };
        let name_of = |v: &Value| -> Option<String> {
            match v {
                Value::String(s) => Some(clean_space(s)),
                Value::Object(_) => text(v.get("name")).or_else(|| {
                    let id = v.get("@id")?.as_str()?;
                    text(by_id(id)?.get("name"))
                }),
                _ => None,
            }
        };
        let names = |v: Option<&Value>| -> Vec<String> {
            match v {
                Some(Value::Array(a)) => a.iter().filter_map(name_of).collect(),
                Some(v) => name_of(v).into_iter().collect(),
                None => Vec::new(),
            }
        };
        let authors = names(article.get("author"))
            .iter()
            .flat_map(|a| split_authors(a))
            .collect();
        let mut places = names(article.get("contentLocation"));
        places.extend(names(article.get("locationCreated")));
        JsonLd {
            headline: text(article.get("headline")),
            name: text(article.get("name")),
            published: text(article.get("datePublished"))
                .or_else(|| text(article.get("dateCreated"))),
            other_published,
            authors,
            publisher: article.get("publisher").and_then(name_of),
            url: text(article.get("url")).or_else(|| {
                article
                    .get("mainEntityOfPage")
                    .and_then(|m| text(Some(m)).or_else(|| text(m.get("@id"))))
            }),
            description: text(article.get("description")),
            language: text(article.get("inLanguage")),
            places,
        }
    }
}

/// JSON-LD as pages write it: strict JSON, else the same with the mistakes that browsers
/// and search engines forgive undone (trailing commas, raw control characters), so that one
/// syntax error does not discard the block.
fn parse_lenient_json(text: &str) -> Option<Value> {
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        return Some(value);
    }
    static TRAILING_COMMA: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r",(\s*[}\]])").expect("valid regex"));
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    serde_json::from_str(&TRAILING_COMMA.replace_all(&cleaned, "$1")).ok()
}

fn type_names(o: &Value) -> Vec<String> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// Flattens arrays and `@graph` lists into the objects they hold (depth-limited: the JSON
/// comes from untrusted pages).
fn collect_objects(value: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items
            .into_iter()
            .for_each(|v| collect_objects(v, out, depth + 1)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                collect_objects(graph, out, depth + 1);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}
