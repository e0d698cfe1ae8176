//! The publication date by evidence: every date the page gives for itself (JSON-LD, meta
//! tags, `<time>`, dates seen near the headline, the URL, the file's path), each weighed by
//! how reliable its source is, and the day most of the evidence agrees on chosen.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDateTime, TimeZone, Timelike};
use dom_query::{Document, NodeRef};

use super::dates::{date_from_url, is_plausible, parse_date, parse_human_date};
use super::meta::{clean_space, squeeze};

/// What the page offers as evidence of its date, gathered by the metadata reader.
pub struct Evidence<'a> {
    pub doc: &'a Document,
    /// `datePublished` (or `dateCreated`) of the page's JSON-LD article.
    pub json_ld: Option<&'a str>,
    /// `datePublished` of any other JSON-LD object (a `WebPage`, a `HowTo`).
    pub json_ld_other: Option<&'a str>,
    pub metas: &'a HashMap<String, String>,
    pub url: Option<&'a str>,
    /// The page's path in the corpus (`2022/01/05/story.html`).
    pub rel_path: &'a str,
    /// The headline already chosen, to find where the story starts on the page.
    pub headline: &'a str,
}

/// A date the page gives, with where it came from and how much that source is trusted.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    date: DateTime<FixedOffset>,
    /// Whether the page gave the zone. A date without one is the page's local time, read
    /// as if it were UTC.
    zoned: bool,
    source: &'static str,
    weight: f64,
}

/// A date-time read from a machine value, with whether the value gave its zone.
fn read(raw: &str) -> Option<(DateTime<FixedOffset>, bool)> {
    let date = parse_date(raw)?;
    let lower = raw.trim().to_ascii_lowercase();
    let utc = lower.ends_with('z')
        || lower.ends_with("+00:00")
        || lower.ends_with("+0000")
        || lower.ends_with("utc")
        || lower.ends_with("gmt");
    Some((date, utc || date.offset().local_minus_utc() != 0))
}

/// A date read from human text: it has a zone only when it names one.
fn read_human(text: &str) -> Option<(DateTime<FixedOffset>, bool)> {
    let date = parse_human_date(text)?;
    let lower = text.to_ascii_lowercase();
    let named = lower.contains("utc") || lower.contains("gmt");
    Some((date, named || date.offset().local_minus_utc() != 0))
}

/// Meta names that give the publication date, most trusted first; after them, any other
/// name that says publish, post or date (and not modified or updated) counts.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc:date:issued",
    "dc:date",
    "dcterms:created",
    "dcterms:date",
    "sailthru:date",
    "parsely-pub-date",
    "article:published",
    "original-publish-date",
];

/// The publication date and the source that gave it (`json-ld`, `meta`, `time`, `page`,
/// `url`, `path` or `modified`).
pub fn publication_date(e: &Evidence) -> Option<(DateTime<FixedOffset>, &'static str)> {
    choose(&candidates(e), chrono::Utc::now())
}

/// Every date the page gives for its publication, most trusted first.
fn candidates(e: &Evidence) -> Vec<Candidate> {
    let mut found = Vec::new();
    let mut push = |date: Option<(DateTime<FixedOffset>, bool)>, source, weight| {
        if let Some((date, zoned)) = date {
            found.push(Candidate {
                date,
                zoned,
                source,
                weight,
            });
        }
    };
    push(e.json_ld.and_then(read), "json-ld", 3.0);
    for (i, key) in DATE_META.iter().enumerate() {
        // The names made for the publication time are trusted like JSON-LD; a bare
        // "date" is often the CMS's own.
        let weight = if i < 4 { 3.0 } else { 2.5 };
        push(e.metas.get(*key).and_then(|v| read(v)), "meta", weight);
    }
    let mut other: Vec<(&String, &String)> = e
        .metas
        .iter()
        .filter(|(k, _)| {
            !DATE_META.contains(&k.as_str())
                && ["publish", "post", "date"].iter().any(|w| k.contains(w))
                // A video's upload date is not the story's.
                && !["modif", "updat", "expir", "valid", "upload"]
                    .iter()
                    .any(|w| k.contains(w))
        })
        .collect();
    other.sort();
    for (_, v) in other {
        push(read(v), "meta", 2.0);
    }
    push(e.json_ld_other.and_then(read), "json-ld", 2.0);
    push(time_element(e.doc), "time", 2.0);
    if let Some(seen) = seen_near_headline(e.doc, e.headline) {
        let weight = match seen.label {
            Label::Published => 2.75,
            // What the reader sees by the headline beats the page's first <time>.
            Label::Plain => 2.25,
            Label::Updated => 0.75,
        };
        push(Some((seen.date, seen.zoned)), "page", weight);
    }
    push(
        e.url.and_then(date_from_url).map(|d| (d, false)),
        "url",
        2.5,
    );
    push(date_from_url(e.rel_path).map(|d| (d, false)), "path", 1.0);
    // Last: when a page gives only when it was modified, that is the nearest date it
    // has (an undated article is invisible to --since and --until).
    for key in [
        "article:modified_time",
        "og:updated_time",
        "datemodified",
        "dcterms:modified",
    ] {
        push(e.metas.get(key).and_then(|v| read(v)), "modified", 0.5);
    }
    found
}

/// The day most of the evidence agrees on (each source counted once, by its most trusted
/// candidate), never a placeholder or impossible date; on a tie, the most trusted. The
/// date given is that day's most trusted candidate, in the page's own time zone when
/// another candidate shows it.
fn choose(
    candidates: &[Candidate],
    now: DateTime<chrono::Utc>,
) -> Option<(DateTime<FixedOffset>, &'static str)> {
    let all: Vec<Candidate> = candidates
        .iter()
        .filter(|c| is_plausible(&c.date, now))
        .copied()
        .collect();
    // The modified time dates a page only when nothing else does.
    let (modified, mut plausible): (Vec<Candidate>, Vec<Candidate>) =
        all.iter().partition(|c| c.source == "modified");
    if plausible.is_empty() {
        plausible = modified.clone();
    }
    // When the page declares a publication time apart from its modified time, a day that
    // is the modified one is the edit's, even where the page shows it as its date.
    let modified_days: Vec<chrono::NaiveDate> =
        modified.iter().map(|c| c.date.date_naive()).collect();
    let declared_apart = plausible.iter().any(|c| {
        matches!(c.source, "json-ld" | "meta")
            && c.weight >= 3.0
            && !modified_days.contains(&c.date.date_naive())
    });
    let support = |day: chrono::NaiveDate| -> f64 {
        let mut best: HashMap<&str, f64> = HashMap::new();
        for c in &plausible {
            // A day given in UTC may be the page's previous or next local day.
            let apart = (c.date.date_naive() - day).num_days().abs();
            let w = match apart {
                0 => c.weight,
                1 if c.date.offset().local_minus_utc() == 0 => c.weight / 2.0,
                _ => 0.0,
            };
            // A <time> is also seen on the page: one piece of evidence, not two.
            let source = if c.source == "time" { "page" } else { c.source };
            let slot = best.entry(source).or_default();
            *slot = slot.max(w);
        }
        let sum: f64 = best.values().sum();
        if declared_apart && modified_days.contains(&day) {
            sum / 2.0
        } else {
            sum
        }
    };
    let mut chosen: Option<(f64, Candidate)> = None;
    for c in &plausible {
        let s = support(c.date.date_naive());
        if chosen.is_none_or(|(best, _)| s > best + 1e-9) {
            chosen = Some((s, *c));
        }
    }
    let (_, c) = chosen?;
    Some((in_local_time(&c, &all), c.source))
}

/// The chosen moment in the page's own zone, when the evidence shows it: a UTC instant
/// beside the same moment with its offset, or beside the same clock time a whole number of
/// hours away ("2023-11-09T05:30:59Z" and "November 8, 2023 at 11:30 p.m."); or a local
/// time without a zone beside the UTC instant it is.
fn in_local_time(chosen: &Candidate, all: &[Candidate]) -> DateTime<FixedOffset> {
    let date = chosen.date;
    let has_time = date.second() != 0 || date.minute() != 0;
    if date.offset().local_minus_utc() != 0 || !has_time {
        return date;
    }
    // Hours from UTC to the page's clock, when `local` (zoneless) and `utc` are one moment.
    let shift = |local: NaiveDateTime, utc: NaiveDateTime| {
        let s = (local - utc).num_seconds();
        (s != 0 && s % 3600 == 0 && s.abs() <= 14 * 3600)
            .then(|| FixedOffset::east_opt(s as i32))
            .flatten()
    };
    for c in all {
        let other = c.date;
        let zoned_other = c.zoned && other.offset().local_minus_utc() != 0;
        if chosen.zoned {
            if zoned_other && other == date {
                return other;
            }
            if !c.zoned
                && let Some(zone) = shift(other.naive_local(), date.naive_utc())
            {
                return date.with_timezone(&zone);
            }
        } else if c.zoned
            && let Some(zone) = shift(date.naive_local(), other.naive_utc())
            && let Some(local) = zone.from_local_datetime(&date.naive_local()).single()
        {
            return local;
        }
    }
    date
}

fn time_element(doc: &Document) -> Option<(DateTime<FixedOffset>, bool)> {
    let times = doc.select("time[datetime]");
    let nodes = times.nodes();
    // Prefer a <time> marked as the publication time, then the first one.
    let marked = nodes.iter().find(|n| {
        let hint = format!(
            "{} {} {}",
            n.attr("itemprop").unwrap_or_default(),
            n.attr("class").unwrap_or_default(),
            n.attr("pubdate").map(|_| "pubdate").unwrap_or_default()
        )
        .to_ascii_lowercase();
        hint.contains("publish") || hint.contains("pubdate")
    });
    if let Some(d) = marked
        .or(nodes.first())
        .and_then(|n| n.attr("datetime"))
        .and_then(|v| read(&v))
    {
        return Some(d);
    }
    // A <time> without a `datetime` that parses shows the date as text ("Dec 13, 2016 at
    // 3:45 pm", "1. November 2023 10:29" beside datetime="01-11-2023 10:29").
    doc.select("time")
        .nodes()
        .iter()
        .filter(|n| n.attr("datetime").and_then(|v| parse_date(&v)).is_none())
        .map(|n| clean_space(&n.text()))
        .filter(|t| t.len() < 80)
        .find_map(|t| read_human(&t))
}

/// What the words beside a date say it is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Label {
    Published,
    Plain,
    Updated,
}

/// A date seen on the page, at a position counted in text nodes.
#[derive(Debug, Clone, Copy)]
struct Sighting {
    at: usize,
    date: DateTime<FixedOffset>,
    zoned: bool,
    label: Label,
    /// From an attribute (`datetime`, `content`, `title`, `data-…`) rather than the text.
    machine: bool,
}

/// Words that mark a date as the publication's or as a later edit's, in the languages
/// dateline stems (matched in lower case, inside words: "Published", "Veröffentlicht am").
const PUBLISHED_WORDS: &[&str] = &[
    "publi",
    "veröffentlicht",
    "erschienen",
    "erscheinung",
    "erstellt",
    "posted",
    "gespeichert",
    "geschrieben",
    "created",
    "pubdate",
];
const UPDATED_WORDS: &[&str] = &[
    "update",
    "aktualisiert",
    "geändert",
    "änderung",
    "modif",
    "actualiz",
    "atualiz",
    "bearbeitet",
    "edited",
    "revised",
];

fn label_of(words: &str) -> Label {
    let lower = words.to_lowercase();
    let has = |list: &[&str]| list.iter().any(|w| lower.contains(w));
    // The first date of "Published 3 May | Updated 4 May" is the publication's.
    if has(PUBLISHED_WORDS) {
        Label::Published
    } else if has(UPDATED_WORDS) {
        Label::Updated
    } else {
        Label::Plain
    }
}

/// The date a reader sees by the story's headline: of the dates in short texts and date
/// attributes in document order, the one nearest the headline, a date labelled as the
/// publication's counting as nearer and one labelled as an update only when there is no
/// other. Dates in comments and copyright lines are not the story's. A page whose headline
/// cannot be found gives only a date labelled as the publication's.
fn seen_near_headline(doc: &Document, headline: &str) -> Option<Sighting> {
    let body = doc.select("body");
    let root = *body.nodes().first()?;
    let headline = squeeze(headline);
    let mut anchor: Option<usize> = None;
    let mut first_h1: Option<usize> = None;
    let mut text_anchor: Option<usize> = None;
    let mut seen: Vec<Sighting> = Vec::new();
    let mut at = 0usize;
    // The text before a date, which may label it ("Stand:", "Erstellt am").
    let mut previous = String::new();
    for node in root.descendants_it() {
        if node.is_element() {
            let name = node.node_name().unwrap_or_default();
            if matches!(&*name, "h1" | "h2" | "h3" | "h4") && anchor.is_none() {
                let text = squeeze(&node.text());
                // The headline's heading, though one of the two may carry a kicker or the
                // site's name ("…「Treeviz」:phpspot開発日誌"). Its own text is the next
                // text node.
                let (short, long) = if text.len() <= headline.len() {
                    (&text, &headline)
                } else {
                    (&headline, &text)
                };
                let is_headline = !short.is_empty()
                    && (text == headline
                        || (short.chars().count() >= 10
                            && short.len() * 5 >= long.len() * 3
                            && long.contains(short.as_str())));
                if is_headline {
                    anchor = Some(at + 1);
                } else if &*name == "h1" && first_h1.is_none() && !text.is_empty() {
                    first_h1 = Some(at + 1);
                }
            }
            if let Some(s) = attribute_date(&node, at) {
                seen.push(s);
            }
            continue;
        }
        if !node.is_text() {
            continue;
        }
        let raw = node.text();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let parent = node.parent();
        let parent_name = parent
            .as_ref()
            .and_then(|p| p.node_name())
            .unwrap_or_default();
        if matches!(
            &*parent_name,
            "script" | "style" | "noscript" | "template" | "option" | "textarea"
        ) {
            continue;
        }
        at += 1;
        // A headline set in a <div> of its own: the text that is the headline.
        if anchor.is_none()
            && text_anchor.is_none()
            && &*parent_name != "title"
            && headline.chars().count() >= 10
            && squeeze(trimmed) == headline
        {
            text_anchor = Some(at);
        }
        // A paragraph may open with the date set off by a dash ("27.1.2022 - Bei der
        // Erinnerung …"); one that opens with a date in its sentence ("27. Januar 1945
        // befreiten …") tells history. Only the start is read (`text_date` reads no
        // further in a long text).
        let opening = if trimmed.len() > 240 {
            let end = trimmed
                .char_indices()
                .nth(24)
                .map_or(trimmed.len(), |(i, _)| i);
            let start = &trimmed[..end];
            if [" - ", " – ", " — "].iter().any(|d| start.contains(d)) {
                start
            } else {
                ""
            }
        } else {
            trimmed
        };
        let may_be_date = opening.bytes().any(|b| b.is_ascii_digit());
        if may_be_date {
            let text = clean_space(opening);
            if text.len() <= 120
                && let Some((date, zoned)) = text_date(&text)
                && !in_comments_or_copyright(&node, &text)
            {
                let hints = parent
                    .as_ref()
                    .map(|p| {
                        format!(
                            "{} {}",
                            p.attr("class").unwrap_or_default(),
                            p.attr("itemprop").unwrap_or_default()
                        )
                    })
                    .unwrap_or_default();
                let near_words = clean_space(&previous);
                let mut label = label_of(&format!("{near_words} {text}"));
                if label == Label::Plain {
                    label = label_of(&hints);
                }
                seen.push(Sighting {
                    at,
                    date,
                    zoned,
                    label,
                    machine: false,
                });
            }
        }
        previous.clear();
        if trimmed.len() <= 80 {
            previous.push_str(trimmed);
        }
    }
    // …but not the site's name in the footer, where a page without its headline has it.
    let text_anchor = text_anchor.filter(|&a| a * 5 <= at * 3);
    let anchor = anchor.or(text_anchor).or(first_h1);
    let cost = |s: &Sighting| -> Option<f64> {
        let mut cost = match anchor {
            Some(a) if s.at >= a => (s.at - a) as f64,
            Some(a) => (a - s.at) as f64 * 1.5,
            None if s.label == Label::Published => s.at as f64 / 50.0,
            None => return None,
        };
        if cost > 60.0 && s.label == Label::Plain {
            return None;
        }
        if s.label == Label::Published {
            cost = cost / 2.0 - 3.0;
        }
        if s.machine {
            cost -= 1.0;
        }
        if s.label == Label::Updated {
            cost += 1000.0;
        }
        Some(cost)
    };
    seen.iter()
        .filter_map(|s| cost(s).map(|c| (c, s)))
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, s)| *s)
}

/// A date as a short text writes it, including the two-digit years of German pages
/// ("23.09.22") when the text is only that date. The date must lead the text or the text
/// be short: a date inside a sentence is what the story tells, not when it was written.
fn text_date(text: &str) -> Option<(DateTime<FixedOffset>, bool)> {
    static SHORT_YEAR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(\d{1,2})\.(\d{1,2})\.(\d{2})$").expect("valid regex")
    });
    if let Some(c) = SHORT_YEAR.captures(text) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let date = chrono::NaiveDate::from_ymd_opt(2000 + num(3)? as i32, num(2)?, num(1)?)?;
        return read(&date.to_string()).map(|(d, _)| (d, false));
    }
    if text.chars().count() > 60 {
        let head: String = text.chars().take(24).collect();
        return read_human(&head);
    }
    read_human(text)
}

/// Whether a text sits in a reader-comment section or is a copyright line.
fn in_comments_or_copyright(node: &NodeRef, text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.contains('©') || lower.contains("copyright") {
        return true;
    }
    super::in_comments(node)
}

/// A date an element gives in an attribute: `datetime` (on `<time>` and its cousins such
/// as `<relative-time>`), `content` or `title` where the element's itemprop, property or
/// class speaks of a date (`itemprop="datePublished"`, RDFa `schema:dateCreated`, hAtom
/// `abbr.published`), and `data-…` attributes named for a date.
fn attribute_date(node: &NodeRef, at: usize) -> Option<Sighting> {
    // One pass over the attributes, without allocating: most elements have no date.
    let found = node.query(|n| {
        let element = n.as_element()?;
        // A <meta> in the body is read with the others; a script's data is not the page's.
        if matches!(&*element.name.local, "meta" | "link" | "script") {
            return None;
        }
        let mut described = false;
        let mut value: Option<(String, String)> = None;
        for a in &element.attrs {
            let name = &*a.name.local;
            let v = &*a.value;
            match name {
                "datetime" => value = Some((v.to_string(), String::new())),
                "itemprop" | "property" | "class" => {
                    let lower = v.to_ascii_lowercase();
                    if ["date", "publi", "created", "time"]
                        .iter()
                        .any(|w| lower.contains(w))
                    {
                        described = true;
                    }
                }
                _ if value.is_none()
                    && name.starts_with("data-")
                    && (name.contains("date") || name.contains("publish"))
                    && v.len() >= 10 =>
                {
                    value = Some((v.to_string(), name.to_string()));
                }
                _ => {}
            }
        }
        if value.is_none() && described {
            value = element
                .attrs
                .iter()
                .find(|a| matches!(&*a.name.local, "content" | "title"))
                .map(|a| (a.value.to_string(), String::new()));
        }
        value
    })??;
    let (value, attr_name) = found;
    // Only machine-readable values: a number or a word here is not a date.
    if !value.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (date, zoned) = read(&value)?;
    let hints = format!(
        "{attr_name} {} {} {}",
        node.attr("itemprop").unwrap_or_default(),
        node.attr("property").unwrap_or_default(),
        node.attr("class").unwrap_or_default()
    );
    Some(Sighting {
        at,
        date,
        zoned,
        label: label_of(&hints),
        machine: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(html: &str, headline: &str) -> Option<(String, &'static str)> {
        let doc = Document::from(html);
        let metas = HashMap::new();
        let e = Evidence {
            doc: &doc,
            json_ld: None,
            json_ld_other: None,
            metas: &metas,
            url: None,
            rel_path: "page.html",
            headline,
        };
        publication_date(&e).map(|(d, s)| (d.to_rfc3339(), s))
    }

    fn day_of(html: &str, headline: &str) -> Option<String> {
        date_of(html, headline).map(|(d, _)| d[..10].to_string())
    }

    #[test]
    fn the_date_nearest_the_headline_wins_over_teasers_and_the_story_text() {
        let html = r#"<html><body><ul><li><a href="/a">Other story</a> <span>02.01.2022</span></li></ul>
            <h1>Land zahlte rund 1,4 Millionen</h1><div class="info">05.01.2022 - 10:12</div>
            <p>Am 3. Januar 2022 beschloss der Landtag ...</p></body></html>"#;
        assert_eq!(
            day_of(html, "Land zahlte rund 1,4 Millionen").as_deref(),
            Some("2022-01-05")
        );
    }

    #[test]
    fn a_lede_that_opens_with_the_date_dates_the_story_but_history_does_not() {
        let rest = "bei der Erinnerung an die Verfolgten des Regimes waren viele Opfer lange \
                    unsichtbar, was erst recht für die Frauen gilt, an die der Verein nun mit \
                    einer Verlegung von Stolpersteinen in der Altstadt erinnert hat, wie er am \
                    Abend mitteilte.";
        let page = |lede: &str| {
            format!(
                "<html><body><h2>Erinnerungskultur in der Stadt</h2><p>Von Ann Lee</p><p>{lede} {rest}</p></body></html>"
            )
        };
        let headline = "Erinnerungskultur in der Stadt";
        assert_eq!(
            day_of(&page("27.1.2022 -"), headline).as_deref(),
            Some("2022-01-27")
        );
        assert_eq!(day_of(&page("27. Januar 1945"), headline), None);
    }

    #[test]
    fn the_headline_is_found_though_it_carries_the_sites_name() {
        // The logo is the page's <h1>; the story's heading is an <h4>, and the headline
        // keeps the site's name after it.
        let html = r#"<html><body><h1><a href="/"><img alt="Blog"></a></h1><p>01.01.2019</p>
            <h4>Effiziente Hybridbatterie für Elektroautos</h4><em>01.11.2023 11:35</em></body></html>"#;
        assert_eq!(
            day_of(html, "Effiziente Hybridbatterie für Elektroautos : idw").as_deref(),
            Some("2023-11-01")
        );
        // A menu item inside the headline's words is not the headline.
        let html = r#"<html><body><h3>Bundespolizei</h3><p>08.11.2021</p>
            <h1>Feststellungen durch die Bundespolizei im laufenden Jahr</h1><p><em>10.11.2021</em></p></body></html>"#;
        assert_eq!(
            day_of(
                html,
                "Feststellungen durch die Bundespolizei im laufenden Jahr"
            )
            .as_deref(),
            Some("2021-11-10")
        );
    }

    #[test]
    fn labels_in_several_languages_say_which_date_is_the_publication() {
        for (line, day) in [
            ("Erstellt am: 01.11.2023", "2023-11-01"),
            ("Published On May 10, 2022 01:52 PM", "2022-05-10"),
            (
                "Gespeichert von rasos am 24. Juli 2017 - 18:55",
                "2017-07-24",
            ),
            ("Stand: 05. Februar 2020", "2020-02-05"),
            ("Erscheinungsdatum 25.01.2022", "2022-01-25"),
        ] {
            let html = format!(
                "<html><body><div>Menu</div><h1>Vintage-Flair mit viel Grün</h1><p>Text.</p><p>{line}</p></body></html>"
            );
            assert_eq!(
                day_of(&html, "Vintage-Flair mit viel Grün").as_deref(),
                Some(day),
                "{line}"
            );
        }
        // An update line loses to the publication line, wherever it is.
        let html = r#"<html><body><h1>Storm hits coast</h1><p>Updated Mar 12, 2020</p>
            <p>Text.</p><p>Posted Oct 15, 2019</p></body></html>"#;
        assert_eq!(
            day_of(html, "Storm hits coast").as_deref(),
            Some("2019-10-15")
        );
    }

    #[test]
    fn the_date_by_the_headline_beats_a_time_element_elsewhere() {
        let html = r#"<html><body><aside><time datetime="2023-11-01T13:56:20+01:00">1 Nov</time></aside>
            <h1>Im Schlepptau</h1><p>31. Oktober 2023.</p><p>Text of the story.</p></body></html>"#;
        assert_eq!(day_of(html, "Im Schlepptau").as_deref(), Some("2023-10-31"));
    }

    #[test]
    fn a_headline_in_a_div_anchors_the_date_but_the_sites_name_in_a_footer_does_not() {
        let html = r#"<html><body><div>Menu</div><div class="h-title">Voices of a brave city</div>
            <div class="h-info"><span>2020-02-19 20:29:58</span></div><p>Text.</p></body></html>"#;
        assert_eq!(
            day_of(html, "Voices of a brave city").as_deref(),
            Some("2020-02-19")
        );
        let html = r#"<html><body><h1>Davis Cup: two new players</h1><p>Von <span>Tennis Bund</span> 4. 2. 2022.</p></body></html>"#;
        assert_eq!(
            day_of(html, "Davis Cup: two new players").as_deref(),
            Some("2022-02-04")
        );
        let html = r#"<html><body><ul><li>05.11.2021</li><li>Another story</li></ul><p>One.</p>
            <p>Two.</p><p>Three.</p><div>Union for Religion e.V.</div></body></html>"#;
        assert_eq!(day_of(html, "Union for Religion e.V."), None);
    }

    #[test]
    fn two_digit_years_and_dates_in_attributes_are_read() {
        let html = r#"<html><body><h1>Vintage-Flair</h1><div class="uploaded-date"> 23.09.22 </div></body></html>"#;
        assert_eq!(day_of(html, "Vintage-Flair").as_deref(), Some("2022-09-23"));
        for (attr, day) in [
            (
                r#"<relative-time datetime="2020-07-07T12:10:51Z">on Jul 7</relative-time>"#,
                "2020-07-07",
            ),
            (
                r#"<span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00"></span>"#,
                "2022-01-28",
            ),
            (
                r#"<abbr class="published" title="2020-04-28T21:11:00+02:00">21:11</abbr>"#,
                "2020-04-28",
            ),
            (
                r#"<span class="smart-date" data-origindate="2017-03-01 14:27:02 +0800"></span>"#,
                "2017-03-01",
            ),
        ] {
            // A teaser's date far below must not win over the attribute by the headline.
            let filler = "<p>text</p>".repeat(80);
            let html = format!(
                "<html><body><h1>A headline</h1>{attr}{filler}<p>01.01.2015</p></body></html>"
            );
            assert_eq!(day_of(&html, "A headline").as_deref(), Some(day), "{attr}");
        }
        // A <meta> in the body is read with the meta tags, not as a date seen on the page.
        let html = r#"<html><body><h1>A headline</h1><meta itemprop="uploadDate" content="2019-10-15"></body></html>"#;
        assert_eq!(day_of(html, "A headline"), None);
    }

    #[test]
    fn comments_and_copyright_lines_do_not_date_the_story() {
        let html = r#"<html><body><h1>Ins neue Jahr</h1><p>Text.</p>
            <div class="comments"><cite>Kommentar von jancak — 2019-01-02 @ 00:45</cite></div>
            <footer><p>Copyright © 19.12.2019 - 12:14 h</p></footer></body></html>"#;
        assert_eq!(day_of(html, "Ins neue Jahr"), None);
    }

    #[test]
    fn a_page_without_a_headline_gives_only_a_labelled_date() {
        let html = r#"<html><body><p>12.03.2021</p><p>Datum: 25.01.2022</p></body></html>"#;
        assert_eq!(day_of(html, "").as_deref(), None);
        let html =
            r#"<html><body><p>12.03.2021</p><p>Veröffentlicht: 25.01.2022</p></body></html>"#;
        assert_eq!(day_of(html, "").as_deref(), Some("2022-01-25"));
    }

    fn candidate(date: &str, source: &'static str, weight: f64) -> Candidate {
        let (date, zoned) = read(date).expect("a test date");
        Candidate {
            date,
            zoned,
            source,
            weight,
        }
    }

    #[test]
    fn the_day_most_sources_agree_on_wins() {
        let now = chrono::Utc::now();
        // A CMS date in a meta tag against the page's <time> and its URL.
        let c = [
            candidate("2022-01-15", "meta", 2.5),
            candidate("2022-01-25", "time", 2.0),
            candidate("2022-01-25", "url", 2.5),
        ];
        let (d, source) = choose(&c, now).expect("a date");
        assert_eq!(
            (d.date_naive().to_string().as_str(), source),
            ("2022-01-25", "time")
        );
        // A <time> seen again on the page is one piece of evidence.
        let c = [
            candidate("2022-01-15", "meta", 2.5),
            candidate("2022-01-25", "time", 2.0),
            candidate("2022-01-25", "page", 2.0),
        ];
        assert_eq!(choose(&c, now).map(|(_, s)| s), Some("meta"));
        // The modified day, shown on the page and in a stray datePublished, loses to the
        // declared publication time.
        let c = [
            candidate("2017-04-12T18:33:59+02:00", "meta", 3.0),
            candidate("2020-02-19", "meta", 3.0),
            candidate("2020-02-19", "page", 2.0),
            candidate("2020-02-19T15:24:33+01:00", "modified", 0.5),
        ];
        let (d, _) = choose(&c, now).expect("a date");
        assert_eq!(d.date_naive().to_string(), "2017-04-12");
        // A lone strong source beats a lone weak one.
        let c = [
            candidate("2019-10-15T16:59:59Z", "json-ld", 3.0),
            candidate("2020-03-12", "page", 2.0),
        ];
        assert_eq!(choose(&c, now).map(|(_, s)| s), Some("json-ld"));
        // Placeholders never win, whatever their source.
        let c = [
            candidate("0001-01-01T00:00:00Z", "json-ld", 3.0),
            candidate("1970-01-01T00:00:00Z", "meta", 3.0),
            candidate("2019-11-19", "url", 2.5),
        ];
        assert_eq!(choose(&c, now).map(|(_, s)| s), Some("url"));
    }

    #[test]
    fn a_utc_instant_is_shown_in_the_pages_own_zone() {
        let now = chrono::Utc::now();
        let c = [
            candidate("2023-11-09T05:30:59Z", "json-ld", 3.0),
            candidate("2023-11-08T23:30:59", "time", 2.0),
        ];
        let (d, _) = choose(&c, now).expect("a date");
        assert_eq!(d.to_rfc3339(), "2023-11-08T23:30:59-06:00");
        // A local time without a zone, beside the UTC instant it is.
        let c = [
            candidate("2016-12-19T19:08:44", "meta", 3.0),
            candidate("2016-12-20T00:08:44Z", "meta", 2.5),
        ];
        let (d, _) = choose(&c, now).expect("a date");
        assert_eq!(d.to_rfc3339(), "2016-12-19T19:08:44-05:00");
    }
}
