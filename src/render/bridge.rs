//! The bridge to distributed engines: articles as OpenSearch/Elasticsearch `_bulk` lines
//! and Solr JSON documents, and the mapping (OpenSearch) or schema commands (Solr) under
//! which they keep their meaning: dates as dates, keywords for site, language, authors
//! and place ids, places with coordinates, and one flat field of every tagged place and
//! its ancestors, so that "about Kazakhstan or any place in it" is one term filter there
//! as `--place` is here.

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::article::Article;

/// Every tagged place's GeoNames id and the ids of the places holding it (from
/// `id_path`), each once.
fn place_and_ancestor_ids(a: &Article) -> Vec<u64> {
    let mut ids: Vec<u64> = a
        .places
        .iter()
        .flat_map(|p| p.id_path.split('/').filter_map(|id| id.parse().ok()))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

fn mentioned_ids(a: &Article) -> Vec<u32> {
    let mut ids: Vec<u32> = a.mentions.iter().map(|m| m.id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// A date as `show --format json` writes it (RFC 3339).
fn date(d: Option<chrono::DateTime<chrono::FixedOffset>>) -> Value {
    serde_json::to_value(d).unwrap_or(Value::Null)
}

/// The fields both engines take as they are.
fn shared_fields(a: &Article) -> serde_json::Map<String, Value> {
    [
        ("id", json!(a.path)),
        ("title", json!(a.title)),
        ("text", json!(a.text)),
        ("authors", json!(a.authors)),
        ("agency", json!(a.agency)),
        ("site", json!(a.site)),
        (
            "domain",
            json!(a.url.as_deref().and_then(crate::indexer::domain_of)),
        ),
        ("url", json!(a.url)),
        ("lang", json!(a.lang)),
        ("description", json!(a.description)),
        ("place_ids", json!(place_and_ancestor_ids(a))),
        ("mentioned_ids", json!(mentioned_ids(a))),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// An article as an OpenSearch document (see [`opensearch_mapping`]).
pub fn opensearch_document(a: &Article) -> Value {
    let mut doc = shared_fields(a);
    doc.insert("published".into(), date(a.published));
    doc.insert("captured".into(), date(a.captured));
    doc.insert(
        "captures".into(),
        a.captures.iter().map(|d| date(Some(*d))).collect(),
    );
    doc.insert("dateline".into(), json!(a.dateline));
    let places = a.places.iter().map(|p| {
        json!({
            "id": p.id,
            "name": p.name,
            "kind": p.kind,
            "country_code": p.country_code,
            "country": p.country,
            "region": p.region,
            "location": {"lat": p.lat, "lon": p.lon},
            "score": p.score,
            "dateline": p.dateline,
            "headline": p.headline,
            "lede": p.lede,
            "mentions": p.mentions,
            "path": p.path,
        })
    });
    doc.insert("places".into(), places.collect());
    Value::Object(doc)
}

/// The OpenSearch (and Elasticsearch) index mapping for [`opensearch_document`].
pub fn opensearch_mapping() -> Value {
    let keyword = json!({"type": "keyword"});
    let text = json!({"type": "text", "index_options": "offsets"});
    json!({
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "id": keyword,
                "title": text,
                "text": text,
                "published": {"type": "date"},
                "captured": {"type": "date"},
                "captures": {"type": "date"},
                "authors": keyword,
                "agency": keyword,
                "site": keyword,
                "domain": keyword,
                "url": keyword,
                "lang": keyword,
                "description": {"type": "text"},
                "dateline": {"properties": {
                    "city": keyword,
                    "country": keyword,
                    "raw": {"type": "text"},
                }},
                "places": {"type": "nested", "properties": {
                    "id": {"type": "long"},
                    "name": keyword,
                    "kind": keyword,
                    "country_code": keyword,
                    "country": keyword,
                    "region": keyword,
                    "location": {"type": "geo_point"},
                    "score": {"type": "float"},
                    "dateline": {"type": "boolean"},
                    "headline": {"type": "boolean"},
                    "lede": {"type": "boolean"},
                    "mentions": {"type": "integer"},
                    "path": keyword,
                }},
                "place_ids": {"type": "long"},
                "mentioned_ids": {"type": "long"},
            }
        }
    })
}

/// An article as a Solr document: flat fields (see [`solr_schema`]), places as parallel
/// multi-valued fields and `lat,lon` points.
pub fn solr_document(a: &Article) -> Value {
    let utc = |d: Option<chrono::DateTime<chrono::FixedOffset>>| {
        d.map_or(Value::Null, |d| {
            Value::String(
                d.with_timezone(&chrono::Utc)
                    .format("%Y-%m-%dT%H:%M:%SZ")
                    .to_string(),
            )
        })
    };
    let mut doc = shared_fields(a);
    doc.insert("published".into(), utc(a.published));
    doc.insert("captured".into(), utc(a.captured));
    doc.insert(
        "dateline".into(),
        json!(a.dateline.as_ref().map(|d| d.raw.clone())),
    );
    doc.insert(
        "place_names".into(),
        a.places.iter().map(|p| json!(p.name)).collect(),
    );
    doc.insert(
        "place_locations".into(),
        a.places
            .iter()
            .map(|p| json!(format!("{},{}", p.lat, p.lon)))
            .collect(),
    );
    // Solr takes an absent field for "none"; a null would be refused for some types.
    doc.retain(|_, v| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()));
    Value::Object(doc)
}

/// Solr Schema API commands (POST to `/solr/CORE/schema`) for [`solr_document`].
pub fn solr_schema() -> Value {
    let field = |name: &str, kind: &str, multi: bool| json!({"name": name, "type": kind, "indexed": true, "stored": true, "multiValued": multi});
    json!({
        "add-field-type": [
            {"name": "dateline_location", "class": "solr.LatLonPointSpatialField"},
            {"name": "dateline_text", "class": "solr.TextField", "positionIncrementGap": "100",
             "analyzer": {
                 "tokenizer": {"class": "solr.StandardTokenizerFactory"},
                 "filters": [
                     {"class": "solr.LowerCaseFilterFactory"},
                     {"class": "solr.ASCIIFoldingFilterFactory"}
                 ]
             }}
        ],
        "add-field": [
            field("title", "dateline_text", false),
            field("text", "dateline_text", false),
            field("published", "pdate", false),
            field("captured", "pdate", false),
            field("authors", "string", true),
            field("agency", "string", false),
            field("site", "string", false),
            field("domain", "string", false),
            field("url", "string", false),
            field("lang", "string", false),
            field("description", "dateline_text", false),
            field("dateline", "dateline_text", false),
            field("place_ids", "plong", true),
            field("place_names", "string", true),
            field("place_locations", "dateline_location", true),
            field("mentioned_ids", "plong", true),
        ]
    })
}

/// Writes one `_bulk` action and document.
pub fn write_bulk(out: &mut impl Write, index: &str, a: &Article) -> io::Result<()> {
    serde_json::to_writer(
        &mut *out,
        &json!({"index": {"_index": index, "_id": a.path}}),
    )?;
    writeln!(out)?;
    serde_json::to_writer(&mut *out, &opensearch_document(a))?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_ids_hold_every_ancestor_once() {
        let page = br#"<html lang="en"><head><title>Floods hit Lima</title></head><body>
          <p>LIMA, Peru -- Heavy rains swelled the Rimac river on Sunday, flooding homes across the capital.</p></body></html>"#;
        let a = crate::extract::extract_bytes(page, "andes/floods.html").unwrap();
        let ids = place_and_ancestor_ids(&a);
        let lima = a.places.iter().find(|p| p.name == "Lima").unwrap();
        for id in lima.id_path.split('/').filter(|s| !s.is_empty()) {
            assert!(
                ids.contains(&id.parse().unwrap()),
                "{id} of {}",
                lima.id_path
            );
        }
        let solr = solr_document(&a);
        assert!(solr.get("captured").is_none(), "no null fields for Solr");
        assert_eq!(solr["id"], "andes/floods.html");
    }
}
