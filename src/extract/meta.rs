//! Page metadata: headline, date, authors, site, URL, language, description and places,
//! each taken from the strongest source the page offers (JSON-LD, OpenGraph and
//! `article:` tags, other meta names, `<time>`, the URL, the visible byline).

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use dom_query::Document;

pub use super::authors::split_authors;
use super::authors::{is_organisation, names_publication, visible_byline};
use super::headline::{first_h1, headline, split_site_suffix};
use super::jsonld::JsonLd;
use super::published::{Evidence, publication_date};

/// What the page says about itself, before the body text is known.
#[derive(Debug, Default, Clone)]
pub struct PageMeta {
    pub title: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    /// Where `published` came from: `json-ld`, `meta`, `time`, `page`, `url` or `path`.
    pub published_source: Option<&'static str>,
    /// Authors from structured metadata (JSON-LD, `article:author`, meta names).
    pub authors: Vec<String>,
    /// Authors from a byline element on the page, read when the metadata names none.
    pub visible_authors: Vec<String>,
    /// The names the page gives its publication (site, publisher, copyright holder).
    pub publishers: Vec<String>,
    pub site: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub description: Option<String>,
    pub places: Vec<String>,
}

/// Reads the metadata of a parsed page. `rel_path` is the page's path in the corpus,
/// a last resort for the date (`2022/01/05/story.html`).
pub fn read_meta(doc: &Document, rel_path: &str) -> PageMeta {
    let metas = meta_tags(doc);
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| metas.get(*k).cloned())
            .filter(|v| !v.is_empty())
    };
    let ld = JsonLd::read(doc);

    let url = first_text(&[
        doc.select("link[rel~=canonical]")
            .attr("href")
            .map(|s| s.to_string()),
        meta(&["og:url"]),
        ld.url.clone(),
    ]);

    let site = [
        meta(&["og:site_name"]),
        ld.publisher.clone(),
        meta(&["application-name", "twitter:site:name"]),
    ]
    .into_iter()
    .flatten()
    .map(|s| clean_space(&s))
    .find(|s| is_site_name(s));

    let html_title = clean_space(&doc.select("title").first().text());
    let titles = [meta(&["og:title"]), meta(&["twitter:title"])];
    let mut titles: Vec<&str> = titles.iter().flatten().map(String::as_str).collect();
    titles.push(&html_title);
    let h1 = first_h1(doc, &titles);
    let raw_title = first_text(&[
        ld.headline_like(&html_title),
        meta(&[
            "dc:title",
            "dcterm:title",
            "og:title",
            "twitter:title",
            "title",
            "sailthru:title",
            "parsely-title",
            "headline",
        ]),
        Some(html_title.clone()),
        Some(h1.clone()),
    ]);
    let (title, suffix) = headline(doc, raw_title, &html_title, &h1, site.as_deref());
    // The headline may come from metadata without the site; `<title>` often has it.
    let title_suffix = || split_site_suffix(&html_title, None, &h1).1;
    let site = site
        .or(suffix.filter(|s| is_site_name(s)))
        .or_else(|| title_suffix().filter(|s| is_site_name(s)));

    let (published, published_source) = publication_date(&Evidence {
        doc,
        json_ld: ld.published.as_deref(),
        json_ld_other: ld.other_published.as_deref(),
        metas: &metas,
        url: url.as_deref(),
        rel_path,
        headline: title.as_deref().unwrap_or_default(),
    })
    .unzip();

    let mut authors = ld.authors.clone();
    if authors.is_empty() {
        // `article:author` may be repeated, one tag per author.
        authors = doc
            .select("meta[property='article:author']")
            .nodes()
            .iter()
            .filter_map(|n| n.attr("content").or_else(|| n.attr("value")))
            .filter(|v| !v.starts_with("http"))
            .flat_map(|v| split_authors(&v))
            .collect();
    }
    if authors.is_empty() {
        // Yoast's reading-time card: `twitter:label1` "Written by" / "Verfasst von" beside
        // `twitter:data1` with the name.
        for n in 1..=4 {
            let label = metas.get(&format!("twitter:label{n}"));
            let written = label.is_some_and(|l| {
                let l = l.to_lowercase();
                [
                    "written",
                    "verfasst",
                    "geschrieben",
                    "author",
                    "autor",
                    "écrit",
                    "escrito",
                ]
                .iter()
                .any(|w| l.contains(w))
            });
            if written && let Some(v) = metas.get(&format!("twitter:data{n}")) {
                authors = split_authors(v);
                break;
            }
        }
    }
    if authors.is_empty() {
        for key in [
            "dc:creator",
            "dcterm:creator",
            "author",
            "article:author",
            "parsely-author",
            "sailthru:author",
            "byl",
        ] {
            if let Some(v) = metas.get(key).filter(|v| !v.starts_with("http")) {
                authors = split_authors(v);
                break;
            }
        }
    }
    // The publisher named as the author ("Condé Nast", "ORF.at", the site itself) is not
    // a byline: the page's visible byline may name the people.
    let publishers: Vec<String> = [
        site.clone(),
        ld.publisher.clone(),
        meta(&["copyright", "dc:rights", "dc:publisher", "publisher"]),
    ]
    .into_iter()
    .flatten()
    .collect();
    authors.retain(|a| !names_publication(a, &publishers));
    let visible_authors = if authors.is_empty() || authors.iter().all(|a| is_organisation(a)) {
        visible_byline(doc)
    } else {
        Vec::new()
    };

    let lang = first_text(&[
        doc.select("html").attr("lang").map(|s| s.to_string()),
        doc.select("html").attr("xml:lang").map(|s| s.to_string()),
        meta(&["content-language", "dc.language", "language"]),
        ld.language.clone(),
        meta(&["og:locale"]).map(|l| l.replace('_', "-")),
    ]);

    let description = first_text(&[
        meta(&["description", "og:description", "twitter:description"]),
        ld.description.clone(),
    ]);

    let mut places = ld.places.clone();
    for key in ["geo:placename", "dc:coverage"] {
        if let Some(v) = metas.get(key) {
            places.extend(
                v.split([';', ','])
                    .map(clean_space)
                    .filter(|s| !s.is_empty()),
            );
        }
    }

    PageMeta {
        title,
        published,
        published_source,
        authors,
        visible_authors,
        publishers,
        site,
        url,
        lang,
        description,
        places,
    }
}

/// Whether a value can be a publication's name: not a URL or a domain
/// (`https://www.newsnation.in`, `usatoday`), a handle (`@politifact`) or a menu
/// (`Autoracing | F1 | Indy | MotoGP`).
fn is_site_name(s: &str) -> bool {
    let words = s.split_whitespace().count();
    !s.is_empty()
        && s.chars().count() <= 60
        && words <= 8
        && !s.contains("://")
        && !s.to_lowercase().starts_with("www.")
        && !is_domain(s)
        && !s.starts_with('@')
        && s.matches('|').count() < 2
        // A lower-case word is a domain's ("usatoday", "nj"), not a masthead.
        && (words != 1 || s.chars().any(char::is_uppercase))
}

/// Whether a value is a host name ("usatoday.com", "www.newsnation.in", "ORF.at").
pub(super) fn is_domain(s: &str) -> bool {
    static DOMAIN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^(?:[\w-]+\.)+[a-z]{2,}$").expect("valid regex")
    });
    DOMAIN.is_match(&s.trim().to_lowercase())
}

/// A text reduced to its lower-cased letters and digits, to compare names and headlines
/// whatever their punctuation, spacing or case ("‘Fantastic Beasts’" and "Fantastic beasts").
pub(super) fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// All `<meta>` tags by key: `property` (and `itemprop`) keys first, then `name` and
/// `http-equiv` keys, so `property="og:title"` beats `name="og:title"`. Keys are lower-cased
/// with `.` read as `:` (`DC.title` is `dc:title`); within a kind the first tag wins.
fn meta_tags(doc: &Document) -> HashMap<String, String> {
    let mut map = HashMap::new();
    let metas = doc.select("meta");
    let nodes = metas.nodes();
    for attrs in [&["property", "itemprop"][..], &["name", "http-equiv"][..]] {
        for node in nodes {
            // Some saved pages write the value in `value` rather than `content`.
            let Some(content) = node.attr("content").or_else(|| node.attr("value")) else {
                continue;
            };
            let content = clean_space(&content);
            for attr in attrs {
                if let Some(keys) = node.attr(attr) {
                    for key in keys.split_whitespace() {
                        let key = key.to_ascii_lowercase().replace('.', ":");
                        map.entry(key).or_insert_with(|| content.clone());
                    }
                }
            }
        }
    }
    // Pages also put the date in itemprop on a <time> or <span>.
    for node in doc.select("[itemprop=datePublished]").nodes() {
        if let Some(v) = node.attr("datetime").or_else(|| node.attr("content")) {
            map.entry("datepublished".into())
                .or_insert_with(|| v.to_string());
        }
    }
    map
}

/// A metadata field as a reader sees it: entities decoded (pages often encode them twice,
/// so `doesn&#8217;t` survives parsing) and whitespace, no-break spaces included,
/// collapsed.
pub fn clean_space(s: &str) -> String {
    let decoded = if s.contains('&') {
        html_escape::decode_html_entities(s)
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    decoded
        .split_whitespace()
        .map(without_soft_hyphens)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Removes soft hyphens (U+00AD, `&shy;`): hyphenation hints that split words for search
/// and for place names ("Mit\u{ad}tel\u{ad}al\u{ad}ter", "Süd\u{ad}ti\u{ad}rol").
pub fn without_soft_hyphens(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\u{ad}') {
        std::borrow::Cow::Owned(s.replace('\u{ad}', ""))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

fn first_text(candidates: &[Option<String>]) -> Option<String> {
    candidates
        .iter()
        .flatten()
        .map(|s| clean_space(s))
        .find(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::authors::byline_in_text;

    fn meta_of(html: &str) -> PageMeta {
        read_meta(&Document::from(html), "page.html")
    }

    fn published_day(html: &str) -> Option<String> {
        meta_of(html).published.map(|d| d.date_naive().to_string())
    }

    #[test]
    fn a_placeholder_date_gives_way_to_the_page_and_the_url() {
        // JSON-LD says year 1; the page shows the date and the URL holds it.
        let html = r#"<html><head>
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Storm", "datePublished": "0001-01-01T00:00:00Z"}</script>
            <link rel="canonical" href="https://news.test/2019/11/19/storm.html"></head>
            <body><h1>Storm</h1><div class="article-date">Published 11:34 PM EST Nov 19, 2019</div></body></html>"#;
        let m = meta_of(html);
        assert_eq!(
            m.published.map(|d| d.to_rfc3339()).as_deref(),
            Some("2019-11-19T23:34:00-05:00")
        );
        assert_eq!(m.published_source, Some("page"));
    }

    #[test]
    fn meta_values_in_a_value_attribute_are_read() {
        let html = r#"<html><head><meta value="2016-11-28 16:23:00 -0500" name="article:published_time">
            <meta value="Sam Stein" name="author"></head><body></body></html>"#;
        let m = meta_of(html);
        assert_eq!(
            m.published.map(|d| d.to_rfc3339()).as_deref(),
            Some("2016-11-28T16:23:00-05:00")
        );
        assert_eq!(m.authors, ["Sam Stein"]);
    }

    #[test]
    fn a_page_that_gives_only_its_modified_time_is_dated_by_it() {
        let html = r#"<html><head><meta name="article:modified_time" content="2019-02-22T14:37:03+09:00">
            </head><body></body></html>"#;
        let m = meta_of(html);
        assert_eq!(m.published_source, Some("modified"));
        // Published still beats modified.
        let html = r#"<html><head><meta property="article:modified_time" content="2019-02-23T10:00:00Z">
            <meta property="article:published_time" content="2019-02-22T14:37:03+09:00"></head><body></body></html>"#;
        assert_eq!(meta_of(html).published_source, Some("meta"));
    }

    #[test]
    fn a_date_alone_under_the_headline_is_read() {
        let html = r#"<html><head></head><body><h1>Bereits 9.087 Feststellungen</h1>
            <p class="MsoNormal"><em>10.11.2021</em></p><p>Bis ein Ende ...</p></body></html>"#;
        let m = meta_of(html);
        assert_eq!(
            m.published.map(|d| d.date_naive().to_string()).as_deref(),
            Some("2021-11-10")
        );
        assert_eq!(m.published_source, Some("page"));
        let html = r#"<html><head></head><body><h1>Reisen</h1>
            <time datetime="01-11-2023 10:29">1. November 2023 10:29</time></body></html>"#;
        assert_eq!(
            meta_of(html)
                .published
                .map(|d| d.date_naive().to_string())
                .as_deref(),
            Some("2023-11-01")
        );
    }

    #[test]
    fn a_time_element_without_datetime_is_read_from_its_text() {
        let html = r#"<html><head></head><body><h1>Budget vote</h1>
            <div>By <span>Joe Davidson</span><time>Dec 13, 2016 at 3:45 pm</time></div></body></html>"#;
        let m = meta_of(html);
        assert_eq!(
            m.published.map(|d| d.date_naive().to_string()).as_deref(),
            Some("2016-12-13")
        );
        assert_eq!(m.published_source, Some("time"));
    }

    #[test]
    fn the_h1_is_the_headline_when_the_title_wraps_it() {
        for title in [
            "Opinion | Enough platitudes: Let’s name names - The Washington Post",
            "Nikki Haley to Resign as Trump’s Ambassador (Published 2018)",
            "メディア芸術祭賞、「チコちゃんに叱られる！」が受賞：朝日新聞デジタル",
        ] {
            let h1 = title
                .trim_start_matches("Opinion | ")
                .trim_end_matches(" - The Washington Post")
                .trim_end_matches(" (Published 2018)")
                .trim_end_matches("：朝日新聞デジタル");
            let html = format!(
                "<html><head><title>{title}</title><meta property=\"og:title\" content=\"{title}\"></head><body><h1>{h1}</h1></body></html>"
            );
            assert_eq!(meta_of(&html).title.as_deref(), Some(h1), "{title}");
        }
        // The page's only <h1> is the headline a reader sees, unless it holds the title
        // with a kicker, is the site's logo or is the blog's name; a breadcrumb before the
        // headline in <title> goes.
        for (head, body, headline) in [
            (
                "<title>It's been a rough few months for Elon Musk's SpaceX</title>",
                "<h1>What's the hold-up at SpaceX?</h1>",
                "What's the hold-up at SpaceX?",
            ),
            (
                r#"<meta property="og:title" content="Autohäuser rechnen mit langsamem Anlaufen">"#,
                "<h1><span>Nach Corona-Lockerungen</span> Autohäuser rechnen mit langsamem Anlaufen</h1>",
                "Autohäuser rechnen mit langsamem Anlaufen",
            ),
            (
                "<title>Klimaschutz: Bohren, bis es heiß wird | ZEIT ONLINE</title>",
                r#"<h1><span class="kicker">Klimaschutz</span><span class="hidden">: </span><span>Bohren, bis es heiß wird</span></h1>"#,
                "Bohren, bis es heiß wird",
            ),
            (
                "<title>Patch Notes - Patchnotes 4.47.4 - Bugfix Build | Forums</title>",
                r#"<h1><a href="/t/1"><span class="label">Patch Notes</span><span>&nbsp;</span>Patchnotes 4.47.4 - Bugfix Build</a></h1>"#,
                "Patchnotes 4.47.4 - Bugfix Build",
            ),
            (
                // A logo <h1> before the story's own is not the headline.
                "<title>Alles hat seine Zeit | Marktplatz für ein gutes Leben</title>",
                r#"<h1><a href="http://marktplatz.example.org/">Marktplatz für ein gutes Leben</a></h1><h1>Alles hat seine Zeit</h1>"#,
                "Alles hat seine Zeit",
            ),
            (
                // A name the <title> runs into the sentence is no kicker.
                "<title>Joe Biden says he will run again - Daily</title>",
                r#"<h1><span>Joe Biden</span> says he will run again</h1>"#,
                "Joe Biden says he will run again",
            ),
            (
                // Where <title> and the <h1> agree, a teaser og:title gives way; a style
                // sheet inside the heading is no text.
                r#"<title>Impfen ist bis Ende Februar noch überall möglich</title><meta property="og:title" content="Medienmitteilungen">"#,
                "<h1><style>.c{display:block}</style><span class=c>Medienmitteilung der Direktion<span>:</span></span>Impfen ist bis Ende Februar noch überall möglich</h1>",
                "Impfen ist bis Ende Februar noch überall möglich",
            ),
            (
                "<title>Conversations with a Cryptid</title>",
                r#"<h1><a href="/">Archive of Our Own beta</a></h1>"#,
                "Conversations with a Cryptid",
            ),
            (
                "<title>Time 4 talks » Blog Archiv » Weitere Digitalisierung der Schweizer Kinos</title>",
                "",
                "Weitere Digitalisierung der Schweizer Kinos",
            ),
            (
                r#"<title>Ins neue Jahr | Literaturgefluester</title><meta property="og:title" content="Ins neue Jahr">"#,
                "<h1>Literaturgefluester</h1><h2>2019-01-01</h2>",
                "Ins neue Jahr",
            ),
        ] {
            let html = format!("<html><head>{head}</head><body>{body}</body></html>");
            assert_eq!(meta_of(&html).title.as_deref(), Some(headline), "{head}");
        }
        // Chinese and Japanese titles join the site's name without spaces.
        for (title, headline) in [
            (
                "メディア芸術祭賞、「チコちゃんに叱られる！」が受賞：朝日新聞デジタル",
                "メディア芸術祭賞、「チコちゃんに叱られる！」が受賞",
            ),
            (
                "这个约会软件，想用你和对方的相似好恶来帮你找对象_智能_好奇心日报",
                "这个约会软件，想用你和对方的相似好恶来帮你找对象",
            ),
            ("速報：大地震", "速報：大地震"),
            (
                "武汉的声音：有英勇的你，才有英雄的城！-新华网",
                "武汉的声音：有英勇的你，才有英雄的城！",
            ),
            (
                "JVNDB-2018-013542 - JVN iPedia",
                "JVNDB-2018-013542 - JVN iPedia",
            ),
        ] {
            let html = format!("<html><head><title>{title}</title></head><body></body></html>");
            assert_eq!(meta_of(&html).title.as_deref(), Some(headline), "{title}");
        }
        // A short h1 (a section, a logo) is not the headline.
        let html = "<html><head><title>Wir kämpfen für gute Arbeit - Grüne</title></head><body><h1>Arbeit</h1></body></html>";
        assert_eq!(
            meta_of(html).title.as_deref(),
            Some("Wir kämpfen für gute Arbeit")
        );
    }

    #[test]
    fn a_heading_that_is_the_headline_within_the_title_is_the_headline() {
        let title = |head: &str, body: &str| {
            meta_of(&format!(
                "<html><head><title>{head}</title></head><body>{body}<p>Text.</p></body></html>"
            ))
            .title
            .unwrap_or_default()
        };
        // An agency's short name before the headline, a note after it.
        assert_eq!(
            title(
                "BMAS - Änderung der Anforderungen an Impfnachweise",
                "<h1><a href=\"/\">Logo</a></h1><h2>Änderung der Anforderungen an Impfnachweise</h2>"
            ),
            "Änderung der Anforderungen an Impfnachweise"
        );
        assert_eq!(
            title(
                "Der historische Purzelbaum (2021/5)",
                "<h2>Der historische Purzelbaum</h2>"
            ),
            "Der historische Purzelbaum"
        );
        // A dash inside the headline is not a site's: the heading shows all of it.
        assert_eq!(
            title(
                "Office 365 – HBDI – die Dritte | Damian Duchamps' Blog",
                "<h1>Damian Duchamps' Blog</h1><h2>Office 365 – HBDI – die Dritte</h2>"
            ),
            "Office 365 – HBDI – die Dritte"
        );
        // The heading's own case, where the metadata's title capitalises every word.
        let cased = meta_of(
            "<html><head><title>Vessel Returning to Puerto Rico Is Stopped</title>\
             <meta property=\"og:title\" content=\"Vessel Returning To Puerto Rico Is Stopped\">\
             </head><body><h2>Vessel Returning to Puerto Rico Is Stopped</h2></body></html>",
        );
        assert_eq!(
            cased.title.as_deref(),
            Some("Vessel Returning to Puerto Rico Is Stopped")
        );
        // A topic in the <h1> gives way to the metadata's title shown as a heading below it.
        let topic = meta_of(
            "<html><head><title>Betriebliche Altersvorsorge (bAV) - Wann lohnt die Betriebsrente? - Finanztip</title>\
             <meta property=\"og:title\" content=\"Mit Hilfe des Chefs für die Rente sparen\">\
             </head><body><h1>Betriebliche Altersvorsorge</h1><h2>Mit Hilfe des Chefs für die Rente sparen</h2></body></html>",
        );
        assert_eq!(
            topic.title.as_deref(),
            Some("Mit Hilfe des Chefs für die Rente sparen")
        );
        // A heading that is only a part of a longer headline does not cut it.
        assert_eq!(
            title(
                "Storm hits the coast as thousands lose power overnight",
                "<h2>Storm hits the coast</h2>"
            ),
            "Storm hits the coast as thousands lose power overnight"
        );
    }

    #[test]
    fn a_json_ld_block_with_a_trailing_comma_is_still_read() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@type": "NewsArticle", "headline": "Storm", "datePublished": "2019-11-19T07:47:00-05:00",
             "author": [{"@type": "Person", "name": "Ann Reporter"},],}</script></head><body></body></html>"#;
        let m = meta_of(html);
        assert_eq!(m.published_source, Some("json-ld"));
        assert_eq!(m.authors, ["Ann Reporter"]);
    }

    #[test]
    fn dates_in_site_specific_meta_names_and_human_formats_are_read() {
        let html = r#"<html><head><meta name="sn-post-date" content="2019-11-19">
            </head><body></body></html>"#;
        assert_eq!(published_day(html).as_deref(), Some("2019-11-19"));
        let html = r#"<html><head><meta property="article:published_time"
            content="November 19, 2019, 07:47 PM EST"></head><body></body></html>"#;
        assert_eq!(
            meta_of(html).published.map(|d| d.to_rfc3339()).as_deref(),
            Some("2019-11-19T19:47:00-05:00")
        );
    }

    #[test]
    fn a_modified_time_given_as_published_loses_to_the_url_day() {
        let html = r#"<html><head><meta property="article:published_time" content="2021-03-02T10:00:00Z">
            <meta name="date" content="2019-11-19"><link rel="canonical" href="https://news.test/2019/11/19/x.html">
            </head><body></body></html>"#;
        assert_eq!(published_day(html).as_deref(), Some("2019-11-19"));
    }

    #[test]
    fn site_names_are_names_not_urls_handles_or_menus() {
        let page = |head: &str| {
            meta_of(&format!(
                "<html><head>{head}</head><body><h1>Flood waters rise in the valley</h1></body></html>"
            ))
            .site
        };
        assert_eq!(
            page(
                r#"<title>Flood waters rise in the valley - The New York Times</title>
                <meta property="og:title" content="Flood waters rise in the valley">"#
            )
            .as_deref(),
            Some("The New York Times")
        );
        assert_eq!(
            page(r#"<meta property="og:site_name" content="https://www.newsnation.in">
                <script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"name": "News Nation"}}</script>"#)
            .as_deref(),
            Some("News Nation")
        );
        assert_eq!(
            page(r#"<meta property="og:site_name" content="usatoday">"#),
            None
        );
        assert_eq!(
            page(r#"<meta property="og:site_name" content="@politifact">"#),
            None
        );
        assert_eq!(
            page(r#"<meta property="og:site_name" content="Autoracing | F1 | Indy | MotoGP">"#),
            None
        );
    }

    #[test]
    fn headlines_lose_their_entities() {
        let m = meta_of(
            r#"<html><head><meta property="og:title" content="It doesn&amp;#8217;t add up: &amp;#163;71.6m for this&amp;nbsp;game"></head><body></body></html>"#,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("It doesn’t add up: £71.6m for this game")
        );
    }

    #[test]
    fn headlines_lose_their_soft_hyphens() {
        let m = meta_of(
            "<html><head><title>Wein aus S&shy;üd&shy;ti\u{ad}rol</title></head><body></body></html>",
        );
        assert_eq!(m.title.as_deref(), Some("Wein aus Südtirol"));
    }

    #[test]
    fn json_ld_news_article() {
        let m = meta_of(
            r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
             {"@type":"NewsArticle","headline":"Floods hit Lima","datePublished":"2021-03-14T08:00:00-05:00",
              "author":[{"@type":"Person","name":"Ana Torres"},{"name":"Luis Vega"}],
              "publisher":{"@type":"Organization","name":"Andes Daily"},
              "contentLocation":{"@type":"Place","name":"Lima"}}]}
            </script></head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Floods hit Lima"));
        assert_eq!(
            m.published.unwrap().to_rfc3339(),
            "2021-03-14T08:00:00-05:00"
        );
        assert_eq!(m.authors, ["Ana Torres", "Luis Vega"]);
        assert_eq!(m.site.as_deref(), Some("Andes Daily"));
        assert_eq!(m.places, ["Lima"]);
    }

    #[test]
    fn open_graph_and_article_tags() {
        let m = meta_of(
            r#"<html lang="en-GB"><head><title>Ignored - Site</title>
            <meta property="og:title" content="Grain ships leave Odesa">
            <meta property="og:site_name" content="Global Wire">
            <meta property="article:published_time" content="2022-08-01T10:00:00+03:00">
            <meta name="author" content="By Olena Petrenko">
            <meta property="og:url" content="https://wire.test/grain">
            <meta name="description" content="First ship leaves.">
            </head></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Grain ships leave Odesa"));
        assert_eq!(m.site.as_deref(), Some("Global Wire"));
        assert_eq!(
            m.published.unwrap().to_rfc3339(),
            "2022-08-01T10:00:00+03:00"
        );
        assert_eq!(m.authors, ["Olena Petrenko"]);
        assert_eq!(m.url.as_deref(), Some("https://wire.test/grain"));
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
        assert_eq!(m.description.as_deref(), Some("First ship leaves."));
    }

    #[test]
    fn time_element_and_visible_byline() {
        let m = meta_of(
            r#"<html><head><title>Typhoon nears Manila | Northern Daily Herald</title></head><body>
            <p class="byline">By Maria Santos and Jose Cruz</p>
            <time datetime="2020-11-11">Nov 11</time></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Typhoon nears Manila"));
        assert!(m.authors.is_empty());
        assert_eq!(m.visible_authors, ["Maria Santos", "Jose Cruz"]);
        assert_eq!(
            m.published.unwrap().to_rfc3339(),
            "2020-11-11T00:00:00+00:00"
        );
    }

    #[test]
    fn date_from_canonical_url_then_path() {
        let m = meta_of(r#"<link rel="canonical" href="https://n.test/2021/03/14/flood.html">"#);
        assert_eq!(m.published.unwrap().date_naive().to_string(), "2021-03-14");
        let m = read_meta(&Document::from("<p>x</p>"), "2019/07/02/story.html");
        assert_eq!(m.published.unwrap().date_naive().to_string(), "2019-07-02");
    }

    #[test]
    fn other_meta_names() {
        let m = meta_of(
            r#"<meta name="pubdate" content="2016-05-04"><meta http-equiv="content-language" content="fr">"#,
        );
        assert_eq!(m.published.unwrap().date_naive().to_string(), "2016-05-04");
        assert_eq!(m.lang.as_deref(), Some("fr"));
    }

    #[test]
    fn authors_named_by_reference_or_in_a_reading_card_are_read() {
        // A JSON-LD graph names the author by @id.
        let html = r#"<html><head><script type="application/ld+json">{"@graph": [
            {"@type": "Article", "headline": "Solopreneur", "author": {"@id": "https://blog.test/#author"}},
            {"@type": "Person", "@id": "https://blog.test/#author", "name": "Doris Schuppe"}]}</script>
            </head><body></body></html>"#;
        assert_eq!(meta_of(html).authors, ["Doris Schuppe"]);
        let html = r#"<html><head><meta name="twitter:label1" content="Verfasst von">
            <meta name="twitter:data1" content="Karoline Herr"><meta name="twitter:label2" content="Geschätzte Lesezeit">
            <meta name="twitter:data2" content="3 Minuten"></head><body></body></html>"#;
        assert_eq!(meta_of(html).authors, ["Karoline Herr"]);
        // A byline line of the text in German, French or Spanish.
        assert_eq!(
            byline_in_text("Grenzen setzen\n\nvon Daniela Obers\n\nGrenzen sind das Fundament."),
            ["Daniela Obers"]
        );
        assert!(byline_in_text("von der Leyen sagte gestern in Brüssel").is_empty());
        // Looser byline marks near the headline, never a commenter's name.
        let html = r#"<html><head></head><body><article><h1>One Day You Will Meet Someone</h1>
            <cite class="tc_article-meta-writer-name">By <a href="/lauren">Lauren Jarvis-Gibson</a>, <time>Dec 2016</time></cite>
            <div class="comments"><span class="comment-author-link"><a href="/u/x">Margit Heumann</a></span></div>
            </article></body></html>"#;
        assert_eq!(meta_of(html).visible_authors, ["Lauren Jarvis-Gibson"]);
        let html = r#"<html><head></head><body><article><h1>Ins neue Jahr</h1><p>Text.</p>
            <ol class="commentlist"><li><span class="author-name"><a href="/author/m">Margit Heumann</a></span></li></ol>
            </article></body></html>"#;
        assert!(meta_of(html).visible_authors.is_empty());
    }

    #[test]
    fn bylines_without_byline_markup_are_read_after_the_headline() {
        let visible = |body: &str| {
            meta_of(&format!(
                "<html><head></head><body><h1>Storm hits the coast tonight</h1>{body}</body></html>"
            ))
            .visible_authors
        };
        // One mark per author, beside each other; a mark in another story's card is not.
        assert_eq!(
            visible(
                r#"<address><div><a rel="author" href="/profile/jcw">Julia Carrie Wong</a> and
                <a rel="author" href="/profile/sl">Sam Levin</a></div></address>
                <aside><div><a rel="author" href="/profile/x">Other Writer</a></div></aside>"#
            ),
            ["Julia Carrie Wong", "Sam Levin"]
        );
        // A preposition of its own before a link, a link to an author's page, a date
        // line ending with the name (also just above the headline), a label.
        for (body, name) in [
            (
                r#"<div><span>By </span><a href="/p/teresa-newsome">Teresa Newsome</a></div>"#,
                "Teresa Newsome",
            ),
            (
                r#"<div><a href="/author/miserableshitehawk">Chris Thompson</a></div>"#,
                "Chris Thompson",
            ),
            ("<p>11.12.2019 - Amelie Loevenich</p>", "Amelie Loevenich"),
            (
                "<div><span>Autor:</span> Fritz Imhof<br></div>",
                "Fritz Imhof",
            ),
        ] {
            assert_eq!(visible(body), [name], "{body}");
        }
        let html = r#"<html><head></head><body><p>04.02.2022 | 13:10 Uhr | Uta Helkenberg</p>
            <h1>Stellungnahme der FN zum Pilotjahr</h1><p>Text.</p></body></html>"#;
        assert_eq!(meta_of(html).visible_authors, ["Uta Helkenberg"]);
        // Far down the page, an author link is another story's.
        let story =
            "<p>The storm reached the coast in the night and the water rose.</p>".repeat(12);
        let html = format!(
            r#"<html><head></head><body><div><div><div><div><h1>Storm hits the coast tonight</h1>
            </div></div></div></div>{story}<a href="/author/x">Other Writer</a></body></html>"#
        );
        assert!(meta_of(&html).visible_authors.is_empty());
    }

    #[test]
    fn property_tags_beat_name_tags_and_dublin_core_leads() {
        let m = meta_of(
            r#"<meta name="DC.title" content="name title"><meta property="og:title" content="og title">
            <meta property="dc:title" content="property title"><meta name="author" content="Meta Author">
            <meta property="dc:creator twitter:site_name" content="Creator Name">"#,
        );
        assert_eq!(m.title.as_deref(), Some("property title"));
        assert_eq!(m.authors, ["Creator Name"]);
    }

    #[test]
    fn json_ld_name_wins_when_headline_is_a_summary() {
        let m = meta_of(
            r#"<title>New Zealand - Wikipedia</title><script type="application/ld+json">
            {"@type":"Article","name":"New Zealand","headline":"constitutional monarchy in Oceania"}</script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("New Zealand"));
    }

    #[test]
    fn json_ld_name_of_the_publisher_is_not_the_headline() {
        let m = meta_of(
            r#"<title>Aktuálně.cz - zprávy</title><script type="application/ld+json">
            {"@type":"NewsArticle","name":"Aktuálně.cz","headline":"West Ham hrozí gigantům",
             "publisher":{"@type":"Organization","name":"Aktuálně.cz"}}</script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("West Ham hrozí gigantům"));
    }
}
