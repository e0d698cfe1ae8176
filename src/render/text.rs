//! Text output for people: headline, a line of metadata, snippets with the matched
//! words in bold colour on a terminal, or between `**` markers when piped.

use std::io::{self, Write};

use crate::article::Article;
use crate::search::{SearchRequest, SearchResults, Snippet};

const BOLD: &str = "\x1b[1m";
pub(super) const MATCH: &str = "\x1b[1;31m";
const DIM: &str = "\x1b[2m";
pub(super) const RESET: &str = "\x1b[0m";

pub(super) fn write_results(
    out: &mut dyn Write,
    req: &SearchRequest,
    results: &SearchResults,
    color: bool,
) -> io::Result<()> {
    for (i, hit) in results.hits.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let title = if hit.title.text.is_empty() {
            "(no headline)".to_string()
        } else {
            marked_within(&hit.title, color, BOLD)
        };
        if color {
            writeln!(out, "{BOLD}{}. {title}{RESET}", req.offset + i + 1)?;
        } else {
            writeln!(out, "{}. {title}", req.offset + i + 1)?;
        }
        let meta = meta_line(&hit.article);
        if color {
            writeln!(out, "   {DIM}{meta}{RESET}")?;
        } else {
            writeln!(out, "   {meta}")?;
        }
        for snippet in &hit.snippets {
            writeln!(out, "   {}", marked(snippet, color).replace('\n', " "))?;
        }
        if !hit.similar.is_empty() {
            writeln!(
                out,
                "   + {} similar: {}",
                hit.similar.len(),
                hit.similar.join(", ")
            )?;
        }
    }
    let shown = results.hits.len();
    // Pages step through stories (near-copies folded) when their number is known, so the
    // count is of the same list that --offset pages through.
    let (count, what) = match results.stories {
        Some(stories) if stories != results.total => (
            stories,
            format!(
                "{} ({} matching articles, near-copies folded)",
                if stories == 1 { "story" } else { "stories" },
                results.total
            ),
        ),
        _ => (results.total, "matching articles".to_string()),
    };
    let summary = match (count, shown) {
        (0, _) => "no articles matched".to_string(),
        (count, _) if shown == 0 => {
            format!("{count} {what}; none on this page (offset {})", req.offset)
        }
        (count, shown) => format!(
            "{}-{} of {count} {what}",
            req.offset + 1,
            req.offset + shown
        ),
    };
    if shown > 0 {
        writeln!(out)?;
    }
    writeln!(out, "{summary}")
}

pub(super) fn write_article(out: &mut dyn Write, a: &Article, color: bool) -> io::Result<()> {
    if color {
        writeln!(out, "{BOLD}{}{RESET}", a.title)?;
        writeln!(out, "{DIM}{}{RESET}", meta_line(a))?;
    } else {
        writeln!(out, "{}", a.title)?;
        writeln!(out, "{}", meta_line(a))?;
    }
    if !a.authors.is_empty() {
        writeln!(out, "By {}", a.authors.join(", "))?;
    }
    if let Some(url) = &a.url {
        writeln!(out, "{url}")?;
    }
    writeln!(out)?;
    writeln!(out, "{}", a.text)
}

/// "2022-01-20 · RFE/RL · Oral, Kazakhstan · en · rferl/oral.html"
fn meta_line(a: &Article) -> String {
    let mut parts = Vec::new();
    parts.push(a.published.map_or_else(
        || "undated".to_string(),
        |d| d.format("%Y-%m-%d").to_string(),
    ));
    if let Some(captured) = a.captured {
        parts.push(format!("captured {}", captured.format("%Y-%m-%d")));
    }
    if let Some(site) = &a.site {
        parts.push(site.clone());
    }
    if let Some(d) = &a.dateline {
        parts.push(match &d.country {
            Some(c) => format!("{}, {c}", d.city),
            None => d.city.clone(),
        });
    }
    if let Some(lang) = &a.lang {
        parts.push(lang.clone());
    }
    parts.push(a.path.clone());
    parts.join(" · ")
}

/// The snippet text with its highlights marked.
fn marked(s: &Snippet, color: bool) -> String {
    marked_within(s, color, "")
}

/// The same inside text styled `surround` (the bold headline): each mark's reset restores
/// it, so the words after the first match stay bold.
fn marked_within(s: &Snippet, color: bool, surround: &str) -> String {
    let close = format!("{RESET}{surround}");
    let (open, close) = if color {
        (MATCH, close.as_str())
    } else {
        ("**", "**")
    };
    let mut out = String::with_capacity(s.text.len() + s.highlights.len() * 8);
    let mut at = 0;
    for r in &s.highlights {
        if r.start < at
            || r.end > s.text.len()
            || !s.text.is_char_boundary(r.start)
            || !s.text.is_char_boundary(r.end)
        {
            continue;
        }
        out.push_str(&s.text[at..r.start]);
        out.push_str(open);
        out.push_str(&s.text[r.clone()]);
        out.push_str(close);
        at = r.end;
    }
    out.push_str(&s.text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_highlights() {
        let s = Snippet {
            text: "gas price in Oral".into(),
            highlights: vec![0..3, 13..17],
        };
        assert_eq!(marked(&s, false), "**gas** price in **Oral**");
        assert_eq!(
            marked(&s, true),
            "\x1b[1;31mgas\x1b[0m price in \x1b[1;31mOral\x1b[0m"
        );
    }

    #[test]
    fn a_mark_in_the_bold_headline_restores_the_bold() {
        let s = Snippet {
            text: "Gas price protest in Oral".into(),
            highlights: vec![0..3, 21..25],
        };
        assert_eq!(
            marked_within(&s, true, BOLD),
            "\x1b[1;31mGas\x1b[0m\x1b[1m price protest in \x1b[1;31mOral\x1b[0m\x1b[1m"
        );
    }

    #[test]
    fn bad_ranges_are_ignored() {
        let s = Snippet {
            text: "Орал".into(),
            highlights: vec![1..3, 0..100],
        };
        assert_eq!(marked(&s, false), "Орал");
    }
}
