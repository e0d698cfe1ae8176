//! `dateline serve`: the real binary on a free port, asked over plain HTTP the way a
//! browser or script would ask it.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{corpus_index, dateline, hits, ids};
use serde_json::Value;

/// A running `dateline serve`, killed when dropped.
struct Server {
    child: Child,
    /// `127.0.0.1:PORT`
    addr: String,
    _stdout: mpsc::Receiver<String>,
}

impl Server {
    /// Starts the server on a port the OS picks (`--addr 127.0.0.1:0`; the server prints
    /// the address it got) and waits until it answers.
    fn start(index: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .arg("serve")
            .arg("--index")
            .arg(index)
            .args(["--addr", "127.0.0.1:0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("dateline serve starts");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let line = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(line) => line,
            Err(e) => {
                let _ = child.kill();
                panic!("dateline serve printed no address: {e}");
            }
        };
        let prefix = format!("serving {} on http://", index.display());
        let addr = line
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        let server = Server {
            child,
            addr,
            _stdout: rx,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while server.try_get("/api/search?q=*&limit=0").is_err() {
            assert!(Instant::now() < deadline, "server never answered");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn get(&self, path: &str) -> Response {
        self.try_get(path)
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    fn try_get(&self, path: &str) -> std::io::Result<Response> {
        self.request(&format!(
            "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        ))
    }

    /// Sends a raw request and reads the whole answer.
    fn request(&self, raw: &str) -> std::io::Result<Response> {
        self.request_within(raw, Duration::from_secs(60))
    }

    fn request_within(&self, raw: &str, timeout: Duration) -> std::io::Result<Response> {
        let mut stream = TcpStream::connect(&self.addr)?;
        stream.set_read_timeout(Some(timeout))?;
        stream.write_all(raw.as_bytes())?;
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes)?;
        Response::parse(&bytes)
            .ok_or_else(|| std::io::Error::other(format!("bad HTTP answer: {bytes:?}")))
    }

    fn json(&self, path: &str) -> Value {
        let response = self.get(path);
        assert_eq!(response.status, 200, "GET {path}: {}", response.body);
        response.json()
    }

    /// Asserts the server process is still running.
    fn assert_alive(&mut self) {
        assert!(
            self.child.try_wait().expect("try_wait").is_none(),
            "the server exited"
        );
        assert_eq!(self.get("/api/search?q=protest&limit=1").status, 200);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn parse(bytes: &[u8]) -> Option<Response> {
        let split = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
        let head = std::str::from_utf8(&bytes[..split]).ok()?;
        let mut lines = head.split("\r\n");
        let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        let mut body = bytes[split + 4..].to_vec();
        if headers
            .iter()
            .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
        {
            body = dechunk(&body)?;
        }
        Some(Response {
            status,
            headers,
            body: String::from_utf8(body).ok()?,
        })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        assert!(
            self.header("content-type")
                .is_some_and(|t| t.starts_with("application/json")),
            "not JSON: {:?}",
            self.headers
        );
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("bad JSON {}: {e}", self.body))
    }

    /// Asserts an error answer: the status and `{"error": "..."}`; returns the message.
    fn error(&self, status: u16) -> String {
        assert_eq!(self.status, status, "{}", self.body);
        let body = self.json();
        let message = body["error"].as_str().expect("error message").to_string();
        assert!(!message.is_empty());
        assert_eq!(body.as_object().map(|o| o.len()), Some(1), "{body}");
        message
    }
}

fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let end = body.windows(2).position(|w| w == b"\r\n")?;
        let size =
            usize::from_str_radix(std::str::from_utf8(&body[..end]).ok()?.trim(), 16).ok()?;
        body = &body[end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size + 2..)?;
    }
}

/// Percent-encodes a query string value.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn corpus_server() -> Server {
    Server::start(corpus_index())
}

fn assert_hit_shape(hit: &Value) {
    let object = hit.as_object().expect("a hit is an object");
    for field in common::DOCUMENTED_HIT_FIELDS {
        assert!(object.contains_key(*field), "hit lacks {field}: {hit}");
    }
    assert_eq!(hit["schema_version"], 2);
    assert!(hit["rank"].as_u64().is_some_and(|r| r >= 1));
    assert_eq!(hit["id"], hit["path"]);
    assert!(hit["title"].is_string() && hit["authors"].is_array());
    assert!(hit["places"].is_array() && hit["bytes"].is_u64());
    for snippet in hit["snippets"].as_array().expect("snippets") {
        let text = snippet["text"].as_str().expect("snippet text");
        for h in snippet["highlights"].as_array().expect("highlights") {
            let (start, end) = (h["start"].as_u64().unwrap(), h["end"].as_u64().unwrap());
            let (start, end) = (start as usize, end as usize);
            assert!(start < end && end <= text.len());
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        }
    }
}

#[test]
fn search_answers_with_the_cli_json() {
    let server = corpus_server();
    let body = server.json("/api/search?q=Zhanaozen");
    for field in [
        "schema_version",
        "query",
        "total",
        "offset",
        "limit",
        "sort",
        "hits",
        "notes",
    ] {
        assert!(body.get(field).is_some(), "response lacks {field}: {body}");
    }
    assert_eq!(body["schema_version"], 2);
    assert_eq!(body["query"], "Zhanaozen");
    assert_eq!(body["total"], 3);
    assert_eq!(
        (body["offset"].clone(), body["limit"].clone()),
        (0.into(), 10.into())
    );
    assert_eq!(body["sort"], "relevance");
    assert!(body["notes"].as_array().is_some_and(Vec::is_empty));
    let api_hits = body["hits"].as_array().expect("hits");
    for hit in api_hits {
        assert_hit_shape(hit);
    }
    // The same records as `dateline query --format jsonl`.
    assert_eq!(api_hits, &hits(&["Zhanaozen"]));
    let marked = &api_hits[0]["snippets"][0];
    let h = &marked["highlights"][0];
    let text = marked["text"].as_str().unwrap();
    let word = &text[h["start"].as_u64().unwrap() as usize..h["end"].as_u64().unwrap() as usize];
    assert!(word.eq_ignore_ascii_case("Zhanaozen"), "{word}");

    // Paging, sorting and filters behave as the CLI flags do.
    let page = server.json("/api/search?q=*&limit=5&offset=5&sort=newest");
    assert_eq!(page["sort"], "newest");
    assert_eq!(page["hits"][0]["rank"], 6);
    assert!(page["hits"][0]["score"].is_null());
    assert_eq!(
        ids(page["hits"].as_array().unwrap()),
        ids(&hits(&[
            "*", "--limit", "5", "--offset", "5", "--sort", "newest"
        ]))
    );
    let filtered =
        server.json("/api/search?q=*&place=Kazakhstan&since=2022-01-01&until=2022-12-31&limit=50");
    let expected = ids(&hits(&[
        "*",
        "--place",
        "Kazakhstan",
        "--since",
        "2022-01-01",
        "--until",
        "2022-12-31",
        "--limit",
        "50",
    ]));
    assert!(!expected.is_empty());
    assert_eq!(ids(filtered["hits"].as_array().unwrap()), expected);
    let near = server.json("/api/search?q=*&near=Atyrau&within=500km&limit=50");
    assert_eq!(
        ids(near["hits"].as_array().unwrap()),
        ids(&hits(&[
            "*", "--near", "Atyrau", "--within", "500km", "--limit", "50"
        ]))
    );
    // An ambiguous place name comes with a note, as on the CLI's stderr.
    let georgia = server.json("/api/search?q=*&place=Georgia");
    assert!(
        georgia["notes"][0]
            .as_str()
            .is_some_and(|n| n.contains("Georgia")),
        "{georgia}"
    );
    // Unicode queries, percent-encoded.
    let ru = server.json(&format!("/api/search?q={}", enc("Уральске")));
    assert!(ru["total"].as_u64().unwrap() >= 1);
}

#[test]
fn article_places_and_timeline_answer_as_documented() {
    let server = corpus_server();
    let id = "rferl/kazakhstan-oral-protester-will-not-stop.html";
    let article = server.json(&format!("/api/article?id={}", enc(id)));
    assert_eq!(article, common::article(id));
    assert_eq!(article["id"], id);
    assert!(
        article["text"]
            .as_str()
            .is_some_and(|t| t.contains("Zhalpaqtal"))
    );

    let missing = server.get("/api/article?id=no/such/page.html");
    assert!(missing.error(404).contains("no/such/page.html"));
    server.get("/api/article").error(400);

    let places = server.json("/api/places?q=grain&limit=3");
    assert_eq!(places["schema_version"], 2);
    assert_eq!(places["query"], "grain");
    let cli = dateline()
        .args([
            "places", "grain", "--limit", "3", "--format", "json", "--index",
        ])
        .arg(corpus_index())
        .output()
        .unwrap();
    let cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(places["places"], cli["places"]);
    let first = &places["places"][0];
    for field in [
        "id",
        "name",
        "kind",
        "country_code",
        "region",
        "lat",
        "lon",
        "count",
    ] {
        assert!(first.get(field).is_some(), "place lacks {field}: {first}");
    }

    for by in ["year", "month"] {
        let timeline = server.json(&format!("/api/timeline?q=*&by={by}"));
        assert_eq!(timeline["by"], by);
        assert_eq!(timeline["schema_version"], 2);
        let total = timeline["total"].as_u64().unwrap();
        assert_eq!(total, 36);
        let periods = timeline["periods"].as_array().unwrap();
        let counted: u64 = periods.iter().map(|p| p["count"].as_u64().unwrap()).sum();
        assert_eq!(counted + timeline["undated"].as_u64().unwrap(), total);
        let labels: Vec<&str> = periods
            .iter()
            .map(|p| p["period"].as_str().unwrap())
            .collect();
        let mut sorted = labels.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(labels, sorted, "periods in order, each once");
        // Each period's count is what a search over its days finds.
        for p in periods.iter().take(4) {
            let (start, end) = (p["start"].as_str().unwrap(), p["end"].as_str().unwrap());
            let found = server.json(&format!(
                "/api/search?q=*&since={start}&until={end}&limit=0"
            ));
            assert_eq!(found["total"], p["count"], "{p}");
        }
    }
    let narrow = server.json("/api/timeline?q=protest&place=Kazakhstan&by=month");
    let wide = server.json("/api/search?q=protest&place=Kazakhstan&limit=0");
    assert_eq!(narrow["total"], wide["total"]);
    server.get("/api/timeline?q=*&by=decade").error(400);
    // relative=1: each period's share of everything the same filters find then.
    let relative = server.json("/api/timeline?q=protest&by=year&relative=1");
    for p in relative["periods"].as_array().unwrap() {
        let (start, end) = (p["start"].as_str().unwrap(), p["end"].as_str().unwrap());
        let all = server.json(&format!(
            "/api/search?q=*&since={start}&until={end}&limit=0"
        ));
        assert_eq!(p["all"], all["total"], "{p}");
        let share = p["count"].as_f64().unwrap() / p["all"].as_f64().unwrap();
        assert!((p["share"].as_f64().unwrap() - share).abs() < 1e-9, "{p}");
    }
    server
        .get("/api/timeline?q=protest&relative=maybe")
        .error(400);
}

#[test]
fn hostile_requests_get_client_errors_and_the_server_lives_on() {
    let mut server = corpus_server();
    let deep = "(".repeat(10_000) + "x" + &")".repeat(10_000);
    let cases = [
        "/api/search?q=%22%29%28*&limit=-5".to_string(),
        "/api/search?q=title:(unclosed".to_string(),
        format!("/api/search?q={}", enc("title:(unclosed")),
        format!("/api/search?q={}", enc(&deep)),
        format!("/api/search?q={}", enc(&"(x OR ".repeat(300))),
        format!("/api/search?q={}", enc(&"word ".repeat(1000))),
        "/api/search?q=nosuchfield:x".to_string(),
        "/api/search?q=x&limit=99999999999999999999999".to_string(),
        "/api/search?q=x&limit=1000000".to_string(),
        "/api/search?q=x&offset=-1".to_string(),
        "/api/search?q=x&offset=1e9".to_string(),
        "/api/search?q=x&sort=sideways".to_string(),
        "/api/search?q=x&since=2022-13-45".to_string(),
        "/api/search?q=x&until=yesterday".to_string(),
        "/api/search?q=x&near=Oral&within=-3km".to_string(),
        "/api/search?q=x&near=Oral&within=NaN".to_string(),
        "/api/search?q=x&near=Nowhereville%20Qq".to_string(),
        format!("/api/search?q=x&place={}", enc(&"Oral ".repeat(100))),
        "/api/places?q=%22&limit=x".to_string(),
        "/api/timeline?q=AND%20(".to_string(),
        "/api/timeline?q=x&since=2022-02-30".to_string(),
    ];
    for path in &cases {
        let response = server.get(path);
        let message = response.error(400);
        assert!(message.starts_with("invalid"), "{path}: {message}");
    }
    assert!(
        server
            .get("/api/search?q=title:(unclosed")
            .error(400)
            .starts_with("invalid query: ")
    );
    // Odd but harmless input is answered.
    for path in [
        "/api/search?q=%FF%FE%00",
        "/api/search?q=%3Cscript%3E",
        "/api/search?q=&limit=",
        "/api/search?q=a&q=b&limit=0",
        "/api/search?place=%22%5C",
        "/api/search?q=*&offset=100000",
        "/api/places?q=*&limit=0",
        "/api/timeline?q=zzzznothing",
    ] {
        let status = server.get(path).status;
        assert!(status == 200 || status == 400, "{path}: {status}");
    }
    // Ids are looked up in the index, never read as files.
    for id in [
        "../../etc/passwd",
        "/etc/passwd",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "%00",
    ] {
        let response = server.get(&format!("/api/article?id={id}"));
        let message = response.error(404);
        assert!(!message.contains("root:"), "{message}");
    }
    server.get("/api/nothing-here").error(404);
    let post = server
        .request(&format!(
            "POST /api/search?q=x HTTP/1.1\r\nHost: {}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            server.addr
        ))
        .unwrap();
    assert_eq!(post.status, 405);
    // A page on another site cannot reach a loopback server through a DNS name of its own.
    let rebound = server
        .request(
            "GET /api/search?q=x HTTP/1.1\r\nHost: evil.example:7700\r\nConnection: close\r\n\r\n",
        )
        .unwrap();
    rebound.error(403);
    let local = server
        .request(&format!(
            "GET /api/search?q=x HTTP/1.1\r\nHost: localhost:{}\r\nConnection: close\r\n\r\n",
            server.addr.rsplit(':').next().unwrap()
        ))
        .unwrap();
    assert_eq!(local.status, 200);
    // Garbage on the wire.
    let _ = server.request("\u{0}\u{1}GARBAGE\r\n\r\n");
    let _ = server.request_within(
        "GET /api/search?q=x HTTP/1.1\r\nHost: ",
        Duration::from_millis(500),
    );
    server.assert_alive();
}

#[test]
fn pages_are_static_html_with_a_strict_policy() {
    let server = corpus_server();
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(
        page.header("content-type")
            .is_some_and(|t| t.starts_with("text/html"))
    );
    assert!(page.body.starts_with("<!doctype html>"));
    assert!(page.body.contains("id=\"q\"") && page.body.contains("/assets/search.js"));
    let policy = page.header("content-security-policy").expect("CSP");
    assert!(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"));
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    // The article page is the same static page for any id.
    let article = server.get("/article?id=rferl%2Fkazakhstan-oral-protester-will-not-stop.html");
    let other = server.get("/article?id=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assert_eq!(article.status, 200);
    assert_eq!(article.body, other.body);
    assert!(!article.body.contains("Zhalpaqtal") && !other.body.contains("alert(1)"));
    for (path, kind) in [
        ("/assets/app.css", "text/css"),
        ("/assets/common.js", "text/javascript"),
        ("/assets/search.js", "text/javascript"),
        ("/assets/article.js", "text/javascript"),
    ] {
        let asset = server.get(path);
        assert_eq!(asset.status, 200, "{path}");
        assert!(
            asset
                .header("content-type")
                .is_some_and(|t| t.starts_with(kind)),
            "{path}"
        );
        // Page text is only ever inserted as text.
        for sink in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
        ] {
            assert!(!asset.body.contains(sink), "{path} uses {sink}");
        }
    }
}

const SCRIPT_TITLE: &str = "<script>alert(1)</script> Harbour reopens";

#[test]
fn markup_in_a_page_comes_back_as_plain_text() {
    let corpus = tempfile::tempdir().unwrap();
    let page = r#"<html lang="en"><head>
<title>&lt;script&gt;alert(1)&lt;/script&gt; Harbour reopens | Coast Times</title>
<meta property="og:title" content="&lt;script&gt;alert(1)&lt;/script&gt; Harbour reopens">
<meta name="description" content="&lt;img src=x onerror=alert(2)&gt; the ferry is back">
</head>
<body><article><h1>&lt;script&gt;alert(1)&lt;/script&gt; Harbour reopens</h1>
<p>KELSO BAY, Norway -- The harbour reopened on Tuesday after a week-long storm kept the
fishing fleet in port. &lt;img src=x onerror=alert(3)&gt; was written on a sign by the quay.</p>
<p>Harbour master Ingrid Solberg said crews had cleared debris from the channel and checked
every mooring before the first boats were allowed out of the harbour again.</p>
</article></body></html>"#;
    std::fs::write(corpus.path().join("storm.html"), page).unwrap();
    let index = tempfile::tempdir().unwrap();
    common::build_index(corpus.path(), index.path());
    let server = Server::start(index.path());

    let found = server.json("/api/search?q=harbour");
    assert_eq!(found["total"], 1);
    let hit = &found["hits"][0];
    assert_hit_shape(hit);
    assert_eq!(hit["title"], SCRIPT_TITLE, "{hit}");
    assert!(
        hit["snippets"][0]["text"]
            .as_str()
            .is_some_and(|t| t.contains("<img src=x onerror=alert(3)>")),
        "{hit}"
    );
    // The raw answer is JSON (the markup sits inside a JSON string), never HTML.
    let raw = server.get("/api/search?q=harbour");
    assert!(
        raw.header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    assert!(
        raw.body
            .contains("\"title\":\"<script>alert(1)</script> Harbour reopens\"")
    );
    let article = server.json("/api/article?id=storm.html");
    assert_eq!(article["title"], SCRIPT_TITLE);

    // No page text is put into HTML on the server.
    for path in ["/", "/?q=harbour", "/article?id=storm.html"] {
        let html = server.get(path);
        assert_eq!(html.status, 200);
        for text in ["alert(", "Harbour", "onerror"] {
            assert!(!html.body.contains(text), "{path} embeds {text}");
        }
    }
}

#[test]
fn a_running_server_sees_what_a_new_index_run_added() {
    let corpus = tempfile::tempdir().expect("temp dir");
    let index = tempfile::tempdir().expect("temp dir");
    let source = common::corpus_dir();
    let copy = |rel: &str| {
        let to = corpus.path().join(rel.replace('/', "_"));
        std::fs::copy(source.join(rel), to).expect("copy a corpus page");
    };
    let index_run = || common::build_index(corpus.path(), index.path());
    copy("wire/almaty-shopkeepers-count-losses.html");
    index_run();
    let server = Server::start(index.path());
    assert_eq!(server.json("/api/search?q=Zhalpaqtal")["total"], 0);

    copy("rferl/kazakhstan-oral-protester-will-not-stop.html");
    index_run();
    // The server looks for new commits at most once a second.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let body = server.json("/api/search?q=Zhalpaqtal");
        if body["total"] == 1 {
            assert_eq!(
                body["hits"][0]["id"],
                "rferl_kazakhstan-oral-protester-will-not-stop.html"
            );
            break;
        }
        assert!(Instant::now() < deadline, "new page not seen: {body}");
        std::thread::sleep(Duration::from_millis(300));
    }
}

#[test]
fn pages_from_a_web_archive_are_served_by_their_record_ids() {
    let corpus = tempfile::tempdir().unwrap();
    let page = b"<html><head><title>Harbour reopens</title></head><body><article><p>KELSO BAY, Norway -- The harbour reopened on Tuesday after a week-long storm kept the fishing fleet in port.</p></article></body></html>";
    let mut warc = common::Warc::default();
    warc.response(
        "https://coast.example/harbour",
        "2019-11-19T12:00:00Z",
        "200 OK\r\nContent-Type: text/html",
        page,
    );
    std::fs::write(
        corpus.path().join("crawl.warc.gz"),
        warc.bytes(common::Gzip::PerRecord),
    )
    .unwrap();
    let index = tempfile::tempdir().unwrap();
    common::build_index(corpus.path(), index.path());
    let server = Server::start(index.path());

    let found = server.json("/api/search?q=harbour&captured_since=2019-11-19");
    assert_eq!(found["total"], 1);
    let hit = &found["hits"][0];
    assert_eq!(hit["id"], "crawl.warc.gz#0");
    assert_eq!(hit["captured"], "2019-11-19T12:00:00+00:00");
    assert_eq!(
        server.json("/api/search?q=harbour&captured_until=2019-11-18")["total"],
        0
    );
    let article = server.json(&format!("/api/article?id={}", enc("crawl.warc.gz#0")));
    assert_eq!(article["title"], "Harbour reopens");
    assert_eq!(article["url"], "https://coast.example/harbour");
    assert_eq!(
        server
            .get(&format!("/article?id={}", enc("crawl.warc.gz#0")))
            .status,
        200
    );
}
