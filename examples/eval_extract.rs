//! Measures extraction against reference extractions.
//!
//! `cargo run --release --example eval_extract -- ../shared/eval/readability-pages`
//!
//! Each sub-folder holds `source.html`, `expected.html` (the article body) and
//! `expected-metadata.json`. Prints body-text token precision/recall/F1 (bags of
//! lower-cased words), metadata agreement, the worst pages and single-core MB/s.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use dateline::extract::{dates::parse_date, extract_bytes};

#[path = "scoring/mod.rs"]
mod scoring;
use scoring::{byline_words, fold, name_words, token_f1, tokens};

struct PageScore {
    name: String,
    precision: f64,
    recall: f64,
    f1: f64,
}

#[derive(Default)]
struct Agreement {
    agree: usize,
    total: usize,
    with_value_agree: usize,
    with_value: usize,
    misses: Vec<String>,
}

impl Agreement {
    fn add(&mut self, page: &str, expected: Option<&str>, ours: Option<&str>, same: bool) {
        self.total += 1;
        if same {
            self.agree += 1;
        }
        if expected.is_some() {
            self.with_value += 1;
            if same {
                self.with_value_agree += 1;
            }
        }
        if !same {
            self.misses
                .push(format!("{page}: expected {expected:?}, got {ours:?}"));
        }
    }

    fn line(&self, name: &str) -> String {
        let rate = |a: usize, t: usize| if t == 0 { 1.0 } else { a as f64 / t as f64 };
        format!(
            "{name:<14} {:.3} of all {} pages   {:.3} of the {} pages with a value",
            rate(self.agree, self.total),
            self.total,
            rate(self.with_value_agree, self.with_value),
            self.with_value
        )
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "../shared/eval/readability-pages".into()),
    );
    let verbose = args.any(|a| a == "--verbose" || a == "-v");
    let mut pages: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("source.html").is_file())
            .collect(),
        Err(e) => {
            eprintln!("eval_extract: cannot read {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    pages.sort();

    let mut scores = Vec::new();
    let mut title_unsuffixed = Agreement::default();
    let mut byline_names = Agreement::default();
    let (mut title, mut byline, mut lang, mut site, mut date) = (
        Agreement::default(),
        Agreement::default(),
        Agreement::default(),
        Agreement::default(),
        Agreement::default(),
    );
    let mut bytes_total = 0u64;
    let mut time_total = Duration::ZERO;
    let mut tagging_time = Duration::ZERO;
    let mut empty_but_expected = Vec::new();

    for page in &pages {
        let name = page
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let source = std::fs::read(page.join("source.html")).unwrap_or_default();
        let expected_html = std::fs::read_to_string(page.join("expected.html")).unwrap_or_default();
        let meta: serde_json::Value = std::fs::read_to_string(page.join("expected-metadata.json"))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();

        let started = Instant::now();
        let article = extract_bytes(&source, &format!("{name}/source.html"));
        time_total += started.elapsed();
        bytes_total += source.len() as u64;

        let article = article.unwrap_or_default();
        // The place steps (mentions, then what the story is about) are part of
        // extraction; time them again on their own to report their share.
        let tag_started = Instant::now();
        let _ = dateline::places::article_mentions(&article);
        let _ = dateline::places::tag_places(&article);
        tagging_time += tag_started.elapsed();
        let expected_text = dom_query::Document::from(expected_html.as_str())
            .select("body")
            .text()
            .to_string();
        let (p, r, f) = token_f1(&tokens(&article.text), &tokens(&expected_text));
        if article.text.trim().is_empty() && !expected_text.trim().is_empty() {
            empty_but_expected.push(name.clone());
        }
        scores.push(PageScore {
            name: name.clone(),
            precision: p,
            recall: r,
            f1: f,
        });

        let expected = |k: &str| meta.get(k).and_then(|v| v.as_str()).map(str::to_string);
        let e_title = expected("title");
        title.add(
            &name,
            e_title.as_deref(),
            Some(&article.title),
            fold(e_title.as_deref()) == fold(Some(&article.title)),
        );
        // dateline removes site suffixes (" | eHow") that Readability keeps: count a title
        // that differs from the expected one only by such a suffix as agreeing too.
        let same_but_suffix = match (fold(e_title.as_deref()), fold(Some(&article.title))) {
            (Some(e), Some(o)) => {
                e == o
                    || [" | ", " - ", " – ", " — ", " :: ", " · "]
                        .iter()
                        .any(|sep| e.starts_with(&format!("{o}{sep}")))
            }
            (e, o) => e == o,
        };
        title_unsuffixed.add(
            &name,
            e_title.as_deref(),
            Some(&article.title),
            same_but_suffix,
        );

        let e_byline = expected("byline");
        let ours = (!article.authors.is_empty()).then(|| article.authors.join(", "));
        byline.add(
            &name,
            e_byline.as_deref(),
            ours.as_deref(),
            byline_words(e_byline.as_deref()) == byline_words(ours.as_deref()),
        );
        byline_names.add(
            &name,
            e_byline.as_deref(),
            ours.as_deref(),
            name_words(e_byline.as_deref()) == name_words(ours.as_deref()),
        );

        let e_lang = expected("lang");
        lang.add(
            &name,
            e_lang.as_deref(),
            article.lang.as_deref(),
            fold(e_lang.as_deref()) == fold(article.lang.as_deref()),
        );

        let e_site = expected("siteName");
        site.add(
            &name,
            e_site.as_deref(),
            article.site.as_deref(),
            fold(e_site.as_deref()) == fold(article.site.as_deref()),
        );

        let e_date = expected("publishedTime");
        let e_instant = e_date
            .as_deref()
            .and_then(parse_date)
            .map(|d| d.timestamp());
        let ours = article.published.map(|d| d.to_rfc3339());
        date.add(
            &name,
            e_date.as_deref(),
            ours.as_deref(),
            e_instant == article.published.map(|d| d.timestamp()),
        );
    }

    let n = scores.len().max(1) as f64;
    let mean = |f: fn(&PageScore) -> f64| scores.iter().map(f).sum::<f64>() / n;
    println!("pages: {} from {}", scores.len(), dir.display());
    println!(
        "body text      F1 {:.3}   precision {:.3}   recall {:.3}   (means over pages)",
        mean(|s| s.f1),
        mean(|s| s.precision),
        mean(|s| s.recall)
    );
    for line in [
        title.line("title"),
        title_unsuffixed.line("title*"),
        byline.line("byline"),
        byline_names.line("byline*"),
        lang.line("lang"),
        site.line("siteName"),
        date.line("publishedTime"),
    ] {
        println!("{line}");
    }
    println!(
        "empty text where text was expected: {}",
        empty_but_expected.len()
    );
    let mb = bytes_total as f64 / 1_000_000.0;
    println!(
        "speed          {:.1} MB in {:.2} s on one core = {:.1} MB/s",
        mb,
        time_total.as_secs_f64(),
        mb / time_total.as_secs_f64().max(1e-9)
    );
    println!(
        "places         {:.0} ms of the {:.0} ms ({:.1}%), mentions and tagging",
        tagging_time.as_secs_f64() * 1000.0,
        time_total.as_secs_f64() * 1000.0,
        100.0 * tagging_time.as_secs_f64() / time_total.as_secs_f64().max(1e-9)
    );
    scores.sort_by(|a, b| a.f1.total_cmp(&b.f1));
    println!("worst pages by F1:");
    for s in scores.iter().take(10) {
        println!(
            "  {:<40} F1 {:.3}  P {:.3}  R {:.3}",
            s.name, s.f1, s.precision, s.recall
        );
    }
    if verbose {
        for (name, a) in [
            ("title", &title),
            ("byline", &byline),
            ("lang", &lang),
            ("siteName", &site),
            ("publishedTime", &date),
        ] {
            println!("{name} disagreements:");
            for m in &a.misses {
                println!("  {m}");
            }
        }
    }
}
