//! Scripting: counts, batches with a bad line, timelines against the known corpus,
//! completions and the man page.

mod common;

use common::{corpus_index, dateline, query};

#[test]
fn count_prints_only_the_number() {
    let (code, stdout, _) = query(&["Zhanaozen", "--count"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.trim(), "3");
    let (code, stdout, _) = query(&["nosuchwordanywhere", "--count"]);
    assert_eq!((code, stdout.trim()), (1, "0"));
}

#[test]
fn a_batch_answers_every_line_and_reports_bad_ones_in_place() {
    let input = "Zhanaozen\n{\"id\": \"oral\", \"query\": \"protester\", \"place\": \"Oral\", \"limit\": 1}\ntitle:(unclosed\n\n{\"id\": 7, \"query\": 5}\nIzmail\n";
    let out = dateline()
        .args(["query", "--batch", "-", "--index"])
        .arg(corpus_index())
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 5, "one result per non-empty line");
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[0]["total"], 3);
    assert_eq!(lines[1]["id"], "oral");
    assert_eq!(lines[1]["hits"].as_array().unwrap().len(), 1);
    assert_eq!(
        lines[1]["hits"][0]["id"],
        "rferl/kazakhstan-oral-protester-will-not-stop.html"
    );
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .contains("invalid query")
    );
    assert!(
        lines[3]["error"]
            .as_str()
            .unwrap()
            .contains("not a batch object")
    );
    assert_eq!(
        lines[4]["total"], 3,
        "the batch went on after the bad lines"
    );
}

#[test]
fn timeline_counts_match_the_corpus() {
    let out = dateline()
        .args(["timeline", "--format", "json", "--index"])
        .arg(corpus_index())
        .output()
        .unwrap();
    assert!(out.status.success());
    let t: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // corpus/MANIFEST.md: 36 pages, one without a date, nine published in 2022.
    assert_eq!(t["total"], 36);
    assert_eq!(t["undated"], 1);
    let periods = t["periods"].as_array().unwrap();
    let y2022 = periods
        .iter()
        .find(|p| p["period"] == "2022")
        .expect("2022");
    assert_eq!(y2022["count"], 9);
    let sum: u64 = periods.iter().map(|p| p["count"].as_u64().unwrap()).sum();
    assert_eq!(sum, 35);

    let out = dateline()
        .args(["timeline", "Zhanaozen", "--by", "month", "--index"])
        .arg(corpus_index())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("2022-01") && text.contains('█'), "{text}");
    let out = dateline()
        .args([
            "timeline",
            "Zhanaozen",
            "--by",
            "day",
            "--format",
            "csv",
            "--index",
        ])
        .arg(corpus_index())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("2022-01-21,2022-01-21,2022-01-21,1"),
        "{text}"
    );
}

#[test]
fn completions_and_man_page_are_generated() {
    for shell in ["bash", "zsh", "fish"] {
        let out = dateline().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("dateline"),
            "{shell}"
        );
    }
    let out = dateline().arg("man").output().unwrap();
    let man = String::from_utf8_lossy(&out.stdout);
    assert!(
        man.contains(".TH dateline 1") && man.contains("timeline"),
        "{man}"
    );
}

#[test]
fn fields_pick_what_json_and_csv_carry() {
    let (code, stdout, _) = query(&[
        "Izmail",
        "--all-copies",
        "--format",
        "jsonl",
        "--fields",
        "id,title,published",
    ]);
    assert_eq!(code, 0);
    for line in stdout.lines() {
        let hit: serde_json::Value = serde_json::from_str(line).unwrap();
        let keys: Vec<&String> = hit.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["id", "title", "published"]);
    }
    let (_, stdout, _) = query(&["Izmail", "--format", "csv", "--fields", "id,authors"]);
    assert_eq!(stdout.lines().next(), Some("id,authors"));
    assert!(stdout.contains("Olena Marchuk"));
    let (code, _, stderr) = query(&["Izmail", "--fields", "id,nope"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no hit field \"nope\""), "{stderr}");
}

#[test]
fn timeline_by_site_and_place() {
    let out = dateline()
        .args(["timeline", "--by", "site", "--format", "json", "--index"])
        .arg(corpus_index())
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let groups = doc["groups"].as_array().unwrap();
    let wire = groups
        .iter()
        .find(|g| g["name"] == "Global Wire Service")
        .expect("wire service listed");
    assert_eq!(wire["count"], 6, "corpus/wire holds six pages");
    // rferl.org's pages say "RFE/RL" or "Radio Free Europe/Radio Liberty": one outlet.
    let rferl = groups
        .iter()
        .find(|g| g["name"] == "Radio Free Europe/Radio Liberty")
        .expect("RFE/RL listed");
    assert_eq!(rferl["count"], 3, "{groups:?}");
    let out = dateline()
        .args([
            "timeline",
            "Zhanaozen",
            "--by",
            "place",
            "--format",
            "csv",
            "--index",
        ])
        .arg(corpus_index())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with("place,count\n") && text.contains("Kazakhstan,3"),
        "{text}"
    );
}

/// `dateline timeline ARGS` on the corpus index; its standard output, expecting success.
fn timeline(args: &[&str]) -> String {
    let out = dateline()
        .arg("timeline")
        .args(args)
        .arg("--index")
        .arg(corpus_index())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The same with `--format json`, parsed.
fn timeline_json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&timeline(&all)).unwrap()
}

#[test]
fn a_relative_timeline_gives_each_period_its_share_of_all_articles() {
    let json = timeline_json;
    let relative = json(&["protest", "--relative"]);
    let everything = json(&["*"]);
    let all_of = |period: &str| {
        everything["periods"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["period"] == period)
            .map(|p| p["count"].as_u64().unwrap())
    };
    let periods = relative["periods"].as_array().unwrap();
    assert!(!periods.is_empty());
    for p in periods {
        let (count, all) = (p["count"].as_u64().unwrap(), p["all"].as_u64().unwrap());
        let period = p["period"].as_str().unwrap();
        // `all` is what `timeline '*'` counts in that period, and the share is the ratio.
        assert_eq!(Some(all), all_of(period), "{period}");
        assert!(count <= all);
        let share = p["share"].as_f64().unwrap();
        assert!((share - count as f64 / all as f64).abs() < 1e-9, "{p}");
    }
    // Without --relative, no shares.
    assert!(json(&["protest"])["periods"][0].get("share").is_none());
    let out = dateline()
        .args(["timeline", "--by", "site", "--relative", "--index"])
        .arg(corpus_index())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn several_queries_are_counted_side_by_side_and_agree_with_their_own_timelines() {
    let (run, json) = (timeline, timeline_json);
    let compared = json(&["protest", "--vs", "grain", "--vs", "police", "--relative"]);
    assert_eq!(
        compared["queries"],
        serde_json::json!(["protest", "grain", "police"])
    );
    let everything = json(&["*"]);
    for (i, query) in ["protest", "grain", "police"].iter().enumerate() {
        let own = json(&[query]);
        assert_eq!(compared["totals"][i], own["total"], "{query}");
        let mut sum = 0;
        for p in compared["periods"].as_array().unwrap() {
            let s = &p["series"][i];
            assert_eq!(s["query"], *query);
            let count = s["count"].as_u64().unwrap();
            sum += count;
            let own_count = own["periods"]
                .as_array()
                .unwrap()
                .iter()
                .find(|o| o["period"] == p["period"])
                .map_or(0, |o| o["count"].as_u64().unwrap());
            assert_eq!(count, own_count, "{query} in {}", p["period"]);
            // Shares are of every article of the period, the same for each query.
            let all = p["all"].as_u64().unwrap();
            let all_then = everything["periods"]
                .as_array()
                .unwrap()
                .iter()
                .find(|o| o["period"] == p["period"])
                .map(|o| o["count"].as_u64().unwrap());
            assert_eq!(Some(all), all_then);
            let share = s["share"].as_f64().unwrap();
            assert!((share - count as f64 / all as f64).abs() < 1e-9, "{p}");
        }
        assert_eq!(
            sum + own["undated"].as_u64().unwrap(),
            own["total"].as_u64().unwrap()
        );
    }
    // CSV: a count column per query, then all and the shares.
    let csv_text = run(&["protest", "--vs", "grain", "--relative", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "period",
            "start",
            "end",
            "protest",
            "grain",
            "all",
            "protest share",
            "grain share"
        ]
    );
    assert!(reader.records().count() > 0);
    // Text: one labelled bar per query and period.
    let text = run(&["protest", "--vs", "grain"]);
    assert!(text.lines().any(|l| l.contains("grain")), "{text}");
    let totals = format!(
        "matching articles: protest: {}, grain: {}",
        compared["totals"][0], compared["totals"][1]
    );
    assert!(text.trim_end().ends_with(&totals), "{text}");
}
