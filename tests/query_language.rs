//! The query language as a user types it: several words are one query, field words match
//! any part of URLs, paths and language tags, counts describe the list pages step
//! through, and flags that do not apply are errors.

mod common;

use common::{dateline, hits, ids, query};

#[test]
fn the_words_after_query_are_one_query() {
    let quoted = ids(&hits(&["grain corridor", "--all-copies"]));
    let typed = ids(&hits(&["grain", "corridor", "--all-copies"]));
    assert!(!typed.is_empty());
    assert_eq!(typed, quoted);
    // Flags may come between the words.
    let mixed = ids(&hits(&["grain", "--all-copies", "corridor"]));
    assert_eq!(mixed, quoted);
}

#[test]
fn url_and_path_match_any_part_and_the_whole_value_quoted() {
    let rferl = ids(&hits(&["url:rferl"]));
    assert!(!rferl.is_empty());
    assert!(rferl.iter().all(|id| id.starts_with("rferl/")), "{rferl:?}");
    let wire = ids(&hits(&["path:wire", "--all-copies"]));
    assert!(wire.iter().any(|id| id.starts_with("wire/")), "{wire:?}");
    assert!(wire.iter().all(|id| id.contains("wire")), "{wire:?}");
    let whole = ids(&hits(&[
        "url:\"https://www.rferl.org/a/kyrgyzstan-bishkek-election-annulled/30877001.html\"",
    ]));
    assert_eq!(whole, ["rferl/kyrgyzstan-bishkek-election-annulled.html"]);
    // A prefix on a field is no syntax error, and its error messages never show an
    // internal expansion.
    let (code, stdout, stderr) = query(&["url:https*", "--count"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.trim().parse::<usize>().unwrap() > 0);
    for q in ["url:https* AND (", "title:prot* AND ("] {
        let (code, _, stderr) = query(&[q, "--count"]);
        assert_eq!(code, 2);
        assert!(stderr.contains(&format!("{q:?}: syntax error")), "{stderr}");
        assert!(!stderr.contains(" OR "), "{stderr}");
    }
}

#[test]
fn lang_matches_a_language_and_its_variants_case_insensitively() {
    let langs = |q: &str| -> Vec<String> {
        hits(&[q, "--all-copies", "--limit", "100"])
            .iter()
            .map(|h| h["lang"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    let gb = langs("lang:en-GB");
    assert!(!gb.is_empty());
    assert!(gb.iter().all(|l| l == "en-GB"), "{gb:?}");
    assert_eq!(langs("lang:en-gb"), gb);
    assert_eq!(langs("lang:\"EN-GB\""), gb);
    let en = langs("lang:en");
    assert!(
        en.iter().all(|l| l == "en" || l.starts_with("en-")),
        "{en:?}"
    );
    assert!(en.iter().any(|l| l == "en-GB") && en.iter().any(|l| l == "en-US"));
}

#[test]
fn the_footer_counts_the_list_that_offset_pages_through() {
    let (_, first, _) = query(&["grain", "--limit", "2"]);
    let footer = first.lines().last().unwrap_or_default().to_string();
    // "1-2 of 3 stories (5 matching articles, near-copies folded)"
    let stories: usize = footer
        .split(" of ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("footer {footer:?}"));
    assert!(footer.contains("near-copies folded"), "{footer}");
    // The last page shows the last story; the one after it is empty.
    let offset = (stories - 1).to_string();
    let (_, last, _) = query(&["grain", "--limit", "2", "--offset", &offset]);
    assert!(
        last.lines()
            .last()
            .unwrap_or_default()
            .starts_with(&format!("{stories}-{stories} of {stories} ")),
        "{last}"
    );
    let beyond = stories.to_string();
    let (_, empty, _) = query(&["grain", "--offset", &beyond]);
    assert!(empty.contains("none on this page"), "{empty}");
    // JSON says which count folds copies.
    let (_, json, _) = query(&["grain", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["stories"].as_u64(), Some(stories as u64));
    assert!(v["total"].as_u64().unwrap() > stories as u64);
    let (_, all, _) = query(&["grain", "--format", "json", "--all-copies"]);
    let v: serde_json::Value = serde_json::from_str(&all).unwrap();
    assert!(v["stories"].is_null());
}

#[test]
fn fields_with_the_text_format_is_an_error_naming_the_formats() {
    let (code, _, stderr) = query(&["grain", "--fields", "id,title"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--format json, jsonl or csv"), "{stderr}");
}

#[test]
fn man_prints_each_command_and_writes_them_all() {
    let out = dateline().args(["man", "query"]).output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8_lossy(&out.stdout);
    assert!(page.contains(".TH dateline-query 1"), "{page}");
    assert!(
        page.contains("place") && page.contains("mentions"),
        "{page}"
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dateline()
        .args(["man", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    for name in [
        "dateline.1",
        "dateline-query.1",
        "dateline-index.1",
        "dateline-timeline.1",
    ] {
        assert!(dir.path().join(name).is_file(), "{name} missing");
    }
    let out = dateline().args(["man", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("commands are"));
}

#[test]
fn colour_after_a_marked_headline_word_stays_bold() {
    let (code, stdout, _) = query(&["Uralsk", "--color", "always", "--limit", "1"]);
    assert_eq!(code, 0);
    let title = stdout.lines().next().unwrap_or_default();
    // "1. <bold>... <red>Uralsk<reset><bold> Farmers ..."
    assert!(
        title.contains("\x1b[1;31mUralsk\x1b[0m\x1b[1m"),
        "{title:?}"
    );
}

#[test]
fn any_value_of_a_field_and_unknown_fields_are_query_errors_not_index_errors() {
    for (q, says) in [
        ("A:*", "Field does not exist: 'A'"),
        ("A:/fo.*/", "Field does not exist: 'A'"),
        ("title:*", "title:* (any value) cannot be asked"),
        ("protest AND body:*", "body:* (any value) cannot be asked"),
    ] {
        let (code, _, stderr) = query(&[q]);
        assert_eq!(code, 2, "{q}: {stderr}");
        assert!(
            stderr.contains("invalid query") && stderr.contains(says),
            "{q}: {stderr}"
        );
        assert!(!stderr.contains("index at"), "{q}: {stderr}");
    }
}
