//! Indexing speed: the whole of corpus/ into a fresh temporary index through the
//! library (`dateline::index_corpus`), extraction on all cores and one tantivy writer,
//! as `dateline index --rebuild` does. Criterion reports the throughput in bytes/s.
//!
//! `cargo bench --bench index`

mod common;

use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use dateline::{IndexOptions, index_corpus, indexer::NoProgress};

fn index(c: &mut Criterion) {
    let corpus = common::corpus_dir();
    let bytes = common::corpus_bytes();
    let mut group = c.benchmark_group("index");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("corpus into a fresh index", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("temp dir"),
            |dir| {
                let opts = IndexOptions::new(&corpus, dir.path().join("index"));
                let report = index_corpus(&opts, &NoProgress).expect("index corpus/");
                assert!(report.added > 0, "nothing indexed");
                // Returned so the folder is removed outside the measured time.
                dir
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, index);
criterion_main!(benches);
