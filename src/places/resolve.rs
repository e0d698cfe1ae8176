//! Reading a place name as a user types it (`Oral`, `Уральск`, `Georgia, US`,
//! `Paris, Texas`, `geonames:614540`) into one gazetteer entry, keeping the others it could
//! mean so the user can be told how to pick.

use super::gazetteer::{Entry, PlaceKind, gazetteer};

/// A place name read against the gazetteer.
#[derive(Debug, Clone)]
pub struct Resolution {
    /// The entry used.
    pub place: Entry,
    /// Other notable entries the name can mean.
    pub others: Vec<Entry>,
}

/// Resolves a user's place name; `None` when the gazetteer has no such place.
pub fn resolve_place(input: &str) -> Option<Resolution> {
    let g = gazetteer();
    let input = input.trim();
    if let Some(id) = input
        .strip_prefix("geonames:")
        .and_then(|n| n.trim().parse().ok())
    {
        return g.by_id(id).map(|place| Resolution {
            place,
            others: Vec::new(),
        });
    }
    let (name, qualifier) = match input.split_once(',') {
        Some((n, q)) => (n.trim(), Some(q.trim())),
        None => (input, None),
    };
    let mut candidates = g.lookup(name);
    if let Some(q) = qualifier.filter(|q| !q.is_empty()) {
        let within = g.lookup(q);
        candidates.retain(|e| {
            within.iter().any(|w| match w.kind {
                PlaceKind::Country => w.country_code == e.country_code,
                PlaceKind::Continent => g.continent_of(*e).is_some_and(|c| c.id == w.id),
                _ => e.region == Some(w.index),
            }) || e.country_code.eq_ignore_ascii_case(q)
        });
    }
    // Places called exactly so come first (the city "Atyrau" before "Atyrau Region"); among
    // them a country, then the most populous, a region counting its cities ("California" is
    // the state, not the town in Maryland) and a capital counting as its namesake region
    // ("Washington" is the capital, then the state); a city before a region of equal weight.
    let key = super::normalize_name(name);
    let all = candidates.clone();
    candidates.sort_by_key(|e| {
        let weight = g.namesake_population(e, &all);
        // "New York" is as much the city's name as the state's.
        let exact =
            super::normalize_name(e.name) == key || g.namesake_regions(e, &all).next().is_some();
        (
            !exact,
            e.kind != PlaceKind::Country,
            std::cmp::Reverse(weight),
            e.kind != PlaceKind::City,
        )
    });
    let place = *candidates.first()?;
    let others = candidates
        .iter()
        .skip(1)
        .filter(|e| e.kind != PlaceKind::City || e.population >= 100_000)
        .take(5)
        .copied()
        .collect();
    Some(Resolution { place, others })
}

/// "Georgia (country, GE)", "Georgia (region of US)", "Paris (city in Texas, US)".
pub fn describe(entry: &Entry) -> String {
    let g = gazetteer();
    match entry.kind {
        PlaceKind::Continent => format!("{} (continent)", entry.name),
        PlaceKind::Country => format!("{} (country, {})", entry.name, entry.country_code),
        PlaceKind::Region => format!("{} (region of {})", entry.name, entry.country_code),
        PlaceKind::District | PlaceKind::City => {
            let kind = if entry.kind == PlaceKind::City {
                "city"
            } else {
                "district"
            };
            match entry.region {
                Some(r) => format!(
                    "{} ({kind} in {}, {})",
                    entry.name,
                    g.entry(r).name,
                    entry.country_code
                ),
                None => format!("{} ({kind} in {})", entry.name, entry.country_code),
            }
        }
    }
}

/// How to name an entry so that it resolves to exactly it.
pub fn how_to_pick(entry: &Entry) -> String {
    match entry.kind {
        PlaceKind::Continent | PlaceKind::Country => entry.name.to_string(),
        _ => {
            // "Paris, US" is not enough for two Parises of one country: "Paris, Texas" is.
            let region = entry.region.map(|r| gazetteer().entry(r).name);
            std::iter::once(entry.country_code)
                .chain(region)
                .map(|within| format!("{}, {within}", entry.name))
                .find(|q| resolve_place(q).is_some_and(|r| r.place.id == entry.id))
                .unwrap_or_else(|| format!("geonames:{}", entry.id))
        }
    }
}

/// The id paths a search for a place covers: its own and, for a continent (which the index
/// does not hold above countries), each country's on it.
pub fn id_paths_within(entry: &Entry) -> Vec<String> {
    let mut paths = vec![id_path(entry)];
    paths.extend(gazetteer().countries_on(*entry).iter().map(id_path));
    paths
}

/// The GeoNames id path of an entry (`/country/region/city`), as indexed.
pub fn id_path(entry: &Entry) -> String {
    gazetteer()
        .search_lineage(*entry)
        .iter()
        .map(|e| format!("/{}", e.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_resolve_to_one_place() {
        let oral = resolve_place("Уральск").unwrap().place;
        assert_eq!((oral.name, oral.country_code), ("Oral", "KZ"));
        assert_eq!(resolve_place("uralsk").unwrap().place.id, oral.id);
    }

    #[test]
    fn qualifiers_pick_among_same_names() {
        let ga = resolve_place("Georgia").unwrap();
        assert_eq!(ga.place.kind, PlaceKind::Country);
        assert!(
            ga.others.iter().any(|e| e.country_code == "US"),
            "{:?}",
            ga.others
        );
        let state = resolve_place("Georgia, US").unwrap().place;
        assert_eq!((state.kind, state.country_code), (PlaceKind::Region, "US"));
        let texas = resolve_place("Paris, Texas").unwrap().place;
        assert_eq!(texas.country_code, "US");
        assert_eq!(how_to_pick(&texas), "Paris, US");
        // The second Paris of the US is named by its state.
        let tennessee = resolve_place("Paris, Tennessee").unwrap().place;
        assert_ne!(tennessee.id, texas.id);
        assert_eq!(how_to_pick(&tennessee), "Paris, Tennessee");
        let by_id = resolve_place(&format!("geonames:{}", texas.id))
            .unwrap()
            .place;
        assert_eq!(by_id.id, texas.id);
        assert!(resolve_place("Xyzzyville").is_none());
    }

    #[test]
    fn a_region_outweighs_a_small_town_of_its_name_but_not_its_capital() {
        let kind_of = |name: &str| {
            let p = resolve_place(name).unwrap().place;
            (p.name, p.kind, p.country_code)
        };
        // Towns called California (Maryland) and Nevada (Missouri) are not the states.
        assert_eq!(
            kind_of("California"),
            ("California", PlaceKind::Region, "US")
        );
        assert_eq!(kind_of("Nevada"), ("Nevada", PlaceKind::Region, "US"));
        // A region's own capital, or the country's, comes before the region.
        assert_eq!(kind_of("Atyrau"), ("Atyrau", PlaceKind::City, "KZ"));
        assert_eq!(kind_of("Washington"), ("Washington", PlaceKind::City, "US"));
        assert_eq!(
            kind_of("New York"),
            ("New York City", PlaceKind::City, "US")
        );
    }
}
