//! Tagging an article with the places it is about: find capitalised mentions of gazetteer
//! names in the headline and text (one lookup per capitalised word run, longest name
//! first), resolve the dateline first, then let the countries the article names decide
//! what ambiguous names mean. Names that are also common words need more evidence.

use std::collections::{HashMap, HashSet};

use chrono::Datelike;

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
    "selon",
    "post",
    "google",
];

/// Whether a normalized name is in NEVER; asked for every capitalised word, so a set.
fn is_never(key: &str) -> bool {
    static SET: std::sync::LazyLock<HashSet<&str>> =
        std::sync::LazyLock::new(|| NEVER.iter().copied().collect());
    SET.contains(key)
}

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

/// Gazetteer names that are also common words (Spanish "pero", French "selon"), from
/// tools/build-common-words; sorted.
const COMMON_WORDS: &str = include_str!("../../data/common-words.txt");

fn is_common_word(key: &str) -> bool {
    static WORDS: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| {
        COMMON_WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    });
    WORDS.binary_search(&key).is_ok()
}

/// Words that follow a place's name as part of it ("West Kazakhstan Province").
const PLACE_WORDS: &[&str] = &[
    "province",
    "region",
    "oblast",
    "county",
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
    /// Followed by a verb of speech or decision: a government if the name is a city's.
    government: bool,
    /// After a given name or a title ("Josh Earnest", "Mr Jackson"): a person, and so are
    /// the name's other mentions in the article.
    person: bool,
    /// Says nothing about where the story happens: a city standing for its government
    /// ("Moscow withdrew"), an alternative or a comparison ("go to Oxford or Stratford",
    /// "fewer peaches than California"), or a sentence about years gone by.
    aside: bool,
    /// In a headline or at the start of a sentence, where every word has a capital.
    capital_says_nothing: bool,
    /// A short word in capitals inside the text ("IMO"): an abbreviation, unless it names a
    /// country ("UAE", "US").
    acronym: bool,
    /// The name right after this one and a comma ("Cupertino, California"), which may say
    /// which of the places so called this is.
    qualifier: Option<String>,
    /// Byte offsets of the name in its text.
    span: std::ops::Range<usize>,
}

/// Words after a name that make it part of another name: a street, a building, a county or
/// a river named after the place ("Abai Square", "Bardo museum", "DeKalb County",
/// "Piura River"), or a border ("the Oklahoma border").
const NAMED_AFTER: &[&str] = &[
    "square",
    "street",
    "road",
    "avenue",
    "boulevard",
    "lane",
    "museum",
    "airport",
    "station",
    "stadium",
    "hospital",
    "university",
    "college",
    "county",
    "counties",
    "river",
    "rivers",
    "border",
    "based",
    "edition",
    "алаң",
    "көше",
    "даңғыл",
];

/// Words that can follow a country's initials used as a noun ("the U.S. has", "the U.K.
/// and France").
const FOLLOW_A_NOUN: &[&str] = &[
    "has", "had", "have", "is", "was", "will", "would", "could", "can", "should", "must", "may",
    "might", "does", "did", "and", "or", "to", "in", "on", "at", "for", "with", "from", "since",
    "after", "before", "as", "than", "that", "which", "where", "said", "says", "isn't", "hasn't",
    "doesn't", "wasn't", "won't",
];

/// Words before "of" that make a place part of an institution's name.
const INSTITUTIONS: &[&str] = &[
    "university",
    "institute",
    "college",
    "academy",
    "school",
    "museum",
    "bank",
];

/// Verbs after a city's name that make it stand for a government ("Moscow withdrew",
/// "Washington says").
const GOVERNMENT_VERBS: &[&str] = &[
    "says",
    "said",
    "withdrew",
    "wants",
    "insists",
    "insisted",
    "denies",
    "denied",
    "accused",
    "accuses",
    "claims",
    "claimed",
    "announced",
    "warned",
    "warns",
    "responded",
    "rejected",
    "rejects",
    "refused",
    "refuses",
    "demanded",
    "demands",
    "blamed",
    "blames",
    "threatened",
    "threatens",
    "argues",
    "argued",
];

/// Words before "of"/"de" that make the next name a region's ("the northern region of
/// Piura", "la región de Piura").
const REGION_BEFORE_OF: &[&str] = &[
    "region",
    "province",
    "state",
    "oblast",
    "región",
    "provincia",
    "departamento",
    "département",
    "région",
];

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
struct NameStats<'m> {
    count: u32,
    after_preposition: bool,
    only_name_like: bool,
    region_word: bool,
    person: bool,
    /// Capitalised somewhere a common word would not be: inside a sentence.
    capitalised_as_name: bool,
    /// Mentions next to a person's or an organisation's name.
    name_like: u32,
    /// Every mention is a short word in capitals.
    only_acronyms: bool,
    /// Names written right after this one and a comma ("Cupertino, California").
    qualifiers: Vec<&'m str>,
    /// Names this one is written right after ("California" qualifies "Cupertino").
    qualifies: Vec<&'m str>,
    /// Named on its own at least once, not only inside another name ("U.S. Department of
    /// Agriculture").
    named: bool,
    /// Mentions that say the story happens there (not asides, not parts of people's names),
    /// and whether one is in the headline or lede; the same for mentions followed by a
    /// government verb, which count only if the name is not a city's.
    evidence: Evidence,
    government: Evidence,
}

#[derive(Default, Clone, Copy)]
struct Evidence {
    count: u32,
    prominent: bool,
}

impl Evidence {
    fn add(&mut self, other: Evidence) {
        self.count += other.count;
        self.prominent |= other.prominent;
    }
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
    let mut mentions = find_mentions(
        g,
        &Passage {
            text: &article.title,
            headline: true,
            prominent: 0..usize::MAX,
            old_year: None,
        },
    );
    mentions.extend(find_mentions(
        g,
        &Passage {
            text: &article.text,
            headline: false,
            prominent: lede_start..lede_start + LEDE_BYTES,
            // Years two or more before publication make a sentence background.
            old_year: article
                .published
                .map(|d| d.year())
                .or_else(|| latest_year(&article.text))
                .map(|year| year - 2),
        },
    ));
    let dateline = article
        .dateline
        .as_ref()
        .and_then(|d| resolve_dateline(g, &d.city, d.country.as_deref()));

    let mut stats: HashMap<&str, NameStats<'_>> = HashMap::new();
    for m in &mentions {
        if let Some(q) = &m.qualifier {
            stats
                .entry(q.as_str())
                .or_insert(NameStats {
                    only_name_like: true,
                    only_acronyms: true,
                    ..Default::default()
                })
                .qualifies
                .push(m.key.as_str());
        }
        let e = stats.entry(m.key.as_str()).or_insert(NameStats {
            only_name_like: true,
            only_acronyms: true,
            ..Default::default()
        });
        e.count += 1;
        e.after_preposition |= m.preposition_before;
        e.only_name_like &= m.name_like;
        e.region_word |= m.region_word;
        e.person |= m.person;
        e.named |= !m.name_like;
        e.capitalised_as_name |= !m.capital_says_nothing;
        e.name_like += u32::from(m.name_like);
        e.only_acronyms &= m.acronym;
        e.qualifiers.extend(m.qualifier.as_deref());
        if !(m.aside || m.name_like) {
            let found = Evidence {
                count: 1,
                prominent: m.prominent,
            };
            if m.government {
                e.government.add(found);
            } else {
                e.evidence.add(found);
            }
        }
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
        let evidence = st.evidence;
        if GUARDED.contains(key)
            || st.only_name_like
            || !(evidence.prominent || evidence.count >= 2)
        {
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
        let Some(mut pick) = choose(key, &candidates, &context, dateline, st.region_word) else {
            continue;
        };
        let mut is_dateline = dateline.is_some_and(|d| d.index == pick.index);
        // "Cupertino, California": the city in the region or country named after it.
        let qualified = st
            .qualifiers
            .iter()
            .find_map(|q| qualified_city(g, &candidates, q));
        if let Some(city) = qualified.filter(|_| !is_dateline) {
            pick = city;
            is_dateline = dateline.is_some_and(|d| d.index == pick.index);
        }
        // ... and "California" there is the region that holds Cupertino.
        if let Some(container) = st
            .qualifies
            .iter()
            .find_map(|q| qualifying_container(g, &candidates, q))
            .filter(|_| !is_dateline)
        {
            pick = container;
        }
        let in_context = context.contains(pick.country_code);
        let plausible = if GUARDED.contains(key) {
            is_dateline || in_context || (st.after_preposition && pick.kind != PlaceKind::City)
        } else if qualified.is_some() {
            true
        } else {
            is_dateline || pick.kind != PlaceKind::City || in_context || pick.population >= BIG_CITY
        };
        // Named mostly as part of a name ("Forrest Jones said", "Michael Forrest Jones").
        let is_person = (st.only_name_like || (st.person && st.name_like * 2 >= st.count))
            && pick.kind != PlaceKind::Country;
        if st.only_acronyms && pick.kind != PlaceKind::Country && !is_dateline {
            continue;
        }
        // "Pero no hacía falta": a common word starting a sentence is no place.
        let common_word = is_common_word(key) && !st.capitalised_as_name;
        if !plausible || ((is_person || common_word) && !is_dateline) {
            continue;
        }
        let mut evidence = st.evidence;
        if pick.kind != PlaceKind::City {
            evidence.add(st.government);
        }
        let salient = is_dateline || evidence.prominent || evidence.count >= 2;
        // Towns and regions of the countries the story is set in are tagged even when named
        // once; other places must be prominent or repeated.
        let tagged = match pick.kind {
            // A country named in passing ("talks with Iran") is an actor, not the setting.
            PlaceKind::Country => is_dateline || evidence.prominent || evidence.count >= 4,
            PlaceKind::Region | PlaceKind::City => {
                ((setting.contains(pick.country_code) || qualified.is_some()) && evidence.count > 0)
                    || (salient && (pick.kind == PlaceKind::Region || pick.population >= BIG_CITY))
            }
        };
        let target = if tagged || is_dateline {
            &mut chosen
        } else if st.named {
            &mut mentioned_only
        } else {
            continue;
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

/// The city among `candidates` that lies in a place called `qualifier`, if any.
fn qualified_city(g: &Gazetteer, candidates: &[Entry], qualifier: &str) -> Option<Entry> {
    let containers = g.lookup_normalized(qualifier);
    candidates.iter().copied().find(|c| {
        c.kind == PlaceKind::City
            && containers.iter().any(|q| match q.kind {
                PlaceKind::Country => q.country_code == c.country_code,
                PlaceKind::Region => c.region == Some(q.index),
                PlaceKind::City => false,
            })
    })
}

/// The region or country among `candidates` that holds a city called `city`, if any.
fn qualifying_container(g: &Gazetteer, candidates: &[Entry], city: &str) -> Option<Entry> {
    let cities = g.lookup_normalized(city);
    candidates.iter().copied().find(|q| {
        cities.iter().any(|c| {
            c.kind == PlaceKind::City
                && match q.kind {
                    PlaceKind::Country => q.country_code == c.country_code,
                    PlaceKind::Region => c.region == Some(q.index),
                    PlaceKind::City => false,
                }
        })
    })
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

/// A text to look for place names in.
struct Passage<'t> {
    text: &'t str,
    /// A headline, whose capitals say nothing about names.
    headline: bool,
    /// Byte range of the headline or lede: what the story is about.
    prominent: std::ops::Range<usize>,
    /// A paragraph that names a year up to this one before a name makes it background.
    old_year: Option<i32>,
}

/// Capitalised runs of words that name a gazetteer place, longest name first.
fn find_mentions(g: &Gazetteer, passage: &Passage) -> Vec<Mention> {
    let Passage {
        text,
        headline,
        ref prominent,
        old_year,
    } = *passage;
    let words = words_of(text);
    let lower = |at: usize| words.get(at).map(|w| w.1.to_lowercase());
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
                    government: false,
                    person: false,
                    aside: false,
                    capital_says_nothing: headline || sentence_start(text, first.0),
                    acronym: false,
                    qualifier: None,
                    span: first.0..second.0 + second.1.len(),
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
            let after_joined = after.is_some_and(|a| joined_by_space(text, &[*last, *a]));
            let after_lower = after.map(|a| a.1.to_lowercase());
            // "Abai Square", "Fulton and DeKalb counties": another thing's name.
            let named_after = |word: &str| {
                NAMED_AFTER
                    .iter()
                    .any(|w| word == *w || (crate::analysis::is_cyrillic(w) && word.starts_with(w)))
            };
            let coordinated_plural = after_lower.as_deref() == Some("and")
                && words.get(i + n + 1).is_some_and(|w| is_capitalised(w.1))
                && lower(i + n + 2).is_some_and(|w| w.ends_with('s') && named_after(&w));
            // "U.S. retail sales": initials before a noun are an adjective, like "American".
            let initials_adjective = n == 1
                && first.1.ends_with('.')
                && after_joined
                && after.is_some_and(|a| {
                    a.1.chars().next().is_some_and(char::is_lowercase)
                        && !FOLLOW_A_NOUN.contains(&a.1)
                });
            // "the University of California", "Institute of Technology".
            let institution_of = i >= 2
                && lower(i - 1).as_deref() == Some("of")
                && is_capitalised(words[i - 2].1)
                && lower(i - 2).is_some_and(|w| INSTITUTIONS.contains(&w.as_str()));
            if (after_joined && after_lower.as_deref().is_some_and(named_after))
                || coordinated_plural
                || initials_adjective
                || institution_of
            {
                matched = n;
                break;
            }
            let mut region_word = after.is_some_and(|a| is_region_word(a.1))
                || (i >= 2
                    && matches!(lower(i - 1).as_deref(), Some("of" | "de" | "del"))
                    && lower(i - 2).is_some_and(|w| REGION_BEFORE_OF.contains(&w.as_str())));
            if n == 1 && !g.contains_normalized(&key) {
                if let Some(region) = after.and_then(|a| russian_region_adjective(g, first.1, a.1))
                {
                    key = region;
                    region_word = true;
                } else {
                    key = inflection_stem(g, &key).unwrap_or(key);
                }
            }
            if is_never(&key) || !g.contains_normalized(&key) {
                continue;
            }
            let before = i.checked_sub(1).map(|p| &words[p]);
            let before_lower = before.map(|w| w.1.to_lowercase());
            // A capitalised neighbour that is itself a place, in any case form ("в
            // Жанаозене Мангистауской области"), does not make this a person's name.
            // A neighbour that is a well-known place ("Almaty Kazakhstan"), in any case form
            // ("в Жанаозене Мангистауской области"); every surname is a small town somewhere
            // ("Forrest Jones"), so small towns do not count.
            let is_place = |at: usize| {
                let word = words[at].1;
                let key = normalize_name(word);
                let known = || {
                    g.lookup_normalized(&key)
                        .iter()
                        .any(|e| e.kind != PlaceKind::City || e.population >= BIG_CITY)
                };
                (!is_never(&key) && known())
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
                        && !is_function_word(&lower)
                        && !is_place(at)
                })
            };
            // An owner before a name ("DoctorX's Barcelona lab", "Putin's Russia") does not
            // make it part of a name.
            let before_joined = before.is_some_and(|b| {
                joined_by_space(text, &[*b, *first])
                    && !text[b.0 + b.1.len()..first.0].contains(['\'', '’'])
            });
            let titled = before_lower.as_deref().is_some_and(|w| TITLES.contains(&w));
            let name_before = neighbour_is_name(i.checked_sub(1), before_joined)
                && !sentence_start(text, first.0);
            // A given name before ("Josh Earnest"), not a word like "Central" or "Greater".
            let given_name = name_before
                && before_lower
                    .as_deref()
                    .is_some_and(|w| !is_never(w) && !is_compass(w));
            let span = first.0..last.0 + last.1.len();
            let sentence = own_sentence(text, &span);
            let clause = clause_before(sentence, text, &span);
            mentions.push(Mention {
                key,
                preposition_before: after_preposition(&words, i),
                prominent: prominent.contains(&first.0),
                name_like: titled
                    || name_before
                    || neighbour_is_name(Some(i + n).filter(|&a| a < words.len()), after_joined)
                    // "Globe and Mail", "Washington and Lee": one name of two.
                    || (after_joined
                        && matches!(after_lower.as_deref(), Some("and" | "&"))
                        && neighbour_is_name(Some(i + n + 1).filter(|&a| a < words.len()), true)),
                region_word,
                government: after_joined
                    && after_lower
                        .as_deref()
                        .is_some_and(|w| GOVERNMENT_VERBS.contains(&w)),
                person: titled || given_name,
                capital_says_nothing: headline || sentence_start(text, first.0),
                acronym: !headline && n == 1 && is_acronym(first.1),
                qualifier: None,
                // "fewer peaches than California", "rebels in neighboring South Sudan".
                aside: before_lower.as_deref().is_some_and(|w| {
                    matches!(
                        w,
                        "than" | "neighboring" | "neighbouring" | "bordering" | "borders"
                    )
                }) || of_a_person(&words, i)
                    || is_credit(sentence)
                    || lives_or_works_there(clause)
                    || is_plan(clause)
                    || old_year
                        .is_some_and(|year| names_year_up_to(sentence_of(text, &span), year)),
                span,
            });
            matched = n;
            break;
        }
        i += matched.max(1);
    }
    for k in 1..mentions.len() {
        let gap = &text[mentions[k - 1].span.end..mentions[k].span.start];
        // "Oxford or Stratford": alternatives, not where things happen.
        if matches!(gap, " or " | ", or ") {
            mentions[k - 1].aside = true;
            mentions[k].aside = true;
        }
        // A list shares its role: "from people in China, Australia and the United States".
        if mentions[k - 1].aside && matches!(gap, ", " | " and " | ", and " | " and the ") {
            mentions[k].aside = true;
        }
        if gap == ", " {
            mentions[k - 1].qualifier = Some(mentions[k].key.clone());
        }
    }
    mentions
}

/// Prepositions and articles, capitalised in headlines and at the start of sentences ("В
/// Алматы", "From Zhanaozen To Oral"): not part of a name.
fn is_function_word(lower: &str) -> bool {
    PREPOSITIONS.contains(&lower)
        || [
            "the", "a", "an", "and", "or", "with", "for", "by", "on", "after", "before", "between",
            "toward", "towards", "through", "via", "от", "до", "на", "по", "с", "к", "у", "за",
            "и", "для", "en", "de", "del", "la", "le", "les", "el", "los", "las", "à", "au", "aux",
            "dans", "von", "nach", "aus", "im", "am",
        ]
        .contains(&lower)
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=5).contains(&letters) && !word.contains('.') && word.chars().all(|c| !c.is_lowercase())
}

fn is_compass(word: &str) -> bool {
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "greater",
        "downtown",
        "inner",
        "outer",
        "metropolitan",
    ]
    .contains(&word)
}

/// The most of a paragraph looked at before a name.
const PARAGRAPH_BYTES: usize = 1000;

/// The paragraph up to the end of the span's sentence: a story told in the past goes on
/// after the sentence that gives its year ("In 1998, ... In retaliation, Mr. Clinton
/// ordered a strike in Khartoum.").
fn sentence_of<'t>(text: &'t str, span: &std::ops::Range<usize>) -> &'t str {
    let (low, _) = around(text, span);
    let start = text[low..span.start]
        .rfind('\n')
        .map_or(low, |i| low + i + 1);
    &text[start..sentence_end(text, span)]
}

/// The sentence a span of text is in.
fn own_sentence<'t>(text: &'t str, span: &std::ops::Range<usize>) -> &'t str {
    let (low, _) = around(text, span);
    let start = text[low..span.start]
        .match_indices(['.', '!', '?', '\n'])
        .map(|(i, _)| low + i)
        .rfind(|i| ends_sentence(text, *i))
        .map_or(low, |i| i + 1);
    &text[start..sentence_end(text, span)]
}

fn sentence_end(text: &str, span: &std::ops::Range<usize>) -> usize {
    let (_, high) = around(text, span);
    text[span.end..high]
        .match_indices(['.', '!', '?', '\n'])
        .map(|(i, _)| span.end + i)
        .find(|i| ends_sentence(text, *i))
        .unwrap_or(high)
}

/// Byte bounds at most PARAGRAPH_BYTES either side of a span, so that a page whose text has
/// no stops or breaks (a table, a binary page) costs no more per name than any other.
fn around(text: &str, span: &std::ops::Range<usize>) -> (usize, usize) {
    let mut low = span.start.saturating_sub(PARAGRAPH_BYTES);
    while !text.is_char_boundary(low) {
        low += 1;
    }
    let mut high = (span.end + PARAGRAPH_BYTES).min(text.len());
    while !text.is_char_boundary(high) {
        high -= 1;
    }
    (low, high)
}

/// An undated article is no older than the latest year it names (up to this one).
fn latest_year(text: &str) -> Option<i32> {
    let this_year = chrono::Utc::now().year();
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .filter(|y| (1800..=this_year).contains(y))
        .max()
}

/// The part of the span's sentence from the last comma (or the like) up to the span.
fn clause_before<'t>(sentence: &str, text: &'t str, span: &std::ops::Range<usize>) -> &'t str {
    let sentence_start = sentence.as_ptr() as usize - text.as_ptr() as usize;
    let before = &text[sentence_start.min(span.start)..span.start];
    before
        .rsplit([',', ';', ':', '—', '('])
        .next()
        .unwrap_or(before)
}

/// Whether a clause says where a person lives or works ("said Graham Pyke, who runs a tour
/// company in Bristol"), not what they did there ("people who gathered in Almaty").
fn lives_or_works_there(clause: &str) -> bool {
    let mut words = clause.split(|c: char| !c.is_alphanumeric());
    words.any(|w| matches!(w, "who" | "whose"))
        && words.any(|w| {
            matches!(
                w,
                "lives"
                    | "lived"
                    | "works"
                    | "worked"
                    | "runs"
                    | "ran"
                    | "owns"
                    | "owned"
                    | "grew"
                    | "born"
                    | "teaches"
                    | "taught"
                    | "studies"
                    | "studied"
            )
        })
}

/// Whether a clause tells a plan or a hope ("is expected to meet relatives in Nairobi",
/// "will go to Oxford"), not something that happened.
fn is_plan(clause: &str) -> bool {
    let words: Vec<&str> = clause.split(|c: char| !c.is_alphanumeric()).collect();
    words
        .iter()
        .any(|w| matches!(*w, "will" | "would" | "plans" | "planned" | "hopes"))
        || words
            .windows(2)
            .any(|w| matches!(w, ["expected" | "due" | "going", "to"]))
}

/// A credit line ("Marcia Dunn in Cape Canaveral, Florida, contributed to this report"):
/// where a colleague worked, not where the story happens.
fn is_credit(sentence: &str) -> bool {
    sentence.contains("contributed to this report") || sentence.contains("contributed reporting")
}

/// Whether the stop or line break at `at` ends a sentence: not the one after a title or
/// an initial ("Mr. Clinton", "U.S. officials").
fn ends_sentence(text: &str, at: usize) -> bool {
    if text.as_bytes()[at] != b'.' {
        return true;
    }
    let word = text[..at]
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or(word);
    !(TITLES.contains(&last.to_lowercase().as_str()) || last.chars().count() == 1)
}

/// Whether a passage names a year (1990, or a decade such as "the 1990s") no later than
/// `year`.
fn names_year_up_to(passage: &str, year: i32) -> bool {
    passage
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter_map(|word| {
            let digits = word.strip_suffix('s').unwrap_or(word);
            let decade = digits.len() < word.len();
            if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let y: i32 = digits.parse().ok()?;
            // A decade ends nine years after it starts.
            Some(if decade { y + 9 } else { y })
        })
        .any(|y| (1800..=year).contains(&y))
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
/// People a place is said of ("a school bus driver from Dorchester", "researchers in the
/// Czech Republic"): where they live or come from, not where the story happens.
const PEOPLE: &[&str] = &[
    "people",
    "resident",
    "residents",
    "native",
    "natives",
    "driver",
    "student",
    "students",
    "man",
    "woman",
    "men",
    "women",
    "family",
    "families",
    "farmer",
    "farmers",
    "worker",
    "workers",
    "researcher",
    "researchers",
    "scientist",
    "scientists",
    "visitor",
    "visitors",
    "tourist",
    "tourists",
    "fan",
    "fans",
    "patient",
    "patients",
    "expert",
    "experts",
];

/// Whether `words[at]` comes after a word for people and "from" or "in" ("the").
fn of_a_person(words: &[(usize, &str)], at: usize) -> bool {
    let lower = |i: usize| words[i].1.to_lowercase();
    let mut i = at;
    if i >= 1 && lower(i - 1) == "the" {
        i -= 1;
    }
    i >= 2
        && matches!(lower(i - 1).as_str(), "from" | "in")
        && PEOPLE.contains(&lower(i - 2).as_str())
}

/// Whether the word before `words[at]` is a preposition ("in", "from", "в").
fn after_preposition(words: &[(usize, &str)], at: usize) -> bool {
    at.checked_sub(1)
        .is_some_and(|p| PREPOSITIONS.contains(&words[p].1.to_lowercase().as_str()))
}

fn words_of(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric()
            || (start.is_some() && matches!(c, '\'' | '’'))
            || (c == '.' && start.is_some_and(|s| is_initials(&text[s..=i])));
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

/// Whether a word so far is capital letters each followed by a full stop ("U.S.", "U.K."),
/// so that "U.S." is one word.
fn is_initials(word: &str) -> bool {
    let mut chars = word.chars();
    let mut pairs = 0;
    while let Some(letter) = chars.next() {
        match chars.next() {
            Some('.') if letter.is_uppercase() => pairs += 1,
            None if letter.is_uppercase() => return pairs > 0 || word.len() == letter.len_utf8(),
            _ => return false,
        }
    }
    pairs > 0
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
        // After a dateline: "LIMA -- Pero ...", "MOSCOW — The ...".
        || (before.ends_with(['-', '—', '–']) && text[..at].ends_with(' '))
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether consecutive words are separated only by a space or a hyphen (not by a comma
/// or a full stop, which would join "Kazakhstan. Oral" into one name).
fn joined_by_space(text: &str, words: &[(usize, &str)]) -> bool {
    words.windows(2).all(|w| {
        let gap = &text[w[0].0 + w[0].1.len()..w[1].0];
        matches!(gap, " " | "-" | "–" | "'s " | "’s " | " - ")
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

    /// Whether `place` is tagged in a story datelined `dateline` whose text is `text`.
    fn tags(dateline: &str, text: &str, place: &str) -> bool {
        tag(
            "",
            &format!("{} -- {text}", dateline.to_uppercase()),
            Some((dateline, None)),
        )
        .iter()
        .any(|p| p.0 == place)
    }

    #[test]
    fn a_city_standing_for_its_government_is_not_tagged() {
        assert!(!tags(
            "Kyiv",
            "The corridor opened after Warsaw withdrew from the deal.",
            "Warsaw"
        ));
        assert!(tags(
            "Kyiv",
            "Thousands marched in Warsaw on Sunday.",
            "Warsaw"
        ));
    }

    #[test]
    fn alternatives_comparisons_and_neighbours_are_not_tagged() {
        let text = "Tour operators say visitors will simply go to Oxford or Stratford instead.";
        assert!(!tags("Bath", text, "Oxford"));
        let text = "Georgia produces fewer peaches than California.";
        assert!(!tags("Atlanta", text, "California"));
        let text = "Sudan will stop supporting rebels in neighboring South Sudan.";
        assert!(!tags("Khartoum", text, "South Sudan"));
    }

    #[test]
    fn where_a_person_lives_works_or_comes_from_is_not_tagged() {
        let text = "\"It hurts,\" said Graham Pyke, who runs a tour company in Bristol.";
        assert!(!tags("Bath", text, "Bristol"));
        let text = "\"I waited three months,\" said Carver, a school bus driver from Dorchester.";
        assert!(!tags("Boston", text, "Dorchester"));
        // What people did there is the story.
        let text = "A handful of young people who gathered in Bristol were detained.";
        assert!(tags("Bath", text, "Bristol"));
    }

    #[test]
    fn plans_and_credit_lines_are_not_tagged() {
        let text = "The president is expected to meet relatives in Nairobi.";
        assert!(!tags("Washington", text, "Nairobi"));
        let text = "Marcia Dunn in Cape Canaveral, Florida, contributed to this report.";
        assert!(!tags("Moscow", text, "Cape Canaveral"));
    }

    #[test]
    fn places_in_a_paragraph_about_years_gone_by_are_not_tagged() {
        let text = "KHARTOUM -- Sanctions were lifted on Friday.\n\nIn 1998, embassies were \
                    bombed. In retaliation, Mr. Clinton ordered a strike on a factory in Omdurman.";
        let mut article = Article {
            text: text.into(),
            dateline: Some(Dateline {
                city: "Khartoum".into(),
                country: None,
                raw: "KHARTOUM".into(),
            }),
            published: chrono::DateTime::parse_from_rfc3339("2017-01-13T00:00:00Z").ok(),
            ..Article::default()
        };
        let tagged = |a: &Article| tag_places(a).iter().any(|p| p.name == "Omdurman");
        assert!(!tagged(&article));
        article.text = article.text.replace("In 1998", "On Monday");
        assert!(tagged(&article));
    }

    #[test]
    fn names_inside_other_names_are_not_tagged() {
        assert!(!tags("Oral", "Flights left Almaty Airport late.", "Almaty"));
        assert!(!tags("Орал", "Жұрт Абай алаңына жиналды.", "Abay"));
        let text = "Precincts in Fulton and DeKalb counties reported.";
        assert!(!tags("Atlanta", text, "DeKalb"));
        let text = "White House press secretary Josh Earnest told reporters. Earnest added more.";
        assert!(!tags("Washington", text, "Hueytown"));
        // A common word starting a sentence ("Pero" is Spanish "but" and a town in Italy).
        assert!(!tags("Lima", "Pero Italia no respondió.", "Pero"));
    }

    #[test]
    fn institutions_abbreviations_and_people_are_not_places() {
        let text = "Researchers at the University of California found the flaw.";
        assert!(!tags("Boston", text, "California"));
        // "IMO" is "in my opinion" here, and Imo State in Nigeria.
        assert!(!tags(
            "Lagos",
            "IMO, this was never about speech.",
            "Imo State"
        ));
        let text = "Newsrooms used to be covered in copies of the Globe and Mail.";
        assert!(!tags("Phoenix", text, "Globe"));
        // Every surname is a small town somewhere: "Jones" does not make "Forrest" a place.
        let text = "Forrest Jones runs a hotel chain. Forrest Jones said guests worry.";
        assert!(!tags("Boston", text, "Forrest City"));
        // An owner before the name is no given name.
        let text = "Welcome to DoctorX's Barcelona lab, where drugs are tested.";
        assert!(tags("Madrid", text, "Barcelona"));
    }

    #[test]
    fn a_list_shares_its_role() {
        let text = "The lab gets samples from people in China, Australia and the United States.";
        assert!(!tags("Barcelona", text, "Australia"));
        assert!(!tags("Barcelona", text, "United States"));
    }

    #[test]
    fn a_region_named_after_its_city_is_the_region() {
        let t = tag(
            "",
            "LIMA -- The northern region of Piura has been hit hardest.",
            Some(("Lima", None)),
        );
        assert!(t.iter().any(|p| p.0 == "Piura Region"), "{t:?}");
        assert!(!t.iter().any(|p| p.0 == "Piura"), "{t:?}");
    }

    #[test]
    fn initials_name_a_country_only_as_a_noun() {
        assert!(tags(
            "Ottawa",
            "Trade with the U.S. has grown.",
            "United States"
        ));
        assert!(!tags(
            "Ottawa",
            "Sales in U.S. stores slowed.",
            "United States"
        ));
    }

    #[test]
    fn a_region_after_a_comma_says_which_city() {
        let text = "I saw a demo at the company's headquarters in Cupertino, California.";
        let t = tag("", text, None);
        assert!(t.iter().any(|p| p.0 == "Cupertino" && p.1 == "US"), "{t:?}");
        assert!(t.iter().any(|p| p.0 == "California"), "{t:?}");
    }
}
