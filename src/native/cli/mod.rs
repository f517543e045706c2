//! The webmaster's command, natively:
//!
//! - `district-bulletin render FEED…` writes a pre-rendered fragment ([`render`]);
//! - `district-bulletin check [--json] [--origin ORIGIN] [--kind KIND]
//!   [--stale-after DAYS] FEED…` tells whether the widget would show each
//!   FEED (a file, an http(s) URL, or a folder of feed files) and what to
//!   fix ([`check`]); over several, the portal's columns against the
//!   inspection rule ([`portal`]); exit status 0 when it would show every
//!   one and the portal passes;
//! - `district-bulletin contract` prints what the build writes into the
//!   loader (see [`crate::native::contract`]).
//!
//! FEED is read by [`source`], which `check` and `render` share.

pub mod check;
pub mod column;
pub mod portal;
mod render;
pub mod source;

use crate::app::load::column::ColumnKind;

use clap::{Arg, ArgAction, ArgMatches, Command};
use std::process::ExitCode;

/// The command line: subcommands and their arguments (the widget's
/// attributes become `render`'s flags, from `config::ATTRIBUTES`).
pub fn command() -> Command {
    Command::new("district-bulletin")
        .about("The district-bulletin widget for webmasters: check a feed, pre-render the widget.")
        .version(crate::app::fragment::VERSION)
        .subcommand_required(true)
        .subcommand(render::command())
        .subcommand(
            Command::new("check")
                .about("Whether the widget would show each FEED, and what to fix")
                .after_help(
                    "Over several FEEDs (or a folder), a table of the columns and the portal's \
                     verdict by the inspection rule (国办秘函〔2019〕19号): a portal fails at 5 stale \
                     columns or 5 empty ones. A column's kind: KIND=FEED, else --kind, else read \
                     from the feed's title or its items' shared category, else 动态.\n\n\
                     Exit status: 0 when the widget would show every FEED and the portal passes, \
                     1 when not, 2 on a usage error.",
                )
                .arg(
                    Arg::new("FEED")
                        .required(true)
                        .num_args(1..)
                        .help(
                            "a feed file, an http(s) URL, or a folder of feed files (.json .xml \
                             .rss .atom); KIND=FEED gives its column kind (通知公告=news/tzgg.xml)",
                        ),
                )
                .arg(
                    Arg::new("kind")
                        .long("kind")
                        .value_name("KIND")
                        .value_parser(column_kind)
                        .help(
                            "the columns' kind, for the stale rule: 动态 (要闻; 14 days), 通知公告 \
                             or 政策文件 (180 days); also news, notices, policy",
                        ),
                )
                .arg(
                    Arg::new("stale-after")
                        .long("stale-after")
                        .value_name("DAYS")
                        .value_parser(clap::value_parser!(u32).range(1..))
                        .help("days without news before a column is stale, whatever its kind"),
                )
                .arg(now_arg())
                .arg(Arg::new("origin").long("origin").value_name("ORIGIN").help(
                    "the page origin that will embed the widget (https://portal.example): checks \
                     that the feed's Access-Control-Allow-Origin lets it read the feed",
                ))
                .arg(
                    Arg::new("json")
                        .long("json")
                        .action(ArgAction::SetTrue)
                        .help("one JSON object per FEED (an array), for scripts"),
                ),
        )
        .subcommand(
            Command::new("contract")
                .about("Print the loader's contract with the widget as JSON (used by the build)")
                .arg(Arg::new("pretty").long("pretty").action(ArgAction::SetTrue)),
        )
}

/// Runs the command with the process's arguments.
pub fn main() -> ExitCode {
    let matches = match command().try_get_matches() {
        Ok(m) => m,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match matches.subcommand() {
        Some(("render", m)) => render::run(m),
        Some(("check", m)) => portal::run(m),
        Some(("contract", m)) => {
            let contract = crate::native::contract::loader_contract();
            if m.get_flag("pretty") {
                println!("{contract:#}");
            } else {
                println!("{contract}");
            }
            ExitCode::SUCCESS
        }
        _ => ExitCode::from(2),
    }
}

/// `--now`, hidden: the command's clock, for reproducible output (`check`'s
/// staleness, `render`'s dates and freshness).
fn now_arg() -> Arg {
    Arg::new("now")
        .long("now")
        .value_name("UNIX_SECONDS")
        .value_parser(clap::value_parser!(i64))
        .hide(true)
        .help("the command's clock (for reproducible output)")
}

/// `--now`, else the system's clock (Unix seconds).
fn now(m: &ArgMatches) -> i64 {
    m.get_one::<i64>("now").copied().unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    })
}

/// `--kind`'s value.
fn column_kind(word: &str) -> Result<ColumnKind, String> {
    ColumnKind::from_word(word).ok_or_else(|| {
        format!("not a column kind: {word} (动态, 通知公告 or 政策文件; news, notices or policy)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_matches(args: &[&str]) -> Option<ArgMatches> {
        let m = command()
            .try_get_matches_from(["district-bulletin", "check"].iter().chain(args))
            .ok()?;
        m.subcommand_matches("check").cloned()
    }

    #[test]
    fn check_arguments() {
        let m = check_matches(&["--json", "a.xml", "--origin", "https://p.example", "b.json"])
            .expect("parses");
        assert!(m.get_flag("json"));
        assert_eq!(
            m.get_one::<String>("origin").map(String::as_str),
            Some("https://p.example")
        );
        let feeds: Vec<&String> = m.get_many::<String>("FEED").into_iter().flatten().collect();
        assert_eq!(feeds, ["a.xml", "b.json"]);
        let m = check_matches(&["--origin=https://p.example", "a"]).expect("parses");
        assert_eq!(
            m.get_one::<String>("origin").map(String::as_str),
            Some("https://p.example")
        );
        assert!(check_matches(&[]).is_none(), "a FEED is required");
        assert!(check_matches(&["--origin"]).is_none());
        assert!(check_matches(&["--verbose", "a"]).is_none());
        let m = check_matches(&["--kind", "通知公告", "--stale-after", "30", "a"]).expect("parses");
        assert_eq!(
            m.get_one::<ColumnKind>("kind").copied(),
            Some(ColumnKind::Notices)
        );
        assert_eq!(m.get_one::<u32>("stale-after").copied(), Some(30));
        assert!(check_matches(&["--kind", "其他", "a"]).is_none());
        assert!(check_matches(&["--stale-after", "0", "a"]).is_none());
    }
}
