#!/usr/bin/env bash
# The benchmark: builds the release bundle, then measures it against the
# vanilla-JS reference (bench/reference/) in headless Chromium on generated
# feeds of 100, 1,000 and 10,000 items. Prints figures and writes JSON.
# Extra arguments go to the runner: --sizes 100,1000  --runs 5
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh
trunk build --release --locked >/dev/null
bash scripts/size.sh dist
DISTRICT_BULLETIN_DIST="$PWD/dist" cargo run --locked --profile bench-runner --example bench -- "$@"
