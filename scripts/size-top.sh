#!/usr/bin/env bash
# Where the wasm's bytes go (README: "Where the bundle's bytes go"). Takes
# the release wasm that `trunk build --release` left in the target folder,
# runs it through wasm-bindgen and wasm-opt as the build does but with
# the names kept, and prints twiggy's biggest items and a sum per crate.
# Needs twiggy (`cargo install twiggy`) and python3.
#
#   bash scripts/size-top.sh            # after trunk build --release
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh >/dev/null
target="${CARGO_TARGET_DIR:-target}"
wasm="$target/wasm32-unknown-unknown/release/district_bulletin.wasm"
[ -f "$wasm" ] || { echo "size-top: $wasm is missing (run trunk build --release)"; exit 1; }
command -v twiggy >/dev/null || { echo "size-top: twiggy is missing (cargo install twiggy)"; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
wasm-bindgen --target no-modules --keep-debug --out-dir "$work" "$wasm"
# The release's own wasm-opt parameters (scripts/wasm-opt.mjs), with the
# names kept.
params="$(node --input-type=module -e 'import { PARAMS } from "./scripts/wasm-opt.mjs"; console.log(PARAMS.join(" "))')"
# shellcheck disable=SC2086
wasm-opt $params --debuginfo \
  "$work/district_bulletin_bg.wasm" -o "$work/named.wasm"
twiggy top -n 25 "$work/named.wasm"
twiggy top -n 1000000 --format csv "$work/named.wasm" > "$work/top.csv"
python3 - "$work/top.csv" <<'EOF'
import collections, csv, re, sys
parts, total = collections.Counter(), 0
for row in csv.DictReader(open(sys.argv[1])):
    name, size = row["Name"], int(row["ShallowSize"])
    if "section" in name or name.startswith("custom"):
        continue  # names and other custom sections: not shipped
    total += size
    m = re.match(r"([a-z_][a-z0-9_]*)(\[[0-9a-f]+\])?::", name.lstrip("<"))
    crate = m.group(1) if m else ("data segment" if "data" in name else "imports, shims, tables")
    if crate == "district_bulletin":
        crate = "widget::" + re.match(r"district_bulletin::([a-z_]+)", name.lstrip("<")).group(1)
    parts[crate] += size
print(f"\ncode and data: {total} bytes; by crate (the widget by layer):")
for crate, size in parts.most_common(20):
    print(f"{size:9d} {100 * size / total:5.1f} %  {crate}")
EOF
