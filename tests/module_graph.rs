//! The crate's layers, read from its source.
//!
//! `src/` has four layer folders; each imports only the layers below it:
//!
//! ```text
//! native  (the command, server rendering, the fragment writer, the contract)
//!   ↓
//! ui      (components, hooks, requests, the browser's services)
//!   ↓
//! app     (config, state, the derived view, strings, URL state, a round's rules)
//!   ↓
//! model   (the feed model and readers, JSON, dates, text, URLs)
//! ```
//!
//! Checked here: no import goes up a layer; the modules of the crate
//! (`model::feed`, `app::state`, …) form no cycle; neither do the files of
//! one folder (`model/feed/page.rs` and `model/feed/parse.rs`; a folder's
//! `mod.rs` is its front, which re-exports).
//!
//! Read from the source: every `crate::…` path (in `use` trees, nested
//! lists included, and in code) and every `super::…` path is an edge.
//! Comments, string literals and `#[cfg(test)]` items (a test may use
//! whatever it checks against; nested test modules too) are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

/// The layers, lowest first: a file may import its own layer and those
/// before it.
const LAYERS: [&str; 4] = ["model", "app", "ui", "native"];

fn rank(layer: &str) -> Option<usize> {
    LAYERS.iter().position(|l| *l == layer)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `text` with comments, string and char literals blanked out (kept as
/// spaces, so braces inside them do not count and offsets stay).
fn blank_comments_and_strings(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let mut i = 0;
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = text[i..].find('\n').map_or(b.len(), |e| i + e);
                blank(&mut out, i, end);
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                // Block comments nest in Rust.
                let (mut depth, mut j) = (1, i + 2);
                while j < b.len() && depth > 0 {
                    if b[j..].starts_with(b"/*") {
                        depth += 1;
                        j += 2;
                    } else if b[j..].starts_with(b"*/") {
                        depth -= 1;
                        j += 2;
                    } else {
                        j += 1;
                    }
                }
                blank(&mut out, i, j);
                i = j;
            }
            b'r' if (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#'))
                && (i == 0
                    || b[i - 1] == b'b'
                    || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                // A raw string: r"…", r#"…"#, …
                let hashes = b[i + 1..].iter().take_while(|c| **c == b'#').count();
                if b.get(i + 1 + hashes) != Some(&b'"') {
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let body = i + 2 + hashes;
                let end = text[body..]
                    .find(&close)
                    .map_or(b.len(), |e| body + e + close.len());
                blank(&mut out, i, end);
                i = end;
            }
            b'"' => {
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                blank(&mut out, i, (j + 1).min(b.len()));
                i = j + 1;
            }
            b'\'' => {
                // A char literal ('a', '\n', '\u{..}', '{'), not a lifetime ('a).
                let rest = &b[i + 1..];
                let len = if rest.first() == Some(&b'\\') {
                    rest.iter().position(|c| *c == b'\'').map(|p| p + 1)
                } else {
                    let ch = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                    (rest.get(ch) == Some(&b'\'')).then_some(ch + 1)
                };
                match len {
                    Some(n) => {
                        blank(&mut out, i, i + 1 + n);
                        i += 1 + n;
                    }
                    None => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    String::from_utf8(out).expect("only ASCII was replaced")
}

/// The end of the item that starts at `from`: after its matching `}` when
/// its body is a block, else after its `;`.
fn item_end(code: &str, from: usize) -> usize {
    let b = code.as_bytes();
    let mut depth = 0usize;
    for (k, c) in b.iter().enumerate().skip(from) {
        match c {
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return k + 1;
                }
            }
            b';' if depth == 0 => return k + 1,
            _ => {}
        }
    }
    b.len()
}

/// The file's code without comments and strings, and without every item
/// under `#[cfg(test)]` (at any depth: a test module inside a module, a
/// test-only function or `use`).
fn code(text: &str) -> String {
    let mut code = blank_comments_and_strings(text);
    while let Some(at) = code.find("#[cfg(test)]") {
        let mut start = at + "#[cfg(test)]".len();
        // Further attributes of the same item.
        loop {
            let rest = &code[start..];
            let trimmed = rest.trim_start();
            if trimmed.starts_with("#[") {
                let open = start + (rest.len() - trimmed.len());
                start = open + trimmed.find(']').map_or(trimmed.len(), |e| e + 1);
            } else {
                break;
            }
        }
        let end = item_end(&code, start);
        code.replace_range(at..end, &" ".repeat(end - at));
    }
    code
}

/// Every path that a `prefix` (`crate::`, `super::`) starts in `code`,
/// expanded over `use` lists: `crate::{a::{b, c}, d}` gives `a::b`, `a::c`
/// and `d`, each as its segments.
fn paths_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices(prefix) {
        // Not the tail of a longer path (`foo::crate::`).
        if code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let mut rest = &code[i + prefix.len()..];
        expand(&mut rest, Vec::new(), &mut out);
    }
    out
}

/// Reads one use-tree from the front of `rest` (after `base::`), pushing
/// each path it names onto `out`.
fn expand(rest: &mut &str, base: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut path = base;
    loop {
        *rest = rest.trim_start();
        if let Some(inner) = rest.strip_prefix('{') {
            *rest = inner;
            loop {
                expand(rest, path.clone(), out);
                *rest = rest.trim_start();
                if let Some(r) = rest.strip_prefix(',') {
                    *rest = r;
                    if let Some(r) = rest.trim_start().strip_prefix('}') {
                        *rest = r;
                        return;
                    }
                } else {
                    *rest = rest.strip_prefix('}').unwrap_or(rest);
                    return;
                }
            }
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            // `*` or the end of the path.
            *rest = rest.strip_prefix('*').unwrap_or(rest);
            if !path.is_empty() {
                out.push(path);
            }
            return;
        }
        *rest = &rest[name.len()..];
        if name != "self" {
            path.push(name);
        }
        match rest.strip_prefix("::") {
            Some(r) => *rest = r,
            None => {
                out.push(path);
                return;
            }
        }
    }
}

/// A file's place: its module path under `src/` (`["app", "state",
/// "rounds"]` for `src/app/state/rounds.rs`; a `mod.rs` is its folder).
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel
        .iter()
        .filter_map(|p| p.to_str())
        .map(|p| p.trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// What is wrong with the layering of the crate whose source is `src`.
fn problems(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut found = Vec::new();
    // Unit: layer::module (`app::state`); edges between units must not cycle.
    let mut units = Graph::new();
    // The files of one folder, by name.
    let mut folders: BTreeMap<String, Graph> = BTreeMap::new();
    let mut layers_seen = BTreeSet::new();
    for file in &files {
        let me = module_path(src, file);
        let Some(layer) = me.first() else { continue };
        if layer == "bin" {
            continue;
        }
        let Some(my_rank) = rank(layer) else {
            found.push(format!(
                "src/{} is outside the layers {LAYERS:?}",
                me.join("/")
            ));
            continue;
        };
        layers_seen.insert(layer.clone());
        let text = std::fs::read_to_string(file).expect("readable");
        let code = code(&text);
        let mut targets: Vec<Vec<String>> = paths_after(&code, "crate::");
        // `super::x` from a file is its folder's `x`; from a mod.rs, the
        // parent folder's.
        let is_front = file.file_name().is_some_and(|n| n == "mod.rs");
        for p in paths_after(&code, "super::") {
            let mut base = me.clone();
            base.pop();
            if is_front {
                base.pop();
            }
            base.extend(p);
            targets.push(base);
        }
        let my_unit = me.iter().take(2).cloned().collect::<Vec<_>>().join("::");
        for t in targets {
            let Some(target_rank) = t.first().and_then(|l| rank(l)) else {
                continue;
            };
            if target_rank > my_rank {
                found.push(format!(
                    "upward import: src/{} ({layer}) uses crate::{} ({})",
                    me.join("/"),
                    t.join("::"),
                    LAYERS[target_rank]
                ));
            }
            let unit = t.iter().take(2).cloned().collect::<Vec<_>>().join("::");
            if me.len() >= 2 && t.len() >= 2 && unit != my_unit {
                units.entry(my_unit.clone()).or_default().insert(unit);
            }
            // Siblings: the same folder, another file of it.
            if me.len() >= 2 && t.len() > me.len() - 1 && t[..me.len() - 1] == me[..me.len() - 1] {
                let sibling = &t[me.len() - 1];
                let mine = &me[me.len() - 1];
                let folder = src.join(me[..me.len() - 1].join("/"));
                let exists =
                    folder.join(format!("{sibling}.rs")).exists() || folder.join(sibling).is_dir();
                if sibling != mine && exists && !is_front {
                    folders
                        .entry(me[..me.len() - 1].join("/"))
                        .or_default()
                        .entry(mine.clone())
                        .or_default()
                        .insert(sibling.clone());
                }
            }
        }
    }
    if layers_seen.len() < LAYERS.len() {
        found.push(format!("the layers were not read: {layers_seen:?}"));
    }
    if let Some(c) = cycle(&units) {
        found.push(format!("module cycle: {}", c.join(" → ")));
    }
    for (folder, graph) in &folders {
        if let Some(c) = cycle(graph) {
            found.push(format!("cycle in {folder}/: {}", c.join(" → ")));
        }
    }
    found
}

/// The first cycle in `graph`, if any (a path that returns to its start).
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut c = path[at..].to_vec();
            c.push(node.to_string());
            return Some(c);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, done, path) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut done, &mut Vec::new()))
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn imports_go_down_the_layers_and_form_no_cycle() {
    let found = problems(&src());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// A copy of `src/` in a fresh folder under the target dir, to break.
fn copy_of_src(name: &str) -> PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("create");
        for entry in std::fs::read_dir(from).expect("read").flatten() {
            let path = entry.path();
            let dest = to.join(entry.file_name());
            if path.is_dir() {
                copy(&path, &dest);
            } else {
                std::fs::copy(&path, &dest).expect("copy");
            }
        }
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    copy(&src(), &dir);
    dir
}

/// The file of module `path` (`model/dates`) under `dir`: `dates.rs` or
/// `dates/mod.rs`.
fn module_file(dir: &Path, path: &str) -> PathBuf {
    let file = dir.join(format!("{path}.rs"));
    if file.exists() {
        file
    } else {
        dir.join(path).join("mod.rs")
    }
}

fn append(file: &Path, text: &str) {
    let old = std::fs::read_to_string(file).expect("read");
    std::fs::write(file, old + text).expect("write");
}

#[test]
fn an_upward_import_fails_the_check() {
    let dir = copy_of_src("upward");
    assert!(problems(&dir).is_empty());
    // The model reaching for a component, inside a nested use list.
    append(
        &module_file(&dir, "model/dates"),
        "\n#[allow(unused_imports)]\nuse crate::{app::config, ui::{components::App, hooks}};\n",
    );
    let found = problems(&dir);
    assert!(
        found
            .iter()
            .any(|p| p.contains("src/model/dates (model) uses crate::ui::components::App (ui)")),
        "{found:?}"
    );
    assert!(found.iter().any(|p| p.contains("crate::app::config (app)")));
    assert!(found.iter().any(|p| p.contains("crate::ui::hooks (ui)")));
}

#[test]
fn a_cycle_between_modules_of_a_layer_fails_the_check() {
    let dir = copy_of_src("cycle");
    // model::dates → model::feed, while the feed reads dates.
    append(
        &module_file(&dir, "model/dates"),
        "\npub fn _cycle() -> usize { std::mem::size_of::<crate::model::feed::Bulletin>() }\n",
    );
    let found = problems(&dir);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("module cycle:") && p.contains("model::dates")),
        "{found:?}"
    );
}

#[test]
fn test_items_comments_and_strings_are_left_out() {
    let text = r##"
use crate::model::dates;
// use crate::ui::components::App;
/* use crate::native::cli; /* nested */ use crate::native::ssr; */
const S: &str = "crate::native::cli } {";
const R: &str = r#"crate::ui::hooks"#;
const C: char = '{';
mod inner {
    #[cfg(test)]
    #[allow(dead_code)]
    mod tests {
        use crate::native::contract;
        fn f() { if true { let _ = "}"; } }
        mod deeper { use crate::ui::html; }
    }
    pub fn g() -> u8 { 1 }
}
#[cfg(test)]
use crate::native::fragment;
pub fn after() { let _ = crate::app::state::State::default(); }
"##;
    let code = code(text);
    let paths: Vec<String> = paths_after(&code, "crate::")
        .into_iter()
        .map(|p| p.join("::"))
        .collect();
    assert_eq!(
        paths,
        ["model::dates", "app::state::State::default"],
        "{code}"
    );
    assert!(
        code.contains("pub fn g()"),
        "the item after a test module stays"
    );
}

#[test]
fn use_trees_expand() {
    let paths: Vec<String> = paths_after(
        "use crate::{model::{feed::{self, Bulletin}, dates}, app::*};\nlet a = crate::app::i18n::x(); b::crate::no",
        "crate::",
    )
    .into_iter()
    .map(|p| p.join("::"))
    .collect();
    assert_eq!(
        paths,
        [
            "model::feed",
            "model::feed::Bulletin",
            "model::dates",
            "app",
            "app::i18n::x"
        ]
    );
}

#[test]
fn the_checker_finds_a_cycle() {
    let mut g = Graph::new();
    g.entry("dates".into()).or_default().insert("i18n".into());
    g.entry("i18n".into()).or_default().insert("feed".into());
    assert_eq!(cycle(&g), None);
    g.entry("feed".into()).or_default().insert("dates".into());
    assert_eq!(
        cycle(&g).map(|c| c.join(" → ")).as_deref(),
        Some("dates → i18n → feed → dates")
    );
}
