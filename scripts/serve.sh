#!/usr/bin/env bash
# README command 1: serve the widget on the seed's feed at http://127.0.0.1:8080/
# Installs what is missing first (scripts/setup.sh). Extra arguments go to
# `trunk serve` (e.g. --release, --port 9000).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh
exec trunk serve "$@"
