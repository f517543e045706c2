//! The reader's filter: category, department, search, date range, order.

use crate::model::dates::Civil;
use std::rc::Rc;

/// List order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest first (the default).
    #[default]
    Newest,
    Oldest,
}

/// Reads a day as the date inputs give it (`2019-11-27`): its midnight,
/// as a [`Civil`] time; `None` for anything else or an impossible day.
pub fn parse_day(s: &str) -> Option<Civil> {
    let mut it = s.trim().splitn(3, '-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let day = midnight(Civil {
        year: y.parse().ok()?,
        month: m.parse().ok()?,
        day: d.parse().ok()?,
        hour: 0,
        minute: 0,
        second: 0,
    });
    day.to_unix(0).map(|_| day)
}

/// A day as the date inputs take it (`2019-11-27`).
pub fn day_text(day: &Civil) -> String {
    format!("{:04}-{:02}-{:02}", day.year, day.month, day.day)
}

/// The first second of `c`'s day.
fn midnight(c: Civil) -> Civil {
    Civil {
        hour: 0,
        minute: 0,
        second: 0,
        ..c
    }
}

/// Which dates to show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateRange {
    /// 全部
    #[default]
    All,
    /// 近N天: today and the N−1 days before it.
    LastDays(u32),
    /// 今年
    ThisYear,
    /// From and/or to a day (its midnight, see [`parse_day`]), both inclusive.
    Between {
        from: Option<Civil>,
        to: Option<Civil>,
    },
}

impl DateRange {
    /// `[start, end)` in Unix seconds, or `None` when every date passes.
    pub fn bounds(self, now: i64, zone: i32) -> Option<(i64, i64)> {
        let today = midnight(Civil::at(now, zone));
        match self {
            DateRange::All => None,
            DateRange::LastDays(n) => {
                let start = today.to_unix(zone)? - i64::from(n.max(1) - 1) * 86_400;
                Some((start, i64::MAX))
            }
            DateRange::ThisYear => {
                let jan1 = Civil {
                    month: 1,
                    day: 1,
                    ..today
                };
                Some((jan1.to_unix(zone)?, i64::MAX))
            }
            DateRange::Between {
                from: None,
                to: None,
            } => None,
            DateRange::Between { from, to } => {
                let start = from.and_then(|d| d.to_unix(zone)).unwrap_or(i64::MIN);
                let end = to
                    .and_then(|d| d.to_unix(zone))
                    .map_or(i64::MAX, |s| s + 86_400);
                Some((start, end))
            }
        }
    }
}

/// The reader's filter. Every part narrows the result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// `None` is 全部 (all categories).
    pub category: Option<Rc<str>>,
    /// `None` is every department.
    pub department: Option<Rc<str>>,
    /// The search box, as typed.
    pub query: String,
    pub range: DateRange,
    pub sort: Sort,
}

impl Filter {
    /// How many of the filter panel's choices differ from the defaults
    /// (department, date, order): the count on the 筛选 button.
    pub fn panel_count(&self) -> usize {
        usize::from(self.department.is_some())
            + usize::from(self.range != DateRange::All)
            + usize::from(self.sort != Sort::Newest)
    }

    /// Whether any filter beyond the defaults is active (for 清除筛选).
    pub fn is_active(&self) -> bool {
        self.category.is_some()
            || self.department.is_some()
            || !self.query.trim().is_empty()
            || self.range != DateRange::All
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_parse_strictly() {
        assert_eq!(
            parse_day("2019-11-27"),
            Some(Civil {
                year: 2019,
                month: 11,
                day: 27,
                hour: 0,
                minute: 0,
                second: 0
            })
        );
        for bad in [
            "2019-11-31",
            "2019-1-27",
            "19-11-27",
            "",
            "2019-11-27x",
            "abcd-ef-gh",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
        assert_eq!(
            parse_day("2020-02-29").map(|d| day_text(&d)).as_deref(),
            Some("2020-02-29")
        );
    }
}
