//! The one way place names are compared: shared by the build script (which builds the
//! name index) and the tagger (which looks names up), so both sides always agree.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case, diacritics removed (é -> e, ё -> е), apostrophes and dots dropped, hyphens
/// and other punctuation as spaces, runs of spaces collapsed: "Orál" -> "oral",
/// "Alma-Ata" -> "alma ata", "U.S." -> "us".
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = true;
    for c in name.nfd() {
        if is_combining_mark(c) || matches!(c, '\'' | '’' | 'ʻ' | 'ʼ' | '‘' | '`' | '.') {
            continue;
        }
        if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                out.push(match lower {
                    'ı' => 'i',
                    other => other,
                });
            }
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}
