//! Counting matching articles per year or month of publication, for `dateline timeline`
//! and the search page's chart. Uses only the public search API.

use chrono::{Datelike, NaiveDate, Utc};
use serde::Serialize;

use crate::render::SCHEMA_VERSION;
use crate::search::{SearchRequest, Searcher, SortOrder};

/// The length of a timeline's periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Year,
    Month,
    Day,
}

impl Period {
    /// The period holding a day, as a number that grows by one per period.
    pub(crate) fn index(self, day: NaiveDate) -> i64 {
        match self {
            Period::Year => i64::from(day.year()),
            Period::Month => i64::from(day.year()) * 12 + i64::from(day.month0()),
            Period::Day => i64::from(day.num_days_from_ce()),
        }
    }

    /// First and last day of a period.
    pub(crate) fn bounds(self, index: i64) -> Option<(NaiveDate, NaiveDate)> {
        let (year, month0) = match self {
            Period::Year => (index, None),
            Period::Month => (index.div_euclid(12), Some(index.rem_euclid(12))),
            Period::Day => {
                let day = NaiveDate::from_num_days_from_ce_opt(i32::try_from(index).ok()?)?;
                return Some((day, day));
            }
        };
        let year = i32::try_from(year).ok()?;
        match month0 {
            None => Some((
                NaiveDate::from_ymd_opt(year, 1, 1)?,
                NaiveDate::from_ymd_opt(year, 12, 31)?,
            )),
            Some(m0) => {
                let first = NaiveDate::from_ymd_opt(year, u32::try_from(m0).ok()? + 1, 1)?;
                let last = first
                    .checked_add_months(chrono::Months::new(1))?
                    .pred_opt()?;
                Some((first, last))
            }
        }
    }

    pub(crate) fn label(self, index: i64) -> String {
        match self {
            Period::Year => format!("{index}"),
            Period::Month => format!("{}-{:02}", index.div_euclid(12), index.rem_euclid(12) + 1),
            Period::Day => self
                .bounds(index)
                .map_or_else(String::new, |(day, _)| day.to_string()),
        }
    }
}

/// How many matching articles were published in one period.
#[derive(Debug, Clone, Serialize)]
pub struct PeriodCount {
    /// `2022` or `2022-01`.
    pub period: String,
    /// First and last day of the period (UTC).
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub count: usize,
    /// With [`relative`]: every article of the period (the request's filters, any
    /// words), and `count` as a share of it, between 0 and 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
}

/// Matching articles per period.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    pub schema_version: u32,
    pub query: String,
    pub by: Period,
    /// All matching articles, dated or not.
    pub total: usize,
    /// Matching articles without a publication date (in no period).
    pub undated: usize,
    /// Periods with at least one article, oldest first.
    pub periods: Vec<PeriodCount>,
    pub notes: Vec<String>,
}

/// Counts the articles a request matches per year or month of publication (UTC), with
/// the same filters as a search. Works by counting date ranges (no article is loaded):
/// the newest and oldest matches bound the range, which is halved until each part is
/// empty or one period, so the cost grows with the number of non-empty periods.
pub fn timeline(searcher: &Searcher, req: &SearchRequest, by: Period) -> crate::Result<Timeline> {
    let counting = |since: Option<NaiveDate>, until: Option<NaiveDate>| SearchRequest {
        since,
        until,
        limit: 0,
        offset: 0,
        sort: SortOrder::Relevance,
        ..req.clone()
    };
    let all = searcher.search(&counting(req.since, req.until))?;
    let mut timeline = Timeline {
        schema_version: SCHEMA_VERSION,
        query: req.query.clone(),
        by,
        total: all.total,
        undated: all.total,
        periods: Vec::new(),
        notes: all.notes,
    };
    if all.total == 0 {
        return Ok(timeline);
    }
    // Hits sorted by date put undated articles last, both ways.
    let edge = |sort| -> crate::Result<Option<NaiveDate>> {
        let first = SearchRequest {
            limit: 1,
            offset: 0,
            sort,
            ..counting(req.since, req.until)
        };
        Ok(searcher
            .search(&first)?
            .hits
            .first()
            .and_then(|h| h.article.published)
            .map(|p| p.with_timezone(&Utc).date_naive()))
    };
    let Some(newest) = edge(SortOrder::Newest)? else {
        return Ok(timeline);
    };
    let oldest = edge(SortOrder::Oldest)?.unwrap_or(newest).min(newest);
    let within = |(start, end): (NaiveDate, NaiveDate)| {
        (
            req.since.map_or(start, |s| s.max(start)),
            req.until.map_or(end, |u| u.min(end)),
        )
    };
    let count = |lo: i64, hi: i64| -> crate::Result<usize> {
        let (Some((start, _)), Some((_, end))) = (by.bounds(lo), by.bounds(hi)) else {
            return Ok(0);
        };
        let (start, end) = within((start, end));
        if start > end {
            return Ok(0);
        }
        Ok(searcher.search(&counting(Some(start), Some(end)))?.total)
    };
    let (lo, hi) = (by.index(oldest), by.index(newest));
    let dated = count(lo, hi)?;
    timeline.undated = all.total.saturating_sub(dated);
    // Depth-first halving, left half first, so periods come out in order.
    let mut stack = vec![(lo, hi, dated)];
    while let Some((lo, hi, n)) = stack.pop() {
        if n == 0 {
            continue;
        }
        if lo == hi {
            if let Some(bounds) = by.bounds(lo) {
                let (start, end) = within(bounds);
                timeline.periods.push(PeriodCount {
                    period: by.label(lo),
                    start,
                    end,
                    count: n,
                    all: None,
                    share: None,
                });
            }
            continue;
        }
        let mid = lo + (hi - lo) / 2;
        let left = count(lo, mid)?;
        stack.push((mid + 1, hi, n.saturating_sub(left)));
        stack.push((lo, mid, left));
    }
    Ok(timeline)
}

/// Gives each period of a timeline its share of everything published then: the articles
/// the same filters find with any words. A rise in a word's count may be a rise in what
/// the archive holds; the share tells them apart.
pub fn relative(
    searcher: &Searcher,
    req: &SearchRequest,
    timeline: &mut Timeline,
) -> crate::Result<()> {
    for p in &mut timeline.periods {
        let all = searcher
            .search(&SearchRequest {
                query: "*".into(),
                since: Some(p.start),
                until: Some(p.end),
                limit: 0,
                offset: 0,
                ..req.clone()
            })?
            .total;
        p.all = Some(all);
        p.share = Some(if all == 0 {
            0.0
        } else {
            (p.count as f64 / all as f64).min(1.0)
        });
    }
    Ok(())
}

/// Several queries counted per period side by side (`timeline A --vs B --vs C`).
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub schema_version: u32,
    pub by: Period,
    /// The queries, in the order given; `series` of each period follows it.
    pub queries: Vec<String>,
    /// All matching articles per query, dated or not.
    pub totals: Vec<usize>,
    /// Periods where any query has an article, oldest first.
    pub periods: Vec<ComparedPeriod>,
    pub notes: Vec<String>,
}

/// One period of a [`Comparison`].
#[derive(Debug, Clone, Serialize)]
pub struct ComparedPeriod {
    pub period: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// With `relative`: every article of the period (the filters, any words).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all: Option<usize>,
    /// Per query, in the order of [`Comparison::queries`].
    pub series: Vec<SeriesCount>,
}

/// One query's count in a period, and with `relative` its share of all articles then.
#[derive(Debug, Clone, Serialize)]
pub struct SeriesCount {
    pub query: String,
    pub count: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
}

/// Counts each request per period (each as [`timeline`] does) and lines them up; with
/// `relative`, every period's count of all articles is taken once and each query gets its
/// share of it.
pub fn compare(
    searcher: &Searcher,
    reqs: &[SearchRequest],
    by: Period,
    relative: bool,
) -> crate::Result<Comparison> {
    let timelines = reqs
        .iter()
        .map(|req| timeline(searcher, req, by))
        .collect::<crate::Result<Vec<_>>>()?;
    let mut starts: std::collections::BTreeMap<NaiveDate, (String, NaiveDate)> =
        std::collections::BTreeMap::new();
    for t in &timelines {
        for p in &t.periods {
            starts.entry(p.start).or_insert((p.period.clone(), p.end));
        }
    }
    let mut periods = Vec::with_capacity(starts.len());
    for (start, (period, end)) in starts {
        let all = match (relative, reqs.first()) {
            (true, Some(req)) => Some(
                searcher
                    .search(&SearchRequest {
                        query: "*".into(),
                        since: Some(start),
                        until: Some(end),
                        limit: 0,
                        offset: 0,
                        ..req.clone()
                    })?
                    .total,
            ),
            _ => None,
        };
        let series = timelines
            .iter()
            .map(|t| {
                let count = t
                    .periods
                    .iter()
                    .find(|p| p.start == start)
                    .map_or(0, |p| p.count);
                SeriesCount {
                    query: t.query.clone(),
                    count,
                    share: all.map(|all| {
                        if all == 0 {
                            0.0
                        } else {
                            (count as f64 / all as f64).min(1.0)
                        }
                    }),
                }
            })
            .collect();
        periods.push(ComparedPeriod {
            period,
            start,
            end,
            all,
            series,
        });
    }
    let mut notes: Vec<String> = Vec::new();
    for t in &timelines {
        for note in &t.notes {
            if !notes.contains(note) {
                notes.push(note.clone());
            }
        }
    }
    Ok(Comparison {
        schema_version: SCHEMA_VERSION,
        by,
        queries: timelines.iter().map(|t| t.query.clone()).collect(),
        totals: timelines.iter().map(|t| t.total).collect(),
        periods,
        notes,
    })
}
