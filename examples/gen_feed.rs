//! Writes a large, realistic Chinese district feed for benchmarks and manual
//! tests. Deterministic: the same arguments give the same bytes.
//!
//! cargo run --release --example gen_feed -- --items 10000 --seed 1 --out target/feed-10000.json
//!
//! Options: `--items N` (default 1000), `--seed S` (default 1), `--end YYYY-MM-DD`
//! (newest date, default 2026-11-27), `--bodies realistic|short` (default
//! realistic: about 2 kB of Chinese per item, 100 items ≈ 230 kB; short: the
//! tests' few stock sentences), `--out FILE` (default: standard output).

#[path = "../tests/support/gen.rs"]
mod gen;

use std::io::Write;

fn main() {
    let mut items = 1000usize;
    let mut seed = 1u64;
    let mut end = (2026, 11, 27);
    let mut bodies = gen::Bodies::Realistic;
    let mut out: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = args.next().unwrap_or_default();
        match a.as_str() {
            "--items" => items = value.parse().unwrap_or(items),
            "--seed" => seed = value.parse().unwrap_or(seed),
            "--end" => {
                let p: Vec<i64> = value.split('-').filter_map(|x| x.parse().ok()).collect();
                if let [y, m, d] = p[..] {
                    end = (y, m, d);
                }
            }
            "--bodies" => {
                bodies = match value.as_str() {
                    "short" => gen::Bodies::Short,
                    "realistic" => gen::Bodies::Realistic,
                    _ => {
                        eprintln!("--bodies takes realistic or short");
                        std::process::exit(2);
                    }
                }
            }
            "--out" => out = Some(value),
            other => {
                eprintln!(
                    "unknown option {other}; see the comment at the top of examples/gen_feed.rs"
                );
                std::process::exit(2);
            }
        }
    }
    let json = gen::generate_with(items, seed, end, bodies);
    match out {
        Some(path) => {
            if let Err(e) = std::fs::write(&path, &json) {
                eprintln!("cannot write {path}: {e}");
                std::process::exit(1);
            }
            eprintln!("wrote {path}: {items} items, {} bytes", json.len());
        }
        None => {
            let _ = std::io::stdout().write_all(json.as_bytes());
        }
    }
}
