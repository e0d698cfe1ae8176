//! Place mentions measured on the geoparsing corpora (LGL, GeoVirus), and the place model
//! trained from them.
//!
//! `cargo run --release --example eval_places -- [--data ../shared/eval/geoparsing]
//!  [--folds 5] [--write-model data/place-model.tsv] [--predictions DIR]`
//!
//! For each corpus it prints mention precision, recall and F1 and, over the matched
//! names, accuracy within 161 km and the AUC of the error (Gritta et al. 2017's protocol,
//! as `score.py` there implements it: same lower-cased name, span midpoints less than 10
//! characters apart, gold names without coordinates left out), for:
//! - `cv`: k-fold cross-validation inside the corpus (train on k-1 folds, score the
//!   held-out one);
//! - `cv+other`: the same with the whole other corpus added to each training set;
//! - `other only`: trained on the other corpus alone, scored on all of this one: the
//!   figure for news the model has never seen;
//! - `shipped`: the embedded model (trained on both corpora: not a clean figure).
//!
//! `--write-model` trains on both corpora in full and writes the weights; `--predictions`
//! writes each held-out fold's output as JSON Lines that `score.py` reads.

use std::collections::HashMap;
use std::path::PathBuf;

use dateline::places::geoparse::{Candidate, candidates, representative_point, resolve};
use dateline::places::learn::{Example, Model, Task};
use dateline::places::{Entry, distance_km};
use serde_json::Value;

struct Gold {
    /// Code-point offsets, as the corpora give them.
    start: usize,
    end: usize,
    name: String,
    coords: Option<(f64, f64)>,
    geonameid: Option<u32>,
}

struct Doc {
    id: String,
    text: String,
    gold: Vec<Gold>,
    candidates: Vec<Candidate>,
    /// Code-point offset of each byte offset that starts a character.
    chars: HashMap<usize, usize>,
}

fn load(path: &PathBuf) -> Vec<Doc> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("eval_places: {}: {e}", path.display());
        std::process::exit(2)
    });
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .map(|a| {
            let text = a["text"].as_str().unwrap_or_default().to_string();
            let gold = a["toponyms"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|t| Gold {
                    start: t["start"].as_u64().unwrap_or(0) as usize,
                    end: t["end"].as_u64().unwrap_or(0) as usize,
                    name: t["name"].as_str().unwrap_or_default().to_string(),
                    coords: t["lat"].as_f64().zip(t["lon"].as_f64()),
                    geonameid: t["geonameid"].as_str().and_then(|g| g.parse().ok()),
                })
                .collect();
            let mut chars: HashMap<usize, usize> = text
                .char_indices()
                .enumerate()
                .map(|(n, (b, _))| (b, n))
                .collect();
            chars.insert(text.len(), text.chars().count());
            let candidates = candidates(&text, None);
            Doc {
                id: a["id"]
                    .as_str()
                    .map_or_else(|| a["id"].to_string(), str::to_string),
                text,
                gold,
                candidates,
                chars,
            }
        })
        .collect()
}

/// The gold name a candidate span matches, by the protocol's rule.
fn matching_gold(doc: &Doc, start: usize, end: usize) -> Option<&Gold> {
    let surface = doc.text[start..end].to_lowercase();
    let (cs, ce) = (doc.chars[&start], doc.chars[&end]);
    let mid = (cs + ce) as f64 / 2.0;
    doc.gold.iter().find(|g| {
        g.name.to_lowercase() == surface && (mid - (g.start + g.end) as f64 / 2.0).abs() < 10.0
    })
}

/// Training examples from documents: every candidate for recognition; for candidates that
/// are gold names with coordinates, each of their places for resolution (the right one is
/// the gold GeoNames id, else the nearest place within 161 km of the gold point).
fn examples(docs: &[&Doc]) -> (Vec<Example>, Vec<Example>) {
    let mut recognition = Vec::new();
    let mut resolution = Vec::new();
    for doc in docs {
        for c in &doc.candidates {
            let gold = matching_gold(doc, c.span.start, c.span.end);
            recognition.push((c.features.clone(), gold.is_some()));
            let Some(gold) = gold else { continue };
            let Some(right) = right_entry(gold, &c.entries.iter().map(|e| e.0).collect::<Vec<_>>())
            else {
                continue;
            };
            if c.entries.len() < 2 {
                continue;
            }
            for (entry, features) in &c.entries {
                resolution.push((features.clone(), entry.index == right.index));
            }
        }
    }
    (recognition, resolution)
}

fn right_entry(gold: &Gold, entries: &[Entry]) -> Option<Entry> {
    if let Some(id) = gold.geonameid
        && let Some(e) = entries.iter().find(|e| e.id == id)
    {
        return Some(*e);
    }
    let (lat, lon) = gold.coords?;
    entries
        .iter()
        .map(|e| {
            let (elat, elon) = representative_point(e);
            (distance_km(lat as f32, lon as f32, elat, elon), e)
        })
        .filter(|(km, _)| *km < 161.0)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, e)| *e)
}

/// A prediction in the scorer's terms: code-point span, surface, coordinates.
struct Prediction {
    start: usize,
    end: usize,
    name: String,
    lat: f64,
    lon: f64,
}

fn predict(doc: &Doc, model: &Model) -> Vec<Prediction> {
    resolve(&doc.text, &doc.candidates, model)
        .into_iter()
        .map(|m| Prediction {
            start: doc.chars[&m.start],
            end: doc.chars[&m.end],
            name: m.surface,
            lat: f64::from(m.lat),
            lon: f64::from(m.lon),
        })
        .collect()
}

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    errors: Vec<f64>,
}

impl Score {
    /// score.py's `score` with gold filter `coords`.
    fn add(&mut self, doc: &Doc, mut pred: Vec<Prediction>) {
        for g in doc.gold.iter().filter(|g| g.coords.is_some()) {
            let mg = (g.start + g.end) as f64 / 2.0;
            let hit = pred.iter().position(|p| {
                p.name.to_lowercase() == g.name.to_lowercase()
                    && (mg - (p.start + p.end) as f64 / 2.0).abs() < 10.0
            });
            let Some(hit) = hit else {
                self.fn_ += 1;
                continue;
            };
            self.tp += 1;
            let p = pred.remove(hit);
            let (lat, lon) = g.coords.unwrap_or_default();
            self.errors.push(distance_km(
                lat as f32,
                lon as f32,
                p.lat as f32,
                p.lon as f32,
            ));
        }
        self.fp += pred.len();
    }

    fn line(&self, label: &str) -> String {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        let mut e = self.errors.clone();
        e.sort_by(f64::total_cmp);
        let acc = e.iter().filter(|&&x| x < 161.0).count() as f64 / e.len().max(1) as f64;
        let logs: Vec<f64> = e.iter().map(|x| (1.0 + x).ln() / 20039f64.ln()).collect();
        let auc = match logs.len() {
            0 => 0.0,
            1 => logs[0],
            n => (logs.iter().sum::<f64>() - 0.5 * (logs[0] + logs[n - 1])) / (n - 1) as f64,
        };
        format!(
            "| {label} | {p:.3} | {r:.3} | **{f1:.3}** | {} | **{acc:.3}** | {auc:.3} |",
            e.len()
        )
    }
}

fn main() {
    let mut data = PathBuf::from("../shared/eval/geoparsing");
    let mut folds = 5usize;
    let mut write_model: Option<PathBuf> = None;
    let mut predictions: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next();
        match (flag.as_str(), value) {
            ("--data", Some(v)) => data = v.into(),
            ("--folds", Some(v)) => folds = v.parse().unwrap_or(5).max(2),
            ("--write-model", Some(v)) => write_model = Some(v.into()),
            ("--predictions", Some(v)) => predictions = Some(v.into()),
            _ => {
                eprintln!(
                    "usage: eval_places [--data DIR] [--folds K] [--write-model FILE] [--predictions DIR]"
                );
                std::process::exit(2);
            }
        }
    }
    let names = ["lgl", "geovirus"];
    let corpora: Vec<Vec<Doc>> = names
        .iter()
        .map(|n| load(&data.join(n).join("articles.jsonl")))
        .collect();

    if let Some(path) = write_model {
        let all: Vec<&Doc> = corpora.iter().flatten().collect();
        let (rec, res) = examples(&all);
        let model = Model::train(&rec, &res);
        let header = format!(
            "dateline's place model: logistic regression weights, task (m: recognition, r: resolution), feature, weight.\n\
             Trained by tools/train-place-model on LGL ({} articles) and GeoVirus ({} articles): {} recognition and {} resolution examples.",
            corpora[0].len(),
            corpora[1].len(),
            rec.len(),
            res.len()
        );
        if let Err(e) = std::fs::write(&path, model.to_tsv(&Task::MENTIONS, &header)) {
            eprintln!("eval_places: {}: {e}", path.display());
            std::process::exit(2);
        }
        eprintln!("wrote {}", path.display());
    }

    println!("| corpus, training | P | R | F1 | matched | acc@161 km | AUC |");
    println!("|---|---|---|---|---|---|---|");
    for (c, docs) in corpora.iter().enumerate() {
        let other: Vec<&Doc> = corpora[1 - c].iter().collect();
        let mut cv = Score::default();
        let mut cv_other = Score::default();
        let mut pred_lines = Vec::new();
        for fold in 0..folds {
            let train: Vec<&Doc> = docs
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != fold)
                .map(|(_, d)| d)
                .collect();
            let (rec, res) = examples(&train);
            let model = Model::train(&rec, &res);
            let mut with_other = train.clone();
            with_other.extend(other.iter().copied());
            let (rec2, res2) = examples(&with_other);
            let model_other = Model::train(&rec2, &res2);
            for doc in docs.iter().enumerate().filter(|(i, _)| i % folds == fold) {
                let doc = doc.1;
                let found = predict(doc, &model);
                pred_lines.push(prediction_line(&doc.id, &found));
                cv.add(doc, found);
                cv_other.add(doc, predict(doc, &model_other));
            }
        }
        let (rec, res) = examples(&other);
        let only_other = Model::train(&rec, &res);
        let mut unseen = Score::default();
        let mut shipped = Score::default();
        for doc in docs {
            unseen.add(doc, predict(doc, &only_other));
            shipped.add(doc, predict(doc, Model::embedded()));
        }
        let name = names[c];
        println!("{}", cv.line(&format!("{name}, {folds}-fold cv")));
        println!(
            "{}",
            cv_other.line(&format!("{name}, {folds}-fold cv + {}", names[1 - c]))
        );
        println!(
            "{}",
            unseen.line(&format!("{name}, trained on {} only", names[1 - c]))
        );
        println!(
            "{}",
            shipped.line(&format!("{name}, shipped model (seen in training)"))
        );
        if let Some(dir) = &predictions {
            let path = dir.join(format!("{name}-cv.jsonl"));
            let _ = std::fs::create_dir_all(dir);
            if let Err(e) = std::fs::write(&path, pred_lines.join("\n") + "\n") {
                eprintln!("eval_places: {}: {e}", path.display());
            }
        }
    }
}

fn prediction_line(id: &str, found: &[Prediction]) -> String {
    let toponyms: Vec<Value> = found
        .iter()
        .map(|p| {
            serde_json::json!({"start": p.start, "end": p.end, "name": p.name, "lat": p.lat, "lon": p.lon})
        })
        .collect();
    serde_json::json!({"id": id, "toponyms": toponyms}).to_string()
}
