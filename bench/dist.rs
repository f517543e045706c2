//! The release bundle the benchmark and the soak run load (shared by
//! examples/bench.rs and examples/soak.rs).

use std::path::PathBuf;

/// The repository's root and the bundle's folder (`DISTRICT_BULLETIN_DIST`,
/// relative to the root unless absolute); `None`, said on the terminal, when
/// it is not set.
pub fn locate(runner: &str, script: &str) -> Option<(PathBuf, PathBuf)> {
    let Some(dist) = std::env::var_os("DISTRICT_BULLETIN_DIST").map(PathBuf::from) else {
        println!("{runner}: set DISTRICT_BULLETIN_DIST to a release bundle ({script} does)");
        return None;
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    // (An absolute path replaces the root.)
    Some((root.clone(), root.join(dist)))
}
