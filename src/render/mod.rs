//! Hits and articles -> output: text for people (with colour on a terminal), JSON, JSON
//! Lines and CSV for scripts. One module per format; nothing here searches.

pub mod bridge;
mod csv;
mod export;
mod json;
mod kwic;
mod text;

use std::io::{self, Write};

use crate::article::Article;
use crate::search::{PlaceCount, SearchRequest, SearchResults};
use crate::timeline::Timeline;

pub use export::{EXPORT_COLUMNS, EXPORT_JSON_FIELDS, ExportWriter};
pub use json::{ArticleRecord, HIT_FIELDS, HitRecord, SCHEMA_VERSION, Span};
pub use kwic::{KWIC_COLUMNS, KwicFormat, KwicWriter};

/// Output formats of `query`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Json,
    Jsonl,
    Csv,
}

/// Output formats of `show` and `extract`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ArticleFormat {
    #[default]
    Text,
    Json,
}

/// Writes search results in the chosen format. `color` applies to text only.
pub fn write_results(
    out: &mut dyn Write,
    req: &SearchRequest,
    results: &SearchResults,
    format: Format,
    color: bool,
) -> io::Result<()> {
    write_results_with_fields(out, req, results, format, color, None)
}

/// Like [`write_results`], keeping only the named hit fields in JSON, JSON Lines and CSV
/// (`--fields id,title,published`). Names must come from [`HIT_FIELDS`].
pub fn write_results_with_fields(
    out: &mut dyn Write,
    req: &SearchRequest,
    results: &SearchResults,
    format: Format,
    color: bool,
    fields: Option<&[String]>,
) -> io::Result<()> {
    match (format, fields) {
        (Format::Text, _) => text::write_results(out, req, results, color),
        (Format::Json, _) => json::write_results(out, req, results, fields),
        (Format::Jsonl, _) => json::write_lines(out, req, results, fields),
        (Format::Csv, None) => csv::write_results(out, req, results),
        (Format::Csv, Some(fields)) => csv::write_fields(out, req, results, fields),
    }
}

/// Writes place counts: a table for people, or JSON.
pub fn write_place_counts(
    out: &mut dyn Write,
    query: &str,
    counts: &[PlaceCount],
    format: ArticleFormat,
) -> io::Result<()> {
    match format {
        ArticleFormat::Json => json::write_place_counts(out, query, counts),
        ArticleFormat::Text => {
            for c in counts {
                let within = match &c.region {
                    Some(region) => format!("{region}, {}", c.country_code),
                    None => c.country_code.clone(),
                };
                let kind = match c.kind {
                    crate::places::PlaceKind::Continent => "continent".to_string(),
                    crate::places::PlaceKind::Country => "country".to_string(),
                    crate::places::PlaceKind::Region => format!("region of {}", c.country_code),
                    crate::places::PlaceKind::District => format!("district in {within}"),
                    crate::places::PlaceKind::City => format!("city in {within}"),
                };
                writeln!(out, "{:>6}  {} ({kind})", c.count, c.name)?;
            }
            if counts.is_empty() {
                writeln!(out, "no places among the matching articles")?;
            }
            Ok(())
        }
    }
}

/// Writes a timeline: a bar chart for people, JSON, JSON Lines (one period per line) or CSV.
pub fn write_timeline(
    out: &mut dyn Write,
    timeline: &Timeline,
    format: Format,
    color: bool,
) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, timeline)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for p in &timeline.periods {
                serde_json::to_writer(&mut *out, p)?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut w = ::csv::Writer::from_writer(out);
            let relative = timeline.periods.iter().any(|p| p.share.is_some());
            let mut header = vec!["period", "start", "end", "count"];
            if relative {
                header.extend(["all", "share"]);
            }
            w.write_record(&header).map_err(csv_io_error)?;
            for p in &timeline.periods {
                let mut row = vec![
                    p.period.clone(),
                    p.start.to_string(),
                    p.end.to_string(),
                    p.count.to_string(),
                ];
                if relative {
                    row.push(p.all.map(|a| a.to_string()).unwrap_or_default());
                    row.push(p.share.map(|s| format!("{s:.4}")).unwrap_or_default());
                }
                w.write_record(&row).map_err(csv_io_error)?;
            }
            w.flush()
        }
        Format::Text => {
            const WIDTH: usize = 50;
            let max = timeline
                .periods
                .iter()
                .map(|p| p.count)
                .max()
                .unwrap_or(0)
                .max(1);
            // With shares, the bars show the share (a full bar is the largest share).
            let max_share = timeline
                .periods
                .iter()
                .filter_map(|p| p.share)
                .fold(0.0f64, f64::max);
            for p in &timeline.periods {
                let (bar, figure) = match (p.share, p.all) {
                    (Some(share), Some(all)) if max_share > 0.0 => (
                        "█".repeat(((share / max_share) * WIDTH as f64).ceil() as usize),
                        format!("{} of {all} ({:.1}%)", p.count, share * 100.0),
                    ),
                    _ => (
                        "█".repeat((p.count * WIDTH).div_ceil(max)),
                        p.count.to_string(),
                    ),
                };
                if color {
                    writeln!(out, "{:>7}  \x1b[36m{bar}\x1b[0m {figure}", p.period)?;
                } else {
                    writeln!(out, "{:>7}  {bar} {figure}", p.period)?;
                }
            }
            writeln!(
                out,
                "{} matching articles, {} undated",
                timeline.total, timeline.undated
            )
        }
    }
}

/// Writes counts of articles per site or place: a bar chart, JSON, JSON Lines or CSV.
pub fn write_groups(
    out: &mut dyn Write,
    query: &str,
    by: &str,
    groups: &[(String, usize)],
    format: Format,
    color: bool,
) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct Group<'a> {
        name: &'a str,
        count: usize,
    }
    let records: Vec<Group> = groups
        .iter()
        .map(|(name, count)| Group {
            name,
            count: *count,
        })
        .collect();
    match format {
        Format::Json => {
            let doc = serde_json::json!({
                "schema_version": SCHEMA_VERSION, "query": query, "by": by, "groups": records,
            });
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for r in &records {
                serde_json::to_writer(&mut *out, r)?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut w = ::csv::Writer::from_writer(out);
            w.write_record([by, "count"]).map_err(csv_io_error)?;
            for (name, count) in groups {
                w.write_record([name.as_str(), &count.to_string()])
                    .map_err(csv_io_error)?;
            }
            w.flush()
        }
        Format::Text => {
            const WIDTH: usize = 40;
            let max = groups.iter().map(|g| g.1).max().unwrap_or(0).max(1);
            let label = groups
                .iter()
                .map(|g| g.0.chars().count())
                .max()
                .unwrap_or(0)
                .min(40);
            for (name, count) in groups {
                let bar = "█".repeat((count * WIDTH).div_ceil(max));
                let name: String = name.chars().take(40).collect();
                if color {
                    writeln!(out, "{name:>label$}  \x1b[36m{bar}\x1b[0m {count}")?;
                } else {
                    writeln!(out, "{name:>label$}  {bar} {count}")?;
                }
            }
            Ok(())
        }
    }
}

/// Writes an indexed article with its full text and the ids of its near-copies.
pub fn write_stored_article(
    out: &mut dyn Write,
    article: &Article,
    copies: &[String],
    format: ArticleFormat,
    color: bool,
) -> io::Result<()> {
    match format {
        ArticleFormat::Text => {
            text::write_article(out, article, color)?;
            if !copies.is_empty() {
                writeln!(out, "\nCopies of this story: {}", copies.join(", "))?;
            }
            Ok(())
        }
        ArticleFormat::Json => json::write_article_with_copies(out, article, Some(copies)),
    }
}

/// Writes one article with its full text.
pub fn write_article(
    out: &mut dyn Write,
    article: &Article,
    format: ArticleFormat,
    color: bool,
) -> io::Result<()> {
    match format {
        ArticleFormat::Text => text::write_article(out, article, color),
        ArticleFormat::Json => json::write_article(out, article),
    }
}

/// The csv crate wraps write errors in its own type, which hides their kind: a closed pipe
/// must stay a `BrokenPipe` for the binary to end quietly.
fn csv_io_error(err: ::csv::Error) -> io::Error {
    match err.into_kind() {
        ::csv::ErrorKind::Io(err) => err,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// Writes a comparison of several queries' timelines: one bar per query and period as
/// text, JSON, JSON Lines (a period per line) or CSV (a count column per query, and with
/// shares `all` and a share column per query).
pub fn write_comparison(
    out: &mut dyn Write,
    comparison: &crate::timeline::Comparison,
    format: Format,
    color: bool,
) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, comparison)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for p in &comparison.periods {
                serde_json::to_writer(&mut *out, p)?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut w = ::csv::Writer::from_writer(out);
            let relative = comparison.periods.iter().any(|p| p.all.is_some());
            let mut header: Vec<String> = ["period", "start", "end"].map(String::from).to_vec();
            header.extend(comparison.queries.iter().cloned());
            if relative {
                header.push("all".into());
                header.extend(comparison.queries.iter().map(|q| format!("{q} share")));
            }
            w.write_record(&header).map_err(csv_io_error)?;
            for p in &comparison.periods {
                let mut row = vec![p.period.clone(), p.start.to_string(), p.end.to_string()];
                row.extend(p.series.iter().map(|s| s.count.to_string()));
                if relative {
                    row.push(p.all.map(|a| a.to_string()).unwrap_or_default());
                    row.extend(
                        p.series
                            .iter()
                            .map(|s| s.share.map(|v| format!("{v:.4}")).unwrap_or_default()),
                    );
                }
                w.write_record(&row).map_err(csv_io_error)?;
            }
            w.flush()
        }
        Format::Text => {
            const WIDTH: usize = 40;
            const COLORS: [&str; 4] = ["\x1b[36m", "\x1b[33m", "\x1b[35m", "\x1b[32m"];
            let label = comparison
                .queries
                .iter()
                .map(|q| q.chars().count())
                .max()
                .unwrap_or(0)
                .min(24);
            let relative = comparison.periods.iter().any(|p| p.all.is_some());
            // One scale for every series, so bars compare across queries.
            let max = comparison
                .periods
                .iter()
                .flat_map(|p| &p.series)
                .map(|s| {
                    if relative {
                        s.share.unwrap_or(0.0)
                    } else {
                        s.count as f64
                    }
                })
                .fold(0.0f64, f64::max);
            for p in &comparison.periods {
                for (i, s) in p.series.iter().enumerate() {
                    let value = if relative {
                        s.share.unwrap_or(0.0)
                    } else {
                        s.count as f64
                    };
                    let bar = if max > 0.0 {
                        "█".repeat(((value / max) * WIDTH as f64).ceil() as usize)
                    } else {
                        String::new()
                    };
                    let figure = match (s.share, p.all) {
                        (Some(share), Some(all)) => {
                            format!("{} of {all} ({:.1}%)", s.count, share * 100.0)
                        }
                        _ => s.count.to_string(),
                    };
                    let period = if i == 0 { p.period.as_str() } else { "" };
                    let name: String = s.query.chars().take(label).collect();
                    if color {
                        let c = COLORS[i % COLORS.len()];
                        writeln!(
                            out,
                            "{period:>10}  {name:<label$}  {c}{bar}\x1b[0m {figure}"
                        )?;
                    } else {
                        writeln!(out, "{period:>10}  {name:<label$}  {bar} {figure}")?;
                    }
                }
            }
            let totals: Vec<String> = comparison
                .queries
                .iter()
                .zip(&comparison.totals)
                .map(|(q, n)| format!("{q}: {n}"))
                .collect();
            writeln!(out, "matching articles: {}", totals.join(", "))
        }
    }
}
