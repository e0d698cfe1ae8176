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

/// The golden mapping files under tests/golden: a change to the document shape must be a
/// change to them too.
fn golden(name: &str) -> serde_json::Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_mappings_are_the_golden_ones() {
    for (engine, file) in [
        ("opensearch", "opensearch-mapping.json"),
        ("solr", "solr-schema.json"),
    ] {
        let (code, out) = export(&["--mapping", engine]);
        assert_eq!(code, 0);
        let printed: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(printed, golden(file), "{engine}");
    }
}

#[test]
fn an_opensearch_bulk_body_parses_back_and_keeps_the_place_semantics() {
    let (code, out) = export(&["--format", "opensearch", "--index-name", "news"]);
    assert_eq!(code, 0);
    assert!(out.ends_with('\n'), "a bulk body ends with a newline");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(lines.len() % 2, 0);
    let mapping = golden("opensearch-mapping.json");
    let properties = mapping["mappings"]["properties"].as_object().unwrap();
    let mut about_kazakhstan = 0;
    for pair in lines.chunks(2) {
        let (action, doc) = (&pair[0], &pair[1]);
        assert_eq!(action["index"]["_index"], "news");
        assert_eq!(action["index"]["_id"], doc["id"]);
        // Every field is one the strict mapping knows.
        for key in doc.as_object().unwrap().keys() {
            assert!(properties.contains_key(key), "{key} is not in the mapping");
        }
        // The document says what `show` says.
        let shown = article(doc["id"].as_str().unwrap());
        for field in [
            "title",
            "text",
            "published",
            "authors",
            "site",
            "url",
            "lang",
        ] {
            assert_eq!(doc[field], shown[field], "{field} of {}", doc["id"]);
        }
        if doc["place_ids"]
            .as_array()
            .unwrap()
            .iter()
            .any(|id| id == 1522867)
        {
            about_kazakhstan += 1;
        }
    }
    assert_eq!(lines.len() / 2, exported_ids(&export(&[]).1).len());
    // A term filter on place_ids is `--place Kazakhstan` (a place or any place in it).
    let (_, count, _) = run_on_corpus("query", &["*", "--place", "Kazakhstan", "--count"]);
    assert_eq!(about_kazakhstan.to_string(), count.trim());
}

#[test]
fn solr_documents_are_one_json_array_of_schema_fields() {
    let (code, out) = export(&["oral", "--format", "solr"]);
    assert_eq!(code, 0);
    let docs: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(!docs.is_empty());
    let schema = golden("solr-schema.json");
    let fields: BTreeSet<&str> = schema["add-field"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .chain(["id"])
        .collect();
    for doc in &docs {
        for (key, value) in doc.as_object().unwrap() {
            assert!(fields.contains(key.as_str()), "{key} is not in the schema");
            assert!(!value.is_null(), "{key} is null");
        }
        if let Some(published) = doc["published"].as_str() {
            assert!(published.ends_with('Z'), "Solr dates are UTC: {published}");
        }
    }
    let (code, out) = export(&["zzzzqqqq", "--format", "solr"]);
    assert_eq!((code, out.trim()), (1, "[]"));
}

#[test]
fn fields_pick_and_order_what_an_export_carries() {
    let (code, out) = export(&["oral", "--fields", "title,id,captured"]);
    assert_eq!(code, 0);
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["title", "id", "captured"]);
    }
    let (code, out) = export(&["oral", "--format", "csv", "--fields", "id,published"]);
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["id", "published"]
    );
    assert_eq!(
        reader.records().count(),
        exported_ids(&export(&["oral"]).1).len()
    );
    let (code, _, err) = run_on_corpus("export", &["--fields", "nope"]);
    assert_eq!(code, 2);
    assert!(err.contains("no export field \"nope\""), "{err}");
    let (code, _, _) = run_on_corpus("export", &["--format", "solr", "--fields", "id"]);
    assert_eq!(code, 2);
}
