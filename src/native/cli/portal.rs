//! `district-bulletin check` over a portal's columns: FEED arguments
//! (files, URLs, folders of feed files, each with an optional `KIND=`),
//! then after the reports one line per column (its kind, newest item and
//! status) and the portal's verdict by the inspection rule
//! ([`crate::app::check::portal`]).

use super::check::{self, Check, KindFrom, Status};
use super::source;
use crate::app::check::portal::FAILS_AT;
use crate::app::check::Verdict;
use crate::app::load::column::{ColumnKind, Rule};
use clap::ArgMatches;
use serde_json::{json, Value};
use std::path::Path;
use std::process::ExitCode;

/// The file extensions a folder's feeds are read from (ignoring case).
pub const FEED_EXTENSIONS: [&str; 4] = ["json", "xml", "rss", "atom"];

/// One column to check: its FEED, and the kind given for it (`KIND=FEED`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub feed: String,
    pub kind: Option<ColumnKind>,
}

/// A FEED argument with its kind: `通知公告=news/tzgg.xml`. The kind comes
/// first, so a URL's own `=` never reads as one; an existing path that
/// looks like it (a file called `news=a.xml`) stays a path.
pub fn split_kind(arg: &str) -> (&str, Option<ColumnKind>) {
    match arg.split_once('=') {
        Some((kind, feed)) if !Path::new(arg).exists() => match ColumnKind::from_word(kind) {
            Some(k) => (feed, Some(k)),
            None => (arg, None),
        },
        _ => (arg, None),
    }
}

/// The feed files of a folder: its files with a [`FEED_EXTENSIONS`]
/// extension, not hidden, sorted by name (subfolders are not read).
fn folder(dir: &Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut out: Vec<String> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default();
            let ext = p
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase());
            !name.starts_with('.') && ext.is_some_and(|e| FEED_EXTENSIONS.contains(&e.as_str()))
        })
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    out.sort();
    if out.is_empty() {
        return Err(format!(
            "{}: a folder without feed files ({})",
            dir.display(),
            FEED_EXTENSIONS.map(|e| format!(".{e}")).join(" ")
        ));
    }
    Ok(out)
}

/// The FEED arguments as columns: a folder gives each of its feed files,
/// with the folder's kind. `Err`: a folder that cannot be read or holds no
/// feed (a usage error). The second value: whether a folder was given.
pub fn columns<'a>(args: impl IntoIterator<Item = &'a str>) -> Result<(Vec<Column>, bool), String> {
    let mut out = Vec::new();
    let mut folders = false;
    for arg in args {
        let (feed, kind) = split_kind(arg);
        let path = Path::new(feed);
        if !source::is_url(feed) && path.is_dir() {
            folders = true;
            out.extend(folder(path)?.into_iter().map(|feed| Column { feed, kind }));
        } else {
            out.push(Column {
                feed: feed.to_string(),
                kind,
            });
        }
    }
    Ok((out, folders))
}

/// Display width in a terminal: CJK (and other wide) characters take two.
fn width(s: &str) -> usize {
    s.chars().map(|c| if c >= '\u{1100}' { 2 } else { 1 }).sum()
}

fn pad(s: &str, to: usize) -> String {
    format!("{s}{}", " ".repeat(to.saturating_sub(width(s))))
}

fn from_word(c: &Check) -> &'static str {
    match c.kind_from {
        KindFrom::Given => "given",
        KindFrom::Title(_) => "title",
        KindFrom::Category(_) => "category",
        KindFrom::Default if c.rule.stale_after.is_some() => "days",
        KindFrom::Default => "default",
    }
}

/// One line per column (status, kind and where it came from, the rule's
/// days, the newest item), then the portal's verdict.
pub fn table(checks: &[Check]) -> String {
    let rows: Vec<[String; 4]> = checks
        .iter()
        .map(|c| {
            let status = Status::of(c);
            let kind = format!("{} ({})", c.kind_label().unwrap_or("—"), from_word(c));
            let newest = match (&c.newest, status) {
                (Some((date, days)), _) => format!("{date}, {days} days ago"),
                (None, Status::Undated) => "no item has a date".into(),
                (None, _) => "—".into(),
            };
            let status = match status {
                Status::Fresh | Status::Undated => status.word().to_string(),
                _ => status.word().to_ascii_uppercase(),
            };
            [status, kind, format!("{} days", c.rule.days()), newest]
        })
        .collect();
    let head = ["status", "kind", "rule", "newest"].map(String::from);
    let widths: Vec<usize> = (0..4)
        .map(|i| {
            rows.iter()
                .chain([&head])
                .map(|r| width(&r[i]))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |r: &[String; 4], feed: &str| {
        let cells: Vec<String> = r.iter().zip(&widths).map(|(s, w)| pad(s, *w)).collect();
        format!("  {}  {feed}\n", cells.join("  "))
    };
    let mut out = format!(
        "columns: {} (the inspection rule, 国办秘函〔2019〕19号: 动态 {} days, 通知公告 and 政策文件 {} days)\n",
        checks.len(),
        ColumnKind::News.days(),
        ColumnKind::Notices.days()
    );
    out.push_str(&line(&head, "feed"));
    for (r, c) in rows.iter().zip(checks) {
        out.push_str(&line(r, &c.name));
    }
    out.push_str(&verdict_text(&Verdict::of(checks)));
    out
}

/// The portal's verdict in a line: how many stale and empty columns, and
/// whether that fails the inspection.
pub fn verdict_text(v: &Verdict) -> String {
    let word = if v.fails() { "FAILS" } else { "passes" };
    let mut out = format!(
        "portal: {word} the column rule: {} stale, {} empty of {} columns (a portal fails at {FAILS_AT} stale or {FAILS_AT} empty columns)\n",
        v.stale, v.empty, v.columns
    );
    if v.not_shown > 0 {
        out.push_str(&format!(
            "  {} of the empty ones the widget would not show: the reader sees no items there\n",
            v.not_shown
        ));
    }
    if v.undated > 0 {
        out.push_str(&format!(
            "  {} column(s) with items but no dates, not judged\n",
            v.undated
        ));
    }
    out
}

/// The verdict for scripts (`--json`'s `portal`).
pub fn verdict_json(v: &Verdict) -> Value {
    json!({
        "columns": v.columns,
        "stale": v.stale,
        "empty": v.empty,
        "not_shown": v.not_shown,
        "undated": v.undated,
        "fails_at": FAILS_AT,
        "fails": v.fails(),
    })
}

/// `check`: every column checked, the reports printed (with the table and
/// verdict when there are several columns, or a folder), and the exit
/// status: 0 when the widget shows every FEED and the portal passes, 1 when
/// not, 2 for a usage error.
pub fn run(m: &ArgMatches) -> ExitCode {
    let origin = m.get_one::<String>("origin").map(String::as_str);
    let now = super::now(m);
    let kind = m.get_one::<ColumnKind>("kind").copied();
    let stale_after = m.get_one::<u32>("stale-after").copied();
    let args = m.get_many::<String>("FEED").into_iter().flatten();
    let (columns, folders) = match columns(args.map(String::as_str)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("district-bulletin check: {e}");
            return ExitCode::from(2);
        }
    };
    let checks: Vec<Check> = columns
        .iter()
        .map(|col| {
            let rule = Rule {
                kind: col.kind.or(kind),
                stale_after,
            };
            let source = source::read(&col.feed, origin);
            check::check(&col.feed, source, origin, now, rule)
        })
        .collect();
    let verdict = Verdict::of(&checks);
    if m.get_flag("json") {
        let all = json!({
            "feeds": checks.iter().map(check::json).collect::<Vec<_>>(),
            "portal": verdict_json(&verdict),
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&all).unwrap_or_else(|e| format!("\"{e}\""))
        );
    } else {
        let texts: Vec<String> = checks.iter().map(check::text).collect();
        print!("{}", texts.join("\n"));
        if checks.len() > 1 || folders {
            print!("\n{}", table(&checks));
        }
    }
    if checks.iter().all(Check::shows) && !verdict.fails() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_goes_before_its_feed() {
        assert_eq!(
            split_kind("通知公告=news/tzgg.xml"),
            ("news/tzgg.xml", Some(ColumnKind::Notices))
        );
        assert_eq!(
            split_kind("zcwj=https://a.example/rss?c=1"),
            ("https://a.example/rss?c=1", Some(ColumnKind::Policy))
        );
        // A URL's own `=` is the URL's.
        assert_eq!(
            split_kind("https://a.example/rss?type=news"),
            ("https://a.example/rss?type=news", None)
        );
        assert_eq!(split_kind("其他=a.xml"), ("其他=a.xml", None));
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("通知公告 (title)"), 16);
        assert_eq!(pad("动态", 6), "动态  ");
    }
}
