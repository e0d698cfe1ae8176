//! Detecting the language of a text when the page does not declare it.

use whatlang::Lang;

/// The ISO 639-1 code of the text's language, when detection is confident.
pub fn detect_language(text: &str) -> Option<String> {
    // A sample is enough and keeps detection cheap on long pages.
    let sample: String = text.chars().take(4000).collect();
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    Some(
        iso_639_1(info.lang())
            .unwrap_or_else(|| info.lang().code())
            .to_string(),
    )
}

fn iso_639_1(lang: Lang) -> Option<&'static str> {
    use Lang::*;
    Some(match lang {
        Eng => "en",
        Rus => "ru",
        Ukr => "uk",
        Bel => "be",
        Bul => "bg",
        Srp => "sr",
        Mkd => "mk",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Nld => "nl",
        Pol => "pl",
        Ces => "cs",
        Slk => "sk",
        Slv => "sl",
        Hrv => "hr",
        Ron => "ro",
        Hun => "hu",
        Fin => "fi",
        Swe => "sv",
        Dan => "da",
        Nob => "nb",
        Est => "et",
        Lav => "lv",
        Lit => "lt",
        Ell => "el",
        Tur => "tr",
        Aze => "az",
        Kat => "ka",
        Hye => "hy",
        Heb => "he",
        Ara => "ar",
        Pes => "fa",
        Urd => "ur",
        Hin => "hi",
        Ben => "bn",
        Tam => "ta",
        Tel => "te",
        Tha => "th",
        Vie => "vi",
        Ind => "id",
        Tgl => "tl",
        Jpn => "ja",
        Kor => "ko",
        Cmn => "zh",
        Uzb => "uz",
        Afr => "af",
        Epo => "eo",
        Lat => "la",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_russian_and_english() {
        assert_eq!(
            detect_language("Протестующие в Уральске требовали отставки правительства и снижения цен на газ. Полиция задержала несколько человек, сообщили местные журналисты.").as_deref(),
            Some("ru")
        );
        assert_eq!(
            detect_language("Protesters in the western city demanded lower fuel prices and the resignation of officials").as_deref(),
            Some("en")
        );
    }
}
