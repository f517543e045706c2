#!/usr/bin/env bash
# README command 2: run every test.
#   1. native unit and fixture tests (cargo test)
#   2. browser tests in headless Chromium (cargo test --target wasm32-unknown-unknown)
#   3. the release bundle builds (trunk build --release), its size is printed
#      and checked against size-budget.txt
#   4. end-to-end: that bundle in a hostile host page on another origin, under
#      a strict CSP, and against a fault-injecting server, in headless
#      Chromium over WebDriver (tests/e2e.rs); then every text step and
#      长者模式 on small phones (tests/e2e_type.rs)
#   5. the release archive (scripts/release.sh): unpacked and served as plain
#      files, its builder page writes a snippet that works on another origin
#      (tests/e2e_release.rs)
#   6. end-to-end, fast on every visit: the kept first screen, `fragment`,
#      Trusted Types (tests/e2e_fast.rs)
#   7. a bounded fuzz run of the feed parser and normalizer (FUZZ_SECONDS, 60)
# Installs what is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh

step() { printf '\n\033[1;32m==> %s\033[0m\n' "$*"; }

step "native tests"
cargo test --locked

step "browser tests (headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown

step "release bundle (trunk build --release)"
trunk build --release --locked
bash scripts/size.sh dist
bash scripts/size-guard.sh dist

step "end-to-end (release bundle, hostile host page, WebDriver)"
DISTRICT_BULLETIN_DIST="$PWD/dist" cargo test --locked --test e2e -- --nocapture --test-threads=1

step "end-to-end: large type on small phones (360×640, 320×568; tests/e2e_type.rs)"
DISTRICT_BULLETIN_DIST="$PWD/dist" cargo test --locked --test e2e_type -- --nocapture --test-threads=1

step "end-to-end: fast on every visit (kept first screen, fragment file, Trusted Types)"
DISTRICT_BULLETIN_DIST="$PWD/dist" cargo test --locked --test e2e_fast -- --nocapture --test-threads=1

step "release archive: builder page, snippet elsewhere (scripts/release.sh, WebDriver)"
archive="$(bash scripts/release.sh | tail -n 1)"
DISTRICT_BULLETIN_RELEASE="$archive" cargo test --locked --test e2e_release -- --nocapture --test-threads=1

step "fuzz: feed parser and normalizer (${FUZZ_SECONDS:-60} s)"
# cargo fuzz needs nightly features; RUSTC_BOOTSTRAP lets this stable
# toolchain accept them. New inputs go to a scratch folder, not the repo.
scratch="$(mktemp -d)"
(cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run parse_feed "$scratch" corpus/parse_feed \
  --sanitizer none -- -max_total_time="${FUZZ_SECONDS:-60}" 2>&1 | tail -n 3)
rm -rf "$scratch"
