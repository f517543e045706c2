//! A plain-text reading of HTML: for summaries, titles CMSs write as
//! markup, and the article's fallback body. The text is always rendered as
//! text, never as markup.

use super::{entities::decode_references_into, fold_whitespace};

/// Elements whose end starts a new paragraph in the text reading of HTML.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "tr",
    "table",
    "figure",
    "figcaption",
    "section",
    "article",
    "header",
    "footer",
    "hr",
    "dd",
    "dt",
];

/// Elements whose content is never text for a reader.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "template", "noscript", "iframe", "object", "svg", "math", "head", "title",
];

/// A plain-text reading of an HTML fragment: tags dropped, the content of
/// script/style-like elements dropped, character references decoded, one line per
/// block. Used for summaries and as a safe fallback body; the text is always
/// rendered as text, never as markup.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    let mut skipping: Option<String> = None;
    while !rest.is_empty() {
        match rest.find('<') {
            None => {
                if skipping.is_none() {
                    decode_references_into(rest, &mut out);
                }
                break;
            }
            Some(lt) => {
                if skipping.is_none() {
                    decode_references_into(&rest[..lt], &mut out);
                }
                rest = &rest[lt..];
                if rest.starts_with("<!--") {
                    rest = match rest.find("-->") {
                        Some(end) => &rest[end + 3..],
                        None => "",
                    };
                    continue;
                }
                let Some(gt) = rest.find('>') else {
                    // An unclosed `<` is text, as browsers read it.
                    if skipping.is_none() {
                        decode_references_into(rest, &mut out);
                    }
                    break;
                };
                let tag = &rest[1..gt];
                rest = &rest[gt + 1..];
                let closing = tag.starts_with('/');
                let name: String = tag
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if let Some(skip) = &skipping {
                    if closing && *skip == name {
                        skipping = None;
                    }
                    continue;
                }
                if !closing && SKIP_TAGS.contains(&name.as_str()) && !tag.ends_with('/') {
                    skipping = Some(name);
                    continue;
                }
                if BLOCK_TAGS.contains(&name.as_str()) {
                    out.push('\n');
                }
            }
        }
    }
    out.lines()
        .map(fold_whitespace)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_reads_as_text() {
        let html = "<p>Good &amp; <b>bold</b> &lt;tag&gt;</p><script>alert(1)</script><p>二&#8211;三&#x4e00;</p><!-- c -->";
        assert_eq!(html_to_text(html), "Good & bold <tag>\n二–三一");
        assert_eq!(html_to_text("a < b"), "a < b");
        assert_eq!(html_to_text("x<br/>y"), "x\ny");
        assert_eq!(
            html_to_text("<style>p{}</style>ok &bogus; &#0;"),
            "ok &bogus; \u{FFFD}"
        );
        assert_eq!(html_to_text("<img src=x onerror=alert(1)>"), "");
    }
}
