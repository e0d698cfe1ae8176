//! Known-item ranking evaluation.
//!
//! `cargo run --release --example eval_ranking -- ../shared/eval/readability-pages`
//!
//! Indexes every `source.html` under the folder, then for each page asks two kinds of
//! query that should bring that page up: its headline with each word in another form
//! (plural/singular, -ed/-ing dropped), and three of its most distinctive body words. Prints
//! MRR, success@1 and success@10, with stemming (the default) and with `--exact`.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use dateline::{IndexOptions, SearchRequest, Searcher, index_corpus, indexer::NoProgress};

const STOPWORDS: &[&str] = &[
    "the", "and", "for", "with", "that", "this", "from", "are", "was", "were", "has", "have",
    "had", "not", "but", "you", "your", "its", "his", "her", "they", "their", "what", "how", "why",
    "who", "into", "about", "after", "over", "will", "can", "all", "our", "out", "new", "more",
    "one", "two",
];

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/eval/readability-pages".into()),
    );
    let corpus = tempfile_dir("corpus");
    let index = tempfile_dir("index");
    // Only the pages themselves, not the reference extractions beside them.
    let mut count = 0;
    for entry in std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
    {
        let source = entry.path().join("source.html");
        if source.is_file() {
            let name = entry.file_name().to_string_lossy().into_owned();
            std::fs::copy(&source, corpus.join(format!("{name}.html")))
                .expect("copy to temp corpus");
            count += 1;
        }
    }
    let report =
        index_corpus(&IndexOptions::new(&corpus, &index), &NoProgress).expect("index builds");
    let searcher = Searcher::open(&index).expect("index opens");
    println!(
        "pages: {count} ({} indexed) from {}",
        report.added,
        dir.display()
    );

    let all = searcher
        .search(&SearchRequest {
            query: "*".into(),
            limit: 10_000,
            all_copies: true,
            ..Default::default()
        })
        .expect("list all");
    let mut texts = Vec::new();
    for hit in &all.hits {
        let article = searcher.get(&hit.article.path).expect("stored article");
        texts.push(article);
    }
    let mut df: HashMap<String, usize> = HashMap::new();
    for a in &texts {
        let words: HashSet<String> = words(&a.text).collect();
        for w in words {
            *df.entry(w).or_insert(0) += 1;
        }
    }

    // A page with a near-copy in the set (the suite's lorem-ipsum test pages share their
    // text) cannot be told apart by any query: it is left out of the known-item test.
    let hashes: Vec<u64> = texts
        .iter()
        .map(|a| dateline::analysis::simhash(&a.text))
        .collect();
    let has_copy = |i: usize| {
        hashes.iter().enumerate().any(|(j, h)| {
            j != i
                && dateline::analysis::hamming(*h, hashes[i])
                    <= dateline::analysis::NEAR_DUPLICATE_BITS
        })
    };
    let unique: Vec<&dateline::Article> = texts
        .iter()
        .enumerate()
        .filter(|(i, _)| !has_copy(*i))
        .map(|(_, a)| a)
        .collect();
    println!(
        "{} pages have a near-copy in the set and are left out; {} remain",
        texts.len() - unique.len(),
        unique.len()
    );

    let mut headline_queries = Vec::new();
    let mut body_queries = Vec::new();
    for a in unique {
        let mut altered: Vec<String> = Vec::new();
        for w in words(&a.title).filter(|w| {
            w.chars().count() >= 4
                && !STOPWORDS.contains(&w.as_str())
                && w.chars().all(char::is_alphabetic)
        }) {
            let form = other_form(&w, &df);
            if !altered.contains(&form) && altered.len() < 5 {
                altered.push(form);
            }
        }
        if altered.len() >= 2 {
            headline_queries.push((a.path.clone(), altered.join(" ")));
        }
        let mut tf: HashMap<String, usize> = HashMap::new();
        for w in words(&a.text).filter(|w| w.len() >= 5 && w.chars().all(char::is_alphabetic)) {
            *tf.entry(w).or_insert(0) += 1;
        }
        let mut distinctive: Vec<(usize, String)> = tf
            .into_iter()
            .filter(|(_, n)| *n >= 2)
            .map(|(w, _)| (df.get(&w).copied().unwrap_or(1), w))
            .collect();
        distinctive.sort();
        let picked: Vec<String> = distinctive.into_iter().take(3).map(|(_, w)| w).collect();
        if picked.len() == 3 {
            body_queries.push((a.path.clone(), picked.join(" ")));
        }
    }

    for (name, queries) in [
        ("headline, other word forms", &headline_queries),
        ("distinctive body words", &body_queries),
    ] {
        for exact in [false, true] {
            let (mrr, at1, at10) = evaluate(&searcher, name, queries, exact);
            println!(
                "{name:<28} {:<12} queries {:>3}  MRR {mrr:.3}  success@1 {at1:.3}  success@10 {at10:.3}",
                if exact { "--exact" } else { "stemmed" },
                queries.len()
            );
        }
    }
    if std::env::var_os("EVAL_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(corpus.parent().unwrap_or(&corpus));
    }
}

fn evaluate(
    searcher: &Searcher,
    kind: &str,
    queries: &[(String, String)],
    exact: bool,
) -> (f64, f64, f64) {
    let (mut rr, mut at1, mut at10) = (0.0, 0.0, 0.0);
    for (target, q) in queries {
        // All words are required (the default), as a user types them.
        let request = SearchRequest {
            query: q.clone(),
            limit: 100,
            exact,
            all_copies: true,
            ..Default::default()
        };
        let rank = searcher
            .search(&request)
            .ok()
            .and_then(|r| r.hits.iter().position(|h| &h.article.path == target));
        if rank.is_none() && std::env::var_os("EVAL_VERBOSE").is_some() {
            let top: Vec<String> = searcher
                .search(&SearchRequest {
                    query: q.clone(),
                    limit: 3,
                    exact,
                    all_copies: true,
                    ..Default::default()
                })
                .map(|r| {
                    r.hits
                        .iter()
                        .map(|h| h.article.path.clone())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_else(|e| vec![e.to_string()]);
            eprintln!("miss {kind} exact={exact} {target}: {q} -> {top:?}");
        }
        if rank.is_some_and(|r| r > 0) && std::env::var_os("EVAL_VERBOSE").is_some() {
            eprintln!("late {kind} exact={exact} {target}: {q} at {rank:?}");
        }
        if let Some(rank) = rank {
            rr += 1.0 / (rank + 1) as f64;
            at1 += f64::from(u8::from(rank == 0));
            at10 += f64::from(u8::from(rank < 10));
        }
    }
    let n = queries.len().max(1) as f64;
    (rr / n, at1 / n, at10 / n)
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Another form of a word that occurs somewhere in the archive (plural or singular, -ing,
/// -ed...), so the query uses real words; the word itself when none does.
fn other_form(word: &str, df: &HashMap<String, usize>) -> String {
    let mut candidates = vec![
        format!("{word}s"),
        format!("{word}es"),
        format!("{word}ing"),
        format!("{word}ed"),
    ];
    for (suffix, replacements) in [
        ("ies", &["y"][..]),
        ("es", &["", "ing", "ed"][..]),
        ("s", &["", "ing", "ed"][..]),
        ("ing", &["", "e", "ed", "es", "s"][..]),
        ("ed", &["", "e", "ing", "es", "s"][..]),
        ("y", &["ies"][..]),
        ("e", &["es", "ing", "ed"][..]),
    ] {
        if let Some(stem) = word.strip_suffix(suffix).filter(|s| s.len() >= 3) {
            candidates.splice(0..0, replacements.iter().map(|r| format!("{stem}{r}")));
        }
    }
    candidates
        .into_iter()
        .find(|c| c != word && df.get(c).is_some_and(|n| *n > 0))
        .unwrap_or_else(|| word.to_string())
}

fn tempfile_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("dateline-eval-ranking-{}", std::process::id()))
        .join(name);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
