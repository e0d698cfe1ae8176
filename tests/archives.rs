//! Web archives as a user indexes them: WARC files written here record by record (plain,
//! gzipped per record or whole, CRLF or LF headers) become articles with ids that lead
//! back to their bytes, capture dates and filters; what holds no page is counted, and a
//! damaged archive keeps what came before the damage.

mod common;

use std::path::Path;

use common::{Gzip, Warc, dateline};
use serde_json::Value;

const LIMA: &str = "<html><head><title>Floods hit Lima</title></head><body><article><p>LIMA, Peru -- Heavy rains swelled the Rimac river on Sunday, flooding homes across the capital.</p><p>Officials said the water rose faster than in any year since records began.</p></article></body></html>";
const ORAL: &str = "<html><head><title>Протест в Уральске</title></head><body><article><p>Протестующие в Уральске требовали отставки правительства. Полиция задержала десятки человек на центральной площади города.</p></article></body></html>";

/// A crawl as Heritrix or Browsertrix write one: warcinfo, a request, the Lima page, an
/// image, a redirect, a Russian page in windows-1251 (named only by the HTTP header)
/// sent chunked and gzipped, and a revisit of the Lima page a day later.
fn crawl() -> Warc {
    let mut warc = Warc::default();
    warc.record(
        "warcinfo",
        "",
        "2019-11-19T12:00:00Z",
        "application/warc-fields",
        &[],
        b"software: test\r\n",
    );
    warc.record(
        "request",
        "https://news.example/lima",
        "2019-11-19T12:00:00Z",
        "application/http; msgtype=request",
        &[],
        b"GET /lima HTTP/1.1\r\nHost: news.example\r\n\r\n",
    );
    let mut lima = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
    lima.extend_from_slice(LIMA.as_bytes());
    warc.record(
        "response",
        "https://news.example/lima",
        "2019-11-19T12:00:01Z",
        "application/http; msgtype=response",
        &[("WARC-Payload-Digest", "sha1:LIMAPAGE")],
        &lima,
    );
    warc.response(
        "https://news.example/logo.png",
        "2019-11-19T12:00:02Z",
        "200 OK\r\nContent-Type: image/png",
        b"\x89PNG\r\n",
    );
    warc.response(
        "https://news.example/old",
        "2019-11-19T12:00:03Z",
        "301 Moved Permanently\r\nLocation: /lima",
        b"",
    );
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(ORAL);
    let packed = common::gzipped(&cp1251);
    let mut chunked = Vec::new();
    for part in packed.chunks(40) {
        chunked.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    warc.response(
        "https://news.example/oral",
        "2019-11-19T12:00:04Z",
        "200 OK\r\nContent-Type: text/html; charset=windows-1251\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip",
        &chunked,
    );
    warc.record(
        "revisit",
        "https://news.example/lima",
        "2019-11-20T08:00:00Z",
        "application/http; msgtype=response",
        &[
            ("WARC-Payload-Digest", "sha1:LIMAPAGE"),
            ("WARC-Refers-To-Target-URI", "https://news.example/lima"),
            (
                "WARC-Profile",
                "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
            ),
        ],
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
    );
    warc
}

fn index(corpus: &Path, index: &Path) -> (i32, String, String) {
    let out = dateline()
        .arg("index")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn run(index: &Path, args: &[&str]) -> (i32, String) {
    let out = dateline()
        .args(args)
        .arg("--index")
        .arg(index)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn hits(index: &Path, query: &[&str]) -> Vec<Value> {
    let mut args = vec!["query"];
    args.extend_from_slice(query);
    args.extend(["--format", "json"]);
    let (_, out) = run(index, &args);
    let json: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    json["hits"].as_array().unwrap().clone()
}

fn write_archive(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_gzipped_crawl_becomes_articles_with_ids_urls_and_capture_dates() {
    let corpus = tempfile::tempdir().unwrap();
    let idx = tempfile::tempdir().unwrap();
    let warc = crawl();
    write_archive(corpus.path(), "crawl.warc.gz", &warc.bytes(Gzip::PerRecord));
    let offsets = warc.offsets(Gzip::PerRecord);

    let (code, out, err) = index(corpus.path(), idx.path());
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("added 2,"), "{out}");
    assert!(out.contains("web archives: 1 read"), "{out}");
    assert!(out.contains("2 requests and metadata"), "{out}");
    assert!(out.contains("1 not HTML"), "{out}");
    assert!(out.contains("1 HTTP status not 2xx"), "{out}");
    assert!(
        out.contains("repeated captures joined to their first: 1"),
        "{out}"
    );

    let lima = hits(idx.path(), &["Rimac"]);
    assert_eq!(lima.len(), 1, "the revisit is no second hit");
    let id = format!("crawl.warc.gz#{}", offsets[2]);
    assert_eq!(lima[0]["id"], id.as_str());
    assert_eq!(lima[0]["url"], "https://news.example/lima");
    assert_eq!(lima[0]["captured"], "2019-11-19T12:00:01+00:00");

    // The Russian page: charset from the HTTP header, chunked and gzip undone.
    let oral = hits(idx.path(), &["Уральске"]);
    assert_eq!(oral.len(), 1);
    assert_eq!(
        oral[0]["id"],
        format!("crawl.warc.gz#{}", offsets[5]).as_str()
    );
    assert_eq!(oral[0]["title"], "Протест в Уральске");

    let (code, shown) = run(idx.path(), &["show", &id, "--format", "json"]);
    assert_eq!(code, 0);
    let article: Value = serde_json::from_str(&shown).unwrap();
    let captures: Vec<&str> = article["captures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert_eq!(captures.len(), 2, "{captures:?}");
    assert!(
        captures[1].starts_with("2019-11-20T08:00:00"),
        "{captures:?}"
    );

    let (code, raw) = run(idx.path(), &["show", &id, "--raw"]);
    assert_eq!(code, 0);
    assert_eq!(raw, LIMA, "--raw gives the payload as sent");

    let (_, text) = run(idx.path(), &["show", &id]);
    assert!(text.contains("captured 2019-11-19"), "{text}");
}

#[test]
fn plain_lf_only_and_whole_file_gzip_archives_read_the_same() {
    for (name, gzip, lf) in [
        ("plain.warc", Gzip::None, false),
        ("lf.warc", Gzip::None, true),
        ("whole.warc.gz", Gzip::Whole, false),
    ] {
        let corpus = tempfile::tempdir().unwrap();
        let idx = tempfile::tempdir().unwrap();
        let warc = if lf { crawl().lf_only() } else { crawl() };
        write_archive(corpus.path(), name, &warc.bytes(gzip));
        let (code, out, err) = index(corpus.path(), idx.path());
        assert_eq!(code, 0, "{name}: {err}");
        assert!(out.starts_with("added 2,"), "{name}: {out}");
        let oral = hits(idx.path(), &["Уральске"]);
        let id = format!("{name}#{}", warc.offsets(gzip)[5]);
        assert_eq!(oral[0]["id"], id.as_str(), "{name}");
        let raw = dateline()
            .args(["show", &id, "--raw", "--index"])
            .arg(idx.path())
            .output()
            .unwrap();
        assert!(raw.status.success(), "{name}");
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(ORAL);
        assert_eq!(raw.stdout, &cp1251[..], "{name}: the page's own bytes");
    }
}

#[test]
fn capture_dates_filter_and_an_unknown_record_id_is_not_found() {
    let corpus = tempfile::tempdir().unwrap();
    let idx = tempfile::tempdir().unwrap();
    write_archive(
        corpus.path(),
        "crawl.warc.gz",
        &crawl().bytes(Gzip::PerRecord),
    );
    index(corpus.path(), idx.path());
    let count = |args: &[&str]| {
        let mut all = vec!["query", "*", "--count"];
        all.extend_from_slice(args);
        run(idx.path(), &all).1.trim().to_string()
    };
    assert_eq!(count(&[]), "2");
    // Lima was captured again on the 20th; the Russian page only on the 19th.
    assert_eq!(count(&["--captured-since", "2019-11-20"]), "1");
    assert_eq!(count(&["--captured-until", "2019-11-19"]), "2");
    assert_eq!(count(&["--captured-since", "2019-12-01"]), "0");
    let (code, _) = run(idx.path(), &["show", "crawl.warc.gz#999999"]);
    assert_eq!(code, 1);
}

#[test]
fn a_cut_archive_keeps_the_records_before_the_cut_and_says_where() {
    let corpus = tempfile::tempdir().unwrap();
    let idx = tempfile::tempdir().unwrap();
    let warc = crawl();
    let offsets = warc.offsets(Gzip::None);
    let bytes = warc.bytes(Gzip::None);
    // Cut inside the Russian page's record: Lima stands, the rest is named.
    let cut = (offsets[5] + 200) as usize;
    write_archive(corpus.path(), "cut.warc", &bytes[..cut]);
    write_archive(
        corpus.path(),
        "page.html",
        LIMA.replace("Lima", "Cusco").as_bytes(),
    );
    let (code, out, err) = index(corpus.path(), idx.path());
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("added 2,"), "{out}");
    assert!(
        err.contains("cut.warc") && err.contains(&format!("offset {}", offsets[5])),
        "{err}"
    );
    assert!(err.contains("cut off"), "{err}");
    let lima = hits(idx.path(), &["title:Lima"]);
    assert_eq!(lima.len(), 1);
    assert_eq!(lima[0]["id"], format!("cut.warc#{}", offsets[2]).as_str());

    // Damage in the middle of a gzipped crawl: the records after it are read too.
    let warc = crawl();
    let members: Vec<Vec<u8>> = {
        let offsets = warc.offsets(Gzip::PerRecord);
        let bytes = warc.bytes(Gzip::PerRecord);
        let mut ends = offsets[1..].to_vec();
        ends.push(bytes.len() as u64);
        offsets
            .iter()
            .zip(ends)
            .map(|(&s, e)| bytes[s as usize..e as usize].to_vec())
            .collect()
    };
    let mut damaged = members.clone();
    let half = damaged[2].len() / 2;
    damaged[2].truncate(half); // the Lima page, cut inside its gzip member
    write_archive(corpus.path(), "damaged.warc.gz", &damaged.concat());
    let (code, _, err) = index(corpus.path(), idx.path());
    assert_eq!(code, 0);
    assert!(err.contains("damaged.warc.gz"), "{err}");
    let oral = hits(idx.path(), &["Уральске"]);
    assert!(
        oral.iter()
            .any(|h| h["id"].as_str().unwrap().starts_with("damaged.warc.gz#")),
        "the page after the damage is indexed: {oral:?}"
    );
    std::fs::remove_file(corpus.path().join("damaged.warc.gz")).unwrap();

    // A file named .warc that is not one is named, and the run goes on.
    write_archive(
        corpus.path(),
        "notes.warc",
        b"<html><p>not an archive</p></html>",
    );
    let (code, _, err) = index(corpus.path(), idx.path());
    assert_eq!(code, 0);
    assert!(
        err.contains("notes.warc") && err.contains("not a WARC file"),
        "{err}"
    );
}

#[test]
fn an_archive_read_in_full_is_left_alone_until_it_changes() {
    let corpus = tempfile::tempdir().unwrap();
    let idx = tempfile::tempdir().unwrap();
    let mut warc = crawl();
    write_archive(corpus.path(), "crawl.warc.gz", &warc.bytes(Gzip::PerRecord));
    index(corpus.path(), idx.path());

    let (_, out, _) = index(corpus.path(), idx.path());
    assert!(
        out.starts_with("added 0, updated 0, removed 0, unchanged 2,"),
        "{out}"
    );
    assert!(out.contains("0 read, 1 unchanged"), "{out}");

    // The crawl goes on: a new page appended, the old records as they were.
    warc.response(
        "https://news.example/quito",
        "2019-11-21T09:00:00Z",
        "200 OK\r\nContent-Type: text/html",
        LIMA.replace("Lima", "Quito")
            .replace("Rimac", "Machangara")
            .as_bytes(),
    );
    std::thread::sleep(std::time::Duration::from_millis(20));
    write_archive(corpus.path(), "crawl.warc.gz", &warc.bytes(Gzip::PerRecord));
    let (_, out, _) = index(corpus.path(), idx.path());
    assert!(
        out.starts_with("added 1, updated 0, removed 0, unchanged 2,"),
        "{out}"
    );
    assert!(
        out.contains("1 read (1 grown, read on from where the last run ended)"),
        "{out}"
    );
    assert_eq!(hits(idx.path(), &["Machangara"]).len(), 1);
    // The recapture's date survived the re-read.
    let lima = hits(idx.path(), &["Rimac"]);
    let (_, shown) = run(
        idx.path(),
        &["show", lima[0]["id"].as_str().unwrap(), "--format", "json"],
    );
    let article: Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(
        article["captures"].as_array().map(Vec::len),
        Some(2),
        "{shown}"
    );

    // Rewritten rather than grown (a word of the first page changed, the file longer):
    // read again from the start. The name stays: gzip is told by the bytes.
    warc.response(
        "https://news.example/cusco",
        "2019-11-22T09:00:00Z",
        "200 OK\r\nContent-Type: text/html",
        LIMA.replace("Lima", "Cusco").as_bytes(),
    );
    let mut bytes = warc.bytes(Gzip::None);
    let at = bytes.windows(5).position(|w| w == b"Rimac").unwrap();
    bytes[at..at + 5].copy_from_slice(b"Amazo");
    std::thread::sleep(std::time::Duration::from_millis(20));
    write_archive(corpus.path(), "crawl.warc.gz", &bytes);
    let (_, out, _) = index(corpus.path(), idx.path());
    assert!(out.contains("web archives: 1 read, 0 unchanged"), "{out}");
    assert_eq!(hits(idx.path(), &["Amazo"]).len(), 1);
    assert_eq!(hits(idx.path(), &["Machangara"]).len(), 1);

    // Gone from the corpus: its articles go too.
    std::fs::remove_file(corpus.path().join("crawl.warc.gz")).unwrap();
    write_archive(corpus.path(), "other.html", LIMA.as_bytes());
    let (_, out, _) = index(corpus.path(), idx.path());
    assert!(out.contains("removed 4,"), "{out}");
    assert_eq!(hits(idx.path(), &["Machangara"]).len(), 0);
}

#[test]
fn a_wacz_is_read_through_the_warcs_it_stores() {
    let corpus = tempfile::tempdir().unwrap();
    let idx = tempfile::tempdir().unwrap();
    let warc = crawl();
    write_archive(
        corpus.path(),
        "site.wacz",
        &common::wacz(&warc.bytes(Gzip::PerRecord), false),
    );
    let (code, out, err) = index(corpus.path(), idx.path());
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("added 2,"), "{out}");
    let lima = hits(idx.path(), &["Rimac"]);
    let id = format!(
        "site.wacz/archive/data.warc.gz#{}",
        warc.offsets(Gzip::PerRecord)[2]
    );
    assert_eq!(lima[0]["id"], id.as_str());
    let (code, raw) = run(idx.path(), &["show", &id, "--raw"]);
    assert_eq!(code, 0);
    assert_eq!(raw, LIMA);
    let (_, out, _) = index(corpus.path(), idx.path());
    assert!(out.contains("0 read, 1 unchanged"), "{out}");
}

#[test]
fn a_wacz_whose_warc_is_compressed_in_the_zip_is_named() {
    let corpus = tempfile::tempdir().unwrap();
    let idx = tempfile::tempdir().unwrap();
    write_archive(
        corpus.path(),
        "packed.wacz",
        &common::wacz(&crawl().bytes(Gzip::PerRecord), true),
    );
    write_archive(corpus.path(), "broken.wacz", b"PK\x03\x04 not really a zip");
    write_archive(corpus.path(), "page.html", LIMA.as_bytes());
    let (code, out, err) = index(corpus.path(), idx.path());
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("added 1,"), "{out}");
    assert!(
        err.contains("packed.wacz")
            && err.contains("archive/data.warc.gz is compressed inside the ZIP"),
        "{err}"
    );
    assert!(
        err.contains("broken.wacz") && err.contains("not a readable WACZ"),
        "{err}"
    );
}

#[test]
fn an_mhtml_page_saved_by_a_browser_is_an_article_with_its_url_and_save_date() {
    let corpus = tempfile::tempdir().unwrap();
    let idx = tempfile::tempdir().unwrap();
    let page = LIMA.replace('=', "=3D");
    let mhtml = format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/lima\r\nSubject: Floods hit Lima\r\nDate: Wed, 20 Nov 2019 09:30:00 -0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--x----\"\r\n\r\n------MultipartBoundary--x----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.example/lima\r\n\r\n{page}\r\n------MultipartBoundary--x----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--x------\r\n"
    );
    write_archive(corpus.path(), "saved/lima.mhtml", mhtml.as_bytes());
    let (code, out, err) = index(corpus.path(), idx.path());
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("added 1,"), "{out}");
    let lima = hits(idx.path(), &["Rimac"]);
    assert_eq!(lima[0]["id"], "saved/lima.mhtml");
    assert_eq!(lima[0]["title"], "Floods hit Lima");
    assert_eq!(lima[0]["url"], "https://news.example/lima");
    assert_eq!(lima[0]["captured"], "2019-11-20T09:30:00+00:00");
    let (_, found) = run(idx.path(), &["query", "iVBORw0KGgo", "--count"]);
    assert_eq!(found.trim(), "0", "the image part is not text");
}

#[test]
fn a_wacz_page_list_names_pages_that_lack_a_headline() {
    let corpus = tempfile::tempdir().unwrap();
    let idx = tempfile::tempdir().unwrap();
    let mut warc = Warc::default();
    warc.response(
        "https://news.example/untitled",
        "2019-11-19T12:00:00Z",
        "200 OK\r\nContent-Type: text/html",
        b"<html><body><article><p>Heavy rains swelled the Rimac river on Sunday, flooding homes across the capital and closing schools.</p></article></body></html>",
    );
    let pages = "{\"id\": \"1\", \"url\": \"https://news.example/untitled\", \"ts\": \"2019-11-19T12:00:00Z\", \"title\": \"Rains flood the capital\"}\n";
    write_archive(
        corpus.path(),
        "site.wacz",
        &common::wacz_with_pages(&warc.bytes(Gzip::PerRecord), false, pages),
    );
    let (code, _, err) = index(corpus.path(), idx.path());
    assert_eq!(code, 0, "{err}");
    let found = hits(idx.path(), &["Rimac"]);
    assert_eq!(found[0]["title"], "Rains flood the capital");
}

#[test]
fn a_singlefile_page_gives_its_url_and_save_date() {
    let corpus = tempfile::tempdir().unwrap();
    let idx = tempfile::tempdir().unwrap();
    let page = LIMA.replacen(
        "<html>",
        "<!DOCTYPE html> <html><!--\n Page saved with SingleFile \n url: https://news.example/lima \n saved date: Tue Nov 19 2019 12:00:00 GMT+0100 (Central European Standard Time)\n-->",
        1,
    );
    write_archive(corpus.path(), "saved.html", page.as_bytes());
    let (code, _, err) = index(corpus.path(), idx.path());
    assert_eq!(code, 0, "{err}");
    let found = hits(idx.path(), &["Rimac"]);
    assert_eq!(found[0]["url"], "https://news.example/lima");
    assert_eq!(found[0]["captured"], "2019-11-19T12:00:00+01:00");
}
