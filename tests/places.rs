//! Place search: tagging quality on a labelled set, and the user-facing place features
//! (aliases, hierarchy, the common-word guard, ambiguity, listing, distance).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::{corpus_dir, hits, ids, query};
use dateline::extract::extract_bytes;

const ORAL_STORY: &str = "rferl/kazakhstan-oral-protester-will-not-stop.html";

/// Tagging precision and recall over tests/places/labels.tsv: every corpus page, plus the
/// labelled pages of ../shared/eval when that folder is present.
#[test]
fn tagging_precision_and_recall_on_the_labelled_set() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let labels = std::fs::read_to_string(root.join("tests/places/labels.tsv")).expect("labels.tsv");
    let mut expected: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for line in labels
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let set = expected.entry(cols[0].to_string()).or_default();
        if let Some(id) = cols.get(1).and_then(|c| c.parse().ok()) {
            set.insert(id);
        }
    }
    let eval = root.join("../shared/eval/readability-pages");
    let (mut tp, mut fp, mut fn_, mut articles) = (0usize, 0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for (article, gold) in &expected {
        let path = match article.strip_prefix("eval:") {
            Some(folder) => eval.join(folder).join("source.html"),
            None => corpus_dir().join(article),
        };
        let Ok(bytes) = std::fs::read(&path) else {
            assert!(
                article.starts_with("eval:"),
                "labelled corpus page {article} is missing"
            );
            continue;
        };
        let tagged: BTreeSet<u32> = extract_bytes(&bytes, article)
            .map(|a| a.places.iter().map(|p| p.id).collect())
            .unwrap_or_default();
        articles += 1;
        tp += tagged.intersection(gold).count();
        fp += tagged.difference(gold).count();
        fn_ += gold.difference(&tagged).count();
        for id in tagged.symmetric_difference(gold) {
            let side = if gold.contains(id) { "missed" } else { "extra" };
            let name = dateline::places::gazetteer()
                .by_id(*id)
                .map_or("?", |e| e.name);
            misses.push(format!("{article}: {side} {name} ({id})"));
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "place tagging on {articles} labelled articles: precision {precision:.3}, recall {recall:.3} ({tp} right, {fp} extra, {fn_} missed)"
    );
    for m in &misses {
        println!("  {m}");
    }
    assert!(articles >= 36, "only {articles} labelled articles found");
    // Issue 4 targets precision 0.90; today's tagger reaches 0.766 on this set (it also tags
    // places a story names in passing, which the labels leave out). These floors catch
    // regressions; raise them as the tagger improves.
    assert!(precision >= 0.76, "precision {precision:.3}");
    assert!(recall >= 0.92, "recall {recall:.3}");
}

#[test]
fn an_alias_finds_the_oral_story() {
    for alias in ["Uralsk", "Уральск", "Орал", "Orál"] {
        let found = ids(&hits(&["*", "--place", alias, "--limit", "50"]));
        assert!(
            found.contains(&ORAL_STORY.to_string()),
            "{alias}: {found:?}"
        );
    }
    let found = ids(&hits(&["place:Uralsk", "--limit", "50"]));
    assert!(
        found.contains(&ORAL_STORY.to_string()),
        "place:Uralsk {found:?}"
    );
}

#[test]
fn a_country_includes_its_cities() {
    let found = ids(&hits(&["*", "--place", "Kazakhstan", "--limit", "50"]));
    assert!(found.contains(&ORAL_STORY.to_string()), "{found:?}");
    assert!(
        found.contains(&"kk/oral-gaz-bagasy-narazylyq.html".to_string()),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|id| id.starts_with("regional/")),
        "{found:?}"
    );
    let region = ids(&hits(&["*", "--place", "West Kazakhstan", "--limit", "50"]));
    assert!(region.contains(&ORAL_STORY.to_string()), "{region:?}");
    assert!(region.len() < found.len());
}

#[test]
fn oral_surgery_is_not_tagged_with_oral() {
    let found = ids(&hits(&["*", "--place", "Oral", "--limit", "50"]));
    assert!(
        !found
            .iter()
            .any(|id| id.contains("oral-surgery") || id.contains("oral-arguments")),
        "{found:?}"
    );
    let h = hits(&["\"oral surgery\""]);
    let places: Vec<&str> = h[0]["places"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(
        places.contains(&"Boston") && !places.contains(&"Oral"),
        "{places:?}"
    );
}

#[test]
fn an_ambiguous_name_tells_the_user_how_to_pick() {
    let (code, _, stderr) = query(&["*", "--place", "Georgia", "--format", "jsonl"]);
    assert_eq!(code, 0);
    assert!(
        stderr.contains("Georgia (country, GE)") && stderr.contains("--place \"Georgia, US\""),
        "{stderr}"
    );
    let country = ids(&hits(&["*", "--place", "Georgia"]));
    assert!(
        country
            .contains(&"broadcaster/georgia-tbilisi-foreign-agents-bill-dropped.html".to_string())
    );
    assert!(
        !country.iter().any(|id| id.starts_with("regional/")),
        "{country:?}"
    );
    let state = ids(&hits(&["*", "--place", "Georgia, US"]));
    assert!(
        state.contains(&"regional/atlanta-council-president-runoff.html".to_string()),
        "{state:?}"
    );
    assert!(!state.iter().any(|id| id.contains("tbilisi")), "{state:?}");
}

#[test]
fn hits_carry_their_places_with_coordinates() {
    let h = &hits(&["Zhalpaqtal"])[0];
    let first = &h["places"][0];
    assert_eq!(first["name"], "Oral");
    assert_eq!(first["dateline"], true);
    assert_eq!(first["country"], "Kazakhstan");
    assert_eq!(first["path"], "/Kazakhstan/West Kazakhstan Region/Oral");
    let (lat, lon) = (
        first["lat"].as_f64().unwrap(),
        first["lon"].as_f64().unwrap(),
    );
    assert!(
        (lat - 51.2).abs() < 0.5 && (lon - 51.4).abs() < 0.5,
        "{lat},{lon}"
    );
}

#[test]
fn places_lists_the_most_frequent_places() {
    let out = common::dateline()
        .args(["places", "--format", "json", "--index"])
        .arg(common::corpus_index())
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let places = doc["places"].as_array().unwrap();
    let kz = places
        .iter()
        .find(|p| p["name"] == "Kazakhstan")
        .expect("Kazakhstan listed");
    assert!(kz["count"].as_u64().unwrap() >= 5, "{kz}");
    let counts: Vec<u64> = places
        .iter()
        .map(|p| p["count"].as_u64().unwrap())
        .collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "most frequent first"
    );

    let out = common::dateline()
        .args(["places", "grain", "--index"])
        .arg(common::corpus_index())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines().next().unwrap_or_default().contains("Ukraine"),
        "{text}"
    );
}

#[test]
fn near_finds_stories_within_a_distance() {
    // Oral is about 450 km from Atyrau.
    let near = ids(&hits(&[
        "*", "--near", "Atyrau", "--within", "600km", "--limit", "50",
    ]));
    assert!(near.contains(&ORAL_STORY.to_string()), "{near:?}");
    assert!(
        !near.iter().any(|id| id.starts_with("wire/peru")),
        "{near:?}"
    );
    let (code, stdout, _) = query(&[
        "protester",
        "--near",
        "Lima",
        "--within",
        "100km",
        "--format",
        "jsonl",
    ]);
    assert!(!stdout.contains(ORAL_STORY) && code == 1, "{stdout}");
    let (code, _, stderr) = query(&["*", "--near", "Xyzzyville"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no such place"), "{stderr}");
}
