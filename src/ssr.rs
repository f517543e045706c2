//! Server-side rendering, natively: the widget's components rendered to
//! HTML by Yew's `ssr` feature (never in the wasm), and its stylesheet as
//! shipped. For the loader's contract and for pre-rendered fragments.

use yew::BaseComponent;

/// Renders `C` with `props` to HTML, as the server would (without
/// hydration markers).
pub fn render<C: BaseComponent>(props: C::Properties) -> String {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime needs no resources");
    tokio::task::LocalSet::new().block_on(
        &runtime,
        yew::LocalServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The widget's stylesheet (`styles/widget.css`) as shipped: without
/// comments and needless whitespace, string literals untouched. The loader
/// carries it (a constructable stylesheet), a pre-rendered fragment inlines
/// it, and the build publishes it as `district-bulletin.css`.
pub fn stylesheet() -> String {
    minify_css(include_str!("../styles/widget.css"))
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
    fn the_stylesheet_is_compact_and_keeps_its_strings() {
        assert_eq!(
            minify_css("/* c */ .a  >  .b ,\n .c :hover {\n  color: red ;\n  content: \"a  /* b */\";\n}\n@media (x) { .d { e: f } }"),
            ".a>.b,.c :hover{color: red;content: \"a  /* b */\"}@media (x){.d{e: f}}"
        );
        let css = stylesheet();
        assert!(css.len() < include_str!("../styles/widget.css").len());
        assert!(css.contains(".db-open{") && !css.contains("/*"));
    }
}
