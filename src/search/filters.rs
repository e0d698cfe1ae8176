//! Filters a request adds to its query: publication dates, `--place`, `--mentions`,
//! `--near` and `--within`, with the notes and errors about place names (ambiguous,
//! unknown, misspelt).
//!
//! It must not parse the query language (query.rs) or touch scores.

use std::ops::Bound;

use chrono::{NaiveDate, NaiveTime};

use tantivy::query::{
    BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery, TermSetQuery,
};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{DateTime, Term};

use super::*;
use crate::error::{Error, Result};
use crate::places;

/// A distance as users write it for `--within` ("200", "200km"), in kilometres.
pub fn parse_km(value: &str) -> Option<f64> {
    let number = value.trim().trim_end_matches("km").trim();
    number
        .parse::<f64>()
        .ok()
        .filter(|km| km.is_finite() && *km >= 0.0)
}

/// A place name the gazetteer does not know, with up to three close names.
pub(super) fn unknown_place(flag: &str, name: &str) -> Error {
    let close = places::gazetteer().similar_names(name, 3);
    let hint = match close.as_slice() {
        [] => " — check the spelling, or give `geonames:ID`".to_string(),
        [one] => format!(" — did you mean {one}?"),
        many => format!(" — did you mean {}?", many.join(", ")),
    };
    Error::Query(format!(
        "{flag} {name:?}: no place of that name in the gazetteer{hint}"
    ))
}

/// Articles that mention a place or a place inside it.
pub(super) fn mentioned_query(
    fields: &crate::schema::Fields,
    place: &places::Entry,
) -> Result<Box<dyn Query>> {
    facets_query(fields.mentioned, place).map_err(|e| Error::Query(format!("{}: {e}", place.name)))
}

/// Articles whose `field` holds the place or a place inside it.
fn facets_query(
    field: tantivy::schema::Field,
    place: &places::Entry,
) -> std::result::Result<Box<dyn Query>, tantivy::schema::FacetParseError> {
    let terms = places::id_paths_within(place)
        .iter()
        .map(|path| {
            let facet = Facet::from_text(path)?;
            Ok(Box::new(TermQuery::new(
                Term::from_facet(field, &facet),
                IndexRecordOption::Basic,
            )) as Box<dyn Query>)
        })
        .collect::<std::result::Result<Vec<_>, _>>()?;
    Ok(Box::new(tantivy::query::BooleanQuery::union(terms)))
}

/// Tells the user which place an ambiguous name was read as, and how to pick another.
pub(super) fn note_ambiguity(
    input: &str,
    resolution: &places::Resolution,
    notes: &mut Vec<String>,
) {
    if resolution.others.is_empty() {
        return;
    }
    let others: Vec<String> = resolution
        .others
        .iter()
        .map(|e| {
            format!(
                "{} (--place {:?})",
                places::describe(e),
                places::how_to_pick(e)
            )
        })
        .collect();
    notes.push(format!(
        "{input:?} read as {}; it can also mean {}",
        places::describe(&resolution.place),
        others.join(", ")
    ));
}

/// Instants of `field` from the start of `since` to the end of `until` (UTC days).
fn day_range(
    field: tantivy::schema::Field,
    since: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Result<Option<Box<dyn Query>>> {
    if let (Some(since), Some(until)) = (since, until)
        && since > until
    {
        return Err(Error::DateRange { since, until });
    }
    if since.is_none() && until.is_none() {
        return Ok(None);
    }
    let instant = |d: NaiveDate| {
        let secs = d.and_time(NaiveTime::MIN).and_utc().timestamp();
        Term::from_field_date(field, DateTime::from_timestamp_secs(secs))
    };
    let lower = since.map_or(Bound::Unbounded, |d| Bound::Included(instant(d)));
    let upper = until
        .and_then(|d| d.succ_opt())
        .map_or(Bound::Unbounded, |d| Bound::Excluded(instant(d)));
    Ok(Some(Box::new(RangeQuery::new(lower, upper))))
}

impl Searcher {
    pub(super) fn with_filters(
        &self,
        query: Box<dyn Query>,
        req: &SearchRequest,
        notes: &mut Vec<String>,
    ) -> Result<Box<dyn Query>> {
        let fields = self.store.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, query)];
        for (field, since, until) in [
            (fields.date, req.since, req.until),
            (fields.captured, req.captured_since, req.captured_until),
        ] {
            if let Some(range) = day_range(field, since, until)? {
                clauses.push((Occur::Must, range));
            }
        }
        if let Some(place) = req.place.as_deref() {
            clauses.push((Occur::Must, self.place_filter(place, notes)?));
        }
        if let Some(name) = req.mentions.as_deref() {
            let resolution =
                places::resolve_place(name).ok_or_else(|| unknown_place("--mentions", name))?;
            note_ambiguity(name, &resolution, notes);
            clauses.push((Occur::Must, mentioned_query(&fields, &resolution.place)?));
        }
        if let Some(near) = &req.near {
            let resolution = places::resolve_place(&near.place)
                .ok_or_else(|| unknown_place("--near", &near.place))?;
            note_ambiguity(&near.place, &resolution, notes);
            let center = resolution.place;
            // A point in the middle of a continent is near nothing a reader means.
            if center.kind == places::PlaceKind::Continent {
                return Err(Error::Query(format!(
                    "--near {:?}: {} is a continent, not a point to measure from — use --place {:?} for the stories of its countries",
                    near.place, center.name, near.place
                )));
            }
            let mut ids: Vec<Term> = places::gazetteer()
                .within(center.lat, center.lon, near.km)
                .iter()
                .map(|e| Term::from_field_u64(fields.place_id, u64::from(e.id)))
                .collect();
            ids.push(Term::from_field_u64(fields.place_id, u64::from(center.id)));
            clauses.push((Occur::Must, Box::new(TermSetQuery::new(ids))));
        }
        Ok(if clauses.len() == 1 {
            clauses.remove(0).1
        } else {
            Box::new(BooleanQuery::new(clauses))
        })
    }

    /// Articles tagged with a place or anything inside it; a name the gazetteer does not
    /// know still matches datelines and metadata that spell it.
    pub(super) fn place_filter(
        &self,
        place: &str,
        notes: &mut Vec<String>,
    ) -> Result<Box<dyn Query>> {
        let fields = self.store.fields;
        let words: String = place.chars().filter(|c| *c != '"' && *c != '\\').collect();
        if words.trim().is_empty() {
            return Err(Error::Query("--place needs a place name".into()));
        }
        let parser = QueryParser::for_index(&self.store.index, vec![fields.place]);
        let by_name = parser
            .parse_query(&format!("\"{}\"", words.trim()))
            .map_err(|e| Error::Query(format!("--place {place:?}: {e}")))?;
        let Some(resolution) = places::resolve_place(place) else {
            // A name the gazetteer does not know may still be a dateline's or metadata's;
            // if nothing spells it, it is most likely a typo.
            let spelled = self
                .reader
                .searcher()
                .search(&by_name, &tantivy::collector::Count)
                .map_err(|e| Error::index(&self.store.path, e))?;
            if spelled == 0 {
                return Err(unknown_place("--place", place));
            }
            return Ok(by_name);
        };
        note_ambiguity(place, &resolution, notes);
        facets_query(fields.places, &resolution.place)
            .map_err(|e| Error::Query(format!("--place {place:?}: {e}")))
    }
}
