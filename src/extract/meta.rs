//! Page metadata: headline, date, authors, site, URL, language, description and places,
//! each taken from the strongest source the page offers (JSON-LD, OpenGraph and
//! `article:` tags, other meta names, `<time>`, the URL, the visible byline).

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use dom_query::Document;
use serde_json::Value;

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
    let h1 = clean_space(&doc.select("h1").first().text());
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
    // The headline a reader sees is the page's <h1> when <title> holds it with the site's
    // name or a section around it ("Opinion | ...", "... (Published 2016)", "...：朝日新聞デジタル").
    // …but not when the <h1> is the site's name that <title> carries after the headline
    // ("Ins neue Jahr | Literaturgefluester" with the blog's name as its <h1>).
    let h1_is_the_site = {
        let (_, suffix) = split_site_suffix(&html_title, site.as_deref(), "");
        suffix.is_some_and(|t| squeeze(&t) == squeeze(&h1))
            || site.as_deref().is_some_and(|s| squeeze(s) == squeeze(&h1))
    };
    let h1_is_headline = h1.chars().filter(|c| c.is_alphanumeric()).count() >= 12
        && h1.len() <= 400
        && !h1_is_the_site
        && squeeze(&html_title).contains(&squeeze(&h1))
        && squeeze(&html_title) != squeeze(&h1);
    // A page's only <h1>, when it reads as a headline, is the headline a reader sees, even
    // where the metadata gives a social-media title; but an <h1> that holds the metadata's
    // title with a kicker or subtitle around it gives way to that title.
    let holds_meta_title = raw_title.as_deref().is_some_and(|t| {
        let t = squeeze(&strip_site_suffix(t, site.as_deref(), &h1));
        t.chars().count() >= 8 && squeeze(&h1).contains(&t) && t != squeeze(&h1)
    });
    // It must share a word with the metadata's title: an <h1> that shares none is the
    // site's logo or a section ("Archive of Our Own beta").
    let shares_a_word = raw_title.as_deref().is_none_or(|t| {
        let t = strip_site_suffix(t, site.as_deref(), &h1).to_lowercase();
        h1.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.chars().count() >= 4 && t.contains(w))
    });
    // An <h1> that links to the home page is the site's logo.
    let links_home = doc.select("h1 a").attr("href").is_some_and(|href| {
        let href = href.trim();
        href == "/"
            || href.split('/').filter(|p| !p.is_empty()).count() <= 2 && href.contains("://")
    });
    let only_h1 = !links_home
        && doc.select("h1").length() == 1
        && h1.split_whitespace().count() >= 4
        && h1.len() <= 300
        && !holds_meta_title
        && shares_a_word
        && site
            .as_deref()
            .is_none_or(|s| !squeeze(&h1).contains(&squeeze(s)));
    let h1_is_headline = h1_is_headline || only_h1;
    let raw_title = if h1_is_headline {
        Some(h1.clone())
    } else {
        raw_title
    };
    let (title, suffix) = match raw_title {
        Some(t) => {
            let (title, suffix) = split_site_suffix(&t, site.as_deref(), &h1);
            (Some(title), suffix)
        }
        None => (None, None),
    };
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
    let visible_authors = if authors.is_empty() {
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
fn is_domain(s: &str) -> bool {
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

fn visible_byline(doc: &Document) -> Vec<String> {
    for selector in [
        "[itemprop=author] [itemprop=name]",
        "[rel=author]",
        "[itemprop=author]",
        ".byline",
        "[class*=byline]",
        ".author-name",
        ".author",
    ] {
        let sel = doc.select(selector);
        let names = names_in(&sel.first());
        if !names.is_empty() {
            return names;
        }
    }
    // Looser marks of a byline, only near the story: in its <article> or in the few levels
    // of markup around its headline (elsewhere they are other stories' or commenters').
    let h1 = doc.select("h1").first();
    let mut scopes = vec![doc.select("article").first()];
    let mut around = h1.parent();
    for _ in 0..3 {
        scopes.push(around.clone());
        around = around.parent();
    }
    for scope in scopes.iter().filter(|s| s.exists()) {
        for selector in [
            "[class*=author-name]",
            "[class*=author_name]",
            "[class*=auth_name]",
            "[class*=writer]",
            "[class*=contributor]",
            "[class*=author] a",
            "a[href*='/author/']",
            "a[href*='/autor/']",
            "a[href*='/auteur/']",
        ] {
            let names = names_in(&scope.select(selector).first());
            if !names.is_empty() {
                return names;
            }
        }
    }
    Vec::new()
}

/// The names a byline element gives, its texts joined with spaces so that adjacent
/// elements do not run together.
fn names_in(sel: &dom_query::Selection) -> Vec<String> {
    let Some(node) = sel.nodes().first() else {
        return Vec::new();
    };
    // A commenter's name is not the story's byline.
    if super::in_comments(node) {
        return Vec::new();
    }
    let parts: Vec<String> = node
        .descendants_it()
        .filter(|n| n.is_text())
        .map(|n| n.text().trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    let text = clean_space(&parts.join(" "));
    if text.is_empty() || text.len() >= 200 {
        return Vec::new();
    }
    split_authors(&text)
}

/// A byline written as a line of the article text ("By Ellen Marsh and Cody Ramsey"),
/// for pages whose byline has no markup of its own.
pub fn byline_in_text(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(20)
        .find(|l| {
            let l = l.trim_start_matches(['-', '—', ' ']);
            ["By ", "BY ", "by ", "Von ", "von ", "Par ", "par ", "Por ", "por "]
                .iter()
                .any(|p| l.starts_with(p))
                && l.chars().count() <= 60
                // A name follows: its words are capitalised ("von Daniela Obers", not
                // "von der Leyen sagte gestern").
                && l.split_whitespace().skip(1).take(2).all(|w| {
                    w.chars().next().is_some_and(|c| c.is_uppercase())
                })
        })
        .map(|l| split_authors(l.trim_start_matches(['-', '—', ' '])))
        .unwrap_or_default()
}

/// Splits a byline into names: drops "By" (and "Posted by", "Par", "Von"...), splits on
/// commas and "and" (and "et", "und", "y", "и"), takes "(with X)" as more authors, and cuts
/// off what follows a name (a role, a date, a pipe).
pub fn split_authors(raw: &str) -> Vec<String> {
    // Handles are accounts, not names ("Julia Horowitz @juliakhorowitz").
    let mut s: String = clean_space(raw)
        .split_whitespace()
        .filter(|w| !w.starts_with('@'))
        .collect::<Vec<_>>()
        .join(" ");
    // "ByTravis Haney": a byline element whose "By" lost its space.
    if let Some(rest) = s.strip_prefix("By")
        && rest.chars().next().is_some_and(char::is_uppercase)
        && rest.chars().nth(1).is_some_and(char::is_lowercase)
    {
        s = rest.to_string();
    }
    s = unglue(&s);
    for cut in [
        " | ",
        " / ",
        " - ",
        " — ",
        "Last updated",
        "Last Updated",
        "Updated",
        "Published",
        "\u{2022}",
    ] {
        if let Some(pos) = s.find(cut) {
            s.truncate(pos);
        }
    }
    if let Some(pos) = date_start(&s) {
        s.truncate(pos);
    }
    let s = unlabel(&s);
    // "Martin Untersinger (avec Damien Leloup et Morgane Tual)": the others are authors too;
    // other brackets ("Richard (R.J.) Eskow") are part of a name.
    let with_others = ["(with ", "(avec ", "(mit ", "(con "]
        .iter()
        .any(|w| s.to_lowercase().contains(w));
    let s = if with_others {
        s.replace(['(', ')'], ",")
    } else {
        s
    };
    let mut rest = s.trim();
    for prefix in [
        "posted by ",
        "written by ",
        "by: ",
        "by ",
        "par ",
        "von ",
        "por ",
        "door ",
    ] {
        if rest
            .get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
        {
            rest = &rest[prefix.len()..];
            break;
        }
    }
    rest.split(',')
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" & "))
        .flat_map(|part| part.split(" et "))
        .flat_map(|part| part.split(" und "))
        .flat_map(|part| part.split(" y "))
        .flat_map(|part| part.split(" и "))
        .map(|n| {
            let n = n.trim();
            let n = ["with ", "avec ", "mit ", "con "]
                .iter()
                .find_map(|w| n.strip_prefix(w))
                .unwrap_or(n);
            n.trim().trim_end_matches('.').trim().to_string()
        })
        .filter(|n| {
            !n.is_empty()
                && n.chars().count() <= 60
                && n.split_whitespace().count() <= 5
                && n.chars().next().is_some_and(char::is_alphabetic)
                && date_start(n) != Some(0)
                && looks_like_a_person(n)
        })
        .collect()
}

/// Spaces back between the texts of adjacent elements that a page's markup glued together
/// ("Joe DavidsonWashington Post", "Veröffentlicht vonChris Jung"): a run of four or more
/// lower-case letters, or a label word, running into a capital. Shorter runs are names
/// ("McDonald", "DeShawn", "MacArthur").
fn unglue(s: &str) -> String {
    static GLUE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(\p{Ll}{4,}|\b(?:von|by|vom|par|por))(\p{Lu})").expect("valid regex")
    });
    GLUE.replace_all(s, "$1 $2").into_owned()
}

/// A byline without the label pages put before it ("Eingestellt von", "Post author By",
/// "Author:", "Artikel von:", "erstellt von") and the words after it that are not the
/// name (a date "am 29.12.2010", "» 21.01.2009", "Stand: 05. Februar", a profile link such
/// as "Twitter" or "Alle Artikel").
fn unlabel(s: &str) -> String {
    // Label words in the languages dateline stems, lower-cased; "by", "von", "par" and
    // "por" after them are dropped with them.
    const LABELS: &[&str] = &[
        "author",
        "authors",
        "autor",
        "autorin",
        "auteur",
        "post",
        "posted",
        "written",
        "eingestellt",
        "veröffentlicht",
        "geschrieben",
        "erstellt",
        "beitrag",
        "artikel",
        "text",
        "interview",
        "publié",
        "publicado",
        "escrito",
        "publicat",
        "opublikowano",
        "vom",
    ];
    const TRAILING: &[&str] = &[
        "twitter",
        "facebook",
        "instagram",
        "linkedin",
        "email",
        "e-mail",
        "mail",
        "alle artikel",
        "all posts",
        "more",
        "mehr",
    ];
    static DATE_TAIL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\s*(?:\b(?:am|on|le|el|vom)\s+|[»—–-]\s*)?(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|\d{4}\s*年|\d{1,2}:\d{2}|»).*$",
        )
        .expect("valid regex")
    });
    let mut words: Vec<&str> = s.split_whitespace().collect();
    // Leading label words, then the preposition or colon that ends the label.
    let mut start = 0;
    while start < words.len().min(3) {
        let w = words[start].trim_end_matches(':').to_lowercase();
        if LABELS.contains(&w.as_str()) {
            start += 1;
            if words[start - 1].ends_with(':') {
                break;
            }
            continue;
        }
        if start > 0 && ["by", "von", "par", "por", "door", "von:", "by:"].contains(&w.as_str()) {
            start += 1;
        }
        break;
    }
    if start >= words.len() {
        start = 0;
    }
    words.drain(..start);
    // A second label after the name ("Sara Zinnecker Stand: 05. Februar 2020").
    if let Some(cut) = words.iter().skip(1).position(|w| w.ends_with(':')) {
        words.truncate(cut + 1);
    }
    let mut out = words.join(" ");
    out = DATE_TAIL.replace(&out, "").into_owned();
    loop {
        let lower = out.to_lowercase();
        let Some(t) = TRAILING
            .iter()
            .find(|t| lower.ends_with(&format!(" {t}")) && lower.len() > t.len() + 1)
        else {
            break;
        };
        out.truncate(out.len() - t.len() - 1);
    }
    let out = out.trim_end_matches(['—', '–', '-', ' ']);
    // What is left of a label alone ("By", "Datum:", "am 8", "und") is no name.
    let lone = out.split_whitespace().all(|w| {
        let w = w.to_lowercase();
        w.ends_with(':')
            || w.chars().all(|c| c.is_ascii_digit())
            || LABELS.contains(&w.as_str())
            || ["by", "von", "par", "por", "am", "on", "und", "and", "et"].contains(&w.as_str())
    });
    if lone { String::new() } else { out.to_string() }
}

/// Whether a byline names a news agency rather than a person: the world's wire services, by
/// their usual names.
pub fn is_agency(name: &str) -> bool {
    const AGENCIES: &[&str] = &[
        "associated press",
        "the associated press",
        "ap",
        "reuters",
        "thomson reuters",
        "afp",
        "agence france-presse",
        "agence france presse",
        "dpa",
        "deutsche presse-agentur",
        "efe",
        "agencia efe",
        "ansa",
        "xinhua",
        "tass",
        "ria novosti",
        "interfax",
        "upi",
        "united press international",
        "kyodo",
        "kyodo news",
        "yonhap",
        "pti",
        "ani",
        "ians",
        "press association",
        "pa media",
        "canadian press",
        "the canadian press",
        "aap",
        "australian associated press",
        "bloomberg",
        "bloomberg news",
        "anadolu agency",
    ];
    AGENCIES.contains(&name.trim().to_lowercase().as_str())
}

/// Whether a byline part can be a person's name: not a credential ("MS", "RDN", "PhD"), an
/// account ("admin", "jdadmin", "@politifact"), or a desk ("Editorial", "Staff").
fn looks_like_a_person(name: &str) -> bool {
    const CREDENTIALS: &[&str] = &[
        "phd", "ph.d", "md", "ms", "msc", "ma", "mba", "mph", "rd", "rdn", "ld", "rn", "np", "do",
        "dds", "cpa", "esq", "cfa", "cfp", "ldn", "cde", "pharmd", "dvm", "jd", "llm",
    ];
    const DESKS: &[&str] = &[
        "admin",
        "administrator",
        "editor",
        "editors",
        "editorial",
        "staff",
        "newsroom",
        "redaktion",
        "rédaction",
        "redacción",
        "redação",
        "team",
        "desk",
        "webmaster",
        "guest",
        "contributor",
        "anonymous",
        "unknown",
    ];
    let lower = name.to_lowercase();
    let key = lower.trim_end_matches('.');
    if name.starts_with('@') || CREDENTIALS.contains(&key) || DESKS.contains(&key) {
        return false;
    }
    // A site's account ("jdadmin", "wpuser"); a blogger's pen name ("gnaddrig") is kept.
    let single = !name.contains(char::is_whitespace);
    let account = ["admin", "user", "editor", "staff", "webmaster"]
        .iter()
        .any(|w| key.contains(w));
    !(single && account)
}

/// Whether a byline names the publication rather than a person: a domain ("jungefreiheit.de",
/// "ORF.at"), or a name the site, the publisher or the copyright line gives.
fn names_publication(name: &str, publishers: &[String]) -> bool {
    let key = squeeze(name);
    !key.is_empty()
        && (is_domain(name)
            || publishers.iter().any(|p| {
                let p = squeeze(p);
                p == key || (key.len() >= 4 && p.contains(&key))
            }))
}

/// Where a date starts in a byline ("Nathan Willis March 25, 2015", "Joe Wee Monday,
/// February 29"): a weekday, or a month name followed by a day number.
fn date_start(s: &str) -> Option<usize> {
    use crate::analysis::{MONTHS, WEEKDAYS};
    let words: Vec<(usize, &str)> = s
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .collect();
    words.iter().enumerate().find_map(|(i, (at, w))| {
        let word = w.trim_end_matches([',', '.']).to_lowercase();
        let weekday = WEEKDAYS
            .iter()
            .any(|d| word == *d || (word.len() == 3 && d.starts_with(&word)));
        let month = MONTHS.iter().any(|m| word.starts_with(&m[..3]))
            && words
                .get(i + 1)
                .is_some_and(|(_, next)| next.chars().next().is_some_and(|c| c.is_ascii_digit()));
        (weekday || month).then_some(*at)
    })
}

/// Removes a site suffix or prefix such as " - RFE/RL" or "Herald | ": the part after the
/// last separator goes when it names the site, or when it is short and what stays is not.
pub fn strip_site_suffix(title: &str, site: Option<&str>, h1: &str) -> String {
    split_site_suffix(title, site, h1).0
}

/// Like [`strip_site_suffix`], and also returns what was removed: the site's name as the
/// page writes it, for pages that give no `og:site_name`.
pub fn split_site_suffix(title: &str, site: Option<&str>, h1: &str) -> (String, Option<String>) {
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
        let capitalised = tail
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
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
/// cut at the last `：`, `:`, `｜`, `|` or `_` while the part after it names the site, or is
/// short and what stays is at least twice as long. Returns the headline and what was cut.
fn cjk_site_suffix(title: &str, site_norm: &str) -> Option<(String, String)> {
    let cjk = |c: char| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}');
    if !title.chars().any(cjk) {
        return None;
    }
    let mut head = title.to_string();
    let mut removed: Vec<String> = Vec::new();
    while let Some((pos, sep)) = head
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '：' | ':' | '｜' | '|' | '_'))
    {
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
fn similarity(a: &str, b: &str) -> f64 {
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

/// A metadata field as a reader sees it: entities decoded (pages often encode them twice,
/// so `doesn&#8217;t` survives parsing) and whitespace, no-break spaces included,
/// collapsed.
pub fn clean_space(s: &str) -> String {
    let decoded = if s.contains('&') {
        html_escape::decode_html_entities(s)
    } else {
        std::borrow::Cow::Borrowed(s)
    };
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn first_text(candidates: &[Option<String>]) -> Option<String> {
    candidates
        .iter()
        .flatten()
        .map(|s| clean_space(s))
        .find(|s| !s.is_empty())
}

/// The facts a page's JSON-LD gives about its article.
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    name: Option<String>,
    published: Option<String>,
    /// `datePublished` of an object that is not an article (a `WebPage`, a `HowTo`).
    other_published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    url: Option<String>,
    description: Option<String>,
    language: Option<String>,
    places: Vec<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "OpinionNewsArticle",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "LiveBlogPosting",
];

impl JsonLd {
    /// The article's title: `headline`, unless `name` differs and is closer to the page's
    /// `<title>` (some sites put a summary in `headline`, others their own name in `name`).
    fn headline_like(&self, html_title: &str) -> Option<String> {
        match (&self.headline, &self.name) {
            // A `name` that is the publisher's is the site, not the story.
            (Some(h), Some(n)) if self.publisher.as_ref() == Some(n) => Some(h.clone()),
            (Some(h), Some(n)) if h != n => {
                if similarity(n, html_title) > similarity(h, html_title) {
                    Some(n.clone())
                } else {
                    Some(h.clone())
                }
            }
            (h, n) => h.clone().or_else(|| n.clone()),
        }
    }

    fn read(doc: &Document) -> JsonLd {
        let mut objects = Vec::new();
        for node in doc.select("script[type='application/ld+json']").nodes() {
            let text = node.text();
            let text = text
                .trim()
                .trim_start_matches("<![CDATA[")
                .trim_end_matches("]]>");
            if let Some(value) = parse_lenient_json(text) {
                collect_objects(value, &mut objects, 0);
            }
        }
        let is_article = |o: &Value| {
            type_names(o)
                .iter()
                .any(|t| ARTICLE_TYPES.contains(&t.as_str()))
        };
        let text = |v: Option<&Value>| -> Option<String> {
            match v? {
                Value::String(s) => Some(clean_space(s)),
                Value::Array(a) => a.first().and_then(|v| v.as_str()).map(clean_space),
                _ => None,
            }
        };
        let other_published = objects
            .iter()
            .filter(|o| !is_article(o))
            .find_map(|o| text(o.get("datePublished")));
        let Some(article) = objects.iter().find(|o| is_article(o)) else {
            return JsonLd {
                other_published,
                ..JsonLd::default()
            };
        };
        // A graph (Yoast and others) names the author by reference: `{"@id": "…#author"}`
        // points at the Person object elsewhere in the graph.
        let by_id = |id: &str| {
            objects
                .iter()
                .find(|o| o.get("@id").and_then(Value::as_str) == Some(id))
        };
        let name_of = |v: &Value| -> Option<String> {
            match v {
                Value::String(s) => Some(clean_space(s)),
                Value::Object(_) => text(v.get("name")).or_else(|| {
                    let id = v.get("@id")?.as_str()?;
                    text(by_id(id)?.get("name"))
                }),
                _ => None,
            }
        };
        let names = |v: Option<&Value>| -> Vec<String> {
            match v {
                Some(Value::Array(a)) => a.iter().filter_map(name_of).collect(),
                Some(v) => name_of(v).into_iter().collect(),
                None => Vec::new(),
            }
        };
        let authors = names(article.get("author"))
            .iter()
            .flat_map(|a| split_authors(a))
            .collect();
        let mut places = names(article.get("contentLocation"));
        places.extend(names(article.get("locationCreated")));
        JsonLd {
            headline: text(article.get("headline")),
            name: text(article.get("name")),
            published: text(article.get("datePublished"))
                .or_else(|| text(article.get("dateCreated"))),
            other_published,
            authors,
            publisher: article.get("publisher").and_then(name_of),
            url: text(article.get("url")).or_else(|| {
                article
                    .get("mainEntityOfPage")
                    .and_then(|m| text(Some(m)).or_else(|| text(m.get("@id"))))
            }),
            description: text(article.get("description")),
            language: text(article.get("inLanguage")),
            places,
        }
    }
}

/// JSON-LD as pages write it: strict JSON, else the same with the mistakes that browsers
/// and search engines forgive undone (trailing commas, raw control characters), so that one
/// syntax error does not discard the block.
fn parse_lenient_json(text: &str) -> Option<Value> {
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        return Some(value);
    }
    static TRAILING_COMMA: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r",(\s*[}\]])").expect("valid regex"));
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    serde_json::from_str(&TRAILING_COMMA.replace_all(&cleaned, "$1")).ok()
}

fn type_names(o: &Value) -> Vec<String> {
    match o.get("@type") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

/// Flattens arrays and `@graph` lists into the objects they hold (depth-limited: the JSON
/// comes from untrusted pages).
fn collect_objects(value: Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items
            .into_iter()
            .for_each(|v| collect_objects(v, out, depth + 1)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                collect_objects(graph, out, depth + 1);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn bylines_split_into_names() {
        assert_eq!(
            split_authors("By Jane Doe, John Smith and Ann Lee"),
            ["Jane Doe", "John Smith", "Ann Lee"]
        );
        assert_eq!(split_authors("by Kim Park | Staff writer"), ["Kim Park"]);
        // Credentials, accounts and desks are not people.
        assert_eq!(
            split_authors("Ilana Muhlstein, MS, RDN"),
            ["Ilana Muhlstein"]
        );
        assert!(split_authors("admin").is_empty());
        assert!(split_authors("jdadmin").is_empty());
        assert!(split_authors("Editorial").is_empty());
        assert!(split_authors("@politifact").is_empty());
        assert!(is_agency("Associated Press") && !is_agency("Ann Lee"));
        assert_eq!(split_authors("ByTravis Haney"), ["Travis Haney"]);
        assert_eq!(
            split_authors("Julia Horowitz @juliakhorowitz"),
            ["Julia Horowitz"]
        );
        assert_eq!(
            split_authors("Saibal Dasgupta / TNN /"),
            ["Saibal Dasgupta"]
        );
        assert_eq!(split_authors("肖春芳"), ["肖春芳"]);
        assert_eq!(
            split_authors("By Nathan Willis\n  March 25, 2015"),
            ["Nathan Willis"]
        );
        assert_eq!(split_authors("Joe Wee Monday, February 29"), ["Joe Wee"]);
        assert!(split_authors("Sunday, Feb 1, 2015").is_empty());
        assert!(split_authors("Last Updated: January 7, 2025").is_empty());
        assert_eq!(
            split_authors("Posted by Android Developers"),
            ["Android Developers"]
        );
        assert_eq!(
            split_authors("Martin Untersinger (avec Damien Leloup et Morgane Tual)"),
            ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]
        );
        assert_eq!(split_authors("Par Sébastien Farcis"), ["Sébastien Farcis"]);
        assert_eq!(
            split_authors("Richard (R.J.) Eskow"),
            ["Richard (R.J.) Eskow"]
        );
        // A month name that is a name stays: no day number follows it.
        assert_eq!(split_authors("By April Ryan"), ["April Ryan"]);
        assert!(split_authors("").is_empty());
        for label in ["By", "Datum:", "Veröffentlicht am 8"] {
            assert!(split_authors(label).is_empty(), "{label}");
        }
        // Labels before the name and what follows it, in several languages.
        for (byline, name) in [
            ("Eingestellt von der Michel", "der Michel"),
            ("Veröffentlicht vonChris Jung", "Chris Jung"),
            ("Post author By Helge Fahrnberger", "Helge Fahrnberger"),
            ("Author: Bo2man am 29.12.2010, 13:36 Uhr", "Bo2man"),
            ("AuthorAndreas Kalt", "Andreas Kalt"),
            ("erstellt von Dominique —", "Dominique"),
            ("Beitrag von r23 » 21.01.2009, 05:42", "r23"),
            ("Sara Zinnecker Stand: 05. Februar 2020", "Sara Zinnecker"),
            ("Rebecca Hersher Twitter", "Rebecca Hersher"),
            ("Interview: Julia Lauter", "Julia Lauter"),
            ("Walter von Aachen", "Walter von Aachen"),
            ("Jose de la Cruz", "Jose de la Cruz"),
            ("Michael Stratford 10/17/2022", "Michael Stratford"),
            ("Tim McDonald", "Tim McDonald"),
        ] {
            assert_eq!(split_authors(byline), [name], "{byline}");
        }
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
