//! Bylines and author names: finding a byline on the page or in the text, and telling
//! people's names from labels, dates, desks, accounts, agencies and the publication.

use dom_query::Document;

use super::meta::{clean_space, is_domain, squeeze};

pub(super) fn visible_byline(doc: &Document) -> Vec<String> {
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
        let mut names = names_in(&sel.first());
        if !names.is_empty() {
            // One mark per author ("<a rel=author>Julia Carrie Wong</a> and <a
            // rel=author>Sam Levin</a>"): the marks beside the first are more authors;
            // those elsewhere on the page belong to other stories.
            let nodes = sel.nodes();
            let parent = nodes[0].parent().map(|p| p.id);
            for node in &nodes[1..] {
                if node.parent().map(|p| p.id) == parent {
                    for name in names_in(&dom_query::Selection::from(*node)) {
                        if !names.contains(&name) {
                            names.push(name);
                        }
                    }
                }
            }
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
    byline_after_headline(doc)
}

/// A byline without byline markup, in the text that follows the headline: a link to an
/// author's page ("/author/…", "/profile/…"), or a name after a label or preposition of its
/// own ("<span>By </span><a>Teresa Newsome</a>", "Autor: Fritz Imhof"). Only the first
/// 600 characters after the `<h1>` count; further on, names are other stories' bylines.
fn byline_after_headline(doc: &Document) -> Vec<String> {
    const AUTHOR_PATHS: &[&str] = &[
        "author",
        "authors",
        "autor",
        "autoren",
        "auteur",
        "autore",
        "profile",
        "people",
        "staff",
        "journalist",
        "journalists",
        "contributor",
        "contributors",
        "writer",
        "writers",
    ];
    let Some(h1) = super::headline::headline_h1(doc) else {
        return Vec::new();
    };
    let root = doc.root();
    let nodes: Vec<_> = root.descendants_it().collect();
    let at = nodes.iter().position(|n| n.id == h1.id).unwrap_or_default();
    // A date line that ends with the name ("25.10.2022 - Reiner Nagel", "04.02.2022 | 13:10
    // Uhr | Uta Helkenberg") may also stand just above the headline.
    let mut before = 0;
    for node in nodes[..at].iter().rev().filter(|n| is_shown_text(n)) {
        let text = clean_space(&node.text());
        before += text.len();
        if before > 300 {
            break;
        }
        if let Some(name) = name_after_date(&text) {
            return vec![name];
        }
    }
    let h1_text = h1.text().len();
    let mut seen = 0;
    let mut labelled = false;
    for &node in &nodes[at..] {
        if seen > 600 + h1_text {
            break;
        }
        if node.is_element() {
            let is_link = node.node_name().is_some_and(|n| &*n == "a");
            let to_author = node.attr("href").is_some_and(|href| {
                let path = href.split(['?', '#']).next().unwrap_or_default();
                path.split('/')
                    .any(|part| AUTHOR_PATHS.contains(&part.to_lowercase().as_str()))
            });
            if is_link && (to_author || labelled) && !super::in_comments(&node) {
                let names: Vec<String> = split_authors(&clean_space(&node.text()));
                if !names.is_empty() && names.iter().all(|n| n.split_whitespace().count() >= 2) {
                    return names;
                }
            }
            continue;
        }
        if !is_shown_text(&node) {
            continue;
        }
        let text = clean_space(&node.text());
        if text.is_empty() {
            continue;
        }
        seen += text.len();
        if let Some(name) = name_after_date(&text) {
            return vec![name];
        }
        if labelled {
            let names = split_authors(&text);
            if !names.is_empty() && names.iter().all(|n| n.split_whitespace().count() >= 2) {
                return names;
            }
        }
        let lower = text.to_lowercase();
        let word = lower.trim_end_matches(':').trim();
        labelled = ["by", "von", "par", "por", "door", "di"].contains(&word)
            || (text.ends_with(':') && LABELS.contains(&word));
        if !labelled && let Some(name) = byline_line(&text, true) {
            let names = split_authors(&name);
            if !names.is_empty() && names.iter().all(|n| n.split_whitespace().count() >= 2) {
                return names;
            }
        }
    }
    Vec::new()
}

/// A text node a reader sees: not a script's or a style sheet's.
fn is_shown_text(node: &dom_query::NodeRef) -> bool {
    node.is_text() && !node.parent().is_some_and(|p| super::is_unshown(&p))
}

/// The name at the end of a date line: "11.12.2019 - Amelie Loevenich", "04.02.2022 |
/// 13:10 Uhr | Uta Helkenberg" (two to four capitalised words after the date and a dash or
/// bar).
fn name_after_date(line: &str) -> Option<String> {
    static DATE_NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})(?:\s*[|,–-]\s*\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?\s*[|–—-]\s*(\p{Lu}[\p{L}'.-]+(?:\s+\p{Lu}[\p{L}'.-]+){1,3})$",
        )
        .expect("valid regex")
    });
    if line.len() > 100 {
        return None;
    }
    let name = DATE_NAME.captures(line)?.get(1)?.as_str();
    looks_like_a_person(name).then(|| name.to_string())
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

/// A byline written as a line of the article text ("By Ellen Marsh and Cody Ramsey",
/// "Text von Christian Seiler", "Autor: Fritz Imhof"), for pages whose byline has no markup
/// of its own: among the text's first lines, or a labelled one among its last (German
/// pages often sign off with "Autor: ...").
pub(super) fn byline_in_text(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim().trim_start_matches(['-', '—', ' ']))
        .filter(|l| !l.is_empty())
        .collect();
    let last = lines.len().saturating_sub(5).max(20.min(lines.len()));
    lines
        .iter()
        .take(20)
        .find_map(|l| byline_line(l, true))
        .or_else(|| lines[last..].iter().find_map(|l| byline_line(l, false)))
        .map(|name| split_authors(&name))
        .unwrap_or_default()
}

/// The name in "By Ellen Marsh" (`bare`: a preposition alone may open it) or after a label
/// ("Text von ...", "Written by ...", "Autor: ...", "Ein Gastbeitrag von ..."): at most 60
/// characters, and the two words after the label capitalised ("von Daniela Obers", not
/// "von der Leyen sagte gestern"; "Rede von Angela Merkel" has no label).
fn byline_line(line: &str, bare: bool) -> Option<String> {
    const PREPOSITIONS: &[&str] = &["by", "von", "par", "por", "door"];
    if line.chars().count() > 60 {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
    let second = words.get(1).map(|w| w.to_lowercase()).unwrap_or_default();
    // "Ein Beitrag von", "Blog Beitrag von", "Ein Gastbeitrag von": a word or two ending
    // in a label before the preposition.
    let label_before_preposition = || {
        (2..=3).find(|&p| {
            words
                .get(p)
                .is_some_and(|w| PREPOSITIONS.contains(&w.to_lowercase().trim_end_matches(':')))
                && {
                    let label = words[p - 1].to_lowercase();
                    LABELS
                        .iter()
                        .any(|l| l.chars().count() >= 4 && label.ends_with(l))
                }
        })
    };
    let name_at = if bare && PREPOSITIONS.contains(&first.as_str()) {
        1
    } else if LABELS.contains(&first.trim_end_matches(':')) {
        if first.ends_with(':') {
            1
        } else if PREPOSITIONS.contains(&second.trim_end_matches(':')) {
            2
        } else {
            return None;
        }
    } else if let Some(p) = label_before_preposition() {
        p + 1
    } else {
        return None;
    };
    let named = words.len() > name_at
        && words[name_at..]
            .iter()
            .take(2)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    named.then(|| words[name_at..].join(" "))
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
    let mut s = unlabel(&s);
    // Another credit after the byline ("Christian Seiler Illustration von Markus Roost",
    // "Photos by ..."): the byline ends before it; a credit alone names no author.
    const CREDITS: &[&str] = &[
        "illustration",
        "illustrationen",
        "illustrations",
        "foto",
        "fotos",
        "photo",
        "photos",
        "bilder",
        "grafik",
        "grafiken",
        "video",
        "kamera",
        "pictures",
        "images",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    if let Some(cut) = (0..words.len().saturating_sub(1)).find(|&i| {
        CREDITS.contains(&words[i].trim_end_matches(':').to_lowercase().as_str())
            && (words[i].ends_with(':')
                || ["von", "by", "de", "par", "por"].contains(&words[i + 1]))
    }) {
        s = words[..cut].join(" ");
    }
    // "Martin Untersinger (avec Damien Leloup et Morgane Tual)": the others are authors too;
    // other brackets ("Richard (R.J.) Eskow") are part of a name.
    let with_others = ["(with ", "(avec ", "(mit ", "(con "]
        .iter()
        .any(|w| s.to_lowercase().contains(w));
    let s = if with_others {
        s.replace(['(', ')'], ",")
    } else {
        without_long_brackets(&s)
    };
    let mut rest = s.trim();
    for prefix in [
        "posted by ",
        "written by ",
        "by: ",
        "by ",
        "par: ",
        "par ",
        "von: ",
        "von ",
        "por: ",
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
            without_role(n.trim().trim_end_matches('.').trim())
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

/// A byline without what brackets hold when it is not part of a name: a bureau or a
/// role ("Cécile Ducourtieux (Bruxelles, bureau européen)"), with a comma or a word in
/// lower case, whose commas would otherwise make names of its words. Names keep theirs
/// ("Richard (R.J.) Eskow", "Bruno (Henrique Zecchin) Rodrigues").
fn without_long_brackets(s: &str) -> String {
    static BRACKETS: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\s*\(([^()]*)\)").expect("valid regex"));
    BRACKETS
        .replace_all(s, |c: &regex::Captures| {
            let inside = &c[1];
            let not_a_name = inside.contains(',')
                || inside
                    .split_whitespace()
                    .any(|w| w.chars().next().is_some_and(char::is_lowercase));
            if not_a_name {
                " ".to_string()
            } else {
                c[0].to_string()
            }
        })
        .trim()
        .to_string()
}

/// A name without the job title a page prints after it ("Sam Stein Senior Politics
/// Editor" gives "Sam Stein"); a part that is only a title ("Culture Writer") is left
/// empty, and one word before a job is a pen name ("Rasender Reporter"). The title is its last word when that names a newsroom job, with the words
/// before it that qualify a job, and any word beyond a name's first three.
fn without_role(name: &str) -> String {
    const JOBS: &[&str] = &[
        "editor",
        "writer",
        "reporter",
        "correspondent",
        "columnist",
        "contributor",
        "journalist",
        "producer",
        "photographer",
        "critic",
        "redakteur",
        "redakteurin",
        "korrespondent",
        "korrespondentin",
        "rédacteur",
        "rédactrice",
        "journaliste",
        "periodista",
        "redactor",
        "redactora",
        "rechtsanwalt",
        "rechtsanwältin",
        "fachanwalt",
        "fachanwältin",
    ];
    const QUALIFIERS: &[&str] = &[
        "senior",
        "chief",
        "staff",
        "deputy",
        "contributing",
        "managing",
        "executive",
        "associate",
        "assistant",
        "political",
        "politics",
        "culture",
        "sports",
        "news",
        "business",
        "science",
        "health",
        "national",
        "foreign",
        "freelance",
        "special",
        "digital",
        "web",
        "online",
        "lead",
        "general",
        "features",
        "opinion",
        "investigative",
    ];
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let is_job = |w: &str| JOBS.contains(&w.to_lowercase().trim_end_matches(','));
    // A title before the name ("Rechtsanwalt Sebastian Einbock", "Reporter Jane Doe").
    if words.len() >= 3 && is_job(words[0]) {
        return words[1..].join(" ");
    }
    if words.len() < 2 || !words.last().is_some_and(|w| is_job(w)) {
        return name.to_string();
    }
    words.pop();
    while let Some(last) = words.last() {
        let qualifier = QUALIFIERS.contains(&last.to_lowercase().as_str());
        if qualifier || words.len() > 3 {
            words.pop();
        } else {
            break;
        }
    }
    match words.len() {
        // Only a title.
        0 => String::new(),
        // A pen name ("Rasender Reporter"), not a title after a name.
        1 => name.to_string(),
        _ => words.join(" "),
    }
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

/// Label words before a byline in the languages dateline stems, lower-cased; "by", "von",
/// "par" and "por" after them are dropped with them.
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

/// A byline without the label pages put before it ("Eingestellt von", "Post author By",
/// "Author:", "Artikel von:", "erstellt von") and the words after it that are not the
/// name (a date "am 29.12.2010", "» 21.01.2009", "Stand: 05. Februar", a profile link such
/// as "Twitter" or "Alle Artikel").
fn unlabel(s: &str) -> String {
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
    // A number after a name is a count or an id ("Anna Weber 2"), not part of it.
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
    {
        words.pop();
    }
    // A social network's name is a profile link, never part of a name: it ends the name
    // before it, and another author's may follow ("Ann Lee Twitter Bob Jones Twitter").
    let profile = |w: &str| {
        ["twitter", "facebook", "instagram", "linkedin"].contains(&w.to_lowercase().as_str())
    };
    let mut out = if words.iter().skip(1).any(|w| profile(w)) {
        let mut names: Vec<Vec<&str>> = vec![Vec::new()];
        for (i, w) in words.iter().enumerate() {
            if i > 0 && profile(w) {
                names.push(Vec::new());
            } else if let Some(last) = names.last_mut() {
                last.push(w);
            }
        }
        // What follows the last link is its label or the writer's role ("Twitter News
        // Writer"): bylines give every author a link, or none.
        names.pop();
        names
            .iter()
            .filter(|n| !n.is_empty())
            .map(|n| n.join(" "))
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        words.join(" ")
    };
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
pub(super) fn is_agency(name: &str) -> bool {
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

/// Whether a byline names an organisation by its legal form ("Bund der Energieverbraucher
/// e.V.", "EnBW Energie Baden-Württemberg AG", "Acme Inc."): the publisher as the metadata's
/// author, where the page's own byline may name a person.
pub(super) fn is_organisation(name: &str) -> bool {
    const FORMS: &[&str] = &[
        "e.v", "e. v", "gmbh", "ggmbh", "mbh", "ag", "kg", "inc", "ltd", "llc", "plc", "corp",
        "s.a", "s.l", "sarl", "s.r.l", "s.p.a", "b.v", "n.v", "oy",
    ];
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() < 2 {
        return false;
    }
    let tail = |n: usize| words[words.len() - n..].join(" ");
    [1, 2].iter().filter(|&&n| n < words.len()).any(|&n| {
        let t = tail(n);
        FORMS.contains(&t.trim_end_matches(['.', ',']).trim())
    })
}

/// Whether a byline names the publication rather than a person: a domain ("jungefreiheit.de",
/// "ORF.at"), or a name the site, the publisher or the copyright line gives.
pub(super) fn names_publication(name: &str, publishers: &[String]) -> bool {
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
        let before_a_number = words
            .get(i + 1)
            .is_some_and(|(_, next)| next.chars().next().is_some_and(|c| c.is_ascii_digit()));
        // "Mon", "Tue", and the German two-letter "Do 9" before a day.
        let weekday = WEEKDAYS
            .iter()
            .any(|d| word == *d || (word.len() == 3 && d.starts_with(&word)))
            || (before_a_number && ["mo", "di", "mi", "do", "fr", "sa", "so"].contains(&&*word));
        let month = MONTHS.iter().any(|m| word.starts_with(&m[..3]))
            && words
                .get(i + 1)
                .is_some_and(|(_, next)| next.chars().next().is_some_and(|c| c.is_ascii_digit()));
        (weekday || month).then_some(*at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labelled_bylines_in_the_text_are_read_and_other_credits_cut() {
        let text = "Zwei Städte, ein Wochenende.\n\nText von Christian Seiler   Illustration von Markus Roost\n\nAls ich das vorletzte Mal in Leipzig war.";
        assert_eq!(byline_in_text(text), ["Christian Seiler"]);
        let signed = format!("{}\n\nAutor: Fritz Imhof", "Ein Absatz.\n\n".repeat(30));
        assert_eq!(byline_in_text(&signed), ["Fritz Imhof"]);
        // Not a byline: a sentence, and a bare "By" line at the end of the text.
        assert!(byline_in_text("von der Leyen sagte gestern, es gehe weiter.").is_empty());
        assert_eq!(
            byline_in_text("Vegetarier zu sein\n\nBlog Beitrag von Margarita Koreneva\n\nText."),
            ["Margarita Koreneva"]
        );
        assert_eq!(
            byline_in_text("Ein Gastbeitrag von Jan Koch\n\nText."),
            ["Jan Koch"]
        );
        assert!(byline_in_text("Rede von Angela Merkel\n\nText.").is_empty());
        let closing = format!(
            "{}\n\nBy Tuesday Officials Said",
            "A paragraph.\n\n".repeat(30)
        );
        assert!(byline_in_text(&closing).is_empty());
        assert_eq!(split_authors("Photos by Ann Lee"), Vec::<String>::new());
        assert_eq!(split_authors("By Kim Park Photos by Ann Lee"), ["Kim Park"]);
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
        assert!(is_organisation("Bund der Energieverbraucher e.V."));
        assert!(is_organisation("Deutscher Caritasverband e. V"));
        assert!(is_organisation("EnBW Energie Baden-Württemberg AG"));
        assert!(is_organisation("Acme Widgets Inc."));
        for person in ["Ann Lee", "Kim Se-ri", "Agnes", "Jo Ag-Smith"] {
            assert!(!is_organisation(person), "{person}");
        }
        assert!(is_agency("Associated Press") && !is_agency("Ann Lee"));
        for (byline, names) in [
            ("ByTravis Haney", &["Travis Haney"][..]),
            ("Julia Horowitz @juliakhorowitz", &["Julia Horowitz"]),
            ("Saibal Dasgupta / TNN /", &["Saibal Dasgupta"]),
            ("肖春芳", &["肖春芳"]),
            ("By Nathan Willis\n  March 25, 2015", &["Nathan Willis"]),
            ("Joe Wee Monday, February 29", &["Joe Wee"]),
            ("Posted by Android Developers", &["Android Developers"]),
            (
                "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
                &["Martin Untersinger", "Damien Leloup", "Morgane Tual"],
            ),
            ("Par Sébastien Farcis", &["Sébastien Farcis"]),
            ("Richard (R.J.) Eskow", &["Richard (R.J.) Eskow"]),
        ] {
            assert_eq!(split_authors(byline), names, "{byline}");
        }
        assert!(split_authors("Sunday, Feb 1, 2015").is_empty());
        assert!(split_authors("Last Updated: January 7, 2025").is_empty());
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
            ("Andrew Husband Twitter News", "Andrew Husband"),
            ("Anna Weber 2", "Anna Weber"),
            ("Interview: Julia Lauter", "Julia Lauter"),
            ("Walter von Aachen", "Walter von Aachen"),
            ("Jose de la Cruz", "Jose de la Cruz"),
            ("Michael Stratford 10/17/2022", "Michael Stratford"),
            ("Tim McDonald", "Tim McDonald"),
            (
                "Cécile Ducourtieux(Bruxelles, bureau européen)",
                "Cécile Ducourtieux",
            ),
            ("Sam Stein Senior Politics Editor", "Sam Stein"),
            (
                "Bruno (Henrique Zecchin) Rodrigues",
                "Bruno (Henrique Zecchin) Rodrigues",
            ),
            ("Julia Carrie Wong Reporter", "Julia Carrie Wong"),
            ("Rechtsanwalt Sebastian Einbock", "Sebastian Einbock"),
            ("Heiko Sauer Do 9 Dez 2021", "Heiko Sauer"),
            ("Anna Smith, Staff Writer", "Anna Smith"),
            ("Andrew Husband, Culture Writer", "Andrew Husband"),
            ("von: Rasender Reporter", "Rasender Reporter"),
        ] {
            assert_eq!(split_authors(byline), [name], "{byline}");
        }
        // Each author's profile link ends their name.
        assert_eq!(
            split_authors("Ann Lee Twitter Bob Jones Twitter"),
            ["Ann Lee", "Bob Jones"]
        );
    }
}
