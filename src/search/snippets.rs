//! Snippets and highlights: the piece of text a hit shows and the byte ranges of its
//! matched words, made only for the hits returned.
//!
//! It must not search or decide which hits are shown.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use tantivy::snippet::SnippetGenerator;

/// Characters of article text around the matched words in a snippet.
pub(super) const SNIPPET_CHARS: usize = 220;

/// A piece of text with the byte ranges of the matched words in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

/// Marks matched words across a whole short text (a headline).
pub(super) fn highlight_whole(generator: &SnippetGenerator, text: &str) -> Snippet {
    let snippet = generator.snippet(text);
    if snippet.fragment() == text {
        Snippet {
            text: text.to_string(),
            highlights: snippet.highlighted().to_vec(),
        }
    } else {
        // The generator trims around matches; re-anchor its ranges in the full text.
        let offset = text.find(snippet.fragment()).unwrap_or(0);
        let highlights = if snippet.fragment().is_empty() {
            Vec::new()
        } else {
            snippet
                .highlighted()
                .iter()
                .map(|r| r.start + offset..r.end + offset)
                .collect()
        };
        Snippet {
            text: text.to_string(),
            highlights,
        }
    }
}

/// A snippet as people read it: whitespace runs (paragraph breaks) become one space,
/// "…" marks text cut off on either side, and highlights of neighbouring words merge
/// ("liquefied petroleum gas" is one highlight). Ranges are moved to match.
pub(super) fn tidy_snippet(
    fragment: &str,
    highlights: &[Range<usize>],
    cut_before: bool,
    cut_after: bool,
) -> Snippet {
    let mut text = String::with_capacity(fragment.len() + 8);
    let mut map = vec![0; fragment.len() + 1];
    if cut_before {
        text.push('…');
    }
    let mut last_space = true;
    let trimmed_start = fragment.len() - fragment.trim_start().len();
    for (i, c) in fragment.char_indices() {
        for slot in map.iter_mut().skip(i).take(c.len_utf8()) {
            *slot = text.len();
        }
        if i < trimmed_start {
            continue;
        }
        if c.is_whitespace() {
            if !last_space {
                text.push(' ');
            }
            last_space = true;
        } else {
            text.push(c);
            last_space = false;
        }
    }
    map[fragment.len()] = text.len();
    while text.ends_with(' ') {
        text.pop();
    }
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in highlights {
        let (start, end) = (
            map[r.start.min(fragment.len())],
            map[r.end.min(fragment.len())].min(text.len()),
        );
        if start >= end {
            continue;
        }
        match merged.last_mut() {
            Some(prev) if text[prev.end..start].chars().all(char::is_whitespace) => prev.end = end,
            _ => merged.push(start..end),
        }
    }
    if cut_after {
        text.push('…');
    }
    Snippet {
        text,
        highlights: merged,
    }
}

/// A snippet generator for `query` over a stemmed field. For English it stems only the
/// words that can match: an English stem keeps its word's first letter, so a word whose
/// first letter starts no query stem is left unstemmed (it matches neither way). Stemming
/// every word of each hit's text was about a sixth of a 10-hit query. Other languages'
/// stemmers may strip prefixes (Arabic "al-", Dutch "ge-"), so they stem every word.
pub(super) fn stemmed_generator(
    searcher: &tantivy::Searcher,
    query: &dyn tantivy::query::Query,
    field: tantivy::schema::Field,
    language: &str,
) -> tantivy::Result<SnippetGenerator> {
    use std::collections::{BTreeMap, BTreeSet};
    if language != "en" {
        return SnippetGenerator::create(searcher, query, field);
    }
    // As `SnippetGenerator::create` scores them: rarer terms weigh more.
    let mut terms: BTreeSet<&tantivy::Term> = BTreeSet::new();
    query.query_terms(&mut |term, _| {
        if term.field() == field {
            terms.insert(term);
        }
    });
    let mut terms_text: BTreeMap<String, f32> = BTreeMap::new();
    for term in terms {
        if let Some(text) = term.value().as_str() {
            let doc_freq = searcher.doc_freq(term)?;
            if doc_freq > 0 {
                terms_text.insert(text.to_string(), 1.0 / (1.0 + doc_freq as f32));
            }
        }
    }
    let first_letters: Vec<char> = terms_text.keys().filter_map(|t| t.chars().next()).collect();
    // The field's own analyzer, its stemming gated.
    let analyzer = crate::schema::stemmed_words(gated::GatedEnglishStemmer { first_letters });
    Ok(SnippetGenerator::new(
        terms_text,
        analyzer,
        field,
        SNIPPET_CHARS,
    ))
}

mod gated {
    use std::borrow::Cow;

    use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

    /// Porter2 English stemming of the tokens whose first letter is one of
    /// `first_letters`; the others pass unchanged.
    #[derive(Clone)]
    pub(super) struct GatedEnglishStemmer {
        pub(super) first_letters: Vec<char>,
    }

    impl TokenFilter for GatedEnglishStemmer {
        type Tokenizer<T: Tokenizer> = Gated<T>;

        fn transform<T: Tokenizer>(self, inner: T) -> Gated<T> {
            Gated {
                first_letters: self.first_letters,
                inner,
            }
        }
    }

    #[derive(Clone)]
    pub(super) struct Gated<T> {
        first_letters: Vec<char>,
        inner: T,
    }

    impl<T: Tokenizer> Tokenizer for Gated<T> {
        type TokenStream<'a> = GatedStream<'a, T::TokenStream<'a>>;

        fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
            GatedStream {
                tail: self.inner.token_stream(text),
                stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
                first_letters: &self.first_letters,
            }
        }
    }

    pub(super) struct GatedStream<'a, T> {
        tail: T,
        stemmer: frostem::Stemmer,
        first_letters: &'a [char],
    }

    impl<T: TokenStream> TokenStream for GatedStream<'_, T> {
        fn advance(&mut self) -> bool {
            if !self.tail.advance() {
                return false;
            }
            let token = self.tail.token_mut();
            let may_match = token
                .text
                .chars()
                .next()
                .is_some_and(|c| self.first_letters.contains(&c));
            if may_match && let Cow::Owned(stemmed) = self.stemmer.stem(&token.text) {
                token.text = stemmed;
            }
            true
        }

        fn token(&self) -> &Token {
            self.tail.token()
        }

        fn token_mut(&mut self) -> &mut Token {
            self.tail.token_mut()
        }
    }
}

/// The first `max` characters of a text, cut at a word boundary.
pub(super) fn opening(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((cut, _)) => {
            let cut = text[..cut].rfind(char::is_whitespace).unwrap_or(cut);
            format!("{}…", text[..cut].trim_end())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gated stemmer makes a word equal to a query stem exactly when the full English
    /// stemmer does, including the words whose stem changes a letter ("dying" -> "die").
    #[test]
    fn gated_stemming_matches_the_query_stems_the_full_stemmer_matches() {
        use tantivy::tokenizer::{Language, Stemmer, TextAnalyzer, TokenStream};
        let words = "dying lying tying skis news protesters protesting generously running \
                     runner ran cities city's ships shipping Officials officially gas gases \
                     prices priced elections electing die lie tie sky ski";
        let tokens = |analyzer: &mut TextAnalyzer| {
            let mut stream = analyzer.token_stream(words);
            let mut out = Vec::new();
            while stream.advance() {
                out.push(stream.token().text.clone());
            }
            out
        };
        let mut full = crate::schema::stemmed_words(Stemmer::new(Language::English));
        let stems = tokens(&mut full);
        for query in ["die", "protest", "citi", "ship", "offici", "price", "run"] {
            let mut gated = crate::schema::stemmed_words(gated::GatedEnglishStemmer {
                first_letters: query.chars().take(1).collect(),
            });
            let marked: Vec<bool> = tokens(&mut gated).iter().map(|t| t == query).collect();
            let expected: Vec<bool> = stems.iter().map(|t| t == query).collect();
            assert_eq!(marked, expected, "{query}");
            assert!(expected.contains(&true), "{query} matches some word");
        }
    }

    #[test]
    fn snippets_collapse_space_and_merge_neighbouring_highlights() {
        let fragment = "price of\n\nliquefied petroleum gas, the fuel";
        let s = tidy_snippet(fragment, &[0..5, 10..19, 20..29, 30..33], true, true);
        assert_eq!(s.text, "…price of liquefied petroleum gas, the fuel…");
        let marked: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(marked, ["price", "liquefied petroleum gas"]);
    }

    #[test]
    fn opening_cuts_at_a_word() {
        assert_eq!(opening("one two three", 100), "one two three");
        assert_eq!(opening("one two three", 9), "one two…");
    }
}
