//! The government content model of `_district`: 置顶 (pinned items, also
//! as CMSs write them in the title: `[置顶]…`) and the 信息公开 fields'
//! 有效性. Plain Rust, tested natively.

use super::raw::RawPin;
use crate::model::dates::{self, Civil, Cst, Timestamp};

/// How an item is pinned (置顶): it leads its column while pinned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pinned {
    /// `true` (or a `[置顶]` title prefix): pinned until the feed says otherwise.
    Always,
    /// Pinned until this moment: a date without a time (or at exactly
    /// midnight, as day-only sources write it) pins through that whole day in
    /// the feed's zone; a time pins through that minute and second.
    Until(Timestamp),
}

impl Pinned {
    /// Whether the item is still pinned at `now` (Unix seconds), the day of an
    /// `Until` read in `zone` (the feed's).
    pub fn at(self, now: i64, zone: i32) -> bool {
        match self {
            Pinned::Always => true,
            Pinned::Until(t) if t.shows_time(zone) => now <= t.unix,
            Pinned::Until(t) => {
                let c = t.civil(zone);
                let start = Civil {
                    hour: 0,
                    minute: 0,
                    second: 0,
                    ..c
                }
                .to_unix(zone);
                // Through the last second of that day (a fixed offset has no
                // 23- or 25-hour days).
                start.is_some_and(|s| now < s + 86_400)
            }
        }
    }
}

/// What `_district.pinned` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinField {
    /// Pinned, always or until a date.
    Yes(Pinned),
    /// Explicitly not pinned (`false`, `0`, `""`): a title prefix is then
    /// only removed, it pins nothing.
    No,
    /// Absent, `null`, or a value that is neither: read as absent (a title
    /// prefix still pins).
    Absent,
}

/// Reads `_district.pinned`: `true` / `false`, as CMS templates also write
/// them (`1` / `0`, `"true"` / `"false"`, `"1"` / `"0"`), or a date in any form
/// [`dates::parse_with`] reads (`"2026-12-31"`).
pub(crate) fn pin_field(v: &RawPin, cst: Cst) -> PinField {
    match *v {
        RawPin::Flag(true) => PinField::Yes(Pinned::Always),
        RawPin::Flag(false) => PinField::No,
        RawPin::Number(n) => match n {
            "1" => PinField::Yes(Pinned::Always),
            "0" => PinField::No,
            _ => PinField::Absent,
        },
        RawPin::Text(s) => match s.trim() {
            "true" | "1" => PinField::Yes(Pinned::Always),
            "false" | "0" | "" => PinField::No,
            s => dates::parse_with(s, cst)
                .map_or(PinField::Absent, |t| PinField::Yes(Pinned::Until(t))),
        },
        RawPin::Other => PinField::Absent,
    }
}

/// The brackets CMSs put around 置顶 at the start of a title: ASCII and
/// full-width square brackets, 【】, 〔〕, 〖〗 and both kinds of parentheses.
const BRACKETS: [(char, char); 7] = [
    ('[', ']'),
    ('【', '】'),
    ('［', '］'),
    ('〔', '〕'),
    ('〖', '〗'),
    ('(', ')'),
    ('（', '）'),
];

const PIN_WORD: &str = "置顶";

/// Whitespace, the ideographic space included (`char::is_whitespace` has it).
fn trim_ws(s: &str) -> &str {
    s.trim_matches(char::is_whitespace)
}

/// The title without a CMS's 置顶 prefix, when it has one: `[置顶]`,
/// `【置顶】`, `［置顶］`, `（置顶）`, `〔置顶〕` … (spaces allowed inside and
/// around), or `置顶：` / `置顶:`. `None` when there is none, or when nothing
/// would be left of the title. (A bare `置顶` followed by text is left
/// alone: `置顶帖管理办法` is a title, not a mark.)
pub fn strip_pin_prefix(title: &str) -> Option<&str> {
    let t = trim_ws(title);
    let rest = BRACKETS
        .iter()
        .find_map(|&(open, close)| {
            let inner = t.strip_prefix(open)?;
            let inner = trim_ws_start(inner).strip_prefix(PIN_WORD)?;
            trim_ws_start(inner).strip_prefix(close)
        })
        .or_else(|| {
            let inner = t.strip_prefix(PIN_WORD)?;
            let inner = trim_ws_start(inner);
            inner.strip_prefix('：').or_else(|| inner.strip_prefix(':'))
        })?;
    let rest = trim_ws(rest);
    (!rest.is_empty()).then_some(rest)
}

fn trim_ws_start(s: &str) -> &str {
    s.trim_start_matches(char::is_whitespace)
}

/// 有效性 of a 信息公开 document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validity {
    /// 有效
    Valid,
    /// 已修改
    Amended,
    /// 已废止
    Repealed,
    /// 已失效
    Expired,
}

impl Validity {
    /// Every value, in the order of the catalogues' labels.
    pub const ALL: [Validity; 4] = [
        Validity::Valid,
        Validity::Amended,
        Validity::Repealed,
        Validity::Expired,
    ];

    /// Reads `_district.validity`: `valid`, `amended`, `repealed`,
    /// `expired` (any case), or the Chinese labels CMS exports carry (有效,
    /// 已修改, 已废止, 已失效, also without 已). Anything else: `None`.
    pub fn parse(s: &str) -> Option<Validity> {
        let s = trim_ws(s);
        let word = |w: &str| s.eq_ignore_ascii_case(w);
        Some(if word("valid") || s == "有效" {
            Validity::Valid
        } else if word("amended") || matches!(s, "已修改" | "修改") {
            Validity::Amended
        } else if word("repealed") || matches!(s, "已废止" | "废止") {
            Validity::Repealed
        } else if word("expired") || matches!(s, "已失效" | "失效") {
            Validity::Expired
        } else {
            return None;
        })
    }

    /// The value as the feed format writes it.
    pub fn key(self) -> &'static str {
        match self {
            Validity::Valid => "valid",
            Validity::Amended => "amended",
            Validity::Repealed => "repealed",
            Validity::Expired => "expired",
        }
    }

    /// Its place in [`Validity::ALL`] (and in the catalogues' labels).
    pub fn index(self) -> usize {
        self as usize
    }

    /// No longer in force (已废止, 已失效): marked in the list too.
    pub fn is_void(self) -> bool {
        matches!(self, Validity::Repealed | Validity::Expired)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json;

    fn pin(json_value: &str) -> PinField {
        let value = json::parse(json_value).expect("json");
        pin_field(&crate::model::feed::json::pin_of(&value), Cst::China)
    }

    fn unix(s: &str) -> i64 {
        dates::parse(s).expect("date").unix
    }

    #[test]
    fn pinned_values() {
        for yes in ["true", "1", "\"true\"", "\"1\"", "\" true \""] {
            assert_eq!(pin(yes), PinField::Yes(Pinned::Always), "{yes}");
        }
        for no in ["false", "0", "\"false\"", "\"0\"", "\"\""] {
            assert_eq!(pin(no), PinField::No, "{no}");
        }
        for garbage in [
            "null",
            "2",
            "\"yes please\"",
            "[true]",
            "{}",
            "\"2019-02-30\"",
        ] {
            assert_eq!(pin(garbage), PinField::Absent, "{garbage}");
        }
        assert!(matches!(
            pin("\"2026-12-31\""),
            PinField::Yes(Pinned::Until(_))
        ));
        assert!(matches!(
            pin("\"2026年12月31日\""),
            PinField::Yes(Pinned::Until(_))
        ));
    }

    #[test]
    fn until_a_day_is_through_that_whole_day_in_the_feeds_zone() {
        let PinField::Yes(p) = pin("\"2026-12-31\"") else {
            panic!("pinned");
        };
        let shanghai = 480;
        assert!(p.at(unix("2026-12-31T23:59:59+08:00"), shanghai));
        assert!(!p.at(unix("2027-01-01T00:00:00+08:00"), shanghai));
        assert!(p.at(unix("2020-01-01T00:00:00+08:00"), shanghai));
        // In a feed on UTC the day ends eight hours later.
        assert!(p.at(unix("2027-01-01T07:59:59+08:00"), 0));
        assert!(!p.at(unix("2027-01-01T08:00:00+08:00"), 0));
        // Midnight is how day-only sources write a day: the whole day too.
        let PinField::Yes(m) = pin("\"2026-12-31T00:00:00+08:00\"") else {
            panic!("pinned");
        };
        assert!(m.at(unix("2026-12-31T18:00:00+08:00"), shanghai));
        assert!(!m.at(unix("2027-01-01T00:00:00+08:00"), shanghai));
    }

    #[test]
    fn until_a_time_is_through_that_moment() {
        let PinField::Yes(p) = pin("\"2026-12-31 18:00\"") else {
            panic!("pinned");
        };
        assert!(p.at(unix("2026-12-31T18:00:00+08:00"), 480));
        assert!(!p.at(unix("2026-12-31T18:00:01+08:00"), 480));
        assert!(Pinned::Always.at(i64::MAX, 480));
    }

    #[test]
    fn title_prefixes() {
        for (title, rest) in [
            (
                "[置顶]关于开展安全生产大检查的通知",
                "关于开展安全生产大检查的通知",
            ),
            (
                "【置顶】关于开展安全生产大检查的通知",
                "关于开展安全生产大检查的通知",
            ),
            ("［置顶］ 通知", "通知"),
            ("  [ 置顶 ]  通知 ", "通知"),
            ("（置顶）通知", "通知"),
            ("(置顶)通知", "通知"),
            ("〔置顶〕通知", "通知"),
            ("〖置顶〗通知", "通知"),
            ("\u{3000}【置顶】\u{3000}通知", "通知"),
            ("置顶：通知", "通知"),
            ("置顶 : 通知", "通知"),
            ("[置顶][通知]放假安排", "[通知]放假安排"),
        ] {
            assert_eq!(strip_pin_prefix(title), Some(rest), "{title}");
        }
        for title in [
            "置顶帖管理办法",
            "关于[置顶]功能的说明",
            "[置顶",
            "[置顶】通知",
            "【置顶】",
            "[置顶]   ",
            "[顶]通知",
            "",
        ] {
            assert_eq!(strip_pin_prefix(title), None, "{title}");
        }
    }

    #[test]
    fn validity_values() {
        for (s, v) in [
            ("valid", Validity::Valid),
            ("Amended", Validity::Amended),
            (" REPEALED ", Validity::Repealed),
            ("expired", Validity::Expired),
            ("有效", Validity::Valid),
            ("已修改", Validity::Amended),
            ("废止", Validity::Repealed),
            ("已失效", Validity::Expired),
        ] {
            assert_eq!(Validity::parse(s), Some(v), "{s}");
            assert_eq!(Validity::parse(v.key()), Some(v));
            assert_eq!(Validity::ALL[v.index()], v);
        }
        for s in ["", "invalid", "void", "有效期至2025年", "repeal"] {
            assert_eq!(Validity::parse(s), None, "{s}");
        }
        let void: Vec<bool> = Validity::ALL.iter().map(|v| v.is_void()).collect();
        assert_eq!(void, [false, false, true, true]);
    }
}
