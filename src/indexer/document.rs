//! Article -> tantivy document: which field each part of an article goes to.

use tantivy::schema::{Facet, Field};
use tantivy::{DateTime, TantivyDocument};

use super::Fingerprint;
use crate::analysis;
use crate::article::Article;
use crate::schema::Fields;

/// The tantivy document of an article; `stemmer` (from [`analysis::stemmer_for`]) picks the
/// stemmed field its headline and text go to.
pub fn to_document(
    fields: &Fields,
    mut article: Article,
    print: Fingerprint,
    stemmer: Option<&str>,
) -> TantivyDocument {
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.id, &article.path);
    doc.add_text(fields.path, &article.path);
    doc.add_text(fields.title, &article.title);
    let text = std::mem::take(&mut article.text);
    doc.add_text(fields.body, &text);
    add_all(&mut doc, fields.author, &article.authors);
    if let Some(site) = &article.site {
        doc.add_text(fields.site, site);
        doc.add_text(fields.site_name, site);
    }
    add_all(&mut doc, fields.place, &article.place_names());
    for place in &article.places {
        // The region and country names too, so `place:Kazakhstan` finds Oral's stories.
        for name in place.path.split('/').filter(|n| !n.is_empty()) {
            doc.add_text(fields.place, name);
        }
        if let Ok(facet) = Facet::from_text(&place.id_path) {
            doc.add_facet(fields.places, facet);
        }
        doc.add_u64(fields.place_id, u64::from(place.id));
    }
    let g = crate::places::gazetteer();
    let mut mentioned = std::collections::HashSet::new();
    for m in &article.mentions {
        if !mentioned.insert(m.id) {
            continue;
        }
        let entry = g.lookup(&m.name).into_iter().find(|e| e.id == m.id);
        if let Some(facet) = entry.and_then(|e| Facet::from_text(&crate::places::id_path(&e)).ok())
        {
            doc.add_facet(fields.mentioned, facet);
        }
    }
    // The whole BCP 47 tag as words ("en-GB": en, gb), so that `lang:en` finds every
    // English variant and `lang:en-GB` that one.
    if let Some(tag) = &article.lang {
        doc.add_text(fields.lang, tag);
    }
    if let Some(stemmed) = stemmer.and_then(|code| fields.stemmed_field(code)) {
        doc.add_text(stemmed, &article.title);
        doc.add_text(stemmed, &text);
    }
    let romanized = romanized_words(&article.title, &text);
    if !romanized.is_empty() {
        doc.add_text(fields.translit, &romanized);
    }
    doc.add_u64(fields.simhash, analysis::simhash(&text));
    if let Some(url) = &article.url {
        doc.add_text(fields.url, url);
        if let Some(domain) = domain_of(url) {
            doc.add_text(fields.domain, domain);
        }
    }
    if let Some(published) = article.published {
        doc.add_date(
            fields.date,
            DateTime::from_timestamp_secs(published.timestamp()),
        );
    }
    for captured in article.captured.iter().chain(&article.captures) {
        doc.add_date(
            fields.captured,
            DateTime::from_timestamp_secs(captured.timestamp()),
        );
    }
    doc.add_u64(fields.size, print.size);
    doc.add_i64(fields.mtime, print.mtime);
    doc.add_u64(fields.hash, print.hash);
    // The text is stored once, in `body`; the JSON holds everything else.
    doc.add_text(
        fields.article,
        serde_json::to_string(&article).unwrap_or_default(),
    );
    doc
}

/// The host of a URL, lower-cased, without `www.` and a port: `https://www.rferl.org/a/x`
/// is `rferl.org`.
pub fn domain_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (host.contains('.') && !host.is_empty()).then(|| host.to_string())
}

/// The Cyrillic words of a text in Latin letters, for `--translit`.
fn romanized_words(title: &str, text: &str) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .chain(text.split(|c: char| !c.is_alphanumeric()))
    {
        if analysis::is_cyrillic(word) {
            out.push_str(&analysis::romanize(word));
            out.push(' ');
        }
    }
    out
}

fn add_all(doc: &mut TantivyDocument, field: Field, values: &[String]) {
    for v in values {
        doc.add_text(field, v);
    }
}
