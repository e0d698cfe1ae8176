//! The `dateline` binary: parses arguments, runs one command, maps the outcome to an
//! exit code (0 success or hits, 1 no hits, 2 error).

mod cli;
mod progress;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

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
    /// Stopped by Ctrl-C after committing its work (exit 130, as shells report SIGINT).
    Interrupted,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = use_color(cli.color);
    match run(cli.command, color) {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        Ok(Outcome::Interrupted) => ExitCode::from(130),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dateline: {}", message(&err));
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
        Command::Export(args) => export(args),
        Command::Kwic(args) => kwic(args, color),
        Command::Timeline(args) => timeline(args, color),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "dateline", &mut std::io::stdout());
            Ok(Outcome::Success)
        }
        Command::Man { command, dir } => man(command.as_deref(), dir.as_deref()),
        Command::Serve(args) => serve(args),
    }
}

/// Man pages from the clap definitions, so they say what the binary accepts.
fn man(name: Option<&str>, dir: Option<&Path>) -> Result<Outcome> {
    let mut command = <Cli as clap::CommandFactory>::command().disable_help_subcommand(true);
    command.build();
    if let Some(dir) = dir {
        std::fs::create_dir_all(dir).with_context(|| format!("man pages: {}", dir.display()))?;
        clap_mangen::generate_to(command, dir)
            .with_context(|| format!("man pages: {}", dir.display()))?;
        return Ok(Outcome::Success);
    }
    let page = match name {
        None => command,
        Some(name) => match command.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
                anyhow::bail!(
                    "man: no command {name:?}; commands are {}",
                    names.join(", ")
                );
            }
        },
    };
    clap_mangen::Man::new(page).render(&mut std::io::stdout())?;
    Ok(Outcome::Success)
}

/// Streams every matching article to standard output.
fn export(args: cli::ExportArgs) -> Result<Outcome> {
    if let Some(engine) = args.mapping {
        let mapping = match engine {
            cli::Engine::Opensearch => render::bridge::opensearch_mapping(),
            cli::Engine::Solr => render::bridge::solr_schema(),
        };
        let mut out = std::io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &mapping)?;
        writeln!(out)?;
        return Ok(Outcome::Success);
    }
    let req = request(cli::joined(&args.query, "*"), &args.filters)?;
    let searcher = Searcher::open(&args.index)?;
    if let Some(fields) = &args.fields {
        let known = match args.format {
            cli::ExportFormat::Jsonl => render::EXPORT_JSON_FIELDS,
            cli::ExportFormat::Csv => render::EXPORT_COLUMNS,
            cli::ExportFormat::Opensearch | cli::ExportFormat::Solr => anyhow::bail!(
                "--fields picks fields for --format jsonl or csv; the opensearch and solr documents keep every field their mapping names"
            ),
        };
        if let Some(unknown) = fields.iter().find(|f| !known.contains(&f.as_str())) {
            anyhow::bail!(
                "--fields: no export field {unknown:?}; fields are {}",
                known.join(", ")
            );
        }
    }
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut writer = match (args.format, &args.fields) {
        (cli::ExportFormat::Jsonl, Some(fields)) => render::ExportWriter::jsonl_fields(out, fields),
        (cli::ExportFormat::Csv, Some(fields)) => render::ExportWriter::csv_fields(out, fields)?,
        (cli::ExportFormat::Jsonl, None) => render::ExportWriter::jsonl(out),
        (cli::ExportFormat::Csv, None) => render::ExportWriter::csv(out)?,
        (cli::ExportFormat::Opensearch, _) => {
            render::ExportWriter::opensearch(out, &args.index_name)
        }
        (cli::ExportFormat::Solr, _) => render::ExportWriter::solr(out),
    };
    // A count on a terminal's stderr while a long export runs; nothing when piped.
    let progress = if std::io::stderr().is_terminal() {
        indicatif::ProgressBar::new_spinner()
    } else {
        indicatif::ProgressBar::hidden()
    };
    let (count, notes) = searcher.export(&req, &mut |article| {
        writer.write(&article)?;
        progress.inc(1);
        if progress.position() % 256 == 1 {
            progress.set_message(format!("{} articles exported", progress.position()));
        }
        Ok(true)
    })?;
    progress.finish_and_clear();
    writer.finish()?;
    print_notes(&notes);
    Ok(if count == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Success
    })
}

fn kwic(args: cli::KwicArgs, color: bool) -> Result<Outcome> {
    let req = request(cli::joined(&args.query, ""), &args.filters)?;
    let searcher = Searcher::open(&args.index)?;
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut writer = render::KwicWriter::new(out, args.format, args.width.max(1), color)?;
    let limit = args.limit.unwrap_or(usize::MAX);
    let mut written = 0;
    let (_, notes) = searcher.kwic(&req, args.width.max(1), &mut |row| {
        writer.write(&row)?;
        written += 1;
        Ok(written < limit)
    })?;
    writer.finish()?;
    print_notes(&notes);
    Ok(if written == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Success
    })
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
    // The first Ctrl-C asks the run to commit and stop; a second one exits at once, which
    // is safe too: a commit is atomic, and the next run completes the rest.
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register_conditional_shutdown(signal, 130, Arc::clone(&stop))
            .and_then(|_| signal_hook::flag::register(signal, Arc::clone(&stop)))
            .context("cannot install the Ctrl-C handler")?;
    }
    opts.stop = Some(stop);
    let progress = progress::IndexProgress::new(args.quiet);
    let report = dateline::index_corpus(&opts, &progress)?;
    if report.interrupted {
        eprintln!(
            "interrupted: {} pages committed, run dateline index again to finish",
            report.added + report.updated
        );
        return Ok(Outcome::Interrupted);
    }
    if report.reextracted {
        eprintln!(
            "note: {} was made by another version of dateline; every page was extracted again (counted as updated)",
            args.index.display()
        );
    }
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
    if report.archives + report.unchanged_archives > 0 {
        let mut passed: Vec<String> = report
            .passed_over
            .iter()
            .map(|(why, n)| format!("{n} {why}"))
            .collect();
        if passed.is_empty() {
            passed.push("none".into());
        }
        println!(
            "web archives: {} read{}, {} unchanged; {} articles from their records; records without a page: {}; repeated captures joined to their first: {}",
            report.archives,
            if report.resumed_archives > 0 {
                format!(
                    " ({} grown, read on from where the last run ended)",
                    report.resumed_archives
                )
            } else {
                String::new()
            },
            report.unchanged_archives,
            report.from_archives,
            passed.join(", "),
            report.recaptures
        );
    }
    let looked_at = report.added
        + report.updated
        + report.unchanged
        + report.skipped.len()
        + report.archives
        + report.unchanged_archives;
    if looked_at == 0 {
        eprintln!(
            "dateline: no pages found under {} (looked for .html, .htm, .xhtml, .shtml, .mht, .mhtml, the same gzipped, and .warc, .warc.gz, .wacz archives outside hidden folders)",
            args.corpus.display()
        );
    }
    Ok(Outcome::Success)
}

fn query(args: cli::QueryArgs, color: bool) -> Result<Outcome> {
    if let Some(batch) = &args.batch {
        return run_batch(batch, &args);
    }
    let req = request(cli::joined(&args.query, ""), &args.filters)?;
    let req = SearchRequest {
        limit: args.limit,
        offset: args.offset,
        sort: args.sort,
        all_copies: args.all_copies,
        fresh: args.fresh,
        ..req
    };
    if let Some(unknown) = args
        .fields
        .iter()
        .flatten()
        .find(|f| !render::HIT_FIELDS.contains(&f.as_str()))
    {
        anyhow::bail!(
            "--fields: no hit field {unknown:?}; fields are {}",
            render::HIT_FIELDS.join(", ")
        );
    }
    if args.fields.is_some() && args.format == render::Format::Text && !args.count {
        anyhow::bail!(
            "--fields picks hit fields for --format json, jsonl or csv; the text format shows \
             every hit the same way (add --format json)"
        );
    }
    let searcher = Searcher::open(&args.index)?;
    if args.count {
        // The count is of matches, folded or not: no copies need folding for it.
        let total = searcher
            .search(&SearchRequest {
                limit: 0,
                all_copies: true,
                ..req
            })?
            .total;
        println!("{total}");
        return Ok(if total == 0 {
            Outcome::NothingFound
        } else {
            Outcome::Success
        });
    }
    let results = searcher.search(&req)?;
    print_notes(&results.notes);
    let mut out = std::io::stdout().lock();
    render::write_results_with_fields(
        &mut out,
        &req,
        &results,
        args.format,
        color,
        args.fields.as_deref(),
    )?;
    out.flush()?;
    Ok(if results.total == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Success
    })
}

/// One line of a batch: a query, or a JSON object with the query, its filters and an id.
#[derive(serde::Deserialize)]
struct BatchLine {
    id: Option<serde_json::Value>,
    query: String,
    place: Option<String>,
    mentions: Option<String>,
    near: Option<String>,
    within: Option<String>,
    since: Option<String>,
    until: Option<String>,
    captured_since: Option<String>,
    captured_until: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
    sort: Option<dateline::SortOrder>,
}

/// Runs each line of a batch file over one opened index, writing one JSON line per query;
/// a bad line gets an `error` in its own result and the batch goes on.
fn run_batch(path: &Path, args: &cli::QueryArgs) -> Result<Outcome> {
    let input: Box<dyn std::io::BufRead> = if path == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        let file =
            std::fs::File::open(path).with_context(|| format!("batch file {}", path.display()))?;
        Box::new(std::io::BufReader::new(file))
    };
    let searcher = Searcher::open(&args.index)?;
    let mut out = std::io::stdout().lock();
    let mut any_hits = false;
    for (n, line) in std::io::BufRead::lines(input).enumerate() {
        let line = line.with_context(|| format!("batch file {}", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Result<BatchLine, String> = if line.trim_start().starts_with('{') {
            serde_json::from_str(&line)
                .map_err(|e| format!("line {}: not a batch object: {e}", n + 1))
        } else {
            Ok(BatchLine {
                id: None,
                query: line.clone(),
                place: None,
                mentions: None,
                near: None,
                within: None,
                since: None,
                until: None,
                captured_since: None,
                captured_until: None,
                limit: None,
                offset: None,
                sort: None,
            })
        };
        let id = parsed
            .as_ref()
            .ok()
            .and_then(|b| b.id.clone())
            .unwrap_or_else(|| serde_json::Value::from(n + 1));
        let result = parsed.and_then(|b| {
            let filters = cli::Filters {
                since: b.since,
                until: b.until,
                captured_since: b.captured_since,
                captured_until: b.captured_until,
                place: b.place,
                mentions: b.mentions,
                near: b.near,
                within: b.within.unwrap_or_else(|| args.filters.within.clone()),
                exact: args.filters.exact,
                translit: args.filters.translit,
            };
            let req = request(b.query, &filters).map_err(|e| format!("{e:#}"))?;
            let req = SearchRequest {
                limit: b.limit.unwrap_or(args.limit),
                offset: b.offset.unwrap_or(args.offset),
                sort: b.sort.unwrap_or(args.sort),
                all_copies: args.all_copies,
                fresh: args.fresh,
                ..req
            };
            let results = searcher.search(&req).map_err(|e| e.to_string())?;
            Ok((req, results))
        });
        let record = match result {
            Ok((req, results)) => {
                any_hits |= results.total > 0;
                let hits: Vec<render::HitRecord> = results
                    .hits
                    .iter()
                    .enumerate()
                    .map(|(i, h)| render::HitRecord::new(req.offset + i + 1, h))
                    .collect();
                serde_json::json!({
                    "schema_version": render::SCHEMA_VERSION, "id": id, "query": req.query,
                    "total": results.total, "notes": results.notes, "hits": hits,
                })
            }
            Err(error) => {
                serde_json::json!({"schema_version": render::SCHEMA_VERSION, "id": id, "error": error})
            }
        };
        serde_json::to_writer(&mut out, &record)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if any_hits {
        Outcome::Success
    } else {
        Outcome::NothingFound
    })
}

fn timeline(args: cli::TimelineArgs, color: bool) -> Result<Outcome> {
    let req = request(cli::joined(&args.query, "*"), &args.filters)?;
    let searcher = Searcher::open(&args.index)?;
    let by = match args.by {
        cli::TimelineBy::Year => dateline::timeline::Period::Year,
        cli::TimelineBy::Month => dateline::timeline::Period::Month,
        cli::TimelineBy::Day => dateline::timeline::Period::Day,
        cli::TimelineBy::Site | cli::TimelineBy::Place if args.relative => {
            anyhow::bail!("--relative works with --by year, month or day, not with site or place")
        }
        cli::TimelineBy::Site | cli::TimelineBy::Place if !args.vs.is_empty() => {
            anyhow::bail!("--vs works with --by year, month or day, not with site or place")
        }
        cli::TimelineBy::Site | cli::TimelineBy::Place => {
            let (by, (groups, notes)) = if args.by == cli::TimelineBy::Site {
                ("site", searcher.site_counts(&req, args.limit)?)
            } else {
                let (places, notes) = searcher.place_counts(&req, args.limit)?;
                (
                    "place",
                    (
                        places.into_iter().map(|p| (p.name, p.count)).collect(),
                        notes,
                    ),
                )
            };
            print_notes(&notes);
            let mut out = std::io::stdout().lock();
            render::write_groups(&mut out, &req.query, by, &groups, args.format, color)?;
            out.flush()?;
            return Ok(if groups.is_empty() {
                Outcome::NothingFound
            } else {
                Outcome::Success
            });
        }
    };
    if !args.vs.is_empty() {
        let mut reqs = vec![req];
        for other in &args.vs {
            reqs.push(request(other.clone(), &args.filters)?);
        }
        let comparison = dateline::timeline::compare(&searcher, &reqs, by, args.relative)?;
        print_notes(&comparison.notes);
        let mut out = std::io::stdout().lock();
        render::write_comparison(&mut out, &comparison, args.format, color)?;
        out.flush()?;
        return Ok(if comparison.totals.iter().all(|&n| n == 0) {
            Outcome::NothingFound
        } else {
            Outcome::Success
        });
    }
    let mut timeline = dateline::timeline::timeline(&searcher, &req, by)?;
    if args.relative {
        dateline::timeline::relative(&searcher, &req, &mut timeline)?;
    }
    print_notes(&timeline.notes);
    let mut out = std::io::stdout().lock();
    render::write_timeline(&mut out, &timeline, args.format, color)?;
    out.flush()?;
    Ok(if timeline.total == 0 {
        Outcome::NothingFound
    } else {
        Outcome::Success
    })
}

fn places(args: cli::PlacesArgs) -> Result<Outcome> {
    let req = request(cli::joined(&args.query, "*"), &args.filters)?;
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
        captured_since: parse_day("--captured-since", filters.captured_since.as_deref())?,
        captured_until: parse_day("--captured-until", filters.captured_until.as_deref())?,
        place: filters.place.clone(),
        mentions: filters.mentions.clone(),
        near,
        exact: filters.exact,
        translit: filters.translit,
        ..SearchRequest::default()
    })
}

fn parse_km(value: &str) -> Result<f64, Error> {
    dateline::search::parse_km(value).ok_or_else(|| {
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
    if args.raw {
        let limit = dateline::extract::DEFAULT_MAX_PAGE_BYTES.max(article.bytes);
        let bytes = dateline::archive::original_page(searcher.corpus_root(), &article.path, limit)?;
        std::io::Write::write_all(&mut std::io::stdout().lock(), &bytes)?;
        return Ok(Outcome::Success);
    }
    let copies = searcher.copies_of(&article.path)?;
    let mut out = std::io::stdout().lock();
    render::write_stored_article(&mut out, &article, &copies, args.format, color)?;
    Ok(Outcome::Success)
}

fn extract(args: cli::ExtractArgs, color: bool) -> Result<Outcome> {
    let rel = args.file.to_string_lossy().into_owned();
    if dateline::archive::is_archive(&args.file) {
        anyhow::bail!(
            "{}: a web archive holds many pages; index the folder it is in (`dateline index DIR`), then `dateline query` lists them and `dateline show FILE#OFFSET` shows one",
            args.file.display()
        );
    }
    if args.text {
        let limit = args.max_page_mb.saturating_mul(1024 * 1024);
        let bytes = if args.file == Path::new("-") {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(
                &mut std::io::Read::take(std::io::stdin(), limit + 1),
                &mut bytes,
            )
            .context("standard input")?;
            if bytes.len() as u64 > limit {
                anyhow::bail!(
                    "standard input: larger than {} MB (--max-page-mb)",
                    args.max_page_mb
                );
            }
            bytes
        } else {
            dateline::extract::read_limited(&args.file, limit)
                .with_context(|| format!("{}", args.file.display()))?
        };
        let text = String::from_utf8(bytes).map_err(|e| {
            anyhow::anyhow!(
                "{}: not UTF-8 text (invalid byte at offset {}); --text reads UTF-8 only",
                args.file.display(),
                e.utf8_error().valid_up_to()
            )
        })?;
        let article = dateline::extract::extract_plain_text(&text, &rel);
        let mut out = std::io::stdout().lock();
        render::write_article(&mut out, &article, args.format, color)?;
        return Ok(Outcome::Success);
    }
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

/// The error and its causes, each cause added only when the message so far does not
/// already say it (dateline's errors name their cause themselves).
fn message(err: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if out.is_empty() {
            out = text;
        } else if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
    }
    out
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
