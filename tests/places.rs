//! Place search: tagging quality on a labelled set, and the user-facing place features
//! (aliases, hierarchy, the common-word guard, ambiguity, listing, distance).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::{corpus_dir, hits, ids, query};
use dateline::extract::extract_bytes;

const ORAL_STORY: &str = "rferl/kazakhstan-oral-protester-will-not-stop.html";

/// Tagging figures over one labels file: right, extra and missed (article, place) pairs.
#[derive(Default)]
struct Score {
    articles: usize,
    right: usize,
    extra: usize,
    missed: usize,
    /// Articles about no place, and how many of them got tags.
    placeless: usize,
    placeless_tagged: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.right as f64 / (self.right + self.extra).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.right as f64 / (self.right + self.missed).max(1) as f64
    }
    fn add(&mut self, other: &Score) {
        self.articles += other.articles;
        self.right += other.right;
        self.extra += other.extra;
        self.missed += other.missed;
        self.placeless += other.placeless;
        self.placeless_tagged += other.placeless_tagged;
    }
    /// Floors, checked when the set's pages were found (the eval pages may be absent).
    fn assert_at_least(&self, precision: f64, recall: f64) {
        if self.articles > 0 {
            assert!(
                self.precision() >= precision,
                "precision {:.3}",
                self.precision()
            );
            assert!(self.recall() >= recall, "recall {:.3}", self.recall());
        }
    }
    fn report(&self, name: &str) {
        println!(
            "place tagging, {name}: {} articles, precision {:.3}, recall {:.3} ({} right, {} extra, {} missed); {} of {} articles about no place got tags",
            self.articles,
            self.precision(),
            self.recall(),
            self.right,
            self.extra,
            self.missed,
            self.placeless_tagged,
            self.placeless
        );
    }
}

/// Scores the tagger against a labels file of tests/places (see its README): every corpus
/// page, plus the labelled pages of ../shared/eval when that folder is present.
fn score(file: &str) -> Score {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let labels = std::fs::read_to_string(root.join("tests/places").join(file)).expect(file);
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
    let news = root.join("../shared/eval/news-pages");
    let mut score = Score::default();
    for (article, gold) in &expected {
        let path = if let Some(folder) = article.strip_prefix("eval:") {
            eval.join(folder).join("source.html")
        } else if let Some(page) = article.strip_prefix("news:") {
            news.join(format!("{page}.html"))
        } else {
            corpus_dir().join(article)
        };
        let Ok(bytes) = std::fs::read(&path) else {
            assert!(
                article.starts_with("eval:") || article.starts_with("news:"),
                "labelled corpus page {article} is missing"
            );
            continue;
        };
        let tagged: BTreeSet<u32> = extract_bytes(&bytes, article)
            .map(|a| a.places.iter().map(|p| p.id).collect())
            .unwrap_or_default();
        score.articles += 1;
        if gold.is_empty() {
            score.placeless += 1;
            score.placeless_tagged += usize::from(!tagged.is_empty());
        }
        score.right += tagged.intersection(gold).count();
        score.extra += tagged.difference(gold).count();
        score.missed += gold.difference(&tagged).count();
        for id in tagged.symmetric_difference(gold) {
            let side = if gold.contains(id) { "missed" } else { "extra" };
            let name = dateline::places::gazetteer()
                .by_id(*id)
                .map_or("?", |e| e.name);
            println!("  {file} {article}: {side} {name} ({id})");
        }
    }
    score
}

/// Tagging precision and recall on the labelled sets. The about model was trained on
/// labels.tsv and the second, third, fifth, sixth, eighth, ninth and tenth sets (see
/// tests/places/README.md), so their figures are training figures: the floors catch
/// regressions, and `eval_about` gives the cross-validated ones.
#[test]
fn tagging_precision_and_recall_on_the_labelled_sets() {
    let sets = [
        ("labels.tsv", score("labels.tsv")),
        ("second-set.tsv", score("second-set.tsv")),
        ("third-set.tsv", score("third-set.tsv")),
        ("fifth-set.tsv", score("fifth-set.tsv")),
        ("sixth-set.tsv", score("sixth-set.tsv")),
        ("eighth-set.tsv", score("eighth-set.tsv")),
        ("ninth-set.tsv", score("ninth-set.tsv")),
        ("tenth-set.tsv", score("tenth-set.tsv")),
    ];
    // The held-out test splits: news pages labelled blind, never looked at while rules or
    // weights were made. Reported, not asserted: a floor tuned to them would spoil them.
    score("fourth-set.tsv").report("fourth-set.tsv (held out)");
    score("seventh-set.tsv").report("seventh-set.tsv (held out)");
    let mut all = Score::default();
    for (name, set) in &sets {
        set.report(name);
        all.add(set);
    }
    all.report("training sets");
    let [(_, first), ..] = &sets;
    assert!(
        first.articles >= 36,
        "only {} labelled articles found",
        first.articles
    );
    // Floors a little under today's training figures (0.873 / 0.863 and 0.716 / 0.668):
    // they catch regressions; eval_about gives the cross-validated and held-out figures.
    first.assert_at_least(0.85, 0.83);
    all.assert_at_least(0.70, 0.64);
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
    assert!(
        stderr.contains("no place of that name in the gazetteer"),
        "{stderr}"
    );
}

#[test]
fn a_misspelt_place_is_an_error_with_close_names() {
    for flag in ["--place", "--mentions", "--near"] {
        let (code, _, stderr) = query(&["*", flag, "Gerogia"]);
        assert_eq!(code, 2, "{flag}: {stderr}");
        assert!(
            stderr.contains("\"Gerogia\"") && stderr.contains("did you mean Georgia"),
            "{flag}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    let (code, _, stderr) = query(&["mentions:Gerogia"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean Georgia"), "{stderr}");
}

#[test]
fn mentions_finds_the_place_named_in_the_text_never_the_word() {
    // Every story that names Oral (or Uralsk, Орал, Уральск) as a place...
    let mentioned = ids(&hits(&[
        "*",
        "--mentions",
        "Oral",
        "--limit",
        "50",
        "--all-copies",
    ]));
    assert!(mentioned.contains(&ORAL_STORY.to_string()), "{mentioned:?}");
    // ... in the query syntax too, and with a country: a place inside it is enough.
    let in_syntax = ids(&hits(&["mentions:Oral", "--limit", "50", "--all-copies"]));
    assert_eq!(mentioned, in_syntax);
    let in_kazakhstan = ids(&hits(&[
        "*",
        "--mentions",
        "Kazakhstan",
        "--limit",
        "50",
        "--all-copies",
    ]));
    assert!(mentioned.iter().all(|id| in_kazakhstan.contains(id)));
    // "oral surgery" is a word, not Oral.
    assert!(
        !mentioned.iter().any(|id| id.contains("oral-surgery")),
        "{mentioned:?}"
    );
    // The article's JSON carries its mentions with offsets into its text.
    let article = common::article(ORAL_STORY);
    let text = article["text"].as_str().unwrap();
    let mentions = article["mentions"].as_array().unwrap();
    assert!(!mentions.is_empty());
    for m in mentions {
        let (start, end) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], m["surface"].as_str().unwrap());
        for key in [
            "id",
            "name",
            "kind",
            "country_code",
            "lat",
            "lon",
            "confidence",
            "use",
        ] {
            assert!(m.get(key).is_some(), "{key} missing in {m}");
        }
    }
}
