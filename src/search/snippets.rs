//! Snippets and highlights: the piece of text a hit shows and the byte ranges of its
//! matched words, made only for the hits returned.
//!
//! It must not search or decide which hits are shown.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use tantivy::snippet::SnippetGenerator;

/// Characters of article text around the matched words in a snippet.
pub(super) const SNIPPET_CHARS: usize = 220;

/// A piece of text with the byte ranges of the matched words in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

/// Marks matched words across a whole short text (a headline).
pub(super) fn highlight_whole(generator: &SnippetGenerator, text: &str) -> Snippet {
    let snippet = generator.snippet(text);
    if snippet.fragment() == text {
        Snippet {
            text: text.to_string(),
            highlights: snippet.highlighted().to_vec(),
        }
    } else {
        // The generator trims around matches; re-anchor its ranges in the full text.
        let offset = text.find(snippet.fragment()).unwrap_or(0);
        let highlights = if snippet.fragment().is_empty() {
            Vec::new()
        } else {
            snippet
                .highlighted()
                .iter()
                .map(|r| r.start + offset..r.end + offset)
                .collect()
        };
        Snippet {
            text: text.to_string(),
            highlights,
        }
    }
}

/// A snippet as people read it: whitespace runs (paragraph breaks) become one space,
/// "…" marks text cut off on either side, and highlights of neighbouring words merge
/// ("liquefied petroleum gas" is one highlight). Ranges are moved to match.
pub(super) fn tidy_snippet(
    fragment: &str,
    highlights: &[Range<usize>],
    cut_before: bool,
    cut_after: bool,
) -> Snippet {
    let mut text = String::with_capacity(fragment.len() + 8);
    let mut map = vec![0; fragment.len() + 1];
    if cut_before {
        text.push('…');
    }
    let mut last_space = true;
    let trimmed_start = fragment.len() - fragment.trim_start().len();
    for (i, c) in fragment.char_indices() {
        for slot in map.iter_mut().skip(i).take(c.len_utf8()) {
            *slot = text.len();
        }
        if i < trimmed_start {
            continue;
        }
        if c.is_whitespace() {
            if !last_space {
                text.push(' ');
            }
            last_space = true;
        } else {
            text.push(c);
            last_space = false;
        }
    }
    map[fragment.len()] = text.len();
    while text.ends_with(' ') {
        text.pop();
    }
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in highlights {
        let (start, end) = (
            map[r.start.min(fragment.len())],
            map[r.end.min(fragment.len())].min(text.len()),
        );
        if start >= end {
            continue;
        }
        match merged.last_mut() {
            Some(prev) if text[prev.end..start].chars().all(char::is_whitespace) => prev.end = end,
            _ => merged.push(start..end),
        }
    }
    if cut_after {
        text.push('…');
    }
    Snippet {
        text,
        highlights: merged,
    }
}

/// The first `max` characters of a text, cut at a word boundary.
pub(super) fn opening(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => {
            let cut = text[..cut].rfind(char::is_whitespace).unwrap_or(cut);
            format!("{}…", text[..cut].trim_end())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_collapse_space_and_merge_neighbouring_highlights() {
        let fragment = "price of\n\nliquefied petroleum gas, the fuel";
        let s = tidy_snippet(fragment, &[0..5, 10..19, 20..29, 30..33], true, true);
        assert_eq!(s.text, "…price of liquefied petroleum gas, the fuel…");
        let marked: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(marked, ["price", "liquefied petroleum gas"]);
    }

    #[test]
    fn opening_cuts_at_a_word() {
        assert_eq!(opening("one two three", 100), "one two three");
        assert_eq!(opening("one two three", 9), "one two…");
    }
}
