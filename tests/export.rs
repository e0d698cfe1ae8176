//! `dateline export`: the whole result set, one article at a time, in JSON Lines or CSV.

mod common;

use std::collections::BTreeSet;

use common::{article, hits, ids, run_on_corpus};

fn export(args: &[&str]) -> (i32, String) {
    let (code, stdout, _) = run_on_corpus("export", args);
    (code, stdout)
}

fn exported_ids(stdout: &str) -> BTreeSet<String> {
    stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["id"].as_str().unwrap_or_default().to_string()
        })
        .collect()
}

#[test]
fn export_streams_every_article_with_its_full_record() {
    let (code, stdout) = export(&[]);
    assert_eq!(code, 0);
    let all = exported_ids(&stdout);
    let (_, count, _) = common::query(&["*", "--count"]);
    assert_eq!(all.len(), count.trim().parse::<usize>().unwrap());
    // Each line is the article as `show` gives it, text and places included.
    let first: serde_json::Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    let id = first["id"].as_str().unwrap();
    let shown = article(id);
    assert_eq!(first["text"], shown["text"]);
    assert_eq!(first["places"], shown["places"]);
    assert!(first["mentions"].is_array());
}

#[test]
fn export_takes_the_query_and_filters_of_query() {
    let (code, stdout) = export(&["grain", "--place", "Ukraine"]);
    assert_eq!(code, 0);
    let exported = exported_ids(&stdout);
    let found: BTreeSet<String> = ids(&hits(&[
        "grain",
        "--place",
        "Ukraine",
        "--all-copies",
        "--limit",
        "100",
    ]))
    .into_iter()
    .collect();
    assert!(!exported.is_empty());
    assert_eq!(exported, found);
    let (code, stdout) = export(&["nosuchwordanywhere"]);
    assert_eq!((code, stdout.as_str()), (1, ""));
}

#[test]
fn export_as_csv_has_the_metadata_columns_and_the_text() {
    let (code, stdout) = export(&["Zhanaozen", "--format", "csv"]);
    assert_eq!(code, 0);
    let mut rows = csv::Reader::from_reader(stdout.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header.first().map(String::as_str), Some("id"));
    assert_eq!(header.last().map(String::as_str), Some("text"));
    let records: Vec<csv::StringRecord> = rows.records().map(|r| r.unwrap()).collect();
    assert_eq!(records.len(), 3, "{stdout}");
    let text = header.iter().position(|h| h == "text").unwrap();
    assert!(records.iter().all(|r| r[text].contains("Zhanaozen")));
}
