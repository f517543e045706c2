//! The crate's modules form no cycle: neither its top-level modules (`feed`,
//! `dates`, `i18n`, …) nor the files of one folder (`feed/page.rs` and
//! `feed/parse.rs`; a folder's `mod.rs` is its front, which re-exports).
//!
//! Read from the source: every `crate::a::…` path (in `use` lines and in
//! code) is an edge to top-level module `a`; `super::b` and `crate::a::b`
//! are edges between the files of folder `a`. Test modules are left out
//! (a test may use whatever it checks against).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

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

/// The file's code without comments (a doc link is not a dependency) and
/// without its `#[cfg(test)] mod tests { … }`.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("readable");
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => &text,
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifiers that follow `prefix` in `text` (`crate::` → `feed`, …),
/// including each name of a `prefix{a, b::c}` list.
fn paths_after(text: &str, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices(prefix) {
        // Not the tail of a longer path (`foo::crate::`).
        if text[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let rest = &text[i + prefix.len()..];
        if let Some(list) = rest.strip_prefix('{') {
            let inner = &list[..list.find('}').unwrap_or(list.len())];
            for item in inner.split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
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

#[test]
fn the_modules_form_no_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let top_level: BTreeSet<String> = files
        .iter()
        .filter_map(|f| {
            let rel = f.strip_prefix(&src).ok()?;
            let first = rel.components().next()?.as_os_str().to_str()?;
            let name = first.trim_end_matches(".rs");
            (name != "lib" && name != "bin").then(|| name.to_string())
        })
        .collect();
    let mut modules = Graph::new();
    let mut folders: BTreeMap<String, Graph> = BTreeMap::new();
    for file in &files {
        let rel = file.strip_prefix(&src).expect("under src");
        let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
        if parts[0] == "lib.rs" || parts[0] == "bin" {
            continue;
        }
        let top = parts[0].trim_end_matches(".rs").to_string();
        // The file's name within its folder (none for a top-level file or a mod.rs).
        let sibling = (parts.len() == 2 && parts[1] != "mod.rs")
            .then(|| parts[1].trim_end_matches(".rs").to_string());
        let text = code(file);
        for target in paths_after(&text, "crate::") {
            if target != top && top_level.contains(&target) {
                modules.entry(top.clone()).or_default().insert(target);
            }
        }
        let Some(me) = sibling else { continue };
        let folder = src.join(&top);
        let is_sibling = |n: &str| {
            n != me && (folder.join(format!("{n}.rs")).exists() || folder.join(n).is_dir())
        };
        let mut targets = paths_after(&text, "super::");
        targets.extend(paths_after(&text, &format!("crate::{top}::")));
        let graph = folders.entry(top.clone()).or_default();
        graph.entry(me.clone()).or_default();
        for t in targets.into_iter().filter(|t| is_sibling(t)) {
            graph.entry(me.clone()).or_default().insert(t);
        }
    }
    assert!(
        modules.contains_key("components") && modules.contains_key("feed"),
        "the graph was read: {modules:?}"
    );
    if let Some(c) = cycle(&modules) {
        panic!("module cycle: {}", c.join(" → "));
    }
    for (folder, graph) in &folders {
        if let Some(c) = cycle(graph) {
            panic!("cycle in {folder}/: {}", c.join(" → "));
        }
    }
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
    assert_eq!(
        paths_after(
            "use crate::{feed::X, dates};\nlet a = crate::app::i18n::x(); b::crate::no",
            "crate::"
        ),
        ["feed", "dates", "i18n"]
    );
}
