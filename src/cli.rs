//! The command-line surface: every command and flag, documented once here.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use dateline::SortOrder;
use dateline::render::{ArticleFormat, Format};

#[derive(Debug, Parser)]
#[command(
    name = "dateline",
    version,
    about = "Full-text search over archives of saved news pages"
)]
pub struct Cli {
    /// When to colour output: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index a folder of saved news pages (.html, .htm, .xhtml, .shtml, .mht, .mhtml, also
    /// gzipped) and web archives (.warc, .warc.gz, .wacz).
    Index(IndexArgs),
    /// Search the index.
    Query(QueryArgs),
    /// Print one indexed article: metadata and full text.
    Show(ShowArgs),
    /// Print what the indexer would store for one page, without touching the index.
    Extract(ExtractArgs),
    /// List the places most often tagged among the matching articles.
    Places(PlacesArgs),
    /// Stream every matching article (metadata, places, mentions and the full text), not a
    /// page of hits: for analysis elsewhere.
    Export(ExportArgs),
    /// Keyword in context: every match of the query's words in every matching article,
    /// with the text around it, one row per match.
    Kwic(KwicArgs),
    /// Count matching articles per year or month of publication.
    Timeline(TimelineArgs),
    /// Print a shell completion script: `dateline completions bash > /etc/bash_completion.d/dateline`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print a man page (roff): `dateline man > dateline.1`, `dateline man query`, or
    /// write every page with `dateline man --dir man/`.
    Man {
        /// The command whose page to print (default: dateline's own).
        command: Option<String>,
        /// Write all pages (dateline.1, dateline-query.1, ...) into this folder instead.
        #[arg(long, value_name = "DIR", conflicts_with = "command")]
        dir: Option<PathBuf>,
    },
    /// Serve a search page and a JSON API over HTTP (this machine only, unless --addr).
    Serve(ServeArgs),
}

/// Filters shared by `query` and `places`.
#[derive(Debug, Clone, clap::Args)]
pub struct Filters {
    /// Only articles published on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub since: Option<String>,
    /// Only articles published on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub until: Option<String>,
    /// Only pages from web archives captured on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub captured_since: Option<String>,
    /// Only pages from web archives captured on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub captured_until: Option<String>,
    /// Only articles about this place or a place inside it (any alias or script: Oral,
    /// Uralsk, Орал; "Georgia, US" or geonames:ID to pick among same names).
    #[arg(long, value_name = "NAME")]
    pub place: Option<String>,
    /// Only articles whose text mentions this place, or a place inside it, as a place
    /// ("oral surgery" never mentions Oral).
    #[arg(long, value_name = "NAME")]
    pub mentions: Option<String>,
    /// Only articles about places near this one (see --within).
    #[arg(long, value_name = "PLACE")]
    pub near: Option<String>,
    /// Distance for --near, in kilometres ("200" or "200km").
    #[arg(long, value_name = "KM", default_value = "100km")]
    pub within: String,
    /// Match only the word forms typed (no stemming: "protesters" will not find "protester").
    #[arg(long)]
    pub exact: bool,
    /// Also match Cyrillic words by their Latin spelling and back (Алматы = Almaty).
    #[arg(long)]
    pub translit: bool,
}

#[derive(Debug, clap::Args)]
pub struct PlacesArgs {
    /// Query selecting the articles (default: all); several words are one query.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Number of places to list.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    #[command(flatten)]
    pub filters: Filters,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ArticleFormat::Text)]
    pub format: ArticleFormat,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Query selecting the articles (default: all); several words are one query.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Print the OpenSearch index mapping or the Solr schema commands under which the
    /// exported documents keep their meaning, and nothing else.
    #[arg(long, value_enum, value_name = "ENGINE")]
    pub mapping: Option<Engine>,
    /// Only these fields, in this order: of the JSON record with --format jsonl, of the
    /// columns with --format csv (`--fields id,title,published`).
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    pub fields: Option<Vec<String>>,
    /// With --format opensearch: the index the bulk actions write to.
    #[arg(long, default_value = "dateline", value_name = "NAME")]
    pub index_name: String,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    #[command(flatten)]
    pub filters: Filters,
    /// Output format: one JSON article per line, CSV with the metadata and the text, an
    /// OpenSearch/Elasticsearch `_bulk` body, or a JSON array of Solr documents.
    #[arg(long, short, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
}

/// Engines `export --mapping` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Engine {
    Opensearch,
    Solr,
}

#[derive(Debug, clap::Args)]
pub struct KwicArgs {
    /// The words to find; several words are one query (a "phrase" is one match).
    #[arg(value_name = "QUERY", required = true)]
    pub query: Vec<String>,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    #[command(flatten)]
    pub filters: Filters,
    /// Characters of context on each side of a match.
    #[arg(long, default_value_t = 60, value_name = "CHARS")]
    pub width: usize,
    /// Stop after this many rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Output format: aligned text, CSV or one JSON object per line.
    #[arg(long, short, value_enum, default_value_t = crate::render::KwicFormat::Text)]
    pub format: crate::render::KwicFormat,
}

/// Formats of `export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Opensearch,
    Solr,
}

#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// Folder of saved pages.
    #[arg(default_value = "corpus")]
    pub corpus: PathBuf,
    /// Index folder to create or update.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Start from an empty index (needed after upgrading to an incompatible version).
    #[arg(long)]
    pub rebuild: bool,
    /// Skip pages larger than this many megabytes.
    #[arg(long, default_value_t = 32, value_name = "MB")]
    pub max_page_mb: u64,
    /// Commit after this many changed pages (and at least every 30 seconds), so an
    /// interrupted run keeps its work.
    #[arg(long, default_value_t = 5000, value_name = "PAGES")]
    pub commit_every: usize,
    /// Print no progress bar and no per-page warnings; only the summary.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct QueryArgs {
    /// Query in tantivy syntax: words, "phrases", AND/OR/NOT, +/-, field:value, prefix*.
    /// Fields: title, body, author, site, place, lang, url, path. Several words are one
    /// query (`dateline query Hong Kong` is `dateline query 'Hong Kong'`).
    #[arg(required_unless_present = "batch", value_name = "QUERY")]
    pub query: Vec<String>,
    /// Index folder to search.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Number of hits to show.
    #[arg(long, short = 'n', default_value_t = 10)]
    pub limit: usize,
    /// Number of hits to skip (for paging).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    #[command(flatten)]
    pub filters: Filters,
    /// Order of hits.
    #[arg(long, value_enum, default_value_t = SortOrder::Relevance)]
    pub sort: SortOrder,
    /// Show every copy of a syndicated story (by default one per group, with "N similar").
    #[arg(long)]
    pub all_copies: bool,
    /// Keep only these hit fields in JSON, JSON Lines and CSV (comma-separated:
    /// id,title,published,places...).
    #[arg(long, value_delimiter = ',', value_name = "FIELDS")]
    pub fields: Option<Vec<String>>,
    /// Blend relevance with recency (recent stories up to twice as strong).
    #[arg(long)]
    pub fresh: bool,
    /// Print only the number of matching articles.
    #[arg(long)]
    pub count: bool,
    /// Run one query per line of FILE (`-` for stdin) over one opened index and write JSON
    /// Lines tagged with each query's id. A line is a query, or a JSON object such as
    /// {"id": "q1", "query": "protest", "place": "Oral", "since": "2022-01-01", "limit": 5}.
    #[arg(long, value_name = "FILE")]
    pub batch: Option<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The article's id (its path in the corpus, as `query` prints it, or FILE#OFFSET
    /// for a page from a web archive) or the page file.
    pub id: String,
    /// Print the page's original bytes instead (a page file's, or an archive record's
    /// payload with its HTTP encodings undone), read again from the corpus.
    #[arg(long)]
    pub raw: bool,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ArticleFormat::Text)]
    pub format: ArticleFormat,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The page file (with --text: a plain-text file, or - for standard input).
    pub file: PathBuf,
    /// Read plain UTF-8 text instead of a page: the text is kept byte for byte, and its
    /// place mentions and places are filled (for scoring geoparsing corpora).
    #[arg(long)]
    pub text: bool,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ArticleFormat::Text)]
    pub format: ArticleFormat,
    /// Refuse pages larger than this many megabytes.
    #[arg(long, default_value_t = 32, value_name = "MB")]
    pub max_page_mb: u64,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Index folder to serve.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Address to listen on. The default answers only this machine; serving a network
    /// needs an explicit address such as 0.0.0.0:7700.
    #[arg(long, default_value = "127.0.0.1:7700", value_name = "HOST:PORT")]
    pub addr: String,
}

#[derive(Debug, clap::Args)]
pub struct TimelineArgs {
    /// Query selecting the articles (default: all); several words are one query.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// Index folder.
    #[arg(long, default_value = "index")]
    pub index: PathBuf,
    /// Count per year or month of publication, or per site or place.
    #[arg(long, value_enum, default_value_t = TimelineBy::Year)]
    pub by: TimelineBy,
    /// For --by site|place: how many groups to list.
    #[arg(long, short = 'n', default_value_t = 20)]
    pub limit: usize,
    /// Also give each period's count as a share of every article published then (the
    /// same filters, any words): `all` and `share` in JSON and CSV, percentages in text.
    #[arg(long)]
    pub relative: bool,
    /// Another query to count beside the first, per period (may repeat:
    /// `timeline protest --vs police --vs strike`).
    #[arg(long, value_name = "QUERY")]
    pub vs: Vec<String>,
    #[command(flatten)]
    pub filters: Filters,
    /// Output format (a bar chart as text).
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineBy {
    Year,
    Month,
    Day,
    /// Articles per publishing site.
    Site,
    /// Articles per tagged place.
    Place,
}

/// The query the words after a command make: joined by spaces, as a shell user typed them
/// (`dateline query Hong Kong`); `default` when there are none.
pub fn joined(words: &[String], default: &str) -> String {
    if words.is_empty() {
        default.to_string()
    } else {
        words.join(" ")
    }
}
