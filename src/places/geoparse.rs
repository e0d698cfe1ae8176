//! Every place name in a text, resolved: the candidate names that mentions.rs finds are
//! described by features (the name, the words around it, what mentions.rs read there,
//! what the gazetteer holds under the name, what the rest of the article names), and the
//! learned model (learn.rs) decides which are places and which place each one is.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use super::gazetteer::{Entry, Gazetteer, PlaceKind, distance_km, gazetteer};
use super::learn::{Model, Task};
use super::mentions::{Mention, Passage, find_mentions};
use super::words::{GUARDED, is_common_word};
use crate::article::{MentionUse, PlaceMention};

/// Bytes from the start that count as the lede.
const LEDE_BYTES: usize = 900;

/// A name is a mention when the model gives it at least this probability.
pub const MENTION_THRESHOLD: f32 = 0.5;

/// A capitalised name the gazetteer knows, with what the model needs to judge it.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Byte offsets in the text.
    pub span: Range<usize>,
    /// Features for recognition.
    pub features: Vec<String>,
    /// The places the name may mean, and the features of each for resolution.
    pub entries: Vec<(Entry, Vec<String>)>,
    /// How the name is used: an adjective ("Syrian forces"), a place standing for its
    /// government ("Washington said", followed by a verb of speech or decision), or the
    /// place itself.
    pub use_: MentionUse,
}

/// The candidate place names of a text (`dateline`: the place its dateline names).
pub fn candidates(text: &str, dateline: Option<Entry>) -> Vec<Candidate> {
    let g = gazetteer();
    let mentions = find_mentions(
        g,
        &Passage {
            text,
            headline: false,
            prominent: 0..LEDE_BYTES,
            old_year: None,
        },
    );
    let context = Context::of(g, &mentions, dateline);
    let holds_dateline: Vec<u32> = dateline
        .map(|d| g.lineage(d).iter().map(|e| e.index).collect())
        .unwrap_or_default();
    let mut all = mentions.clone();
    all.extend(adjectives(text, &mentions));
    let states = state_abbreviations(text, &mut all);
    all.extend(states.iter().map(|(m, _)| m.clone()));
    all.sort_by_key(|m| m.span.start);
    let mut resolutions: HashMap<ResolutionKey, Vec<(Entry, Vec<String>)>> = HashMap::new();
    all.iter()
        .map(|m| {
            let adjective = adjective_country(&m.key);
            let state = states
                .iter()
                .find(|(s, _)| s.span == m.span)
                .map(|(_, state)| *state);
            let mut entries = match (adjective, state) {
                (Some(country), _) => vec![country],
                (None, Some(state)) => vec![state],
                (None, None) => g.lookup_normalized(&m.key),
            };
            // "TBILISI, Georgia": a name of a place that holds the dateline's place means
            // that place throughout the story (Georgia the country there, the US state
            // under "ATLANTA, Georgia").
            if entries.iter().any(|e| holds_dateline.contains(&e.index)) {
                entries.retain(|e| holds_dateline.contains(&e.index));
            }
            // "Mangystau oblast", "the region of Piura": a word for region next to the
            // name says it is the region, when the gazetteer has one of that name.
            if m.region_word && entries.iter().any(|e| e.kind == PlaceKind::Region) {
                entries.retain(|e| e.kind == PlaceKind::Region);
            }
            let mut features = recognition_features(text, m, &entries, &context);
            if adjective.is_some() {
                features.push("adjective".into());
            }
            // Which place a name means depends on the name, what qualifies it and the
            // text, not on where it stands: worked out once per name.
            let entries = resolutions
                .entry((m.key.clone(), m.qualifier.clone(), m.region_word))
                .or_insert_with(|| {
                    let weights: Vec<u32> = entries
                        .iter()
                        .map(|e| g.namesake_population(e, &entries))
                        .collect();
                    entries
                        .iter()
                        .zip(&weights)
                        .map(|(e, &w)| (*e, resolution_features(g, m, *e, w, &weights, &context)))
                        .collect()
                })
                .clone();
            Candidate {
                span: m.span.clone(),
                features,
                entries,
                use_: if adjective.is_some() {
                    MentionUse::Adjective
                } else if m.government {
                    MentionUse::Metonym
                } else {
                    MentionUse::Literal
                },
            }
        })
        .collect()
}

/// What the resolution of a name depends on besides the text: the name, the name after it
/// and a comma, and whether a word for region stands next to it.
type ResolutionKey = (String, Option<String>, bool);

/// The mentions a model finds among candidates, each resolved to its likeliest place.
/// One name means one place throughout a text ("one sense per discourse"): the place
/// whose resolution probabilities, summed over the name's recognised mentions, are
/// highest, so "Georgia" in a Tbilisi story is the country at every mention.
pub fn resolve(text: &str, candidates: &[Candidate], model: &Model) -> Vec<PlaceMention> {
    let recognised: Vec<(&Candidate, f32)> = candidates
        .iter()
        .map(|c| (c, model.probability(Task::Recognition, &c.features)))
        .filter(|(_, confidence)| *confidence >= MENTION_THRESHOLD)
        .collect();
    // Summed probability per (name, place); ties go to the gazetteer's order (countries,
    // regions, then population).
    let mut votes: HashMap<(String, u32), f32> = HashMap::new();
    for (c, _) in &recognised {
        let name = normalize_surface(&text[c.span.clone()]);
        for (e, features) in &c.entries {
            *votes.entry((name.clone(), e.index)).or_default() +=
                model.probability(Task::Resolution, features);
        }
    }
    recognised
        .into_iter()
        .filter_map(|(c, confidence)| {
            let name = normalize_surface(&text[c.span.clone()]);
            let (_, entry) = c
                .entries
                .iter()
                .map(|(e, _)| {
                    (
                        votes.get(&(name.clone(), e.index)).copied().unwrap_or(0.0),
                        e,
                    )
                })
                .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.index.cmp(&a.1.index)))?;
            let (lat, lon) = representative_point(entry);
            Some(PlaceMention {
                start: c.span.start,
                end: c.span.end,
                surface: text[c.span.clone()].to_string(),
                id: entry.id,
                name: entry.name.to_string(),
                kind: entry.kind,
                country_code: entry.country_code.to_string(),
                lat,
                lon,
                confidence: (confidence * 1000.0).round() / 1000.0,
                r#use: c.use_,
            })
        })
        .collect()
}

/// A name as written, in one case: "GEORGIA" and "Georgia" are one name.
fn normalize_surface(surface: &str) -> String {
    surface.to_lowercase()
}

/// Where a mention of a place points. The gazetteer places a country at its capital and a
/// region at its largest city (what `--near` and the capital rule need); a mention of
/// Texas means the whole state. So a country points at the middle of its territory
/// (data/countries.tsv), and a region at the middle of the box that holds its cities,
/// leaving out the outermost 2% each way (islands, exclaves).
pub fn representative_point(entry: &Entry) -> (f32, f32) {
    static POINTS: OnceLock<HashMap<u32, (f32, f32)>> = OnceLock::new();
    match entry.kind {
        // GeoNames' own point of a continent, as the geoparsing corpora mark it.
        // A district's point is already the middle of its towns (tools/build-gazetteer).
        PlaceKind::City | PlaceKind::District | PlaceKind::Continent => {
            return (entry.lat, entry.lon);
        }
        PlaceKind::Country => {
            if let Some(middle) = country_data().middles.get(entry.country_code) {
                return *middle;
            }
        }
        PlaceKind::Region => {}
    }
    let points = POINTS.get_or_init(|| {
        let g = gazetteer();
        let mut groups: HashMap<u32, (Vec<f32>, Vec<f32>)> = HashMap::new();
        for i in 0..g.len() as u32 {
            let city = g.entry(i);
            if city.kind != PlaceKind::City {
                continue;
            }
            let country = g.country(city.country_code).map(|c| c.index);
            for owner in [country, city.region].into_iter().flatten() {
                let group = groups.entry(owner).or_default();
                group.0.push(city.lat);
                group.1.push(city.lon);
            }
        }
        groups
            .into_iter()
            .map(|(owner, (mut lats, mut lons))| (owner, (mid_box(&mut lats), mid_box(&mut lons))))
            .collect()
    });
    points
        .get(&entry.index)
        .copied()
        .unwrap_or((entry.lat, entry.lon))
}

/// The middle of the range of values without the outermost 2% at each end.
fn mid_box(values: &mut [f32]) -> f32 {
    values.sort_by(f32::total_cmp);
    let at = |q: f32| values[((values.len() as f32 * q) as usize).min(values.len() - 1)];
    (at(0.02) + at(0.98)) / 2.0
}

/// Every place mention of a text, by the embedded model.
pub fn place_mentions(text: &str, dateline: Option<Entry>) -> Vec<PlaceMention> {
    resolve(text, &candidates(text, dateline), Model::embedded())
}

/// Every place mention of an article's text, its dateline resolved first.
pub fn article_mentions(article: &crate::Article) -> Vec<PlaceMention> {
    let dateline = article
        .dateline
        .as_ref()
        .and_then(|d| super::tagger::resolve_dateline(gazetteer(), &d.city, d.country.as_deref()));
    place_mentions(&article.text, dateline)
}

/// Each country's middle point and English adjectives ("Syrian"), from
/// data/countries.tsv (tools/build-countries).
static COUNTRIES: &str = include_str!("../../data/countries.tsv");

struct CountryData {
    /// Country code -> the middle of the country.
    middles: HashMap<&'static str, (f32, f32)>,
    /// Normalized adjective -> the country it names.
    adjectives: HashMap<String, Entry>,
}

fn country_data() -> &'static CountryData {
    static DATA: OnceLock<CountryData> = OnceLock::new();
    DATA.get_or_init(|| {
        let g = gazetteer();
        let mut data = CountryData {
            middles: HashMap::new(),
            adjectives: HashMap::new(),
        };
        for line in COUNTRIES.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&'static str> = line.split('\t').collect();
            let [code, lat, lon, words] = cols[..] else {
                continue;
            };
            if let (Ok(lat), Ok(lon)) = (lat.parse(), lon.parse()) {
                data.middles.insert(code, (lat, lon));
            }
            let Some(country) = g.country(code) else {
                continue;
            };
            for word in words.split('|').filter(|w| !w.is_empty()) {
                // "American": the United States, not its territories.
                let slot = data
                    .adjectives
                    .entry(super::normalize_name(word))
                    .or_insert(country);
                if country.population > slot.population {
                    *slot = country;
                }
            }
        }
        data
    })
}

/// The country an adjective names ("syrian", "palestinians").
fn adjective_country(key: &str) -> Option<Entry> {
    let table = &country_data().adjectives;
    table
        .get(key)
        .or_else(|| key.strip_suffix('s').and_then(|k| table.get(k)))
        .copied()
}

/// The AP abbreviations of US states after a place name and a comma ("Charleston,
/// W.Va.", "Lexington, Ky."), each with its state; the name before them gets the state as
/// its qualifier, which says which of its namesakes it is. A fact of US news style, not a
/// guess: the abbreviation is a mention of the state.
fn state_abbreviations(text: &str, names: &mut [Mention]) -> Vec<(Mention, Entry)> {
    let mut found = Vec::new();
    let starts: HashSet<usize> = names.iter().map(|m| m.span.start).collect();
    for name in names.iter_mut() {
        let Some(rest) = text.get(name.span.end..).and_then(|r| r.strip_prefix(", ")) else {
            continue;
        };
        let word = rest
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ')' | ';' | ':'))
            .next()
            .unwrap_or_default();
        // "Ky." ends a sentence too, with the same full stop.
        if !word.ends_with('.') || !word.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        let Some(state) =
            super::words::us_state_of_abbreviation(word).and_then(|s| gazetteer().us_state(s))
        else {
            continue;
        };
        let start = name.span.end + 2;
        if starts.contains(&start) {
            continue;
        }
        name.qualifier = Some(super::normalize_name(state.name));
        found.push((
            Mention {
                key: super::normalize_name(state.name),
                prominent: start < LEDE_BYTES,
                in_from_near: false,
                owner: false,
                name_like: false,
                region_word: false,
                government: false,
                person: false,
                aside: name.aside,
                capital_says_nothing: false,
                acronym: false,
                qualifier: None,
                span: start..start + word.len(),
            },
            state,
        ));
    }
    found
}

/// Capitalised country adjectives in a text, where no place name was found; looked for
/// in as much of the text, and as many, as place names (`names` is in text order).
fn adjectives(text: &str, names: &[Mention]) -> Vec<Mention> {
    let mut end = text.len().min(super::mentions::MAX_TAGGED_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    let mut found = Vec::new();
    let mut next_name = 0;
    for (at, word) in super::mentions::words_of(text) {
        if found.len() >= super::mentions::MAX_MENTIONS {
            break;
        }
        while names.get(next_name).is_some_and(|m| m.span.end <= at) {
            next_name += 1;
        }
        let inside_a_name = names.get(next_name).is_some_and(|m| m.span.start <= at);
        if inside_a_name || !word.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let key = super::normalize_name(word);
        if adjective_country(&key).is_none() {
            continue;
        }
        found.push(Mention {
            key,
            prominent: at < LEDE_BYTES,
            in_from_near: false,
            owner: false,
            name_like: false,
            region_word: false,
            government: false,
            person: false,
            aside: false,
            capital_says_nothing: super::mentions::sentence_start(text, at),
            acronym: false,
            qualifier: None,
            span: at..at + word.len(),
        });
    }
    found
}

/// What the whole text says, for features of one name.
struct Context {
    /// Mentions per name.
    counts: HashMap<String, usize>,
    /// Names that stand after a given name or title somewhere ("Josh Earnest").
    people: HashSet<String>,
    /// Names written after another name and a comma ("California" in "Cupertino,
    /// California").
    qualifiers: HashSet<String>,
    /// Countries the text names (a name whose first gazetteer entry is a country).
    countries: HashMap<&'static str, usize>,
    /// Indexes of the regions the text names.
    regions: HashSet<u32>,
    /// The most named country.
    main_country: Option<&'static str>,
    /// Places the text names that are the only place of their name, as anchors for
    /// distances.
    anchors: Vec<Entry>,
    /// What the names of the text most likely mean, each taken alone.
    picks: Picks,
    dateline: Option<Entry>,
}

impl Context {
    fn of(g: &Gazetteer, mentions: &[Mention], dateline: Option<Entry>) -> Context {
        let mut c = Context {
            counts: HashMap::new(),
            people: HashSet::new(),
            qualifiers: HashSet::new(),
            countries: HashMap::new(),
            regions: HashSet::new(),
            main_country: None,
            anchors: Vec::new(),
            picks: Picks::default(),
            dateline,
        };
        let mut seen = HashSet::new();
        for m in mentions {
            *c.counts.entry(m.key.clone()).or_default() += 1;
            if m.person {
                c.people.insert(m.key.clone());
            }
            if let Some(q) = &m.qualifier {
                c.qualifiers.insert(q.clone());
            }
            let entries = g.lookup_normalized(&m.key);
            if let Some(first) = entries.first()
                && first.kind == PlaceKind::Country
                && !m.name_like
            {
                *c.countries.entry(first.country_code).or_default() += 1;
            }
            for e in entries.iter().filter(|e| e.kind == PlaceKind::Region) {
                c.regions.insert(e.index);
            }
            if entries.len() == 1 && seen.insert(entries[0].index) {
                c.anchors.push(entries[0]);
            }
        }
        // Each name's likeliest place on its own (the largest, a region counting its
        // cities): what the other names of the text probably mean. Counted once per name,
        // so that the features of one name cost the same whatever the text's length; in
        // the order the text first names them, so that which cities fill `picks.cities`
        // is the same on every run.
        let mut first_named: Vec<&String> = Vec::with_capacity(c.counts.len());
        let mut seen_names = HashSet::new();
        for m in mentions {
            if seen_names.insert(&m.key) {
                first_named.push(&m.key);
            }
        }
        for key in first_named {
            let entries = g.lookup_normalized(key);
            let Some(pick) = entries.iter().max_by_key(|e| {
                (
                    g.namesake_population(e, &entries),
                    std::cmp::Reverse(e.index),
                )
            }) else {
                continue;
            };
            c.picks.names += 1;
            *c.picks.countries.entry(pick.country_code).or_default() += 1;
            if let Some(region) = pick
                .region
                .or((pick.kind == PlaceKind::Region).then_some(pick.index))
            {
                *c.picks.regions.entry(region).or_default() += 1;
            }
            if pick.kind == PlaceKind::City && c.picks.cities.len() < MAX_NEARBY {
                c.picks.cities.push(*pick);
            }
            c.picks.by_name.insert(key.clone(), *pick);
        }
        c.anchors.truncate(MAX_NEARBY);
        c.main_country = c
            .countries
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(code, _)| *code)
            .or(dateline.map(|d| d.country_code));
        c
    }
}

/// Places a name is compared with for distances, at most.
const MAX_NEARBY: usize = 32;

/// The likeliest place of each name of a text, taken alone, in aggregate.
#[derive(Default)]
struct Picks {
    names: usize,
    countries: HashMap<&'static str, usize>,
    /// Region index -> names whose place is the region or in it.
    regions: HashMap<u32, usize>,
    cities: Vec<Entry>,
    by_name: HashMap<String, Entry>,
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        _ => "11+",
    }
}

/// A population as a feature value: its order of magnitude.
pub(super) fn population_bucket(population: u32) -> u32 {
    (population.max(1) as f64).log10().floor() as u32
}

fn distance_bucket(km: f64) -> &'static str {
    match km {
        k if k < 30.0 => "30",
        k if k < 100.0 => "100",
        k if k < 300.0 => "300",
        k if k < 1000.0 => "1000",
        _ => "far",
    }
}

/// The word before and after a span, lower-cased ("^" and "$" at the ends of the text).
fn neighbours(text: &str, span: &Range<usize>) -> (String, String, bool, bool) {
    let before = text[..span.start]
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\n')
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let after = text[span.end..]
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '\n')
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let word = |w: &str, end: &str| {
        if w.is_empty() {
            end.to_string()
        } else {
            w.to_lowercase()
        }
    };
    (word(before, "^"), word(after, "$"), cap(before), cap(after))
}

fn shape(surface: &str) -> &'static str {
    let letters: Vec<char> = surface.chars().filter(|c| c.is_alphabetic()).collect();
    if surface.contains('.') && letters.iter().all(|c| c.is_uppercase()) {
        "initials"
    } else if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        "caps"
    } else if surface.contains(['-', '’', '\'']) {
        "joined"
    } else {
        "title"
    }
}

fn recognition_features(text: &str, m: &Mention, entries: &[Entry], c: &Context) -> Vec<String> {
    let surface = &text[m.span.clone()];
    let (prev, next, prev_cap, next_cap) = neighbours(text, &m.span);
    let words = surface.split_whitespace().count();
    let mut f = vec![
        "bias".to_string(),
        format!("key={}", m.key),
        format!("prev={prev}"),
        format!("next={next}"),
        format!("prev+next={prev}_{next}"),
        format!("words={}", words.min(4)),
        format!("shape={}", shape(surface)),
        format!(
            "count={}",
            bucket(c.counts.get(&m.key).copied().unwrap_or(0))
        ),
        format!("candidates={}", bucket(entries.len())),
    ];
    let flags = [
        ("prominent", m.prominent),
        ("in_from_near", m.in_from_near),
        ("owner", m.owner),
        ("name_like", m.name_like),
        ("region_word", m.region_word),
        ("government", m.government),
        ("person", m.person),
        ("aside", m.aside),
        ("sentence_start", m.capital_says_nothing),
        ("acronym", m.acronym),
        ("has_qualifier", m.qualifier.is_some()),
        ("is_qualifier", c.qualifiers.contains(&m.key)),
        ("person_elsewhere", c.people.contains(&m.key)),
        ("common_word", is_common_word(&m.key)),
        ("guarded", GUARDED.contains(&m.key.as_str())),
        ("prev_cap", prev_cap),
        ("next_cap", next_cap),
    ];
    for (name, on) in flags {
        if on {
            f.push(name.to_string());
        }
    }
    if m.capital_says_nothing && is_common_word(&m.key) {
        f.push("sentence_start&common_word".into());
    }
    if m.name_like && !m.in_from_near {
        f.push("name_like&!in_from_near".into());
    }
    let top = entries.iter().map(|e| e.population).max().unwrap_or(0);
    f.push(format!("top_population={}", population_bucket(top)));
    for kind in [
        PlaceKind::Continent,
        PlaceKind::Country,
        PlaceKind::Region,
        PlaceKind::District,
        PlaceKind::City,
    ] {
        if entries.iter().any(|e| e.kind == kind) {
            f.push(format!("has={kind:?}"));
        }
    }
    if let Some(main) = c.main_country
        && entries.iter().any(|e| e.country_code == main)
    {
        f.push("in_main_country".into());
    }
    f
}

/// `weight` is the entry's namesake population, `weights` those of every place of the name.
fn resolution_features(
    g: &Gazetteer,
    m: &Mention,
    e: Entry,
    weight: u32,
    weights: &[u32],
    c: &Context,
) -> Vec<String> {
    let rank = weights.iter().filter(|&&w| w > weight).count();
    let kind = format!("{:?}", e.kind);
    let mut f = vec![
        "bias".to_string(),
        format!("kind={kind}"),
        format!("rank={}", rank.min(3)),
        format!("kind&rank={kind}_{}", rank.min(3)),
        format!("population={}", population_bucket(e.population)),
        format!("alternatives={}", bucket(weights.len() - 1)),
    ];
    if g.is_capital(e) {
        f.push("capital".into());
    }
    if weight > e.population {
        f.push("capital_of_namesake_region".into());
    }
    let country_named = c.countries.get(e.country_code).copied().unwrap_or(0);
    if country_named > 0 && e.kind != PlaceKind::Country {
        f.push(format!("country_named={}", bucket(country_named)));
    }
    if c.main_country == Some(e.country_code) {
        f.push(format!("main_country&kind={kind}"));
    }
    if let Some(region) = e.region
        && c.regions.contains(&region)
    {
        f.push("region_named".into());
    }
    if let Some(q) = &m.qualifier {
        let fits = g.lookup_normalized(q).iter().any(|p| match p.kind {
            PlaceKind::Country => p.country_code == e.country_code,
            _ => e.region == Some(p.index),
        });
        f.push(
            if fits {
                "qualifier_fits"
            } else {
                "qualifier_misfits"
            }
            .into(),
        );
    }
    if let Some(d) = c.dateline {
        if d.index == e.index {
            f.push("is_dateline".into());
        } else {
            let km = distance_km(d.lat, d.lon, e.lat, e.lon);
            f.push(format!("dateline_km={}", distance_bucket(km)));
            if d.country_code == e.country_code {
                f.push("dateline_country".into());
            }
        }
    }
    let nearest = c
        .anchors
        .iter()
        .filter(|a| {
            a.index != e.index && !matches!(a.kind, PlaceKind::Country | PlaceKind::Continent)
        })
        .map(|a| distance_km(a.lat, a.lon, e.lat, e.lon))
        .fold(f64::INFINITY, f64::min);
    if nearest.is_finite() {
        f.push(format!("anchor_km={}", distance_bucket(nearest)));
    }
    if m.region_word {
        f.push(format!("region_word&kind={kind}"));
    }
    // Agreement with what the other names of the text most likely mean.
    let p = &c.picks;
    let own = p.by_name.get(&m.key);
    let others = p.names - usize::from(own.is_some());
    let own_in = |code: &str| usize::from(own.is_some_and(|o| o.country_code == code));
    let same_country =
        p.countries.get(e.country_code).copied().unwrap_or(0) - own_in(e.country_code);
    if let Some(share) = (same_country * 4).checked_div(others) {
        f.push(format!("others_in_country={}/4&kind={kind}", share.min(4)));
        if let Some(region) = e.region {
            let own_region = own.is_some_and(|o| o.region == Some(region) || o.index == region);
            if p.regions.get(&region).copied().unwrap_or(0) > usize::from(own_region) {
                f.push("others_in_region".into());
            }
        }
        if e.kind == PlaceKind::City {
            let nearest = p
                .cities
                .iter()
                .filter(|o| own.is_none_or(|own| own.index != o.index))
                .map(|o| distance_km(o.lat, o.lon, e.lat, e.lon))
                .fold(f64::INFINITY, f64::min);
            if nearest.is_finite() {
                f.push(format!("others_km={}", distance_bucket(nearest)));
            }
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<(String, String, String)> {
        place_mentions(text, None)
            .into_iter()
            .map(|m| (m.surface, m.name, m.country_code))
            .collect()
    }

    fn has(text: &str, surface: &str, country: &str) -> bool {
        places(text)
            .iter()
            .any(|(s, _, c)| s == surface && c == country)
    }

    fn lacks(text: &str, surface: &str) -> bool {
        !places(text).iter().any(|(s, _, _)| s == surface)
    }

    #[test]
    fn ap_state_abbreviations_after_a_town_are_mentions_of_the_state() {
        let text = "The plant in Charleston, W.Va., closed on Monday. Workers in Lexington, Ky. \
                    said they had not been told.";
        let found = place_mentions(text, None);
        let wv = found.iter().find(|m| m.surface == "W.Va.").expect("W.Va.");
        assert_eq!(&text[wv.start..wv.end], "W.Va.");
        assert_eq!(
            (wv.name.as_str(), wv.country_code.as_str()),
            ("West Virginia", "US")
        );
        assert!(
            found
                .iter()
                .any(|m| m.surface == "Ky." && m.name == "Kentucky")
        );
        // The state says which Charleston it is.
        let charleston = found
            .iter()
            .find(|m| m.surface == "Charleston")
            .expect("Charleston");
        assert_eq!(charleston.country_code, "US");
        // The state, not the city or the capital that shares its name.
        let ny = place_mentions("Schools in Albany, N.Y., closed early.", None);
        let state = ny.iter().find(|m| m.surface == "N.Y.").expect("N.Y.");
        assert_eq!(
            (state.name.as_str(), state.kind),
            ("New York", PlaceKind::Region)
        );
        // An abbreviation alone, or a word that only looks like one, is not a mention.
        assert!(lacks("The mayor, Ind. candidate Jo Smith, won.", "Ind."));
    }

    #[test]
    fn offsets_point_at_the_name_in_the_text() {
        let text = "Floods hit Peru. Heavy rains swelled the Rimac river in Lima on Sunday.";
        let found = place_mentions(text, None);
        let lima = found.iter().find(|m| m.surface == "Lima").expect("Lima");
        assert_eq!(&text[lima.start..lima.end], "Lima");
        assert_eq!(lima.country_code, "PE");
        assert!(lima.confidence >= MENTION_THRESHOLD);
    }

    #[test]
    fn places_in_ordinary_news_sentences_are_found_and_resolved() {
        assert!(has(
            "Thousands marched through the streets of Nairobi on Saturday, police in Kenya said.",
            "Nairobi",
            "KE"
        ));
        assert!(has(
            "The company will open a factory in Ohio next year, officials said.",
            "Ohio",
            "US"
        ));
    }

    #[test]
    fn a_text_naming_many_cities_is_resolved_the_same_way_every_time() {
        // More cities than the context keeps (MAX_NEARBY), and a name two states share.
        let cities = [
            "Boston",
            "Denver",
            "Phoenix",
            "Dallas",
            "Houston",
            "Austin",
            "Seattle",
            "Portland",
            "Chicago",
            "Detroit",
            "Atlanta",
            "Miami",
            "Tampa",
            "Orlando",
            "Memphis",
            "Nashville",
            "Louisville",
            "Cleveland",
            "Columbus",
            "Cincinnati",
            "Pittsburgh",
            "Baltimore",
            "Richmond",
            "Raleigh",
            "Charlotte",
            "Omaha",
            "Tulsa",
            "Wichita",
            "Albuquerque",
            "Tucson",
            "Sacramento",
            "Fresno",
            "Oakland",
            "Reno",
            "Boise",
            "Spokane",
            "Anchorage",
            "Honolulu",
        ];
        let text = format!(
            "The tour stops in {}. It ends in West Hollywood.",
            cities.join(", ")
        );
        let first = place_mentions(&text, None);
        assert!(first.iter().any(|m| m.surface == "West Hollywood"));
        for _ in 0..8 {
            assert_eq!(place_mentions(&text, None), first);
        }
    }

    #[test]
    fn counties_are_found_and_placed_in_their_state() {
        let g = gazetteer();
        let county = |text: &str, surface: &str| {
            let found = place_mentions(text, None);
            let m = found.iter().find(|m| m.surface == surface)?;
            let e = g.by_id(m.id)?;
            Some((e.kind, g.entry(e.region?).name))
        };
        let text = "Deputies in Laurel County arrested two men on Friday, the sheriff said.";
        assert_eq!(
            county(text, "Laurel County"),
            Some((PlaceKind::District, "Kentucky"))
        );
        // Madison County is in 20 states; the dateline says which.
        let text = "HUNTSVILLE, Ala. -- Madison County commissioners voted to raise the tax.";
        assert_eq!(
            county(text, "Madison County"),
            Some((PlaceKind::District, "Alabama"))
        );
        // A French département and an English county under their own names.
        assert!(has(
            "Storms cut power to 20,000 homes in Finistère and along the coast.",
            "Finistère",
            "FR"
        ));
        assert!(has(
            "Police in Kent said the lorry had been stopped near Dover.",
            "Kent",
            "GB"
        ));
    }

    #[test]
    fn adjectives_of_countries_are_mentions_of_them() {
        let found = place_mentions(
            "Syrian forces shelled the town, and Palestinian officials said talks would resume.",
            None,
        );
        let syrian = found
            .iter()
            .find(|m| m.surface == "Syrian")
            .expect("Syrian");
        assert_eq!(
            (syrian.country_code.as_str(), syrian.r#use),
            ("SY", MentionUse::Adjective)
        );
        assert!(
            found
                .iter()
                .any(|m| m.surface == "Palestinian" && m.country_code == "PS")
        );
    }

    #[test]
    fn people_are_not_places() {
        // A witness called Williams, a footballer's surname.
        assert!(lacks(
            "The witness, Sarah Williams, told the court she saw the car. Williams said she was sure.",
            "Williams"
        ));
        assert!(lacks(
            "Harry Kane scored twice as the striker led the attack; Kane now has 20 goals.",
            "Kane"
        ));
    }
}
