//! How long a column may go without news: the rule of the government
//! website inspections (国办秘函〔2019〕19号, 《政府网站与政务新媒体检查指标》)
//! per column kind. 动态、要闻类栏目 are checked over the two weeks before
//! the inspection, 通知公告、政策文件类栏目 over the six months before it.
//! A webmaster names the kind (`column-kind`, `check --kind`) or the days
//! themselves (`stale-after`); the default is the strictest, 14 days.
//!
//! Plain Rust, in the widget (its console warning) as in `check`.

/// Days a column may go without news when nothing says otherwise: the
/// rule for 动态, the strictest.
pub const DEFAULT_STALE_DAYS: u32 = 14;

/// A column's kind, as the inspection rules group them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// 动态、要闻: news of the office's work. Two weeks.
    News,
    /// 通知公告: notices. Six months.
    Notices,
    /// 政策文件: policy documents. Six months.
    Policy,
}

/// The kinds' other names, which the command reads too (`--kind`,
/// `KIND=FEED`), ignoring ASCII case: English, and the pinyin initials CMSs
/// use in column paths (`/gzdt/`, `/tzgg/`, `/zcwj/`). Not the widget's
/// attribute: every word costs the bundle bytes.
#[cfg(not(target_arch = "wasm32"))]
const ALIASES: [(ColumnKind, &[&str]); 3] = [
    (ColumnKind::News, &["动态要闻", "news", "gzdt"]),
    (
        ColumnKind::Notices,
        &["通知", "公告", "notices", "notice", "tzgg"],
    ),
    (ColumnKind::Policy, &["政策", "policy", "zcwj"]),
];

impl ColumnKind {
    /// Every kind, in the order the rules list them.
    pub const ALL: [ColumnKind; 3] = [ColumnKind::News, ColumnKind::Notices, ColumnKind::Policy];

    /// Its Chinese name: 动态, 通知公告 or 政策文件.
    pub fn name(self) -> &'static str {
        match self {
            ColumnKind::News => "动态",
            ColumnKind::Notices => "通知公告",
            ColumnKind::Policy => "政策文件",
        }
    }

    /// Days its newest item may be old before the column is stale.
    ///
    /// 动态: two weeks, 14 days. 通知公告 and 政策文件: six months, taken as
    /// 180 days. Six calendar months back from an inspection are 181 to
    /// 184 days, depending on the months; 180 is never later than any of
    /// them, so a column this rule calls fresh is never one an inspector
    /// counting months would call stale (it warns at most 4 days early).
    pub fn days(self) -> u32 {
        match self {
            ColumnKind::News => DEFAULT_STALE_DAYS,
            ColumnKind::Notices | ColumnKind::Policy => 180,
        }
    }

    /// Reads `column-kind`: a kind's name, or 要闻 (动态's other half),
    /// trimmed; `None` for any other word.
    pub fn parse(word: &str) -> Option<ColumnKind> {
        match word.trim() {
            "动态" | "要闻" => Some(ColumnKind::News),
            "通知公告" => Some(ColumnKind::Notices),
            "政策文件" => Some(ColumnKind::Policy),
            _ => None,
        }
    }

    /// Reads the command's kinds: [`ColumnKind::parse`]'s words and the
    /// [`ALIASES`] (`notices`, `tzgg`, …).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_word(word: &str) -> Option<ColumnKind> {
        let word = word.trim();
        ColumnKind::parse(word).or_else(|| {
            ALIASES
                .iter()
                .find(|(_, words)| words.iter().any(|w| word.eq_ignore_ascii_case(w)))
                .map(|(k, _)| *k)
        })
    }
}

/// The rule one column is held to: its kind, or days given outright.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rule {
    /// The column's kind, when known.
    pub kind: Option<ColumnKind>,
    /// Days given outright (`stale-after`, `--stale-after`): they win over
    /// the kind's.
    pub stale_after: Option<u32>,
}

impl Rule {
    /// Days the newest item may be old: `stale_after`, else the kind's,
    /// else [`DEFAULT_STALE_DAYS`].
    pub fn days(self) -> u32 {
        self.stale_after
            .unwrap_or_else(|| self.kind.map_or(DEFAULT_STALE_DAYS, ColumnKind::days))
    }

    /// Whether a newest item `age_days` whole days old makes the column
    /// stale (an item exactly the limit old is still within it).
    pub fn stale(self, age_days: i64) -> bool {
        age_days > i64::from(self.days())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_name_and_alias() {
        for k in ColumnKind::ALL {
            assert_eq!(ColumnKind::parse(k.name()), Some(k));
        }
        assert_eq!(ColumnKind::parse(" 要闻 "), Some(ColumnKind::News));
        assert_eq!(ColumnKind::parse("政策解读"), None);
        assert_eq!(ColumnKind::parse(""), None);
        // The command's aliases; the attribute reads only the names.
        assert_eq!(ColumnKind::parse("tzgg"), None);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_command_reads_aliases_too() {
        assert_eq!(ColumnKind::from_word("Notices"), Some(ColumnKind::Notices));
        assert_eq!(ColumnKind::from_word(" ZCWJ"), Some(ColumnKind::Policy));
        assert_eq!(ColumnKind::from_word("要闻"), Some(ColumnKind::News));
        assert_eq!(ColumnKind::from_word("其他"), None);
    }

    #[test]
    fn two_weeks_for_news_six_months_for_notices_and_policy() {
        let rule = |kind| Rule {
            kind,
            stale_after: None,
        };
        assert_eq!(rule(None).days(), 14);
        assert_eq!(rule(Some(ColumnKind::News)).days(), 14);
        assert_eq!(rule(Some(ColumnKind::Notices)).days(), 180);
        assert_eq!(rule(Some(ColumnKind::Policy)).days(), 180);
        // A 动态 column 15 days old is stale; 14 days is still within.
        assert!(rule(Some(ColumnKind::News)).stale(15));
        assert!(!rule(Some(ColumnKind::News)).stale(14));
        // A 政策文件 column updated 40 days ago is not.
        assert!(!rule(Some(ColumnKind::Policy)).stale(40));
        assert!(rule(Some(ColumnKind::Policy)).stale(181));
        // Days given outright win over the kind's.
        let given = Rule {
            kind: Some(ColumnKind::Policy),
            stale_after: Some(30),
        };
        assert_eq!(given.days(), 30);
        assert!(given.stale(40));
    }
}
