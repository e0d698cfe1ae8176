//! One page -> one [`Article`]: charset, one parsed DOM for metadata and content choice,
//! then text. This module never touches the index.

mod authors;
mod charset;
mod content;
mod dateline;
pub mod dates;
mod depth;
mod furniture;
mod headline;
mod jsonld;
mod language;
pub mod meta;
mod published;

use std::io::Read;
use std::path::Path;

use dom_query::Document;

pub use charset::decode;
pub use dateline::find_dateline;
pub use furniture::Block;
pub use language::detect_language;

use crate::article::Article;

/// Pages larger than this are skipped unless the limit is raised (`--max-page-mb`):
/// real article pages are far smaller, and a bound keeps memory flat.
pub const DEFAULT_MAX_PAGE_BYTES: u64 = 32 * 1024 * 1024;

/// Why a page was not indexed. Each names a cause the user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SkipReason {
    #[error("cannot read: {0}")]
    Unreadable(String),
    #[error("empty file")]
    Empty,
    #[error("not a web page (binary content)")]
    Binary,
    #[error("too large ({size} bytes; the limit is {limit} bytes, raise it with --max-page-mb)")]
    TooLarge { size: u64, limit: u64 },
    #[error("no text found")]
    NoText,
    /// A record of a web archive that cannot be read (its HTTP message is damaged).
    #[error("damaged archive record: {0}")]
    Damaged(String),
}

impl SkipReason {
    /// A short label for counting skips in the summary.
    pub fn label(&self) -> &'static str {
        match self {
            SkipReason::Unreadable(_) => "unreadable",
            SkipReason::Empty => "empty",
            SkipReason::Binary => "binary",
            SkipReason::TooLarge { .. } => "too large",
            SkipReason::NoText => "no text",
            SkipReason::Damaged(_) => "damaged",
        }
    }
}

/// Whether a node sits in the reader-comment section of a page (an ancestor's class or id
/// says comment or respond): its names and dates are the commenters', not the story's.
fn in_comments(node: &dom_query::NodeRef) -> bool {
    node.ancestors_it(Some(12)).any(|a| {
        let hint = format!(
            "{} {}",
            a.attr("class").unwrap_or_default(),
            a.id_attr().unwrap_or_default()
        )
        .to_lowercase();
        hint.contains("comment") || hint.contains("respond")
    })
}

/// Whether an element holds no text a reader sees: style sheets and scripts (which
/// CSS-in-JS pages put even inside headings) and templates.
fn is_unshown(node: &dom_query::NodeRef) -> bool {
    node.node_name()
        .is_some_and(|n| matches!(&*n, "style" | "script" | "noscript" | "template"))
}

/// Reads and extracts one page file. `rel` is its id in the corpus.
pub fn extract_file(path: &Path, rel: &str, max_bytes: u64) -> Result<Article, SkipReason> {
    let bytes = read_limited(path, max_bytes)?;
    extract_file_bytes(&bytes, rel, path)
}

/// Extracts the article from the bytes of the page file at `path`: an MHTML file's page
/// part, or the file's own bytes.
pub fn extract_file_bytes(bytes: &[u8], rel: &str, path: &Path) -> Result<Article, SkipReason> {
    if crate::archive::mhtml::is_mhtml(path) {
        let page = crate::archive::mhtml::page(bytes)?;
        let mut article = extract_page(&page.bytes, rel, &page.origin)?;
        article.bytes = bytes.len() as u64;
        return Ok(article);
    }
    extract_bytes(bytes, rel)
}

/// Reads at most `max_bytes`, so a huge or growing file cannot exhaust memory.
pub fn read_limited(path: &Path, max_bytes: u64) -> Result<Vec<u8>, SkipReason> {
    let unreadable = |e: std::io::Error| SkipReason::Unreadable(e.to_string());
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > max_bytes {
        return Err(SkipReason::TooLarge {
            size,
            limit: max_bytes,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    if crate::corpus::is_gzipped(path) {
        // The limit holds for what the page unpacks to, so a small bomb is refused too.
        flate2::read::MultiGzDecoder::new(file)
            .take(max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| SkipReason::Unreadable(format!("not a readable gzip file: {e}")))?;
    } else {
        file.take(max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(unreadable)?;
    }
    if bytes.len() as u64 > max_bytes {
        return Err(SkipReason::TooLarge {
            size: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    Ok(bytes)
}

/// What a page brings besides its bytes, when it comes from a web archive.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// The charset the HTTP `Content-Type` header names (it outranks `<meta>`).
    pub charset: Option<&'static encoding_rs::Encoding>,
    /// The URL it was captured from: the article's URL when the page gives none.
    pub url: Option<String>,
    /// When it was captured.
    pub captured: Option<chrono::DateTime<chrono::FixedOffset>>,
}

/// Extracts the article from a page's bytes.
pub fn extract_bytes(bytes: &[u8], rel: &str) -> Result<Article, SkipReason> {
    extract_page(bytes, rel, &Origin::default())
}

/// Extracts the article from a page's bytes and what is known of where they came from.
pub fn extract_page(bytes: &[u8], rel: &str, origin: &Origin) -> Result<Article, SkipReason> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(SkipReason::Empty);
    }
    let (html, _encoding) = charset::decode_declared(bytes, origin.charset);
    let saved = crate::archive::singlefile::origin(&html);
    let origin = match saved {
        Some((url, captured)) => Origin {
            charset: origin.charset,
            url: origin.url.clone().or(url),
            captured: origin.captured.or(captured),
        },
        None => origin.clone(),
    };
    if looks_binary(bytes, &html) {
        return Err(SkipReason::Binary);
    }
    let html = depth::limit_depth(&html);
    let doc = Document::from(html.as_ref());
    let meta = meta::read_meta(&doc, rel);
    let content::Content { text, byline } = content::article_text(doc, &html, meta.url.as_deref());
    if text.trim().is_empty() && meta.title.is_none() {
        return Err(SkipReason::NoText);
    }
    let lang = meta
        .lang
        .as_deref()
        .and_then(crate::article::normalize_lang_tag)
        .or_else(|| detect_language(&text));
    // Structured metadata first, then the byline Readability found beside the text, then
    // a byline element, then a "By ..." line of the text.
    let mut byline = byline
        .as_deref()
        .map(authors::split_authors)
        .unwrap_or_default();
    // Readability reads the first byline mark; the page's marks may name more authors.
    if byline.iter().all(|b| meta.visible_authors.contains(b)) {
        byline.clear();
    }
    // An organisation the metadata names as the author (the publisher, by its legal form)
    // gives way to a person's byline on the page.
    let people_first =
        !meta.authors.is_empty() && meta.authors.iter().all(|a| authors::is_organisation(a));
    let in_text = || authors::byline_in_text(&text);
    let authors = if people_first {
        let people = |names: Vec<String>| -> Vec<String> {
            names
                .into_iter()
                .filter(|a| !authors::is_organisation(a))
                .collect()
        };
        [
            people(byline),
            people(meta.visible_authors),
            people(in_text()),
        ]
        .into_iter()
        .find(|names| !names.is_empty())
        .unwrap_or(meta.authors)
    } else {
        [meta.authors, byline, meta.visible_authors]
            .into_iter()
            .find(|names| !names.is_empty())
            .unwrap_or_else(in_text)
    };
    // The publication beside its writers ("Sam Stein, The Huffington Post") is not one of
    // them; alone it stays, for a blog's writer is often its name, and a desk's byline is
    // the publication's.
    let mut authors = authors;
    if authors
        .iter()
        .any(|a| !authors::names_publication(a, &meta.publishers))
    {
        authors.retain(|a| !authors::names_publication(a, &meta.publishers));
    }
    let (agencies, authors): (Vec<String>, Vec<String>) =
        authors.into_iter().partition(|a| authors::is_agency(a));
    let mut article = Article {
        path: rel.to_string(),
        title: meta.title.unwrap_or_default(),
        published: meta.published,
        published_source: meta.published_source.map(str::to_string),
        authors,
        agency: agencies.into_iter().next(),
        site: meta.site,
        url: meta.url.or_else(|| origin.url.clone()),
        captured: origin.captured,
        captures: Vec::new(),
        lang,
        description: meta.description,
        dateline: find_dateline(&text),
        metadata_places: meta.places,
        places: Vec::new(),
        mentions: Vec::new(),
        bytes: bytes.len() as u64,
        text,
    };
    article.mentions = crate::places::article_mentions(&article);
    article.places = crate::places::tag_places(&article);
    Ok(article)
}

/// The leaf blocks of the article a page's bytes hold, with the features the furniture
/// model reads, before any is dropped: what `tools/train-furniture-model` learns from.
/// Empty when the page has no article block (it falls back to its whole text).
pub fn article_blocks(bytes: &[u8], rel: &str) -> Vec<Block> {
    let (html, _encoding) = charset::decode_declared(bytes, None);
    let html = depth::limit_depth(&html);
    let doc = Document::from(html.as_ref());
    let meta = meta::read_meta(&doc, rel);
    content::chosen_html(doc, &html, meta.url.as_deref())
        .map(|chosen| furniture::blocks(&chosen))
        .unwrap_or_default()
}

/// An article from plain UTF-8 text (no page around it): `text` is kept byte for byte,
/// so that the offsets of its place mentions point into the text as given; the language,
/// dateline, mentions and places are read from it as from a page's text.
pub fn extract_plain_text(text: &str, rel: &str) -> Article {
    let mut article = Article {
        path: rel.to_string(),
        lang: detect_language(text),
        dateline: find_dateline(text),
        bytes: text.len() as u64,
        text: text.to_string(),
        ..Article::default()
    };
    article.mentions = crate::places::article_mentions(&article);
    article.places = crate::places::tag_places(&article);
    article
}

/// A binary file named `.html`. Judged on the bytes first (a single-byte charset decodes
/// anything, so decoded text alone cannot tell): known magic numbers, a NUL byte or more
/// than 1% control bytes in the first 8 KB (UTF-16 with a BOM excepted), then text that
/// decoded mostly to replacement and control characters.
fn looks_binary(bytes: &[u8], text: &str) -> bool {
    const MAGIC: &[&[u8]] = &[
        b"\x89PNG",
        b"%PDF",
        b"PK\x03\x04",
        b"\x1f\x8b",
        b"GIF8",
        b"\xff\xd8\xff",
        b"\x7fELF",
        b"BZh",
        b"\xfd7zXZ\0",
        b"7z\xbc\xaf\x27\x1c",
        b"Rar!\x1a\x07",
        b"\x28\xb5\x2f\xfd",
        b"OggS",
        b"ID3",
        b"fLaC",
        b"RIFF",
        b"wOFF",
        b"wOF2",
        b"\0asm",
        b"SQLite format 3\0",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        b"MZ",
        b"\xca\xfe\xba\xbe",
        b"\xcf\xfa\xed\xfe",
    ];
    if MAGIC.iter().any(|m| bytes.starts_with(m)) || bytes.get(4..8) == Some(b"ftyp") {
        return true;
    }
    let utf16 = bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff");
    if !utf16 {
        let head = &bytes[..bytes.len().min(8192)];
        if head.contains(&0) {
            return true;
        }
        let control = head
            .iter()
            .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
            .count();
        if control * 100 > head.len() {
            return true;
        }
    }
    let sample: Vec<char> = text.chars().take(8192).collect();
    let odd = sample
        .iter()
        .filter(|&&c| c == '\u{FFFD}' || c == '\0' || (c.is_control() && !c.is_whitespace()))
        .count();
    odd * 10 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_on_the_page_beats_the_publisher_the_metadata_names_as_author() {
        let para = "<p>Energy customers face one price rise after another, and suppliers turn \
                    away new customers, citing the cost of gas bought at short notice.</p>";
        let page = |author: &str| {
            format!(
                "<html><head><title>Price crisis: what relief customers get</title>\
                 <meta name=\"author\" content=\"{author}\"></head><body><article>\
                 <h1>Price crisis: what relief customers get</h1><h5><em>By Leonora Holling</em></h5>\
                 {para}{para}{para}</article></body></html>"
            )
        };
        let authors =
            |author: &str| extract_bytes(page(author).as_bytes(), "a.html").map(|a| a.authors);
        assert_eq!(
            authors("Bund der Energieverbraucher e.V."),
            Ok(vec!["Leonora Holling".to_string()])
        );
        // A person in the metadata stays first.
        assert_eq!(authors("Ann Lee"), Ok(vec!["Ann Lee".to_string()]));
    }

    #[test]
    fn binary_and_empty_pages_are_skipped() {
        assert_eq!(
            extract_bytes(b"\x89PNG\r\n\x1a\n\0\0\0", "a.html"),
            Err(SkipReason::Binary)
        );
        let noise: Vec<u8> = (0..4000u32).map(|i| (i * 7 % 256) as u8).collect();
        assert_eq!(extract_bytes(&noise, "b.html"), Err(SkipReason::Binary));
        assert_eq!(extract_bytes(b"  \n ", "c.html"), Err(SkipReason::Empty));
    }

    #[test]
    fn random_bytes_are_binary_whatever_charset_detection_says() {
        // xorshift: bytes with no structure, as a corrupt or mislabelled download holds.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut noise = Vec::with_capacity(200_000);
        while noise.len() < 200_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            noise.extend_from_slice(&x.to_le_bytes());
        }
        assert_eq!(extract_bytes(&noise, "r.html"), Err(SkipReason::Binary));
        // Without NUL bytes too: control bytes give it away.
        let no_nul: Vec<u8> = noise.iter().map(|&b| b.max(1)).collect();
        assert_eq!(extract_bytes(&no_nul, "r.html"), Err(SkipReason::Binary));
        let mut mp4 = b"\0\0\0\x18ftypmp42".to_vec();
        mp4.extend_from_slice(&[b'a'; 100]);
        assert_eq!(extract_bytes(&mp4, "v.html"), Err(SkipReason::Binary));
    }

    #[test]
    fn pages_in_single_byte_charsets_and_utf16_are_not_binary() {
        let latin1 = b"<html><head><meta charset=iso-8859-1><title>Caf\xe9</title></head><body><p>Le caf\xe9 est ouvert \xe0 Paris depuis des ann\xe9es, dit le patron.</p></body></html>";
        assert!(extract_bytes(latin1, "l.html").is_ok());
        let mut utf16 = vec![0xff, 0xfe];
        for unit in "<html><body><p>A page saved as UTF-16 by an old browser, with its text.</p></body></html>".encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        assert!(extract_bytes(&utf16, "u.html").is_ok());
    }

    #[test]
    fn a_full_page_becomes_an_article() {
        let page = r#"<html lang="en"><head><title>Protester vows to fight on - RFE/RL</title>
            <meta property="og:site_name" content="RFE/RL"></head><body>
            <p>ORAL, Kazakhstan -- Growing up in the small, remote town of Zhalpaqtal, Aslan Zhamaliev wasn't interested in politics, he says, until the price of fuel doubled.</p>
            <p>He was among thousands of Kazakhs who took part in protests in early January that turned violent after a heavy government clampdown.</p>
            <p>In Oral, demonstrations started on January 3, initially with about 80 motorists demanding that the government cancel the increase.</p></body></html>"#;
        let a = extract_bytes(page.as_bytes(), "rferl/oral.html").unwrap();
        assert_eq!(a.title, "Protester vows to fight on");
        assert_eq!(a.site.as_deref(), Some("RFE/RL"));
        assert_eq!(a.lang.as_deref(), Some("en"));
        let d = a.dateline.unwrap();
        assert_eq!(
            (d.city.as_str(), d.country.as_deref()),
            ("Oral", Some("Kazakhstan"))
        );
        assert!(a.text.contains("Zhalpaqtal"));
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(bytes).unwrap();
        z.finish().unwrap()
    }

    #[test]
    fn gzipped_pages_are_read_unpacked_and_bad_ones_refused() {
        let dir = tempfile::tempdir().unwrap();
        let page = b"<html><body><p>Floods in Lima</p></body></html>";
        let path = dir.path().join("story.html.gz");
        std::fs::write(&path, gzip(page)).unwrap();
        assert_eq!(read_limited(&path, 4096).unwrap(), page);
        // Cut short: an error naming gzip, not a crash or half a page.
        let packed = gzip(&page.repeat(50));
        std::fs::write(&path, &packed[..packed.len() / 2]).unwrap();
        assert!(matches!(
            read_limited(&path, 1 << 20),
            Err(SkipReason::Unreadable(e)) if e.contains("gzip")
        ));
        // What it unpacks to counts against the limit.
        std::fs::write(&path, gzip(&vec![b' '; 1 << 20])).unwrap();
        assert!(matches!(
            read_limited(&path, 4096),
            Err(SkipReason::TooLarge { .. })
        ));
    }

    #[test]
    fn size_limit_is_enforced_while_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.html");
        std::fs::write(&path, vec![b'a'; 2048]).unwrap();
        assert!(matches!(
            read_limited(&path, 1024),
            Err(SkipReason::TooLarge { .. })
        ));
        assert_eq!(read_limited(&path, 4096).unwrap().len(), 2048);
    }
}
