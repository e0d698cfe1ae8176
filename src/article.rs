//! The article: what dateline knows about one saved page once it has been extracted.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// One news article extracted from one page of the archive.
///
/// ```
/// let page = br#"<html lang="en"><head><title>Floods hit Lima - Andes Daily</title></head><body>
///   <p>LIMA, Peru -- Heavy rains swelled the Rimac river on Sunday, flooding homes across the capital.</p>
///   <p>Officials said the water rose faster than in any year since records began.</p></body></html>"#;
/// let article = dateline::extract::extract_bytes(page, "andes/floods.html").unwrap();
/// assert_eq!(article.title, "Floods hit Lima");
/// assert_eq!(article.dateline.unwrap().city, "Lima");
/// assert!(article.places.iter().any(|p| p.name == "Lima" && p.country == "Peru"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Path of the page relative to the corpus root, with `/` separators. Doubles as the id.
    pub path: String,
    /// Headline without the site suffix (" - RFE/RL", " | Herald").
    pub title: String,
    /// Publication time, with the page's own UTC offset when it gave one.
    pub published: Option<DateTime<FixedOffset>>,
    /// Where the publication date came from: `json-ld`, `meta`, `time` (a `<time>`
    /// element), `page` (a date line near the headline), `url`, `path`, or `modified` (the
    /// page's modified time, when it gives no other date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_source: Option<String>,
    /// Byline authors, one person's name each, without "By ".
    pub authors: Vec<String>,
    /// The news agency the byline credits ("Associated Press", "Reuters"), kept apart from
    /// the people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// Name of the publishing site.
    pub site: Option<String>,
    /// Canonical URL of the article (for a page from a web archive without one, the URL
    /// it was captured from).
    pub url: Option<String>,
    /// When a page from a web archive was captured (its `WARC-Date`); the earliest
    /// capture when there are several.
    #[serde(default)]
    pub captured: Option<DateTime<FixedOffset>>,
    /// Every capture of the same page (same URL, same payload), earliest first, when it
    /// was captured more than once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub captures: Vec<DateTime<FixedOffset>>,
    /// Language tag as the page gives it (`en-US`), or as detected from the text (`ru`).
    pub lang: Option<String>,
    /// The page's own summary (meta description / og:description).
    pub description: Option<String>,
    /// The dateline that opens the story, such as "ORAL, Kazakhstan --".
    pub dateline: Option<Dateline>,
    /// Place names given by the page's metadata (geo tags, JSON-LD `contentLocation`).
    pub metadata_places: Vec<String>,
    /// The gazetteer places the article is about: dateline first, then by mentions.
    pub places: Vec<TaggedPlace>,
    /// Every place name in `text`, resolved (see [`PlaceMention`]).
    #[serde(default)]
    pub mentions: Vec<PlaceMention>,
    /// Size of the page in bytes (of the file, or of an archive record's payload).
    pub bytes: u64,
    /// The article's text, paragraphs separated by blank lines.
    pub text: String,
}

/// A gazetteer place an article is tagged with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaggedPlace {
    /// GeoNames id.
    pub id: u32,
    pub name: String,
    pub kind: crate::places::PlaceKind,
    /// ISO 3166-1 alpha-2 code of the country.
    pub country_code: String,
    /// The country's name (the place's own name for a country).
    pub country: String,
    /// The first-level region (state, province, oblast) of a city.
    pub region: Option<String>,
    pub lat: f32,
    pub lon: f32,
    /// How many times the headline and text name it.
    pub mentions: u32,
    /// Whether it is the dateline's place.
    pub dateline: bool,
    /// Whether the headline names it.
    #[serde(default)]
    pub headline: bool,
    /// Whether the lede (the text's first paragraphs) names it.
    #[serde(default)]
    pub lede: bool,
    /// The about model's probability that the story is about it (0.4 to 1; any for
    /// the dateline's place, which is always tagged).
    #[serde(default = "certain")]
    pub score: f32,
    /// Its place in the hierarchy, by name: `/Kazakhstan/West Kazakhstan Region/Oral`.
    pub path: String,
    /// The same path by GeoNames id, as indexed for hierarchy search.
    pub id_path: String,
}

fn certain() -> f32 {
    1.0
}

/// One occurrence of a place name in an article's text, resolved to a gazetteer place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceMention {
    /// UTF-8 byte offsets of the name in the article's `text`, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The name as written.
    pub surface: String,
    /// GeoNames id of the place it means.
    pub id: u32,
    pub name: String,
    pub kind: crate::places::PlaceKind,
    pub country_code: String,
    pub lat: f32,
    pub lon: f32,
    /// The model's probability that the name is a place here (0.5 to 1).
    pub confidence: f32,
    /// How the name is used.
    #[serde(rename = "use")]
    pub r#use: MentionUse,
}

/// How a place name is used, as the geoparsing corpora mark it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionUse {
    /// The place itself ("floods in Lima").
    Literal,
    /// An adjective of the place ("Syrian forces").
    Adjective,
    /// The place standing for its government or people ("Washington said").
    Metonym,
}

/// The place line that opens a news story: "ORAL, Kazakhstan --".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The city, in title case ("Oral").
    pub city: String,
    /// What follows the city: a country or, in US style, a state ("Kazakhstan", "Georgia").
    pub country: Option<String>,
    /// The dateline as printed, without the dash.
    pub raw: String,
}

impl Article {
    /// Primary language subtag in lower case (`en` for `en-US`), as indexed for `lang:`.
    pub fn lang_code(&self) -> Option<String> {
        self.lang.as_deref().and_then(primary_lang)
    }

    /// Every place name the article is tagged with, as written: the dateline's city and
    /// country, the tagged places, then the places from its metadata.
    pub fn place_names(&self) -> Vec<String> {
        let mut names = Vec::new();
        if let Some(d) = &self.dateline {
            names.push(d.city.clone());
            names.extend(d.country.clone());
        }
        let tagged = self.places.iter().map(|p| &p.name);
        for p in tagged.chain(&self.metadata_places) {
            if !names.iter().any(|n| n.eq_ignore_ascii_case(p)) {
                names.push(p.clone());
            }
        }
        names
    }
}

/// A language tag in BCP 47's case and separators: `en-us` and `en_US` are `en-US`,
/// `zh-hant-tw` is `zh-Hant-TW`; `None` for what is no tag.
pub fn normalize_lang_tag(tag: &str) -> Option<String> {
    let parts: Vec<&str> = tag.trim().split(['-', '_']).collect();
    let primary = parts.first()?.to_ascii_lowercase();
    if !(2..=8).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut out = primary;
    for part in &parts[1..] {
        if part.is_empty() || !part.chars().all(|c| c.is_ascii_alphanumeric()) {
            break;
        }
        out.push('-');
        match part.len() {
            2 if part.chars().all(|c| c.is_ascii_alphabetic()) => {
                out.push_str(&part.to_ascii_uppercase())
            }
            4 => {
                out.push_str(&part[..1].to_ascii_uppercase());
                out.push_str(&part[1..].to_ascii_lowercase());
            }
            _ => out.push_str(&part.to_ascii_lowercase()),
        }
    }
    Some(out)
}

pub(crate) fn primary_lang(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    (!primary.is_empty() && primary.chars().all(|c| c.is_ascii_alphabetic())).then_some(primary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primary_lang_takes_the_first_subtag() {
        assert_eq!(primary_lang("en-US").as_deref(), Some("en"));
        assert_eq!(primary_lang("pt_BR").as_deref(), Some("pt"));
        assert_eq!(primary_lang(" RU ").as_deref(), Some("ru"));
        assert_eq!(primary_lang(""), None);
    }

    #[test]
    fn language_tags_are_normalised_to_bcp_47() {
        assert_eq!(normalize_lang_tag("en-us").as_deref(), Some("en-US"));
        assert_eq!(normalize_lang_tag("pt_BR").as_deref(), Some("pt-BR"));
        assert_eq!(
            normalize_lang_tag("zh-hant-tw").as_deref(),
            Some("zh-Hant-TW")
        );
        assert_eq!(normalize_lang_tag("RU").as_deref(), Some("ru"));
        assert_eq!(normalize_lang_tag("es-419").as_deref(), Some("es-419"));
        assert_eq!(normalize_lang_tag("{lang}"), None);
    }

    #[test]
    fn place_names_start_with_the_dateline() {
        let article = Article {
            dateline: Some(Dateline {
                city: "Oral".into(),
                country: Some("Kazakhstan".into()),
                raw: "ORAL, Kazakhstan".into(),
            }),
            metadata_places: vec!["kazakhstan".into(), "Atyrau".into()],
            ..Article::default()
        };
        assert_eq!(article.place_names(), ["Oral", "Kazakhstan", "Atyrau"]);
    }
}
