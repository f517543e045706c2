//! The builder page's report agrees with `district-bulletin check --json`
//! on every fixture (the verdict, the item counts, the problems' line and
//! column), and the `render` command it writes runs. The page computes its
//! report in the browser with [`inspect`] and shows it with
//! [`Check::problems`] / [`Check::failure`]; here the same calls run
//! natively, against the command itself (its binary, its JSON).
#![cfg(not(target_arch = "wasm32"))]

use district_bulletin::app::check::{inspect, Check, Source};
use district_bulletin::app::config::{Kind, ATTRIBUTES};
use district_bulletin::app::embed::{render_lines, Choices};
use district_bulletin::app::load::column::Rule;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("fixtures").flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// What the builder page shows for a feed's bytes (as its `fetch` got them).
fn builder_report(name: &str, bytes: Vec<u8>) -> Check {
    let source = Source {
        name: name.to_string(),
        bytes,
        http: None,
    };
    // The command measures staleness at the current time: so does the page.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    inspect(
        name,
        Ok(source),
        |_| unreachable!("a file"),
        now,
        Rule::default(),
    )
}

fn place(v: &Value) -> (Option<u64>, Option<u64>) {
    (v["line"].as_u64(), v["column"].as_u64())
}

#[test]
fn the_builders_report_agrees_with_check_json_on_every_fixture() {
    let mut all = Vec::new();
    files(&root().join("tests/fixtures"), &mut all);
    all.sort();
    assert!(all.len() > 30, "{all:?}");
    let out = Command::new(env!("CARGO_BIN_EXE_district-bulletin"))
        .arg("check")
        .arg("--json")
        .args(&all)
        .output()
        .expect("district-bulletin check");
    let report: Value = serde_json::from_slice(&out.stdout).expect("check --json");
    let reports = report["feeds"].as_array().expect("one report per feed");
    assert_eq!(reports.len(), all.len());
    let mut with_problems = 0;
    for (path, json) in all.iter().zip(reports) {
        let name = path.to_string_lossy();
        assert_eq!(json["feed"], *name);
        let c = builder_report(&name, std::fs::read(path).expect("fixture"));
        assert_eq!(json["shows"], c.shows(), "{name}: verdict");
        let feed = c.feed.as_ref().and_then(|f| f.as_ref().ok());
        match feed {
            Some(f) => {
                let items = &json["items"];
                assert_eq!(items["shown"], f.items.len(), "{name}: items shown");
                assert_eq!(items["in_document"], c.report.items_in_document, "{name}");
                assert_eq!(items["skipped"], f.skipped, "{name}: skipped");
                assert_eq!(
                    json["newest"]["stale"].as_bool(),
                    c.newest.as_ref().map(|_| c.stale()),
                    "{name}"
                );
                // The same column rule: the kind read from the same feed.
                assert_eq!(json["column"]["stale_after_days"], c.rule.days(), "{name}");
            }
            None => assert!(json["items"].is_null(), "{name}: no feed, no items"),
        }
        // The problems the page lists, with their places: the command's
        // problem notes, or, when it has none, its error.
        let mut expected: Vec<(Option<u64>, Option<u64>)> = json["notes"]
            .as_array()
            .expect("notes")
            .iter()
            .filter(|n| n["severity"] == "problem")
            .map(place)
            .collect();
        if expected.is_empty() && !json["error"].is_null() {
            expected.push(place(&json["error"]));
        }
        let shown: Vec<(Option<u64>, Option<u64>)> = c
            .problems()
            .iter()
            .map(|p| (p.at.map(|a| a.line.into()), p.at.map(|a| a.column.into())))
            .collect();
        assert_eq!(shown, expected, "{name}: problems and their places");
        with_problems += usize::from(!shown.is_empty());
    }
    assert!(
        with_problems >= 5,
        "fixtures with problems: {with_problems}"
    );
}

#[test]
fn the_render_command_the_builder_writes_runs() {
    let feed = root().join("tests/fixtures/gov/feed.json");
    let mut c = Choices::new();
    c.feeds = vec!["/news/feed.json".into()];
    // Every attribute set: each becomes a flag the command must know.
    for a in ATTRIBUTES.iter().filter(|a| a.name != "feed") {
        let value = match a.kind {
            Kind::Flag => String::new(),
            Kind::Number => "30".into(),
            Kind::Choice(words) => words[0].into(),
            Kind::Text if a.name == "lang" => "en".into(),
            Kind::Text => "通知 'x' \"y\"".into(),
        };
        c.set(a, Some(value));
    }
    let lines = render_lines(
        &c,
        &[feed.to_string_lossy().into_owned()],
        "https://p.example/",
    );
    let dir = std::env::temp_dir().join(format!("db-builder-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("folder");
    let command = lines
        .command
        .strip_prefix("district-bulletin ")
        .expect("the command");
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("\"$0\" {command}"))
        .arg(env!("CARGO_BIN_EXE_district-bulletin"))
        .current_dir(&dir)
        .status()
        .expect("sh");
    assert!(status.success(), "{}", lines.command);
    let html = std::fs::read_to_string(dir.join("news.html")).expect("news.html");
    assert!(
        html.contains("feed=\"/news/feed.json\"") && html.contains("id=\"news\""),
        "{html}"
    );
    // The shell quoting kept the heading's quotes.
    assert!(
        html.contains("heading=\"通知 'x' &quot;y&quot;\""),
        "{html}"
    );
    // The cron line runs the same command, into the folder SSI includes from.
    let (_, args) = lines.cron.split_once(" render ").expect("cron");
    assert!(args.starts_with(
        command
            .trim_start_matches("render ")
            .split(" -o ")
            .next()
            .unwrap_or("")
    ));
    assert!(
        lines.ssi.contains("/fragments/news.html")
            && lines.cron.contains("/var/www/fragments/news.html")
    );
    let _ = std::fs::remove_dir_all(&dir);
}
