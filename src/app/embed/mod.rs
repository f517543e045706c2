//! What the builder page (`builder.html`) writes for a webmaster to copy,
//! from the settings chosen on it: the snippet (the script tag with its
//! integrity value, and the element with its attributes), the
//! Content-Security-Policy line, and the `district-bulletin render` command
//! with its cron and SSI lines. Plain Rust over [`crate::app::config`]'s
//! attribute table, tested natively; the page only shows the strings.

pub mod text;

use crate::app::config::{Attribute, Kind, ATTRIBUTES, ELEMENT, MAX_FEEDS};

/// The loader's file name in the bundle (the one file a page includes).
pub const SCRIPT_FILE: &str = "district-bulletin.js";

/// The file beside the loader that holds its `integrity` value.
pub const SRI_FILE: &str = "district-bulletin.sri";

/// The element id the builder suggests (it names the widget's view in the
/// URL hash, and the fragment's file).
pub const DEFAULT_ID: &str = "news";

/// Where the cron line puts the fragment, and where SSI finds it.
const FRAGMENT_DIR: &str = "/fragments/";
const WEB_ROOT: &str = "/var/www";

/// What the webmaster chose: the feeds, the element's id, and a value per
/// attribute (in [`ATTRIBUTES`] order; a flag is on when its value is
/// `Some`; blank text is unset).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    /// The feed URLs as typed (blank ones are ignored).
    pub feeds: Vec<String>,
    /// The element's `id`.
    pub id: String,
    /// Attribute name → value, for the attributes set.
    pub values: Vec<(&'static str, String)>,
}

impl Choices {
    /// No attribute set, one empty feed field, [`DEFAULT_ID`].
    pub fn new() -> Choices {
        Choices {
            feeds: vec![String::new()],
            id: DEFAULT_ID.to_string(),
            values: Vec::new(),
        }
    }

    /// The value of attribute `name`, when set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Sets (`Some`) or unsets (`None`) attribute `a`; blank text unsets
    /// all but a flag. Kept in [`ATTRIBUTES`] order.
    pub fn set(&mut self, a: &Attribute, value: Option<String>) {
        self.values.retain(|(n, _)| *n != a.name);
        let value = match (a.kind, value) {
            (Kind::Flag, v) => v,
            (_, Some(v)) if !v.trim().is_empty() => Some(v.trim().to_string()),
            _ => None,
        };
        if let Some(v) = value {
            self.values.push((a.name, v));
            self.values.sort_by_key(|(n, _)| {
                ATTRIBUTES
                    .iter()
                    .position(|a| a.name == *n)
                    .unwrap_or(usize::MAX)
            });
        }
    }

    /// The feeds given, trimmed, at most [`MAX_FEEDS`] (what the widget reads).
    pub fn feed_list(&self) -> Vec<&str> {
        self.feeds
            .iter()
            .map(|f| f.trim())
            .filter(|f| !f.is_empty())
            .take(MAX_FEEDS)
            .collect()
    }

    /// The element's attributes, `feed` first: `(name, value)`, a flag's
    /// value empty. The `id` is not among them.
    pub fn attributes(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        let feeds = self.feed_list();
        if !feeds.is_empty() {
            out.push(("feed", feeds.join(" ")));
        }
        for (name, value) in &self.values {
            if *name != "feed" {
                out.push((*name, value.clone()));
            }
        }
        out
    }

    fn id(&self) -> Option<&str> {
        Some(self.id.trim()).filter(|i| !i.is_empty())
    }
}

/// `value` with `&`, `"`, `<` and `>` escaped, for a double-quoted attribute.
fn attr_escape(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The element with the chosen attributes: flags bare (`compact`), the rest
/// `name="value"`.
pub fn element(c: &Choices) -> String {
    let mut out = format!("<{ELEMENT}");
    if let Some(id) = c.id() {
        out.push_str(&format!(" id=\"{}\"", attr_escape(id)));
    }
    for (name, value) in c.attributes() {
        let flag = ATTRIBUTES
            .iter()
            .any(|a| a.name == name && a.kind == Kind::Flag);
        if flag && value.is_empty() {
            out.push_str(&format!(" {name}"));
        } else {
            out.push_str(&format!(" {name}=\"{}\"", attr_escape(&value)));
        }
    }
    out.push_str(&format!("></{ELEMENT}>"));
    out
}

/// The script tag: the loader at `script_url` (absolute, so the snippet
/// works on any page), checked against `integrity`.
pub fn script_tag(script_url: &str, integrity: &str) -> String {
    format!(
        "<script src=\"{}\" integrity=\"{}\" crossorigin=\"anonymous\" async></script>",
        attr_escape(script_url),
        attr_escape(integrity)
    )
}

/// The snippet to paste: the script tag, then the element.
pub fn snippet(script_url: &str, integrity: &str, c: &Choices) -> String {
    format!("{}\n{}", script_tag(script_url, integrity), element(c))
}

/// `https://a.example:8443/x/y` → `https://a.example:8443` (for a URL the
/// browser's parser wrote: lowercase, default port dropped).
pub fn origin_of(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .map(|r| ("https://", r))
        .or_else(|| url.strip_prefix("http://").map(|r| ("http://", r)))?;
    let host = rest
        .1
        .split(['/', '?', '#'])
        .next()
        .filter(|h| !h.is_empty())?;
    Some(format!("{}{host}", rest.0))
}

/// The Content-Security-Policy line a page with the snippet needs (as
/// README's "Content-Security-Policy" explains): the bundle's origin for
/// the script and the wasm, `'wasm-unsafe-eval'` to compile it, and every
/// feed's origin other than the page's (`feed_urls`: absolute).
pub fn csp(page_origin: &str, bundle_origin: &str, feed_urls: &[String]) -> String {
    let mut script = vec!["'self'".to_string()];
    let mut connect = vec!["'self'".to_string()];
    if bundle_origin != page_origin {
        script.push(bundle_origin.to_string());
        connect.push(bundle_origin.to_string());
    }
    script.push("'wasm-unsafe-eval'".into());
    for origin in feed_urls.iter().filter_map(|u| origin_of(u)) {
        if origin != page_origin && !connect.contains(&origin) {
            connect.push(origin);
        }
    }
    format!(
        "Content-Security-Policy: script-src {}; connect-src {}",
        script.join(" "),
        connect.join(" ")
    )
}

/// `s` as one shell word: as is when plain, else in single quotes.
pub fn sh_quote(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_@%+=:,./-".contains(c));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// The `render` command for the same settings, the cron line that runs it
/// every five minutes, and the SSI line that includes its fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderLines {
    pub command: String,
    pub cron: String,
    pub ssi: String,
}

/// What [`render_lines`] writes. `absolute_feeds`: the feeds resolved
/// against the page (the command fetches them itself); `page_url`: the
/// page they were resolved against, for `--page-url` when a feed was
/// relative.
pub fn render_lines(c: &Choices, absolute_feeds: &[String], page_url: &str) -> RenderLines {
    let file = format!("{}.html", c.id().unwrap_or(DEFAULT_ID));
    let mut args: Vec<String> = absolute_feeds.iter().map(|f| sh_quote(f)).collect();
    let typed = c.feed_list();
    if typed.iter().zip(absolute_feeds).any(|(t, a)| t != a) {
        args.push(format!("--feed-url {}", sh_quote(&typed.join(" "))));
        args.push(format!("--page-url {}", sh_quote(page_url)));
    }
    if let Some(id) = c.id() {
        args.push(format!("--id {}", sh_quote(id)));
    }
    for (name, value) in c.attributes().into_iter().filter(|(n, _)| *n != "feed") {
        let flag = ATTRIBUTES
            .iter()
            .any(|a| a.name == name && a.kind == Kind::Flag);
        if flag && value.is_empty() {
            args.push(format!("--{name}"));
        } else {
            args.push(format!("--{name} {}", sh_quote(&value)));
        }
    }
    let args = args.join(" ");
    RenderLines {
        command: format!("district-bulletin render {args} -o {file}"),
        cron: format!(
            "*/5 * * * * www-data /usr/local/bin/district-bulletin render {args} --fresh-for 600 -o {WEB_ROOT}{FRAGMENT_DIR}{file}"
        ),
        ssi: format!("<!--# include virtual=\"{FRAGMENT_DIR}{file}\" -->"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::config::attr;

    fn choices() -> Choices {
        let mut c = Choices::new();
        c.feeds = vec![
            " /news/feed.json ".into(),
            "".into(),
            "https://b.example/r.xml".into(),
        ];
        c.set(&attr::COMPACT, Some(String::new()));
        c.set(&attr::PAGE_SIZE, Some("10".into()));
        c.set(&attr::HEADING, Some("区情 \"动态\" & 通知".into()));
        c.set(&attr::CATEGORY, Some("  ".into()));
        c
    }

    #[test]
    fn the_element_carries_the_choices_in_attribute_order() {
        let c = choices();
        assert_eq!(
            element(&c),
            "<district-bulletin id=\"news\" feed=\"/news/feed.json https://b.example/r.xml\" page-size=\"10\" heading=\"区情 &quot;动态&quot; &amp; 通知\" compact></district-bulletin>"
        );
        let mut c = c;
        c.set(&attr::COMPACT, None);
        assert!(!element(&c).contains("compact"));
        assert_eq!(c.get("page-size"), Some("10"));
        assert_eq!(c.get("category"), None, "blank text is unset");
    }

    #[test]
    fn the_snippet_has_the_integrity_value() {
        let s = snippet(
            "https://p.example/db/district-bulletin.js",
            "sha384-abc",
            &Choices::new(),
        );
        assert_eq!(
            s,
            "<script src=\"https://p.example/db/district-bulletin.js\" integrity=\"sha384-abc\" crossorigin=\"anonymous\" async></script>\n<district-bulletin id=\"news\"></district-bulletin>"
        );
    }

    #[test]
    fn csp_names_only_other_origins() {
        let feeds = vec![
            "https://p.example/news/feed.json".to_string(),
            "https://b.example:8443/r.xml?x=1".to_string(),
        ];
        assert_eq!(
            csp("https://p.example", "https://p.example", &feeds),
            "Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' https://b.example:8443"
        );
        assert_eq!(
            csp("https://q.example", "https://cdn.example", &feeds[..1]),
            "Content-Security-Policy: script-src 'self' https://cdn.example 'wasm-unsafe-eval'; connect-src 'self' https://cdn.example https://p.example"
        );
        assert_eq!(origin_of("ftp://x/y"), None);
    }

    #[test]
    fn the_render_command_takes_the_same_settings() {
        let c = choices();
        let abs = vec![
            "https://p.example/news/feed.json".to_string(),
            "https://b.example/r.xml".to_string(),
        ];
        let r = render_lines(&c, &abs, "https://p.example/");
        assert_eq!(
            r.command,
            "district-bulletin render https://p.example/news/feed.json https://b.example/r.xml --feed-url '/news/feed.json https://b.example/r.xml' --page-url https://p.example/ --id news --page-size 10 --heading '区情 \"动态\" & 通知' --compact -o news.html"
        );
        assert!(r.cron.starts_with("*/5 * * * * www-data /usr/local/bin/district-bulletin render https://p.example/news/feed.json"));
        assert!(r
            .cron
            .ends_with("--fresh-for 600 -o /var/www/fragments/news.html"));
        assert_eq!(r.ssi, "<!--# include virtual=\"/fragments/news.html\" -->");
        assert_eq!(sh_quote("it's"), r"'it'\''s'");
    }
}
