//! Bad input gives a clear message and the documented exit code; good pages around it
//! are still indexed and found.

mod common;

use common::dateline;

const GOOD_PAGE: &str = r#"<html lang="en"><head><title>Harbour reopens after storm | Coast Times</title></head>
<body><article><h1>Harbour reopens after storm</h1>
<p>KELSO BAY, Norway -- The harbour reopened on Tuesday after a week-long storm kept the fishing fleet in port and closed the ferry line to the islands.</p>
<p>Harbour master Ingrid Solberg said crews had cleared debris from the channel and checked every mooring before the first boats were allowed out.</p>
<p>The ferry company said its timetable would be back to normal by the weekend, and that tickets bought for cancelled sailings would be honoured.</p>
</article></body></html>"#;

fn temp_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("pages")).expect("mkdir");
    std::fs::write(dir.path().join("pages/good.html"), GOOD_PAGE).expect("write");
    dir
}

#[test]
fn binary_file_named_html_is_reported_and_skipped() {
    let corpus = temp_corpus();
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..5000u32).map(|i| (i * 31 % 251) as u8));
    std::fs::write(corpus.path().join("pages/photo.html"), png).unwrap();
    std::fs::write(corpus.path().join("pages/empty.html"), "").unwrap();
    let index = tempfile::tempdir().unwrap();

    let out = dateline()
        .arg("index")
        .arg(corpus.path().join("pages"))
        .arg("--index")
        .arg(index.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("photo.html") && stderr.contains("binary"),
        "{stderr}"
    );
    assert!(
        stderr.contains("empty.html") && stderr.contains("empty"),
        "{stderr}"
    );
    assert!(
        stdout
            .contains("added 1, updated 0, removed 0, unchanged 0, skipped 2 (1 binary, 1 empty)"),
        "{stdout}"
    );

    let out = dateline()
        .args(["query", "harbour", "--index"])
        .arg(index.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("good.html"));
}

#[test]
fn oversized_page_is_skipped_with_the_limit_named() {
    let corpus = temp_corpus();
    let big = format!(
        "<html><body><p>{}</p></body></html>",
        "word ".repeat(300_000)
    );
    std::fs::write(corpus.path().join("pages/huge.html"), big).unwrap();
    let index = tempfile::tempdir().unwrap();
    let out = dateline()
        .arg("index")
        .arg(corpus.path().join("pages"))
        .arg("--index")
        .arg(index.path())
        .args(["--max-page-mb", "1"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr.contains("huge.html")
            && stderr.contains("too large")
            && stderr.contains("--max-page-mb"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("added 1,"));
}

#[test]
fn missing_corpus_is_an_error() {
    let index = tempfile::tempdir().unwrap();
    let out = dateline()
        .args(["index", "/no/such/folder", "--index"])
        .arg(index.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/no/such/folder"), "{stderr}");
}

#[test]
fn missing_index_says_to_run_index_first() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing-here");
    let out = dateline()
        .args(["query", "protest", "--index"])
        .arg(&missing)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("no index at") && stderr.contains("run `dateline index` first"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "one-line error: {stderr}");
}

#[test]
fn index_from_another_format_asks_for_rebuild() {
    let corpus = temp_corpus();
    let index = tempfile::tempdir().unwrap();
    dateline()
        .arg("index")
        .arg(corpus.path())
        .arg("--index")
        .arg(index.path())
        .assert()
        .success();
    std::fs::write(
        index.path().join("dateline.json"),
        r#"{"format":0,"corpus":"/x"}"#,
    )
    .unwrap();
    let out = dateline()
        .args(["query", "harbour", "--index"])
        .arg(index.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("dateline index --rebuild"), "{stderr}");
    dateline()
        .arg("index")
        .arg(corpus.path())
        .arg("--index")
        .arg(index.path())
        .arg("--rebuild")
        .assert()
        .success();
    dateline()
        .args(["query", "harbour", "--index"])
        .arg(index.path())
        .assert()
        .code(0);
}

#[test]
fn extract_of_a_binary_file_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.html");
    std::fs::write(&path, b"%PDF-1.7\n\0\0\0binary").unwrap();
    let out = dateline().arg("extract").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("x.html") && stderr.contains("binary"),
        "{stderr}"
    );
}

#[test]
fn hostile_pages_are_indexed_as_well_as_possible_and_the_run_finishes() {
    use std::os::unix::ffi::OsStrExt;

    let corpus = temp_corpus();
    let root = corpus.path().join("pages");
    // 100,000 nested elements: must neither hang nor overflow the stack.
    let deep = format!(
        "<html><body>{}<p>Abyssal trench survey finds new species.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    std::fs::write(root.join("deep.html"), deep).unwrap();
    // Invalid UTF-8 in a page that claims UTF-8.
    let mut broken = b"<html><head><meta charset=utf-8></head><body><p>Glacier ".to_vec();
    broken.extend_from_slice(&[0xff, 0xfe, 0xc3]);
    broken.extend_from_slice(
        b" retreat measured in the Alps this summer by survey teams.</p></body></html>",
    );
    std::fs::write(root.join("broken-utf8.html"), broken).unwrap();
    // A file name that is not valid UTF-8.
    let odd_name = std::ffi::OsStr::from_bytes(b"caf\xe9-report.html");
    std::fs::write(
        root.join(odd_name),
        "<html><body><p>Espresso prices rise in Vienna cafes.</p></body></html>",
    )
    .unwrap();
    // A symlink loop.
    std::os::unix::fs::symlink(&root, root.join("loop")).unwrap();

    let index = tempfile::tempdir().unwrap();
    let out = dateline()
        .arg("index")
        .arg(&root)
        .arg("--index")
        .arg(index.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("loop") && stderr.contains("symlink loop"),
        "{stderr}"
    );
    assert!(stdout.starts_with("added 4,"), "{stdout}");

    for (word, page) in [
        ("harbour", "good.html"),
        ("abyssal", "deep.html"),
        ("glacier", "broken-utf8.html"),
        ("espresso", "report.html"),
    ] {
        let out = dateline()
            .args(["query", word, "--index"])
            .arg(index.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{word}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(page),
            "{word} -> {page}"
        );
    }
}

#[test]
fn random_bytes_named_html_are_skipped_as_binary() {
    let corpus = temp_corpus();
    // xorshift noise: what a corrupt download looks like; a single-byte charset decodes it.
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    let noise: Vec<u8> = (0..200_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    std::fs::write(corpus.path().join("pages/noise.html"), noise).unwrap();
    let index = tempfile::tempdir().unwrap();
    let out = dateline()
        .arg("index")
        .arg(corpus.path())
        .arg("--index")
        .arg(index.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("noise.html") && stderr.contains("binary"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("added 1,"));
}

#[test]
fn an_index_path_that_is_a_file_or_a_foreign_folder_is_named_as_such() {
    let corpus = temp_corpus();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("afile");
    std::fs::write(&file, "notes").unwrap();
    let documents = dir.path().join("documents");
    std::fs::create_dir(&documents).unwrap();
    std::fs::write(documents.join("letter.txt"), "dear").unwrap();
    for (path, says) in [(&file, "is a file"), (&documents, "letter.txt")] {
        for args in [vec!["index", "CORPUS"], vec!["query", "harbour"]] {
            let out = dateline()
                .args(args.iter().map(|a| {
                    if *a == "CORPUS" {
                        corpus.path().as_os_str()
                    } else {
                        std::ffi::OsStr::new(a)
                    }
                }))
                .arg("--index")
                .arg(path)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(stderr.contains(says), "{args:?}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{stderr}");
        }
    }
    assert_eq!(
        std::fs::read_dir(&documents).unwrap().count(),
        1,
        "left alone"
    );
}

#[test]
fn a_reversed_date_range_is_an_error() {
    let (code, _, stderr) = common::query(&["*", "--since", "2023-01-01", "--until", "2022-01-01"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("reversed") && stderr.contains("2023-01-01"),
        "{stderr}"
    );
}

#[test]
fn a_closed_pipe_ends_every_format_quietly() {
    // Enough output that it cannot fit in the pipe before `head` closes it.
    let corpus = tempfile::tempdir().unwrap();
    for i in 0..300 {
        std::fs::write(
            corpus.path().join(format!("p{i}.html")),
            GOOD_PAGE.replace("Harbour reopens", &format!("Harbour {i} reopens")),
        )
        .unwrap();
    }
    let index = tempfile::tempdir().unwrap();
    common::build_index(corpus.path(), index.path());
    let bin = assert_cmd::cargo::cargo_bin("dateline");
    for format in ["text", "json", "jsonl", "csv"] {
        let script = format!(
            "'{}' query harbour --all-copies --limit 300 --format {format} --index '{}' | head -c 1 >/dev/null; exit ${{PIPESTATUS[0]}}",
            bin.display(),
            index.path().display()
        );
        let out = std::process::Command::new("bash")
            .args(["-c", &script])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
        assert!(stderr.is_empty(), "{format}: {stderr}");
    }
}

#[test]
fn gzipped_pages_are_indexed_and_a_cut_one_is_named() {
    use std::io::Write;
    let corpus = tempfile::tempdir().unwrap();
    let gzip = |bytes: &[u8]| {
        let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(bytes).unwrap();
        z.finish().unwrap()
    };
    std::fs::write(
        corpus.path().join("harbour.html.gz"),
        gzip(GOOD_PAGE.as_bytes()),
    )
    .unwrap();
    let packed = gzip(GOOD_PAGE.replace("harbour", "quay").as_bytes());
    std::fs::write(
        corpus.path().join("cut.html.gz"),
        &packed[..packed.len() / 2],
    )
    .unwrap();
    let index = tempfile::tempdir().unwrap();
    let out = dateline()
        .arg("index")
        .arg(corpus.path())
        .arg("--index")
        .arg(index.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("cut.html.gz") && stderr.contains("gzip"),
        "{stderr}"
    );
    let out = dateline()
        .args(["query", "harbour", "--index"])
        .arg(index.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("harbour.html.gz"));
}
