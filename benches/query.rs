//! Query speed: one `Searcher` opened on an index of corpus/ built in setup, then
//! `Searcher::search` (top 10 with highlighted title and body snippets) for queries of
//! each kind: word, phrase, boolean, prefix, date and place filters, match-all sorted.
//!
//! `cargo bench --bench query`

mod common;

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use dateline::{
    IndexOptions, SearchRequest, Searcher, SortOrder, index_corpus, indexer::NoProgress,
};

fn query(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = dir.path().join("index");
    index_corpus(
        &IndexOptions::new(common::corpus_dir(), &index),
        &NoProgress,
    )
    .expect("index corpus/");
    let searcher = Searcher::open(&index).expect("open the index");

    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let cases: Vec<(&str, SearchRequest)> = vec![
        (
            "word",
            SearchRequest {
                query: "protest".into(),
                limit: 10,
                ..Default::default()
            },
        ),
        (
            "rare word",
            SearchRequest {
                query: "Zhanaozen".into(),
                limit: 10,
                ..Default::default()
            },
        ),
        (
            "phrase",
            SearchRequest {
                query: "\"liquefied petroleum gas\"".into(),
                limit: 10,
                ..Default::default()
            },
        ),
        (
            "and not",
            SearchRequest {
                query: "Kazakhstan AND NOT Almaty".into(),
                limit: 10,
                ..Default::default()
            },
        ),
        (
            "or",
            SearchRequest {
                query: "Uralsk OR Уральске".into(),
                limit: 10,
                ..Default::default()
            },
        ),
        (
            "prefix",
            SearchRequest {
                query: "protest*".into(),
                limit: 10,
                ..Default::default()
            },
        ),
        (
            "field",
            SearchRequest {
                query: "title:election".into(),
                limit: 10,
                ..Default::default()
            },
        ),
        (
            "date filter",
            SearchRequest {
                query: "protest".into(),
                limit: 10,
                since: day("2020-01-01"),
                until: day("2022-12-31"),
                ..Default::default()
            },
        ),
        (
            "place filter",
            SearchRequest {
                query: "protest".into(),
                limit: 10,
                place: Some("Kazakhstan".into()),
                ..Default::default()
            },
        ),
        (
            "all, newest first",
            SearchRequest {
                query: "*".into(),
                limit: 10,
                sort: SortOrder::Newest,
                ..Default::default()
            },
        ),
    ];
    let mut group = c.benchmark_group("query");
    for (name, req) in &cases {
        let found = searcher.search(req).expect("query runs");
        assert!(
            !found.hits.is_empty(),
            "{name}: no hits for {:?}",
            req.query
        );
        group.bench_function(*name, |b| {
            b.iter(|| black_box(searcher.search(black_box(req)).expect("query runs")))
        });
    }
    group.finish();
    drop(searcher);
    drop(dir);
}

criterion_group!(benches, query);
criterion_main!(benches);
