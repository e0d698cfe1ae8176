//! The `dateline` binary: parses arguments, runs one command, maps the outcome to an
//! exit code (0 success or hits, 1 no hits, 2 error).

mod cli;
mod progress;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::Parser;

use cli::{Cli, ColorChoice, Command};
use dateline::render;
use dateline::search::Near;
use dateline::{Error, IndexOptions, SearchRequest, Searcher};

/// What a command found, for the exit code.
enum Outcome {
    Success,
    NothingFound,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = use_color(cli.color);
    match run(cli.command, color) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dateline: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command, color: bool) -> Result<Outcome> {
    match command {
        Command::Index(args) => index(args),
        Command::Query(args) => query(args, color),
        Command::Show(args) => show(args, color),
        Command::Extract(args) => extract(args, color),
        Command::Places(args) => places(args),
        Command::Serve(args) => serve(args),
    }
}

fn serve(args: cli::ServeArgs) -> Result<Outcome> {
    dateline::serve::serve(&args.index, &args.addr)?;
    Ok(Outcome::Success)
}

fn index(args: cli::IndexArgs) -> Result<Outcome> {
    let mut opts = IndexOptions::new(&args.corpus, &args.index);
    opts.rebuild = args.rebuild;
    opts.max_page_bytes = args.max_page_mb.saturating_mul(1024 * 1024);
    opts.commit_every_pages = args.commit_every.max(1);
    let progress = progress::IndexProgress::new(args.quiet);
    let report = dateline::index_corpus(&opts, &progress)?;
    let mut skips: Vec<String> = report
        .skip_counts()
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect();
    if skips.is_empty() {
        skips.push("none".into());
    }
    println!(
        "added {}, updated {}, removed {}, unchanged {}, skipped {} ({}); read {:.1} MB in {:.2} s ({:.1} MB/s) into {}",
        report.added,
        report.updated,
        report.removed,
        report.unchanged,
        report.skipped.len(),
        skips.join(", "),
        report.megabytes(),
        report.elapsed.as_secs_f64(),
        report.megabytes_per_second(),
        args.index.display()
    );
    let looked_at = report.added + report.updated + report.unchanged + report.skipped.len();
    if looked_at == 0 {
        eprintln!(
            "dateline: no pages found under {} (looked for .html, .htm, .xhtml, .shtml outside hidden folders)",
            args.corpus.display()
        );
    }
    Ok(Outcome::Success)
}

fn query(args: cli::QueryArgs, color: bool) -> Result<Outcome> {
    let req = request(args.query, &args.filters)?;
    let req = SearchRequest {
        limit: args.limit,
        offset: args.offset,
        sort: args.sort,
        all_copies: args.all_copies,
        ..req
    };
    let searcher = Searcher::open(&args.index)?;
    let results = searcher.search(&req)?;
    print_notes(&results.notes);
    let mut out = std::io::stdout().lock();
    render::write_results(&mut out, &req, &results, args.format, color)?;
    out.flush()?;
    Ok(if results.total == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Success
    })
}

fn places(args: cli::PlacesArgs) -> Result<Outcome> {
    let req = request(args.query, &args.filters)?;
    let searcher = Searcher::open(&args.index)?;
    let (counts, notes) = searcher.place_counts(&req, args.limit)?;
    print_notes(&notes);
    let mut out = std::io::stdout().lock();
    render::write_place_counts(&mut out, &req.query, &counts, args.format)?;
    out.flush()?;
    Ok(if counts.is_empty() {
        Outcome::NothingFound
    } else {
        Outcome::Success
    })
}

/// A request from a query and the shared filter flags.
fn request(query: String, filters: &cli::Filters) -> Result<SearchRequest> {
    let near = match &filters.near {
        Some(place) => Some(Near {
            place: place.clone(),
            km: parse_km(&filters.within)?,
        }),
        None => None,
    };
    Ok(SearchRequest {
        query,
        since: parse_day("--since", filters.since.as_deref())?,
        until: parse_day("--until", filters.until.as_deref())?,
        place: filters.place.clone(),
        near,
        exact: filters.exact,
        translit: filters.translit,
        ..SearchRequest::default()
    })
}

fn parse_km(value: &str) -> Result<f64, Error> {
    let number = value.trim().trim_end_matches("km").trim();
    number
        .parse::<f64>()
        .ok()
        .filter(|km| km.is_finite() && *km >= 0.0)
        .ok_or_else(|| {
            Error::Query(format!(
                "--within {value:?}: expected a distance in kilometres, such as 200km"
            ))
        })
}

fn print_notes(notes: &[String]) {
    for note in notes {
        eprintln!("note: {note}");
    }
}

fn show(args: cli::ShowArgs, color: bool) -> Result<Outcome> {
    let searcher = Searcher::open(&args.index)?;
    let id = resolve_id(&args.id, searcher.corpus_root());
    let article = match searcher.get(&id) {
        Ok(article) => article,
        Err(err @ Error::NotFound(_)) => {
            eprintln!("dateline: {err}");
            return Ok(Outcome::NothingFound);
        }
        Err(err) => return Err(err.into()),
    };
    let copies = searcher.copies_of(&article.path)?;
    let mut out = std::io::stdout().lock();
    render::write_stored_article(&mut out, &article, &copies, args.format, color)?;
    Ok(Outcome::Success)
}

fn extract(args: cli::ExtractArgs, color: bool) -> Result<Outcome> {
    let rel = args.file.to_string_lossy().into_owned();
    let article = dateline::extract::extract_file(
        &args.file,
        &rel,
        args.max_page_mb.saturating_mul(1024 * 1024),
    )
    .with_context(|| format!("{}", args.file.display()))?;
    let mut out = std::io::stdout().lock();
    render::write_article(&mut out, &article, args.format, color)?;
    Ok(Outcome::Success)
}

/// An id as `query` prints it, or a path to a page file inside the indexed corpus.
fn resolve_id(arg: &str, corpus_root: &Path) -> String {
    Path::new(arg)
        .canonicalize()
        .ok()
        .filter(|p| p.starts_with(corpus_root))
        .map(|p| dateline::corpus::relative_id(corpus_root, &p))
        .unwrap_or_else(|| arg.to_string())
}

fn parse_day(flag: &'static str, value: Option<&str>) -> Result<Option<NaiveDate>, Error> {
    value
        .map(|v| {
            NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").map_err(|_| Error::Date {
                flag,
                value: v.to_string(),
            })
        })
        .transpose()
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
