#[path = "../tests/support/gen.rs"]
mod gen;
use std::time::Instant;
fn main() {
    let json = gen::generate(10_000, 7, (2026, 11, 27));
    for _ in 0..4 {
        let t = Instant::now();
        let f = district_bulletin::feed::parse_feed(json.as_bytes()).unwrap();
        println!("parse_feed {:?} items {}", t.elapsed(), f.items.len());
    }
}
