//! Tagging an article with the places it is about: find capitalised mentions of gazetteer
//! names in the headline and text (one lookup per capitalised word run, longest name
//! first), resolve the dateline first, then let the countries the article names decide
//! what ambiguous names mean. Names that are also common words need more evidence.

use std::collections::{HashMap, HashSet};

use super::gazetteer::{Entry, Gazetteer, PlaceKind, gazetteer};
use super::normalize::normalize_name;
use crate::article::{Article, TaggedPlace};

/// Longest place name looked up, in words ("Bosnia and Herzegovina", "Rio de Janeiro").
const MAX_NAME_WORDS: usize = 4;
/// A city outside the countries an article names is tagged only if this big.
const BIG_CITY: u32 = 200_000;

/// Words that are never a place on their own, whatever the gazetteer says.
const NEVER: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "and",
    "or",
    "in",
    "on",
    "at",
    "to",
    "by",
    "for",
    "as",
    "is",
    "it",
    "he",
    "she",
    "we",
    "they",
    "i",
    "you",
    "most",
    "best",
    "may",
    "march",
    "june",
    "july",
    "august",
    "police",
    "union",
    "university",
    "central",
    "centre",
    "center",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "capital",
    "federal",
    "federation",
    "republic",
    "state",
    "states",
    "city",
    "province",
    "region",
    "district",
    "new",
    "old",
    "great",
    "little",
    "upper",
    "lower",
    "mountain",
    "coast",
    "lake",
    "lakes",
    "river",
    "island",
    "islands",
    "sea",
    "bay",
    "gulf",
    "valley",
    "park",
    "beach",
    "hills",
    "university",
    "college",
    "school",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "news",
    "live",
    "video",
    "sport",
    "sports",
    "world",
    "europe",
    "asia",
    "africa",
    "america",
    "americas",
    "oceania",
    "international",
    "national",
    "global",
    "local",
    "home",
    "top",
    "more",
    "said",
    "says",
    "after",
    "before",
    "under",
    "over",
    "president",
    "minister",
    "mayor",
    "governor",
    "council",
    "court",
    "party",
    "army",
    "church",
    "bank",
    "media",
    "star",
    "sun",
    "moon",
    "hope",
    "deal",
    "sale",
    "young",
    "liberty",
    "independence",
    "victory",
    "freedom",
    "peace",
    "unity",
    "progress",
    "enterprise",
    "commerce",
    "industry",
    "opportunity",
    "mercedes",
    "mission",
    "marathon",
    "garden",
    "gardens",
    "tower",
    "bridge",
    "castle",
    "harbour",
    "harbor",
    "port",
    "fort",
    "mount",
    "saint",
    "san",
    "santa",
    "la",
    "le",
    "el",
    "de",
    "del",
    "da",
    "do",
    "von",
    "van",
    "al",
    "mar",
    "paz",
    "white house",
    "pacific",
    "atlantic",
    "economy",
    "page",
    "harvard",
    "evergreen",
    "salon",
    "summit",
    "north east",
    "north west",
    "south east",
    "south west",
    "midlands",
    "highlands",
    "carver",
    "fulton",
    "abay",
    "palmeiras",
    "justice",
    "clinton",
    "paul",
    "ben",
    "patrick",
    "at tall",
    "roosevelt",
];

/// Place names that are also common words or first names: tagged only from the dateline,
/// or when the article names the place's country, or after "in"/"from"/"near".
const GUARDED: &[&str] = &[
    "oral",
    "nice",
    "reading",
    "mobile",
    "split",
    "bath",
    "kent",
    "jordan",
    "chad",
    "turkey",
    "georgia",
    "victoria",
    "florence",
    "orange",
    "aurora",
    "phoenix",
    "eugene",
    "troy",
    "marion",
    "warren",
    "lincoln",
    "jackson",
    "washington",
    "austin",
    "charlotte",
    "madison",
    "salem",
    "dover",
    "derby",
    "wells",
    "sandy",
    "ely",
    "hull",
    "poole",
    "tours",
    "nancy",
    "pau",
    "bar",
    "most",
    "sofia",
    "alexandria",
    "regina",
    "cork",
    "reading",
    "bristol",
    "essex",
    "surrey",
    "bedford",
    "hamilton",
    "york",
    "chester",
    "winchester",
    "buffalo",
    "moscow",
    "paris",
    "lima",
    "santiago",
    "cordoba",
    "granada",
    "valencia",
    "mérida",
    "merida",
    "leon",
    "león",
    "salvador",
    "natal",
    "belem",
    "belém",
    "aden",
    "male",
    "malé",
    "bern",
    "man",
    "obama",
    "gary",
    "tyler",
    "kiev",
];

/// Words that follow a place's name as part of it ("West Kazakhstan Province").
const PLACE_WORDS: &[&str] = &[
    "province",
    "region",
    "oblast",
    "county",
    "city",
    "state",
    "district",
    "governorate",
    "prefecture",
    "island",
    "islands",
    "republic",
    "territory",
    "municipality",
    "area",
    "valley",
    "river",
    "oblysy",
];

/// Words before a person's name.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "president",
    "judge",
    "justice",
    "sir",
    "lord",
    "lady",
    "saint",
    "st",
    "general",
    "gen",
    "col",
    "captain",
    "capt",
    "prof",
    "professor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "father",
    "rev",
    "mayor",
    "minister",
    "secretary",
    "chancellor",
];

const PREPOSITIONS: &[&str] = &[
    "in", "from", "near", "to", "at", "outside", "across", "around", "into", "of", "в", "из", "под",
];

/// One place name found in the text.
struct Mention {
    key: String,
    preposition_before: bool,
    /// In the headline or the first paragraphs: what the story is about.
    prominent: bool,
    /// Next to a capitalised word that is not a place, or after a title ("Mr", "Senator"):
    /// likely part of a person's or an organisation's name.
    name_like: bool,
    /// Followed by a word for a region ("Маңғыстау облысында", "Mangystau oblast"): the
    /// region, not the town of the same name.
    region_word: bool,
}

/// Words (and Russian/Kazakh word beginnings) after a name that make it a region's.
const REGION_WORDS: &[&str] = &[
    "облыс",
    "област",
    "oblast",
    "oblysy",
    "region",
    "province",
    "provincia",
    "región",
    "département",
    "departamento",
];

fn is_region_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    REGION_WORDS.iter().any(|w| lower.starts_with(w))
}

/// "Мангистауской области" (a Russian adjective in a case) as the region's name in the
/// nominative, "мангистауская область", when the gazetteer knows it.
fn russian_region_adjective(g: &Gazetteer, adjective: &str, next: &str) -> Option<String> {
    if !next.to_lowercase().starts_with("област") {
        return None;
    }
    let lower = adjective.to_lowercase();
    let stem = ["ской", "ская", "скую", "ском"]
        .iter()
        .find_map(|ending| lower.strip_suffix(ending))?;
    let key = normalize_name(&format!("{stem}ская область"));
    g.contains_normalized(&key).then_some(key)
}

/// Bytes of text from the dateline (or the start) that count as the lede.
const LEDE_BYTES: usize = 900;

/// What the whole article says about one name.
#[derive(Default)]
struct NameStats {
    count: u32,
    after_preposition: bool,
    prominent: bool,
    only_name_like: bool,
    region_word: bool,
}

/// The places an article is about, dateline first, then by number of mentions: the
/// dateline's place, places in the headline or lede or named more than once, and the
/// countries and regions that contain them when the article names those too.
pub fn tag_places(article: &Article) -> Vec<TaggedPlace> {
    let g = gazetteer();
    let lede_start = article
        .dateline
        .as_ref()
        .and_then(|d| article.text.find(d.raw.as_str()))
        .unwrap_or(0);
    let mut mentions = find_mentions(g, &article.title, 0..usize::MAX);
    mentions.extend(find_mentions(
        g,
        &article.text,
        lede_start..lede_start + LEDE_BYTES,
    ));
    let dateline = article
        .dateline
        .as_ref()
        .and_then(|d| resolve_dateline(g, &d.city, d.country.as_deref()));

    let mut stats: HashMap<&str, NameStats> = HashMap::new();
    for m in &mentions {
        let e = stats.entry(m.key.as_str()).or_insert(NameStats {
            only_name_like: true,
            ..Default::default()
        });
        e.count += 1;
        e.after_preposition |= m.preposition_before;
        e.prominent |= m.prominent;
        e.only_name_like &= m.name_like;
        e.region_word |= m.region_word;
    }

    // The countries the article plainly names (and the dateline's) decide ambiguous names.
    let mut context: HashSet<&'static str> = HashSet::new();
    if let Some(d) = dateline {
        context.insert(d.country_code);
    }
    for (key, st) in &stats {
        if GUARDED.contains(key) || st.only_name_like {
            continue;
        }
        if let Some(first) = g.lookup_normalized(key).first()
            && first.kind == PlaceKind::Country
        {
            context.insert(first.country_code);
        }
    }

    // The countries the story is set in: the dateline's, and those it names prominently.
    let mut setting: HashSet<&'static str> = dateline.iter().map(|d| d.country_code).collect();
    for (key, st) in &stats {
        if GUARDED.contains(key) || st.only_name_like || !(st.prominent || st.count >= 2) {
            continue;
        }
        if let Some(first) = g.lookup_normalized(key).first()
            && first.kind == PlaceKind::Country
        {
            setting.insert(first.country_code);
        }
    }

    let mut chosen: HashMap<u32, (Entry, u32)> = HashMap::new();
    let mut mentioned_only: HashMap<u32, (Entry, u32)> = HashMap::new();
    if let Some(d) = dateline {
        chosen.insert(d.index, (d, 0));
    }
    let mut keys: Vec<&&str> = stats.keys().collect();
    keys.sort();
    for key in keys {
        let st = &stats[*key];
        let candidates = g.lookup_normalized(key);
        let Some(pick) = choose(key, &candidates, &context, dateline, st.region_word) else {
            continue;
        };
        let is_dateline = dateline.is_some_and(|d| d.index == pick.index);
        let in_context = context.contains(pick.country_code);
        let plausible = if GUARDED.contains(key) {
            is_dateline || in_context || (st.after_preposition && pick.kind != PlaceKind::City)
        } else {
            is_dateline || pick.kind != PlaceKind::City || in_context || pick.population >= BIG_CITY
        };
        if !plausible || (st.only_name_like && pick.kind != PlaceKind::Country && !is_dateline) {
            continue;
        }
        let salient = is_dateline || st.prominent || st.count >= 2;
        // Towns and regions of the countries the story is set in are tagged even when named
        // once; other places must be prominent or repeated.
        let tagged = match pick.kind {
            // A country named in passing ("talks with Iran") is an actor, not the setting.
            PlaceKind::Country => is_dateline || st.prominent || st.count >= 4,
            PlaceKind::Region | PlaceKind::City => {
                setting.contains(pick.country_code)
                    || (salient && (pick.kind == PlaceKind::Region || pick.population >= BIG_CITY))
            }
        };
        let target = if tagged || is_dateline {
            &mut chosen
        } else {
            &mut mentioned_only
        };
        target.entry(pick.index).or_insert((pick, 0)).1 += st.count;
    }
    // A country or region the article names that contains a tagged place is tagged too.
    let containers: HashSet<u32> = chosen
        .values()
        .flat_map(|(e, _)| g.lineage(*e).into_iter().map(|c| c.index))
        .collect();
    for (index, found) in mentioned_only {
        if containers.contains(&index) {
            chosen.entry(index).or_insert(found);
        }
    }

    let mut tagged: Vec<TaggedPlace> = chosen
        .into_values()
        .map(|(entry, mentions)| {
            to_tagged(
                g,
                entry,
                mentions,
                dateline.is_some_and(|d| d.index == entry.index),
            )
        })
        .collect();
    tagged.sort_by(|a, b| {
        b.dateline
            .cmp(&a.dateline)
            .then(b.mentions.cmp(&a.mentions))
            .then(a.name.cmp(&b.name))
    });
    tagged
}

/// The candidate a name most likely means, by a score that weighs how big a place is, what
/// kind it is, whether it is called exactly so, and how it relates to the dateline and to
/// the countries the article names ("Georgia" in an Atlanta story is the US state).
fn choose(
    key: &str,
    candidates: &[Entry],
    context: &HashSet<&str>,
    dateline: Option<Entry>,
    region_word: bool,
) -> Option<Entry> {
    let score = |e: &Entry| {
        let mut s = 1.5 * (f64::from(e.population) + 10.0).log10();
        if region_word && e.kind == PlaceKind::Region {
            s += 20.0;
        }
        s += match e.kind {
            PlaceKind::Country => 8.0,
            PlaceKind::Region => 3.0,
            PlaceKind::City => 0.0,
        };
        if normalize_name(e.name) == key {
            s += 2.0;
        }
        if context.contains(e.country_code) {
            s += 3.0;
        }
        if let Some(d) = dateline {
            if e.index == d.index {
                // "Tbilisi" in a Tbilisi story is the dateline's city, not the region.
                return f64::MAX;
            }
            let contains_dateline = Some(e.index) == d.region
                || (e.kind == PlaceKind::Country && e.country_code == d.country_code);
            if contains_dateline {
                s += 15.0;
            } else if e.region.is_some() && e.region == d.region {
                s += 4.0;
            }
        }
        s
    };
    candidates
        .iter()
        .copied()
        .max_by(|a, b| score(a).total_cmp(&score(b)))
}

/// The dateline's city, read with its qualifier ("Kazakhstan", "Georgia", "Texas") when
/// there is one: the qualifier names the city's country or region.
fn resolve_dateline(g: &Gazetteer, city: &str, qualifier: Option<&str>) -> Option<Entry> {
    let candidates: Vec<Entry> = g.lookup(city);
    if candidates.is_empty() {
        return None;
    }
    let cities = || candidates.iter().filter(|e| e.kind == PlaceKind::City);
    if let Some(q) = qualifier {
        let places = g.lookup(q);
        let fits = |e: &&Entry| {
            places.iter().any(|p| match p.kind {
                PlaceKind::Country => p.country_code == e.country_code,
                _ => e.region == Some(p.index) || p.index == e.index,
            })
        };
        if let Some(e) = cities().find(fits).or_else(|| candidates.iter().find(fits)) {
            return Some(*e);
        }
    }
    cities().next().or(candidates.first()).copied()
}

fn to_tagged(g: &Gazetteer, entry: Entry, mentions: u32, dateline: bool) -> TaggedPlace {
    let lineage = g.lineage(entry);
    let country = lineage
        .first()
        .filter(|e| e.kind == PlaceKind::Country)
        .map_or(entry.name, |e| e.name);
    let region = entry.region.map(|r| g.entry(r).name.to_string());
    TaggedPlace {
        id: entry.id,
        name: entry.name.to_string(),
        kind: entry.kind,
        country_code: entry.country_code.to_string(),
        country: country.to_string(),
        region,
        lat: entry.lat,
        lon: entry.lon,
        mentions,
        dateline,
        path: lineage
            .iter()
            .map(|e| format!("/{}", e.name.replace('/', "-")))
            .collect(),
        id_path: lineage.iter().map(|e| format!("/{}", e.id)).collect(),
    }
}

/// Capitalised runs of words that name a gazetteer place, longest name first.
fn find_mentions(g: &Gazetteer, text: &str, prominent: std::ops::Range<usize>) -> Vec<Mention> {
    let words = words_of(text);
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !is_capitalised(words[i].1) {
            i += 1;
            continue;
        }
        // "Западно-Казахстанской области": a hyphenated Russian region adjective.
        if let (Some(second), Some(next)) = (words.get(i + 1), words.get(i + 2)) {
            let first = &words[i];
            let compound = &text[first.0..second.0 + second.1.len()];
            let hyphenated = text[first.0 + first.1.len()..second.0] == *"-";
            if let Some(key) = hyphenated
                .then(|| russian_region_adjective(g, compound, next.1))
                .flatten()
            {
                mentions.push(Mention {
                    key,
                    preposition_before: after_preposition(&words, i),
                    prominent: prominent.contains(&first.0),
                    name_like: false,
                    region_word: true,
                });
                i += 3;
                continue;
            }
        }
        let mut matched = 0;
        for n in (1..=MAX_NAME_WORDS.min(words.len() - i)).rev() {
            let (first, last) = (&words[i], &words[i + n - 1]);
            if !is_capitalised(last.1) || !joined_by_space(text, &words[i..i + n]) {
                continue;
            }
            let mut key = normalize_name(&text[first.0..last.0 + last.1.len()]);
            let after = words.get(i + n);
            let mut region_word = after.is_some_and(|a| is_region_word(a.1));
            if n == 1 && !g.contains_normalized(&key) {
                if let Some(region) = after.and_then(|a| russian_region_adjective(g, first.1, a.1))
                {
                    key = region;
                    region_word = true;
                } else {
                    key = inflection_stem(g, &key).unwrap_or(key);
                }
            }
            if NEVER.contains(&key.as_str()) || !g.contains_normalized(&key) {
                continue;
            }
            let before = i.checked_sub(1).map(|p| &words[p]);
            let before_lower = before.map(|w| w.1.to_lowercase());
            // A capitalised neighbour that is itself a place, in any case form ("в
            // Жанаозене Мангистауской области"), does not make this a person's name.
            let is_place = |at: usize| {
                let word = words[at].1;
                let key = normalize_name(word);
                g.contains_normalized(&key)
                    || inflection_stem(g, &key).is_some()
                    || words
                        .get(at + 1)
                        .is_some_and(|next| russian_region_adjective(g, word, next.1).is_some())
            };
            let neighbour_is_name = |at: Option<usize>, gap_ok: bool| {
                at.is_some_and(|at| {
                    let w = words[at].1;
                    let lower = w.to_lowercase();
                    gap_ok
                        && is_capitalised(w)
                        && !PLACE_WORDS.contains(&lower.as_str())
                        && !is_place(at)
                })
            };
            let before_joined = before.is_some_and(|b| joined_by_space(text, &[*b, *first]));
            let after_joined = after.is_some_and(|a| joined_by_space(text, &[*last, *a]));
            let titled = before_lower.as_deref().is_some_and(|w| TITLES.contains(&w));
            mentions.push(Mention {
                key,
                preposition_before: after_preposition(&words, i),
                prominent: prominent.contains(&first.0),
                name_like: titled
                    || (neighbour_is_name(i.checked_sub(1), before_joined)
                        && !sentence_start(text, first.0))
                    || neighbour_is_name(Some(i + n).filter(|&a| a < words.len()), after_joined),
                region_word,
            });
            matched = n;
            break;
        }
        i += matched.max(1);
    }
    mentions
}

/// Case endings of Russian and Kazakh place names ("в Уральске", "Оралда"), longest first.
const CYRILLIC_ENDINGS: &[&str] = &[
    "дағы", "дегі", "тағы", "тегі", "ның", "нің", "дың", "дің", "тың", "тің", "нан", "нен", "дан",
    "ден", "тан", "тен", "ом", "ой", "ым", "ах", "ам", "ях", "да", "де", "та", "те", "ға", "ге",
    "қа", "ке", "е", "а", "у", "ы", "и", "ю", "я",
];

/// Russian case endings that replace a name's own ending ("Грузии" is "Грузия",
/// "Москве" is "Москва").
const CYRILLIC_REPLACEMENTS: &[(&str, &str)] = &[
    ("ии", "ия"),
    ("ие", "ия"),
    ("ию", "ия"),
    ("ией", "ия"),
    ("е", "а"),
    ("ы", "а"),
    ("у", "а"),
    ("ой", "а"),
    ("и", "ь"),
    ("ью", "ь"),
];

/// The gazetteer name an inflected Cyrillic word stands for, if any.
fn inflection_stem(g: &Gazetteer, key: &str) -> Option<String> {
    if !crate::analysis::is_cyrillic(key) {
        return None;
    }
    let known = |stem: &str| stem.chars().count() >= 4 && g.contains_normalized(stem);
    CYRILLIC_REPLACEMENTS
        .iter()
        .find_map(|(ending, base)| {
            let stem = format!("{}{base}", key.strip_suffix(ending)?);
            known(&stem).then_some(stem)
        })
        .or_else(|| {
            CYRILLIC_ENDINGS.iter().find_map(|ending| {
                let stem = key.strip_suffix(ending)?;
                known(stem).then(|| stem.to_string())
            })
        })
}

/// Words with their byte offsets ("Georgia's" is the word "Georgia").
/// Whether the word before `words[at]` is a preposition ("in", "from", "в").
fn after_preposition(words: &[(usize, &str)], at: usize) -> bool {
    at.checked_sub(1)
        .is_some_and(|p| PREPOSITIONS.contains(&words[p].1.to_lowercase().as_str()))
}

fn words_of(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || (start.is_some() && matches!(c, '\'' | '’'));
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, strip_possessive(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, strip_possessive(&text[s..])));
    }
    words
}

fn strip_possessive(word: &str) -> &str {
    let word = word.trim_end_matches(['\'', '’']);
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

/// Whether the text before `at` ends a sentence (or is empty), so a capital there says
/// nothing about names.
fn sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    before.is_empty()
        || before.ends_with(['.', '!', '?', '"', '“', '”', ':', '\n'])
        || text[..at].ends_with('\n')
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether consecutive words are separated only by a space or a hyphen (not by a comma
/// or a full stop, which would join "Kazakhstan. Oral" into one name).
fn joined_by_space(text: &str, words: &[(usize, &str)]) -> bool {
    words.windows(2).all(|w| {
        let gap = &text[w[0].0 + w[0].1.len()..w[1].0];
        matches!(gap, " " | "-" | "–" | "'s " | " - ")
            || (gap.len() <= 2 && gap.chars().all(|c| c == ' ' || c == '-'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Dateline;

    fn tag(
        title: &str,
        text: &str,
        dateline: Option<(&str, Option<&str>)>,
    ) -> Vec<(String, String, bool)> {
        let article = Article {
            title: title.into(),
            text: text.into(),
            dateline: dateline.map(|(city, country)| Dateline {
                city: city.into(),
                country: country.map(str::to_string),
                raw: String::new(),
            }),
            ..Article::default()
        };
        tag_places(&article)
            .into_iter()
            .map(|p| (p.name, p.country_code, p.dateline))
            .collect()
    }

    #[test]
    fn dateline_city_and_named_places() {
        let t = tag(
            "Protester vows to fight on",
            "ORAL, Kazakhstan -- He worked in Atyrau before the protests spread from Zhanaozen to Almaty.",
            Some(("Oral", Some("Kazakhstan"))),
        );
        assert_eq!(t[0], ("Oral".to_string(), "KZ".to_string(), true));
        for place in ["Atyrau", "Almaty", "Kazakhstan"] {
            assert!(t.iter().any(|p| p.0 == place), "{place} missing: {t:?}");
        }
    }

    #[test]
    fn oral_surgery_is_not_a_place() {
        let t = tag(
            "Long waits for oral surgery",
            "BOSTON -- Oral surgeons say patients wait months. Oral health suffers.",
            Some(("Boston", None)),
        );
        assert!(!t.iter().any(|p| p.0 == "Oral"), "{t:?}");
        assert!(t.iter().any(|p| p.0 == "Boston"));
    }

    #[test]
    fn georgia_follows_the_dateline() {
        let us = tag(
            "Runoff",
            "ATLANTA, Georgia — Voters across Georgia went to the polls.",
            Some(("Atlanta", Some("Georgia"))),
        );
        assert!(us.iter().any(|p| p.0 == "Georgia" && p.1 == "US"), "{us:?}");
        let ge = tag(
            "Protests",
            "TBILISI, Georgia -- Crowds filled the streets of Georgia's capital.",
            Some(("Tbilisi", Some("Georgia"))),
        );
        assert!(ge.iter().any(|p| p.0 == "Georgia" && p.1 == "GE"), "{ge:?}");
    }

    #[test]
    fn a_word_for_region_picks_the_region() {
        let t = tag(
            "В Уральске задержаны",
            "УРАЛЬСК — Протесты начались 2 января в Жанаозене Мангистауской области. \
             Власти Западно-Казахстанской области молчат.",
            Some(("Уральск", None)),
        );
        assert!(t.iter().any(|p| p.0 == "Mangystau Region"), "{t:?}");
        assert!(t.iter().any(|p| p.0 == "West Kazakhstan Region"), "{t:?}");
        let t = tag(
            "Наразылық",
            "ОРАЛ — Наразылық 2 қаңтарда Маңғыстау облысындағы Жаңаөзен қаласында басталды.",
            Some(("Орал", None)),
        );
        assert!(t.iter().any(|p| p.0 == "Mangystau Region"), "{t:?}");
        assert!(!t.iter().any(|p| p.0 == "Mangistau"), "{t:?}");
    }

    #[test]
    fn cyrillic_mentions_are_tagged() {
        let t = tag(
            "В Уральске задержаны",
            "Протестующие в Уральске и Алматы.",
            None,
        );
        assert!(t.iter().any(|p| p.0 == "Oral"), "{t:?}");
    }
}
