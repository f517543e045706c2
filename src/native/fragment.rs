//! Writing pre-rendered fragments: the webmaster's command
//! (`district-bulletin render`). What the fragment holds, and how the widget
//! reads it back, is [`crate::app::fragment`].

use crate::app::config::{Config, ELEMENT};
use crate::app::fragment::*;
use crate::app::i18n::{self, Lang};
use crate::app::load::Batch;
use crate::app::query::{compute, department_counts, ordered_counts, scope, Filter};
use crate::app::state::Head;
use crate::model::feed::Feed;
use crate::model::feed::{merge, parse_body, snapshot, FeedError};
use crate::model::url::resolve_http;
use crate::native::ssr::render as ssr;
use crate::ui::components::{App, AppProps, Start, StaticList, StaticListProps};
use std::fmt::Write as _;
use std::rc::Rc;

/// How the fragment brings the widget's styles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stylesheet {
    /// A `<style>` in the shadow root (the command prints its CSP hash).
    Inline,
    /// A `<link rel="stylesheet">` to the bundle's own file
    /// (`district-bulletin.css`, or `district-bulletin-light.css` for a
    /// `no-shadow` widget) where the bundle is published: this URL, with
    /// or without its trailing `/`.
    Link(String),
}

/// What a fragment is made from.
pub struct Input {
    /// Each feed as fetched: where it came from (for messages) and its body.
    pub bodies: Vec<(String, Vec<u8>)>,
    /// The element's `id`: names the widget's view in the URL hash.
    pub id: Option<String>,
    /// The widget's attributes, as they go on the element (`feed` is
    /// what the widget fetches at runtime).
    pub attributes: Vec<(String, String)>,
    /// The render's clock (Unix seconds).
    pub now: i64,
    /// Seconds the fragment counts as fresh.
    pub fresh_for: u32,
    /// The URL of the page the fragment goes into, when known: a
    /// relative `feed` resolves against it (the links of the items too).
    pub page: Option<String>,
    pub stylesheet: Stylesheet,
}

/// A written fragment.
#[derive(Debug)]
pub struct Fragment {
    pub html: String,
    /// The CSP source that allows the inline `<style>` (`'sha256-…'`),
    /// for pages whose policy restricts `style-src`.
    pub style_hash: Option<String>,
    /// Items in the feed, and rows written.
    pub items: usize,
    pub rows: usize,
}

/// Why no fragment was written.
#[derive(Debug, PartialEq)]
pub enum RenderError {
    /// No `feed` attribute: the widget would have nothing to fetch.
    NoFeedUrl,
    /// A feed did not read; `message` is what a reader would be told.
    Feed {
        source: String,
        error: FeedError,
        message: String,
    },
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::NoFeedUrl => write!(
                f,
                "no feed URL for the widget to fetch (give --feed-url, or a FEED that is a URL)"
            ),
            RenderError::Feed {
                source,
                error,
                message,
            } => write!(f, "{source}: {message} ({error})"),
        }
    }
}

impl std::error::Error for RenderError {}

/// `value` escaped for an HTML attribute in double quotes.
fn attr(value: &str) -> String {
    html_escape::encode_double_quoted_attribute(value).into_owned()
}

/// Renders the fragment for `input`.
pub fn render(input: &Input) -> Result<Fragment, RenderError> {
    let get = |name: &str| {
        input
            .attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    let config = Config::from_attributes(get);
    if config.feeds.is_empty() {
        return Err(RenderError::NoFeedUrl);
    }
    let feed = read_feeds(input, &config)?;
    let lang = Lang::choose(config.lang, feed.language.as_deref(), None);
    let base = match &input.page {
        Some(page) => crate::model::url::resolve(&config.feeds[0], page).map(|(_, h)| h),
        None => crate::model::url::absolute_feed_url(&config.feeds[0]),
    }
    .unwrap_or_default();
    let rows = first_page(&config, &feed, input.now);
    let items = feed.items.len();
    let snapshot_json = snapshot::to_json(&feed);
    let statics = StaticListProps {
        title: i18n::heading(lang, config.heading.as_deref(), Some(&feed.title), true).into(),
        items: rows.clone(),
        zone: feed.zone_offset_min,
        now: input.now,
        base: base.clone().into(),
        more: feed
            .home_page_url
            .as_deref()
            .and_then(|u| resolve_http(u, &base))
            .map(Into::into),
        lang,
    };
    let widget = ssr::<App>(app_props(config, feed, input));
    let light =
        crate::app::config::flag_on(get(crate::app::config::attr::NO_SHADOW.name).as_deref());
    let (html, style_hash) = write_fragment(input, light, &widget, statics, &snapshot_json);
    Ok(Fragment {
        html,
        style_hash,
        items,
        rows: rows.len(),
    })
}

/// Every body of `input` read, and merged into one feed.
fn read_feeds(input: &Input, config: &Config) -> Result<Feed, RenderError> {
    let mut feeds = Vec::new();
    for (source, body) in &input.bodies {
        let feed = parse_body(body).map_err(|error| {
            let lang = config.lang.unwrap_or_default();
            RenderError::Feed {
                source: source.clone(),
                message: i18n::load_error(lang, &error.clone().into()),
                error,
            }
        })?;
        feeds.push(feed);
    }
    merge(feeds).ok_or(RenderError::NoFeedUrl)
}

/// The widget as it starts on `feed`, fetched at the render's clock.
fn app_props(config: Config, feed: Feed, input: &Input) -> AppProps {
    let next = feed.next_url.clone().into_iter().collect();
    AppProps {
        config: Rc::new(config),
        page_lang: None,
        state_key: None,
        start: Start {
            now: input.now,
            head: Some(Rc::new(Head::Answer(Ok(Batch {
                feed: Some(feed),
                at: input.now,
                failed: Vec::new(),
                fetched: Vec::new(),
                next,
                digest: 0,
            })))),
            page: input.page.clone(),
            ..Start::default()
        },
    }
}

/// The fragment's HTML around the rendered `widget`, and the CSP hash of
/// its inline stylesheet (none when it links the bundle's).
fn write_fragment(
    input: &Input,
    light: bool,
    widget: &str,
    statics: StaticListProps,
    snapshot_json: &str,
) -> (String, Option<String>) {
    let mut html = String::new();
    let _ = write!(html, "<{ELEMENT}");
    if let Some(id) = &input.id {
        let _ = write!(html, " id=\"{}\"", attr(id));
    }
    for (name, value) in &input.attributes {
        let _ = write!(html, " {name}=\"{}\"", attr(value));
    }
    let (css, file) = if light {
        let _ = write!(html, " {}", crate::native::ssr::LIGHT_ATTR);
        (
            crate::native::ssr::light_stylesheet(),
            "district-bulletin-light.css",
        )
    } else {
        (crate::native::ssr::stylesheet(), "district-bulletin.css")
    };
    html.push('>');
    if !light {
        html.push_str("\n<template shadowrootmode=\"open\">");
    }
    let style_hash = match &input.stylesheet {
        Stylesheet::Inline => {
            let _ = write!(html, "<style>{css}</style>");
            Some(csp_hash(&css))
        }
        Stylesheet::Link(base) => {
            let href = format!("{}/{file}", base.trim_end_matches('/'));
            let _ = write!(html, "<link rel=\"stylesheet\" href=\"{}\">", attr(&href));
            None
        }
    };
    // The container names the version too: a loader reading a `fragment`
    // file paints the markup before the snapshot at the end has arrived.
    let _ = write!(
        html,
        "<div class=\"{CONTAINER_CLASS}\" {VERSION_ATTR}=\"{VERSION}\">{widget}</div>"
    );
    if light {
        // The widget's own markup is in the page: no second list.
        html.push('\n');
    } else {
        let statics = ssr::<StaticList>(statics);
        let _ = write!(html, "</template>\n{statics}\n");
    }
    if snapshot_json.len() <= MAX_SNAPSHOT_BYTES {
        // `<` only ever occurs inside JSON strings: escaped, nothing in
        // the data can end the script element.
        let _ = writeln!(
            html,
            "<script type=\"application/json\" class=\"{SNAPSHOT_CLASS}\" {RENDERED_AT}=\"{}\" {FRESH_FOR}=\"{}\" {VERSION_ATTR}=\"{VERSION}\">{}</script>",
            input.now,
            input.fresh_for,
            snapshot_json.replace('<', "\\u003c")
        );
    }
    let _ = writeln!(html, "</{ELEMENT}>");
    (html, style_hash)
}

/// The rows of the widget's first page: its scope, its starting category,
/// its order (pinned items first, at the render's clock `now`),
/// `page-size` of them.
fn first_page(config: &Config, feed: &Feed, now: i64) -> Rc<[Rc<crate::model::feed::Bulletin>]> {
    let zone = feed.zone_offset_min;
    let items = scope(
        &feed.items,
        config.categories.as_deref(),
        config.max_items,
        now,
        zone,
    );
    let tabs = ordered_counts(&items, config.categories.as_deref());
    let departments = department_counts(&items);
    let all: Vec<usize> = (0..items.len()).collect();
    let filter = Filter {
        category: config.category.as_deref().map(Rc::from),
        ..Filter::default()
    };
    let view = compute(&items, &all, &filter, &tabs, &departments, now, zone);
    view.visible
        .iter()
        .take(config.page_size)
        .filter_map(|&i| items.get(i).cloned())
        .collect()
}

/// The CSP source of an inline style: `'sha256-<base64 of its SHA-256>'`.
pub fn csp_hash(text: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}
