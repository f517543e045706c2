#!/usr/bin/env bash
# The soak run (not part of CI: it takes minutes): builds the release bundle,
# then drives 1,000 refresh rounds of the widget in headless Chromium on a
# feed that changes and fails now and then, and checks that wasm memory, the
# JS heap and the DOM stay flat (within 10 % after round 50). See
# examples/soak.rs. Extra arguments go to the runner: --rounds 1000 --scale 40
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh
if [ -z "${DISTRICT_BULLETIN_DIST:-}" ]; then
  trunk build --release --locked >/dev/null
  export DISTRICT_BULLETIN_DIST="$PWD/dist"
fi
cargo run --locked --profile bench-runner --example soak -- "$@"
