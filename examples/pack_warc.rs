//! Packs a folder of saved pages into one `.warc.gz` as crawlers write it (one gzip
//! member per record; a `request` and a `response` record per page, every third response
//! sent with gzip content-encoding), for benchmarking dateline's WARC reading against the
//! same pages as files (`bench/warc`).
//!
//! ```sh
//! cargo run --release --example pack_warc -- PAGES_DIR OUT.warc.gz
//! ```

use std::io::Write;
use std::path::Path;

fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes)?;
    enc.finish()
}

fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2019-11-19T12:00:00Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, pages, out] = &args[..] else {
        eprintln!("usage: pack_warc PAGES_DIR OUT.warc.gz");
        std::process::exit(2);
    };
    let root = Path::new(pages);
    let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
    let (mut count, mut payload) = (0usize, 0u64);
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry?;
        if !entry.file_type().is_file() || !dateline::corpus::is_page(entry.path()) {
            continue;
        }
        let body = std::fs::read(entry.path())?;
        let rel = dateline::corpus::relative_id(root, entry.path());
        let uri = format!("https://archive.example/{rel}");
        let request = format!("GET /{rel} HTTP/1.1\r\nHost: archive.example\r\n\r\n");
        file.write_all(&gzip(&record(
            "request",
            &uri,
            "application/http; msgtype=request",
            request.as_bytes(),
        ))?)?;
        let (encoded, encoding) = if count % 3 == 0 {
            (gzip(&body)?, "Content-Encoding: gzip\r\n")
        } else {
            (body.clone(), "")
        };
        let mut http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n{encoding}Content-Length: {}\r\n\r\n",
            encoded.len()
        )
        .into_bytes();
        http.extend_from_slice(&encoded);
        file.write_all(&gzip(&record(
            "response",
            &uri,
            "application/http; msgtype=response",
            &http,
        ))?)?;
        count += 1;
        payload += body.len() as u64;
    }
    file.flush()?;
    println!(
        "{count} pages, {:.1} MB of pages, into {out}",
        payload as f64 / 1e6
    );
    Ok(())
}
