//! The widget's stylesheet as shipped, natively: `styles/widget.css`
//! minified (comments and needless whitespace out, strings untouched), and
//! its light-DOM form scoped under a marked host. For the loader's contract
//! and for pre-rendered fragments.

/// The widget's stylesheet (`styles/widget.css`) as shipped: without
/// comments and needless whitespace, string literals untouched. The loader
/// carries it (a constructable stylesheet), a pre-rendered fragment inlines
/// it, and the build publishes it as `district-bulletin.css`.
pub fn stylesheet() -> String {
    minify_css(include_str!("../../styles/widget.css"))
}

/// The attribute the loader puts on a `no-shadow` host: the light-DOM
/// stylesheet's rules for the host hang on it.
pub const LIGHT_ATTR: &str = "data-db-light";

/// The stylesheet for a widget in the page's own DOM (`no-shadow`): the
/// same rules, scoped to a host marked [`LIGHT_ATTR`]. Those for the shadow
/// host (`:host`, `:host(…)`) are written for the marked element; every
/// other selector gets it as its ancestor, which also lifts the rule above
/// a page's plain element rules (`p { text-indent: 2em }`). First comes a
/// reset at just that weight, so what the widget does not set is the
/// browser's default (as in a shadow root), not the page theme's: only the
/// page's stronger rules (ids, `!important`) still reach in — the trade-off
/// README states.
pub fn light_stylesheet() -> String {
    let host = format!("[{LIGHT_ATTR}]");
    let css = replace_host(&stylesheet(), &host);
    format!(
        "{host} *,{host} *::before,{host} *::after{{all:revert}}{}",
        scope_rules(&css, &host)
    )
}

/// `:host` written as `host`, and `:host(X)` as `hostX` (the host when it
/// matches X).
fn replace_host(css: &str, host: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find(":host") {
        out.push_str(&rest[..i]);
        rest = &rest[i + ":host".len()..];
        out.push_str(host);
        if let Some(inner) = rest.strip_prefix('(') {
            let end = top_level(inner, |c| c == ')').unwrap_or(inner.len());
            out.push_str(&inner[..end]);
            rest = inner.get(end + 1..).unwrap_or("");
        }
    }
    out.push_str(rest);
    out
}

/// Every style rule of (minified) `css` scoped under `host`: each selector
/// of a list prefixed with it, unless it names the host already; rules in
/// `@media`, `@container`, `@supports` and `@layer` too; other at-rules
/// (`@keyframes`, `@font-face`) as they are.
fn scope_rules(css: &str, host: &str) -> String {
    let mut out = String::with_capacity(css.len() * 2);
    let mut rest = css.trim_start();
    while !rest.is_empty() {
        let Some(open) = top_level(rest, |c| c == '{' || c == ';') else {
            out.push_str(rest);
            break;
        };
        let prelude = &rest[..open];
        if rest[open..].starts_with(';') {
            // `@import …;` and the like.
            out.push_str(&rest[..=open]);
            rest = rest[open + 1..].trim_start();
            continue;
        }
        let body_start = open + 1;
        let close = matching_brace(&rest[body_start..]).map_or(rest.len(), |i| body_start + i);
        let body = &rest[body_start..close];
        if let Some(at) = prelude.strip_prefix('@') {
            let name: String = at
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            out.push_str(prelude);
            out.push('{');
            if matches!(name.as_str(), "media" | "container" | "supports" | "layer") {
                out.push_str(&scope_rules(body, host));
            } else {
                out.push_str(body);
            }
            out.push('}');
        } else {
            let mut first = true;
            for selector in split_top_level(prelude, ',') {
                if !first {
                    out.push(',');
                }
                first = false;
                let selector = selector.trim();
                if !selector.contains(host) {
                    out.push_str(host);
                    out.push(' ');
                }
                out.push_str(selector);
            }
            out.push('{');
            out.push_str(body);
            out.push('}');
        }
        rest = rest.get(close + 1..).unwrap_or("").trim_start();
    }
    out
}

/// The byte offset of the first `c` in `text` matching `is_end` outside
/// strings, brackets and parentheses.
fn top_level(text: &str, is_end: impl Fn(char) -> bool) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if let Some(q) = quote {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                _ if c == q => quote = None,
                _ => {}
            }
            continue;
        }
        if depth == 0 && is_end(c) {
            return Some(i);
        }
        match c {
            '"' | '\'' => quote = Some(c),
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The offset of the `}` that closes a block whose body starts `text`.
fn matching_brace(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut from = 0;
    loop {
        let i = from + top_level(&text[from..], |c| c == '{' || c == '}')?;
        if text[i..].starts_with('{') {
            depth += 1;
        } else if depth == 0 {
            return Some(i);
        } else {
            depth -= 1;
        }
        from = i + 1;
    }
}

/// `text` split at each top-level `sep`.
fn split_top_level(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(i) = top_level(rest, |c| c == sep) {
        parts.push(&rest[..i]);
        rest = &rest[i + sep.len_utf8()..];
    }
    parts.push(rest);
    parts
}

/// CSS without comments and needless whitespace; string literals untouched.
fn minify_css(text: &str) -> String {
    // Around these no space is needed. (Not `:`: `.a :hover` is not `.a:hover`.)
    let tight = |x: char| matches!(x, '{' | '}' | ';' | ',' | '>');
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut pending_space = false;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("/*") {
            rest = rest[2..].find("*/").map_or("", |end| &rest[2 + end + 2..]);
            continue;
        }
        if c == '"' || c == '\'' {
            // A string literal, escapes included, as it is.
            let mut end = c.len_utf8();
            let mut escaped = false;
            for (i, d) in rest[end..].char_indices() {
                if escaped {
                    escaped = false;
                } else if d == '\\' {
                    escaped = true;
                } else if d == c {
                    end += i + d.len_utf8();
                    break;
                }
            }
            if pending_space && !out.ends_with(tight) {
                out.push(' ');
            }
            pending_space = false;
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space && !tight(c) && !out.ends_with(tight) {
            out.push(' ');
        }
        pending_space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_light_stylesheet_has_no_host_rules_left() {
        let light = light_stylesheet();
        assert!(!light.contains(":host"), "{light}");
        assert!(light.contains("[data-db-light]{display: block !important"));
        assert!(light.contains("[data-db-light][hidden]{display: none !important}"));
        // Every other rule under the host, in conditional blocks too; the
        // keyframes' steps as they are.
        assert!(
            light.contains("[data-db-light] .db{all: initial"),
            "{light}"
        );
        assert!(light.contains("@container db (max-width: 599px){[data-db-light] ."));
        assert!(
            light.contains("@keyframes db-pulse{0%") || light.contains("@keyframes db-pulse{from")
        );
        assert!(!light.contains("[data-db-light] 0%") && !light.contains("[data-db-light] from"));
    }

    #[test]
    fn scoping_keeps_selector_lists_strings_and_nesting_apart() {
        let h = "[h]";
        assert_eq!(
            scope_rules(
                r#".a,.b>.c:is(.d,.e){content:"{,}"}@media x{.f{g:1}}@keyframes k{from{o:0}to{o:1}}"#,
                h
            ),
            r#"[h] .a,[h] .b>.c:is(.d,.e){content:"{,}"}@media x{[h] .f{g:1}}@keyframes k{from{o:0}to{o:1}}"#
        );
        assert_eq!(
            replace_host(":host{a:1}:host(.x:not(.y)) .z{b:2}", h),
            "[h]{a:1}[h].x:not(.y) .z{b:2}"
        );
        // Unbalanced input ends, without a panic.
        let _ = scope_rules(".a{b:1", h);
        let _ = scope_rules("@media x{.a{", h);
    }

    #[test]
    fn the_stylesheet_is_compact_and_keeps_its_strings() {
        assert_eq!(
            minify_css("/* c */ .a  >  .b ,\n .c :hover {\n  color: red ;\n  content: \"a  /* b */\";\n}\n@media (x) { .d { e: f } }"),
            ".a>.b,.c :hover{color: red;content: \"a  /* b */\"}@media (x){.d{e: f}}"
        );
        let css = stylesheet();
        assert!(css.len() < include_str!("../../styles/widget.css").len());
        assert!(css.contains(".db-open{") && !css.contains("/*"));
    }
}
