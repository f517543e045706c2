#!/usr/bin/env bash
# Fails when the release bundle outgrows size-budget.txt (brotli bytes of
# district-bulletin.js + district-bulletin.wasm). Sizes are deterministic;
# timings never gate CI.
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
budget=$(awk -F'= *' '/^max_brotli_bytes/ { print $2 }' size-budget.txt)
total=0
for f in "$dist/district-bulletin.js" "$dist/district-bulletin.wasm"; do
  [ -f "$f" ] || { echo "size guard: $f is missing (run trunk build --release)"; exit 1; }
  total=$((total + $(brotli -q 11 -c "$f" | wc -c)))
done
if [ "$total" -gt "$budget" ]; then
  echo "size guard: FAILED — the bundle is $total bytes brotli, over the budget of $budget (size-budget.txt)."
  echo "            Find what grew (twiggy top, cargo bloat) or raise the budget on purpose."
  exit 1
fi
echo "size guard: ok — $total bytes brotli (budget $budget, $((budget - total)) to spare)"
