//! A bounded HTTP load test of `dateline serve`, on loopback only.
//!
//! `cargo run --release --example load -- --addr 127.0.0.1:PORT [--clients 32] [--seconds 60]
//!  [--ids FILE]`
//!
//! Each client thread sends a mix of requests (searches with and without filters, places,
//! timelines, articles, the search page) one after the other for the given time, then
//! the run prints requests per second, p50/p99/max latency and the failed requests (a
//! connection error or any status other than 200). Exit code 1 when any request failed.
//! `--ids FILE` (one article id per line) gives the ids `/api/article` asks for.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

struct Args {
    addr: SocketAddr,
    clients: usize,
    seconds: u64,
    ids: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut addr = None;
    let mut clients = 32;
    let mut seconds = 60;
    let mut ids = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--addr" => addr = Some(value()?.parse().map_err(|e| format!("--addr: {e}"))?),
            "--clients" => clients = value()?.parse().map_err(|e| format!("--clients: {e}"))?,
            "--seconds" => seconds = value()?.parse().map_err(|e| format!("--seconds: {e}"))?,
            "--ids" => {
                let path = value()?;
                let text =
                    std::fs::read_to_string(&path).map_err(|e| format!("--ids {path}: {e}"))?;
                ids = text.lines().map(str::to_string).collect();
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let addr: SocketAddr = addr.ok_or("--addr HOST:PORT is required")?;
    if !addr.ip().is_loopback() {
        return Err(format!(
            "--addr {addr}: this load test only targets loopback addresses"
        ));
    }
    if ids.is_empty() {
        ids.push("missing".into());
    }
    Ok(Args {
        addr,
        clients: clients.clamp(1, 256),
        seconds: seconds.clamp(1, 600),
        ids,
    })
}

/// The n-th request of a client: a fixed mix, most of them searches.
fn request_path(n: usize, ids: &[String]) -> String {
    const WORDS: &[&str] = &[
        "protest",
        "market",
        "election",
        "glacier",
        "saxophone",
        "police",
        "oil",
        "court",
    ];
    let word = WORDS[n % WORDS.len()];
    match n % 10 {
        0..=3 => format!("/api/search?q={word}&limit=10"),
        4 => format!("/api/search?q=%22{word}%22&sort=newest&since=2000-01-01"),
        5 => format!("/api/search?q={word}&place=Kazakhstan"),
        6 => format!("/api/places?q={word}"),
        7 => format!("/api/timeline?q={word}&by=year"),
        8 => format!("/api/article?id={}", encode(&ids[n / 10 % ids.len()])),
        _ => "/".to_string(),
    }
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// One GET on a new connection; the status code, or what went wrong.
fn get(addr: SocketAddr, path: &str) -> Result<u16, String> {
    let mut stream =
        TcpStream::connect_timeout(&addr, Duration::from_secs(5)).map_err(|e| e.to_string())?;
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .map_err(|e| e.to_string())?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut response = Vec::new();
    stream
        .read_to_end(&mut response)
        .map_err(|e| e.to_string())?;
    let head = String::from_utf8_lossy(&response[..response.len().min(64)]).into_owned();
    head.split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| format!("no status line in {head:?}"))
}

#[derive(Default)]
struct ClientResult {
    latencies: Vec<Duration>,
    failures: Vec<String>,
}

fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("load: {e}");
            std::process::exit(2);
        }
    };
    let until = Instant::now() + Duration::from_secs(args.seconds);
    let started = Instant::now();
    let results: Vec<ClientResult> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..args.clients)
            .map(|client| {
                let args = &args;
                scope.spawn(move || {
                    let mut result = ClientResult::default();
                    let mut n = client * 7;
                    while Instant::now() < until {
                        let path = request_path(n, &args.ids);
                        let t = Instant::now();
                        match get(args.addr, &path) {
                            Ok(200) => {}
                            Ok(code) => result.failures.push(format!("{path}: HTTP {code}")),
                            Err(e) => result.failures.push(format!("{path}: {e}")),
                        }
                        result.latencies.push(t.elapsed());
                        n += 1;
                    }
                    result
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let mut latencies: Vec<Duration> = results.iter().flat_map(|r| r.latencies.clone()).collect();
    let failures: Vec<&String> = results.iter().flat_map(|r| &r.failures).collect();
    latencies.sort();
    let pick = |q: f64| {
        latencies
            .get(((latencies.len() as f64 - 1.0) * q).round() as usize)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "clients {}  seconds {:.1}  requests {}  failed {}  req/s {:.0}  p50 {:.1} ms  p99 {:.1} ms  max {:.1} ms",
        args.clients,
        elapsed,
        latencies.len(),
        failures.len(),
        latencies.len() as f64 / elapsed,
        pick(0.5),
        pick(0.99),
        pick(1.0)
    );
    for failure in failures.iter().take(10) {
        eprintln!("failed: {failure}");
    }
    if !failures.is_empty() {
        std::process::exit(1);
    }
}
