//! The embedded gazetteer: the continents, every country, first-level region and city of
//! 5,000+ people from GeoNames, with Latin and Cyrillic aliases. The tables are built by
//! build.rs and read in place (no parsing), so opening the gazetteer costs microseconds.

use std::sync::OnceLock;

use super::normalize::normalize_name;

const RECORD: usize = 32;
static RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/places.bin"));
static STRINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/strings.bin"));
static NAMES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.fst"));
static POSTINGS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/postings.bin"));
include!(concat!(env!("OUT_DIR"), "/layout.rs"));

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// One of GeoNames' seven continents; it holds the countries on it.
    Continent,
    Country,
    Region,
    /// A second-level division: a US county, a French département, an Italian province,
    /// an English county. It lies in a region; a city points at it where the gazetteer's
    /// sources link them.
    District,
    City,
}

/// One gazetteer entry, by its index in the tables.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    pub index: u32,
    /// GeoNames id.
    pub id: u32,
    pub kind: PlaceKind,
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 code.
    pub country_code: &'static str,
    /// Index of the first-level region a city or district lies in.
    pub region: Option<u32>,
    /// Index of the district a city lies in, where the gazetteer knows it.
    pub district: Option<u32>,
    pub lat: f32,
    pub lon: f32,
    /// People living there; for a region, the sum of its cities of 5,000 or more.
    pub population: u32,
}

/// The gazetteer's tables.
pub struct Gazetteer {
    /// `None` only if the embedded table were corrupt; lookups then find nothing.
    names: Option<fst::Map<&'static [u8]>>,
    /// Country code -> index of the country's entry, asked for every candidate place.
    countries: std::collections::HashMap<&'static str, u32>,
    /// GeoNames id -> index, made on first use: every mention is looked up by id.
    ids: OnceLock<std::collections::HashMap<u32, u32>>,
}

/// The embedded gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let mut g = Gazetteer {
            names: fst::Map::new(NAMES).ok(),
            countries: Default::default(),
            ids: OnceLock::new(),
        };
        // Countries come first in the table.
        g.countries = (0..g.len() as u32)
            .map(|i| (i, g.entry(i)))
            .take_while(|(_, e)| e.kind == PlaceKind::Country)
            .map(|(i, e)| (e.country_code, i))
            .collect();
        g
    })
}

impl Gazetteer {
    pub fn len(&self) -> usize {
        RECORDS.len() / RECORD
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entry at `index` (`index < len()`).
    pub fn entry(&self, index: u32) -> Entry {
        let r = &RECORDS[index as usize * RECORD..(index as usize + 1) * RECORD];
        let u32_at = |at: usize| u32::from_le_bytes([r[at], r[at + 1], r[at + 2], r[at + 3]]);
        let f32_at = |at: usize| f32::from_le_bytes([r[at], r[at + 1], r[at + 2], r[at + 3]]);
        let name_off = u32_at(24) as usize;
        let name_len = u16::from_le_bytes([r[28], r[29]]) as usize;
        let region = u32_at(8);
        let district = u16::from_le_bytes([r[30], r[31]]);
        let kind = match r[4] {
            0 => PlaceKind::Country,
            1 => PlaceKind::Region,
            3 => PlaceKind::Continent,
            4 => PlaceKind::District,
            _ => PlaceKind::City,
        };
        Entry {
            index,
            id: u32_at(0),
            kind,
            name: std::str::from_utf8(&STRINGS[name_off..name_off + name_len]).unwrap_or("?"),
            country_code: match kind {
                PlaceKind::Continent => "",
                _ => std::str::from_utf8(&r[6..8]).unwrap_or("??"),
            },
            region: (region != u32::MAX).then_some(region),
            district: (district != 0).then(|| FIRST_DISTRICT + u32::from(district) - 1),
            lat: f32_at(12),
            lon: f32_at(16),
            population: u32_at(20),
        }
    }

    /// 1 + the continent's number for a continent or a country on it, 0 for none: byte 5
    /// of the record (build.rs).
    fn continent_number(&self, index: u32) -> u8 {
        RECORDS
            .get(index as usize * RECORD + 5)
            .copied()
            .unwrap_or(0)
    }

    /// The continent a place lies on (through its country).
    pub fn continent_of(&self, entry: Entry) -> Option<Entry> {
        let country = match entry.kind {
            PlaceKind::Continent => return Some(entry),
            PlaceKind::Country => entry,
            _ => self.country(entry.country_code)?,
        };
        let number = self.continent_number(country.index);
        (number > 0).then(|| {
            self.continents()
                .find(|c| self.continent_number(c.index) == number)
        })?
    }

    /// The continents, which come last in the table.
    pub fn continents(&self) -> impl Iterator<Item = Entry> + '_ {
        (0..self.len() as u32)
            .rev()
            .map(|i| self.entry(i))
            .take_while(|e| e.kind == PlaceKind::Continent)
    }

    /// The countries on a continent (none for another kind of place).
    pub fn countries_on(&self, continent: Entry) -> Vec<Entry> {
        if continent.kind != PlaceKind::Continent {
            return Vec::new();
        }
        let number = self.continent_number(continent.index);
        let mut on: Vec<u32> = self
            .countries
            .values()
            .copied()
            .filter(|&i| self.continent_number(i) == number)
            .collect();
        // In table order, so that the queries built from them are the same on every run.
        on.sort_unstable();
        on.into_iter().map(|i| self.entry(i)).collect()
    }

    /// Every entry a name may mean (any alias, any script): continents first, then
    /// countries, regions, districts and cities, each by population.
    pub fn lookup(&self, name: &str) -> Vec<Entry> {
        self.lookup_normalized(&normalize_name(name))
    }

    /// Like [`lookup`](Self::lookup) for a name already passed through `normalize_name`.
    pub fn lookup_normalized(&self, key: &str) -> Vec<Entry> {
        let Some(value) = self.names.as_ref().and_then(|n| n.get(key)) else {
            return Vec::new();
        };
        let (offset, count) = ((value >> 16) as usize, (value & 0xffff) as usize);
        (offset..offset + count)
            .filter_map(|i| POSTINGS.get(i * 4..i * 4 + 4))
            .map(|b| self.entry(u32::from_le_bytes([b[0], b[1], b[2], b[3]])))
            .collect()
    }

    /// Up to `max` display names of places whose name is one or two edits away from
    /// `name` ("Gerogia" -> Georgia), nearest first, then by size: what to suggest when
    /// the gazetteer has no place so called.
    pub fn similar_names(&self, name: &str, max: usize) -> Vec<&'static str> {
        use fst::{IntoStreamer, Streamer};
        let key = normalize_name(name);
        let Some(names) = &self.names else {
            return Vec::new();
        };
        let mut found: Vec<(u32, u32, &'static str)> = Vec::new();
        // Short names have too many neighbours two edits away to be useful.
        let distances: &[u32] = if key.chars().count() <= 4 {
            &[1]
        } else {
            &[1, 2]
        };
        for &distance in distances {
            let Ok(automaton) = fst::automaton::Levenshtein::new(&key, distance) else {
                continue;
            };
            let mut stream = names.search(automaton).into_stream();
            while let Some((_, value)) = stream.next() {
                let (offset, count) = ((value >> 16) as usize, (value & 0xffff) as usize);
                let entries = (offset..offset + count)
                    .filter_map(|i| POSTINGS.get(i * 4..i * 4 + 4))
                    .map(|b| self.entry(u32::from_le_bytes([b[0], b[1], b[2], b[3]])));
                for e in entries.take(3) {
                    let weight = if e.kind == PlaceKind::Country {
                        u32::MAX
                    } else {
                        e.population
                    };
                    found.push((distance, weight, e.name));
                }
            }
            if !found.is_empty() {
                break;
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        let mut names: Vec<&'static str> = Vec::new();
        for (_, _, n) in found {
            if !names.contains(&n) && normalize_name(n) != key {
                names.push(n);
            }
            if names.len() == max {
                break;
            }
        }
        names
    }

    /// Whether some entry has this normalized name.
    pub fn contains_normalized(&self, key: &str) -> bool {
        self.names.as_ref().is_some_and(|n| n.contains_key(key))
    }

    /// The entry with this GeoNames id.
    pub fn by_id(&self, id: u32) -> Option<Entry> {
        let ids = self.ids.get_or_init(|| {
            (0..self.len() as u32)
                .map(|i| (self.entry(i).id, i))
                .collect()
        });
        ids.get(&id).map(|&i| self.entry(i))
    }

    /// The country entry for an ISO code.
    pub fn country(&self, code: &str) -> Option<Entry> {
        let index = match self.countries.get(code) {
            Some(&i) => i,
            None => *self.countries.get(code.to_ascii_uppercase().as_str())?,
        };
        Some(self.entry(index))
    }

    /// Whether a city is its country's capital (the gazetteer places each country at its
    /// capital): "Washington" in the news is the capital before the state.
    pub fn is_capital(&self, entry: Entry) -> bool {
        entry.kind == PlaceKind::City
            && self
                .country(entry.country_code)
                .is_some_and(|c| c.lat == entry.lat && c.lon == entry.lon)
    }

    /// The population a place weighs with when a name is ambiguous: a city counts as much as
    /// a region of its country with the same name when it is that region's capital
    /// ("Atyrau" is the city before Atyrau Region) or the country's ("Washington" is the
    /// capital before the state); any other place counts its own. Shared by the tagger and
    /// `--place`.
    pub fn namesake_population(&self, place: &Entry, candidates: &[Entry]) -> u32 {
        self.namesake_regions(place, candidates)
            .map(|r| r.population)
            .fold(place.population, u32::max)
    }

    /// The US state so named: never the country, city or capital that shares its name
    /// (Georgia, New York, Washington).
    pub fn us_state(&self, name: &str) -> Option<Entry> {
        self.lookup(name)
            .into_iter()
            .find(|e| e.kind == PlaceKind::Region && e.country_code == "US")
    }

    /// The regions among `candidates` that a city outranks (see
    /// [`namesake_population`](Self::namesake_population)).
    pub fn namesake_regions<'c>(
        &'c self,
        place: &'c Entry,
        candidates: &'c [Entry],
    ) -> impl Iterator<Item = &'c Entry> + 'c {
        candidates.iter().filter(move |r| {
            place.kind == PlaceKind::City
                && r.kind == PlaceKind::Region
                && r.country_code == place.country_code
                && (place.region == Some(r.index) || self.is_capital(*place))
        })
    }

    /// The entry, its region and its country, outermost first.
    pub fn lineage(&self, entry: Entry) -> Vec<Entry> {
        let mut chain = vec![entry];
        if let Some(region) = entry.region {
            chain.insert(0, self.entry(region));
        }
        if entry.kind != PlaceKind::Country
            && let Some(country) = self.country(entry.country_code)
        {
            chain.insert(0, country);
        }
        chain
    }

    /// The places a search covers this entry under, outermost first: its lineage with a
    /// city's district between its region and itself, so that a search for Cook County
    /// finds the stories tagged Chicago. (The "about" layer reasons over the plain
    /// lineage: a district is not a story's setting because one of its towns is.)
    pub fn search_lineage(&self, entry: Entry) -> Vec<Entry> {
        let mut chain = self.lineage(entry);
        if let Some(district) = entry.district {
            let at = chain.len() - 1;
            chain.insert(at, self.entry(district));
        }
        chain
    }

    /// Regions, districts and cities within `km` of a point.
    pub fn within(&self, lat: f32, lon: f32, km: f64) -> Vec<Entry> {
        (0..self.len() as u32)
            .map(|i| self.entry(i))
            .filter(|e| {
                matches!(
                    e.kind,
                    PlaceKind::Region | PlaceKind::District | PlaceKind::City
                ) && distance_km(lat, lon, e.lat, e.lon) <= km
            })
            .collect()
    }
}

/// Great-circle distance in kilometres.
pub fn distance_km(lat1: f32, lon1: f32, lat2: f32, lon2: f32) -> f64 {
    let (p1, p2) = (f64::from(lat1).to_radians(), f64::from(lat2).to_radians());
    let dp = p2 - p1;
    let dl = (f64::from(lon2) - f64::from(lon1)).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continents_are_places_that_hold_their_countries() {
        let g = gazetteer();
        let africa = g.lookup("Africa")[0];
        assert_eq!(
            (africa.kind, africa.name, africa.country_code),
            (PlaceKind::Continent, "Africa", "")
        );
        // GeoNames' point, the one the geoparsing corpora mark.
        assert!((africa.lat - 7.19).abs() < 0.01 && (africa.lon - 21.09).abs() < 0.01);
        assert_eq!(g.lookup("Afrique")[0].id, africa.id);
        let on: Vec<&str> = g
            .countries_on(africa)
            .iter()
            .map(|c| c.country_code)
            .collect();
        for code in ["KE", "NG", "EG", "ZA"] {
            assert!(on.contains(&code), "{code} not in {on:?}");
        }
        assert!(!on.contains(&"FR"));
        assert_eq!(g.continents().count(), 7);
        let oral = g
            .lookup("Oral")
            .into_iter()
            .find(|e| e.country_code == "KZ")
            .unwrap();
        assert_eq!(g.continent_of(oral).map(|c| c.name), Some("Asia"));
        assert_eq!(
            g.continent_of(g.country("BR").unwrap()).map(|c| c.name),
            Some("South America")
        );
        // The table still starts with the countries, every one on a continent.
        assert!(
            g.countries
                .values()
                .all(|&i| g.continent_of(g.entry(i)).is_some())
        );
    }

    #[test]
    fn aliases_in_both_scripts_find_oral() {
        for alias in ["Oral", "Uralsk", "Orál", "Орал", "Уральск"] {
            let found = gazetteer().lookup(alias);
            assert!(
                found
                    .iter()
                    .any(|e| e.name == "Oral" && e.country_code == "KZ"),
                "{alias}: {found:?}"
            );
        }
    }

    #[test]
    fn lineage_runs_country_region_city() {
        let g = gazetteer();
        let oral = g
            .lookup("Oral")
            .into_iter()
            .find(|e| e.country_code == "KZ")
            .unwrap();
        let names: Vec<&str> = g.lineage(oral).iter().map(|e| e.name).collect();
        assert_eq!(names.first(), Some(&"Kazakhstan"));
        assert_eq!(names.last(), Some(&"Oral"));
        assert_eq!(names.len(), 3, "{names:?}");
    }

    #[test]
    fn districts_are_looked_up_by_the_names_that_say_what_they_are() {
        let g = gazetteer();
        let laurel = g.lookup("Laurel County");
        assert!(
            laurel
                .iter()
                .any(|e| e.kind == PlaceKind::District && e.country_code == "US"),
            "{laurel:?}"
        );
        // Their bare names are towns' names, or the town's own ("Paris", "Toledo").
        assert!(
            g.lookup("Laurel")
                .iter()
                .all(|e| e.kind != PlaceKind::District)
        );
        for (town, country) in [("Paris", "FR"), ("Toledo", "ES")] {
            let found = g.lookup(town);
            assert!(
                found
                    .iter()
                    .all(|e| e.kind != PlaceKind::District || e.country_code != country),
                "{found:?}"
            );
        }
        let toledo = g.lookup("Province of Toledo");
        assert_eq!(
            toledo.first().map(|e| (e.kind, e.country_code)),
            Some((PlaceKind::District, "ES"))
        );
        // A district points at its region, which points at nothing above the country.
        let county = laurel[0];
        let lineage: Vec<&str> = g.lineage(county).iter().map(|e| e.name).collect();
        assert_eq!(lineage, ["United States", "Kentucky", "Laurel County"]);
        // A search for a county covers its towns; the plain lineage leaves it out.
        let chicago = g
            .lookup("Chicago")
            .into_iter()
            .find(|e| e.kind == PlaceKind::City && e.country_code == "US")
            .unwrap();
        let covered: Vec<&str> = g.search_lineage(chicago).iter().map(|e| e.name).collect();
        assert_eq!(
            covered,
            ["United States", "Illinois", "Cook County", "Chicago"]
        );
        assert_eq!(g.lineage(chicago).len(), 3);
    }

    #[test]
    fn georgia_is_a_country_and_a_state() {
        let found = gazetteer().lookup("Georgia");
        assert_eq!(found[0].kind, PlaceKind::Country);
        assert!(
            found
                .iter()
                .any(|e| e.kind == PlaceKind::Region && e.country_code == "US")
        );
    }

    #[test]
    fn distance_between_oral_and_atyrau() {
        let g = gazetteer();
        let oral = g
            .lookup("Oral")
            .into_iter()
            .find(|e| e.country_code == "KZ")
            .unwrap();
        let atyrau = g
            .lookup("Atyrau")
            .into_iter()
            .find(|e| e.kind == PlaceKind::City)
            .unwrap();
        let d = distance_km(oral.lat, oral.lon, atyrau.lat, atyrau.lon);
        assert!((400.0..550.0).contains(&d), "{d}");
    }
}
