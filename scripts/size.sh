#!/usr/bin/env bash
# Prints the size of a built bundle's files: raw, gzip -9 and brotli (when
# the brotli tool exists).
set -euo pipefail
dir="${1:-dist}"
printf '%-44s %10s %10s %10s\n' file raw gzip brotli
total_raw=0; total_gz=0; total_br=0
while IFS= read -r f; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  if command -v brotli >/dev/null; then br=$(brotli -q 11 -c "$f" | wc -c); else br=0; fi
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
  printf '%-44s %10d %10d %10s\n' "${f#"$dir"/}" "$raw" "$gz" "$([ "$br" -gt 0 ] && echo "$br" || echo -)"
done < <(find "$dir" -maxdepth 1 -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) | sort)
printf '%-44s %10d %10d %10s\n' "total (wasm+js+css)" "$total_raw" "$total_gz" "$([ "$total_br" -gt 0 ] && echo "$total_br" || echo -)"
