//! The README's examples, run as a user would type them: every `$ dateline ...` line of
//! its code blocks runs from a folder laid out as the repository (`corpus/`, `index/`),
//! with the exit code its output implies (2 when the README shows a `dateline:` error),
//! and every output line the README shows in full (not elided with `...`) is printed.
//!
//! When behaviour changes on purpose, `DATELINE_BLESS=1 cargo test --test readme` writes
//! what dateline now prints under each example that no longer matches, instead of failing;
//! review the README's diff before committing it.

mod common;

use std::path::Path;

use common::dateline;

/// One example: the command's words and the output lines shown under it.
struct Example {
    line: usize,
    words: Vec<String>,
    shown: Vec<String>,
    /// Piped into another command, whose output the README shows.
    piped: bool,
}

/// Shell words of a command line: single and double quotes, no expansions.
fn words(command: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    let mut in_word = false;
    for c in command.chars() {
        match (quote, c) {
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (_, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        out.push(word);
    }
    out
}

fn examples(readme: &str) -> Vec<Example> {
    let mut found: Vec<Example> = Vec::new();
    let mut in_block = false;
    let mut collecting = false;
    for (n, line) in readme.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_block = !in_block;
            collecting = false;
            continue;
        }
        if !in_block {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ dateline ") {
            // What a pipe, a redirect or a comment adds is the shell's, not dateline's;
            // after a pipe the output shown is the other command's.
            let piped = command.contains(" | ");
            let command = command
                .split(" | ")
                .next()
                .and_then(|c| c.split(" > ").next())
                .and_then(|c| c.split("  #").next())
                .unwrap_or_default();
            found.push(Example {
                line: n + 1,
                words: words(command),
                shown: Vec::new(),
                piped,
            });
            collecting = true;
        } else if line.starts_with("$ ") {
            // Another program's command: what follows is its output.
            collecting = false;
        } else if let Some(example) = found.last_mut().filter(|_| collecting) {
            example.shown.push(line.to_string());
        }
    }
    found
}

#[test]
fn every_readme_example_runs_and_prints_what_the_readme_shows() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(repo.join("README.md")).unwrap();
    let home = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(repo.join("corpus"), home.path().join("corpus")).unwrap();
    std::fs::create_dir(home.path().join("index")).unwrap();
    let all = examples(&readme);
    assert!(all.len() >= 15, "only {} examples found", all.len());
    let bless = std::env::var_os("DATELINE_BLESS").is_some();
    // (first line, lines replaced, new lines), for blessing.
    let mut rewrites: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for example in all {
        let command = example.words.first().map(String::as_str);
        // `serve` runs until stopped (tests/serve.rs covers it).
        if command == Some("serve") {
            continue;
        }
        let out = dateline()
            .current_dir(home.path())
            .env("NO_COLOR", "1")
            .args(&example.words)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let what = format!("README line {}: dateline {:?}", example.line, example.words);
        let error_shown = example.shown.iter().any(|l| l.starts_with("dateline: "));
        let code = out.status.code();
        if error_shown {
            assert_eq!(code, Some(2), "{what}: {stderr}");
        } else {
            assert_eq!(code, Some(0), "{what} failed: {stderr}");
        }
        let printed: Vec<&str> = stdout.lines().chain(stderr.lines()).collect();
        if bless {
            let whole = !example.piped && !example.shown.iter().any(|l| l.contains("..."));
            let stale = example.shown.iter().any(|shown| {
                !shown.trim().is_empty()
                    && !shown.contains(" MB/s)")
                    && !printed.iter().any(|p| p.trim_end() == shown.trim_end())
            });
            if whole && stale {
                let new = printed.iter().map(|l| l.trim_end().to_string()).collect();
                rewrites.push((example.line, example.shown.len(), new));
                continue;
            }
        }
        for shown in &example.shown {
            let elided = shown.contains("...") || shown.trim().is_empty() || example.piped;
            // Run times and speeds differ from run to run.
            let timed = shown.contains(" MB/s)");
            if elided || timed {
                continue;
            }
            assert!(
                printed.iter().any(|p| p.trim_end() == shown.trim_end()),
                "{what}: the README shows {shown:?}, dateline printed:\n{}",
                printed.join("\n")
            );
        }
    }
    if !rewrites.is_empty() {
        let mut lines: Vec<String> = readme.lines().map(str::to_string).collect();
        // From the end, so earlier line numbers stay right.
        for (command_line, old, new) in rewrites.into_iter().rev() {
            lines.splice(command_line..command_line + old, new);
        }
        std::fs::write(repo.join("README.md"), lines.join("\n") + "\n").unwrap();
    }
}
