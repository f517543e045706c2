// Starts the builder page's wasm (wasm-bindgen's `web` glue, built by
// scripts/release.sh): the glue finds its wasm beside itself.
import init from "./district-bulletin-builder.js";

init().catch((e) => {
  const root = document.getElementById("builder");
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = "生成页加载失败 / the builder failed to load: " + e;
  if (root) root.append(p);
});
