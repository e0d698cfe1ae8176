//! Language-aware text analysis shared by indexing and searching: which Snowball stemmer
//! serves an article's language, and the romanisation of Cyrillic used by `--translit`.

use tantivy::tokenizer::Language;

/// The languages with a Snowball stemmer, by ISO 639-1 code, and the field suffix used for
/// their stemmed text (`stem_en`).
pub const STEMMED_LANGUAGES: [(&str, Language); 18] = [
    ("ar", Language::Arabic),
    ("da", Language::Danish),
    ("nl", Language::Dutch),
    ("en", Language::English),
    ("fi", Language::Finnish),
    ("fr", Language::French),
    ("de", Language::German),
    ("el", Language::Greek),
    ("hu", Language::Hungarian),
    ("it", Language::Italian),
    ("no", Language::Norwegian),
    ("pt", Language::Portuguese),
    ("ro", Language::Romanian),
    ("ru", Language::Russian),
    ("es", Language::Spanish),
    ("sv", Language::Swedish),
    ("ta", Language::Tamil),
    ("tr", Language::Turkish),
];

/// The stemmer language for an article's language code (`nb` and `nn` use Norwegian).
pub fn stem_language(code: &str) -> Option<&'static str> {
    let code = match code {
        "nb" | "nn" => "no",
        other => other,
    };
    STEMMED_LANGUAGES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(c, _)| *c)
}

/// Romanises Cyrillic (Russian and Kazakh letters) the way English-language news spells
/// these names: Алматы -> almaty, Жанаозен -> zhanaozen, Уральск -> uralsk. Other
/// characters pass through; the result is lower case.
pub fn romanize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let latin = match c {
            'а' | 'ә' => "a",
            'б' => "b",
            'в' => "v",
            'г' | 'ғ' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' => "e",
            'ж' => "zh",
            'з' => "z",
            'и' | 'і' => "i",
            'й' => "y",
            'к' => "k",
            'қ' => "q",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'ң' => "ng",
            'о' | 'ө' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' | 'ұ' | 'ү' => "u",
            'ф' => "f",
            'х' | 'һ' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ъ' | 'ь' => "",
            'ы' => "y",
            'ю' => "yu",
            'я' => "ya",
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(latin);
    }
    out
}

/// Whether a word is written in Cyrillic.
/// The stemmer for an article: its language's, else English when the text is written in
/// Latin letters. Language detection takes short or list-like English pages for Latin,
/// Esperanto or Scots, and those pages should still match "tests" for "test"; the Latin-script
/// languages without a Snowball stemmer (Polish, Czech, Baltic...) lose little to English
/// suffix rules, which only widen matches that rank below exact ones. Other scripts
/// (Cyrillic Kazakh, CJK) stay unstemmed.
pub fn stemmer_for(lang: Option<&str>, text: &str) -> Option<&'static str> {
    if let Some(stemmer) = lang.and_then(stem_language) {
        return Some(stemmer);
    }
    let (mut latin, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()).take(2000) {
        if c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c) {
            latin += 1;
        } else {
            other += 1;
        }
    }
    (latin > other).then_some("en")
}

/// English day and month names, lower case: dates in bylines, and words that are never part
/// of a place's or a person's name.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub fn is_cyrillic(word: &str) -> bool {
    word.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanizes_place_names_as_news_spells_them() {
        assert_eq!(romanize("Алматы"), "almaty");
        assert_eq!(romanize("Жанаозен"), "zhanaozen");
        assert_eq!(romanize("Уральск"), "uralsk");
        assert_eq!(romanize("Жалпақтал"), "zhalpaqtal");
        assert_eq!(romanize("Almaty"), "almaty");
    }

    #[test]
    fn norwegian_variants_share_a_stemmer() {
        assert_eq!(stem_language("nb"), Some("no"));
        assert_eq!(stem_language("kk"), None);
        assert_eq!(stemmer_for(Some("ru"), "Latin letters"), Some("ru"));
        assert_eq!(stemmer_for(Some("la"), "Lorem ipsum dolor"), Some("en"));
        assert_eq!(stemmer_for(None, "Remove hidden elements"), Some("en"));
        assert_eq!(stemmer_for(Some("kk"), "Жаңаөзенде наразылық"), None);
    }
}

/// SimHash of a text over 3-word shingles of its lower-cased words: near-copies of a story
/// (a syndicated wire piece with another headline and a dropped paragraph) differ in few bits.
pub fn simhash(text: &str) -> u64 {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return 0;
    }
    let mut votes = [0i32; 64];
    for shingle in words.windows(3.min(words.len())) {
        let h = xxhash_rust::xxh3::xxh3_64(shingle.join(" ").as_bytes());
        for (bit, vote) in votes.iter_mut().enumerate() {
            *vote += if h >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    votes.iter().enumerate().fold(
        0u64,
        |acc, (bit, v)| if *v > 0 { acc | 1 << bit } else { acc },
    )
}

/// How many bits two SimHashes differ in; copies of one story stay within [`NEAR_DUPLICATE_BITS`].
#[inline]
pub fn hamming(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

/// The first of `hashes` within [`NEAR_DUPLICATE_BITS`] of `hash`; a hash of 0 (no text)
/// is nobody's copy. Folding 2,000 hits compares about two million pairs, and the x86-64
/// baseline has no popcount instruction: the version for processors that have one (chosen
/// at run time) made a 6,000-match query 3 ms faster.
#[multiversion::multiversion(targets("x86_64+popcnt", "x86_64+avx2+popcnt"))]
pub fn first_near_copy(hashes: &[u64], hash: u64) -> Option<usize> {
    if hash == 0 {
        return None;
    }
    hashes
        .iter()
        .position(|&k| k != 0 && hamming(k, hash) <= NEAR_DUPLICATE_BITS)
}

/// Texts whose SimHashes differ in at most this many bits are taken for copies: syndicated
/// copies in the sample corpus differ in 10-14 bits, unrelated stories in 20 or more (random
/// pairs average 32).
pub const NEAR_DUPLICATE_BITS: u32 = 14;

#[cfg(test)]
mod simhash_tests {
    use super::*;

    #[test]
    fn the_first_near_copy_is_found_and_no_hash_matches_nothing() {
        let base = 0x0f0f_0f0f_0f0f_0f0f_u64;
        let near = base ^ 0b1011; // 3 bits apart
        let far = !base;
        assert_eq!(first_near_copy(&[far, 0, near, base], base), Some(2));
        assert_eq!(first_near_copy(&[far], base), None);
        assert_eq!(first_near_copy(&[0, base], 0), None);
        assert_eq!(first_near_copy(&[0], 0b111), None);
    }

    #[test]
    fn near_copies_are_close_and_other_stories_far() {
        let story = |topic: &str, place: &str| {
            (0..12)
                .map(|i| format!("Paragraph {i} of the {topic} story reports what officials in {place} said on day {i}, with figures that differ from the ones in paragraph {}.", i + 7))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let base = story("grain corridor", "Odesa");
        let copy =
            format!("{base} The Prairie Gazette's agriculture desk contributed to this report.");
        let other = story("river flood", "Lima")
            .replace("officials", "residents")
            .replace("figures", "accounts");
        assert!(hamming(simhash(&base), simhash(&copy)) <= NEAR_DUPLICATE_BITS);
        assert!(
            hamming(simhash(&base), simhash(&other)) > NEAR_DUPLICATE_BITS,
            "{}",
            hamming(simhash(&base), simhash(&other))
        );
    }
}
