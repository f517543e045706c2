#!/usr/bin/env bash
# Installs what building and testing district-bulletin needs, skipping what
# is already there. Sourced by scripts/serve.sh and scripts/test.sh; safe to
# run again and again (a no-op takes about a second).
#
#   wasm32 target      rustup target add
#   trunk 0.21.14      cargo install --locked (0.22 needs a newer rustc)
#   wasm-bindgen-cli   exactly the wasm-bindgen version in Cargo.lock
#   wasm-opt           npm's binaryen@123 (Debian's 108 fails on current rustc output)
#   cargo-fuzz         the fuzz run
#   axe-core 4.14.1    npm, for the accessibility checks
#   terser 5.51.4      npm, minifies the release loader
#   chromium, chromium-driver, fonts-noto-cjk, brotli   Debian packages (browser
#                      tests, screenshots, bundle size)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="${DISTRICT_BULLETIN_TOOLS:-$HOME/.cache/district-bulletin/tools}"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="123"

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$tools_dir/node_modules/.bin:$PATH"

# Run as root, or through sudo when there is one.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*"; return 1
  fi
}

# 0. The Rust that rust-toolchain.toml pins. Machines here have one
#    toolchain (stable); when it is that version, the pinned name points to
#    it (rustup refuses `toolchain link` for a version-like name, so as a
#    symlink in its toolchains folder), and nothing is downloaded.
pinned="$(awk -F'"' '/^channel/ { print $2 }' "$repo_root/rust-toolchain.toml")"
if ! rustup toolchain list | grep -q "^$pinned-"; then
  stable_version="$(rustup run stable rustc --version 2>/dev/null | awk '{ print $2 }')"
  if [ "$stable_version" = "$pinned" ]; then
    host="$(rustup run stable rustc -vV | awk '/^host:/ { print $2 }')"
    toolchains="${RUSTUP_HOME:-$HOME/.rustup}/toolchains"
    say "Rust $pinned is the installed stable: naming it $pinned-$host"
    ln -s "$toolchains/stable-$host" "$toolchains/$pinned-$host"
  else
    say "installing Rust $pinned (rust-toolchain.toml)"
    rustup toolchain install "$pinned" --profile minimal --component rustfmt,clippy --target wasm32-unknown-unknown
  fi
fi

# 1. The wasm32 target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 2. Debian packages: Chromium and its driver for browser tests, CJK fonts
#    so screenshots show Chinese.
missing_pkgs=()
for p in chromium chromium-driver fonts-noto-cjk brotli; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing_pkgs+=("$p")
done
if [ "${#missing_pkgs[@]}" -gt 0 ]; then
  say "installing ${missing_pkgs[*]} (apt)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing_pkgs[@]}" >/dev/null \
    || { as_root apt-get update -q >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing_pkgs[@]}" >/dev/null; }
fi

# 3. wasm-opt from npm's binaryen (pinned in Trunk.toml as version_123).
if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION}\b"; then
  say "installing binaryen@${BINARYEN_VERSION} (npm) into $tools_dir"
  mkdir -p "$tools_dir"
  npm install --silent --no-audit --no-fund --prefix "$tools_dir" "binaryen@${BINARYEN_VERSION}" >/dev/null
fi

# 3b. axe-core from npm, for the accessibility checks of the end-to-end test.
AXE_VERSION="4.14.1"
if [ ! -f "$tools_dir/node_modules/axe-core/axe.min.js" ] \
  || ! grep -q "\"version\": \"$AXE_VERSION\"" "$tools_dir/node_modules/axe-core/package.json"; then
  say "installing axe-core@${AXE_VERSION} (npm) into $tools_dir"
  mkdir -p "$tools_dir"
  npm install --silent --no-audit --no-fund --prefix "$tools_dir" "axe-core@${AXE_VERSION}" >/dev/null
fi
export DISTRICT_BULLETIN_AXE="$tools_dir/node_modules/axe-core"

# 3c. terser from npm: minifies the release loader (with the wasm-bindgen
#     glue and the stylesheet inside it) in scripts/bundle-loader.mjs.
TERSER_VERSION="5.51.4"
if ! grep -qs "\"version\": \"$TERSER_VERSION\"" "$tools_dir/node_modules/terser/package.json"; then
  say "installing terser@${TERSER_VERSION} (npm) into $tools_dir"
  mkdir -p "$tools_dir"
  npm install --silent --no-audit --no-fund --prefix "$tools_dir" "terser@${TERSER_VERSION}" >/dev/null
fi
export DISTRICT_BULLETIN_TERSER="$tools_dir/node_modules/terser"

# 4. wasm-bindgen-cli at exactly the Cargo.lock version (trunk and the test
#    runner refuse a mismatch). `--locked` does not build here; plain install does.
bindgen_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$repo_root/Cargo.lock")"
if [ -z "$bindgen_version" ]; then
  say "no wasm-bindgen in Cargo.lock"; exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $bindgen_version" \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $bindgen_version (about 4 minutes on 2 cores)"
  cargo install -q --force wasm-bindgen-cli --version "$bindgen_version"
fi

# 5. trunk.
if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install -q --force trunk --version "$TRUNK_VERSION" --locked
fi

# 6. cargo-fuzz (the bounded fuzz run). It needs nightly features; on this
#    stable toolchain RUSTC_BOOTSTRAP=1 allows them (see scripts/test.sh).
if ! command -v cargo-fuzz >/dev/null; then
  say "installing cargo-fuzz (about 2 minutes)"
  cargo install -q cargo-fuzz --locked
fi

# Trunk.toml must name the wasm-bindgen we have, or trunk would try to download one.
if ! grep -q "^wasm_bindgen = \"$bindgen_version\"" "$repo_root/Trunk.toml"; then
  say "Trunk.toml pins a wasm_bindgen other than Cargo.lock's $bindgen_version: update it"
  exit 1
fi

# Browser tests run through wasm-bindgen's runner and Debian's chromedriver.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export CHROMEDRIVER=/usr/bin/chromedriver
# The runner gives a whole test binary 20 s by default; on a loaded 2-core
# machine ours can need more. Each test still waits on conditions with its
# own deadline.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-300}"
