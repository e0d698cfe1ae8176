//! The dateline that opens a news story: "ORAL, Kazakhstan --", "PARIS (AP) —".

use std::sync::LazyLock;

use regex::Regex;

use crate::article::Dateline;

/// How many paragraphs from the top are searched: a photo caption or a summary
/// often comes before the dateline, and table layouts put menus in the text (a generated
/// table-layout page with a 14-link menu column needs more than 15).
const PARAGRAPHS_SEARCHED: usize = 30;

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<city>\p{Lu}[\p{Lu}\p{M}.'’\- ]{1,40}?)(?:,\s*(?P<area>\p{Lu}[\p{L}\p{M}.'’\- ]{1,40}?))?\s*(?:\((?P<agency>[^)]{1,30})\)\s*)?(?:--|—|–|-)\s*\S",
    )
    .expect("valid regex")
});

/// Finds the dateline in the first paragraphs of an article's text.
pub fn find_dateline(text: &str) -> Option<Dateline> {
    text.split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .take(PARAGRAPHS_SEARCHED)
        .find_map(parse_dateline)
}

fn parse_dateline(paragraph: &str) -> Option<Dateline> {
    let caps = DATELINE.captures(paragraph)?;
    let city_raw = caps.name("city")?.as_str().trim();
    // A city in capitals: at least two letters, and no lower-case letter at all.
    if city_raw.chars().filter(|c| c.is_alphabetic()).count() < 2
        || city_raw.chars().any(char::is_lowercase)
    {
        return None;
    }
    let area = caps.name("area").map(|m| m.as_str().trim().to_string());
    let raw_end = caps
        .name("agency")
        .map(|m| m.end() + 1)
        .or_else(|| caps.name("area").map(|m| m.end()))
        .unwrap_or_else(|| caps.name("city").map_or(0, |m| m.end()));
    Some(Dateline {
        city: title_case(city_raw),
        country: area.filter(|a| !a.is_empty()),
        raw: paragraph[..raw_end.min(paragraph.len())].trim().to_string(),
    })
}

/// "NEW YORK" -> "New York", "УРАЛЬСК" -> "Уральск".
fn title_case(s: &str) -> String {
    s.split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Option<(String, Option<String>)> {
        find_dateline(text).map(|d| (d.city, d.country))
    }

    #[test]
    fn city_and_country() {
        assert_eq!(
            d(
                "Protesters in Oral on January 4.\n\nORAL, Kazakhstan -- Growing up in the small town"
            ),
            Some(("Oral".into(), Some("Kazakhstan".into())))
        );
    }

    #[test]
    fn agency_and_em_dash() {
        assert_eq!(
            d("ALMATY, Kazakhstan (GWS) — Police said"),
            Some(("Almaty".into(), Some("Kazakhstan".into())))
        );
        assert_eq!(
            d("NEW YORK (AP) — Stocks fell"),
            Some(("New York".into(), None))
        );
        assert_eq!(d("PARIS — Leaders met"), Some(("Paris".into(), None)));
    }

    #[test]
    fn cyrillic_dateline() {
        assert_eq!(
            d("УРАЛЬСК, Казахстан — Протестующие вышли"),
            Some(("Уральск".into(), Some("Казахстан".into())))
        );
    }

    #[test]
    fn dateline_after_a_menu_column() {
        let menu: String = (0..20).map(|i| format!("Section {i}\n")).collect();
        let text = format!("{menu}NAIROBI, Kenya (GWS) — Officials said");
        assert_eq!(d(&text), Some(("Nairobi".into(), Some("Kenya".into()))));
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        assert_eq!(d("The protests began in January - and spread."), None);
        assert_eq!(d("A quiet day in Oral, Kazakhstan."), None);
        assert_eq!(d("NOTE: this is a heading"), None);
    }
}
