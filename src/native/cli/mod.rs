//! The webmaster's command, natively:
//!
//! - `district-bulletin render FEED…` writes a pre-rendered fragment ([`render`]);
//! - `district-bulletin check [--json] [--origin ORIGIN] FEED…` tells whether
//!   the widget would show each FEED (a file or an http(s) URL) and what to
//!   fix ([`check`]); exit status 0 when it would show every one;
//! - `district-bulletin contract` prints what the build writes into the
//!   loader (see [`crate::native::contract`]).
//!
//! FEED is read by [`source`], which `check` and `render` share.

pub mod check;
mod render;
pub mod source;

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
                    "Exit status: 0 when the widget would show every FEED, 1 when not, 2 on a usage error.",
                )
                .arg(
                    Arg::new("FEED")
                        .required(true)
                        .num_args(1..)
                        .help("a feed file, or an http(s) URL"),
                )
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
        Some(("check", m)) => run_check(m),
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

fn run_check(m: &ArgMatches) -> ExitCode {
    let origin = m.get_one::<String>("origin").map(String::as_str);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let checks: Vec<check::Check> = m
        .get_many::<String>("FEED")
        .into_iter()
        .flatten()
        .map(|f| check::check(f, source::read(f, origin), origin, now))
        .collect();
    if m.get_flag("json") {
        let all: Vec<serde_json::Value> = checks.iter().map(check::json).collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&all).unwrap_or_else(|e| format!("\"{e}\""))
        );
    } else {
        let texts: Vec<String> = checks.iter().map(check::text).collect();
        print!("{}", texts.join("\n"));
    }
    if checks.iter().all(check::Check::shows) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
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
    }
}
