//! Facets: how many matching articles each place and each site has, one outlet under
//! several names counted once.
//!
//! It must not change the hits a search returns.

use serde::Serialize;
use std::collections::HashMap;

use tantivy::collector::DocSetCollector;

use super::*;
use crate::error::{Error, Result};
use crate::places::{self, PlaceKind};

/// How many matching articles are tagged with a place.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceCount {
    pub id: u32,
    pub name: String,
    pub kind: PlaceKind,
    pub country_code: String,
    pub region: Option<String>,
    pub lat: f32,
    pub lon: f32,
    pub count: usize,
}

/// Whether two site names of one domain name one outlet: the same letters ("RFE/RL",
/// "rfe-rl"), one inside the other ("Reuters", "Thomson Reuters"), or one the initials of
/// the other ("RFE/RL", "Radio Free Europe/Radio Liberty").
pub(super) fn same_outlet(a: &str, b: &str) -> bool {
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let initials = |s: &str| -> String {
        s.split(|c: char| !c.is_alphanumeric())
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (la, lb) = (letters(a), letters(b));
    !la.is_empty()
        && !lb.is_empty()
        && (la == lb
            || la.contains(&lb)
            || lb.contains(&la)
            || initials(a) == lb
            || initials(b) == la)
}

impl Searcher {
    /// The places most often tagged among the articles a request matches, most frequent
    /// first (its `limit` and `offset` are ignored).
    pub fn place_counts(
        &self,
        req: &SearchRequest,
        top: usize,
    ) -> Result<(Vec<PlaceCount>, Vec<String>)> {
        let mut notes = Vec::new();
        let query = self.with_filters(self.parse_request(req)?.0, req, &mut notes)?;
        let searcher = self.reader.searcher();
        let err = |e| Error::index(&self.store.path, e);
        let docs = searcher.search(&query, &DocSetCollector).map_err(err)?;
        let mut counts: HashMap<u64, usize> = HashMap::new();
        let mut columns = HashMap::new();
        for address in docs {
            if let std::collections::hash_map::Entry::Vacant(slot) =
                columns.entry(address.segment_ord)
            {
                let segment = searcher.segment_reader(address.segment_ord);
                slot.insert(segment.fast_fields().u64("place_id").map_err(err)?);
            }
            if let Some(column) = columns.get(&address.segment_ord) {
                for id in column.values_for_doc(address.doc_id) {
                    *counts.entry(id).or_insert(0) += 1;
                }
            }
        }
        let mut ranked: Vec<(u64, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let g = places::gazetteer();
        let places = ranked
            .into_iter()
            .take(top)
            .filter_map(|(id, count)| {
                let e = g.by_id(u32::try_from(id).ok()?)?;
                Some(PlaceCount {
                    id: e.id,
                    name: e.name.to_string(),
                    kind: e.kind,
                    country_code: e.country_code.to_string(),
                    region: e.region.map(|r| g.entry(r).name.to_string()),
                    lat: e.lat,
                    lon: e.lon,
                    count,
                })
            })
            .collect();
        Ok((places, notes))
    }

    /// How many matching articles each site published, most first (articles without a
    /// site name count under "(unknown)").
    pub fn site_counts(
        &self,
        req: &SearchRequest,
        top: usize,
    ) -> Result<(Vec<SiteCount>, Vec<String>)> {
        let mut notes = Vec::new();
        let query = self.with_filters(self.parse_request(req)?.0, req, &mut notes)?;
        let searcher = self.reader.searcher();
        let err = |e| Error::index(&self.store.path, e);
        let docs = searcher.search(&query, &DocSetCollector).map_err(err)?;
        // One outlet is often written under several names ("RFE/RL", "Radio Free
        // Europe/Radio Liberty"): the pages of one domain count under its most frequent name.
        let mut by_domain: HashMap<String, HashMap<String, usize>> = HashMap::new();
        let mut without_domain: HashMap<String, usize> = HashMap::new();
        let mut columns = HashMap::new();
        let read = |column: &Option<tantivy::columnar::StrColumn>, doc: u32| -> Result<String> {
            let mut out = String::new();
            if let Some(column) = column
                && let Some(ord) = column.term_ords(doc).next()
            {
                column
                    .ord_to_str(ord, &mut out)
                    .map_err(|e| Error::index(&self.store.path, e.into()))?;
            }
            Ok(out)
        };
        for address in docs {
            if let std::collections::hash_map::Entry::Vacant(slot) =
                columns.entry(address.segment_ord)
            {
                let ff = searcher.segment_reader(address.segment_ord).fast_fields();
                slot.insert((
                    ff.str("site_name").map_err(err)?,
                    ff.str("domain").map_err(err)?,
                ));
            }
            let Some((sites, domains)) = columns.get(&address.segment_ord) else {
                continue;
            };
            let name = read(sites, address.doc_id)?;
            let domain = read(domains, address.doc_id)?;
            if domain.is_empty() {
                *without_domain.entry(name).or_insert(0) += 1;
            } else {
                *by_domain
                    .entry(domain)
                    .or_default()
                    .entry(name)
                    .or_insert(0) += 1;
            }
        }
        let mut counts: HashMap<String, usize> = HashMap::new();
        for names in by_domain.into_values() {
            // Most frequent first; a name counts under the first one that is the same
            // outlet's (a syndicated copy keeps its own publisher's name).
            let mut ranked: Vec<(String, usize)> = names.into_iter().collect();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let mut kept: Vec<String> = Vec::new();
            for (name, n) in ranked {
                let under = kept
                    .iter()
                    .find(|k| name.is_empty() || same_outlet(k, &name))
                    .cloned();
                let key = under.unwrap_or_else(|| {
                    kept.push(name.clone());
                    name
                });
                *counts.entry(key).or_insert(0) += n;
            }
        }
        for (name, n) in without_domain {
            *counts.entry(name).or_insert(0) += n;
        }
        if let Some(n) = counts.remove("") {
            *counts.entry("(unknown)".to_string()).or_insert(0) += n;
        }
        let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(top);
        Ok((ranked, notes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_outlet_under_several_names_is_one_site() {
        assert!(same_outlet("Radio Free Europe/Radio Liberty", "RFE/RL"));
        assert!(same_outlet("Thomson Reuters", "Reuters"));
        assert!(!same_outlet("Global Wire Service", "Northern Daily Herald"));
    }
}
