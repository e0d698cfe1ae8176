//! Bounding element nesting before parsing. HTML parsers and readability scoring do work
//! proportional to depth for every element, so a page nested 100,000 levels deep takes
//! minutes; browsers cap tree depth (Blink at 512) for the same reason. Pages nested
//! deeper than [`DEPTH_TRIGGER`] keep their text but lose tags below [`DEPTH_KEPT`].

use std::borrow::Cow;

/// Estimated depth above which a page is flattened. Real pages stay far below it.
pub const DEPTH_TRIGGER: usize = 1_000;
/// Depth kept when flattening.
pub const DEPTH_KEPT: usize = 256;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
/// Elements a following sibling of the same name closes implicitly (`<p>a<p>b`).
const SELF_CLOSING_SIBLINGS: &[&str] = &["p", "li", "dt", "dd", "tr", "td", "th", "option"];
/// Elements whose contents are text, not tags (`noscript` is not one: pages are parsed with
/// scripting off, so its contents are markup). Inside `<svg>` and `<math>` none are.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp"];
/// Foreign content, where `/>` really closes an element.
const FOREIGN: &[&str] = &["svg", "math"];

/// The page with tags nested deeper than [`DEPTH_KEPT`] removed, when its estimated
/// nesting exceeds [`DEPTH_TRIGGER`]; otherwise the page unchanged.
pub fn limit_depth(html: &str) -> Cow<'_, str> {
    if max_depth(html) <= DEPTH_TRIGGER {
        return Cow::Borrowed(html);
    }
    Cow::Owned(flatten(html, DEPTH_KEPT))
}

/// A tag found by the scanner: its byte span and what it does to the depth.
enum Tag<'a> {
    Open(&'a str),
    Close(&'a str),
    /// Comments, doctypes, void and self-closed elements: no depth change.
    Neutral,
}

/// Walks the tags of a page, calling `f` with each tag's span, skipping raw-text contents.
fn scan<'a>(html: &'a str, mut f: impl FnMut(usize, usize, Tag<'a>)) {
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut foreign = 0usize;
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        let start = i + off;
        let rest = &html[start..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(html.len(), |e| start + e + 3);
            f(start, end, Tag::Neutral);
            i = end;
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let end = start + gt + 1;
        let inner = &html[start + 1..end - 1];
        let (closing, name_part) = match inner.strip_prefix('/') {
            Some(n) => (true, n),
            None => (false, inner),
        };
        // As the parser reads it: the name runs to whitespace, '/' or '>'.
        let name_len = name_part
            .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
            .unwrap_or(name_part.len());
        let name = &name_part[..name_len];
        if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() {
            f(start, end, Tag::Neutral);
            i = end;
            continue;
        }
        let is_foreign = FOREIGN.iter().any(|n| n.eq_ignore_ascii_case(name));
        if closing {
            if is_foreign {
                foreign = foreign.saturating_sub(1);
            }
            f(start, end, Tag::Close(name));
        } else if VOID.iter().any(|v| v.eq_ignore_ascii_case(name))
            || (foreign > 0 && inner.ends_with('/'))
        {
            // HTML ignores the slash of `<div/>`; only void and foreign elements close so.
            f(start, end, Tag::Neutral);
        } else if let Some(raw) = RAW_TEXT
            .iter()
            .find(|r| foreign == 0 && r.eq_ignore_ascii_case(name))
        {
            // The contents of <script> and friends are text, not tags.
            let close = format!("</{raw}");
            let body_end = find_ascii_ci(&html[end..], &close).map_or(html.len(), |e| end + e);
            f(start, end, Tag::Neutral);
            i = body_end;
            continue;
        } else {
            if is_foreign {
                foreign += 1;
            }
            f(start, end, Tag::Open(name));
        }
        i = end;
    }
}

/// The estimated nesting depth, counted no further than just past [`DEPTH_TRIGGER`] so that
/// stray end tags cannot make the count itself slow.
fn max_depth(html: &str) -> usize {
    let mut stack: Vec<&str> = Vec::new();
    let mut max = 0;
    scan(html, |_, _, tag| match tag {
        Tag::Open(name) if stack.len() <= DEPTH_TRIGGER => {
            implicit_close(&mut stack, name);
            stack.push(name);
            max = max.max(stack.len());
        }
        Tag::Close(name) if stack.len() <= DEPTH_TRIGGER => close(&mut stack, name),
        _ => {}
    });
    max
}

fn flatten(html: &str, keep: usize) -> String {
    let mut out = String::with_capacity(html.len());
    let mut stack: Vec<&str> = Vec::new();
    let mut dropped = 0usize;
    let mut copied = 0;
    scan(html, |start, end, tag| {
        let keep_tag = match tag {
            Tag::Open(name) => {
                implicit_close(&mut stack, name);
                if stack.len() >= keep {
                    dropped += 1;
                    false
                } else {
                    stack.push(name);
                    true
                }
            }
            Tag::Close(name) => {
                if dropped > 0 {
                    dropped -= 1;
                    false
                } else {
                    close(&mut stack, name);
                    true
                }
            }
            Tag::Neutral => true,
        };
        if !keep_tag {
            out.push_str(&html[copied..start]);
            copied = end;
        }
    });
    out.push_str(&html[copied..]);
    out
}

fn implicit_close(stack: &mut Vec<&str>, name: &str) {
    if SELF_CLOSING_SIBLINGS
        .iter()
        .any(|s| s.eq_ignore_ascii_case(name))
        && stack
            .last()
            .is_some_and(|top| top.eq_ignore_ascii_case(name))
    {
        stack.pop();
    }
}

fn close(stack: &mut Vec<&str>, name: &str) {
    // Close up to the nearest open element of that name; ignore stray end tags.
    if let Some(pos) = stack
        .iter()
        .rposition(|open| open.eq_ignore_ascii_case(name))
    {
        stack.truncate(pos);
    }
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_untouched() {
        let page = "<html><body><div><p>a<p>b<ul><li>x<li>y</ul><br><img src=x></div><script>if (a<b) {}</script></body></html>";
        assert!(matches!(limit_depth(page), Cow::Borrowed(_)));
        assert!(max_depth(page) < 10);
    }

    #[test]
    fn deep_pages_keep_their_text() {
        let n = 5_000;
        let page = format!(
            "<html><body>{}<p>deep words</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let flat = limit_depth(&page);
        assert!(max_depth(&flat) <= DEPTH_KEPT + 1, "{}", max_depth(&flat));
        assert!(flat.contains("deep words"));
        assert!(flat.ends_with("</body></html>"));
    }

    #[test]
    fn many_unclosed_paragraphs_do_not_count_as_depth() {
        let page = format!("<body>{}</body>", "<p>para ".repeat(5_000));
        assert_eq!(max_depth(&page), 2);
    }

    #[test]
    fn tricks_that_hide_depth_from_a_naive_scanner_are_seen() {
        for unit in ["<div/>", "<noscript><div>", "<svg><title><div>", "<x_></x>"] {
            let page = format!("<body>{}</body>", unit.repeat(3_000));
            assert!(max_depth(&page) > DEPTH_TRIGGER, "{unit}");
        }
        let stray = format!("{}{}", "<i>".repeat(5_000), "</x>".repeat(5_000));
        assert!(max_depth(&stray) > DEPTH_TRIGGER);
    }
}
