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
    if let Some(m) = LEADING.find(s)
        && m.as_str() != s
    {
        return parse_date(m.as_str());
    }
    // "12-15-2016": month and day in either order, read only when one order is
    // impossible.
    static DASHED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{1,2})-(\d{1,2})-(\d{4})$").expect("valid regex"));
    if let Some(c) = DASHED.captures(s) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let (a, b, year) = (num(1)?, num(2)?, num(3)? as i32);
        let (month, day) = match (a > 12, b > 12) {
            (true, false) => (b, a),
            (false, true) => (a, b),
            (false, false) if a == b => (a, b),
            _ => return None,
        };
        return NaiveDate::from_ymd_opt(year, month, day)?
            .and_hms_opt(0, 0, 0)
            .map(utc);
    }
    // Java's and C's way of printing a date ("Mon Aug 03 12:45:00 EDT 2015"): the year
    // after the time and zone.
    static PRINTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\p{L}{3},? )?(\p{L}{3}) +(\d{1,2}) (\d{1,2}:\d{2}(?::\d{2})?) (?:([A-Za-z]{2,5}) )?(\d{4})$")
            .expect("valid regex")
    });
    if let Some(c) = PRINTED.captures(s) {
        let part = |i: usize| c.get(i).map_or("", |m| m.as_str());
        let reordered = format!(
            "{} {}, {} {} {}",
            part(1),
            part(2),
            part(5),
            part(3),
            part(4)
        );
        return parse_human_date(reordered.trim());
    }
    // "November 19, 2019, 07:47 PM EST" in a field meant for ISO 8601.
    parse_human_date(s)
}

/// Month names (and their usual abbreviations and case forms) in the languages dateline
/// stems, by number: "November", "Nov.", "novembre", "noviembre", "novembro", "ноября".
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("janvier", 1),
    ("janv", 1),
    ("enero", 1),
    ("janeiro", 1),
    ("gennaio", 1),
    ("januari", 1),
    ("januára", 1),
    ("января", 1),
    ("январь", 1),
    ("stycznia", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("febrero", 2),
    ("fevereiro", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("февраля", 2),
    ("февраль", 2),
    ("lutego", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("maart", 3),
    ("марта", 3),
    ("март", 3),
    ("marca", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("апреля", 4),
    ("апрель", 4),
    ("kwietnia", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maio", 5),
    ("maggio", 5),
    ("mei", 5),
    ("мая", 5),
    ("май", 5),
    ("maja", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("junho", 6),
    ("giugno", 6),
    ("июня", 6),
    ("июнь", 6),
    ("czerwca", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("juil", 7),
    ("julio", 7),
    ("julho", 7),
    ("luglio", 7),
    ("июля", 7),
    ("июль", 7),
    ("lipca", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("августа", 8),
    ("август", 8),
    ("sierpnia", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setembro", 9),
    ("settembre", 9),
    ("сентября", 9),
    ("сентябрь", 9),
    ("września", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("outubro", 10),
    ("ottobre", 10),
    ("октября", 10),
    ("октябрь", 10),
    ("października", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("ноября", 11),
    ("ноябрь", 11),
    ("listopada", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("diciembre", 12),
    ("dezembro", 12),
    ("dicembre", 12),
    ("декабря", 12),
    ("декабрь", 12),
    ("grudnia", 12),
];

/// Offsets of the time zones news pages abbreviate, in hours (US zones, UTC/GMT, Central
/// Europe, Britain's summer time, India, Moscow).
const ZONES: &[(&str, i32)] = &[
    ("utc", 0),
    ("gmt", 0),
    ("z", 0),
    ("est", -5),
    ("edt", -4),
    ("cst", -6),
    ("cdt", -5),
    ("mst", -7),
    ("mdt", -6),
    ("pst", -8),
    ("pdt", -7),
    ("cet", 1),
    ("cest", 2),
    ("bst", 1),
    ("ist", 5),
    ("msk", 3),
    ("et", -5),
    ("pt", -8),
];

fn month_of(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == w).map(|(_, m)| *m)
}

/// The first date a line of human text gives ("Published 11:34 PM EST Nov 19, 2019",
/// "November 19, 2019, 07:47 PM EST", "19 novembre 2019", "19. November 2019 um 10:12",
/// "sexta-feira, 22 de outubro de 2010 às 20:13", "19 ноября 2019 г.", "19.11.2019"), with
/// its time and zone when the line gives them. Days without a zone are read as UTC.
pub fn parse_human_date(line: &str) -> Option<DateTime<FixedOffset>> {
    static WORDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:(\d{1,2})\.?\s+(?:de\s+)?(\p{L}{3,12})\.?,?\s+(?:de\s+)?(\d{4})|(\p{L}{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b")
            .expect("valid regex")
    });
    static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
        // 19.11.2019, 2019-11-19, 2019年11月19日 (Japanese and Chinese), 2019/11/19.
        Regex::new(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b|(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|\b(\d{4})/(\d{1,2})/(\d{1,2})\b")
            .expect("valid regex")
    });
    static TIME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(\d{1,2})[:.h時](\d{2})(?::\d{2})?\s*(a\.?m\.?|p\.?m\.?)?(?:\s*\(?([a-z]{1,4})\b)?")
            .expect("valid regex")
    });
    let (date, at) = if let Some(c) = WORDS.captures(line) {
        let whole = c.get(0)?;
        let (day, month, year) = match (c.get(1), c.get(4)) {
            (Some(d), _) => (d.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str()),
            (None, Some(m)) => (c.get(5)?.as_str(), m.as_str(), c.get(6)?.as_str()),
            _ => return None,
        };
        let date =
            NaiveDate::from_ymd_opt(year.parse().ok()?, month_of(month)?, day.parse().ok()?)?;
        (date, whole.range())
    } else {
        let c = NUMERIC.captures(line)?;
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let ymd = |y: usize| NaiveDate::from_ymd_opt(num(y)? as i32, num(y + 1)?, num(y + 2)?);
        let date = if c.get(1).is_some() {
            NaiveDate::from_ymd_opt(num(3)? as i32, num(2)?, num(1)?)?
        } else {
            [4, 7, 10]
                .into_iter()
                .find(|&y| c.get(y).is_some())
                .and_then(ymd)?
        };
        (date, c.get(0)?.range())
    };
    // A time next to the date, before or after it ("11:34 PM EST Nov 19, 2019").
    let near = |r: &std::ops::Range<usize>| {
        let apart = r.end <= at.start || r.start >= at.end;
        apart && r.end + 40 >= at.start && r.start <= at.end + 40
    };
    let time = TIME
        .captures_iter(line)
        .find(|t| t.get(0).is_some_and(|m| near(&m.range())));
    let Some(t) = time else {
        return date.and_hms_opt(0, 0, 0).map(utc);
    };
    let mut hour: u32 = t.get(1)?.as_str().parse().ok()?;
    let minute: u32 = t.get(2)?.as_str().parse().ok()?;
    if let Some(half) = t.get(3) {
        let pm = half.as_str().to_lowercase().starts_with('p');
        hour = match (hour, pm) {
            (12, false) => 0,
            (h, true) if h < 12 => h + 12,
            (h, _) => h,
        };
    }
    let naive = date.and_hms_opt(hour, minute, 0)?;
    let offset = t
        .get(4)
        .and_then(|z| {
            ZONES
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(z.as_str()))
        })
        .map_or(0, |(_, hours)| hours * 3600);
    FixedOffset::east_opt(offset)?
        .from_local_datetime(&naive)
        .single()
}

/// Whether a date can be a publication date: not a placeholder (year 1, the Unix epoch),
/// not before 1800, not after `now` and a day.
pub fn is_plausible(date: &DateTime<FixedOffset>, now: DateTime<Utc>) -> bool {
    use chrono::Datelike;
    let epoch = date.timestamp() == 0;
    date.year() >= 1800 && !epoch && *date <= now + chrono::Duration::days(1)
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
    fn japanese_and_chinese_dates_are_read() {
        let day = |s: &str| parse_human_date(s).map(|d| d.date_naive().to_string());
        assert_eq!(day("2019年4月2日公表").as_deref(), Some("2019-04-02"));
        assert_eq!(
            day("最終更新日：2019年 4月 2日").as_deref(),
            Some("2019-04-02")
        );
        assert_eq!(day("2019/04/04").as_deref(), Some("2019-04-04"));
        let at = parse_human_date("2019年04月28日 08時00分").map(|d| d.to_rfc3339());
        assert_eq!(at.as_deref(), Some("2019-04-28T08:00:00+00:00"));
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
        // Month and day in the order only one of them can be; never a guess.
        assert_eq!(rfc("12-15-2016"), "2016-12-15T00:00:00+00:00");
        assert_eq!(rfc("15-12-2016"), "2016-12-15T00:00:00+00:00");
        assert_eq!(rfc("05-04-2021"), "");
        assert_eq!(rfc("05-05-2021"), "2021-05-05T00:00:00+00:00");
        // Java's Date.toString(), with its zone.
        assert_eq!(
            rfc("Mon Aug 03 12:45:00 EDT 2015"),
            "2015-08-03T12:45:00-04:00"
        );
    }

    #[test]
    fn human_dates_with_their_times_and_zones() {
        let h = |s: &str| {
            parse_human_date(s)
                .map(|d| d.to_rfc3339())
                .unwrap_or_default()
        };
        assert_eq!(
            h("Published 11:34 PM EST Nov 19, 2019"),
            "2019-11-19T23:34:00-05:00"
        );
        assert_eq!(
            rfc("November 19, 2019, 07:47 PM EST"),
            "2019-11-19T19:47:00-05:00"
        );
        assert_eq!(
            h("Updated: Dec 15, 2016 2:57 PM UTC"),
            "2016-12-15T14:57:00+00:00"
        );
        assert_eq!(h("19 novembre 2019"), "2019-11-19T00:00:00+00:00");
        assert_eq!(
            h("Veröffentlicht am 19. November 2019 um 10:12"),
            "2019-11-19T10:12:00+00:00"
        );
        assert_eq!(
            h("sexta-feira, 22 de outubro de 2010 às 20:13"),
            "2010-10-22T20:13:00+00:00"
        );
        assert_eq!(h("19 ноября 2019 г."), "2019-11-19T00:00:00+00:00");
        assert_eq!(h("Stand: 19.11.2019"), "2019-11-19T00:00:00+00:00");
        assert_eq!(h("no date here, 2019 people"), "");
    }

    #[test]
    fn placeholders_and_impossible_dates_are_not_plausible() {
        let now = Utc::now();
        let p = |s: &str| parse_date(s).is_some_and(|d| is_plausible(&d, now));
        assert!(!p("0001-01-01T00:00:00Z"));
        assert!(!p("1970-01-01T00:00:00Z"));
        assert!(!p("1750-06-01"));
        assert!(!p("2999-01-01"));
        assert!(p("2019-11-19T23:34:00-05:00"));
    }

    #[test]
    fn url_dates() {
        let d = date_from_url("https://news.test/2021/03/14/flood.html").unwrap();
        assert_eq!(d.to_rfc3339(), "2021-03-14T00:00:00+00:00");
        assert!(date_from_url("https://news.test/2021/13/14/x").is_none());
        assert!(date_from_url("https://news.test/story/12345").is_none());
    }
}
