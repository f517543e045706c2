#!/usr/bin/env bash
# The release archive for webmasters (README "Embed on your site"):
#
#   dist-release/district-bulletin-<version>/        the folder, also an npm package
#   dist-release/district-bulletin-<version>.tar.gz  that folder, reproducible
#   dist-release/district-bulletin-<version>.zip     the same files
#
# It holds the widget's bundle (trunk build --release), builder.html with
# its own wasm (this crate with the `builder` feature, through wasm-bindgen
# and wasm-opt here: the widget's bundle carries none of it), the native
# `district-bulletin` command for Linux x86_64, SHA256SUMS, the SRI values,
# the licenses, a README and package.json. Prints the .tar.gz's path last.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/setup.sh
source scripts/setup.sh

say() { printf '\033[1;34m[release]\033[0m %s\n' "$*" >&2; }

version="$(awk -F'"' '/^version *=/ { print $2; exit }' Cargo.toml)"
name="district-bulletin-$version"
out="${DISTRICT_BULLETIN_RELEASE_DIR:-$PWD/dist-release}"
stage="$out/$name"
target_dir="${CARGO_TARGET_DIR:-$PWD/target}"
# Every file's time in the archives: the commit's, so two builds of one
# commit give the same bytes.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}"

# 1. The widget's bundle, as `trunk build --release` makes it.
say "the widget's bundle (trunk build --release)"
trunk build --release --locked >&2
bash scripts/size-guard.sh dist >&2

# 2. The builder's wasm: the same crate, `builder` feature (its own entry,
#    no widget entry), bound for the browser as an ES module.
say "the builder's wasm (cargo build --features builder, wasm-bindgen, wasm-opt)"
cargo build --release --locked --lib --target wasm32-unknown-unknown --features builder >&2
rm -rf "$stage" "$out/$name.tar.gz" "$out/$name.zip"
mkdir -p "$stage/builder" "$stage/bin"
wasm-bindgen --target web --no-typescript --out-dir "$stage/builder" --out-name district-bulletin-builder \
  "$target_dir/wasm32-unknown-unknown/release/district_bulletin.wasm"
wasm-opt -Oz --low-memory-unused --strip-producers --strip-target-features --strip-debug \
  -o "$stage/builder/district-bulletin-builder_bg.wasm" "$stage/builder/district-bulletin-builder_bg.wasm"

# 3. The native command (Linux x86_64, glibc: see the README's requirement).
say "the native command (cargo build --release --bin district-bulletin)"
cargo build --release --locked --bin district-bulletin >&2
cp "$target_dir/release/district-bulletin" "$stage/bin/district-bulletin"
strip "$stage/bin/district-bulletin" 2>/dev/null || true
glibc="$(objdump -T "$stage/bin/district-bulletin" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1)"

# 4. The files.
for f in district-bulletin.js district-bulletin.wasm district-bulletin.css district-bulletin-light.css district-bulletin.sri; do
  cp "dist/$f" "$stage/$f"
done
cp builder/builder.html "$stage/builder.html"
cp builder/builder.css builder/start.js "$stage/builder/"
cp LICENSE-MIT LICENSE-APACHE "$stage/"
sed -e "s/@VERSION@/$version/g" -e "s/@GLIBC@/${glibc#GLIBC_}/g" release/README.md > "$stage/README.md"
sed -e "s/@VERSION@/$version/g" release/package.json > "$stage/package.json"

# 5. The integrity values (`integrity=` as browsers want it) and SHA256SUMS.
(
  cd "$stage"
  for f in district-bulletin.js district-bulletin.wasm district-bulletin.css district-bulletin-light.css \
           builder/district-bulletin-builder.js builder/district-bulletin-builder_bg.wasm builder/start.js builder/builder.css; do
    printf 'sha384-%s  %s\n' "$(openssl dgst -sha384 -binary "$f" | base64 -w0)" "$f"
  done > SRI
  find . -type f ! -name SHA256SUMS -printf '%P\n' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS
)

# 6. The archives: sorted names, the commit's time, no owner, gzip without
#    a name or time.
find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
chmod -R u=rwX,go=rX "$stage"
chmod 755 "$stage/bin/district-bulletin"
tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner --format=gnu \
  -C "$out" -cf - "$name" | gzip -n -9 > "$out/$name.tar.gz"
(cd "$out" && find "$name" -print | LC_ALL=C sort | TZ=UTC zip -X -q -9 -@ "$name.zip")

say "$(cd "$stage" && du -sh . | cut -f1) in $stage; the native command needs $glibc or newer"
say "zip: $out/$name.zip"
echo "$out/$name.tar.gz"
