//! Measures extraction on real news pages with human references.
//!
//! `cargo run --release --example eval_news -- [../shared/eval/news-pages] [--verbose]
//! [--write-model data/furniture-model.tsv]`
//!
//! Each `SOURCE/NAME.html` there has `SOURCE/NAME.json` with what the source gives:
//! the full expected `body` (body token precision, recall, F1), `with` / `without`
//! snippets (the share found / avoided), `title` (exactly right after entity decoding and
//! whitespace), `published` (the same day), `authors` (the same name words). Figures are
//! printed per source and overall, for the development split and for the test split
//! (every page whose name hashes to 0 mod 5: about a fifth, kept for measuring only), with
//! the worst pages of the development split.
//!
//! `--write-model` trains the furniture model instead (`tools/train-furniture-model`):
//! every leaf block of the article chosen on each development page is labelled by the
//! references (in the full `body` or a `with` snippet: article; outside the body or in a
//! `without` snippet: furniture; otherwise left out) and logistic regression learns which
//! blocks are furniture. The test split is never read for it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use dateline::extract::extract_bytes;
use serde_json::Value;

#[path = "scoring/mod.rs"]
mod scoring;
use scoring::{byline_words, token_f1, tokens};

#[derive(Default, Clone)]
struct Tally {
    pages: usize,
    f1_sum: f64,
    p_sum: f64,
    r_sum: f64,
    bodies: usize,
    with_found: usize,
    with_total: usize,
    without_avoided: usize,
    without_total: usize,
    title_right: usize,
    titles: usize,
    date_right: usize,
    dates: usize,
    impossible_dates: usize,
    authors_right: usize,
    authors: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.pages += o.pages;
        self.f1_sum += o.f1_sum;
        self.p_sum += o.p_sum;
        self.r_sum += o.r_sum;
        self.bodies += o.bodies;
        self.with_found += o.with_found;
        self.with_total += o.with_total;
        self.without_avoided += o.without_avoided;
        self.without_total += o.without_total;
        self.title_right += o.title_right;
        self.titles += o.titles;
        self.date_right += o.date_right;
        self.dates += o.dates;
        self.impossible_dates += o.impossible_dates;
        self.authors_right += o.authors_right;
        self.authors += o.authors;
    }

    fn line(&self, label: &str) -> String {
        let rate = |a: usize, t: usize| {
            if t == 0 {
                "—".to_string()
            } else {
                format!("{:.3} ({t})", a as f64 / t as f64)
            }
        };
        let body = if self.bodies == 0 {
            "—".to_string()
        } else {
            let n = self.bodies as f64;
            format!(
                "{:.3} / {:.3} / {:.3} ({})",
                self.p_sum / n,
                self.r_sum / n,
                self.f1_sum / n,
                self.bodies
            )
        };
        format!(
            "| {label} | {} | {body} | {} | {} | {} | {} | {} | {} |",
            self.pages,
            rate(self.with_found, self.with_total),
            rate(self.without_avoided, self.without_total),
            rate(self.title_right, self.titles),
            rate(self.date_right, self.dates),
            rate(self.authors_right, self.authors),
            self.impossible_dates
        )
    }
}

/// Whitespace collapsed (after the extractor decoded entities), without soft hyphens,
/// which a reader does not see (some references keep them).
fn normal(s: &str) -> String {
    s.replace('\u{ad}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A small stable hash of a page's name, for the split.
fn in_test_split(name: &str) -> bool {
    name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    }) % 5
        == 0
}

fn main() {
    let mut dir = PathBuf::from("../shared/eval/news-pages");
    let mut verbose = false;
    let mut write_model: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--verbose" || arg == "-v" {
            verbose = true;
        } else if arg == "--write-model" {
            let Some(path) = args.next() else {
                eprintln!("eval_news: --write-model needs a file");
                std::process::exit(2);
            };
            write_model = Some(path.into());
        } else {
            dir = arg.into();
        }
    }
    let mut pages: Vec<(String, PathBuf)> = Vec::new();
    let Ok(sources) = std::fs::read_dir(&dir) else {
        eprintln!("eval_news: cannot read {}", dir.display());
        std::process::exit(2);
    };
    for source in sources.flatten().filter(|e| e.path().is_dir()) {
        let name = source.file_name().to_string_lossy().into_owned();
        for page in std::fs::read_dir(source.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = page.path();
            if path.extension().is_some_and(|e| e == "json") {
                pages.push((name.clone(), path));
            }
        }
    }
    pages.sort();
    if let Some(out) = write_model {
        train_furniture(&pages, &out);
        return;
    }
    let mut dev: BTreeMap<String, Tally> = BTreeMap::new();
    let mut test: BTreeMap<String, Tally> = BTreeMap::new();
    let mut worst: Vec<(f64, String)> = Vec::new();
    let mut misses: Vec<String> = Vec::new();
    for (source, json_path) in &pages {
        let html = json_path.with_extension("html");
        let Ok(bytes) = std::fs::read(&html) else {
            continue;
        };
        let reference: Value = std::fs::read_to_string(json_path)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        let name = format!(
            "{source}/{}",
            json_path.file_stem().unwrap_or_default().to_string_lossy()
        );
        let article = extract_bytes(&bytes, &name).unwrap_or_default();
        let t = score_page(&name, &article, &reference, &mut worst, &mut misses);
        let split = if in_test_split(&name) {
            &mut test
        } else {
            &mut dev
        };
        split.entry(source.clone()).or_default().add(&t);
    }
    println!(
        "| split, source | pages | body P / R / F1 | with found | without avoided | title | date (day) | authors | impossible dates |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for (label, split) in [("dev", &dev), ("test", &test)] {
        let mut all = Tally::default();
        for (source, t) in split {
            println!("{}", t.line(&format!("{label}, {source}")));
            all.add(t);
        }
        println!("{}", all.line(&format!("**{label}, all**")));
    }
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("\nworst bodies (dev):");
    let shown = if verbose { 40 } else { 10 };
    for (f1, name) in worst.iter().take(shown) {
        println!("  {f1:.3} {name}");
    }
    if verbose {
        println!("\nmetadata misses (dev):");
        for m in &misses {
            println!("  {m}");
        }
    }
}

fn score_page(
    name: &str,
    article: &dateline::Article,
    reference: &Value,
    worst: &mut Vec<(f64, String)>,
    misses: &mut Vec<String>,
) -> Tally {
    let dev = !in_test_split(name);
    let mut t = Tally {
        pages: 1,
        ..Tally::default()
    };
    if let Some(body) = reference["body"].as_str() {
        let (p, r, f) = token_f1(&tokens(&article.text), &tokens(body));
        t.bodies = 1;
        t.p_sum = p;
        t.r_sum = r;
        t.f1_sum = f;
        if dev {
            worst.push((f, name.to_string()));
        }
    }
    let text = normal(&article.text);
    for snippet in reference["with"].as_array().into_iter().flatten() {
        if let Some(s) = snippet.as_str() {
            t.with_total += 1;
            let found = text.contains(&normal(s));
            t.with_found += usize::from(found);
            if !found && dev {
                misses.push(format!("{name}: lost {s:?}"));
            }
        }
    }
    for snippet in reference["without"].as_array().into_iter().flatten() {
        if let Some(s) = snippet.as_str() {
            t.without_total += 1;
            let leaked = text.contains(&normal(s));
            t.without_avoided += usize::from(!leaked);
            if leaked && dev {
                misses.push(format!("{name}: leaked {s:?}"));
            }
        }
    }
    if let Some(title) = reference["title"].as_str().filter(|s| !s.trim().is_empty()) {
        t.titles = 1;
        let right = normal(title) == normal(&article.title);
        t.title_right = usize::from(right);
        if !right && dev {
            misses.push(format!("{name}: title {title:?}, got {:?}", article.title));
        }
    }
    if let Some(date) = reference["published"].as_str().filter(|s| s.len() >= 10) {
        t.dates = 1;
        // A reference instant with a zone is compared as a UTC day; a bare day as the
        // page's own day. A day we give without a time (midnight, no zone) cannot be put
        // in UTC: it is right when it is the reference instant's day in some zone (UTC-12
        // to UTC+14), as Mercury's Japanese and German pages show the local day.
        let zoned = date.len() > 10 && (date.ends_with('Z') || date[10..].contains(['+', '-']));
        let ours = article.published.map(|d| {
            if zoned {
                d.with_timezone(&chrono::Utc).format("%Y-%m-%d").to_string()
            } else {
                d.format("%Y-%m-%d").to_string()
            }
        });
        let day_only = article.published.is_some_and(|d| {
            d.offset().local_minus_utc() == 0
                && chrono::Timelike::num_seconds_from_midnight(&d) == 0
        });
        let local_day_of_instant = || {
            let instant = chrono::DateTime::parse_from_rfc3339(date).ok()?;
            let day = article.published?.date_naive();
            let earliest = (instant - chrono::Duration::hours(12)).date_naive();
            let latest = (instant + chrono::Duration::hours(14)).date_naive();
            Some(earliest <= day && day <= latest)
        };
        let right = ours.as_deref() == Some(&date[..10])
            || (zoned && day_only && local_day_of_instant() == Some(true));
        t.date_right = usize::from(right);
        if !right && dev {
            misses.push(format!(
                "{name}: date {date:?}, got {ours:?} from {:?}",
                article.published_source
            ));
        }
    }
    if let Some(year) = article.published.map(|d| chrono::Datelike::year(&d))
        && !(1800..=2100).contains(&year)
    {
        t.impossible_dates = 1;
    }
    let expected_authors: Vec<String> = reference["authors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a.as_str().map(str::to_string))
        .collect();
    if !expected_authors.is_empty() {
        t.authors = 1;
        let words = |names: &[String]| byline_words(Some(&names.join(" ")));
        let right = words(&expected_authors) == words(&article.authors);
        t.authors_right = usize::from(right);
        if !right && dev {
            misses.push(format!(
                "{name}: authors {expected_authors:?}, got {:?}",
                article.authors
            ));
        }
    }
    t
}

/// Lower-cased words joined by single spaces, padded, so that containment is by whole
/// words.
fn words_of(s: &str) -> String {
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    format!(" {} ", words.join(" "))
}

fn word_count(padded: &str) -> usize {
    padded.split_whitespace().count()
}

/// Whether a block is furniture by the page's references, or `None` when they do not say.
fn furniture_label(block: &str, reference: &Value) -> Option<bool> {
    let b = words_of(block);
    let n = word_count(&b);
    if n == 0 {
        return None;
    }
    let snippets = |key: &str| -> Vec<String> {
        reference[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(words_of))
            .filter(|s| word_count(s) > 0)
            .collect()
    };
    // A snippet marks the block when it holds the block, or is most of it.
    let marks = |s: &String, min_words: usize| {
        (s.contains(&b) && n >= min_words) || (b.contains(s.as_str()) && word_count(s) * 2 >= n)
    };
    let without = snippets("without").iter().any(|s| marks(s, 1));
    let with = snippets("with").iter().any(|s| marks(s, 3));
    if let Some(body) = reference["body"].as_str() {
        let body = words_of(body);
        if body.contains(&b) {
            return Some(false);
        }
        let in_body = b
            .split_whitespace()
            .filter(|w| body.contains(&format!(" {w} ")))
            .count();
        return (in_body * 2 < n).then_some(true);
    }
    match (with, without) {
        (true, false) => Some(false),
        (false, true) => Some(true),
        _ => None,
    }
}

fn train_furniture(pages: &[(String, PathBuf)], out: &std::path::Path) {
    use dateline::learn::{TrainingOptions, Weights, train};
    const MIN_PAGES: usize = 5;
    let mut examples: Vec<dateline::learn::Example> = Vec::new();
    let mut pages_with: std::collections::HashMap<String, usize> = Default::default();
    let mut used = 0;
    for (source, json_path) in pages {
        let name = format!(
            "{source}/{}",
            json_path.file_stem().unwrap_or_default().to_string_lossy()
        );
        // dragnet's references are AGPL: measured against, never learned from, so that
        // nothing shipped derives from them.
        if in_test_split(&name) || source == "dragnet" {
            continue;
        }
        let (Ok(bytes), Some(reference)) = (
            std::fs::read(json_path.with_extension("html")),
            std::fs::read_to_string(json_path)
                .ok()
                .and_then(|t| serde_json::from_str::<Value>(&t).ok()),
        ) else {
            continue;
        };
        let before = examples.len();
        let mut on_page = std::collections::HashSet::new();
        for block in dateline::extract::article_blocks(&bytes, &name) {
            on_page.extend(block.features.iter().cloned());
            if let Some(furniture) = furniture_label(&block.text, &reference) {
                examples.push((block.features, furniture));
            }
        }
        for feature in on_page {
            *pages_with.entry(feature).or_default() += 1;
        }
        used += usize::from(examples.len() > before);
    }
    // A feature seen on few pages (a word of one site's template) would key the model to
    // those pages, not to news.
    for (features, _) in &mut examples {
        features.retain(|f| pages_with.get(f).is_some_and(|&n| n >= MIN_PAGES));
    }
    let furniture = examples.iter().filter(|(_, f)| *f).count();
    let opts = TrainingOptions {
        min_count: 3,
        ..TrainingOptions::default()
    };
    let weights: Weights = train(&examples, &opts).into_iter().collect();
    let (mut tp, mut fp, mut fneg) = (0, 0, 0);
    for (features, furniture) in &examples {
        let said = weights.probability(features) >= 0.5;
        match (said, *furniture) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fneg += 1,
            _ => {}
        }
    }
    println!(
        "on the training blocks at 0.5: furniture precision {:.3}, recall {:.3}",
        tp as f64 / (tp + fp).max(1) as f64,
        tp as f64 / (tp + fneg).max(1) as f64
    );
    let header = format!(
        "Furniture model: logistic regression over the leaf blocks of the chosen article.\n\
         Written by tools/train-furniture-model (eval_news --write-model) from {} labelled blocks\n\
         ({furniture} furniture) of {used} development pages of news-pages; the test split is not read.",
        examples.len()
    );
    if let Err(e) = std::fs::write(out, weights.to_tsv(&header)) {
        eprintln!("eval_news: cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
    println!(
        "{} blocks ({furniture} furniture) from {used} pages -> {}",
        examples.len(),
        out.display()
    );
}
