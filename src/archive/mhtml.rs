//! MHTML, what browsers write for "save as single file" (`.mht`, `.mhtml`): a MIME
//! `multipart/related` message whose first HTML part is the page, the others its images
//! and styles. The MIME parsing is `mailparse`'s.

use mailparse::MailHeaderMap;

use super::Payload;
use crate::extract::{Origin, SkipReason};

/// Whether a file name ends in `.mht` or `.mhtml` (any case).
pub fn is_mhtml(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("mht") || e.eq_ignore_ascii_case("mhtml"))
}

/// The page an MHTML file holds: the HTML part's bytes (transfer encoding undone, charset
/// left to the usual decoding, with the part's declared charset as the transport one),
/// its URL (`Snapshot-Content-Location`, else the part's `Content-Location`) and the
/// save date (`Date`) as the capture time.
pub fn page(bytes: &[u8]) -> Result<Payload, SkipReason> {
    let mail = mailparse::parse_mail(bytes)
        .map_err(|e| SkipReason::Damaged(format!("not a readable MHTML file: {e}")))?;
    let part = html_part(&mail)
        .ok_or_else(|| SkipReason::Damaged("an MHTML file without an HTML part".to_string()))?;
    let body = part
        .get_body_raw()
        .map_err(|e| SkipReason::Damaged(format!("the MHTML page part cannot be decoded: {e}")))?;
    // mailparse reports us-ascii when no charset is given: only a declared one counts.
    let declared = part
        .headers
        .get_first_value("Content-Type")
        .is_some_and(|v| v.to_ascii_lowercase().contains("charset"));
    let charset = declared
        .then(|| part.ctype.params.get("charset"))
        .flatten()
        .and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()))
        .map(encoding_rs::Encoding::output_encoding);
    let url = mail
        .headers
        .get_first_value("Snapshot-Content-Location")
        .or_else(|| part.headers.get_first_value("Content-Location"))
        .map(|u| u.trim().to_string())
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let captured = mail
        .headers
        .get_first_value("Date")
        .and_then(|d| chrono::DateTime::parse_from_rfc2822(d.trim()).ok());
    Ok(Payload {
        bytes: body,
        origin: Origin {
            charset,
            url,
            captured,
        },
    })
}

fn html_part<'a>(mail: &'a mailparse::ParsedMail<'a>) -> Option<&'a mailparse::ParsedMail<'a>> {
    let mime = mail.ctype.mimetype.to_ascii_lowercase();
    if mime == "text/html" || mime == "application/xhtml+xml" {
        return Some(mail);
    }
    mail.subparts.iter().find_map(html_part)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAVED: &str = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/lima\r\nSubject: Floods hit Lima\r\nDate: Tue, 19 Nov 2019 12:00:00 -0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n\r\n------MultipartBoundary--abc----\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://news.example/lima\r\n\r\n<html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=3DUTF-8\"><title>Floods hit Lima</title></head><body><p>Per=C3=BA: heavy rains swelled the Rimac.</p></body></html>\r\n\r\n------MultipartBoundary--abc----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://news.example/logo.png\r\n\r\niVBORw0KGgo=\r\n\r\n------MultipartBoundary--abc------\r\n";

    #[test]
    fn the_html_part_with_its_url_and_save_date() {
        let page = page(SAVED.as_bytes()).unwrap();
        let html = String::from_utf8(page.bytes).unwrap();
        assert!(html.contains("<p>Perú: heavy rains"), "{html}");
        assert_eq!(
            page.origin.url.as_deref(),
            Some("https://news.example/lima")
        );
        assert_eq!(
            page.origin.captured.unwrap().to_rfc3339(),
            "2019-11-19T12:00:00+00:00"
        );
        assert_eq!(
            page.origin.charset, None,
            "no charset on the part: the page's own"
        );
    }

    #[test]
    fn a_file_without_html_is_damaged() {
        let text = "MIME-Version: 1.0\r\nContent-Type: image/png\r\n\r\nxyz";
        assert!(matches!(page(text.as_bytes()), Err(SkipReason::Damaged(_))));
    }
}
