//! Whole-page extraction on arbitrary bytes: charset detection and decoding, the depth
//! limiter, HTML parsing, metadata (JSON-LD, meta tags, dates, bylines), content choice
//! (dom_smoothie), rendering (html2text), language detection and the dateline.
//! Any outcome is fine, `Ok` or a `SkipReason`; a panic, a hang or a stack overflow is not.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dateline::extract::extract_bytes(data, "fuzz.html");
});
