//! Reading publication dates in the many shapes pages write them.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use regex::Regex;
use std::sync::LazyLock;

/// Parses a date or date-time as pages write it. A value without a zone is taken as UTC.
pub fn parse_date(raw: &str) -> Option<DateTime<FixedOffset>> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(dt);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt);
    }
    const ZONED: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M:%S%z",
    ];
    for f in ZONED {
        if let Ok(dt) = DateTime::parse_from_str(s, f) {
            return Some(dt);
        }
    }
    let s = s
        .trim_end_matches('Z')
        .trim_end_matches(" UTC")
        .trim_end_matches(" GMT");
    const NAIVE: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
    ];
    for f in NAIVE {
        if let Ok(dt) = NaiveDateTime::parse_from_str(s, f) {
            return Some(utc(dt));
        }
    }
    const DAYS: &[&str] = &[
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%Y%m%d",
        "%B %d, %Y",
        "%b %d, %Y",
        "%b. %d, %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%A, %B %d, %Y",
        "%d.%m.%Y",
    ];
    for f in DAYS {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return d.and_hms_opt(0, 0, 0).map(utc);
        }
    }
    // A date-time with trailing words ("2022-01-20T10:00:00+06:00 (updated)").
    static LEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
        )
        .expect("valid regex")
    });
    let m = LEADING.find(s)?;
    (m.as_str() != s).then(|| parse_date(m.as_str())).flatten()
}

/// The date in a URL path such as `/2022/01/05/` or `/2022-01-05/`.
pub fn date_from_url(url: &str) -> Option<DateTime<FixedOffset>> {
    static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|/)((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|-|$|\.)",
        )
        .expect("valid regex")
    });
    let c = URL_DATE.captures(url)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let d = NaiveDate::from_ymd_opt(num(1)? as i32, num(2)?, num(3)?)?;
    d.and_hms_opt(0, 0, 0).map(utc)
}

fn utc(dt: NaiveDateTime) -> DateTime<FixedOffset> {
    Utc.from_utc_datetime(&dt).fixed_offset()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc(s: &str) -> String {
        parse_date(s).map(|d| d.to_rfc3339()).unwrap_or_default()
    }

    #[test]
    fn keeps_the_page_offset() {
        assert_eq!(
            rfc("2022-01-20T09:30:00+06:00"),
            "2022-01-20T09:30:00+06:00"
        );
        assert_eq!(rfc("2021-11-01T10:52:50+0100"), "2021-11-01T10:52:50+01:00");
    }

    #[test]
    fn reads_common_shapes() {
        assert_eq!(rfc("2018-04-05T06:00"), "2018-04-05T06:00:00+00:00");
        assert_eq!(rfc("2022-01-05"), "2022-01-05T00:00:00+00:00");
        assert_eq!(rfc("January 5, 2022"), "2022-01-05T00:00:00+00:00");
        assert_eq!(
            rfc("Wed, 05 Jan 2022 10:00:00 GMT"),
            "2022-01-05T10:00:00+00:00"
        );
        assert_eq!(rfc("2022-01-05T10:00:00.000Z"), "2022-01-05T10:00:00+00:00");
        assert_eq!(rfc("2022-01-05 (updated)"), "2022-01-05T00:00:00+00:00");
        assert_eq!(rfc("yesterday"), "");
    }

    #[test]
    fn url_dates() {
        let d = date_from_url("https://news.test/2021/03/14/flood.html").unwrap();
        assert_eq!(d.to_rfc3339(), "2021-03-14T00:00:00+00:00");
        assert!(date_from_url("https://news.test/2021/13/14/x").is_none());
        assert!(date_from_url("https://news.test/story/12345").is_none());
    }
}
