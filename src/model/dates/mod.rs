//! Dates: lenient parsing of the timestamps feeds carry, and calendar
//! arithmetic. (What the reader reads, 11月27日 or 日期未知, is composed in
//! `i18n::dates`.)
//!
//! Plain Rust, no DOM, so every rule is tested natively. Times are kept as
//! Unix seconds plus the UTC offset they were written with; display converts
//! them to one fixed offset per feed (Asia/Shanghai, +08:00, unless the feed
//! says otherwise). Nothing here ever produces "NaN", "Invalid Date" or 1970
//! for bad input: unparseable dates are `None`.

mod read;

pub use read::{parse, parse_with, parse_zone, Cst};
use std::fmt::Write as _;

/// Offset of Asia/Shanghai (and of every zone China uses), in minutes east of UTC.
pub const SHANGHAI_OFFSET_MIN: i32 = 8 * 60;

/// A point in time read from a feed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    pub unix: i64,
    /// The offset the source wrote the time in (minutes east of UTC); +08:00
    /// when the source gave no zone.
    pub offset_min: i32,
    /// False when the source gave only a calendar day: no hour is ever shown
    /// for it, and it is displayed as the day written, whatever the zone.
    pub has_time: bool,
}

/// A calendar date and wall-clock time in some offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Civil {
    /// The civil time at `unix` seconds in the given offset.
    pub fn at(unix: i64, offset_min: i32) -> Civil {
        let local = unix + i64::from(offset_min) * 60;
        let days = local.div_euclid(86_400);
        let secs = local.rem_euclid(86_400) as u32;
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: secs / 3600,
            minute: secs / 60 % 60,
            second: secs % 60,
        }
    }

    /// Unix seconds of this civil time read in `offset_min`; `None` when a
    /// field is out of range (month 13, 30 February, hour 24 …).
    pub fn to_unix(self, offset_min: i32) -> Option<i64> {
        // Years outside 1..=9999 are never real publication dates; they are
        // what broken CMSs emit ("0000-00-00").
        if !(1..=9999).contains(&self.year)
            || !(1..=12).contains(&self.month)
            || self.day == 0
            || self.day > days_in_month(self.year, self.month)
            || self.hour > 23
            || self.minute > 59
            || self.second > 60
        {
            return None;
        }
        let days = days_from_civil(self.year, self.month, self.day);
        // A leap second (:60) is folded onto the next second.
        let secs =
            i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second);
        Some(days * 86_400 + secs - i64::from(offset_min) * 60)
    }
}

impl Timestamp {
    /// The civil time to show: in `zone` when the source gave a time, else the
    /// day exactly as written (a bare day never moves to a neighbouring day).
    pub fn civil(&self, zone: i32) -> Civil {
        if self.has_time {
            Civil::at(self.unix, zone)
        } else {
            Civil::at(self.unix, self.offset_min)
        }
    }

    /// Whether an hour is worth showing: the source gave one and it is not
    /// exactly midnight (which is how day-only sources are written).
    pub fn shows_time(&self, zone: i32) -> bool {
        let c = self.civil(zone);
        self.has_time && !(c.hour == 0 && c.minute == 0 && c.second == 0)
    }
}

/// Whole calendar days from `ts` to now in `zone` (0 today, 1 yesterday;
/// negative for the future).
pub fn days_before(ts: &Timestamp, zone: i32, now_unix: i64) -> i64 {
    let day = |c: Civil| days_from_civil(c.year, c.month, c.day);
    day(Civil::at(now_unix, zone)) - day(ts.civil(zone))
}

/// A machine-readable date for `<time datetime>`: `2019-11-27` or
/// `2019-11-27T10:30+08:00`.
pub fn machine_label(ts: &Timestamp, zone: i32) -> String {
    let mut s = machine_day(ts, zone);
    if ts.shows_time(zone) {
        let c = ts.civil(zone);
        let sign = if zone < 0 { '-' } else { '+' };
        let z = zone.abs();
        let _ = write!(
            s,
            "T{:02}:{:02}{}{:02}:{:02}",
            c.hour,
            c.minute,
            sign,
            z / 60,
            z % 60
        );
    }
    s
}

/// The day alone, machine-readable (`2024-11-27`): a 成文日期.
pub fn machine_day(ts: &Timestamp, zone: i32) -> String {
    let c = ts.civil(zone);
    format!("{:04}-{:02}-{:02}", c.year, c.month, c.day)
}

/// The timestamp exactly as read, for writing it back into a feed: RFC 3339
/// in its own offset (`2019-11-27T10:30:00+08:00`), or the bare day
/// (`2019-11-27`) when the source gave no time. [`parse`] reads it back
/// to the same timestamp.
pub fn rfc3339(ts: &Timestamp) -> String {
    let c = Civil::at(ts.unix, ts.offset_min);
    let mut s = format!("{:04}-{:02}-{:02}", c.year, c.month, c.day);
    if ts.has_time {
        let sign = if ts.offset_min < 0 { '-' } else { '+' };
        let z = ts.offset_min.abs();
        let _ = write!(
            s,
            "T{:02}:{:02}:{:02}{}{:02}:{:02}",
            c.hour,
            c.minute,
            c.second,
            sign,
            z / 60,
            z % 60
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_back_and_read_again_the_same() {
        for s in [
            "2019-11-27",
            "2019-11-27T10:30:00+08:00",
            "2021-10-29T10:26:07-04:00",
            "Tue, 26 Nov 2019 16:00:00 GMT",
            "2019年11月27日 10:30",
        ] {
            let t = ts(s);
            assert_eq!(parse(&rfc3339(&t)), Some(t), "{s}");
        }
        assert_eq!(rfc3339(&ts("2019-11-27")), "2019-11-27");
    }

    const SH: i32 = SHANGHAI_OFFSET_MIN;

    fn ts(s: &str) -> Timestamp {
        parse(s).unwrap_or_else(|| panic!("should parse: {s}"))
    }

    #[test]
    fn civil_round_trip_over_centuries() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn rfc3339_with_offsets() {
        assert_eq!(ts("1970-01-01T00:00:00Z").unix, 0);
        assert_eq!(ts("2019-11-27T00:00:00+08:00").unix, 1_574_784_000);
        assert_eq!(ts("2019-11-26T16:00:00Z").unix, 1_574_784_000);
        assert_eq!(ts("2019-11-26T11:00:00-05:00").unix, 1_574_784_000);
        assert_eq!(ts("2019-11-27T00:00:00+0800").unix, 1_574_784_000);
        assert_eq!(
            ts("2019-11-27t00:00:00.123456z").unix,
            1_574_784_000 + 8 * 3600
        );
        assert_eq!(ts("2019-11-27 00:00+08:00").unix, 1_574_784_000);
        let t = ts("2021-10-29T10:26:00-04:00");
        assert_eq!(t.offset_min, -240);
        assert!(t.has_time);
    }

    #[test]
    fn no_zone_means_shanghai() {
        assert_eq!(ts("2019-11-27T00:00:00").unix, 1_574_784_000);
        assert_eq!(ts("2019-11-27 08:30:00").offset_min, SH);
        let day = ts("2019-11-27");
        assert!(!day.has_time);
        assert_eq!(day.unix, 1_574_784_000);
        assert_eq!(ts("2019/11/27").unix, 1_574_784_000);
        assert_eq!(ts("2019年11月27日").unix, 1_574_784_000);
        assert_eq!(
            ts("2019年11月27日 10:30").unix,
            1_574_784_000 + 10 * 3600 + 1800
        );
    }

    #[test]
    fn rfc2822_forms() {
        assert_eq!(ts("Wed, 27 Nov 2019 00:00:00 +0800").unix, 1_574_784_000);
        assert_eq!(ts("Tue, 26 Nov 2019 16:00:00 GMT").unix, 1_574_784_000);
        assert_eq!(ts("26 Nov 2019 11:00:00 EST").unix, 1_574_784_000);
        assert_eq!(ts("Fri, 31 May 2019 12:17:58 -0700").offset_min, -420);
        assert_eq!(ts("27 Nov 19 00:00 +0800").unix, 1_574_784_000);
        assert_eq!(ts("Wed, 27 Nov 2019 00:00:00 GMT+8").unix, 1_574_784_000);
        assert_eq!(ts("Wed, 27 Nov 2019 00:00:00 GMT+0800").unix, 1_574_784_000);
        assert_eq!(
            ts("Tue, 26 Nov 2019 11:00:00 UTC-05:00").unix,
            1_574_784_000
        );
    }

    /// 2019-11-26 09:15 in Shanghai.
    const NOV26_0915: i64 = 1_574_784_000 - 86_400 + 9 * 3600 + 15 * 60;

    #[test]
    fn chinese_cms_dates() {
        for s in [
            "2019-11-26 09:15:00.0",
            "2019-11-26 09:15:00.000",
            "2019/11/26 09:15",
            "2019/11/26 09:15:00",
            "2019年11月26日 09:15",
            "2019年11月26日09:15",
            "2019年11月26日 09时15分",
            "2019-11-26 09:15:00 CST",
            "Tue Nov 26 09:15:00 CST 2019",
            "Tue Nov 26 09:15:00 GMT+08:00 2019",
            "Tue, 26 Nov 2019 09:15:00 CST",
            "Tue, 26 Nov 2019 09:15:00 +0800 (CST)",
            "Tue Nov 26 01:15:00 UTC 2019",
        ] {
            let t = ts(s);
            assert_eq!(t.unix, NOV26_0915, "{s}");
            assert!(t.has_time, "{s}");
        }
        let day = ts("2019.11.26");
        assert_eq!(
            (day.unix, day.has_time),
            (NOV26_0915 - 9 * 3600 - 900, false)
        );
        assert_eq!(ts("Tue Nov 26 09:15:00 CST 2019").offset_min, SH);
    }

    #[test]
    fn cst_is_china_unless_the_feed_is_american() {
        let us = parse_with("Tue Nov 26 09:15:00 CST 2019", Cst::UsCentral).map(|t| t.unix);
        assert_eq!(us, Some(NOV26_0915 + 14 * 3600));
        assert_eq!(
            parse_with("Tue, 26 Nov 2019 09:15:00 CST", Cst::UsCentral).map(|t| t.offset_min),
            Some(-360)
        );
        // Names other than CST mean one thing only.
        assert_eq!(
            parse_with("26 Nov 2019 11:00:00 EST", Cst::China).map(|t| t.offset_min),
            Some(-300)
        );
        assert_eq!(Cst::for_feed(None, None, "某区发布"), Cst::China);
        assert_eq!(Cst::for_feed(Some("zh-cn"), None, "News"), Cst::China);
        assert_eq!(Cst::for_feed(Some("en"), None, "Shanghai News"), Cst::China);
        assert_eq!(
            Cst::for_feed(Some("en-US"), None, "Chicago News"),
            Cst::UsCentral
        );
        // A Chinese CMS template that kept `en-us`.
        assert_eq!(
            Cst::for_feed(Some("en-us"), None, "某区人民政府"),
            Cst::China
        );
        // A zone the feed sets decides.
        assert_eq!(Cst::for_feed(Some("en-US"), Some(480), "x"), Cst::China);
        assert_eq!(
            Cst::for_feed(Some("zh-CN"), Some(-360), "x"),
            Cst::UsCentral
        );
    }

    #[test]
    fn impossible_dates_stay_unknown() {
        for bad in [
            "Sat Feb 30 10:30:00 CST 2019",
            "Wed Nov 27 25:30:00 CST 2019",
            "Wed Nov 27 10:30:00 XYZ 2019",
            "Wed Nov 27 10:30:00 CST",
            "2019.02.30",
            "2019年2月30日",
            "2019/13/01 09:15",
            "2019-11-26 09:15:00.0 junk",
            "2019-11-26 09:15:00 CSTX",
            "Tue, 26 Nov 2019 09:15:00 +0800 (CST",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn garbage_is_none_never_epoch() {
        for bad in [
            "",
            "   ",
            "0000-00-00 00:00:00",
            "2019-13-45",
            "2019-02-29",
            "2019-11-27T24:00:00Z",
            "2019-11-27T10:61:00Z",
            "11月27日",
            "yesterday",
            "NaN",
            "1574784000",
            "2019-11-27T10:00:00+99:00",
            "2019-11-27T10:00:00 junk",
            "Wed, 27 Foo 2019 10:00:00 GMT",
            "Wed, 27 Nov 2019 10:00:00 XYZ",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
        assert!(parse("2020-02-29").is_some());
    }

    #[test]
    fn whole_days_before_now() {
        let now = ts("2019-11-28T08:00:00+08:00").unix;
        assert_eq!(days_before(&ts("2019-11-28T00:30:00+08:00"), SH, now), 0);
        assert_eq!(days_before(&ts("2019-11-27T23:59:00+08:00"), SH, now), 1);
        assert_eq!(days_before(&ts("2019-11-25"), SH, now), 3);
        assert_eq!(days_before(&ts("2019-11-29"), SH, now), -1);
    }

    #[test]
    fn bare_day_shows_no_hour() {
        assert!(!ts("2019-11-27").shows_time(0));
        assert_eq!(machine_label(&ts("2019-11-27"), -8 * 60), "2019-11-27");
    }

    #[test]
    fn zones() {
        assert_eq!(parse_zone("Asia/Shanghai"), Some(480));
        assert_eq!(parse_zone("-05:00"), Some(-300));
        assert_eq!(parse_zone("UTC"), Some(0));
        assert_eq!(parse_zone("Mars/Olympus"), None);
        assert_eq!(parse_zone("+08:00x"), None);
    }
}
