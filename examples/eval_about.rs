//! "What the story is about" measured on the labelled sets of tests/places, and the about
//! model trained from them.
//!
//! `cargo run --release --example eval_about -- [--folds 5] [--write-model data/about-model.tsv]
//!  [--verbose] [--held-out]`
//!
//! Scored the way `--place` works: a tag is right when it is a labelled place or holds one
//! (a country of a labelled city), and a labelled place is found when the article is
//! tagged with it or with a place inside it. Prints, per set, precision, recall and how
//! many articles about no place got tags, for:
//! - `cv`: k-fold cross-validation over the development sets (train on k-1 folds of their
//!   articles, score the held-out one);
//! - `trained on dev`: the model trained on every development article, on the held-out
//!   sets (fourth-set, seventh-set: never used for a rule or a weight);
//! - `shipped`: the tags dateline gives today (its embedded model).
//!
//! The held-out sets are scored only with `--held-out`, once the design is final; `--verbose`
//! lists the development errors.
//!
//! `--write-model` trains on every development article and writes the weights.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use dateline::extract::extract_bytes;
use dateline::places::about::{AboutCandidate, about, candidates};
use dateline::places::gazetteer;
use dateline::places::learn::{Example, Model, Task, TrainingOptions, train};

const DEV: [&str; 8] = [
    "labels.tsv",
    "second-set.tsv",
    "third-set.tsv",
    "fifth-set.tsv",
    "sixth-set.tsv",
    "eighth-set.tsv",
    "ninth-set.tsv",
    "tenth-set.tsv",
];
/// The sets the hand rules before the about model were written against.
const RULE_SETS: [&str; 3] = ["labels.tsv", "second-set.tsv", "third-set.tsv"];
const HELD_OUT: [&str; 2] = ["fourth-set.tsv", "seventh-set.tsv"];

struct Doc {
    set: &'static str,
    id: String,
    gold: BTreeSet<u32>,
    candidates: Vec<AboutCandidate>,
    shipped: BTreeSet<u32>,
}

fn load(root: &Path, set: &'static str) -> Vec<Doc> {
    let Ok(labels) = std::fs::read_to_string(root.join("tests/places").join(set)) else {
        eprintln!("eval_about: tests/places/{set} is missing, skipped");
        return Vec::new();
    };
    let mut gold: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for line in labels
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let places = gold.entry(cols[0].to_string()).or_default();
        if let Some(id) = cols.get(1).and_then(|c| c.parse().ok()) {
            places.insert(id);
        }
    }
    let eval = root.join("../shared/eval");
    gold.into_iter()
        .filter_map(|(id, gold)| {
            let path = if let Some(folder) = id.strip_prefix("eval:") {
                eval.join("readability-pages")
                    .join(folder)
                    .join("source.html")
            } else if let Some(page) = id.strip_prefix("news:") {
                eval.join("news-pages").join(format!("{page}.html"))
            } else {
                root.join("corpus").join(&id)
            };
            let bytes = std::fs::read(&path).ok()?;
            let article = extract_bytes(&bytes, &id).ok()?;
            Some(Doc {
                set,
                candidates: candidates(&article),
                shipped: article.places.iter().map(|p| p.id).collect(),
                id,
                gold,
            })
        })
        .collect()
}

fn examples(docs: &[&Doc]) -> Vec<Example> {
    docs.iter()
        .flat_map(|d| {
            d.candidates
                .iter()
                .map(|c| (c.features.clone(), d.gold.contains(&c.entry.id)))
        })
        .collect()
}

fn fit(docs: &[&Doc]) -> Model {
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<f32>().ok());
    let mut opts = TrainingOptions::default();
    if let Some(l2) = env("ABOUT_L2") {
        opts.l2 = l2;
    }
    if let Some(e) = env("ABOUT_EPOCHS") {
        opts.epochs = e as usize;
    }
    if let Some(m) = env("ABOUT_MIN") {
        opts.min_count = m as usize;
    }
    let weights = train(&examples(docs), &opts);
    Model::default().with(Task::About, weights)
}

fn predict(doc: &Doc, model: &Model) -> BTreeSet<u32> {
    about(doc.candidates.clone(), model)
        .into_iter()
        .map(|(c, _)| c.entry.id)
        .collect()
}

/// The tags a model would give at another threshold than the shipped one.
fn predict_at(doc: &Doc, model: &Model, threshold: f32) -> BTreeSet<u32> {
    doc.candidates
        .iter()
        .filter(|c| model.probability(Task::About, &c.features) >= threshold)
        .map(|c| c.entry.id)
        .collect()
}

/// Right, extra and missed tags, and articles about no place that got tags.
#[derive(Default)]
struct Score {
    articles: usize,
    right: usize,
    extra: usize,
    found: usize,
    missed: usize,
    placeless: usize,
    placeless_tagged: usize,
    /// The same by exact place: (right, extra, missed).
    strict: (usize, usize, usize),
}

impl Score {
    fn add(&mut self, gold: &BTreeSet<u32>, tags: &BTreeSet<u32>) {
        let g = gazetteer();
        // Every place a place lies in, itself included.
        let holders = |id: u32| -> Vec<u32> {
            g.by_id(id)
                .map(|e| g.lineage(e).iter().map(|c| c.id).collect())
                .unwrap_or_else(|| vec![id])
        };
        self.articles += 1;
        if gold.is_empty() {
            self.placeless += 1;
            self.placeless_tagged += usize::from(!tags.is_empty());
        }
        self.strict.0 += tags.intersection(gold).count();
        self.strict.1 += tags.difference(gold).count();
        self.strict.2 += gold.difference(tags).count();
        for t in tags {
            if gold.iter().any(|l| holders(*l).contains(t)) {
                self.right += 1;
            } else {
                self.extra += 1;
            }
        }
        for l in gold {
            if tags.iter().any(|t| holders(*t).contains(l)) {
                self.found += 1;
            } else {
                self.missed += 1;
            }
        }
    }

    fn line(&self, label: &str) -> String {
        let p = self.right as f64 / (self.right + self.extra).max(1) as f64;
        let r = self.found as f64 / (self.found + self.missed).max(1) as f64;
        let (right, extra, missed) = self.strict;
        let sp = right as f64 / (right + extra).max(1) as f64;
        let sr = right as f64 / (right + missed).max(1) as f64;
        format!(
            "| {label} | {} | {p:.3} | {r:.3} | {sp:.3} | {sr:.3} | {} of {} |",
            self.articles, self.placeless_tagged, self.placeless
        )
    }
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut folds = 5u64;
    let mut write_model: Option<PathBuf> = None;
    let mut verbose = false;
    let mut held_out = false;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--verbose" {
            verbose = true;
            continue;
        }
        if flag == "--held-out" {
            held_out = true;
            continue;
        }
        match (flag.as_str(), args.next()) {
            ("--folds", Some(v)) => folds = v.parse().unwrap_or(5).max(2),
            ("--write-model", Some(v)) => write_model = Some(v.into()),
            _ => {
                eprintln!("usage: eval_about [--folds K] [--write-model FILE]");
                std::process::exit(2);
            }
        }
    }
    let dev: Vec<Doc> = DEV.iter().flat_map(|s| load(&root, s)).collect();
    let held: Vec<Doc> = HELD_OUT.iter().flat_map(|s| load(&root, s)).collect();
    let all_dev: Vec<&Doc> = dev.iter().collect();
    let fold_of = |d: &Doc| fnv(&d.id) % folds;

    if let Some(path) = &write_model {
        let examples = examples(&all_dev);
        let model = fit(&all_dev);
        let header = format!(
            "dateline's about model: logistic regression weights, task a (is the story about this place it names?), feature, weight.\n\
             Trained by tools/train-place-model on the development sets of tests/places ({} articles, {} candidate places).",
            dev.len(),
            examples.len()
        );
        if let Err(e) = std::fs::write(path, model.to_tsv(&[Task::About], &header)) {
            eprintln!("eval_about: {}: {e}", path.display());
            std::process::exit(2);
        }
        eprintln!("wrote {}", path.display());
    }

    let mut cv: BTreeMap<&str, Score> = BTreeMap::new();
    let thresholds = [0.3f32, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
    let mut sweep: Vec<Score> = thresholds.iter().map(|_| Score::default()).collect();
    for fold in 0..folds {
        let train: Vec<&Doc> = dev.iter().filter(|d| fold_of(d) != fold).collect();
        let model = fit(&train);
        for d in dev.iter().filter(|d| fold_of(d) == fold) {
            for (t, s) in thresholds.iter().zip(&mut sweep) {
                s.add(&d.gold, &predict_at(d, &model, *t));
            }
        }
        for d in dev.iter().filter(|d| fold_of(d) == fold) {
            let tags = predict(d, &model);
            if verbose {
                explain(d, &tags);
            }
            cv.entry(d.set).or_default().add(&d.gold, &tags);
            if !RULE_SETS.contains(&d.set) {
                cv.entry("dev sets the old rules never saw")
                    .or_default()
                    .add(&d.gold, &tags);
            }
            cv.entry("all dev").or_default().add(&d.gold, &tags);
        }
    }
    let model = fit(&all_dev);
    let mut held_scores: BTreeMap<&str, Score> = BTreeMap::new();
    let mut shipped: BTreeMap<&str, Score> = BTreeMap::new();
    for d in dev.iter().chain(&held) {
        shipped.entry(d.set).or_default().add(&d.gold, &d.shipped);
    }
    for d in &held {
        let tags = predict(d, &model);
        held_scores.entry(d.set).or_default().add(&d.gold, &tags);
        held_scores
            .entry("both test splits")
            .or_default()
            .add(&d.gold, &tags);
    }
    println!(
        "| all dev, {folds}-fold cv, threshold | articles | P | R | exact P | exact R | placeless tagged |"
    );
    println!("|---|---|---|---|---|---|---|");
    for (t, s) in thresholds.iter().zip(&sweep) {
        println!("{}", s.line(&format!("{t}")));
    }
    println!();
    println!("| set, training | articles | P | R | exact P | exact R | placeless tagged |");
    println!("|---|---|---|---|---|---|---|");
    for (set, s) in &cv {
        println!("{}", s.line(&format!("{set}, {folds}-fold cv")));
    }
    for (set, s) in held_scores.iter().filter(|_| held_out) {
        println!("{}", s.line(&format!("{set} (held out), trained on dev")));
    }
    for (set, s) in shipped
        .iter()
        .filter(|(set, _)| held_out || !HELD_OUT.contains(set))
    {
        println!("{}", s.line(&format!("{set}, shipped")));
    }
}

/// The development errors of one article: what was missed (and whether it was a candidate
/// at all) and what was extra.
fn explain(d: &Doc, tags: &BTreeSet<u32>) {
    let g = gazetteer();
    let name = |id: u32| g.by_id(id).map_or("?", |e| e.name);
    for id in d.gold.difference(tags) {
        let seen = d.candidates.iter().any(|c| c.entry.id == *id);
        println!(
            "  {} {}: missed {}{}",
            d.set,
            d.id,
            name(*id),
            if seen { "" } else { " (no candidate)" }
        );
    }
    for id in tags.difference(&d.gold) {
        println!("  {} {}: extra {}", d.set, d.id, name(*id));
    }
}

/// FNV-1a: folds that stay the same from run to run and machine to machine.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
