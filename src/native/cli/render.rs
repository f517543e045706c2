//! `district-bulletin render FEED…`: the widget pre-rendered into an HTML
//! fragment for the page (see [`crate::app::fragment`]).

use crate::app::config::{Kind, ATTRIBUTES};
use crate::native::fragment::{self, Input, Stylesheet};
use clap::{Arg, ArgAction, ArgMatches, Command};
use std::process::ExitCode;

/// Seconds a fragment counts as fresh unless `--fresh-for` says otherwise.
pub const DEFAULT_FRESH_FOR: u32 = 900;

pub fn command() -> Command {
    let mut cmd = Command::new("render")
        .about("Pre-render the widget into an HTML fragment (for SSI, a CMS include, static publishing)")
        .long_about(
            "Pre-render the widget into an HTML fragment to put where the widget goes. The page \
             includes the loader script once, as without pre-rendering. Robots and readers \
             without script see the first page of news in the fragment; the widget takes it \
             over when its script runs.",
        )
        .arg(
            Arg::new("FEED")
                .required(true)
                .num_args(1..)
                .help("a feed file or an http(s) URL (JSON Feed, RSS, Atom); several are merged"),
        )
        .arg(Arg::new("output").short('o').long("output").value_name("FILE").help(
            "write the fragment to FILE (replaced whole, never half-written) instead of standard output",
        ))
        .arg(Arg::new("feed-url").long("feed-url").value_name("URL").help(
            "what the widget fetches at runtime (default: FEED, when it is a URL); several separated by spaces",
        ))
        .arg(Arg::new("assets").long("assets").value_name("URL").help(
            "where the bundle is published: link its district-bulletin.css (-light.css with --no-shadow) instead of inlining the styles",
        ))
        .arg(Arg::new("id").long("id").value_name("ID").help(
            "the element's id, which names the widget's view in the URL hash (#ID.c=…)",
        ))
        .arg(Arg::new("page-url").long("page-url").value_name("URL").help(
            "the page the fragment goes into, which a relative --feed-url resolves against",
        ))
        .arg(
            Arg::new("fresh-for")
                .long("fresh-for")
                .value_name("SECONDS")
                .value_parser(clap::value_parser!(u32))
                .help("how long the fragment counts as fresh: set it to how often you render (default 900)"),
        )
        .arg(super::now_arg());
    // Every attribute goes on the element as given: the loader's own
    // (`eager`, `no-shadow`) too, and `no-shadow` changes the fragment.
    for a in ATTRIBUTES.iter().filter(|a| a.name != "feed") {
        let arg = Arg::new(a.name).long(a.name).help(a.about);
        cmd = cmd.arg(match a.kind {
            Kind::Flag => arg
                .value_name("BOOL")
                .num_args(0..=1)
                .default_missing_value("")
                .action(ArgAction::Set),
            _ => arg.value_name("VALUE"),
        });
    }
    cmd
}

/// The widget's attributes as the fragment's element carries them.
fn attributes(m: &ArgMatches, feed_url: String) -> Vec<(String, String)> {
    let mut out = vec![("feed".to_string(), feed_url)];
    for a in ATTRIBUTES.iter().filter(|a| a.name != "feed") {
        if let Some(v) = m.get_one::<String>(a.name) {
            out.push((a.name.to_string(), v.clone()));
        }
    }
    out
}

/// A FEED's body: a file, or an http(s) URL that answered with success.
fn read(feed: &str) -> Result<Vec<u8>, String> {
    let source = super::source::read(feed, None).map_err(|e| e.to_string())?;
    match &source.http {
        Some(http) if !http.ok() => Err(format!("{feed}: HTTP {}", http.status)),
        _ => Ok(source.bytes),
    }
}

/// Writes `text` to `path` whole: into a temporary file beside it, then
/// renamed over it, so a web server never serves half a fragment.
fn write_whole(path: &str, text: &str) -> std::io::Result<()> {
    let tmp = format!("{path}.tmp-{}", std::process::id());
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

pub fn run(m: &ArgMatches) -> ExitCode {
    let feeds: Vec<String> = m
        .get_many::<String>("FEED")
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    let feed_url = m.get_one::<String>("feed-url").cloned().or_else(|| {
        feeds
            .iter()
            .all(|f| super::source::is_url(f))
            .then(|| feeds.join(" "))
    });
    let Some(feed_url) = feed_url else {
        eprintln!(
            "district-bulletin render: {}",
            fragment::RenderError::NoFeedUrl
        );
        return ExitCode::from(2);
    };
    let mut bodies = Vec::new();
    for feed in &feeds {
        match read(feed) {
            Ok(body) => bodies.push((feed.clone(), body)),
            Err(e) => {
                eprintln!("district-bulletin render: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let stylesheet = match m.get_one::<String>("assets") {
        Some(base) => Stylesheet::Link(base.clone()),
        None => Stylesheet::Inline,
    };
    let input = Input {
        bodies,
        id: m.get_one::<String>("id").cloned(),
        attributes: attributes(m, feed_url),
        now: super::now(m),
        fresh_for: m
            .get_one::<u32>("fresh-for")
            .copied()
            .unwrap_or(DEFAULT_FRESH_FOR),
        page: m.get_one::<String>("page-url").cloned(),
        stylesheet,
    };
    let out = match fragment::render(&input) {
        Ok(out) => out,
        Err(e) => {
            eprintln!("district-bulletin render: {e}");
            return ExitCode::FAILURE;
        }
    };
    let written = match m.get_one::<String>("output") {
        Some(path) => write_whole(path, &out.html).map_err(|e| format!("{path}: {e}")),
        None => {
            print!("{}", out.html);
            Ok(())
        }
    };
    if let Err(e) = written {
        eprintln!("district-bulletin render: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!(
        "district-bulletin render: {} of {} items pre-rendered, {} bytes.",
        out.rows,
        out.items,
        out.html.len()
    );
    if let Some(hash) = out.style_hash {
        eprintln!(
            "  If your Content-Security-Policy restricts style-src, add {hash} to it (or use --assets)."
        );
    }
    ExitCode::SUCCESS
}
