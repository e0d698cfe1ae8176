//! Nothing lost, ever: an index run killed at any moment (SIGKILL at 20 moments of a run,
//! from its first milliseconds to the instants around commits) leaves an index that opens,
//! never holds fewer articles than before, never holds a page twice, and that the next run
//! completes; Ctrl-C commits and stops; a run that cannot write fails naming the index and
//! keeps the last commit; one index refuses a second corpus.
//!
//! The corpus size is `DATELINE_FAULT_PAGES` (default 2,000 pages).

mod common;

use std::collections::HashSet;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use common::dateline;

fn write(root: &Path, rel: &str, content: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

/// `pages` generated news pages in 20 folders, each with a word of its own (`markerN`).
fn corpus(pages: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let filler: String = (0..12)
        .map(|i| format!("<p>Paragraph {i} on the harvest, the rains and the markets of the valley, where traders weigh sacks of maize at dawn and argue over the price of diesel.</p>"))
        .collect();
    for i in 0..pages {
        let html = format!(
            "<html lang=\"en\"><head><title>Valley report {i}</title></head><body><article><h1>Valley report {i}</h1>{filler}<p>Unique marker{i}.</p></article></body></html>"
        );
        write(dir.path(), &format!("d{}/p{i}.html", i % 20), &html);
    }
    dir
}

fn fault_pages() -> usize {
    std::env::var("DATELINE_FAULT_PAGES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000)
}

fn spawn_index(corpus: &Path, index: &Path, extra: &[&str]) -> Child {
    StdCommand::new(assert_cmd::cargo::cargo_bin("dateline"))
        .arg("index")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .arg("--quiet")
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Runs `dateline index` to its end.
fn run_index(corpus: &Path, index: &Path, extra: &[&str]) -> std::process::Output {
    spawn_index(corpus, index, extra)
        .wait_with_output()
        .unwrap()
}

/// The ids of every article in the index, through the real binary; `None` when there is
/// no index folder at all. Panics when the index does not open.
fn indexed_ids(index: &Path) -> Option<Vec<String>> {
    if !index.exists() {
        return None;
    }
    let out = dateline()
        .args([
            "query",
            "*",
            "--all-copies",
            "--format",
            "jsonl",
            "--fields",
            "id",
            "--limit",
            "1000000",
            "--index",
        ])
        .arg(index)
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if code == 2 && stderr.contains("no index at") {
        // A folder holding only the record a new index writes first: nothing to lose yet.
        return None;
    }
    assert!(code == 0 || code == 1, "the index does not open: {stderr}");
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|line| {
                let hit: serde_json::Value = serde_json::from_str(line).unwrap();
                hit["id"].as_str().unwrap().to_string()
            })
            .collect(),
    )
}

/// How many commits tantivy's meta.json records (its opstamp changes at each one).
fn commit_stamp(index: &Path) -> Option<u64> {
    let text = std::fs::read_to_string(index.join("meta.json")).ok()?;
    let meta: serde_json::Value = serde_json::from_str(&text).ok()?;
    meta["opstamp"].as_u64()
}

/// When to kill the n-th run: at a fixed delay after its start, or just after its
/// next commit shows in meta.json.
#[derive(Debug, Clone, Copy)]
enum Moment {
    After(Duration),
    AfterCommit(Duration),
}

#[test]
fn runs_killed_at_twenty_moments_lose_nothing_and_the_last_run_completes() {
    let pages = fault_pages();
    let corpus = corpus(pages);
    let parent = tempfile::tempdir().unwrap();
    let index = parent.path().join("index");
    let ms = Duration::from_millis;
    let moments = [
        Moment::After(ms(0)),
        Moment::After(ms(5)),
        Moment::After(ms(20)),
        Moment::After(ms(50)),
        Moment::After(ms(100)),
        Moment::AfterCommit(ms(0)),
        Moment::After(ms(150)),
        Moment::AfterCommit(ms(1)),
        Moment::After(ms(300)),
        Moment::AfterCommit(ms(5)),
        Moment::After(ms(500)),
        Moment::AfterCommit(ms(0)),
        Moment::After(ms(80)),
        Moment::AfterCommit(ms(20)),
        Moment::After(ms(700)),
        Moment::AfterCommit(ms(2)),
        Moment::After(ms(250)),
        Moment::AfterCommit(ms(0)),
        Moment::After(ms(1000)),
        Moment::AfterCommit(ms(10)),
    ];
    let mut before = 0usize;
    let mut finished_early = 0;
    for (n, moment) in moments.iter().enumerate() {
        let stamp = commit_stamp(&index);
        let mut child = spawn_index(corpus.path(), &index, &["--commit-every", "50"]);
        let started = Instant::now();
        match *moment {
            Moment::After(delay) => std::thread::sleep(delay),
            Moment::AfterCommit(delay) => {
                while commit_stamp(&index) == stamp
                    && child.try_wait().unwrap().is_none()
                    && started.elapsed() < Duration::from_secs(60)
                {
                    std::thread::sleep(Duration::from_micros(200));
                }
                std::thread::sleep(delay);
            }
        }
        // SIGKILL: no handler runs, nothing is flushed.
        let _ = child.kill();
        let status = child.wait().unwrap();
        if status.success() {
            finished_early += 1;
        }
        let Some(ids) = indexed_ids(&index) else {
            assert_eq!(
                before, 0,
                "kill {n} ({moment:?}): the index folder vanished"
            );
            continue;
        };
        let unique: HashSet<&String> = ids.iter().collect();
        assert_eq!(
            unique.len(),
            ids.len(),
            "kill {n} ({moment:?}): a page is in the index twice"
        );
        assert!(
            ids.len() >= before,
            "kill {n} ({moment:?}): the index went from {before} to {} articles",
            ids.len()
        );
        before = ids.len();
        // A run that had time to finish leaves nothing for the next kills to cut: they
        // start again from no index, so that every moment cuts a run that has work.
        if status.success() {
            assert_eq!(
                ids.len(),
                pages,
                "kill {n} ({moment:?}): a finished run lost pages"
            );
            std::fs::remove_dir_all(&index).unwrap();
            before = 0;
        }
    }
    assert!(
        finished_early < moments.len() / 2,
        "most runs should have been cut short; make the corpus larger"
    );
    let out = run_index(corpus.path(), &index, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ids = indexed_ids(&index).unwrap();
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(ids.len(), pages, "one article per page");
    assert_eq!(unique.len(), pages, "no page twice");
}

#[test]
fn ctrl_c_commits_what_was_extracted_and_the_next_run_finishes() {
    let pages = fault_pages();
    let corpus = corpus(pages);
    let parent = tempfile::tempdir().unwrap();
    let index = parent.path().join("index");
    let mut interrupted = 0;
    // Several moments, since how long a run takes depends on the build and the machine:
    // one that lands mid-run is enough.
    for ms in [0, 30, 100, 250, 400] {
        let wait = Duration::from_millis(ms);
        let child = spawn_index(corpus.path(), &index, &[]);
        std::thread::sleep(wait);
        let sent = StdCommand::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.success() {
            continue; // finished before the signal came
        }
        if out.status.signal() == Some(2) {
            // Came before the handler was installed: a death as safe as SIGKILL's.
            assert!(ms < 100, "Ctrl-C after {ms} ms killed the run: {stderr}");
            indexed_ids(&index);
            continue;
        }
        assert_eq!(out.status.code(), Some(130), "{stderr}");
        let committed: usize = stderr
            .split("interrupted: ")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no interrupted line: {stderr}"));
        assert!(stderr.contains("run dateline index again to finish"));
        let ids = indexed_ids(&index).expect("the index opens");
        assert!(ids.len() >= committed, "{} < {committed}", ids.len());
        interrupted += 1;
    }
    assert!(
        interrupted > 0,
        "no run was interrupted by Ctrl-C; make the corpus larger"
    );
    let out = run_index(corpus.path(), &index, &[]);
    assert!(out.status.success());
    assert_eq!(indexed_ids(&index).unwrap().len(), pages);
}

#[test]
fn a_run_that_cannot_write_names_the_index_and_keeps_the_last_commit() {
    let corpus = corpus(30);
    let parent = tempfile::tempdir().unwrap();
    let index = parent.path().join("index");
    let out = run_index(corpus.path(), &index, &[]);
    assert!(out.status.success());
    let bigger = tempfile::tempdir().unwrap();
    copy_dir(corpus.path(), bigger.path());
    let extra = self::corpus(2_000);
    copy_dir(extra.path(), &bigger.path().join("more"));
    // The same corpus, grown, moved: its committed pages keep their ids. Writes past 32 KB
    // fail with EFBIG (SIGXFSZ ignored, as a shell's `ulimit -f` with a trap makes it).
    // The pages are alike and compress well: with a larger limit, a loaded machine that
    // spreads them over more segments could write each under it and finish.
    let script = format!(
        "trap '' XFSZ; ulimit -f 64; exec '{}' index '{}' --index '{}' --quiet",
        assert_cmd::cargo::cargo_bin("dateline").display(),
        bigger.path().display(),
        index.display()
    );
    let out = StdCommand::new("sh")
        .args(["-c", &script])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&index.display().to_string()),
        "the message names the index: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(indexed_ids(&index).unwrap().len(), 30);
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn an_index_refuses_a_second_corpus_and_keeps_the_first() {
    let first = corpus(10);
    let second = tempfile::tempdir().unwrap();
    write(
        second.path(),
        "other.html",
        "<html><head><title>Another archive</title></head><body><p>Quite another story, about the harbour and its cranes, told at length.</p></body></html>",
    );
    let parent = tempfile::tempdir().unwrap();
    let index = parent.path().join("index");
    assert!(run_index(first.path(), &index, &[]).status.success());
    let out = run_index(second.path(), &index, &[]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let first_root = first.path().canonicalize().unwrap();
    let second_root = second.path().canonicalize().unwrap();
    assert!(
        stderr.contains(&first_root.display().to_string())
            && stderr.contains(&second_root.display().to_string())
            && stderr.contains("--rebuild"),
        "{stderr}"
    );
    assert_eq!(
        indexed_ids(&index).unwrap().len(),
        10,
        "the first archive is kept"
    );
    let out = run_index(second.path(), &index, &["--rebuild"]);
    assert!(out.status.success());
    assert_eq!(indexed_ids(&index).unwrap(), vec!["other.html".to_string()]);
}

/// A web archive of `pages` generated news pages, one `response` record each (gzipped
/// per record, as crawlers write them).
fn archive_corpus(pages: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let filler: String = (0..12)
        .map(|i| format!("<p>Paragraph {i} on the harvest, the rains and the markets of the valley, where traders weigh sacks of maize at dawn.</p>"))
        .collect();
    let mut warc = common::Warc::default();
    for i in 0..pages {
        let html = format!(
            "<html lang=\"en\"><head><title>Valley report {i}</title></head><body><article><h1>Valley report {i}</h1>{filler}<p>Unique marker{i}.</p></article></body></html>"
        );
        warc.response(
            &format!("https://valley.example/{i}"),
            "2019-11-19T12:00:00Z",
            "200 OK\r\nContent-Type: text/html",
            html.as_bytes(),
        );
    }
    std::fs::write(
        dir.path().join("crawl.warc.gz"),
        warc.bytes(common::Gzip::PerRecord),
    )
    .unwrap();
    dir
}

#[test]
fn a_web_archive_killed_while_read_is_finished_by_the_next_run_without_duplicates() {
    let pages = fault_pages();
    let corpus = archive_corpus(pages);
    let parent = tempfile::tempdir().unwrap();
    let index = parent.path().join("index");
    let mut seen = 0;
    for ms in [40, 120, 250, 500] {
        let child = spawn_index(corpus.path(), &index, &["--commit-every", "100"]);
        std::thread::sleep(Duration::from_millis(ms));
        let _ = StdCommand::new("kill")
            .args(["-KILL", &child.id().to_string()])
            .status();
        let _ = child.wait_with_output();
        if let Some(ids) = indexed_ids(&index) {
            let unique: HashSet<&String> = ids.iter().collect();
            assert_eq!(
                unique.len(),
                ids.len(),
                "no record twice after a kill at {ms} ms"
            );
            assert!(
                ids.len() >= seen,
                "the count went down after a kill at {ms} ms"
            );
            seen = ids.len();
        }
    }
    let out = run_index(corpus.path(), &index, &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ids = indexed_ids(&index).unwrap();
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(ids.len(), pages, "one article per record");
    assert_eq!(unique.len(), pages, "no record twice");
    assert!(ids.iter().all(|id| id.starts_with("crawl.warc.gz#")));
}
