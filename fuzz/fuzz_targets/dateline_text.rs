//! The text-level parsers on arbitrary (lossily decoded UTF-8) strings: the dateline
//! regex and its slicing, the date parser (chrono formats, the leading-date regex and its
//! recursion), and the byline splitter.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = dateline::extract::find_dateline(&text);
    let _ = dateline::extract::dates::parse_date(&text);
    let _ = dateline::extract::meta::split_authors(&text);
});
