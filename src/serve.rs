//! `dateline serve`: a search page and a JSON API over HTTP.
//!
//! The index is opened once and shared by every request; searches run on tokio's
//! blocking pool. The JSON is the CLI's ([`HitRecord`], [`ArticleRecord`], [`PlaceCount`],
//! [`SCHEMA_VERSION`]). Every query string is untrusted: bad input gets a 400 with
//! `{"error": ...}`, never a panic. The page (`assets/`) is static: it puts no article text
//! into HTML on the server; its script inserts page text as text nodes only.
//!
//! | route | answer |
//! |---|---|
//! | `GET /`, `GET /article?id=ID` | the search page, the article page (static HTML) |
//! | `GET /api/search?q=&limit=&offset=&since=&until=&captured_since=&captured_until=&sort=&place=&near=&within=&exact=&translit=&all_copies=` | hits, as `query --format json` plus `notes` |
//! | `GET /api/article?id=ID` | the article, as `show --format json` |
//! | `GET /api/places?q=&limit=` (and the filters) | place counts, as `places --format json` plus `notes` |
//! | `GET /api/timeline?q=&by=year\|month` (and the filters) | matching articles per period |

use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDate;
use serde::Serialize;

use crate::error::Error;
use crate::render::{ArticleRecord, HitRecord, SCHEMA_VERSION};
use crate::search::{Near, PlaceCount, SearchRequest, Searcher, SortOrder};
use crate::timeline::{Period, timeline};

/// Most hits one request may ask for.
pub const MAX_LIMIT: usize = 1000;
/// Deepest page of hits one request may ask for (`offset`).
pub const MAX_OFFSET: usize = 10_000;
/// Longest query, in bytes.
pub const MAX_QUERY_BYTES: usize = 1024;
/// Deepest nesting of parentheses and brackets in a query (the query parser recurses).
pub const MAX_QUERY_DEPTH: usize = crate::search::MAX_NESTING;
/// Longest place name for `place` and `near`, in bytes.
const MAX_PLACE_BYTES: usize = 200;
/// Searches running at once; more requests wait their turn.
const SEARCH_THREADS: usize = 4;
/// Stack of the threads that parse and run queries.
const THREAD_STACK_BYTES: usize = 16 * 1024 * 1024;

const INDEX_HTML: &str = include_str!("../assets/index.html");
const ARTICLE_HTML: &str = include_str!("../assets/article.html");
const APP_CSS: &str = include_str!("../assets/app.css");
const COMMON_JS: &str = include_str!("../assets/common.js");
const SEARCH_JS: &str = include_str!("../assets/search.js");
const ARTICLE_JS: &str = include_str!("../assets/article.js");

/// Scripts and styles come only from this server; nothing inline runs.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; \
     frame-ancestors 'none'";

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Index(#[from] Error),
    #[error("cannot listen on {addr}: {source}; pick another address with --addr HOST:PORT")]
    Bind {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// Opens the index at `index`, listens on `addr` (`HOST:PORT`) and serves until Ctrl-C.
/// Prints `serving INDEX on http://ADDR` once listening (with the real port when `addr`
/// asks for port 0).
pub fn serve(index: &Path, addr: &str) -> Result<(), ServeError> {
    let searcher = Arc::new(Searcher::open(index)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(THREAD_STACK_BYTES)
        .max_blocking_threads(SEARCH_THREADS)
        .build()?;
    runtime.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(addr)
                .await
                .map_err(|source| ServeError::Bind {
                    addr: addr.to_string(),
                    source,
                })?;
        let local = listener.local_addr()?;
        if !local.ip().is_loopback() {
            eprintln!(
                "warning: serving on {local}, which other machines can reach; anyone who can connect can search the index"
            );
        }
        println!("serving {} on http://{local}", index.display());
        axum::serve(listener, router(searcher, local))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}

/// The application: every route, sharing one searcher. `local` is the address it is
/// served on: on a loopback address only requests for `localhost` or an IP address are
/// answered (so a web page cannot reach the server through a DNS name of its own).
pub fn router(searcher: Arc<Searcher>, local: SocketAddr) -> Router {
    let app = Router::new()
        .route("/", get(|| async { page(INDEX_HTML) }))
        .route("/article", get(|| async { page(ARTICLE_HTML) }))
        .route(
            "/assets/app.css",
            get(|| async { asset("text/css", APP_CSS) }),
        )
        .route("/assets/common.js", get(|| async { script(COMMON_JS) }))
        .route("/assets/search.js", get(|| async { script(SEARCH_JS) }))
        .route("/assets/article.js", get(|| async { script(ARTICLE_JS) }))
        .route("/api/search", get(api_search))
        .route("/api/article", get(api_article))
        .route("/api/places", get(api_places))
        .route("/api/timeline", get(api_timeline))
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "not found".into()) })
        .with_state(searcher)
        .layer(middleware::from_fn(security_headers));
    if local.ip().is_loopback() {
        app.layer(middleware::from_fn(local_hosts_only))
    } else {
        app
    }
}

fn page(html: &'static str) -> Response {
    asset("text/html; charset=utf-8", html)
}

fn script(js: &'static str) -> Response {
    asset("text/javascript; charset=utf-8", js)
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

async fn security_headers(req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

async fn local_hosts_only(req: Request, next: Next) -> Response {
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_string)
        .or_else(|| req.uri().authority().map(|a| a.to_string()));
    match host {
        Some(host) if is_local_host(&host) => next.run(req).await,
        host => ApiError::new(
            StatusCode::FORBIDDEN,
            format!(
                "host {:?} not allowed: a server on a loopback address answers only requests for localhost or an IP address",
                host.unwrap_or_default()
            ),
        )
        .into_response(),
    }
}

/// `localhost`, `*.localhost` or an IP address, with or without a port.
fn is_local_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        // [v6]:port
        match rest.split_once(']') {
            Some((ip, _)) => return ip.parse::<std::net::Ipv6Addr>().is_ok(),
            None => return false,
        }
    } else {
        host.rsplit_once(':').map_or(host, |(name, _)| name)
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost" || name.ends_with(".localhost") || name.parse::<IpAddr>().is_ok()
}

/// An error answer: a status and `{"error": message}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: String) -> ApiError {
        ApiError { status, message }
    }

    fn bad_request(message: String) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl From<Error> for ApiError {
    fn from(err: Error) -> ApiError {
        let status = match err {
            Error::Query(_) | Error::Date { .. } | Error::DateRange { .. } => {
                StatusCode::BAD_REQUEST
            }
            Error::NotFound(_) => StatusCode::NOT_FOUND,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError::new(status, err.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct Body {
            error: String,
        }
        let headers = [(header::CACHE_CONTROL, "no-store")];
        let body = axum::Json(Body {
            error: self.message,
        });
        (self.status, headers, body).into_response()
    }
}

type ApiResult = Result<Response, ApiError>;

fn json<T: Serialize>(value: &T) -> Response {
    ([(header::CACHE_CONTROL, "no-store")], axum::Json(value)).into_response()
}

/// The query string, as given (first value of each name; an empty value counts as none).
struct Params(Vec<(String, String)>);

impl Params {
    fn from(
        query: Result<Query<Vec<(String, String)>>, QueryRejection>,
    ) -> Result<Params, ApiError> {
        query
            .map(|Query(pairs)| Params(pairs))
            .map_err(|e| ApiError::bad_request(format!("invalid query string: {}", e.body_text())))
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.trim().is_empty())
    }

    fn number(&self, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        let Some(value) = self.get(name) else {
            return Ok(default);
        };
        value
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| *n <= max)
            .ok_or_else(|| {
                ApiError::bad_request(format!(
                    "invalid {name} {:?}: expected a whole number from 0 to {max}",
                    clip(value)
                ))
            })
    }

    /// The query (default `*`, every article), checked for size and nesting.
    fn query(&self) -> Result<String, ApiError> {
        let query = self.get("q").unwrap_or("*");
        if query.len() > MAX_QUERY_BYTES {
            return Err(ApiError::bad_request(format!(
                "invalid query: longer than {MAX_QUERY_BYTES} bytes"
            )));
        }
        if crate::search::nesting_depth(query) > MAX_QUERY_DEPTH {
            return Err(ApiError::bad_request(format!(
                "invalid query: {:?}: parentheses nested deeper than {MAX_QUERY_DEPTH}",
                clip(query)
            )));
        }
        Ok(query.to_string())
    }

    fn place(&self, name: &str) -> Result<Option<String>, ApiError> {
        match self.get(name) {
            Some(place) if place.len() > MAX_PLACE_BYTES => Err(ApiError::bad_request(format!(
                "invalid {name}: longer than {MAX_PLACE_BYTES} bytes"
            ))),
            place => Ok(place.map(str::to_string)),
        }
    }

    /// A request from `q` and the filters `since`, `until`, `captured_since`,
    /// `captured_until`, `place`, `mentions`, `near`, `within`.
    fn request(&self) -> Result<SearchRequest, ApiError> {
        let near = match self.place("near")? {
            Some(place) => Some(Near {
                place,
                km: parse_km(self.get("within").unwrap_or("100km"))?,
            }),
            None => None,
        };
        Ok(SearchRequest {
            query: self.query()?,
            since: self.day("since")?,
            until: self.day("until")?,
            captured_since: self.day("captured_since")?,
            captured_until: self.day("captured_until")?,
            place: self.place("place")?,
            mentions: self.place("mentions")?,
            near,
            exact: self.switch("exact")?,
            translit: self.switch("translit")?,
            ..SearchRequest::default()
        })
    }

    /// A yes/no switch: `1`, `true`, `yes`, `on` (or the bare name) or `0`, `false`, `no`,
    /// `off`; absent is no.
    fn switch(&self, name: &str) -> Result<bool, ApiError> {
        let Some((_, value)) = self.0.iter().find(|(k, _)| k == name) else {
            return Ok(false);
        };
        match value.trim().to_ascii_lowercase().as_str() {
            "" | "1" | "true" | "yes" | "on" => Ok(true),
            "0" | "false" | "no" | "off" => Ok(false),
            _ => Err(ApiError::bad_request(format!(
                "invalid {name} {:?}: expected true or false",
                clip(value)
            ))),
        }
    }

    fn day(&self, name: &str) -> Result<Option<NaiveDate>, ApiError> {
        self.get(name)
            .map(|v| {
                NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").map_err(|_| {
                    ApiError::bad_request(format!(
                        "invalid date {:?} for {name}: expected YYYY-MM-DD",
                        clip(v)
                    ))
                })
            })
            .transpose()
    }

    fn sort(&self) -> Result<SortOrder, ApiError> {
        match self.get("sort").map(str::trim) {
            None | Some("relevance") => Ok(SortOrder::Relevance),
            Some("newest") => Ok(SortOrder::Newest),
            Some("oldest") => Ok(SortOrder::Oldest),
            Some(other) => Err(ApiError::bad_request(format!(
                "invalid sort {:?}: expected relevance, newest or oldest",
                clip(other)
            ))),
        }
    }
}

/// At most 100 characters of user input, for messages.
fn clip(s: &str) -> String {
    match s.char_indices().nth(100) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

fn parse_km(value: &str) -> Result<f64, ApiError> {
    crate::search::parse_km(value).ok_or_else(|| {
        ApiError::bad_request(format!(
            "invalid within {:?}: expected a distance in kilometres, such as 200km",
            clip(value)
        ))
    })
}

/// Runs a search on the blocking pool; a panic there becomes a 500.
async fn blocking<T, F>(searcher: Arc<Searcher>, work: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Searcher) -> Result<T, ApiError> + Send + 'static,
{
    tokio::task::spawn_blocking(move || {
        searcher.refresh()?;
        work(&searcher)
    })
    .await
    .map_err(|e| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            if e.is_panic() {
                "internal error: the search failed unexpectedly".into()
            } else {
                "internal error: the search was cancelled".into()
            },
        )
    })?
}

/// `GET /api/search`: the JSON of `dateline query --format json`, plus `notes`.
async fn api_search(
    State(searcher): State<Arc<Searcher>>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    #[derive(Serialize)]
    struct Results {
        schema_version: u32,
        query: String,
        total: usize,
        stories: Option<usize>,
        offset: usize,
        limit: usize,
        sort: SortOrder,
        hits: Vec<HitRecord>,
        notes: Vec<String>,
    }
    let params = Params::from(query)?;
    let req = SearchRequest {
        limit: params.number("limit", 10, MAX_LIMIT)?,
        offset: params.number("offset", 0, MAX_OFFSET)?,
        sort: params.sort()?,
        all_copies: params.switch("all_copies")?,
        ..params.request()?
    };
    let results = blocking(searcher, move |s| {
        let results = s.search(&req)?;
        Ok(Results {
            schema_version: SCHEMA_VERSION,
            total: results.total,
            stories: results.stories,
            offset: req.offset,
            limit: req.limit,
            sort: req.sort,
            hits: results
                .hits
                .iter()
                .enumerate()
                .map(|(i, hit)| HitRecord::new(req.offset + i + 1, hit))
                .collect(),
            notes: results.notes,
            query: req.query,
        })
    })
    .await?;
    Ok(json(&results))
}

/// `GET /api/article?id=ID`: the JSON of `dateline show --format json`. The id is looked up
/// in the index only; it never names a file to read.
async fn api_article(
    State(searcher): State<Arc<Searcher>>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    let params = Params::from(query)?;
    let id = params
        .get("id")
        .ok_or_else(|| {
            ApiError::bad_request("missing id: give ?id=PATH as /api/search lists it".into())
        })?
        .to_string();
    // Written out here, not through a `serde_json::Value`, so numbers print as the CLI
    // prints them (f32 coordinates).
    let body = blocking(searcher, move |s| {
        let article = s.get(&id)?;
        let copies = s.copies_of(&article.path)?;
        serde_json::to_vec(&ArticleRecord {
            schema_version: SCHEMA_VERSION,
            id: &article.path,
            article: &article,
            copies: Some(&copies),
        })
        .map_err(|e| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
    })
    .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}

/// `GET /api/places`: the JSON of `dateline places --format json`, plus `notes`.
async fn api_places(
    State(searcher): State<Arc<Searcher>>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    #[derive(Serialize)]
    struct Places {
        schema_version: u32,
        query: String,
        places: Vec<PlaceCount>,
        notes: Vec<String>,
    }
    let params = Params::from(query)?;
    let limit = params.number("limit", 20, MAX_LIMIT)?;
    let req = params.request()?;
    let places = blocking(searcher, move |s| {
        let (places, notes) = s.place_counts(&req, limit)?;
        Ok(Places {
            schema_version: SCHEMA_VERSION,
            query: req.query,
            places,
            notes,
        })
    })
    .await?;
    Ok(json(&places))
}

/// `GET /api/timeline?by=year|month&relative=1`: matching articles per period, and with
/// `relative` each period's share of all its articles.
async fn api_timeline(
    State(searcher): State<Arc<Searcher>>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> ApiResult {
    let params = Params::from(query)?;
    let by = match params.get("by").map(str::trim) {
        None | Some("year") => Period::Year,
        Some("month") => Period::Month,
        Some("day") => Period::Day,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "invalid by {:?}: expected year, month or day",
                clip(other)
            )));
        }
    };
    let relative = params.switch("relative")?;
    let req = params.request()?;
    let timeline = blocking(searcher, move |s| {
        let mut t = timeline(s, &req, by)?;
        if relative {
            crate::timeline::relative(s, &req, &mut t)?;
        }
        Ok(t)
    })
    .await?;
    Ok(json(&timeline))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn local_hosts_are_names_for_this_machine_or_addresses() {
        for host in [
            "localhost",
            "localhost:7700",
            "127.0.0.1:7700",
            "[::1]:7700",
            "app.localhost:80",
            "192.0.2.7:7700",
            "LOCALHOST.",
        ] {
            assert!(is_local_host(host), "{host}");
        }
        for host in [
            "evil.example:7700",
            "localhost.evil.example",
            "",
            "[::1",
            "[zz]:1",
        ] {
            assert!(!is_local_host(host), "{host}");
        }
    }

    #[test]
    fn nesting_counts_brackets_outside_quotes() {
        assert_eq!(crate::search::nesting_depth("a AND (b OR (c))"), 2);
        assert_eq!(crate::search::nesting_depth("\"((((\" x"), 0);
        assert_eq!(crate::search::nesting_depth("date:[a TO b]"), 1);
        assert_eq!(crate::search::nesting_depth(")))(("), 2);
    }

    #[test]
    fn periods_have_bounds_and_labels() {
        let day = NaiveDate::from_ymd_opt(2024, 2, 10).unwrap();
        let m = Period::Month.index(day);
        assert_eq!(Period::Month.label(m), "2024-02");
        assert_eq!(
            Period::Month.bounds(m),
            Some((day.with_day(1).unwrap(), day.with_day(29).unwrap()))
        );
        assert_eq!(Period::Year.label(Period::Year.index(day)), "2024");
        let dec = Period::Month.index(NaiveDate::from_ymd_opt(2023, 12, 5).unwrap());
        assert_eq!(dec + 1, m - 1);
        assert_eq!(Period::Month.label(dec), "2023-12");
    }
}
