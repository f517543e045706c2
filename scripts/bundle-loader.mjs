// Trunk post-build hook: turns trunk's output into the release bundle.
//
//   district-bulletin.js    the loader (loader/district-bulletin.js) with the
//                           wasm-bindgen glue, the stylesheet, the wasm's
//                           SHA-384 and the contract with the widget
//                           (`district-bulletin contract`: the version,
//                           attribute names, rules, stored values' keys,
//                           placeholder markup, all from Rust) filled
//                           in: the one file a page includes
//   district-bulletin.wasm  the widget (its import and export names
//                           shortened, and the glue's with them)
//   district-bulletin.css   its stylesheet, for fragments that link it
//   district-bulletin-light.css   the same for `no-shadow` fragments
//   district-bulletin.sri   the loader's integrity value, for <script integrity>
//
// Run by trunk with TRUNK_STAGING_DIR set; prints the SRI snippet.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, unlinkSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
if (!staging) {
  console.error("bundle-loader: TRUNK_STAGING_DIR is not set (run through trunk)");
  process.exit(1);
}

const core = "district-bulletin"; // the crate name: trunk names its glue and wasm after it
const glueFile = join(staging, `${core}.js`);
const wasmIn = join(staging, `${core}_bg.wasm`);
const wasmName = "district-bulletin.wasm";
if (!existsSync(glueFile) || !existsSync(wasmIn)) {
  console.error(`bundle-loader: ${core}.js / ${core}_bg.wasm missing in ${staging}`);
  process.exit(1);
}

let glue = readFileSync(glueFile, "utf8");
// The glue must work under a strict CSP: no eval, no Function constructor.
// (A call, not the word inside a string such as `Function(${name})`.)
const banned = /(^|[^\w`'"$.])(eval|Function)\s*\(/m.exec(glue);
if (banned) {
  console.error(`bundle-loader: the wasm-bindgen glue calls ${banned[2]}(), which a strict CSP forbids`);
  process.exit(1);
}

// The glue's import module, and a name as wasm-bindgen hashes it.
const glueModule = "./district-bulletin_bg.js";
const hashed = /^(.*?)_{1,2}h?[0-9a-f]{16}$/;
const sha384 = (buf) => "sha384-" + createHash("sha384").update(buf).digest("base64");
let wasm = readFileSync(wasmIn);
const release = process.env.TRUNK_PROFILE === "release";
// wasm-bindgen names each import and export with a 16-digit hash (for
// uniqueness), written twice, in the wasm and in the glue: about 3.7 kB
// brotli that no compressor can shrink. The hash goes in both; a name left
// twice gets a counter instead; the import module is called "bg".
// A release goes further: each import and export is called by a letter or
// two (the glue's own names are mangled by terser anyway).
({ wasm, glue } = shortNames(wasm, glue, release));
const template = readFileSync(join(source, "loader", "district-bulletin.js"), "utf8");

// The contract, from the widget's own code (a native build of this crate;
// Cargo's cache makes it instant after the first time).
const env = { ...process.env };
delete env.CARGO_BUILD_TARGET;
let contract;
try {
  contract = execFileSync(
    "cargo",
    ["run", "--quiet", "--locked", "--bin", "district-bulletin", "--", "contract"],
    { cwd: source, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24 }
  );
  contract = JSON.parse(contract);
} catch (e) {
  console.error(`bundle-loader: \`district-bulletin contract\` failed: ${e.message}`);
  process.exit(1);
}

// The version is the widget's own (Cargo.toml's, as the crate was built).
const version = contract.version;

// The stylesheet travels in the contract too (minified by the widget's own
// code, the same bytes a pre-rendered fragment inlines).
const css = contract.css;
delete contract.css;
const lightCss = contract.lightCss;
delete contract.lightCss;

const fill = {
  '"@CONTRACT@"': JSON.stringify(contract),
  '"@WASM_FILE@"': JSON.stringify(wasmName),
  '"@WASM_INTEGRITY@"': JSON.stringify(sha384(wasm)),
  '"@CSS@"': JSON.stringify(css),
  '"@LIGHT_CSS@"': JSON.stringify(lightCss),
  "@VERSION@": version,
  "/*@GLUE@*/": glue,
};
let loader = template;
for (const [mark, value] of Object.entries(fill)) {
  if (!loader.includes(mark)) {
    console.error(`bundle-loader: ${mark} not found in the loader template`);
    process.exit(1);
  }
  loader = loader.split(mark).join(value);
}

// Release: the loader, the wasm-bindgen glue and the stylesheet are minified
// (terser from npm, installed by scripts/setup.sh), since every reader downloads them.
if (release) {
  const terserDir = process.env.DISTRICT_BULLETIN_TERSER;
  if (terserDir && existsSync(join(terserDir, "main.js"))) {
    const { minify } = await import(pathToFileURL(join(terserDir, "main.js")).href);
    // ES2020 (the glue already needs it: `?.`), so that the functions of
    // object literals become methods (never called with `new`): 78 B brotli.
    const out = await minify(loader, {
      ecma: 2020,
      compress: { passes: 2, ecma: 2020, unsafe_methods: true },
      mangle: true,
      format: { comments: false, ascii_only: false },
    });
    loader = out.code;
  } else {
    console.error("bundle-loader: terser not found (DISTRICT_BULLETIN_TERSER): the loader is not minified; run through scripts/setup.sh");
  }
}

writeFileSync(join(staging, "district-bulletin.js"), loader);
// For pre-rendered fragments that link the styles (`render --assets`).
writeFileSync(join(staging, "district-bulletin.css"), css);
writeFileSync(join(staging, "district-bulletin-light.css"), lightCss);
writeFileSync(join(staging, wasmName), wasm);
unlinkSync(wasmIn);

// The dev page: trunk leaves its (inert) <link data-trunk rel="rust"> in
// place when it injects no scripts (Trunk.toml): drop it, so the page holds
// exactly what a webmaster's page would.
const page = join(staging, "index.html");
if (existsSync(page)) {
  writeFileSync(page, readFileSync(page, "utf8").replace(/[ \t]*<link data-trunk rel="rust"[^>]*>\n?/, ""));
}

const sri = sha384(Buffer.from(loader));
writeFileSync(join(staging, "district-bulletin.sri"), sri + "\n");

console.log(`bundle-loader: district-bulletin.js ${loader.length} B, ${wasmName} ${wasm.length} B`);
console.log(`bundle-loader: <script src=".../district-bulletin.js" integrity="${sri}" crossorigin="anonymous" async></script>`);

/** The wasm's import and export names without wasm-bindgen's hashes, and
 * the glue to match. Exits when the wasm holds something unexpected. */
function shortNames(wasm, glue, letters) {
  const { sections, entries } = readNames(wasm);
  const names = namer(entries);
  const nameOf = (e) =>
    !letters ? names.rename(e.field)
    // (`memory` is also a word in the glue; its name costs nothing.)
    : e.module === null && e.field !== "memory" ? names.letter(names.exported, e.field)
    : e.module === null ? names.rename(e.field)
    : e.module === glueModule ? names.letter(names.imported, e.field)
    : names.rename(e.field);
  const out = writeNames(wasm, sections, entries, nameOf);
  return { wasm: out, glue: glueNamed(glue, names) };
}

function fail(why) {
  console.error(`bundle-loader: cannot shorten the wasm's names: ${why}`);
  process.exit(1);
}

function lebOut(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}

/** The wasm's sections, and the entries of its import (2) and export (7)
 * sections: names, and the rest as bytes. */
function readNames(wasm) {
  let pos = 0;
  const leb = () => {
    let v = 0n, shift = 0n, b;
    do {
      if (pos >= wasm.length) fail("truncated");
      b = wasm[pos++];
      v |= BigInt(b & 0x7f) << shift;
      shift += 7n;
    } while (b & 0x80);
    return Number(v);
  };
  const name = () => {
    const len = leb();
    pos += len;
    return wasm.subarray(pos - len, pos).toString("utf8");
  };
  const limits = () => {
    const flags = wasm[pos++];
    leb();
    if (flags & 1) leb();
  };
  const sections = [];
  pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos++];
    const size = leb();
    sections.push({ id, start: pos, end: pos + size });
    pos += size;
  }
  const entries = { 2: [], 7: [] };
  for (const sec of sections) {
    if (sec.id !== 2 && sec.id !== 7) continue;
    pos = sec.start;
    const count = leb();
    for (let i = 0; i < count; i++) {
      const module = sec.id === 2 ? name() : null;
      const field = name();
      const descStart = pos;
      const kind = wasm[pos++];
      if (sec.id === 7) leb();
      else if (kind === 0 || kind === 4) (kind === 4 && pos++, leb());
      else if (kind === 1) (wasm[pos] >= 0x6f ? pos++ : fail("a typed table"), limits());
      else if (kind === 2) limits();
      else if (kind === 3) (wasm[pos] >= 0x6f ? (pos += 2) : fail("a typed global"));
      else fail(`import kind ${kind}`);
      entries[sec.id].push({ module, field, desc: wasm.subarray(descStart, pos) });
    }
    if (pos !== sec.end) fail("a section's size");
  }
  return { sections, entries };
}

/** The new names: without the hash (a counter when one is left twice), or
 * by letters; each map old → new, for the glue. */
function namer(entries) {
  // Every unhashed name first, so a shortened name never takes one.
  const taken = new Set(
    [...entries[2], ...entries[7]].map((e) => e.field).filter((f) => !hashed.test(f))
  );
  const renamed = new Map();
  const rename = (old) => {
    const m = hashed.exec(old);
    if (!m) return old;
    let short = m[1];
    for (let n = 2; taken.has(short); n++) short = `${m[1]}_${n}`;
    taken.add(short);
    renamed.set(old, short);
    return short;
  };
  // a … Z, aa … ZZ: names that are identifiers, as the glue's keys must be.
  const abc = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const letter = (names, old) => {
    let n = names.size, short = "";
    do {
      short = abc[n % abc.length] + short;
      n = Math.floor(n / abc.length) - 1;
    } while (n >= 0);
    names.set(old, short);
    return short;
  };
  return { rename, renamed, letter, imported: new Map(), exported: new Map() };
}

/** The wasm with its import and export sections written anew. */
function writeNames(wasm, sections, entries, nameOf) {
  const nameOut = (s) => {
    const b = Buffer.from(s, "utf8");
    return Buffer.concat([lebOut(b.length), b]);
  };
  const parts = [wasm.subarray(0, 8)];
  for (const sec of sections) {
    let body = wasm.subarray(sec.start, sec.end);
    if (sec.id === 2 || sec.id === 7) {
      const list = entries[sec.id];
      body = Buffer.concat([
        lebOut(list.length),
        ...list.flatMap((e) => [
          ...(e.module === null ? [] : [nameOut(e.module === glueModule ? "bg" : e.module)]),
          nameOut(nameOf(e)),
          e.desc,
        ]),
      ]);
    }
    parts.push(Buffer.from([sec.id]), lebOut(body.length), body);
  }
  return Buffer.concat(parts);
}

/** The glue, calling the wasm's imports and exports by their new names. */
function glueNamed(glue, { imported, exported, renamed }) {
  const escape = (name) => name.replace(/\$/g, "\\$");
  // The glue's one import module, named once per import: two letters.
  const moduleKey = `"${glueModule}":`;
  if (glue.split(moduleKey).length !== 2) fail(`${glueModule} is not once in the glue`);
  glue = glue.replace(moduleKey, '"bg":');
  for (const [old, short] of imported) {
    // A key of the glue's import object: the whole name, never a part.
    const key = new RegExp(`(?<![\\w$])${escape(old)}(?=\\s*:)`, "g");
    if (glue.match(key)?.length !== 1) fail(`${old} is not once in the glue's imports`);
    glue = glue.replace(key, short);
    if (glue.includes(old)) fail(`${old} is in the glue outside its imports`);
  }
  // The exports, as the glue reaches them: `wasm.name` (some it never does).
  for (const [old, short] of exported) {
    glue = glue.replace(new RegExp(`(?<![\\w$])wasm\\.${escape(old)}(?![\\w$])`, "g"), `wasm.${short}`);
    // (The glue's own functions may share a name; a property or string may not.)
    if (new RegExp(`[.'"]${escape(old)}(?![\\w$])`).test(glue.replace(/exports\.\w+ = /g, ""))) {
      fail(`${old} is in the glue, not only as wasm.${old}`);
    }
  }
  for (const [old, short] of renamed) {
    if (!glue.includes(old)) fail(`${old} is not in the glue`);
    glue = glue.split(old).join(short);
  }
  return glue;
}
