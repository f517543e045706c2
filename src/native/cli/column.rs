//! A checked feed as one column of a portal, in the command's words: its
//! kind, where the kind came from, its rule in days and its status, for
//! the report ([`super::check`]) and the portal's table ([`super::portal`]).

use crate::app::check::{Check, KindFrom, Status};
use crate::app::load::column::ColumnKind;
use serde_json::{json, Value};

/// The column's kind and rule, and where the kind came from.
pub fn column_text(c: &Check) -> String {
    let kind = c.kind_label().unwrap_or("—");
    // A kind read from the feed holds for the widget only when given there
    // too (its console does not read it), unless it is the default's.
    let advice = if c.rule.kind.is_some_and(|k| k != ColumnKind::News) {
        format!("; on the widget, set column-kind=\"{kind}\" for its console to agree")
    } else {
        String::new()
    };
    let from = match &c.kind_from {
        KindFrom::Given => "given".to_string(),
        KindFrom::Title(t) => format!("read from the feed's title 「{t}」{advice}"),
        KindFrom::Category(t) => format!("read from its items' category 「{t}」{advice}"),
        KindFrom::Default if c.rule.stale_after.is_some() => "none given".to_string(),
        KindFrom::Default => "the default: no kind given or found in the feed".to_string(),
    };
    let days = c.rule.days();
    let given = if c.rule.stale_after.is_some() {
        " (--stale-after)"
    } else {
        ""
    };
    format!("  column: {kind} ({from}), stale after {days} days{given}\n")
}

/// The feed as a portal's column: its kind, where the kind came from, its
/// rule in days, and its status ([`Status`]).
pub fn column_json(c: &Check) -> Value {
    let (from, read) = match &c.kind_from {
        KindFrom::Given => ("given", None),
        KindFrom::Title(t) => ("title", Some(t)),
        KindFrom::Category(t) => ("category", Some(t)),
        KindFrom::Default => ("default", None),
    };
    json!({
        "kind": c.kind_label(),
        "kind_from": from,
        "kind_read_from": read,
        "stale_after_days": c.rule.days(),
        "status": Status::of(c).word(),
    })
}
