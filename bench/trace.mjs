// Where the time of one bench page load goes: loads a page in a fresh
// browser context of a fresh headless Chromium under the slow phone's
// emulation (150 ms RTT, 1.6 Mbit/s, CPU 4× slower, a 412 × 823 screen), with Chromium's
// performance timeline traced, and prints the requests' waterfall and the
// page's main thread until the first title painted (bench/pages/measure.js).
//
//   node --experimental-websocket bench/trace.mjs URL [--fast] [--runs 3] [--trace out.json] [--typing]
//
// --typing: once the page answers input, types the bench's keystrokes
// (bench/pages/measure.js) with the timeline traced instead, and prints
// the keystroke figures and, per keystroke, the renderer's style, layout
// and paint work (the script's part is the time to the DOM change).
//
// URL: a page served by `cargo run --profile bench-runner --example bench --
// --serve` (it prints its origin), e.g. ORIGIN/bench-work/prerendered-100.html.
// No dependencies: the DevTools protocol over Node's WebSocket.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith("--") && /^https?:/.test(a));
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const fast = args.includes("--fast");
const runs = Number(opt("--runs", "1"));
const traceOut = opt("--trace", null);
const typing = args.includes("--typing");
if (!url) {
  console.error("usage: node --experimental-websocket bench/trace.mjs URL [--fast] [--runs N] [--trace out.json] [--typing]");
  process.exit(2);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function launch() {
  const dir = mkdtempSync(join(tmpdir(), "db-trace-"));
  const chrome = spawn(process.env.CHROMIUM || "/usr/bin/chromium", [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--disable-quic", "--window-size=1100,1400",
    "--remote-debugging-port=0", `--user-data-dir=${dir}`, "about:blank",
  ], { stdio: "ignore" });
  const portFile = join(dir, "DevToolsActivePort");
  for (let i = 0; i < 300 && !existsSync(portFile); i++) await sleep(100);
  const [port, path] = readFileSync(portFile, "utf8").split("\n");
  const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`);
  await new Promise((ok, fail) => { ws.onopen = ok; ws.onerror = fail; });
  let id = 0;
  const pending = new Map();
  const listeners = [];
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.id && pending.has(msg.id)) {
      const [ok, fail] = pending.get(msg.id);
      pending.delete(msg.id);
      msg.error ? fail(new Error(JSON.stringify(msg.error))) : ok(msg.result);
    } else listeners.forEach((l) => l(msg));
  };
  const send = (method, params = {}, sessionId) =>
    new Promise((ok, fail) => {
      pending.set(++id, [ok, fail]);
      ws.send(JSON.stringify({ id, method, params, sessionId }));
    });
  const close = () => {
    ws.close();
    chrome.kill();
    setTimeout(() => rmSync(dir, { recursive: true, force: true }), 500);
  };
  return { send, listeners, close };
}

async function once(run) {
  const b = await launch();
  const { browserContextId } = await b.send("Target.createBrowserContext");
  const { targetId } = await b.send("Target.createTarget", { url: "about:blank", browserContextId });
  const { sessionId } = await b.send("Target.attachToTarget", { targetId, flatten: true });
  const s = (m, p) => b.send(m, p, sessionId);
  await sleep(500);
  await s("Network.enable");
  await s("Page.enable");
  if (!fast) {
    await s("Network.emulateNetworkConditions", {
      offline: false, latency: 150, downloadThroughput: 200000, uploadThroughput: 93750,
    });
    await s("Emulation.setCPUThrottlingRate", { rate: 4 });
    await s("Emulation.setDeviceMetricsOverride", { width: 412, height: 823, deviceScaleFactor: 1.75, mobile: true });
  }
  const events = [];
  const requests = new Map();
  let done;
  const complete = new Promise((r) => (done = r));
  b.listeners.push((msg) => {
    if (msg.method === "Tracing.dataCollected") events.push(...msg.params.value);
    if (msg.method === "Tracing.tracingComplete") done();
    if (msg.sessionId !== sessionId) return;
    const p = msg.params;
    if (msg.method === "Network.requestWillBeSent") requests.set(p.requestId, { url: p.request.url, start: p.timestamp });
    if (msg.method === "Network.responseReceived" && requests.has(p.requestId)) requests.get(p.requestId).response = p.timestamp;
    if (msg.method === "Network.loadingFinished" && requests.has(p.requestId)) {
      const r = requests.get(p.requestId);
      r.end = p.timestamp;
      r.bytes = p.encodedDataLength;
    }
  });
  const trace = () => b.send("Tracing.start", {
    categories: "devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,loading,v8.execute,toplevel,blink",
  });
  if (!typing) await trace();
  await s("Page.navigate", { url });
  let bench = null;
  for (let i = 0; i < 400; i++) {
    const r = await s("Runtime.evaluate", { expression: "JSON.stringify(window.__bench || null)", returnByValue: true });
    bench = JSON.parse(r.result.value || "null");
    if (bench && bench.firstPaint !== null && (bench.ready !== null || i > 200)) break;
    await sleep(50);
  }
  const nav = await s("Runtime.evaluate", { expression: "performance.timeOrigin", returnByValue: true });
  let typed = null;
  if (typing) {
    await sleep(1500);
    await trace();
    const r = await s("Runtime.evaluate", {
      expression: "new Promise((done) => __bench.type(__bench.keystrokes, done))",
      awaitPromise: true,
      returnByValue: true,
    });
    if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails).slice(0, 400));
    typed = r.result.value;
  }
  await sleep(300);
  await b.send("Tracing.end");
  await complete;
  b.close();
  if (traceOut) writeFileSync(traceOut.replace(/(\.json)?$/, `-${run}.json`), JSON.stringify({ traceEvents: events }));
  if (typed) summarizeTyping(events, typed);
  else summarize(events, bench, requests, nav.result.value);
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

// The keystrokes' figures, and the frame work per keystroke on the page's
// renderer main thread (the thread with the most style recalculations).
function summarizeTyping(events, [dom, paint, unchanged]) {
  const count = new Map();
  for (const e of events) if (e.name === "UpdateLayoutTree") count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) || 0) + 1);
  const main = [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const sums = new Map();
  for (const e of events) {
    if (e.ph !== "X" || `${e.pid}:${e.tid}` !== main) continue;
    if (!["UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit"].includes(e.name)) continue;
    sums.set(e.name, (sums.get(e.name) || 0) + (e.dur || 0) / 1000);
  }
  const n = dom.length;
  console.log(`\n== ${n} keystrokes timed (${unchanged} changed nothing), with the timeline traced`);
  console.log(`  → DOM changed (script): median ${median(dom).toFixed(1)} ms`);
  console.log(`  → painted: median ${median(paint).toFixed(1)} ms`);
  console.log("== the renderer's frame work, ms per keystroke");
  for (const [k, v] of [...sums.entries()].sort((a, b) => b[1] - a[1])) console.log(`  ${(v / n).toFixed(1).padStart(6)}  ${k}`);
}

function summarize(events, bench, requests, timeOrigin) {
  // The page's renderer: the thread named CrRendererMain that ran ParseHTML.
  const parse = events.find((e) => e.name === "ParseHTML");
  if (!parse) return console.log("no ParseHTML in the trace", bench);
  const { pid, tid } = parse;
  const navStart = events.find((e) => e.name === "navigationStart" && e.pid === pid);
  const t0 = navStart ? navStart.ts : Math.min(...events.filter((e) => e.pid === pid && e.ts > 0).map((e) => e.ts));
  const until = t0 + (bench && bench.firstPaint ? bench.firstPaint : 5000) * 1000;
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === "X" && e.ts >= t0 && e.ts <= until);
  const byName = new Map();
  for (const e of main) {
    const k = e.name;
    const v = byName.get(k) || { n: 0, ms: 0 };
    v.n++;
    v.ms += (e.dur || 0) / 1000;
    byName.set(k, v);
  }
  console.log("\n== __bench:", JSON.stringify(bench));
  console.log("== requests (ms from navigation start: sent, response, end, bytes)");
  const wall = (t) => (t * 1e6 - t0) / 1000;
  for (const r of requests.values())
    console.log(`  ${wall(r.start).toFixed(0).padStart(6)} ${r.response ? wall(r.response).toFixed(0).padStart(6) : "     -"} ${r.end ? wall(r.end).toFixed(0).padStart(6) : "     -"} ${String(r.bytes || "").padStart(8)}  ${r.url.replace(/^https?:\/\/[^/]+/, "").slice(0, 70)}`);
  console.log("== main thread until first title painted (ms, inclusive; nested events overlap)");
  [...byName.entries()]
    .filter(([, v]) => v.ms >= 1)
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 18)
    .forEach(([k, v]) => console.log(`  ${v.ms.toFixed(1).padStart(8)}  ${String(v.n).padStart(4)}×  ${k}`));
  console.log("== main thread timeline (top-level tasks ≥ 4 ms, ms from navigation start)");
  const tasks = main.filter((e) => e.name === "RunTask" && e.dur >= 4000);
  for (const t of tasks) {
    const inner = main
      .filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur || 0) <= t.ts + t.dur && e.dur >= 2000 && e.name !== "RunTask")
      .map((e) => `${e.name} ${(e.dur / 1000).toFixed(0)}`)
      .slice(0, 6)
      .join(", ");
    console.log(`  ${((t.ts - t0) / 1000).toFixed(0).padStart(6)} +${(t.dur / 1000).toFixed(0).padStart(4)}  ${inner}`);
  }
}

for (let run = 0; run < runs; run++) await once(run);
process.exit(0);
