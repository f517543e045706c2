//! Reading the dates feeds write: RFC 3339 and its ISO cousins, Chinese
//! CMS forms (`2019年11月27日`), RFC 2822 and Java's `Date.toString()`, with
//! what `CST` means in the feed ([`Cst`]).

use super::{Civil, Timestamp, SHANGHAI_OFFSET_MIN};

/// A tiny cursor over ASCII date text.
struct Cursor<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Cursor {
            s: s.as_bytes(),
            i: 0,
        }
    }
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn eat_any(&mut self, set: &[u8]) -> Option<u8> {
        let c = self.peek()?;
        if set.contains(&c) {
            self.i += 1;
            Some(c)
        } else {
            None
        }
    }
    /// Between `min` and `max` ASCII digits.
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let start = self.i;
        let mut v: u32 = 0;
        while self.i - start < max {
            match self.peek() {
                Some(c @ b'0'..=b'9') => {
                    v = v * 10 + u32::from(c - b'0');
                    self.i += 1;
                }
                _ => break,
            }
        }
        if self.i - start >= min {
            Some(v)
        } else {
            self.i = start;
            None
        }
    }
    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }
    fn word(&mut self) -> &'a [u8] {
        let start = self.i;
        while matches!(self.peek(), Some(c) if c.is_ascii_alphabetic()) {
            self.i += 1;
        }
        &self.s[start..self.i]
    }
    fn done(&self) -> bool {
        self.i >= self.s.len()
    }
}

/// What the zone abbreviation `CST` means in a feed. Chinese CMSs (Java's
/// `Date.toString()`, PHP's `date('T')` on a server set to Asia/Shanghai)
/// write it for China Standard Time; RFC 2822 and US software mean US
/// Central. Read as US Central, a Chinese item moves 14 hours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Cst {
    /// China Standard Time, +08:00 (the widget's default zone is Asia/Shanghai).
    #[default]
    China,
    /// US Central Standard Time, −06:00.
    UsCentral,
}

impl Cst {
    /// The meaning for a feed: US Central when the feed sets a zone in the
    /// Americas (`_district.timezone`), or, setting none, declares US English
    /// (`en-US`) and has a title without Chinese characters; China otherwise.
    /// (Chinese CMS templates often carry `en-us` unchanged: a Chinese title
    /// tells them apart. Plain `en` is what Chinese portals' English editions
    /// declare, so it keeps China.)
    pub fn for_feed(language: Option<&str>, zone_offset_min: Option<i32>, title: &str) -> Cst {
        if let Some(zone) = zone_offset_min {
            return if (-10 * 60..=-3 * 60).contains(&zone) {
                Cst::UsCentral
            } else {
                Cst::China
            };
        }
        let us = language.is_some_and(|l| {
            let l = l.trim().to_ascii_lowercase();
            l == "en-us" || l == "en_us"
        });
        let chinese = title.chars().any(|c| {
            ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
        });
        if us && !chinese {
            Cst::UsCentral
        } else {
            Cst::China
        }
    }
}

/// Parses a timestamp as feeds write them, `CST` read as China Standard
/// Time (see [`parse_with`]).
pub fn parse(input: &str) -> Option<Timestamp> {
    parse_with(input, Cst::China)
}

/// Parses a timestamp as feeds write them.
///
/// Accepted: RFC 3339 / ISO 8601 (`2019-11-27T10:00:00+08:00`, `…Z`, a space
/// for `T`, `+0800`, fractional seconds as Java's `Timestamp` writes them
/// (`2019-11-26 09:15:00.0`), no seconds, a zone name after the time), a bare
/// date (`2019-11-27`, `2019/11/27`, `2019.11.26`), the same without a zone
/// (read as Asia/Shanghai), Chinese dates (`2019年11月27日 10:00`), RFC 2822
/// (`Wed, 27 Nov 2019 10:00:00 +0800`, `GMT`, `GMT+8`, zone names, a trailing
/// `(CST)` comment) and Java's `Date.toString()` (`Wed Nov 27 10:30:00 CST
/// 2019`). `CST` means what `cst` says. Anything else, and any
/// out-of-range field (30 February), is `None`: a date is never invented.
pub fn parse_with(input: &str, cst: Cst) -> Option<Timestamp> {
    let s = input.trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
    parse_iso_like(s, cst)
        .or_else(|| parse_rfc2822(s, cst))
        .or_else(|| parse_java(s, cst))
}

/// ISO 8601 / RFC 3339 and the Chinese `年月日` form.
fn parse_iso_like(s: &str, cst: Cst) -> Option<Timestamp> {
    // The Chinese form is the only one with non-ASCII characters; map it to ISO.
    // One pass instead of a chain of `replace` calls (each pattern type is
    // its own copy of search code in the wasm).
    let owned;
    let s = if s.contains('年') {
        owned = s
            .chars()
            .filter_map(|c| match c {
                '年' | '月' => Some('-'),
                '日' => Some(' '),
                '时' | '分' => Some(':'),
                '秒' => None,
                c => Some(c),
            })
            .collect::<String>();
        owned.trim().trim_end_matches(':')
    } else {
        s
    };
    let mut c = Cursor::new(s);
    let year = c.digits(4, 4)?;
    let sep = c.eat_any(b"-/.")?;
    let month = c.digits(1, 2)?;
    if !c.eat(sep) {
        return None;
    }
    let day = c.digits(1, 2)?;
    let mut civil = Civil {
        year: i64::from(year),
        month,
        day,
        hour: 0,
        minute: 0,
        second: 0,
    };
    if c.done() {
        let unix = civil.to_unix(SHANGHAI_OFFSET_MIN)?;
        return Some(Timestamp {
            unix,
            offset_min: SHANGHAI_OFFSET_MIN,
            has_time: false,
        });
    }
    if !(c.eat(b'T') || c.eat(b't') || c.eat(b' ')) {
        return None;
    }
    c.skip_spaces();
    // Fractions of a second do not matter for a bulletin.
    if clock(&mut c, &mut civil)? && (c.eat(b'.') || c.eat(b',')) {
        c.digits(1, 12)?;
    }
    c.skip_spaces();
    let offset = if matches!(c.peek(), Some(b'A'..=b'Y')) {
        // A zone name, as PHP's `Y-m-d H:i:s T` writes it.
        Some(zone_after_name(&mut c, cst)?)
    } else {
        parse_numeric_zone(&mut c)?
    };
    if !c.done() {
        return None;
    }
    let offset_min = offset.unwrap_or(SHANGHAI_OFFSET_MIN);
    let unix = civil.to_unix(offset_min)?;
    Some(Timestamp {
        unix,
        offset_min,
        has_time: true,
    })
}

/// `Z`, `+08:00`, `+0800`, `+08`, or nothing (`Some(None)`); `None` on junk.
fn parse_numeric_zone(c: &mut Cursor) -> Option<Option<i32>> {
    if c.done() {
        return Some(None);
    }
    if c.eat(b'Z') || c.eat(b'z') {
        return Some(Some(0));
    }
    let sign = match c.eat_any(b"+-")? {
        b'+' => 1,
        _ => -1,
    };
    let h = c.digits(2, 2)?;
    c.eat(b':');
    let m = c.digits(2, 2).unwrap_or(0);
    if h > 18 || m > 59 {
        return None;
    }
    Some(Some(sign * (h as i32 * 60 + m as i32)))
}

/// RFC 2822 (RSS `pubDate`): `[Wed, ]27 Nov 2019 10:00[:00] (+0800|GMT|EST…)`.
fn parse_rfc2822(s: &str, cst: Cst) -> Option<Timestamp> {
    let mut c = Cursor::new(s);
    // Optional day name and comma.
    let w = c.word();
    if !w.is_empty() {
        c.eat(b',');
    }
    c.skip_spaces();
    let day = c.digits(1, 2)?;
    c.skip_spaces();
    c.eat(b'-');
    let month = month_of(c.word())?;
    c.eat(b'-');
    c.skip_spaces();
    let year = c.digits(2, 4)?;
    // Two-digit years (RFC 822) are 19xx/20xx per RFC 2822's rule.
    let year = match year {
        0..=49 => 2000 + year,
        50..=999 => 1900 + year,
        y => y,
    };
    c.skip_spaces();
    let mut civil = Civil {
        year: i64::from(year),
        month,
        day,
        hour: 0,
        minute: 0,
        second: 0,
    };
    let has_time = matches!(c.peek(), Some(b'0'..=b'9'));
    if has_time {
        clock(&mut c, &mut civil)?;
        c.skip_spaces();
    }
    let offset = if c.done() {
        None
    } else if matches!(c.peek(), Some(b'+' | b'-')) {
        parse_numeric_zone(&mut c)?
    } else {
        Some(zone_after_name(&mut c, cst)?)
    };
    c.skip_spaces();
    // `+0800 (CST)`: RFC 2822 allows a comment, which names the zone again.
    if c.eat(b'(') {
        c.word();
        if !c.eat(b')') {
            return None;
        }
    }
    c.skip_spaces();
    if !c.done() {
        return None;
    }
    let offset_min = offset.unwrap_or(SHANGHAI_OFFSET_MIN);
    let unix = civil.to_unix(offset_min)?;
    Some(Timestamp {
        unix,
        offset_min,
        has_time,
    })
}

/// `Nov`, `November`, `nov` → 11.
fn month_of(word: &[u8]) -> Option<u32> {
    // A table, not a match: a dozen string comparisons cost the widget more.
    const MONTHS: &[u8; 36] = b"janfebmaraprmayjunjulaugsepoctnovdec";
    let w = word.get(..3)?.to_ascii_lowercase();
    let i = MONTHS.chunks(3).position(|m| m == w.as_slice())?;
    Some(i as u32 + 1)
}

/// `10:30` or `10:30:00` into `civil`; whether the seconds were written.
fn clock(c: &mut Cursor, civil: &mut Civil) -> Option<bool> {
    civil.hour = c.digits(1, 2)?;
    if !c.eat(b':') {
        return None;
    }
    civil.minute = c.digits(2, 2)?;
    if c.eat(b':') {
        civil.second = c.digits(2, 2)?;
        return Some(true);
    }
    Some(false)
}

/// A zone written as a name: `GMT`, `UTC`, `CST` (see [`Cst`]), the US
/// names, or a name with an offset after it (`GMT+8`, `GMT+08:00`,
/// `UTC-05:00`, as Java writes a zone it has no name for).
fn zone_after_name(c: &mut Cursor, cst: Cst) -> Option<i32> {
    let z = c.word().to_ascii_uppercase();
    if matches!(z.as_slice(), b"GMT" | b"UTC" | b"UT") && matches!(c.peek(), Some(b'+' | b'-')) {
        let sign = if c.eat(b'-') {
            -1
        } else {
            c.eat(b'+');
            1
        };
        let h = c.digits(1, 2)?;
        c.eat(b':');
        let m = c.digits(2, 2).unwrap_or(0);
        if h > 18 || m > 59 {
            return None;
        }
        return Some(sign * (h as i32 * 60 + m as i32));
    }
    if z == b"CST" {
        return Some(match cst {
            Cst::China => SHANGHAI_OFFSET_MIN,
            Cst::UsCentral => -6 * 60,
        });
    }
    ZONE_NAMES
        .iter()
        .find(|(name, _)| *name == z.as_slice())
        .map(|&(_, minutes)| minutes)
}

/// Zone names feeds write after a time, and their offsets in minutes (`CST`
/// depends on the feed: see [`Cst`]). A table, not a match: cheaper in the
/// widget.
const ZONE_NAMES: [(&[u8], i32); 11] = [
    (b"GMT", 0),
    (b"UT", 0),
    (b"UTC", 0),
    (b"Z", 0),
    (b"EST", -5 * 60),
    (b"EDT", -4 * 60),
    (b"CDT", -5 * 60),
    (b"MST", -7 * 60),
    (b"MDT", -6 * 60),
    (b"PST", -8 * 60),
    (b"PDT", -7 * 60),
];

/// Java's `Date.toString()`, which Java CMSs put into RSS as it is:
/// `Wed Nov 27 10:30:00 CST 2019` (day name, month, day, time, zone, year).
fn parse_java(s: &str, cst: Cst) -> Option<Timestamp> {
    let mut c = Cursor::new(s);
    if c.word().is_empty() {
        return None;
    }
    c.skip_spaces();
    let month = month_of(c.word())?;
    c.skip_spaces();
    let day = c.digits(1, 2)?;
    c.skip_spaces();
    let mut civil = Civil {
        year: 0,
        month,
        day,
        hour: 0,
        minute: 0,
        second: 0,
    };
    clock(&mut c, &mut civil)?;
    c.skip_spaces();
    let offset_min = if matches!(c.peek(), Some(b'+' | b'-')) {
        parse_numeric_zone(&mut c)??
    } else {
        zone_after_name(&mut c, cst)?
    };
    c.skip_spaces();
    civil.year = i64::from(c.digits(4, 4)?);
    if !c.done() {
        return None;
    }
    let unix = civil.to_unix(offset_min)?;
    Some(Timestamp {
        unix,
        offset_min,
        has_time: true,
    })
}

/// Parses a feed-level zone setting: `+08:00`, `-0500`, `UTC`, or one of the
/// IANA names a Chinese-language feed is likely to use. Unknown names are `None`.
pub fn parse_zone(s: &str) -> Option<i32> {
    let s = s.trim();
    match s {
        "Asia/Shanghai" | "Asia/Chongqing" | "Asia/Harbin" | "Asia/Urumqi" | "Asia/Hong_Kong"
        | "Asia/Macau" | "Asia/Taipei" | "Asia/Singapore" | "PRC" => Some(SHANGHAI_OFFSET_MIN),
        "UTC" | "Etc/UTC" | "GMT" | "Z" => Some(0),
        _ => {
            let mut c = Cursor::new(s);
            match parse_numeric_zone(&mut c) {
                Some(Some(o)) if c.done() => Some(o),
                _ => None,
            }
        }
    }
}
