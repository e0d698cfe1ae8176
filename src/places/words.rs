//! Word lists the place tagger consults: words that are never places on their own, place
//! names that need more evidence, and the words around a name that say what it is ("Square"
//! after it, "Mr" or "than" before it). Lists and membership tests only.

use std::collections::HashSet;

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
    "greater",
    "downtown",
    "inner",
    "outer",
    "metropolitan",
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
    "today",
    "news",
    "live",
    "video",
    "sport",
    "sports",
    "world",
    // A continent is a place of the gazetteer (data/continents.tsv); "America" and "the
    // Americas" are not one of its names, and towns so named are not what news means.
    "america",
    "americas",
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
    "post",
    "google",
];

/// Whether a normalized name is in NEVER; asked for every capitalised word, so a set.
pub(super) fn is_never(key: &str) -> bool {
    static SET: std::sync::LazyLock<HashSet<&str>> =
        std::sync::LazyLock::new(|| NEVER.iter().copied().collect());
    SET.contains(key) || is_calendar_word(key)
}

/// Place names that are also common words or first names: tagged only from the dateline,
/// or when the article names the place's country, or after "in"/"from"/"near"; and never
/// taken for a place next to another name ("Michael Jordan").
pub(super) const GUARDED: &[&str] = &[
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

pub(super) fn is_common_word(key: &str) -> bool {
    static WORDS: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| {
        COMMON_WORDS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .collect()
    });
    WORDS.binary_search(&key).is_ok()
}

/// Words that follow a place's name as part of it ("West Kazakhstan Province").
pub(super) const PLACE_WORDS: &[&str] = &[
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
    // Words for a town before its name ("der Stadt Ahlen", "la ville de Lyon"). Not the
    // English "City" or "Town", which end club names ("Leicester City", "Swindon Town").
    "stadt",
    "hansestadt",
    "hauptstadt",
    "landeshauptstadt",
    "gemeinde",
    "landkreis",
    "kreis",
    "ville",
    "commune",
    "ciudad",
    "cidade",
    "città",
    "comune",
    "miasto",
    "gmina",
];

/// Words before a person's name.
pub(super) const TITLES: &[&str] = &[
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

pub(super) const PREPOSITIONS: &[&str] = &[
    "in", "from", "near", "to", "at", "outside", "across", "around", "into", "of", "в", "из", "под",
];

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
pub(super) const FOLLOW_A_NOUN: &[&str] = &[
    "has", "had", "have", "is", "was", "will", "would", "could", "can", "should", "must", "may",
    "might", "does", "did", "and", "or", "to", "in", "on", "at", "for", "with", "from", "since",
    "after", "before", "as", "than", "that", "which", "where", "said", "says", "isn't", "hasn't",
    "doesn't", "wasn't", "won't",
];

/// Whether a lower-case word after a name makes the name another thing's ("square",
/// "museum", "counties"; Kazakh "алаңына" by its beginning).
pub(super) fn names_another_thing(lower: &str) -> bool {
    NAMED_AFTER
        .iter()
        .any(|w| lower == *w || (crate::analysis::is_cyrillic(w) && lower.starts_with(w)))
}

/// Words before a name that make it a comparison or a neighbour, not where the story
/// happens ("fewer peaches than California", "rebels in neighboring South Sudan").
pub(super) const ASIDE_BEFORE: &[&str] = &[
    "than",
    "neighboring",
    "neighbouring",
    "bordering",
    "borders",
];

/// Words before "of" that make a place part of an institution's name.
pub(super) const INSTITUTIONS: &[&str] = &[
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
pub(super) const GOVERNMENT_VERBS: &[&str] = &[
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
pub(super) const REGION_BEFORE_OF: &[&str] = &[
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

/// "region", "oblast", or a case form of a Cyrillic one ("облысында", "области"); not
/// "regional".
pub(super) fn is_region_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    REGION_WORDS
        .iter()
        .any(|w| lower == *w || (crate::analysis::is_cyrillic(w) && lower.starts_with(w)))
}

/// Words that open sentences and are no one's given name ("Then Warsaw closed its border").
pub(super) fn is_sentence_opener(lower: &str) -> bool {
    [
        "then",
        "but",
        "when",
        "while",
        "after",
        "before",
        "as",
        "if",
        "since",
        "so",
        "yet",
        "now",
        "still",
        "also",
        "meanwhile",
        "however",
        "here",
        "there",
        "today",
        "yesterday",
        "later",
        "instead",
        "once",
        "until",
        "although",
        "though",
        "because",
        "in",
        "at",
        "on",
        "from",
        "for",
        "with",
        "and",
        "or",
        "the",
        "a",
        "an",
        "this",
        "that",
        "last",
        "next",
        "every",
        "each",
        "even",
        "only",
        "why",
        "how",
        "where",
        "what",
        "who",
    ]
    .contains(&lower)
}

/// Days and months, capitalised in English but never part of a name ("in Warsaw
/// Saturday", "May 2011").
pub(super) fn is_calendar_word(lower: &str) -> bool {
    use crate::analysis::{MONTHS, WEEKDAYS};
    WEEKDAYS.contains(&lower) || MONTHS.contains(&lower)
}

/// Prepositions and articles, capitalised in headlines and at the start of sentences ("В
/// Алматы", "From Zhanaozen To Oral"): not part of a name.
pub(super) fn is_function_word(lower: &str) -> bool {
    PREPOSITIONS.contains(&lower)
        || [
            "the", "a", "an", "and", "or", "with", "for", "by", "on", "after", "before", "between",
            "toward", "towards", "through", "via", "от", "до", "на", "по", "с", "к", "у", "за",
            "и", "для", "en", "de", "del", "la", "le", "les", "el", "los", "las", "à", "au", "aux",
            "dans", "von", "nach", "aus", "im", "am",
        ]
        .contains(&lower)
}

/// Case endings of Russian and Kazakh place names ("в Уральске", "Оралда"), longest first.
pub(super) const CYRILLIC_ENDINGS: &[&str] = &[
    "дағы", "дегі", "тағы", "тегі", "ның", "нің", "дың", "дің", "тың", "тің", "нан", "нен", "дан",
    "ден", "тан", "тен", "ом", "ой", "ым", "ах", "ам", "ях", "да", "де", "та", "те", "ға", "ге",
    "қа", "ке", "е", "а", "у", "ы", "и", "ю", "я",
];

/// Russian case endings that replace a name's own ending ("Грузии" is "Грузия",
/// "Москве" is "Москва").
pub(super) const CYRILLIC_REPLACEMENTS: &[(&str, &str)] = &[
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

/// People a place is said of ("a school bus driver from Dorchester", "researchers in the
/// Czech Republic"): where they live or come from, not where the story happens.
pub(super) const PEOPLE: &[&str] = &[
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

/// The abbreviations of US states that AP-style datelines use ("SANTA FE, N.M. (AP)"),
/// with the states' names: a fact of dateline syntax, not a guess.
pub(super) const US_STATE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("ala", "Alabama"),
    ("ariz", "Arizona"),
    ("ark", "Arkansas"),
    ("calif", "California"),
    ("cal", "California"),
    ("colo", "Colorado"),
    ("conn", "Connecticut"),
    ("del", "Delaware"),
    ("d.c", "District of Columbia"),
    ("fla", "Florida"),
    ("ga", "Georgia"),
    ("ill", "Illinois"),
    ("ind", "Indiana"),
    ("kan", "Kansas"),
    ("kans", "Kansas"),
    ("ky", "Kentucky"),
    ("la", "Louisiana"),
    ("md", "Maryland"),
    ("mass", "Massachusetts"),
    ("mich", "Michigan"),
    ("minn", "Minnesota"),
    ("miss", "Mississippi"),
    ("mo", "Missouri"),
    ("mont", "Montana"),
    ("neb", "Nebraska"),
    ("nebr", "Nebraska"),
    ("nev", "Nevada"),
    ("n.h", "New Hampshire"),
    ("n.j", "New Jersey"),
    ("n.m", "New Mexico"),
    ("n.y", "New York"),
    ("n.c", "North Carolina"),
    ("n.d", "North Dakota"),
    ("okla", "Oklahoma"),
    ("ore", "Oregon"),
    ("pa", "Pennsylvania"),
    ("r.i", "Rhode Island"),
    ("s.c", "South Carolina"),
    ("s.d", "South Dakota"),
    ("tenn", "Tennessee"),
    ("tex", "Texas"),
    ("vt", "Vermont"),
    ("va", "Virginia"),
    ("wash", "Washington"),
    ("w.va", "West Virginia"),
    ("wis", "Wisconsin"),
    ("wisc", "Wisconsin"),
    ("wyo", "Wyoming"),
];

/// The name of the US state an AP abbreviation stands for ("N.M." -> "New Mexico"); see
/// [`Gazetteer::us_state`](super::gazetteer::Gazetteer::us_state) for its entry.
pub(super) fn us_state_of_abbreviation(word: &str) -> Option<&'static str> {
    let key = word.trim().trim_end_matches('.').to_lowercase();
    US_STATE_ABBREVIATIONS
        .iter()
        .find(|(abbreviation, _)| *abbreviation == key)
        .map(|(_, state)| *state)
}
