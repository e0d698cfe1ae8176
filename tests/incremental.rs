//! Incremental and crash-safe indexing: only changed pages are re-read, vanished pages
//! leave the index, a killed run keeps what it committed, and a second writer is refused.

mod common;

use std::path::Path;
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use common::dateline;

fn page(title: &str, word: &str) -> String {
    let para = format!(
        "<p>NAIROBI, Kenya -- {title}: officials said on Monday that the {word} programme would continue through the dry season, and that more trucks had been sent to the northern counties.</p>"
    );
    format!(
        "<html lang=\"en\"><head><title>{title}</title></head><body><article><h1>{title}</h1>{para}{para}{para}</article></body></html>"
    )
}

fn write(root: &Path, rel: &str, content: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

fn index(corpus: &Path, index: &Path, extra: &[&str]) -> (i32, String, String) {
    let out = dateline()
        .arg("index")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .args(extra)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn total(index: &Path, q: &str) -> u64 {
    let out = dateline()
        .args(["query", q, "--format", "json", "--limit", "0", "--index"])
        .arg(index)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    doc["total"].as_u64().unwrap()
}

#[test]
fn touched_edited_added_and_deleted_pages_are_counted_and_searchable() {
    let corpus = tempfile::tempdir().unwrap();
    let index_dir = tempfile::tempdir().unwrap();
    for i in 0..5 {
        write(
            corpus.path(),
            &format!("p{i}.html"),
            &page(&format!("Food aid story {i}"), "feeding"),
        );
    }
    let (code, out, _) = index(corpus.path(), index_dir.path(), &[]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("added 5, updated 0, removed 0, unchanged 0, skipped 0"),
        "{out}"
    );

    // Nothing changed: nothing is read.
    let (_, out, _) = index(corpus.path(), index_dir.path(), &[]);
    assert!(
        out.starts_with("added 0, updated 0, removed 0, unchanged 5"),
        "{out}"
    );
    assert!(out.contains("read 0.0 MB"), "{out}");

    // Touch one (same bytes), edit one, delete one, add one.
    let p0 = corpus.path().join("p0.html");
    let file = std::fs::File::options().append(true).open(&p0).unwrap();
    file.set_modified(std::time::SystemTime::now() + Duration::from_secs(5))
        .unwrap();
    write(
        corpus.path(),
        "p1.html",
        &page("Food aid story 1", "irrigation"),
    );
    std::fs::remove_file(corpus.path().join("p2.html")).unwrap();
    write(
        corpus.path(),
        "sub/p5.html",
        &page("Food aid story 5", "feeding"),
    );
    let (_, out, _) = index(corpus.path(), index_dir.path(), &[]);
    assert!(
        out.starts_with("added 1, updated 1, removed 1, unchanged 3"),
        "{out}"
    );

    assert_eq!(total(index_dir.path(), "*"), 5, "no duplicates");
    assert_eq!(total(index_dir.path(), "irrigation"), 1);
    assert_eq!(
        total(index_dir.path(), "feeding"),
        4,
        "old text of p1 is gone, p2 is gone, p5 is in"
    );
    assert_eq!(total(index_dir.path(), "\"story 2\""), 0);
}

#[test]
fn moving_the_corpus_and_index_does_not_force_a_rebuild() {
    let base = tempfile::tempdir().unwrap();
    let (corpus, idx) = (base.path().join("a/corpus"), base.path().join("a/index"));
    for i in 0..3 {
        write(
            &corpus,
            &format!("p{i}.html"),
            &page(&format!("Story {i}"), "feeding"),
        );
    }
    index(&corpus, &idx, &[]);
    std::fs::rename(base.path().join("a"), base.path().join("b")).unwrap();
    let (code, out, err) = index(
        &base.path().join("b/corpus"),
        &base.path().join("b/index"),
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("added 0, updated 0, removed 0, unchanged 3"),
        "{out}"
    );
}

#[test]
fn rebuild_starts_from_scratch() {
    let corpus = tempfile::tempdir().unwrap();
    let index_dir = tempfile::tempdir().unwrap();
    write(corpus.path(), "a.html", &page("Story A", "feeding"));
    index(corpus.path(), index_dir.path(), &[]);
    let (_, out, _) = index(corpus.path(), index_dir.path(), &["--rebuild"]);
    assert!(
        out.starts_with("added 1, updated 0, removed 0, unchanged 0"),
        "{out}"
    );
    assert_eq!(total(index_dir.path(), "*"), 1);
}

/// A corpus big enough that an index run lasts a while on any machine.
fn big_corpus(pages: usize) -> tempfile::TempDir {
    let corpus = tempfile::tempdir().unwrap();
    fill(corpus.path(), pages);
    corpus
}

/// Writes `pages` generated pages into `root`.
fn fill(root: &Path, pages: usize) {
    let filler: String = (0..40)
        .map(|i| format!("<p>Paragraph {i} about the harvest, the rains and the markets of the valley, where traders weigh sacks of maize at dawn.</p>"))
        .collect();
    for i in 0..pages {
        let html = format!(
            "<html lang=\"en\"><head><title>Valley report {i}</title></head><body><article><h1>Valley report {i}</h1>{filler}<p>Unique marker word{i}.</p></article></body></html>"
        );
        write(root, &format!("d{}/p{i}.html", i % 20), &html);
    }
}

#[test]
fn a_killed_run_leaves_a_usable_index_that_the_next_run_completes() {
    let pages = 3000;
    let corpus = big_corpus(pages);
    let index_dir = tempfile::tempdir().unwrap();
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("dateline"))
        .arg("index")
        .arg(corpus.path())
        .arg("--index")
        .arg(index_dir.path())
        .args(["--commit-every", "100", "--quiet"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the first commit (tantivy's meta.json then lists a segment), then kill -9.
    let started = Instant::now();
    let committed_segments = || {
        std::fs::read_to_string(index_dir.path().join("meta.json"))
            .ok()
            .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
            .and_then(|meta| meta["segments"].as_array().map(Vec::len))
            .unwrap_or(0)
    };
    while committed_segments() == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no commit within a minute"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();

    let committed = total(index_dir.path(), "*");
    assert!(
        committed >= 100,
        "the first commit holds at least 100 pages, found {committed}"
    );
    assert!(
        committed < pages as u64 || status.success(),
        "the run was cut short"
    );

    let (code, out, err) = index(corpus.path(), index_dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(&format!("unchanged {committed},")),
        "committed pages are not re-read: {out}"
    );
    assert_eq!(
        total(index_dir.path(), "*"),
        pages as u64,
        "complete and without duplicates"
    );
    assert_eq!(total(index_dir.path(), "word2999"), 1);
}

#[test]
fn a_second_writer_is_refused_and_queries_work_during_a_run() {
    let corpus = tempfile::tempdir().unwrap();
    let index_dir = tempfile::tempdir().unwrap();
    // A first small run so there is something to query; then the archive grows.
    write(
        corpus.path(),
        "first.html",
        &page("Drought relief", "feeding"),
    );
    index(corpus.path(), index_dir.path(), &[]);
    fill(corpus.path(), 3000);

    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("dateline"))
        .arg("index")
        .arg(corpus.path())
        .arg("--index")
        .arg(index_dir.path())
        .args(["--quiet"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let still_running = child.try_wait().unwrap().is_none();

    let (code, _, err) = index(corpus.path(), index_dir.path(), &[]);
    let query_total = total(index_dir.path(), "*");
    child.wait().unwrap();
    assert!(
        still_running,
        "the first run ended before the second started; make the corpus bigger"
    );
    assert_eq!(code, 2, "second writer must fail: {err}");
    assert!(
        err.contains("is locked by another `dateline index` run")
            && err.contains(".tantivy-writer.lock"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(query_total >= 1, "queries answer during a run");
    // After the run the lock is gone.
    let (code, _, err) = index(corpus.path(), index_dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_language_new_to_the_index_is_stemmed_after_an_incremental_run() {
    // Queries look for other word forms only in the languages the index holds, so a
    // Russian page added to an English archive must widen Russian words from then on.
    let corpus = tempfile::tempdir().unwrap();
    let index_dir = tempfile::tempdir().unwrap();
    let source = common::corpus_dir();
    let copy = |rel: &str| {
        let to = corpus.path().join(rel.replace('/', "_"));
        std::fs::copy(source.join(rel), to).unwrap();
    };
    copy("wire/almaty-shopkeepers-count-losses.html");
    let (code, _, err) = index(corpus.path(), index_dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(total(index_dir.path(), "задержание"), 0);

    copy("ru/uralsk-zaderzhany-uchastniki-protesta.html");
    let (code, out, err) = index(corpus.path(), index_dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("added 1,"), "{out}");
    // The page says "задержаны", never "задержание": only the Russian stemmer finds it.
    assert_eq!(total(index_dir.path(), "задержание"), 1);
}

#[test]
fn the_readme_set_up_works_with_the_repository_index_folder() {
    // `dateline index` with no arguments, from a folder laid out as this repository is:
    // corpus/ with pages, index/ holding only its README.
    let root = tempfile::tempdir().unwrap();
    write(
        root.path(),
        "corpus/a.html",
        &page("Drought relief", "feeding"),
    );
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("index/README.md"))
            .unwrap();
    write(root.path(), "index/README.md", &readme);
    let out = dateline()
        .current_dir(root.path())
        .arg("index")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("added 1,"));
    assert!(
        root.path().join("index/README.md").is_file(),
        "the note is kept"
    );
    assert_eq!(total(&root.path().join("index"), "drought"), 1);
}

/// Segment ids listed in the index's meta.json, and the segment files in the folder.
fn segments(index: &Path) -> (Vec<String>, std::collections::BTreeSet<String>) {
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(index.join("meta.json")).unwrap()).unwrap();
    let listed = meta["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["segment_id"].as_str().unwrap().replace('-', ""))
        .collect();
    let on_disk = std::fs::read_dir(index)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".idx").map(str::to_string)
        })
        .collect();
    (listed, on_disk)
}

#[test]
fn a_run_of_many_commits_leaves_one_segment_and_no_stale_files() {
    let corpus = tempfile::tempdir().unwrap();
    let index_dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        write(
            corpus.path(),
            &format!("p{i}.html"),
            &page(&format!("Story {i}"), &format!("grain{i}")),
        );
    }
    let (code, _, err) = index(corpus.path(), index_dir.path(), &["--commit-every", "10"]);
    assert_eq!(code, 0, "{err}");
    let (listed, on_disk) = segments(index_dir.path());
    assert_eq!(listed.len(), 1, "four commits merged into one segment");
    assert_eq!(
        on_disk,
        listed.into_iter().collect(),
        "no files of merged segments left"
    );
    assert_eq!(total(index_dir.path(), "programme"), 40);

    // A small later run writes its own segment and leaves the big one alone.
    write(corpus.path(), "late.html", &page("Late story", "latecomer"));
    let (code, _, err) = index(corpus.path(), index_dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    let (listed, on_disk) = segments(index_dir.path());
    assert_eq!(listed.len(), 2);
    assert_eq!(on_disk, listed.into_iter().collect());
    assert_eq!(total(index_dir.path(), "programme"), 41);
    assert_eq!(total(index_dir.path(), "latecomer"), 1);
}

#[test]
fn an_index_made_by_another_version_of_dateline_is_extracted_again_once() {
    let corpus = tempfile::tempdir().unwrap();
    let index_dir = tempfile::tempdir().unwrap();
    for i in 0..3 {
        write(
            corpus.path(),
            &format!("p{i}.html"),
            &page(&format!("Food aid story {i}"), "feeding"),
        );
    }
    let (code, _, _) = index(corpus.path(), index_dir.path(), &[]);
    assert_eq!(code, 0);
    // What an older dateline wrote: no record of its extraction, or another one.
    for older in [None, Some("0123456789abcdef")] {
        stamp_extractor(index_dir.path(), older);
        let (code, out, err) = index(corpus.path(), index_dir.path(), &[]);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.starts_with("added 0, updated 3, removed 0, unchanged 0"),
            "{older:?}: {out}"
        );
        assert!(
            err.contains("made by another version of dateline; every page was extracted again"),
            "{err}"
        );
        assert_eq!(total(index_dir.path(), "feeding"), 3);
        // Once is enough.
        let (_, out, err) = index(corpus.path(), index_dir.path(), &[]);
        assert!(
            out.starts_with("added 0, updated 0, removed 0, unchanged 3"),
            "{out}"
        );
        assert!(!err.contains("another version"), "{err}");
    }
}

#[test]
fn a_page_the_new_version_cannot_read_keeps_the_re_extraction_pending() {
    let corpus = tempfile::tempdir().unwrap();
    let index_dir = tempfile::tempdir().unwrap();
    write(
        corpus.path(),
        "small.html",
        &page("Food aid story", "feeding"),
    );
    // A page of about 1.5 MB, which a run limited to 1 MB skips.
    let big = page("Long food aid story", &"feeding ".repeat(200_000));
    write(corpus.path(), "big.html", &big);
    let (code, _, err) = index(corpus.path(), index_dir.path(), &[]);
    assert_eq!(code, 0, "{err}");
    stamp_extractor(index_dir.path(), Some("0123456789abcdef"));
    // The big page is kept in its old version: the re-extraction is not done.
    let (_, out, _) = index(corpus.path(), index_dir.path(), &["--max-page-mb", "1"]);
    assert!(out.starts_with("added 0, updated 1, removed 0"), "{out}");
    let (_, out, err) = index(corpus.path(), index_dir.path(), &[]);
    assert!(out.starts_with("added 0, updated 2, removed 0"), "{out}");
    assert!(err.contains("every page was extracted again"), "{err}");
    let (_, out, _) = index(corpus.path(), index_dir.path(), &[]);
    assert!(
        out.starts_with("added 0, updated 0, removed 0, unchanged 2"),
        "{out}"
    );
}

/// Makes the index look built by another version of dateline: one that stamped `print`
/// as its extractor, or (None) one from before the stamp existed.
fn stamp_extractor(index_dir: &Path, print: Option<&str>) {
    let info_path = index_dir.join("dateline.json");
    let mut info: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&info_path).unwrap()).unwrap();
    let fields = info.as_object_mut().unwrap();
    match print {
        None => fields.remove("extractor"),
        Some(print) => fields.insert("extractor".into(), print.into()),
    };
    std::fs::write(&info_path, info.to_string()).unwrap();
}
