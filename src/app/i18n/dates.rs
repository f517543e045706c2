//! Dates as the reader reads them: `11月27日`, `2019年11月27日 10:30`,
//! `今天`, `3天前`, `日期未知`. The clock is the caller's (`now_unix`), so
//! every label is a pure function, the same on the server and in the browser.

use super::Lang;
use crate::model::dates::{days_before, Civil, Timestamp};
use std::fmt::Write as _;

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_en(m: u32) -> &'static str {
    MONTHS_EN
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// The list label: `11月27日` (`Nov 27`), with the year when it is not the
/// current year. `now_unix` is "now" (the caller reads the clock, so this
/// stays pure).
pub fn list_label(ts: Option<&Timestamp>, zone: i32, now_unix: i64, lang: Lang) -> String {
    let Some(ts) = ts else {
        return lang.messages().unknown_date.to_string();
    };
    let c = ts.civil(zone);
    let this_year = Civil::at(now_unix, zone).year == c.year;
    match (lang, this_year) {
        (Lang::ZhCn, true) => format!("{}月{}日", c.month, c.day),
        (Lang::ZhCn, false) => format!("{}年{}月{}日", c.year, c.month, c.day),
        (Lang::En, true) => format!("{} {}", month_en(c.month), c.day),
        (Lang::En, false) => format!("{} {}, {}", month_en(c.month), c.day, c.year),
    }
}

/// The full label for an article: `2019年11月27日 10:30` (`Nov 27, 2019,
/// 10:30`), without a time when the source gave none (or wrote midnight).
pub fn full_label(ts: Option<&Timestamp>, zone: i32, lang: Lang) -> String {
    let Some(ts) = ts else {
        return lang.messages().unknown_date.to_string();
    };
    let mut s = day_label(ts, zone, lang);
    if ts.shows_time(zone) {
        let c = ts.civil(zone);
        let sep = if lang == Lang::En { ", " } else { " " };
        let _ = write!(s, "{sep}{:02}:{:02}", c.hour, c.minute);
    }
    s
}

/// The day alone, with its year: `2024年11月27日` (`Nov 27, 2024`), as a
/// 成文日期 is shown (a time the source gave is left out).
pub fn day_label(ts: &Timestamp, zone: i32, lang: Lang) -> String {
    let c = ts.civil(zone);
    match lang {
        Lang::ZhCn => format!("{}年{}月{}日", c.year, c.month, c.day),
        Lang::En => format!("{} {}, {}", month_en(c.month), c.day, c.year),
    }
}

/// The list date, relative for recent items when `relative` (今天, 昨天,
/// 3天前), else [`list_label`].
pub fn row_label(
    ts: Option<&Timestamp>,
    zone: i32,
    now_unix: i64,
    lang: Lang,
    relative: bool,
) -> String {
    let m = lang.messages();
    match ts
        .filter(|_| relative)
        .map(|t| days_before(t, zone, now_unix))
    {
        Some(0) => m.today.to_string(),
        Some(1) => m.yesterday.to_string(),
        Some(d) => days_ago(lang, d).unwrap_or_else(|| list_label(ts, zone, now_unix, lang)),
        None => list_label(ts, zone, now_unix, lang),
    }
}

/// "3天前" / "3 days ago" for 2–29 days (today and yesterday by name are
/// the caller's); `None` beyond.
pub fn days_ago(lang: Lang, days: i64) -> Option<String> {
    match (lang, days) {
        (Lang::ZhCn, 2..=29) => Some(format!("{days}天前")),
        (Lang::En, 2..=29) => Some(format!("{days} days ago")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dates::{machine_label, parse, SHANGHAI_OFFSET_MIN};

    const SH: i32 = SHANGHAI_OFFSET_MIN;
    const ZH: Lang = Lang::ZhCn;

    fn ts(s: &str) -> Timestamp {
        parse(s).unwrap_or_else(|| panic!("should parse: {s}"))
    }

    #[test]
    fn labels() {
        let now = ts("2026-11-28T12:00:00+08:00").unix;
        let seed = ts("2019-11-27T00:00:00+08:00");
        assert_eq!(list_label(Some(&seed), SH, now, ZH), "2019年11月27日");
        assert_eq!(
            list_label(Some(&seed), SH, seed.unix + 3600, ZH),
            "11月27日"
        );
        assert_eq!(full_label(Some(&seed), SH, ZH), "2019年11月27日");
        assert_eq!(machine_label(&seed, SH), "2019-11-27");
        let t = ts("2019-11-27T02:30:00Z");
        assert_eq!(full_label(Some(&t), SH, ZH), "2019年11月27日 10:30");
        assert_eq!(machine_label(&t, SH), "2019-11-27T10:30+08:00");
        assert_eq!(list_label(None, SH, now, ZH), "日期未知");
        assert_eq!(full_label(None, SH, ZH), "日期未知");
    }

    #[test]
    fn english_labels() {
        let t = ts("2019-11-27T02:30:00Z");
        let now = ts("2026-11-28T12:00:00+08:00").unix;
        assert_eq!(list_label(Some(&t), SH, now, Lang::En), "Nov 27, 2019");
        assert_eq!(list_label(Some(&t), SH, t.unix, Lang::En), "Nov 27");
        assert_eq!(full_label(Some(&t), SH, Lang::En), "Nov 27, 2019, 10:30");
        assert_eq!(full_label(None, SH, Lang::En), "Date unknown");
    }

    #[test]
    fn bare_day_never_shifts_and_shows_no_hour() {
        let d = ts("2019-11-27");
        // Even shown in a zone far west of Shanghai, the day stays the 27th.
        assert_eq!(full_label(Some(&d), -8 * 60, ZH), "2019年11月27日");
        assert!(!d.shows_time(0));
    }

    #[test]
    fn year_boundary_uses_display_zone() {
        // 2019-12-31T17:00Z is already 2020 in Shanghai.
        let t = ts("2019-12-31T17:00:00Z");
        let now = ts("2020-06-01T00:00:00+08:00").unix;
        assert_eq!(list_label(Some(&t), SH, now, ZH), "1月1日");
    }

    #[test]
    fn relative_labels_for_recent_days() {
        let now = ts("2019-11-28T08:00:00+08:00").unix;
        let label = |s: &str| row_label(Some(&ts(s)), SH, now, ZH, true);
        assert_eq!(label("2019-11-28T00:30:00+08:00"), "今天");
        assert_eq!(label("2019-11-27T23:59:00+08:00"), "昨天");
        assert_eq!(label("2019-11-25"), "3天前");
        assert_eq!(label("2019-09-01"), "9月1日");
        assert_eq!(
            row_label(Some(&ts("2019-11-25")), SH, now, ZH, false),
            "11月25日"
        );
        assert_eq!(row_label(None, SH, now, Lang::En, true), "Date unknown");
    }
}
