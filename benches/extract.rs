//! Extraction speed: `dateline::extract::extract_bytes` over every page of corpus/,
//! loaded into memory first (no I/O). Criterion reports the throughput in bytes/s. Place
//! tagging and place mentions, steps of extraction, are also timed alone on the same
//! pages, so their share of extraction (and of indexing, see benches/index.rs) can be read
//! off.
//!
//! `cargo bench --bench extract`

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::extract::extract_bytes;
use dateline::places::{article_mentions, tag_places};

fn extract(c: &mut Criterion) {
    let pages = common::load_pages();
    let bytes: u64 = pages.iter().map(|(_, b)| b.len() as u64).sum();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function(format!("corpus ({} pages)", pages.len()), |b| {
        b.iter(|| {
            for (rel, page) in &pages {
                let _ = black_box(extract_bytes(black_box(page), rel));
            }
        })
    });
    group.finish();

    let articles: Vec<_> = pages
        .iter()
        .filter_map(|(rel, page)| extract_bytes(page, rel).ok())
        .collect();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function(
        format!("place tagging alone ({} pages)", articles.len()),
        |b| {
            b.iter(|| {
                for article in &articles {
                    black_box(tag_places(black_box(article)));
                }
            })
        },
    );
    group.bench_function(
        format!("place mentions alone ({} pages)", articles.len()),
        |b| {
            b.iter(|| {
                for article in &articles {
                    black_box(article_mentions(black_box(article)));
                }
            })
        },
    );
    group.finish();

    // The largest page alone: a sense of the cost per page of a long article.
    let (rel, page) = pages.iter().max_by_key(|(_, b)| b.len()).expect("a page");
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("largest page", |b| {
        b.iter(|| black_box(extract_bytes(black_box(page), rel)))
    });
    group.finish();
}

/// Pages built to make per-name work add up: a 2 MB paragraph of "Paris." (a sentence end
/// after every name) and of "Paris " (no sentence end at all). Both once took minutes.
fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract hostile");
    group.sample_size(10);
    for (name, unit) in [
        ("2 MB of 'Paris.'", "Paris."),
        ("2 MB of 'Paris '", "Paris "),
    ] {
        let page = format!(
            "<html><body><article><p>{}</p></article></body></html>",
            unit.repeat((2 << 20) / unit.len())
        );
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(extract_bytes(black_box(page.as_bytes()), "hostile.html")))
        });
    }
    group.finish();
}

criterion_group!(benches, extract, hostile);
criterion_main!(benches);
