//! Pages saved by the SingleFile browser extension open with a comment that says where
//! and when they were saved:
//!
//! ```text
//! <!--
//!  Page saved with SingleFile
//!  url: https://news.example/lima
//!  saved date: Tue Nov 19 2019 12:00:00 GMT+0100 (Central European Standard Time)
//! -->
//! ```

use chrono::{DateTime, FixedOffset};

/// How far into a page the comment is looked for (it follows the doctype).
const HEAD: usize = 2048;

/// The URL and save time a SingleFile page gives, if it is one.
pub fn origin(html: &str) -> Option<(Option<String>, Option<DateTime<FixedOffset>>)> {
    let head = &html[..floor_char_boundary(html, HEAD)];
    let start = head.find("<!--")?;
    let comment = &head[start + 4..];
    let comment = &comment[..comment.find("-->")?];
    if !comment.contains("Page saved with SingleFile") {
        return None;
    }
    let field = |name: &str| {
        comment.lines().find_map(|line| {
            line.trim()
                .strip_prefix(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        })
    };
    let url = field("url:").filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let saved = field("saved date:").and_then(|d| parse_js_date(&d));
    Some((url, saved))
}

/// A date as JavaScript's `Date.toString()` writes it:
/// `Tue Nov 19 2019 12:00:00 GMT+0100 (Central European Standard Time)`.
fn parse_js_date(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.split(" (").next()?.trim();
    DateTime::parse_from_str(text, "%a %b %d %Y %H:%M:%S GMT%z").ok()
}

fn floor_char_boundary(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    (0..=at).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_url_and_save_date() {
        let page = "<!DOCTYPE html> <html lang=\"en\"><!--\n Page saved with SingleFile \n url: https://news.example/lima \n saved date: Tue Nov 19 2019 12:00:00 GMT+0100 (Central European Standard Time)\n--><head>";
        let (url, saved) = origin(page).unwrap();
        assert_eq!(url.as_deref(), Some("https://news.example/lima"));
        assert_eq!(saved.unwrap().to_rfc3339(), "2019-11-19T12:00:00+01:00");
    }

    #[test]
    fn other_comments_are_not_singlefile() {
        assert_eq!(origin("<!-- built by a CMS --><html>"), None);
        assert_eq!(origin("<html><p>Page saved with SingleFile</p>"), None);
    }
}
