//! The webmaster's command, natively:
//!
//! - `district-bulletin render FEED…` writes a pre-rendered fragment ([`render`]);
//! - `district-bulletin contract` prints what the build writes into the loader
//!   (see [`crate::contract`]).

mod render;

use clap::{Arg, ArgAction, Command};
use std::process::ExitCode;

/// The command line: subcommands and their arguments (the widget's
/// attributes become `render`'s flags, from `config::ATTRIBUTES`).
pub fn command() -> Command {
    Command::new("district-bulletin")
        .about(
            "The district-bulletin widget for webmasters: pre-render it, and the build's contract.",
        )
        .version(crate::fragment::VERSION)
        .subcommand_required(true)
        .subcommand(render::command())
        .subcommand(
            Command::new("contract")
                .about("Print the loader's contract with the widget as JSON (used by the build)")
                .arg(Arg::new("pretty").long("pretty").action(ArgAction::SetTrue)),
        )
}

/// The body at an http(s) URL. (Until the feed reader of `check` lands,
/// render takes files only.)
fn fetch_url(url: &str) -> Result<Vec<u8>, String> {
    Err(format!("{url}: give the feed as a file for now"))
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
        Some(("contract", m)) => {
            let contract = crate::contract::loader_contract();
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
