// What the soak run's JS heap holds: opens the soak page (the URL that
// `examples/soak.rs` prints) in a fresh headless Chromium, takes a heap
// snapshot after a forced GC at two moments, and prints the object groups
// (by constructor) whose self size grew most between them.
//
//   node --experimental-websocket bench/heapdiff.mjs URL [--first 30] [--second 180]
//
// (seconds after the page opened; the page refreshes every 250 ms.)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const url = args.find((a) => /^https?:/.test(a));
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const dir = mkdtempSync(join(tmpdir(), "db-heap-"));
const chrome = spawn(process.env.CHROMIUM || "/usr/bin/chromium", [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--no-first-run", "--remote-debugging-port=0", `--user-data-dir=${dir}`, "about:blank",
], { stdio: "ignore" });
const portFile = join(dir, "DevToolsActivePort");
for (let i = 0; i < 300 && !existsSync(portFile); i++) await sleep(100);
const [port, path] = readFileSync(portFile, "utf8").split("\n");
const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`);
await new Promise((ok) => (ws.onopen = ok));
let id = 0;
const pending = new Map();
let chunks = [];
ws.onmessage = (m) => {
  const msg = JSON.parse(m.data);
  if (msg.id && pending.has(msg.id)) {
    pending.get(msg.id)(msg.result);
    pending.delete(msg.id);
  } else if (msg.method === "HeapProfiler.addHeapSnapshotChunk") chunks.push(msg.params.chunk);
};
const send = (method, params = {}, sessionId) =>
  new Promise((ok) => {
    pending.set(++id, ok);
    ws.send(JSON.stringify({ id, method, params, sessionId }));
  });
const { targetId } = await send("Target.createTarget", { url: "about:blank" });
const { sessionId } = await send("Target.attachToTarget", { targetId, flatten: true });
const s = (m, p) => send(m, p, sessionId);
await s("HeapProfiler.enable");
await s("Page.navigate", { url });

async function snapshot() {
  await s("HeapProfiler.collectGarbage");
  chunks = [];
  await s("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  const snap = JSON.parse(chunks.join(""));
  const f = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [ti, ni, si] = ["type", "name", "self_size"].map((k) => f.indexOf(k));
  const groups = new Map();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += f.length) {
    const type = types[snap.nodes[i + ti]];
    const name = type === "object" || type === "native" ? snap.strings[snap.nodes[i + ni]] : `(${type})`;
    const g = groups.get(name) || { n: 0, size: 0 };
    g.n++;
    g.size += snap.nodes[i + si];
    total += snap.nodes[i + si];
    groups.set(name, g);
  }
  return { groups, total };
}

await sleep(opt("--first", 30) * 1000);
const a = await snapshot();
await sleep((opt("--second", 180) - opt("--first", 30)) * 1000);
const b = await snapshot();
console.log(`heap snapshot: ${a.total} → ${b.total} bytes (self sizes, after GC)`);
const rows = [...b.groups.entries()].map(([k, g]) => {
  const o = a.groups.get(k) || { n: 0, size: 0 };
  return [k, g.size - o.size, g.n - o.n, g.size, g.n];
});
rows.sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
for (const [k, d, dn, size, n] of rows.slice(0, 15))
  console.log(`${String(d).padStart(9)} B ${String(dn).padStart(6)} objects  (now ${size} B, ${n})  ${k.slice(0, 60)}`);
ws.close();
chrome.kill();
setTimeout(() => rmSync(dir, { recursive: true, force: true }), 500);
process.exit(0);
