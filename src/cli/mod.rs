//! The webmaster's command, natively:
//!
//! - `district-bulletin contract` prints what the build writes into the
//!   loader (see [`crate::contract`]);
//! - `district-bulletin check [--json] [--origin ORIGIN] FEED…` tells whether
//!   the widget would show each FEED (a file or an http(s) URL) and what to
//!   fix ([`check`]); exit status 0 when it would show every one.
//!
//! FEED is read by [`source`], which `render` shares.

pub mod check;
pub mod source;

use std::process::ExitCode;

const USAGE: &str = "usage: district-bulletin contract
       district-bulletin check [--json] [--origin ORIGIN] FEED...
         FEED    a feed file, or an http(s) URL
         --origin the page origin that will embed the widget (https://portal.example):
                  checks that the feed's Access-Control-Allow-Origin lets it read the feed
         --json   one JSON object per FEED (an array), for scripts
       exit status: 0 when the widget would show every FEED, 1 when not, 2 on a usage error";

/// Runs the command with the process's arguments.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("contract") => {
            println!("{}", crate::contract::loader_contract());
            ExitCode::SUCCESS
        }
        Some("check") => run_check(&args[1..]),
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// What `check`'s arguments ask for.
#[derive(Debug, Default, PartialEq, Eq)]
struct CheckArgs {
    json: bool,
    origin: Option<String>,
    feeds: Vec<String>,
}

fn check_args(args: &[String]) -> Option<CheckArgs> {
    let mut out = CheckArgs::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => out.json = true,
            "--origin" => out.origin = Some(it.next()?.clone()),
            s if s.starts_with("--origin=") => {
                out.origin = Some(s["--origin=".len()..].to_string())
            }
            s if s.starts_with("--") => return None,
            s => out.feeds.push(s.to_string()),
        }
    }
    (!out.feeds.is_empty()).then_some(out)
}

fn run_check(args: &[String]) -> ExitCode {
    let Some(a) = check_args(args) else {
        return usage();
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let checks: Vec<check::Check> = a
        .feeds
        .iter()
        .map(|f| {
            let source = source::read(f, a.origin.as_deref());
            check::check(f, source, a.origin.as_deref(), now)
        })
        .collect();
    if a.json {
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

    fn args(s: &[&str]) -> Vec<String> {
        s.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn check_arguments() {
        assert_eq!(
            check_args(&args(&[
                "--json",
                "a.xml",
                "--origin",
                "https://p.example",
                "b.json"
            ])),
            Some(CheckArgs {
                json: true,
                origin: Some("https://p.example".into()),
                feeds: args(&["a.xml", "b.json"]),
            })
        );
        assert_eq!(
            check_args(&args(&["--origin=https://p.example", "a"])).and_then(|a| a.origin),
            Some("https://p.example".into())
        );
        assert_eq!(check_args(&args(&[])), None);
        assert_eq!(check_args(&args(&["--origin"])), None);
        assert_eq!(check_args(&args(&["--verbose", "a"])), None);
    }
}
