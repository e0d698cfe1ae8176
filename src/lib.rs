//! dateline: full-text search over archives of saved news pages.
//!
//! Data flows one way: files ([`corpus`]) -> extracted [`Article`]s ([`extract`]) ->
//! the tantivy index ([`indexer`], [`schema`], [`store`]) -> [`Hit`]s ([`search`]) ->
//! rendered output ([`render`]).
//!
//! ```no_run
//! use dateline::{IndexOptions, SearchRequest, Searcher, index_corpus, indexer::NoProgress};
//!
//! let report = index_corpus(&IndexOptions::new("corpus", "index"), &NoProgress)?;
//! println!("{} pages added", report.added);
//! let searcher = Searcher::open("index".as_ref())?;
//! let results = searcher.search(&SearchRequest { query: "protest".into(), limit: 5, ..Default::default() })?;
//! for hit in results.hits {
//!     println!("{}", hit.article.title);
//! }
//! # Ok::<(), dateline::Error>(())
//! ```

pub mod analysis;
pub mod archive;
pub mod article;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod indexer;
pub mod learn;
pub mod places;
pub mod render;
pub mod schema;
pub mod search;
pub mod serve;
pub mod store;
pub mod timeline;

pub use article::{Article, Dateline, MentionUse, PlaceMention, TaggedPlace};
pub use error::{Error, Result};
pub use indexer::{IndexOptions, IndexReport, index_corpus};
pub use search::{Hit, SearchRequest, SearchResults, Searcher, Snippet, SortOrder};
