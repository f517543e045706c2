// The release wasm's optimization (run by scripts/bundle-loader.mjs, so
// trunk's own wasm-opt step is off in index.html): binaryen's wasm-opt with
// the parameters below, after the functions have been given names that put
// them in a better order for brotli.
//
// Why each parameter (measured in brotli bytes of the shipped wasm):
// - `--low-memory-unused`: the low 1 KiB of memory is never used (Rust's
//   data starts at 1 MiB; the stack grows down from there and only a stack
//   about to overflow would reach it), so address arithmetic may be folded
//   into load/store offsets.
// - `--strip-producers --strip-target-features`: metadata no browser reads.
// - twice `--flatten --rereloop -Oz`: the control flow flattened and
//   rebuilt, the optimizer then finds shorter shapes (0.5 kB).
// - `--gufa -Oz`, repeated until nothing changes (`--converge`): whole-
//   program type flow (1.4 kB).
// - `--one-caller-inline-max-function-size=20`: a function with one caller
//   is inlined only when it is small (binaryen inlines any size by default):
//   4.7 kB, and 555 kB raw against 565 (20 measured against 0, 5, 10, 15,
//   30, 40 and 60).
// - `--reorder-functions-by-name`, last, on the names given here: the
//   functions grouped by their signature, by size within a group, so that
//   code of one shape stands together for brotli to find: 2.1 kB against
//   ordering by their own names, 3.1 kB against the compiler's order (also
//   measured: signature then original place, 0.9 kB worse; by size alone,
//   2.1 kB worse; by signature then size descending, 0.7 kB worse). The
//   names are only for that: wasm-opt writes none (no `-g`).
// No `--all-features`: wasm-opt takes the features the wasm declares (its
// target_features section, stripped on the way out); all of them cost 3 kB.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The optimization passes (scripts/size-top.sh runs the same). */
export const PARAMS = [
  "-Oz",
  "--one-caller-inline-max-function-size=20",
  "--low-memory-unused", "--strip-producers", "--strip-target-features",
  "--flatten", "--rereloop", "-Oz", "--flatten", "--rereloop", "-Oz",
  "--gufa", "-Oz", "--converge",
];

/** The binaryen release this was measured with (scripts/setup.sh installs it). */
const BINARYEN = "123";

/** `wasm` optimized for size, as the release ships it. */
export function optimize(wasm) {
  let version;
  try {
    version = execFileSync("wasm-opt", ["--version"], { encoding: "utf8" });
  } catch (e) {
    throw new Error(`wasm-opt cannot run (${e.code || e.message}): run scripts/setup.sh, which installs binaryen ${BINARYEN} and puts it on PATH`);
  }
  if (!new RegExp(`version ${BINARYEN}\\b`).test(version)) {
    throw new Error(`wasm-opt is ${version.trim()}, not binaryen ${BINARYEN} (run scripts/setup.sh)`);
  }
  const dir = mkdtempSync(join(tmpdir(), "district-bulletin-opt-"));
  try {
    const input = join(dir, "in.wasm"), output = join(dir, "out.wasm");
    writeFileSync(input, ordered(wasm));
    execFileSync(
      "wasm-opt",
      [...PARAMS, "--reorder-functions-by-name", input, "-o", output],
      { stdio: ["ignore", "inherit", "inherit"] }
    );
    return readFileSync(output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `wasm` with a names section that sorts its functions by signature, then
 * size (any names it had are replaced). */
function ordered(wasm) {
  let pos = 8;
  const leb = () => {
    let v = 0, shift = 0, b;
    do {
      if (pos >= wasm.length) throw new Error("wasm-opt.mjs: a truncated wasm");
      b = wasm[pos++];
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return v;
  };
  const skipName = () => { const n = leb(); pos += n; };
  const skipLimits = () => { const flags = wasm[pos++]; leb(); if (flags & 1) leb(); };
  const kept = [wasm.subarray(0, 8)];
  let imported = 0;
  const types = [], sizes = [];
  while (pos < wasm.length) {
    const start = pos, id = wasm[pos++], size = leb(), end = pos + size;
    if (id === 0) {
      const nameLen = leb();
      const custom = wasm.subarray(pos, pos + nameLen).toString("utf8");
      pos = end;
      if (custom === "name") continue; // replaced below
    } else if (id === 2) {
      for (let i = 0, n = leb(); i < n; i++) {
        skipName();
        skipName();
        const kind = wasm[pos++];
        if (kind === 0) (imported++, leb());
        else if (kind === 1) (pos++, skipLimits());
        else if (kind === 2) skipLimits();
        else if (kind === 3) pos += 2;
        else if (kind === 4) (pos++, leb());
        else throw new Error(`wasm-opt.mjs: import kind ${kind}`);
      }
    } else if (id === 3) {
      for (let i = 0, n = leb(); i < n; i++) types.push(leb());
    } else if (id === 10) {
      for (let i = 0, n = leb(); i < n; i++) {
        const len = leb();
        sizes.push(len);
        pos += len;
      }
    }
    if ((id === 2 || id === 3 || id === 10) && pos !== end) {
      throw new Error(`wasm-opt.mjs: section ${id}'s size`);
    }
    pos = end;
    kept.push(wasm.subarray(start, end));
  }
  if (types.length !== sizes.length) throw new Error("wasm-opt.mjs: functions without code");
  const pad = (n, w) => String(n).padStart(w, "0");
  const entries = types.map((type, i) => {
    const name = Buffer.from(`${pad(type, 5)}.${pad(sizes[i], 8)}.${pad(i, 6)}`);
    return Buffer.concat([lebOut(imported + i), lebOut(name.length), name]);
  });
  const functionNames = Buffer.concat([lebOut(entries.length), ...entries]);
  const nameSection = Buffer.concat([
    lebOut(4), Buffer.from("name"),
    Buffer.from([1]), lebOut(functionNames.length), functionNames,
  ]);
  return Buffer.concat([...kept, Buffer.from([0]), lebOut(nameSection.length), nameSection]);
}

function lebOut(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}
