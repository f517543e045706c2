#!/usr/bin/env bash
# The benchmark: builds the release bundle, then measures it against the
# vanilla-JS reference (bench/reference/) in headless Chromium on generated
# feeds of 100, 1,000 and 10,000 items with realistic bodies: plain,
# pre-rendered, with a `fragment` file (n/a while the bundle lacks the
# attribute), first visits each in a fresh browser, second page views on the
# fast and the slow-phone profile. Prints figures and writes JSON (see
# examples/bench.rs). Extra arguments go to the runner: --sizes 100,1000
# --slow-sizes 100 --runs 5 --profiles slow --kinds prerendered,reference
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh
trunk build --release --locked >/dev/null
bash scripts/size.sh dist
DISTRICT_BULLETIN_DIST="$PWD/dist" cargo run --locked --profile bench-runner --example bench -- "$@"
