//! `dateline query` on the bundled corpus, checked the way a user would check it.

mod common;

use common::{article, corpus_dir, hits, ids, query};

const ORAL_STORY: &str = "rferl/kazakhstan-oral-protester-will-not-stop.html";

#[test]
fn a_rare_word_finds_its_article_first() {
    let found = ids(&hits(&["Zhalpaqtal"]));
    assert_eq!(found, [ORAL_STORY]);
    let found = ids(&hits(&["Zhanaozen"]));
    assert_eq!(
        found.first().map(String::as_str),
        Some("rferl/zhanaozen-ten-years-after-shootings.html")
    );
    assert_eq!(found.len(), 3, "{found:?}");
}

/// Every row of the corpus manifest's query table: the expected first hit and the
/// expected set of matching pages.
#[test]
fn manifest_queries_return_the_expected_pages() {
    let manifest =
        std::fs::read_to_string(corpus_dir().join("MANIFEST.md")).expect("corpus/MANIFEST.md");
    let table = manifest
        .split("## Test queries")
        .nth(1)
        .expect("query table");
    let mut checked = 0;
    for row in table.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let q = cells[1].trim_matches('`');
        let (first, set) = (cells[3], cells[4]);
        // The manifest counts exact forms; dateline folds diacritics (Perú = Peru).
        if ["Perú", "Peru", "Niño"].contains(&q) {
            continue;
        }
        let expected: Vec<String> = set
            .split(", ")
            .filter(|s| s.starts_with('`'))
            .map(|s| s.trim_matches('`').to_string())
            .collect();
        // The manifest lists exact word forms and every copy.
        let found = ids(&hits(&[q, "--limit", "50", "--exact", "--all-copies"]));
        let mut sorted_found = found.clone();
        sorted_found.sort();
        let mut sorted_expected = expected.clone();
        sorted_expected.sort();
        assert_eq!(sorted_found, sorted_expected, "query {q}");
        if first.starts_with('`') {
            assert_eq!(
                found.first().map(String::as_str),
                Some(first.trim_matches('`')),
                "first hit of {q}"
            );
        }
        checked += 1;
    }
    assert!(checked >= 30, "only {checked} manifest queries checked");
}

#[test]
fn phrase_matches_only_the_phrase() {
    assert_eq!(ids(&hits(&["\"liquefied petroleum gas\""])), [ORAL_STORY]);
    let (code, stdout, _) = query(&["\"gas price\""]);
    assert_eq!(code, 1, "no page has the words in this order: {stdout}");
    assert!(stdout.contains("no articles matched"));
    // Without quotes both words must appear, anywhere.
    assert_eq!(hits(&["gas price"]).len(), 3);
}

#[test]
fn boolean_operators_and_fields() {
    let either = ids(&hits(&["Kiprono OR Bastille"]));
    assert_eq!(either.len(), 2, "{either:?}");
    // "AND NOT" excludes like "-" and "NOT" do.
    let and_not = ids(&hits(&["Zhanaozen AND NOT Zhamaliev"]));
    assert_eq!(and_not.len(), 2, "{and_not:?}");
    assert!(!and_not.contains(&ORAL_STORY.to_string()));
    let not = ids(&hits(&["Zhanaozen -Zhamaliev"]));
    assert!(
        !not.contains(&ORAL_STORY.to_string()) && !not.is_empty(),
        "{not:?}"
    );
    let by_author = ids(&hits(&["author:Seitkali"]));
    assert_eq!(by_author, [ORAL_STORY]);
    let by_title = ids(&hits(&["title:Zhanaozen"]));
    assert_eq!(by_title, ["rferl/zhanaozen-ten-years-after-shootings.html"]);
    let french = ids(&hits(&["lang:fr"]));
    assert_eq!(french, ["fr/accord-de-paris-climat-adopte.html"]);
    let prefix = ids(&hits(&["Zhamali*"]));
    assert_eq!(prefix, [ORAL_STORY]);
    let by_site = hits(&["site:\"Global Wire Service\"", "--limit", "50"]);
    assert!(by_site.len() >= 5 && by_site.iter().all(|h| h["site"] == "Global Wire Service"));
}

#[test]
fn date_filters_and_sorting_hold() {
    let found = hits(&[
        "*",
        "--since",
        "2022-01-01",
        "--until",
        "2022-12-31",
        "--limit",
        "50",
    ]);
    assert!(found.len() >= 5, "{found:?}");
    for h in &found {
        let date = h["published"].as_str().expect("filtered hits have a date");
        assert!(date.starts_with("2022"), "{} published {date}", h["id"]);
    }
    let newest = hits(&["*", "--sort", "newest", "--limit", "50"]);
    let instants: Vec<chrono::DateTime<chrono::FixedOffset>> = newest
        .iter()
        .filter_map(|h| h["published"].as_str())
        .map(|d| chrono::DateTime::parse_from_rfc3339(d).expect("RFC 3339"))
        .collect();
    assert!(instants.len() >= 30);
    assert!(
        instants.windows(2).all(|w| w[0] >= w[1]),
        "not newest first"
    );
    let oldest = hits(&["*", "--sort", "oldest", "--limit", "1"]);
    assert_eq!(
        oldest[0]["id"],
        "broadcaster/paris-climate-summit-agreement-adopted.html"
    );
}

#[test]
fn place_filter_finds_the_oral_story_and_not_oral_surgery() {
    let found = ids(&hits(&["*", "--place", "Oral"]));
    assert!(found.contains(&ORAL_STORY.to_string()), "{found:?}");
    let ranked = ids(&hits(&["protester", "--place", "Oral"]));
    assert_eq!(
        ranked.first().map(String::as_str),
        Some(ORAL_STORY),
        "{ranked:?}"
    );
    assert!(
        !found.iter().any(|id| id.contains("oral-surgery")),
        "{found:?}"
    );
    let found = ids(&hits(&[
        "protester",
        "--place",
        "Kazakhstan",
        "--limit",
        "50",
    ]));
    assert!(found.contains(&ORAL_STORY.to_string()), "{found:?}");
    assert!(
        found.iter().all(|id| !id.starts_with("regional/")),
        "{found:?}"
    );
    let (code, _, _) = query(&["*", "--place", "Atlantis"]);
    assert_eq!(code, 1);
}

#[test]
fn highlights_point_at_the_query_words() {
    for h in hits(&["Zhamaliev protests", "--limit", "5"]) {
        let snippet = &h["snippets"][0];
        let text = snippet["text"].as_str().unwrap();
        let ranges = snippet["highlights"].as_array().unwrap();
        assert!(!ranges.is_empty(), "no highlight in {text}");
        for r in ranges {
            let (s, e) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            let word = text[s..e].to_lowercase();
            assert!(
                word == "zhamaliev" || word == "protests",
                "highlighted {word:?} in {text}"
            );
        }
    }
    let h = &hits(&["Zhanaozen"])[0];
    let title = h["title"].as_str().unwrap();
    let r = &h["title_highlights"][0];
    assert_eq!(
        &title[r["start"].as_u64().unwrap() as usize..r["end"].as_u64().unwrap() as usize],
        "Zhanaozen"
    );
}

#[test]
fn json_lines_carry_the_documented_fields() {
    let found = hits(&["Kazakhstan", "--limit", "20"]);
    assert!(found.len() >= 5);
    for h in &found {
        for field in common::DOCUMENTED_HIT_FIELDS {
            assert!(h.get(field).is_some(), "{field} missing in {h}");
        }
        assert_eq!(h["schema_version"], 2);
    }
    let oral = &hits(&["Zhalpaqtal"])[0];
    assert_eq!(oral["dateline"]["city"], "Oral");
    assert_eq!(oral["dateline"]["country"], "Kazakhstan");
    assert_eq!(oral["published"], "2022-01-21T10:12:00+01:00");
    assert_eq!(oral["authors"][0], "Daniyar Seitkali");
    assert_eq!(oral["site"], "Radio Free Europe/Radio Liberty");
}

#[test]
fn json_document_has_totals_and_hits() {
    let (code, stdout, _) = query(&["Izmail", "--format", "json", "--limit", "2", "--all-copies"]);
    assert_eq!(code, 0);
    let doc: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON document");
    assert_eq!(doc["total"], 3);
    assert_eq!(doc["hits"].as_array().unwrap().len(), 2);
    let (_, stdout, _) = query(&[
        "Izmail",
        "--format",
        "json",
        "--limit",
        "2",
        "--offset",
        "2",
        "--all-copies",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc["hits"].as_array().unwrap().len(), 1);
    assert_eq!(doc["hits"][0]["rank"], 3);
}

#[test]
fn csv_is_quoted_and_parses() {
    let (code, stdout, _) = query(&["Georgia", "--format", "csv"]);
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[1], "id");
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.expect("valid CSV row"))
        .collect();
    assert_eq!(rows.len(), 3);
    assert!(
        rows.iter().any(|r| r[4].contains("Georgia's")),
        "headline with an apostrophe survives"
    );
}

#[test]
fn windows_1251_pages_are_searchable_in_cyrillic() {
    let found = ids(&hits(&["Уральске"]));
    assert!(
        found.contains(&"ru/uralsk-zaderzhany-uchastniki-protesta.html".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"ru/almaty-posle-besporyadkov.html".to_string()),
        "undeclared cp1251: {found:?}"
    );
    let a = article("ru/uralsk-zaderzhany-uchastniki-protesta.html");
    assert_eq!(a["title"], "В Уральске задержаны сотни участников протеста");
}

#[test]
fn boilerplate_is_not_indexed() {
    for q in [
        "trackPageView",
        "\"We use cookies\"",
        "\"Share on Facebook\"",
        "\"please wait\"",
    ] {
        let (code, stdout, _) = query(&[q]);
        assert_eq!(code, 1, "{q} matched: {stdout}");
    }
}

#[test]
fn malformed_query_is_a_one_line_error() {
    for q in ["title:(unclosed", "nosuchfield:x"] {
        let (code, stdout, stderr) = query(&[q]);
        assert_eq!(code, 2, "{q}: {stdout}");
        assert!(stderr.starts_with("dateline: invalid query"), "{stderr}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    }
    let deep = format!("{}x{}", "(".repeat(20_000), ")".repeat(20_000));
    let (code, _, stderr) = query(&[&deep]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("nested"), "{stderr}");
    let (_, _, stderr) = query(&["nosuchfield:x"]);
    assert!(stderr.contains("title, body, author"), "{stderr}");
    let (code, _, stderr) = query(&["x", "--since", "2022-13-01"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--since") && stderr.contains("YYYY-MM-DD"),
        "{stderr}"
    );
}

#[test]
fn text_output_marks_words_plainly_when_piped_and_in_colour_when_asked() {
    let (_, plain, _) = query(&["Zhalpaqtal"]);
    assert!(plain.contains("**Zhalpaqtal**"), "{plain}");
    assert!(!plain.contains('\x1b'));
    assert!(plain.contains(ORAL_STORY));
    let (_, coloured, _) = query(&["Zhalpaqtal", "--color", "always"]);
    assert!(
        coloured.contains("\x1b[1;31mZhalpaqtal\x1b[0m"),
        "{coloured}"
    );
}

#[test]
fn show_prints_the_stored_article() {
    let a = article(ORAL_STORY);
    let text = a["text"].as_str().unwrap();
    assert!(text.contains("ORAL, Kazakhstan --"));
    assert!(
        !text.contains("trackPageView") && !text.contains("No media source currently available")
    );
    let out = common::dateline()
        .args(["show", "--index"])
        .arg(common::corpus_index())
        .arg(corpus_dir().join(ORAL_STORY))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("'I Will Not Stop'"));
    let out = common::dateline()
        .args(["show", "no/such/page.html", "--index"])
        .arg(common::corpus_index())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn extract_prints_what_would_be_indexed() {
    let out = common::dateline()
        .args(["extract", "--format", "json"])
        .arg(corpus_dir().join("misc/aral-sea-fishermen.html"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["title"], "Fishermen return to a shrinking sea");
    assert_eq!(a["published"], serde_json::Value::Null);
    assert_eq!(a["dateline"]["city"], "Nukus");
    assert!(a["text"].as_str().unwrap().contains("Moynaq"));
}

#[test]
fn stemming_finds_other_word_forms_and_exact_forms_rank_first() {
    // Russian: the noun finds pages that only have the participle "задержаны".
    let stemmed = ids(&hits(&["задержание"]));
    assert_eq!(stemmed.len(), 3, "{stemmed:?}");
    assert!(hits(&["задержание", "--exact"]).is_empty());
    // English: "protester" (singular) also finds "protesters".
    let singular = hits(&["protester", "--limit", "50"]);
    let exact = hits(&["protester", "--limit", "50", "--exact"]);
    assert!(
        singular.len() > exact.len(),
        "{} vs {}",
        singular.len(),
        exact.len()
    );
    // Quoted phrases stay exact.
    assert_eq!(ids(&hits(&["\"liquefied petroleum gas\""])), [ORAL_STORY]);
    assert!(hits(&["\"liquefied petroleum gases\""]).is_empty());
}

#[test]
fn snippets_mark_the_other_word_forms_that_matched() {
    let highlighted = |h: &serde_json::Value| -> Vec<String> {
        let snippet = &h["snippets"][0];
        let text = snippet["text"].as_str().unwrap();
        snippet["highlights"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let (s, e) = (
                    r["start"].as_u64().unwrap() as usize,
                    r["end"].as_u64().unwrap() as usize,
                );
                text[s..e].to_lowercase()
            })
            .collect()
    };
    // "задержание" matched pages that say "задержаны", "задержанных": those words are marked.
    let found = hits(&["задержание"]);
    assert!(!found.is_empty());
    for h in &found {
        let words = highlighted(h);
        assert!(
            !words.is_empty() && words.iter().all(|w| w.starts_with("задерж")),
            "{words:?} in {}",
            h["snippets"][0]["text"]
        );
    }
    // The headline marks "Protester" for "protesters"; --exact marks only exact forms.
    let h = &hits(&["protesters Oral"])[0];
    assert_eq!(h["id"], ORAL_STORY);
    let title = h["title"].as_str().unwrap();
    let marked: Vec<&str> = h["title_highlights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &title[r["start"].as_u64().unwrap() as usize..r["end"].as_u64().unwrap() as usize])
        .collect();
    assert!(marked.contains(&"Protester"), "{marked:?} in {title}");
    assert!(hits(&["задержание", "--exact"]).is_empty());
}

#[test]
fn diacritics_fold_and_lang_filters() {
    let accented = ids(&hits(&["Perú", "--all-copies"]));
    let plain = ids(&hits(&["Peru", "--all-copies"]));
    assert_eq!(accented.len(), plain.len());
    assert!(accented.contains(&"es/piura-damnificados-protestas-inundaciones.html".to_string()));
    let spanish = ids(&hits(&["Peru lang:es"]));
    assert_eq!(
        spanish,
        ["es/piura-damnificados-protestas-inundaciones.html"]
    );
}

#[test]
fn transliteration_matches_cyrillic_and_latin_spellings() {
    let cyrillic = ids(&hits(&["Алматы", "--translit", "--limit", "50"]));
    assert!(
        cyrillic.contains(&"wire/almaty-shopkeepers-count-losses.html".to_string()),
        "{cyrillic:?}"
    );
    let latin = ids(&hits(&["Almaty", "--translit", "--limit", "50"]));
    assert!(
        latin.contains(&"ru/almaty-posle-besporyadkov.html".to_string()),
        "{latin:?}"
    );
    let without = ids(&hits(&["Almaty", "--limit", "50"]));
    assert!(
        !without.contains(&"ru/almaty-posle-besporyadkov.html".to_string()),
        "{without:?}"
    );
}

#[test]
fn syndicated_copies_fold_into_one_hit_and_expand() {
    let folded = hits(&["Izmail"]);
    assert_eq!(folded.len(), 1);
    assert_eq!(folded[0]["similar"].as_array().unwrap().len(), 2);
    assert_eq!(hits(&["Izmail", "--all-copies"]).len(), 3);
    let original = article("wire/ukraine-grain-corridor-second-ship.html");
    let copies: Vec<&str> = original["copies"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    assert_eq!(
        copies,
        [
            "gazette/ag/ukraine-grain-ship-black-sea-route.shtml",
            "newspaper/world/ukraine-grain-corridor-odesa.html"
        ]
    );
}

#[test]
fn words_close_together_rank_first() {
    // Three pages have both words; only the Oral story has them side by side
    // ("price of liquefied petroleum gas"), so the proximity boost puts it first.
    let found = ids(&hits(&["gas price", "--exact"]));
    assert_eq!(found.len(), 3);
    assert_eq!(found[0], ORAL_STORY, "{found:?}");
}

#[test]
fn fresh_blends_recency_into_relevance() {
    let plain = hits(&["protest", "--limit", "50"]);
    let fresh = hits(&["protest", "--limit", "50", "--fresh"]);
    let set = |h: &[serde_json::Value]| {
        let mut v = ids(h);
        v.sort();
        v
    };
    assert_eq!(
        set(&plain),
        set(&fresh),
        "--fresh reorders, it does not filter"
    );
    // Every dated hit's score grows by its recency factor (between 1 and 2).
    for f in &fresh {
        let p = plain.iter().find(|p| p["id"] == f["id"]).unwrap();
        let ratio = f["score"].as_f64().unwrap() / p["score"].as_f64().unwrap();
        assert!((1.0..=2.0).contains(&ratio), "{} ratio {ratio}", f["id"]);
    }
}

#[test]
fn a_continent_finds_the_stories_about_the_countries_on_it() {
    let africa = ids(&hits(&["*", "--place", "Africa", "--limit", "100"]));
    assert!(
        africa.contains(&"wire/kenya-election-tally-nairobi.html".to_string()),
        "{africa:?}"
    );
    assert!(!africa.contains(&ORAL_STORY.to_string()), "{africa:?}");
    // Kazakhstan is in Asia (GeoNames' continent of each country), Berlin in Europe.
    let asia = ids(&hits(&["place:Asia", "--limit", "100"]));
    assert!(asia.contains(&ORAL_STORY.to_string()), "{asia:?}");
    assert!(!asia.iter().any(|id| id.contains("berlin")), "{asia:?}");
    let europe = ids(&hits(&["*", "--place", "Europa", "--limit", "100"]));
    assert!(europe.iter().any(|id| id.contains("berlin")), "{europe:?}");
    assert!(!europe.contains(&ORAL_STORY.to_string()), "{europe:?}");
}

#[test]
fn near_a_continent_is_an_error_that_says_to_use_place() {
    let (code, _, stderr) = query(&["*", "--near", "Africa"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("Africa is a continent"), "{stderr}");
    assert!(stderr.contains("--place \"Africa\""), "{stderr}");
}
