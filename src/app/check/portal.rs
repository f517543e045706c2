//! The inspection rule over a whole portal: each feed is one column, held
//! to its kind's rule ([`crate::app::load::column`]), and the portal fails
//! at [`FAILS_AT`] stale columns or at [`FAILS_AT`] empty ones. (The rule
//! counts 动态、要闻类栏目 not updated in two weeks together with
//! 通知公告、政策文件类栏目 not updated in six months; empty columns, 空白栏目,
//! are counted on their own.)
//!
//! When nothing names a column's kind, it is read from the feed's title,
//! or from the category all its items share; the report says so.

use super::Check;
use crate::app::load::column::ColumnKind;
use crate::model::feed::{Feed, UNCATEGORIZED};

/// Stale columns, or empty ones, at which a portal fails the inspection.
pub const FAILS_AT: usize = 5;

/// Where a column's kind came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KindFrom {
    /// Given: `--kind`, `FEED=kind`, or the widget's `column-kind`.
    Given,
    /// Read from the feed's title, which is this.
    Title(String),
    /// Read from the category every item has, which is this.
    Category(String),
    /// Nothing said: the default rule (动态's, the strictest).
    Default,
}

/// Words that mark a column's kind in a title or category: the kinds'
/// names, and the 文件 columns that hold policy documents.
const CUES: [(ColumnKind, &[&str]); 3] = [
    (ColumnKind::News, &["动态", "要闻"]),
    (ColumnKind::Notices, &["通知", "公告"]),
    (ColumnKind::Policy, &["政策文件", "规范性文件", "政府文件"]),
];

/// The one kind `text` names; `None` when it names none, or more than one
/// (then the default, strictest rule stands).
fn cued(text: &str) -> Option<ColumnKind> {
    let mut found = CUES
        .iter()
        .filter(|(_, cues)| cues.iter().any(|c| text.contains(c)))
        .map(|(k, _)| *k);
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// The kind a feed's title names, else the one the category all its items
/// share names, with where it was read.
pub fn infer(feed: &Feed) -> Option<(ColumnKind, KindFrom)> {
    if let Some(k) = cued(&feed.title) {
        return Some((k, KindFrom::Title(feed.title.clone())));
    }
    let first = feed.items.first()?;
    let category = &*first.district.category;
    let shared =
        category != UNCATEGORIZED && feed.items.iter().all(|b| &*b.district.category == category);
    let kind = cued(category).filter(|_| shared)?;
    Some((kind, KindFrom::Category(category.to_string())))
}

impl Check {
    /// The column's kind as reports name it: the one given or read, else
    /// 动态, whose rule is the default (`None` when only days were given).
    pub fn kind_label(&self) -> Option<&'static str> {
        match (self.rule.kind, self.rule.stale_after) {
            (Some(k), _) => Some(k.name()),
            (None, Some(_)) => None,
            (None, None) => Some(ColumnKind::News.name()),
        }
    }
}

/// What one column is, for the inspection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Its newest item is within its rule.
    Fresh,
    /// Its newest item is older than its rule allows.
    Stale,
    /// It shows no items (空白栏目).
    Empty,
    /// It has items, none of them dated: the inspection cannot be judged.
    Undated,
    /// The widget would not show it: the reader sees no items, so it
    /// counts as empty.
    NotShown,
}

impl Status {
    /// The column's status.
    pub fn of(c: &Check) -> Status {
        match &c.feed {
            _ if !c.shows() => Status::NotShown,
            Some(Ok(f)) if f.items.is_empty() => Status::Empty,
            _ if c.stale() => Status::Stale,
            _ if c.newest.is_some() => Status::Fresh,
            _ => Status::Undated,
        }
    }

    /// The word the report prints (`--json` too).
    pub fn word(self) -> &'static str {
        match self {
            Status::Fresh => "fresh",
            Status::Stale => "stale",
            Status::Empty => "empty",
            Status::Undated => "undated",
            Status::NotShown => "not shown",
        }
    }
}

/// The portal's verdict over its columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Verdict {
    pub columns: usize,
    pub stale: usize,
    /// Empty columns, those not shown included.
    pub empty: usize,
    /// Of [`Verdict::empty`], those the widget would not show.
    pub not_shown: usize,
    /// Columns with items but no dates, not counted either way.
    pub undated: usize,
}

impl Verdict {
    /// Counts the columns.
    pub fn of<'a>(checks: impl IntoIterator<Item = &'a Check>) -> Verdict {
        let mut v = Verdict::default();
        for c in checks {
            v.columns += 1;
            match Status::of(c) {
                Status::Fresh => {}
                Status::Stale => v.stale += 1,
                Status::Empty => v.empty += 1,
                Status::NotShown => {
                    v.empty += 1;
                    v.not_shown += 1;
                }
                Status::Undated => v.undated += 1,
            }
        }
        v
    }

    /// Whether the portal fails the inspection: [`FAILS_AT`] stale columns,
    /// or [`FAILS_AT`] empty ones.
    pub fn fails(&self) -> bool {
        self.stale >= FAILS_AT || self.empty >= FAILS_AT
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::check::{inspect, Source};
    use crate::app::load::column::Rule;
    use crate::model::feed::{read_body, Reading};

    /// 2019-12-31T00:00:00+08:00.
    const NOW: i64 = 1_577_721_600;

    /// A column titled `title`, with one item of `date`, or none.
    fn column(title: &str, date: Option<&str>, kind: Option<ColumnKind>) -> Check {
        let items = date.map_or(String::new(), |d| {
            format!(r#"{{"id":"1","title":"t","date_published":"{d}"}}"#)
        });
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"{title}","items":[{items}]}}"#
        );
        let source = Source {
            name: "f.json".into(),
            bytes: json.into_bytes(),
            http: None,
        };
        let rule = Rule {
            kind,
            stale_after: None,
        };
        inspect("f.json", Ok(source), |_| unreachable!("a file"), NOW, rule)
    }

    #[test]
    fn each_column_by_its_kind() {
        // 动态 15 days old is stale; 政策文件 40 days old is not.
        let news = column("工作动态", Some("2019-12-16T00:00:00+08:00"), None);
        assert_eq!(news.kind_from, KindFrom::Title("工作动态".into()));
        assert_eq!(Status::of(&news), Status::Stale);
        let policy = column(
            "文件",
            Some("2019-11-21T00:00:00+08:00"),
            Some(ColumnKind::Policy),
        );
        assert_eq!(policy.kind_from, KindFrom::Given);
        assert_eq!(Status::of(&policy), Status::Fresh);
        // A kind given wins over the title's.
        let given = column(
            "工作动态",
            Some("2019-11-21T00:00:00+08:00"),
            Some(ColumnKind::Notices),
        );
        assert_eq!(Status::of(&given), Status::Fresh);
        assert_eq!(Status::of(&column("专题", None, None)), Status::Empty);
        let undated = column("专题", Some("someday"), None);
        assert_eq!(Status::of(&undated), Status::Undated);
    }

    #[test]
    fn a_portal_fails_at_five_stale_or_five_empty_columns() {
        let stale = || column("动态", Some("2019-12-01T00:00:00+08:00"), None);
        let empty = || column("专题", None, None);
        let fresh = || column("动态", Some("2019-12-30T00:00:00+08:00"), None);
        let four: Vec<Check> = (0..4).map(|_| stale()).chain([empty(), fresh()]).collect();
        let v = Verdict::of(&four);
        assert_eq!((v.columns, v.stale, v.empty), (6, 4, 1));
        assert!(!v.fails());
        let five: Vec<Check> = (0..5).map(|_| stale()).collect();
        assert!(Verdict::of(&five).fails());
        let empties: Vec<Check> = (0..5).map(|_| empty()).chain([fresh()]).collect();
        let v = Verdict::of(&empties);
        assert!(v.fails() && v.empty == 5 && v.stale == 0);
    }

    fn feed(title: &str, categories: &[&str]) -> Feed {
        let items: Vec<String> = categories
            .iter()
            .enumerate()
            .map(|(i, c)| format!(r#"{{"id":"{i}","title":"t","tags":["{c}"]}}"#))
            .collect();
        let json = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"{title}","items":[{}]}}"#,
            items.join(",")
        );
        let Reading { feed, .. } = read_body(json.as_bytes());
        feed.expect("a feed")
    }

    #[test]
    fn kinds_are_read_from_the_title_then_the_shared_category() {
        let k = |title, cats: &[&str]| infer(&feed(title, cats)).map(|(k, _)| k);
        assert_eq!(
            k("示例区人民政府 · 通知公告", &[]),
            Some(ColumnKind::Notices)
        );
        assert_eq!(k("工作动态", &["x"]), Some(ColumnKind::News));
        assert_eq!(k("区政府规范性文件", &[]), Some(ColumnKind::Policy));
        assert_eq!(
            infer(&feed("示例区", &["政策文件", "政策文件"])),
            Some((ColumnKind::Policy, KindFrom::Category("政策文件".into())))
        );
        // Items of several categories, a title that names two kinds, or
        // none: the default rule.
        assert_eq!(k("示例区", &["政策文件", "工作动态"]), None);
        assert_eq!(k("动态与通知公告", &[]), None);
        assert_eq!(k("示例区人民政府门户网站", &[]), None);
    }
}
