//! What a story is about: every place its text mentions (geoparse.rs), its headline names
//! or its dateline gives is a candidate, described by where and how it is named (dateline,
//! headline, lede, how often, as an aside, as an adjective, through the places inside it),
//! and a learned model (`Task::About`, trained by `examples/eval_about` on the labelled
//! sets of tests/places) decides which of them the story is about.

use std::collections::HashMap;

use chrono::Datelike;

use super::gazetteer::{Entry, Gazetteer, PlaceKind, gazetteer};
use super::geoparse::population_bucket;
use super::learn::{Model, Task};
use super::mentions::{Passage, find_mentions, latest_year};
use super::normalize::normalize_name;
use crate::article::{Article, MentionUse, PlaceMention};

/// Bytes of text from the dateline (or the start) that count as the lede.
const LEDE_BYTES: usize = 900;

/// A candidate at least this likely is a place the story is about. In cross-validation on
/// the development sets (eval_about) 0.3 to 0.45 give the same F1 within 0.01; the issue's
/// targets weigh precision and placeless articles most, so the higher end.
pub const ABOUT_THRESHOLD: f32 = 0.4;

/// Where and how an article names one place.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Evidence {
    /// It is the dateline's place.
    pub dateline: bool,
    /// The headline names it.
    pub headline: bool,
    /// The lede (the text's first paragraphs) names it.
    pub lede: bool,
    /// How many times the headline and text name it.
    pub mentions: u32,
}

/// One place an article names, with what the model weighs.
#[derive(Debug, Clone)]
pub struct AboutCandidate {
    pub entry: Entry,
    pub evidence: Evidence,
    pub features: Vec<String>,
}

/// Counts over the mentions of one place.
#[derive(Default, Clone, Copy)]
struct Tally {
    literal: u32,
    adjective: u32,
    metonym: u32,
    /// Literal mentions that say the story happens there: not asides, not inside a
    /// person's or organisation's name, not an owner ("Kenya's Daniel Kiprono").
    setting: u32,
    aside: u32,
    in_from_near: u32,
    lede: u32,
    first: usize,
    confidence: f32,
    headline: bool,
    /// Mentions followed by a place that holds it ("Cupertino, California"), and mentions
    /// that are such a holder.
    qualified: u32,
    qualifies: u32,
}

impl Tally {
    fn all(&self) -> u32 {
        self.literal + self.adjective + self.metonym
    }
}

/// The places an article names, each with its features. `article.mentions` must hold the
/// text's resolved mentions.
pub fn candidates(article: &Article) -> Vec<AboutCandidate> {
    let g = gazetteer();
    let dateline = article
        .dateline
        .as_ref()
        .and_then(|d| super::tagger::resolve_dateline(g, &d.city, d.country.as_deref()));
    let lede_start = article
        .dateline
        .as_ref()
        .and_then(|d| article.text.find(d.raw.as_str()))
        .unwrap_or(0);
    let lede = lede_start..lede_start + LEDE_BYTES;
    // What the words around each name say (asides, parts of names), by start offset.
    let flags: HashMap<usize, super::mentions::Mention> = find_mentions(
        g,
        &Passage {
            text: &article.text,
            headline: false,
            prominent: lede.clone(),
            old_year: article
                .published
                .map(|d| d.year())
                .or_else(|| latest_year(&article.text))
                .map(|year| year - 2),
        },
    )
    .into_iter()
    .map(|m| (m.span.start, m))
    .collect();

    let mut tallies: HashMap<u32, (Entry, Tally)> = HashMap::new();
    let mut holders: Vec<u32> = Vec::new();
    let mut by_surface: HashMap<String, u32> = HashMap::new();
    // A continent is too wide to be what a story is about; `--place Africa` finds the
    // stories about the countries on it.
    let about_kind = |e: &Entry| e.kind != PlaceKind::Continent;
    for m in &article.mentions {
        let Some(entry) = g.by_id(m.id).filter(about_kind) else {
            continue;
        };
        by_surface.entry(normalize_name(&m.surface)).or_insert(m.id);
        let t = &mut tallies
            .entry(m.id)
            .or_insert((
                entry,
                Tally {
                    first: m.start,
                    ..Tally::default()
                },
            ))
            .1;
        t.confidence = t.confidence.max(m.confidence);
        t.lede += u32::from(lede.contains(&m.start));
        match m.r#use {
            MentionUse::Adjective => t.adjective += 1,
            MentionUse::Metonym => t.metonym += 1,
            MentionUse::Literal => {
                t.literal += 1;
                match flags.get(&m.start) {
                    Some(f) if f.aside => t.aside += 1,
                    Some(f) if f.name_like || f.owner => {}
                    _ => t.setting += 1,
                }
                t.in_from_near += u32::from(flags.get(&m.start).is_some_and(|f| f.in_from_near));
            }
        }
        if let Some(q) = flags.get(&m.start).and_then(|f| f.qualifier.as_deref()) {
            let lineage = g.lineage(entry);
            if let Some(holder) = g
                .lookup_normalized(q)
                .into_iter()
                .find(|h| h.id != entry.id && lineage.iter().any(|l| l.id == h.id))
            {
                t.qualified += 1;
                holders.push(holder.id);
            }
        }
    }
    for id in holders {
        if let Some((_, t)) = tallies.get_mut(&id) {
            t.qualifies += 1;
        }
    }
    // The headline's places: as the text resolves the same name, else on their own.
    for m in headline_mentions(article, dateline) {
        let id = by_surface
            .get(&normalize_name(&m.surface))
            .copied()
            .unwrap_or(m.id);
        let Some(entry) = g.by_id(id).filter(about_kind) else {
            continue;
        };
        let t = &mut tallies
            .entry(id)
            .or_insert((
                entry,
                Tally {
                    first: usize::MAX,
                    confidence: m.confidence,
                    ..Tally::default()
                },
            ))
            .1;
        t.headline = true;
    }
    if let Some(d) = dateline {
        tallies.entry(d.id).or_insert((
            d,
            Tally {
                first: lede_start,
                ..Tally::default()
            },
        ));
    }
    describe(g, article, dateline, &tallies)
}

/// Place mentions of the headline, resolved as a text would be.
fn headline_mentions(article: &Article, dateline: Option<Entry>) -> Vec<PlaceMention> {
    if article.title.is_empty() {
        return Vec::new();
    }
    super::geoparse::place_mentions(&article.title, dateline)
}

fn describe(
    g: &Gazetteer,
    article: &Article,
    dateline: Option<Entry>,
    tallies: &HashMap<u32, (Entry, Tally)>,
) -> Vec<AboutCandidate> {
    let total: u32 = tallies.values().map(|(_, t)| t.all()).sum();
    let lede_start = article
        .dateline
        .as_ref()
        .and_then(|d| article.text.find(d.raw.as_str()))
        .unwrap_or(0);
    // Each place with the places inside it that the article names.
    let mut inside: HashMap<u32, Tally> = HashMap::new();
    for (entry, t) in tallies.values() {
        for container in g.lineage(*entry) {
            if container.id == entry.id {
                continue;
            }
            let sum = inside.entry(container.id).or_default();
            sum.literal += t.all();
            sum.setting += t.setting;
            sum.headline |= t.headline;
            sum.lede += t.lede;
        }
    }
    let weight = |id: u32, t: &Tally| t.all() + inside.get(&id).map_or(0, |i| i.literal);
    let mut weights: Vec<u32> = tallies.iter().map(|(id, (_, t))| weight(*id, t)).collect();
    weights.sort_unstable_by(|a, b| b.cmp(a));
    // The country with the most mentions, its places' included.
    let top_country = tallies
        .iter()
        .filter(|(_, (e, _))| e.kind == PlaceKind::Country)
        .max_by_key(|(id, (e, t))| (weight(**id, t), std::cmp::Reverse(e.index)))
        .map(|(_, (e, _))| e.country_code);

    // What the whole article names: places per country, and countries.
    let mut per_country: HashMap<&str, usize> = HashMap::new();
    for (e, _) in tallies.values() {
        *per_country.entry(e.country_code).or_default() += 1;
    }
    let countries = tallies
        .values()
        .filter(|(e, _)| e.kind == PlaceKind::Country)
        .count();

    let mut out: Vec<AboutCandidate> = tallies
        .iter()
        .map(|(id, (entry, t))| {
            let within = inside.get(id).copied().unwrap_or_default();
            let kind = match entry.kind {
                PlaceKind::Continent => "continent",
                PlaceKind::Country => "country",
                PlaceKind::Region => "region",
                PlaceKind::District => "district",
                PlaceKind::City => "city",
            };
            let mut f = vec!["bias".to_string(), format!("kind={kind}")];
            // Plain features: crossing each with the kind doubled the weights and did
            // worse in cross-validation (332 articles).
            let mut add = |name: &str| f.push(name.to_string());
            match dateline {
                Some(d) if d.id == entry.id => add("dateline"),
                Some(d) if g.lineage(d).iter().any(|c| c.id == entry.id) => add("dateline_inside"),
                Some(d) if d.country_code == entry.country_code => add("dateline_country"),
                Some(_) => add("dateline_elsewhere"),
                None => add("no_dateline"),
            }
            if t.headline {
                add("headline");
            } else if within.headline {
                add("headline_inside");
            }
            if t.lede > 0 {
                add("lede");
            } else if within.lede > 0 {
                add("lede_inside");
            }
            if t.all() == 0 && !t.headline {
                add("dateline_only");
            }
            add(&format!("setting={}", count_bucket(t.setting as usize)));
            add(&format!("literal={}", count_bucket(t.literal as usize)));
            if t.adjective > 0 {
                add(&format!("adjective={}", count_bucket(t.adjective as usize)));
                if t.literal == 0 {
                    add("only_adjective");
                }
            }
            if t.metonym > 0 {
                add(&format!("metonym={}", count_bucket(t.metonym as usize)));
            }
            if t.literal > 0 {
                add(&format!("aside_share={}", share(t.aside, t.literal)));
            }
            if t.in_from_near > 0 {
                add("in_from_near");
            }
            if t.qualified > 0 {
                add("qualified");
            }
            if t.qualifies > 0 {
                add("qualifies");
            }
            let same_country = per_country.get(entry.country_code).copied().unwrap_or(0);
            add(&format!("country_places={}", count_bucket(same_country)));
            add(&format!("countries={}", count_bucket(countries)));
            add(&format!("inside={}", count_bucket(within.literal as usize)));
            add(&format!(
                "inside_setting={}",
                count_bucket(within.setting as usize)
            ));
            let w = weight(*id, t);
            add(&format!("share={}", share(w, total)));
            let rank = weights.iter().position(|x| *x == w).unwrap_or(0) + 1;
            add(&format!("rank={}", rank.min(4)));
            add(&format!("places={}", count_bucket(tallies.len())));
            if t.first != usize::MAX {
                // Bytes from the text's start: a lede is a lede however long the story.
                let at = t.first.saturating_sub(lede_start);
                let part = ["first=0", "first=300", "first=900", "first=3000"]
                    [usize::from(at >= 300) + usize::from(at >= 900) + usize::from(at >= 3000)];
                add(part);
            }
            add(&format!("confidence={}", (t.confidence * 10.0) as u32));
            if entry.kind == PlaceKind::City {
                add(&format!(
                    "population={}",
                    population_bucket(entry.population)
                ));
            }
            if top_country == Some(entry.country_code) {
                add("top_country");
            }
            AboutCandidate {
                entry: *entry,
                evidence: Evidence {
                    dateline: dateline.is_some_and(|d| d.id == entry.id),
                    headline: t.headline,
                    lede: t.lede > 0,
                    mentions: t.all() + u32::from(t.headline),
                },
                features: f,
            }
        })
        .collect();
    out.sort_by_key(|c| c.entry.index);
    out
}

/// A count as a feature value. The mention model's scale (`geoparse::bucket`) is wider
/// at 3-10; this one did better in cross-validation on the about labels (F1 0.673
/// against 0.659 with it), as articles name few places few times.
fn count_bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=4 => "3-4",
        5..=9 => "5-9",
        _ => "10+",
    }
}

fn share(part: u32, whole: u32) -> &'static str {
    let s = part as f32 / whole.max(1) as f32;
    match s {
        s if s >= 0.5 => "50",
        s if s >= 0.25 => "25",
        s if s >= 0.1 => "10",
        s if s > 0.0 => "1",
        _ => "0",
    }
}

/// The candidates the model takes for what the story is about, and the dateline's place,
/// dateline first, then likeliest first, each with its probability.
pub fn about(candidates: Vec<AboutCandidate>, model: &Model) -> Vec<(AboutCandidate, f32)> {
    let mut chosen: Vec<(AboutCandidate, f32)> = candidates
        .into_iter()
        .map(|c| {
            let p = model.probability(Task::About, &c.features);
            (c, p)
        })
        // A dateline says where the story is reported from: its place is always tagged.
        .filter(|(c, p)| *p >= ABOUT_THRESHOLD || c.evidence.dateline)
        .collect();
    chosen.sort_by(|a, b| {
        b.0.evidence
            .dateline
            .cmp(&a.0.evidence.dateline)
            .then(b.1.total_cmp(&a.1))
            .then(a.0.entry.index.cmp(&b.0.entry.index))
    });
    chosen
}
