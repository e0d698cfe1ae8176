//! `dateline kwic` as a researcher uses it: every match in context, phrases as one match,
//! other word forms found, widths kept, CSV and JSON Lines that parse.

mod common;

use common::run_on_corpus;
use serde_json::Value;

fn rows(args: &[&str]) -> Vec<Value> {
    let mut all = args.to_vec();
    all.extend(["--format", "jsonl"]);
    let (code, out, err) = run_on_corpus("kwic", &all);
    assert_eq!(code, 0, "{err}");
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn every_match_comes_with_its_context_and_leads_back_to_the_text() {
    let found = rows(&["protesters", "--width", "40"]);
    assert!(found.len() > 3, "{found:?}");
    for row in &found {
        let word = row["match"].as_str().unwrap().to_lowercase();
        assert!(word.starts_with("protest"), "{row}");
        assert!(row["before"].as_str().unwrap().chars().count() <= 40);
        assert!(row["after"].as_str().unwrap().chars().count() <= 40);
        // The offsets are the match's bytes in the article's text.
        let (_, shown, _) =
            run_on_corpus("show", &[row["id"].as_str().unwrap(), "--format", "json"]);
        let article: Value = serde_json::from_str(&shown).unwrap();
        let text = article["text"].as_str().unwrap();
        let (start, end) = (
            row["start"].as_u64().unwrap() as usize,
            row["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], row["match"].as_str().unwrap());
    }
    // Other word forms are matches too: "protests" for "protesters".
    assert!(found.iter().any(|r| {
        r["match"]
            .as_str()
            .unwrap()
            .eq_ignore_ascii_case("protests")
    }));
}

#[test]
fn a_phrase_is_one_match() {
    let found = rows(&["\"Black Sea\""]);
    assert!(!found.is_empty());
    for row in &found {
        assert_eq!(row["match"], "Black Sea", "{row}");
    }
}

#[test]
fn text_aligns_the_matches_and_csv_parses() {
    let (code, out, _) = run_on_corpus("kwic", &["grain", "--width", "20", "--limit", "5"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5);
    for line in &lines {
        // 20 characters of context, a space, then the match.
        let at: String = line.chars().skip(21).take(5).collect();
        assert!(at.to_lowercase().starts_with("grain"), "{line}");
    }
    let (code, csv_out, _) = run_on_corpus("kwic", &["grain", "--format", "csv"]);
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_reader(csv_out.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "id",
            "published",
            "site",
            "before",
            "match",
            "after",
            "start",
            "end"
        ]
    );
    assert!(reader.records().all(|r| r.is_ok()));
}

#[test]
fn nothing_found_exits_1_and_no_words_is_an_error() {
    let (code, out, _) = run_on_corpus("kwic", &["zyxwvutsrq"]);
    assert_eq!((code, out.as_str()), (1, ""));
    let (code, _, err) = run_on_corpus("kwic", &["*", "--place", "Kazakhstan"]);
    assert_eq!(code, 2);
    assert!(err.contains("kwic needs words"), "{err}");
    // Filters narrow the articles as for query.
    let everywhere = rows(&["protesters"]).len();
    let in_kazakhstan = rows(&["protesters", "--place", "Kazakhstan"]).len();
    assert!(in_kazakhstan > 0 && in_kazakhstan <= everywhere);
}
