//! The webmaster's command, natively: `district-bulletin contract` prints
//! what the build writes into the loader (see [`crate::contract`]).

use std::process::ExitCode;

/// Runs the command with the process's arguments.
pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("contract") => {
            println!("{}", crate::contract::loader_contract());
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: district-bulletin contract");
            ExitCode::from(2)
        }
    }
}
