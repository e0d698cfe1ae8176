//! Turning a page's bytes into text: BOM first, then the charset the page declares,
//! then detection. A declaration that the bytes plainly contradict is not trusted.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// How far into the page a `<meta charset>` is looked for (browsers use 1024 bytes;
/// saved pages often put long comments first).
const PRESCAN_BYTES: usize = 4096;

/// Decodes `bytes` to text and says which encoding was used. Malformed sequences
/// become U+FFFD rather than failing: a page with a few bad bytes is still worth indexing.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, &'static Encoding) {
    decode_declared(bytes, None)
}

/// [`decode`] for bytes that came with a charset from outside the page (an HTTP
/// `Content-Type`): in WHATWG's order it comes after a BOM and before `<meta>`, and like
/// `<meta>` it is not trusted when the bytes plainly contradict it.
pub fn decode_declared<'a>(
    bytes: &'a [u8],
    transport: Option<&'static Encoding>,
) -> (Cow<'a, str>, &'static Encoding) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return (text, encoding);
    }
    let encoding = choose_encoding(bytes, transport);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text, encoding)
}

fn choose_encoding(bytes: &[u8], transport: Option<&'static Encoding>) -> &'static Encoding {
    let is_utf8 = is_valid_utf8(bytes);
    let declared = transport
        .map(Encoding::output_encoding)
        .or_else(|| declared_encoding(&bytes[..bytes.len().min(PRESCAN_BYTES)]));
    if let Some(declared) = declared {
        // A page saved as UTF-8 by a browser often keeps its old declaration.
        if declared != UTF_8 && is_utf8 && !bytes.is_ascii() {
            return UTF_8;
        }
        if declared != UTF_8 || is_utf8 {
            return declared;
        }
    }
    if is_utf8 {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

fn is_valid_utf8(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok()
}

/// The encoding named by `<meta charset=...>`, `<meta http-equiv=... content="...; charset=...">`
/// or an XML declaration, if any. UTF-16 labels are read as UTF-8, as browsers do for
/// byte streams that reached the parser without a BOM.
fn declared_encoding(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && matches!(lower[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len() && matches!(lower[i], b' ' | b'"' | b'\'') {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
            .map_or(lower.len(), |n| i + n);
        if let Some(enc) = Encoding::for_label(&lower[i..end]) {
            return Some(enc.output_encoding());
        }
    }
    if let Some(pos) = find(&lower, b"<?xml") {
        let decl = &lower[pos..];
        let decl = &decl[..find(decl, b"?>").unwrap_or(decl.len())];
        if let Some(e) = find(decl, b"encoding=") {
            let rest = &decl[e + 9..];
            let quote = *rest.first()?;
            let value = &rest[1..];
            let end = value.iter().position(|&b| b == quote)?;
            return Encoding::for_label(&value[..end]).map(Encoding::output_encoding);
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUSSIAN: &str = "Протестующие в Уральске требовали отставки правительства";

    #[test]
    fn bom_wins() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=windows-1251><p>Ой</p>".as_bytes());
        let (text, enc) = decode(&bytes);
        assert_eq!(enc, UTF_8);
        assert!(text.contains("Ой"));
    }

    #[test]
    fn declared_windows_1251_is_used() {
        let (body, _, _) = encoding_rs::WINDOWS_1251.encode(RUSSIAN);
        let mut bytes = b"<html><head><meta charset=\"windows-1251\"></head><body><p>".to_vec();
        bytes.extend_from_slice(&body);
        let (text, enc) = decode(&bytes);
        assert_eq!(enc, encoding_rs::WINDOWS_1251);
        assert!(text.contains(RUSSIAN));
    }

    #[test]
    fn http_equiv_declaration_is_read() {
        let head = br#"<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">"#;
        assert_eq!(declared_encoding(head), Some(encoding_rs::KOI8_R));
    }

    #[test]
    fn undeclared_windows_1251_is_detected() {
        let text = format!("<html><body><p>{RUSSIAN}. {RUSSIAN}.</p></body></html>");
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
        let (decoded, enc) = decode(&bytes);
        assert_eq!(enc, encoding_rs::WINDOWS_1251);
        assert!(decoded.contains(RUSSIAN));
    }

    #[test]
    fn utf8_declared_as_latin1_stays_utf8() {
        let page = "<meta charset=iso-8859-1><p>Perú, café</p>";
        let (text, enc) = decode(page.as_bytes());
        assert_eq!(enc, UTF_8);
        assert!(text.contains("Perú"));
    }

    #[test]
    fn http_charset_outranks_meta_unless_contradicted() {
        let (body, _, _) = encoding_rs::WINDOWS_1251.encode(RUSSIAN);
        let mut bytes = b"<meta charset=iso-8859-5><p>".to_vec();
        bytes.extend_from_slice(&body);
        let (text, enc) = decode_declared(&bytes, Some(encoding_rs::WINDOWS_1251));
        assert_eq!(enc, encoding_rs::WINDOWS_1251);
        assert!(text.contains(RUSSIAN));
        // A server that says Latin-1 for a UTF-8 page is not believed.
        let page = format!("<p>{RUSSIAN}</p>");
        let (text, enc) = decode_declared(page.as_bytes(), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(enc, UTF_8);
        assert!(text.contains(RUSSIAN));
    }

    #[test]
    fn xml_declaration_is_read() {
        let head = br#"<?xml version="1.0" encoding="ISO-8859-1"?><html>"#;
        assert_eq!(declared_encoding(head), Some(encoding_rs::WINDOWS_1252));
    }
}
