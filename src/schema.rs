//! The tantivy schema: every field defined once, and the analyzers they use.
//!
//! Other modules take [`Fields`] handles from here and never spell field names.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, FacetOptions, Field, INDEXED, IndexRecordOption, STORED,
    STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer,
};

use crate::analysis::STEMMED_LANGUAGES;

/// Bumped whenever the schema or analyzers change in a way old indexes cannot follow.
pub const FORMAT_VERSION: u32 = 8;

/// Analyzer for words: split on non-alphanumerics, lower-case, fold diacritics (é -> e).
pub const WORDS: &str = "dateline_words";
/// Analyzer of the whole value, lower-cased: `lang` and `url` used it before index format
/// 7, and it stays registered so that such an index opens to say it must be rebuilt.
pub const KEYWORD: &str = "dateline_keyword";

/// Field names as users write them in queries (`title:`, `place:`...).
pub const QUERY_FIELDS: &[&str] = &[
    "title", "body", "author", "site", "place", "lang", "url", "path",
];

/// Handles to every field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The page's id (path relative to the corpus): exact match, stored.
    pub id: Field,
    /// The same path as words, for `path:wire` (any part of it) and `path:"wire/grain"`.
    pub path: Field,
    pub title: Field,
    /// The article text: searched and stored for snippets.
    pub body: Field,
    pub author: Field,
    pub site: Field,
    /// The site name as written, for counting articles per site.
    pub site_name: Field,
    /// The host of the article's URL without `www.` (`rferl.org`), so that one outlet
    /// written under several names counts once.
    pub domain: Field,
    /// Names of the tagged places and of their region and country, the dateline as
    /// written, and metadata place names.
    pub place: Field,
    /// Tagged places as GeoNames id paths (`/country/region/city`): a country matches
    /// everything inside it.
    pub places: Field,
    /// GeoNames ids of the tagged places, for distance search and place counts.
    pub place_id: Field,
    /// Every place the text mentions (see `Article::mentions`), as GeoNames id paths like
    /// `places`: `mentions:Kazakhstan` matches a mention of any place inside it.
    pub mentioned: Field,
    /// Primary language subtag (`en`, `ru`).
    pub lang: Field,
    pub url: Field,
    /// Publication instant (UTC), for filters and sorting.
    pub date: Field,
    /// Capture instants (UTC) of a page from a web archive, for `--captured-since`.
    pub captured: Field,
    /// The article's metadata as JSON: what a hit shows.
    pub article: Field,
    /// Page file size, modification time (ns since the epoch) and content hash, to tell
    /// changed pages from unchanged ones without reading them.
    pub size: Field,
    pub mtime: Field,
    pub hash: Field,
    /// Headline and text stemmed in the article's language: one field per stemmer, in the
    /// order of [`STEMMED_LANGUAGES`]; an article fills at most one.
    pub stemmed: [Field; STEMMED_LANGUAGES.len()],
    /// Latin romanisation of the article's Cyrillic words, for `--translit`.
    pub translit: Field,
    /// SimHash of the text, to fold near-duplicates together.
    pub simhash: Field,
}

impl Fields {
    /// The stemmed-text field of a stemmer (a code of [`STEMMED_LANGUAGES`]; which one an
    /// article uses is [`crate::analysis::stemmer_for`]'s decision).
    pub fn stemmed_field(&self, stemmer: &str) -> Option<Field> {
        let i = STEMMED_LANGUAGES.iter().position(|(c, _)| *c == stemmer)?;
        Some(self.stemmed[i])
    }
}

/// The analyzer name for a stemmed field.
pub fn stem_analyzer(code: &str) -> String {
    format!("dateline_stem_{code}")
}

/// Builds the schema and returns it with its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let words = |stored: bool| {
        let o = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(WORDS)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        if stored { o.set_stored() } else { o }
    };
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED | FAST),
        path: b.add_text_field("path", words(false)),
        title: b.add_text_field("title", words(true)),
        body: b.add_text_field("body", words(true)),
        author: b.add_text_field("author", words(false)),
        site: b.add_text_field("site", words(false)),
        site_name: b.add_text_field("site_name", STRING | FAST),
        domain: b.add_text_field("domain", STRING | FAST),
        place: b.add_text_field("place", words(false)),
        places: b.add_facet_field("places", FacetOptions::default()),
        place_id: b.add_u64_field("place_id", INDEXED | FAST),
        mentioned: b.add_facet_field("mentioned", FacetOptions::default()),
        // Words with positions: `lang:en` matches every en-* tag and `lang:en-GB` that one;
        // `url:rferl` any part of the URL and `url:"https://..."` the whole of it.
        lang: b.add_text_field("lang", words(false)),
        url: b.add_text_field("url", words(false)),
        date: b.add_date_field(
            "date",
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        captured: b.add_date_field(
            "captured",
            DateOptions::default()
                .set_indexed()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        article: b.add_text_field("article", STORED),
        size: b.add_u64_field("size", FAST),
        mtime: b.add_i64_field("mtime", FAST),
        hash: b.add_u64_field("hash", FAST),
        stemmed: STEMMED_LANGUAGES.map(|(code, _)| {
            b.add_text_field(
                &format!("stem_{code}"),
                TextOptions::default().set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer(&stem_analyzer(code))
                        .set_index_option(IndexRecordOption::WithFreqs),
                ),
            )
        }),
        translit: b.add_text_field(
            "translit",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(WORDS)
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        ),
        simhash: b.add_u64_field("simhash", FAST),
    };
    (b.build(), fields)
}

/// Registers dateline's analyzers on an index; needed every time an index is opened.
pub fn register_analyzers(index: &tantivy::Index) {
    let words = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    let keyword = TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .build();
    index.tokenizers().register(WORDS, words);
    index.tokenizers().register(KEYWORD, keyword);
    for (code, language) in STEMMED_LANGUAGES {
        index
            .tokenizers()
            .register(&stem_analyzer(code), stemmed_words(Stemmer::new(language)));
    }
}

/// The analyzer of a stemmed field, with `stemmer` as its last step: lower-case and fold
/// first, so a query word and a text word meet whatever accents either was typed with;
/// then stem. Snippets build theirs with a stemmer of their own (search::snippets).
pub fn stemmed_words<F: tantivy::tokenizer::TokenFilter>(stemmer: F) -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(64))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(stemmer)
        .build()
}

/// The field handles of an opened index, checked against the schema this version builds.
pub fn fields_of(schema: &Schema) -> Option<Fields> {
    let f = |name: &str| schema.get_field(name).ok();
    Some(Fields {
        id: f("id")?,
        path: f("path")?,
        title: f("title")?,
        body: f("body")?,
        author: f("author")?,
        site: f("site")?,
        site_name: f("site_name")?,
        domain: f("domain")?,
        place: f("place")?,
        places: f("places")?,
        place_id: f("place_id")?,
        mentioned: f("mentioned")?,
        lang: f("lang")?,
        url: f("url")?,
        date: f("date")?,
        captured: f("captured")?,
        article: f("article")?,
        size: f("size")?,
        mtime: f("mtime")?,
        hash: f("hash")?,
        stemmed: {
            let mut fields = Vec::with_capacity(STEMMED_LANGUAGES.len());
            for (code, _) in STEMMED_LANGUAGES {
                fields.push(f(&format!("stem_{code}"))?);
            }
            fields.try_into().ok()?
        },
        translit: f("translit")?,
        simhash: f("simhash")?,
    })
}
