//! What survives of a feed's HTML. Plain Rust, no DOM.
//!
//! Everything not listed is removed: unknown elements are unwrapped (their
//! text stays), dangerous ones are dropped with their content, and only the
//! attributes named here are copied — never `on*`, `style`, `id`, `name`,
//! `class`, `srcset` or `srcdoc`.

/// What to do with an element of the feed's HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagRule {
    /// Rebuild it as this (lower-case) tag.
    Keep(&'static str),
    /// Leave the element out but keep its children (its text).
    Unwrap,
    /// Leave it out with everything inside.
    Drop,
}

/// Deeper nesting is flattened (children kept, wrappers dropped), so
/// 10,000-deep markup neither overflows a stack nor bloats the page.
pub const MAX_DEPTH: usize = 48;

/// At most this many nodes are rebuilt from one item's HTML.
pub const MAX_NODES: usize = 20_000;

/// The rule for an element named `tag` (any case).
pub fn tag_rule(tag: &str) -> TagRule {
    let t = tag.to_ascii_lowercase();
    match t.as_str() {
        "p" => TagRule::Keep("p"),
        "br" => TagRule::Keep("br"),
        "hr" => TagRule::Keep("hr"),
        // The article's title is an h3: the body's headings sit below it.
        "h1" | "h2" | "h3" => TagRule::Keep("h4"),
        "h4" => TagRule::Keep("h5"),
        "h5" | "h6" => TagRule::Keep("h6"),
        "ul" => TagRule::Keep("ul"),
        "ol" => TagRule::Keep("ol"),
        "li" => TagRule::Keep("li"),
        "dl" => TagRule::Keep("dl"),
        "dt" => TagRule::Keep("dt"),
        "dd" => TagRule::Keep("dd"),
        "strong" | "b" => TagRule::Keep("strong"),
        "em" | "i" => TagRule::Keep("em"),
        "u" => TagRule::Keep("u"),
        "s" | "del" | "strike" => TagRule::Keep("s"),
        "ins" => TagRule::Keep("ins"),
        "sub" => TagRule::Keep("sub"),
        "sup" => TagRule::Keep("sup"),
        "small" => TagRule::Keep("small"),
        "mark" => TagRule::Keep("mark"),
        "abbr" => TagRule::Keep("abbr"),
        "q" => TagRule::Keep("q"),
        "cite" => TagRule::Keep("cite"),
        "time" => TagRule::Keep("time"),
        "a" => TagRule::Keep("a"),
        "img" => TagRule::Keep("img"),
        "figure" => TagRule::Keep("figure"),
        "figcaption" => TagRule::Keep("figcaption"),
        "blockquote" => TagRule::Keep("blockquote"),
        "pre" => TagRule::Keep("pre"),
        "code" => TagRule::Keep("code"),
        "table" => TagRule::Keep("table"),
        "caption" => TagRule::Keep("caption"),
        "thead" => TagRule::Keep("thead"),
        "tbody" => TagRule::Keep("tbody"),
        "tfoot" => TagRule::Keep("tfoot"),
        "tr" => TagRule::Keep("tr"),
        "th" => TagRule::Keep("th"),
        "td" => TagRule::Keep("td"),
        "div" | "section" | "article" | "aside" | "header" | "footer" | "main" | "center" => {
            TagRule::Keep("div")
        }
        // Active content, document-level elements, foreign content, forms:
        // gone with everything inside.
        "script" | "style" | "iframe" | "frame" | "frameset" | "object" | "embed" | "applet"
        | "form" | "input" | "button" | "select" | "option" | "optgroup" | "textarea" | "meta"
        | "base" | "link" | "svg" | "math" | "template" | "noscript" | "noembed" | "noframes"
        | "title" | "head" | "canvas" | "audio" | "video" | "source" | "track" | "picture"
        | "portal" | "dialog" | "slot" | "xmp" | "plaintext" | "marquee" => TagRule::Drop,
        // Anything else (span, font, custom elements…): keep the text only.
        _ => TagRule::Unwrap,
    }
}

/// Whether attribute `attr` is copied on output element `tag`. URLs
/// (`href`, `src`) are allowed here and checked by [`link_scheme_ok`] /
/// [`image_scheme_ok`] after real URL parsing.
pub fn attr_allowed(tag: &str, attr: &str) -> bool {
    matches!(
        (tag, attr.to_ascii_lowercase().as_str()),
        ("a", "href")
            | ("img", "src" | "alt" | "width" | "height")
            | ("td" | "th", "colspan" | "rowspan")
            | ("th", "scope")
            | ("ol", "start" | "reversed")
            | ("time", "datetime")
            | ("abbr", "title")
    )
}

/// Schemes a link may have (after the browser's URL parser read it).
pub fn link_scheme_ok(protocol: &str) -> bool {
    matches!(protocol, "http:" | "https:" | "mailto:" | "tel:")
}

/// Schemes an image may have.
pub fn image_scheme_ok(protocol: &str) -> bool {
    matches!(protocol, "http:" | "https:")
}

/// A numeric attribute value (width, height, colspan …) kept only when it is
/// a plain small number.
pub fn small_number(v: &str, max: u32) -> Option<u32> {
    v.trim().parse::<u32>().ok().filter(|n| *n <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structure_survives() {
        for (t, out) in [
            ("P", "p"),
            ("h1", "h4"),
            ("h4", "h5"),
            ("b", "strong"),
            ("I", "em"),
            ("figure", "figure"),
            ("td", "td"),
            ("section", "div"),
        ] {
            assert_eq!(tag_rule(t), TagRule::Keep(out), "{t}");
        }
    }

    #[test]
    fn dangerous_elements_go_with_their_content() {
        for t in [
            "script", "SCRIPT", "style", "iframe", "object", "embed", "form", "input", "meta",
            "base", "link", "svg", "math", "template", "noscript", "frameset",
        ] {
            assert_eq!(tag_rule(t), TagRule::Drop, "{t}");
        }
        assert_eq!(tag_rule("span"), TagRule::Unwrap);
        assert_eq!(tag_rule("font"), TagRule::Unwrap);
        assert_eq!(tag_rule("x-widget"), TagRule::Unwrap);
    }

    #[test]
    fn only_listed_attributes() {
        assert!(attr_allowed("a", "href"));
        assert!(attr_allowed("img", "ALT"));
        for (t, a) in [
            ("a", "onclick"),
            ("img", "onerror"),
            ("img", "srcset"),
            ("p", "style"),
            ("p", "id"),
            ("img", "name"),
            ("div", "class"),
            ("a", "target"),
            ("iframe", "srcdoc"),
            ("a", "src"),
        ] {
            assert!(!attr_allowed(t, a), "{t} {a}");
        }
    }

    #[test]
    fn schemes() {
        for ok in ["http:", "https:", "mailto:", "tel:"] {
            assert!(link_scheme_ok(ok));
        }
        for bad in ["javascript:", "data:", "vbscript:", "file:", "blob:", ""] {
            assert!(!link_scheme_ok(bad) && !image_scheme_ok(bad), "{bad}");
        }
        assert!(!image_scheme_ok("mailto:"));
        assert_eq!(small_number(" 240 ", 4000), Some(240));
        assert_eq!(small_number("100%", 4000), None);
        assert_eq!(small_number("99999", 4000), None);
    }
}
