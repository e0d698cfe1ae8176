//! Tagging an article with the places it is about: the mentions of place names found in
//! its headline and text (mentions.rs) are weighed per name (how often, how prominently,
//! whether only as asides), the dateline is resolved first, the countries the article names
//! decide what ambiguous names mean, and names that are also words need more evidence.

use std::collections::{HashMap, HashSet};

use chrono::Datelike;

use super::gazetteer::{Entry, Gazetteer, PlaceKind, gazetteer};
use super::mentions::{BIG_CITY, Passage, find_mentions, latest_year};
use super::normalize::normalize_name;
use super::words::{GUARDED, is_common_word};
use crate::article::{Article, TaggedPlace};

/// Bytes of text from the dateline (or the start) that count as the lede.
const LEDE_BYTES: usize = 900;

/// What the whole article says about one name.
#[derive(Default)]
struct NameStats<'m> {
    count: u32,
    /// Right after "in", "from" or "near" at least once.
    after_in_from_near: bool,
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
/// dateline's place; towns and regions of the countries the story is set in; regions, and
/// cities of 200,000 people or more, in the headline or lede or named twice; countries in
/// the headline or lede or named four times; and the countries and regions that contain
/// those when the article names them too. Only mentions that say where the story happens
/// count (see `Mention::aside`).
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
    let in_title = mentions.len();
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
    // Names of the text that the learned model does not take for places (people,
    // companies, teams, words) say nothing about where the story is.
    let recognised: HashSet<usize> = article.mentions.iter().map(|m| m.start).collect();
    let mut index = 0;
    mentions.retain(|m| {
        index += 1;
        index <= in_title || recognised.contains(&m.span.start)
    });
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
        e.after_in_from_near |= m.in_from_near;
        e.only_name_like &= m.name_like;
        e.region_word |= m.region_word;
        e.person |= m.person;
        e.named |= !m.name_like && !m.owner;
        e.capitalised_as_name |= !m.capital_says_nothing;
        e.name_like += u32::from(m.name_like);
        e.only_acronyms &= m.acronym;
        e.qualifiers.extend(m.qualifier.as_deref());
        if !(m.aside || m.name_like || m.owner) {
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
        let container = st
            .qualifies
            .iter()
            .find_map(|q| qualifying_container(g, &candidates, q))
            .filter(|_| !is_dateline);
        if let Some(region) = container {
            pick = region;
        }
        let in_context = context.contains(pick.country_code);
        let plausible = if qualified.is_some() || container.is_some() {
            true
        } else if GUARDED.contains(key) {
            // "in Nice", "from Reading": the place; "passed to Jordan" is not enough.
            is_dateline || in_context || st.after_in_from_near
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
        // once; other regions, and big cities, must be prominent or repeated.
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
    let g = gazetteer();
    let score = |e: &Entry| {
        let population = if region_word {
            e.population
        } else {
            g.namesake_population(e, candidates)
        };
        let mut s = 1.5 * (f64::from(population) + 10.0).log10();
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
        if !region_word && g.namesake_regions(e, candidates).next().is_some() {
            // Ahead of the region it takes its population from, even when only the region
            // is called exactly so ("New York" is the city before the state).
            s += 5.5;
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
pub(super) fn resolve_dateline(
    g: &Gazetteer,
    city: &str,
    qualifier: Option<&str>,
) -> Option<Entry> {
    let candidates: Vec<Entry> = g.lookup(city);
    if candidates.is_empty() {
        return None;
    }
    let cities = || candidates.iter().filter(|e| e.kind == PlaceKind::City);
    if let Some(q) = qualifier {
        // "N.M." is New Mexico; a state given by name is looked up as written.
        let places = match super::words::us_state_of_abbreviation(q) {
            Some(state) => super::resolve_place(state)
                .map(|r| vec![r.place])
                .unwrap_or_default(),
            None => g.lookup(q),
        };
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
        let article = Article {
            mentions: crate::places::article_mentions(&article),
            ..article
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
    fn us_state_abbreviations_in_datelines_pick_the_us_city() {
        let text = "SANTA FE, N.M. (AP) — A wildfire east of Santa Fe grew overnight.";
        let places = tag("Fire grows", text, Some(("Santa Fe", Some("N.M."))));
        assert!(
            places.iter().any(|p| p.0 == "Santa Fe" && p.1 == "US"),
            "{places:?}"
        );
        assert!(!places.iter().any(|p| p.1 == "AR"), "{places:?}");
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
        let text = "The win puts him in line for next summer's Olympic Games in Tokyo.";
        assert!(!tags("Berlin", text, "Tokyo"));
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
        let tagged = |a: &Article| {
            let a = Article {
                mentions: crate::places::article_mentions(a),
                ..a.clone()
            };
            tag_places(&a).iter().any(|p| p.name == "Omdurman")
        };
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
    fn ordinary_sentences_keep_their_places() {
        // Each of these once lost its place to a rule meant for something else.
        let cases = [
            (
                "Kyiv",
                "Ukraine asked for help. Then Warsaw closed its border.",
                "Warsaw",
            ),
            ("Kyiv", "Thousands marched in Warsaw Saturday.", "Warsaw"),
            (
                "Kyiv",
                "Residents in Kharkiv woke to explosions.",
                "Kharkiv",
            ),
            (
                "Atlanta",
                "Police said they will investigate the shooting in Macon.",
                "Macon",
            ),
            (
                "Astana",
                "Protesters in Almaty said police beat them.",
                "Almaty",
            ),
            (
                "Boston",
                "Thousands marched in St. Louis on Saturday.",
                "St. Louis",
            ),
            (
                "Boston",
                "Thousands gathered in Cairo's Tahrir Square.",
                "Cairo",
            ),
            ("Lyon", "Thousands protested in Nice on Sunday.", "Nice"),
        ];
        for (dateline, text, place) in cases {
            assert!(tags(dateline, text, place), "{place} in {text:?}");
        }
        let t = tag(
            "Floods Hit Lima Hard",
            "Heavy rains flooded homes in Lima on Sunday.",
            None,
        );
        assert!(t.iter().any(|p| p.0 == "Lima" && p.1 == "PE"), "{t:?}");
        let t = tag(
            "",
            "Thousands marched in Atlanta, Georgia, on Saturday.",
            None,
        );
        assert!(t.iter().any(|p| p.0 == "Georgia" && p.1 == "US"), "{t:?}");
    }

    #[test]
    fn first_names_and_surnames_are_not_places() {
        let text = "Michael Jordan scored 40 points. Pippen passed to Jordan, who scored.";
        let t = tag("", &format!("CHICAGO -- {text}"), Some(("Chicago", None)));
        assert!(t.iter().all(|p| p.0 == "Chicago"), "{t:?}");
        let text = "Chad Johnson caught two touchdowns as Cincinnati won.";
        let t = tag(
            "",
            &format!("CINCINNATI -- {text}"),
            Some(("Cincinnati", None)),
        );
        assert!(t.iter().all(|p| p.0 == "Cincinnati"), "{t:?}");
    }

    #[test]
    fn a_huge_text_is_tagged_from_its_start() {
        let text = format!("PARIS -- {}", "Paris. ".repeat(300_000));
        let t = tag("", &text, Some(("Paris", None)));
        assert!(t.iter().any(|p| p.0 == "Paris" && p.2), "{t:?}");
        assert!(t.iter().all(|p| p.0 == "Paris" || p.0 == "France"), "{t:?}");
    }

    #[test]
    fn a_state_named_alone_is_the_state() {
        let t = tag("", "Wildfires spread across California on Monday.", None);
        assert!(
            t.iter().any(|p| p.0 == "California" && p.1 == "US"),
            "{t:?}"
        );
        // "New York" is the city, unless the story is datelined elsewhere in the state.
        let text = "Thousands marched in New York on Sunday.";
        assert!(tags("Boston", text, "New York City"));
        let text = "Lawmakers in New York passed the budget.";
        assert!(tags("Albany", text, "New York"));
        assert!(!tags("Albany", text, "New York City"));
    }

    #[test]
    fn a_region_after_a_comma_says_which_city() {
        let text = "I saw a demo at the company's headquarters in Cupertino, California.";
        let t = tag("", text, None);
        assert!(t.iter().any(|p| p.0 == "Cupertino" && p.1 == "US"), "{t:?}");
        assert!(t.iter().any(|p| p.0 == "California"), "{t:?}");
    }
}
