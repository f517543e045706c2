//! The webmaster's command: `district-bulletin render|check|contract`
//! (see `district_bulletin::native::cli`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    district_bulletin::native::cli::main()
}

/// A native command: there is nothing to run in a browser.
#[cfg(target_arch = "wasm32")]
fn main() {}
