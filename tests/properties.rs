//! Property tests: extraction and query handling never panic, whatever the input, and
//! what they return keeps its promises (valid highlight ranges, text from the page).

use std::sync::OnceLock;

use dateline::extract::{decode, extract_bytes, find_dateline};
use dateline::{IndexOptions, SearchRequest, Searcher, index_corpus, indexer::NoProgress};
use proptest::prelude::*;

/// Pieces real pages are made of, to build tag soup that reaches deep into the extractor.
fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<article>".to_string()),
        Just("<nav><a href='/'>Home</a></nav>".to_string()),
        Just("<script>var a = '<p>';</script>".to_string()),
        Just("<meta property='og:title' content='T'>".to_string()),
        Just(
            "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[{\"name\":"
                .to_string()
        ),
        Just("<time datetime='2022-13-45T99:00'>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<!-- ".to_string()),
        Just("ORAL, Kazakhstan -- ".to_string()),
        "[A-Za-zА-я ,.'\"<>/=&;-]{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn extraction_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4000)) {
        let _ = extract_bytes(&bytes, "x.html");
        let _ = decode(&bytes);
    }

    #[test]
    fn extraction_never_panics_on_tag_soup(pieces in proptest::collection::vec(html_piece(), 0..80)) {
        let page = pieces.concat();
        if let Ok(article) = extract_bytes(page.as_bytes(), "soup.html") {
            prop_assert!(!article.text.contains("<script"), "script markup in text");
        }
    }

    #[test]
    fn datelines_come_from_the_text(text in "\\PC{0,200}") {
        if let Some(d) = find_dateline(&text) {
            prop_assert!(text.contains(d.raw.as_str()));
            prop_assert!(!d.city.is_empty());
        }
    }

    #[test]
    fn any_query_is_answered_or_refused_cleanly(q in "\\PC{0,60}") {
        let request = SearchRequest { query: q, limit: 5, ..Default::default() };
        match searcher().search(&request) {
            Ok(results) => {
                for hit in results.hits {
                    for s in hit.snippets.iter().chain(std::iter::once(&hit.title)) {
                        for r in &s.highlights {
                            prop_assert!(r.start < r.end && r.end <= s.text.len());
                            prop_assert!(s.text.is_char_boundary(r.start) && s.text.is_char_boundary(r.end));
                        }
                    }
                }
            }
            Err(dateline::Error::Query(msg)) => prop_assert!(!msg.is_empty()),
            Err(other) => prop_assert!(false, "unexpected error {other}"),
        }
    }
}

/// A searcher over a small index of the bundled corpus, built once.
fn searcher() -> &'static Searcher {
    static SEARCHER: OnceLock<(tempfile::TempDir, Searcher)> = OnceLock::new();
    &SEARCHER
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
            index_corpus(&IndexOptions::new(corpus, dir.path()), &NoProgress)
                .expect("corpus indexes");
            let searcher = Searcher::open(dir.path()).expect("index opens");
            (dir, searcher)
        })
        .1
}
