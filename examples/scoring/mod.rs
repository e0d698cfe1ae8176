//! Scoring helpers shared by the extraction evaluations (eval_extract, eval_news).
#![allow(dead_code)]

use std::collections::HashMap;

pub fn tokens(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    counts
}

pub fn token_f1(
    ours: &HashMap<String, usize>,
    expected: &HashMap<String, usize>,
) -> (f64, f64, f64) {
    let ours_n: usize = ours.values().sum();
    let exp_n: usize = expected.values().sum();
    if ours_n == 0 && exp_n == 0 {
        return (1.0, 1.0, 1.0);
    }
    let common: usize = ours
        .iter()
        .map(|(w, n)| (*n).min(expected.get(w).copied().unwrap_or(0)))
        .sum();
    let p = if ours_n == 0 {
        0.0
    } else {
        common as f64 / ours_n as f64
    };
    let r = if exp_n == 0 {
        0.0
    } else {
        common as f64 / exp_n as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Trimmed, case-folded, whitespace-collapsed; empty counts as absent.
pub fn fold(s: Option<&str>) -> Option<String> {
    let s = s?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (!s.is_empty()).then_some(s)
}

/// The names of a byline: its [`byline_words`] without dates, times and "Posted"/"Written",
/// which Readability's bylines often carry ("By Nathan Willis March 25, 2015") and are not
/// a name.
pub fn name_words(s: Option<&str>) -> Option<Vec<String>> {
    const NOT_NAMES: &[&str] = &[
        "posted",
        "written",
        "am",
        "pm",
        "at",
        "updated",
        "published",
        "last",
    ];
    const DATE_WORDS: &[&str] = &[
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
        "mon",
        "monday",
        "tue",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
    ];
    let words: Vec<String> = byline_words(s)?
        .into_iter()
        .filter(|w| !NOT_NAMES.contains(&w.as_str()) && !DATE_WORDS.contains(&w.as_str()))
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    (!words.is_empty()).then_some(words)
}

/// The words of a byline, without "by" and joiners in the set's languages, so "By A and B"
/// equals "A, B" and "Par A (avec B et C)" equals "A, B, C".
pub fn byline_words(s: Option<&str>) -> Option<Vec<String>> {
    const JOINERS: &[&str] = &[
        "by", "and", "with", "par", "et", "avec", "von", "und", "mit", "por", "y", "con",
    ];
    let mut words: Vec<String> = s?
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !JOINERS.contains(&w.as_str()))
        .collect();
    words.sort();
    words.dedup();
    (!words.is_empty()).then_some(words)
}
