//! Choosing the headline: the page's `<h1>` or the metadata's title, with the site's
//! name and section cut off.

use dom_query::{Document, NodeRef};

use super::meta::{clean_space, squeeze};

/// The text of the page's first `<h1>`, without a kicker: a short label the page sets
/// in its own element before the headline ("<span>Klimaschutz</span> Bohren, bis es heiß
/// wird", "<div>100. Geburtstag</div> Holocaust-Überlebende …"). It is a kicker only when
/// `<title>` does not run it into the headline as one sentence ("<a>Joe Biden</a> says
/// he will run" stays whole), so it is cut where the titles set it apart or leave it out.
pub(super) fn first_h1(doc: &Document, titles: &[&str]) -> String {
    let Some(node) = headline_h1(doc) else {
        return String::new();
    };
    let whole = clean_space(&visible_text(&node));
    // Words counted by spaces say nothing of Chinese or Japanese headings.
    if whole.chars().any(is_cjk) {
        return whole;
    }
    let Some((kicker, rest)) = after_kicker(&node) else {
        return whole;
    };
    let first_word = rest.split_whitespace().next().unwrap_or_default();
    let run_together = format!("{kicker} {first_word}");
    let titles: Vec<String> = titles
        .iter()
        .map(|t| clean_space(t))
        .filter(|t| !t.is_empty())
        .collect();
    let set_apart = !titles.is_empty() && titles.iter().all(|t| !t.contains(&run_together));
    if set_apart { rest } else { whole }
}

/// The `<h1>` that may hold the headline: the page's first one that is not the site's logo.
pub(super) fn headline_h1(doc: &Document) -> Option<NodeRef<'_>> {
    doc.select("h1")
        .nodes()
        .iter()
        .find(|n| !links_home(n))
        .copied()
}

/// A Chinese or Japanese character (kana and CJK ideographs).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}')
}

/// An <h1> that links to the home page is the site's logo.
fn links_home(h1: &NodeRef) -> bool {
    let link = h1
        .descendants_it()
        .find(|n| n.node_name().is_some_and(|name| &*name == "a"));
    link.and_then(|a| a.attr("href")).is_some_and(|href| {
        let href = href.trim();
        href == "/"
            || href.split('/').filter(|p| !p.is_empty()).count() <= 2 && href.contains("://")
    })
}

/// A kicker element at the start of `node` and what follows it: the leading element of at
/// most eight words (and under half the heading) goes, with separators such as a hidden
/// ": ", while at least three words stay. A heading that is one element is looked into.
fn after_kicker(node: &NodeRef) -> Option<(String, String)> {
    // A loop, not recursion: a hostile page may nest a heading's elements very deep.
    let mut node = *node;
    let children = loop {
        let children: Vec<NodeRef> = node
            .children()
            .into_iter()
            .filter(|c| c.is_element() || !c.text().trim().is_empty())
            .filter(|c| !super::is_unshown(c))
            .collect();
        match children.as_slice() {
            [only] if only.is_element() => node = *only,
            [_] => return None,
            _ => break children,
        }
    };
    let words = |n: &NodeRef| visible_text(n).split_whitespace().count();
    let total: usize = children.iter().map(words).sum();
    let mut cut = 0;
    let mut kicker = String::new();
    for child in &children {
        let text = clean_space(&visible_text(child));
        let has_words = text.chars().any(char::is_alphanumeric);
        if !child.is_element() || child.node_name().is_some_and(|n| &*n == "a") {
            break;
        }
        if has_words {
            if !kicker.is_empty() || words(child) > 8 || 2 * words(child) >= total {
                break;
            }
            kicker = text;
        }
        cut += 1;
    }
    let rest: String = children[cut..]
        .iter()
        .map(visible_text)
        .collect::<Vec<_>>()
        .join(" ");
    let rest = clean_space(&rest);
    (!kicker.is_empty() && rest.split_whitespace().count() >= 3).then_some((kicker, rest))
}

/// The headline a reader sees: the page's `<h1>` or the metadata's title `raw_title`,
/// without the site's name; also returns what was cut off, which may be that name.
pub(super) fn headline(
    doc: &Document,
    raw_title: Option<String>,
    html_title: &str,
    h1: &str,
    site: Option<&str>,
) -> (Option<String>, Option<String>) {
    // The headline a reader sees is the page's <h1> when <title> holds it with the site's
    // name or a section around it ("Opinion | ...", "... (Published 2016)", "...：朝日新聞デジタル").
    // …but not when the <h1> is the site's name that <title> carries after the headline
    // ("Ins neue Jahr | Literaturgefluester" with the blog's name as its <h1>).
    let h1_is_the_site = {
        let (_, suffix) = split_site_suffix(html_title, site, "");
        suffix.is_some_and(|t| squeeze(&t) == squeeze(h1))
            || site.is_some_and(|s| squeeze(s) == squeeze(h1))
    };
    let h1_is_headline = h1.chars().filter(|c| c.is_alphanumeric()).count() >= 12
        && h1.len() <= 400
        && !h1_is_the_site
        && squeeze(html_title).contains(&squeeze(h1))
        && squeeze(html_title) != squeeze(h1);
    // A page's only <h1>, when it reads as a headline, is the headline a reader sees, even
    // where the metadata gives a social-media title; but an <h1> that holds the metadata's
    // title with a kicker or subtitle around it gives way to that title.
    let holds_meta_title = raw_title.as_deref().is_some_and(|t| {
        let t = squeeze(&strip_site_suffix(t, site, h1));
        t.chars().count() >= 8 && squeeze(h1).contains(&t) && t != squeeze(h1)
    });
    // It must share a word with the metadata's title: an <h1> that shares none is the
    // site's logo or a section ("Archive of Our Own beta").
    let shares_a_word = raw_title.as_deref().is_none_or(|t| {
        let t = strip_site_suffix(t, site, h1).to_lowercase();
        h1.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.chars().count() >= 4 && t.contains(w))
    });
    let only_h1 = doc
        .select("h1")
        .nodes()
        .iter()
        .filter(|n| !links_home(n))
        .count()
        == 1
        && h1.split_whitespace().count() >= 4
        && h1.len() <= 300
        && !holds_meta_title
        && shares_a_word
        && site.is_none_or(|s| !squeeze(h1).contains(&squeeze(s)));
    // Where <title> and the <h1> agree, the metadata's different title is a teaser or a
    // section ("Medienmitteilungen").
    let agrees_with_title =
        !h1_is_the_site && h1.split_whitespace().count() >= 3 && squeeze(h1) == squeeze(html_title);
    // …unless the metadata's title is itself a heading of the page, below a topic <h1>
    // ("Betriebliche Altersvorsorge" over "Mit Hilfe des Chefs für die Rente sparen").
    // (A title that carries the site's name is a copy of <title>, not a heading.)
    let meta_title_is_a_heading = raw_title.as_deref().is_some_and(|t| {
        let bare = split_site_suffix(t, site, "").1.is_none();
        let t = squeeze(t);
        bare && t != squeeze(h1)
            && t.chars().count() >= 12
            && doc
                .select("h2")
                .nodes()
                .iter()
                .take(12)
                .any(|n| squeeze(&visible_text(n)) == t)
    });
    let h1_is_headline =
        (h1_is_headline || only_h1 || agrees_with_title) && !meta_title_is_a_heading;
    let raw_title = if h1_is_headline {
        Some(h1.to_string())
    } else {
        raw_title
    };
    match raw_title {
        Some(t) => {
            let (title, suffix) = split_site_suffix(&t, site, h1);
            // The <h1> chosen as the headline is one of the headings: it would undo the cut.
            let heading = if h1_is_headline {
                None
            } else {
                heading_within(doc, &t, &title)
            };
            (Some(heading.unwrap_or(title)), suffix)
        }
        None => (None, None),
    }
}

/// The text of the page's first `<h1>` and `<h2>` headings, but a logo's.
fn headings(doc: &Document) -> Vec<String> {
    doc.select("h1, h2")
        .nodes()
        .iter()
        .take(12)
        .filter(|n| !links_home(n))
        .map(|n| clean_space(&visible_text(n)))
        .filter(|t| !t.is_empty())
        .collect()
}

/// A heading of the page that is the headline within the title: the whole title where
/// the cut took a part of the headline for the site's ("Office 365 – HBDI – die Dritte"),
/// else the part of it that stands apart from a site's name or section, or from a
/// trailing note ("BMAS - Änderung der …", "Der historische Purzelbaum (2021/5)"). What a
/// heading shows is what the reader sees as the headline.
fn heading_within(doc: &Document, raw: &str, cut: &str) -> Option<String> {
    let raw_key = squeeze(raw);
    let cut_key = squeeze(cut);
    let headings: Vec<String> = headings(doc)
        .into_iter()
        .filter(|t| t.split_whitespace().count() >= 3)
        .collect();
    if raw_key != cut_key
        && let Some(whole) = headings.iter().find(|h| squeeze(h) == raw_key)
    {
        return Some(whole.clone());
    }
    // The heading as the page writes it, where the metadata's title changes its case
    // ("Vessel Returning to Puerto Rico" against "… Returning To …").
    if let Some(same) = headings.iter().find(|h| squeeze(h) == cut_key) {
        return (same != cut).then(|| same.clone());
    }
    // A part of the title: what it leaves is short, a name or a note, not more headline.
    let words = |s: &str| s.split_whitespace().count();
    headings
        .iter()
        .find(|h| {
            let key = squeeze(h);
            key.len() >= 12
                && cut_key != key
                && cut_key.contains(&key)
                && words(cut).saturating_sub(words(h)) <= 3
                && (cut_key.starts_with(&key) || cut_key.ends_with(&key))
        })
        .cloned()
}

/// The text of `node` without what a browser does not show as text: the style sheets and
/// scripts that CSS-in-JS pages put inside headings.
fn visible_text(node: &NodeRef) -> String {
    let mut text = String::new();
    let mut stack = vec![*node];
    while let Some(n) = stack.pop() {
        if n.is_text() {
            text.push_str(&n.text());
        } else if !super::is_unshown(&n) {
            let mut children = n.children();
            children.reverse();
            stack.extend(children);
        }
    }
    text
}

/// Removes a site suffix or prefix such as " - RFE/RL" or "Herald | ": the part after the
/// last separator goes when it names the site, or when it is short and what stays is not.
pub(super) fn strip_site_suffix(title: &str, site: Option<&str>, h1: &str) -> String {
    split_site_suffix(title, site, h1).0
}

/// Like [`strip_site_suffix`], and also returns what was removed: the site's name as the
/// page writes it, for pages that give no `og:site_name`.
pub(super) fn split_site_suffix(
    title: &str,
    site: Option<&str>,
    h1: &str,
) -> (String, Option<String>) {
    let title = clean_space(title);
    let cut = |kept: &str, removed: &str| (kept.to_string(), Some(removed.to_string()));
    let site_norm = site.map(squeeze).unwrap_or_default();
    if !h1.is_empty() && squeeze(h1) == squeeze(&title) {
        return (title, None);
    }
    // A breadcrumb before the headline ("Time 4 talks » Blog Archiv » Weitere
    // Digitalisierung der Schweizer Kinos"): its last part, when it is the longest.
    for sep in [" » ", " › "] {
        let parts: Vec<&str> = title.split(sep).map(str::trim).collect();
        if let Some((last, before)) = parts.split_last()
            && !before.is_empty()
            && last.split_whitespace().count() >= 3
            && !last.contains(" - ")
            && before
                .iter()
                .all(|p| p.len() < last.len() && p.split_whitespace().count() <= 4)
        {
            return cut(last, &before.join(sep));
        }
    }
    for sep in [" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · "] {
        let Some(pos) = title.rfind(sep) else {
            continue;
        };
        let (head, tail) = (title[..pos].trim(), title[pos + sep.len()..].trim());
        let names_site = |part: &str| {
            let p = squeeze(part);
            !site_norm.is_empty()
                && !p.is_empty()
                && (site_norm.contains(&p) || p.contains(&site_norm))
        };
        if names_site(tail) || (!h1.is_empty() && squeeze(h1) == squeeze(head)) {
            return cut(head, tail);
        }
        if let Some(first) = title.find(sep) {
            let (lead, rest) = (title[..first].trim(), title[first + sep.len()..].trim());
            let lead_norm = squeeze(lead);
            if !lead_norm.is_empty()
                && (lead_norm == site_norm || site_norm.starts_with(&lead_norm))
            {
                return cut(rest, lead);
            }
        }
        let words = |s: &str| s.split_whitespace().count();
        // A legal form written in lower case ("e.V.", "d.o.o.") does not make a name
        // lower case.
        let capitalised = tail.split_whitespace().all(|w| {
            w.chars().next().is_some_and(|c| !c.is_lowercase())
                || (w.len() <= 6 && w.ends_with('.') && w.matches('.').count() >= 2)
        });
        // " | " and " :: " almost always set off a site name; dashes also join titles.
        let site_separator = matches!(sep, " | " | " :: " | " « " | " » " | " · ");
        if words(head) >= 3
            && (words(tail) <= 2 || (words(tail) <= 4 && (capitalised || site_separator)))
        {
            return cut(head, tail);
        }
    }
    cjk_site_suffix(&title, &site_norm)
        .map_or((title.clone(), None), |(head, tail)| cut(&head, &tail))
}

/// The site's name after a Chinese or Japanese title, which such pages join without spaces
/// ("…が受賞：朝日新聞デジタル", "…「Treeviz」:phpspot開発日誌", "…找对象_智能_好奇心日报"):
/// cut at the last `：`, `:`, `｜`, `|`, `_` (or `-` before Chinese or Japanese only) while
/// the part after it names the site, or is
/// short and what stays is at least twice as long. Returns the headline and what was cut.
fn cjk_site_suffix(title: &str, site_norm: &str) -> Option<(String, String)> {
    if !title.chars().any(is_cjk) {
        return None;
    }
    let mut head = title.to_string();
    let mut removed: Vec<String> = Vec::new();
    while let Some((pos, sep)) = head.char_indices().rev().find(|&(pos, c)| {
        matches!(c, '：' | ':' | '｜' | '|' | '_')
                // A hyphen joins words too ("JVNDB-2018"): it parts a site's name only
                // when all after it is Chinese or Japanese ("…英雄的城！-新华网").
                || (c == '-' && {
                    let rest = head[pos + 1..].trim();
                    !rest.is_empty() && rest.chars().all(is_cjk)
                })
    }) {
        let tail = head[pos + sep.len_utf8()..].trim().to_string();
        let kept = head[..pos].trim().to_string();
        let tail_norm = squeeze(&tail);
        let names_site = !site_norm.is_empty()
            && !tail_norm.is_empty()
            && (site_norm.contains(&tail_norm) || tail_norm.contains(site_norm));
        let short = tail.chars().count() <= 12 && kept.chars().count() >= 2 * tail.chars().count();
        if tail.is_empty() || kept.is_empty() || !(names_site || short) {
            break;
        }
        removed.insert(0, tail);
        head = kept;
    }
    (!removed.is_empty()).then(|| (head, removed.join(" ")))
}

/// Share of `a`'s words found in `b` (case-insensitive).
pub(super) fn similarity(a: &str, b: &str) -> f64 {
    let words = |s: &str| {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() {
        return 0.0;
    }
    wa.iter().filter(|w| wb.contains(w)).count() as f64 / wa.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffixes_go_and_real_titles_stay() {
        let strip = |t: &str, s: Option<&str>| strip_site_suffix(t, s, "");
        assert_eq!(
            strip(
                "'Fight Far From Over' For One Kazakh Protester - RFE/RL",
                Some("RFE/RL")
            ),
            "'Fight Far From Over' For One Kazakh Protester"
        );
        assert_eq!(
            strip("Herald | Storm hits the coast tonight", Some("Herald")),
            "Storm hits the coast tonight"
        );
        assert_eq!(
            strip("Kenya votes in tight race | Eastern Broadcasting", None),
            "Kenya votes in tight race"
        );
        assert_eq!(strip("Left - right", None), "Left - right");
        assert_eq!(
            strip(
                "Norddeutschland findet seine Meister - Berliner Leichtathletik Verband e.V.",
                None
            ),
            "Norddeutschland findet seine Meister"
        );
    }
}
