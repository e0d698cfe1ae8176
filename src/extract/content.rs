//! Choosing the article's content in a parsed page and rendering it to text.
//!
//! The choice is made by `dom_smoothie` (a port of Mozilla's Readability, measured best
//! on our evaluation pages); the chosen HTML is rendered with `html2text`, then leftover
//! player and sharing strings are dropped. A page with no good candidate falls back to the
//! whole page minus its boilerplate: never to nothing.

use crate::extract::meta::without_soft_hyphens;
use dom_query::Document;
use dom_smoothie::{Config, Readability};
use html2text::render::TrivialDecorator;

/// Lines that are interface, not article, when they stand alone.
const UI_LINES: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "advertisement",
    "advertisements",
    "sponsored",
    "please wait",
    "loading...",
    "no media source currently available",
    "image",
    "video",
    "embed",
    "copy link",
    "read more",
    "comments",
    "subscribe",
    "skip to content",
    "skip to main content",
    "accept",
    "accept cookies",
];

/// Elements that never hold article text, removed before the content choice.
const NEVER_ARTICLE: &str = "script, style, noscript, template, nav, footer, form, button, select, \
    [role=navigation], [role=contentinfo], [class*=cookie], [id*=cookie], [class*=newsletter]";

/// Elements and hints that are never article text in the fallback path.
const BOILERPLATE: &str = "script, style, noscript, template, iframe, svg, nav, header, footer, aside, form, button, \
    [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true], \
    [class*=cookie], [id*=cookie], [class*=share], [class*=social], [class*=newsletter], \
    [class*=related], [class*=promo], [class*=advert], [class*=comment], [id*=comment], [class*=menu], [class*=breadcrumb]";

/// The article found in a page: its text, and the byline Readability read beside it.
#[derive(Debug, Default)]
pub struct Content {
    pub text: String,
    pub byline: Option<String>,
}

/// The article text of a parsed page. `html` is the page it was parsed from, used again
/// only when the content choice fails.
pub fn article_text(doc: Document, html: &str, url: Option<&str>) -> Content {
    doc.select(NEVER_ARTICLE).remove();
    let url = web_url(url);
    let rendered = |doc: Document| {
        choose(doc, url)
            .map(|(chosen, byline)| Content {
                text: render(&super::furniture::without_furniture(&chosen)),
                byline,
            })
            .filter(|content| !content.text.is_empty())
    };
    // Some pages wrap the whole story in a form or hang its paragraphs under a nav-like
    // element; with those removed Readability finds nothing, so it gets the page as saved.
    rendered(doc)
        .or_else(|| rendered(Document::from(html)))
        .unwrap_or_else(|| Content {
            text: whole_page_text(html),
            byline: None,
        })
}

/// The article's HTML as [`article_text`] chooses it, before its furniture is dropped
/// (what the furniture model is trained on); `None` when the page falls back to its
/// whole text.
pub fn chosen_html(doc: Document, html: &str, url: Option<&str>) -> Option<String> {
    doc.select(NEVER_ARTICLE).remove();
    let url = web_url(url);
    let chosen = |doc: Document| choose(doc, url).filter(|(c, _)| !render(c).is_empty());
    chosen(doc)
        .or_else(|| chosen(Document::from(html)))
        .map(|(c, _)| c)
}

fn web_url(url: Option<&str>) -> Option<&str> {
    url.filter(|u| u.starts_with("http://") || u.starts_with("https://"))
}

/// Readability's choice, narrowed to its paragraphs, and the byline it read beside it.
fn choose(doc: Document, url: Option<&str>) -> Option<(String, Option<String>)> {
    Readability::with_document(doc, url, Some(Config::default()))
        .ok()
        .and_then(|mut r| r.parse().ok())
        .map(|article| (focus_on_paragraphs(&article.content), article.byline))
}

/// Narrows a chosen content block to the smallest element holding nearly all of its
/// paragraphs, when that drops a good share of other text. Readability keeps whole tables
/// on old table-layout pages; this cuts their menus, sidebars and comment cells.
/// Images (whose alt text is often a file name) and the TeX source beside MathML go too:
/// neither is text a reader sees.
fn focus_on_paragraphs(html: &str) -> String {
    const SHARE_OF_PARAGRAPHS: f64 = 0.9;
    const MAX_SHARE_KEPT: f64 = 0.85;
    let doc = Document::from(html);
    let unseen = doc.select("img, picture, annotation");
    let changed = unseen.exists();
    unseen.remove();
    let whole = || {
        if changed {
            doc.html().to_string()
        } else {
            html.to_string()
        }
    };
    let paragraphs = doc.select("p");
    let paragraphs = paragraphs.nodes();
    if paragraphs.len() < 3 {
        return whole();
    }
    let mut under: std::collections::HashMap<dom_query::NodeId, usize> =
        std::collections::HashMap::new();
    let mut total_p = 0;
    for p in paragraphs {
        let n = p.text().chars().filter(|c| !c.is_whitespace()).count();
        total_p += n;
        for ancestor in p.ancestors_it(None) {
            *under.entry(ancestor.id).or_insert(0) += n;
        }
    }
    let root = doc.select("body");
    let root_len = text_len(&root.text());
    if total_p < 200 || root_len == 0 {
        return whole();
    }
    let best = doc
        .select("body *")
        .nodes()
        .iter()
        .filter(|n| {
            under
                .get(&n.id)
                .is_some_and(|&c| c as f64 >= SHARE_OF_PARAGRAPHS * total_p as f64)
        })
        .map(|n| (text_len(&n.text()), *n))
        .min_by_key(|(len, _)| *len);
    match best {
        Some((len, node)) if (len as f64) < MAX_SHARE_KEPT * root_len as f64 => {
            node.html().to_string()
        }
        _ => whole(),
    }
}

fn text_len(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// Fallback: the whole page minus navigation, scripts and widgets.
fn whole_page_text(html: &str) -> String {
    let doc = Document::from(html);
    doc.select(BOILERPLATE).remove();
    let body = doc.select("body");
    let inner = if body.exists() {
        body.html()
    } else {
        doc.html()
    };
    let text = render(&inner);
    if text.is_empty() {
        // Even the boilerplate is better than losing the page's words.
        render(&Document::from(html).select("body").html())
    } else {
        text
    }
}

/// Renders article HTML as plain text: one line per paragraph, blank lines between
/// paragraphs, no link targets or image markup.
pub fn render(html: &str) -> String {
    let config = html2text::config::with_decorator(TrivialDecorator::new())
        .link_footnotes(false)
        .no_table_borders()
        .empty_img_mode(html2text::config::ImageRenderMode::Replace(""));
    let raw = config
        .string_from_read(html.as_bytes(), 100_000)
        .unwrap_or_default();
    tidy(&raw)
}

/// Drops stand-alone interface strings and collapses runs of blank lines.
fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank = false;
    for line in raw.lines() {
        // html2text marks headings with '#'; the text keeps the words only.
        let line = line.trim().trim_start_matches('#').trim_start();
        if line.is_empty() || is_ui_line(line) || points_elsewhere(line) {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(&without_soft_hyphens(line));
    }
    out
}

/// Lines that point to other stories or to the paper ("Related: Chicago is America's most
/// segregated city", "Lire aussi : ...", "A version of this article appears in print on
/// Page A1"): not the article, and their words would make it a hit for other stories.
const POINTER_PREFIXES: &[&str] = &[
    "related:",
    "read more:",
    "read also:",
    "see also:",
    "lire aussi :",
    "lire aussi:",
    "à lire aussi :",
    "lea también:",
    "leer más:",
    "lesen sie auch:",
    "читайте также:",
    "a version of this article appears in print",
    "sign up for our newsletter",
    "see more:",
    "more from ",
    "lea más:",
    "lea:",
    "leia também:",
    "leia mais:",
    "czytaj też",
    "czytaj także",
    "dowiedz się więcej",
    "auch interessant",
    "beiträge zum thema",
    "mehr zum thema",
    "media playback is unsupported on your device",
];

fn points_elsewhere(line: &str) -> bool {
    let lower = line.to_lowercase();
    POINTER_PREFIXES.iter().any(|p| lower.starts_with(p)) || is_credit_or_counter(&lower)
}

/// A short line that is only an image credit ("(Image: GETTY )", "Photo: Reuters") or a
/// gallery's slide counter ("Image 1 of 8").
fn is_credit_or_counter(lower: &str) -> bool {
    static COUNTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^(?:image|photo|picture|slide|bild|foto|imagen|zdjęcie)\s+\d+\s+(?:of|von|de|sur|z|/)\s+\d+$",
        )
        .expect("valid regex")
    });
    let credit = [
        "(image:", "image:", "(photo:", "photo:", "foto:", "bild:", "credit:", "(credit:",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        && lower.chars().count() <= 60;
    credit || COUNTER.is_match(lower.trim())
}

fn is_ui_line(line: &str) -> bool {
    let lower = line.trim_end_matches(['.', ':', '…']).to_lowercase();
    UI_LINES
        .iter()
        .any(|ui| lower == ui.trim_end_matches(['.', ':']))
        || line.chars().all(|c| !c.is_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<html><head><title>T</title><script>function trackPageView(){}</script>
        <style>.x{color:red}</style></head><body>
        <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
        <div class="cookie-banner">We use cookies. <button>Accept</button></div>
        <article><h1>Floods hit Lima</h1>
        <p>LIMA, Peru — Heavy rains swelled the Rimac river on Sunday, flooding homes across the capital and forcing thousands of families to leave.</p>
        <p>Officials said the water rose faster than in any year since records began, and that emergency crews were working through the night.</p>
        <div class="share">Share</div>
        <p>Residents described streets turned into rivers as <a href="https://x.test/more">the water</a> reached the second floor of some buildings in the east of the city.</p>
        </article>
        <footer>Copyright 2021 Andes Daily. All rights reserved.</footer></body></html>"#;

    #[test]
    fn keeps_article_drops_boilerplate() {
        let text = article_text(Document::from(PAGE), PAGE, None).text;
        assert!(
            text.contains("Heavy rains swelled the Rimac river"),
            "{text}"
        );
        assert!(
            text.contains("the water reached the second floor"),
            "{text}"
        );
        for junk in [
            "trackPageView",
            "color:red",
            "We use cookies",
            "Copyright",
            "https://x.test",
            "Sport",
        ] {
            assert!(!text.contains(junk), "{junk} in {text}");
        }
    }

    #[test]
    fn lines_pointing_to_other_stories_are_dropped() {
        let page = PAGE.replace(
            "<div class=\"share\">Share</div>",
            "<p>Image 1 of 8</p><p>(Image: GETTY )</p><p>SEE MORE: Five other stories</p>\
             <p>Media playback is unsupported on your device</p>\
             <p>Related: Chicago is America's most segregated city</p>\
             <p>Lire aussi : Les critiques de la CNIL</p>\
             <p>A version of this article appears in print on Page A1 of the New York edition.</p>",
        );
        let text = article_text(Document::from(page.as_str()), &page, None).text;
        assert!(text.contains("Officials said the water rose"), "{text}");
        for junk in [
            "Chicago",
            "CNIL",
            "appears in print",
            "Image 1",
            "GETTY",
            "SEE MORE",
            "playback",
        ] {
            assert!(!text.contains(junk), "{junk} in {text}");
        }
    }

    #[test]
    fn story_inside_a_page_wide_form_is_found() {
        // ASP.NET pages wrap the whole body in one <form>; the story must not go with it.
        let page = PAGE
            .replace("<body>", "<body><form id=\"aspnetForm\" method=\"post\">")
            .replace("</body>", "</form></body>");
        let text = article_text(Document::from(page.as_str()), &page, None).text;
        assert!(text.contains("Heavy rains swelled"), "{text}");
        assert!(!text.contains("Copyright"), "{text}");
    }

    #[test]
    fn image_alt_text_and_tex_source_are_not_text() {
        let page = PAGE.replace(
            "<div class=\"share\">",
            "<img src=\"a.jpg\" alt=\"DSC_0042.JPG\"><math><semantics><mi>x</mi>\
             <annotation encoding=\"application/x-tex\">\\displaystyle x</annotation>\
             </semantics></math><div class=\"share\">",
        );
        let text = article_text(Document::from(page.as_str()), &page, None).text;
        assert!(text.contains("Heavy rains swelled"), "{text}");
        assert!(!text.contains("DSC_0042"), "{text}");
        assert!(!text.contains("displaystyle"), "{text}");
    }

    #[test]
    fn paragraphs_stay_apart() {
        let text = article_text(Document::from(PAGE), PAGE, None).text;
        assert!(text.contains("leave.\n\n"), "{text}");
    }

    #[test]
    fn soft_hyphens_do_not_split_words() {
        let text =
            render("<p>Schon im Mit&shy;tel&shy;al&shy;ter war S\u{ad}üd\u{ad}tirol bekannt.</p>");
        assert_eq!(text, "Schon im Mittelalter war Südtirol bekannt.");
    }

    #[test]
    fn short_page_falls_back_to_whole_page() {
        let page = "<html><body><nav>Menu</nav><p>Only one short line here.</p></body></html>";
        let text = article_text(Document::from(page), page, None).text;
        assert_eq!(text, "Only one short line here.");
    }

    #[test]
    fn table_layout_keeps_the_story_cell_only() {
        let story: String = (0..4)
            .map(|i| format!("<p>Paragraph {i} of the story about the wheat harvest in Kansas, long enough to count as real text.</p>"))
            .collect();
        let page = format!(
            "<table><tr><td>Sections<br><a href=/a>Ag News</a><br><a href=/b>County Fair</a></td>\
             <td><div class=storytext>{story}</div></td>\
             <td><b>Related stories</b><br><a href=/c>Corn prices climb as drought spreads</a></td></tr></table>"
        );
        let text = render(&focus_on_paragraphs(&page));
        assert!(text.contains("Paragraph 3 of the story"), "{text}");
        assert!(
            !text.contains("Related stories") && !text.contains("County Fair"),
            "{text}"
        );
    }

    #[test]
    fn ui_lines_are_dropped() {
        assert_eq!(
            tidy("Share\nReal text.\n\n\n\nNo media source currently available\nMore text.\n***"),
            "Real text.\n\nMore text."
        );
    }
}
