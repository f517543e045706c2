//! Text helpers: character-safe truncation, whitespace folding, paragraphs,
//! and a plain-text reading of HTML (for summaries). Plain Rust, no DOM.

/// How many characters a derived summary keeps.
pub const SUMMARY_CHARS: usize = 80;

/// Cuts `s` to at most `max` characters (never inside a UTF-8 sequence),
/// adding `…` when anything was cut.
pub fn truncate_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((byte, _)) => {
            let mut out = s[..byte].trim_end().to_string();
            out.push('…');
            out
        }
    }
}

/// A file size as people read it: `900 B`, `350 KB`, `1.2 MB`, `2.0 GB`.
pub fn file_size(bytes: u64) -> String {
    if bytes < 1 << 10 {
        format!("{bytes} B")
    } else if bytes < 1 << 20 {
        format!("{} KB", binary_fraction(bytes, 10, 0))
    } else if bytes < 1 << 30 {
        format!("{} MB", binary_fraction(bytes, 20, 1))
    } else {
        format!("{} GB", binary_fraction(bytes, 30, 1))
    }
}

/// `n / 2^shift` written with `decimals` (0 or 1) decimal places, rounded
/// half to even: exactly what `format!("{:.1}", n as f64 / 2^shift)` prints
/// (below 2^53), in integer arithmetic, because formatting an `f64` pulls
/// about 14 kB of float-printing code into the wasm.
pub fn binary_fraction(n: u64, shift: u32, decimals: u32) -> String {
    let scale = if decimals == 0 { 1 } else { 10 };
    let mask = (1u64 << shift) - 1;
    // n * scale / 2^shift without overflow: whole part and remainder apart.
    let part = (n & mask) * scale;
    let mut value = (n >> shift) * scale + (part >> shift);
    let rest = part & mask;
    let half = 1u64 << (shift - 1);
    if rest > half || (rest == half && value % 2 == 1) {
        value += 1;
    }
    if decimals == 0 {
        value.to_string()
    } else {
        format!("{}.{}", value / 10, value % 10)
    }
}

/// A short name for a file's kind, from its MIME type, else its URL's
/// extension: `PDF`, `Word`, `Excel`, `PPT`, `ZIP`, `JPG` ….
pub fn file_kind(mime: Option<&str>, url: &str) -> Option<String> {
    let m = mime.unwrap_or("").to_ascii_lowercase();
    let named = match m.as_str() {
        "application/pdf" => Some("PDF"),
        "application/msword"
        | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => Some("Word"),
        "application/vnd.ms-excel"
        | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => Some("Excel"),
        "application/vnd.ms-powerpoint"
        | "application/vnd.openxmlformats-officedocument.presentationml.presentation" => {
            Some("PPT")
        }
        "application/zip" | "application/x-zip-compressed" => Some("ZIP"),
        "application/vnd.rar" | "application/x-rar-compressed" => Some("RAR"),
        "application/ofd" => Some("OFD"),
        _ => None,
    };
    if let Some(n) = named {
        return Some(n.to_string());
    }
    let path = url.split(['?', '#']).next().unwrap_or("");
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e)
        .filter(|e| !e.contains('/') && (1..=5).contains(&e.len()));
    if let Some(e) = ext {
        return Some(e.to_ascii_uppercase());
    }
    m.split_once('/')
        .map(|(_, sub)| sub.to_ascii_uppercase())
        .filter(|s| !s.is_empty())
}

/// Folds every run of whitespace (including the ideographic space U+3000
/// that Chinese CMSs indent paragraphs with) into one ASCII space, and trims.
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for ch in s.chars() {
        if ch.is_whitespace() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(ch);
        }
    }
    out
}

/// Whether `c` is written without spaces around it (CJK ideographs, kana,
/// hangul syllables, full-width punctuation).
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Text on one line, for summaries: paragraphs joined with a space, except
/// between Chinese text (where a space would be a stray gap: 推进会。会议…).
pub fn one_line(s: &str) -> String {
    one_line_start(s, usize::MAX)
}

/// The start of [`one_line`]`(s)`: it stops once it holds more than
/// `max_chars` characters, which is all a summary needs of a 20 kB body.
pub fn one_line_start(s: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for line in s.lines() {
        let p = fold_whitespace(line);
        if p.is_empty() {
            continue;
        }
        let joins_tight = match (out.chars().last(), p.chars().next()) {
            (Some(a), Some(b)) => is_cjk(a) || is_cjk(b),
            _ => true,
        };
        if !out.is_empty() && !joins_tight {
            out.push(' ');
            chars += 1;
        }
        chars += p.chars().count();
        out.push_str(&p);
        if chars > max_chars {
            break;
        }
    }
    out
}

/// Splits text into paragraphs: one per non-blank line, whitespace folded.
/// Feeds separate paragraphs with `\n\n` or a single `\n`; both work.
pub fn paragraphs(s: &str) -> Vec<String> {
    s.lines()
        .map(fold_whitespace)
        .filter(|p| !p.is_empty())
        .collect()
}

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
/// script/style-like elements dropped, common entities decoded, one line per
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
                    decode_entities_into(rest, &mut out);
                }
                break;
            }
            Some(lt) => {
                if skipping.is_none() {
                    decode_entities_into(&rest[..lt], &mut out);
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
                        decode_entities_into(rest, &mut out);
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

/// Decodes the HTML entities that matter for reading text and appends to `out`.
fn decode_entities_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i + 1);
        let decoded = end.and_then(|e| decode_entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        // NUL and surrogates are not characters; the replacement character is
        // what a browser shows for them.
        return Some(match char::from_u32(code) {
            Some('\0') | None => '\u{FFFD}',
            Some(c) => c,
        });
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "middot" => '·',
        "copy" => '©',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_counts_characters_not_bytes() {
        let s = "高新区打响秋冬蓝天保卫战";
        assert_eq!(truncate_chars(s, 4), "高新区打…");
        assert_eq!(truncate_chars(s, 12), s);
        assert_eq!(truncate_chars(s, 100), s);
        assert_eq!(truncate_chars("ab cd", 3), "ab…");
        assert_eq!(truncate_chars("", 3), "");
        // Emoji and combining marks never split into invalid UTF-8.
        assert_eq!(truncate_chars("😀😀😀", 1), "😀…");
    }

    #[test]
    fn file_sizes_and_kinds() {
        assert_eq!(file_size(900), "900 B");
        assert_eq!(file_size(350 * 1024), "350 KB");
        assert_eq!(file_size(1_258_291), "1.2 MB");
        assert_eq!(file_size(3 << 30), "3.0 GB");
        assert_eq!(file_size(u64::MAX), "17179869184.0 GB");
        assert_eq!(file_kind(Some("application/pdf"), "x"), Some("PDF".into()));
        assert_eq!(
            file_kind(None, "https://x/附件.docx?v=1"),
            Some("DOCX".into())
        );
        assert_eq!(
            file_kind(
                Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                "a"
            ),
            Some("Excel".into())
        );
        assert_eq!(file_kind(None, "https://x/download"), None);
        assert_eq!(
            file_kind(Some("audio/mpeg"), "https://x/a"),
            Some("MPEG".into())
        );
    }

    #[test]
    fn the_start_of_one_line_is_its_prefix() {
        let body = "第一段 文字。\n\n  Second   paragraph here.\n第三段\n\n\nlast words";
        let full = one_line(body);
        for max in [0, 3, 8, 20, 200] {
            let start = one_line_start(body, max);
            assert!(full.starts_with(&start), "{max}: {start:?} of {full:?}");
            assert!(
                start.chars().count() > max || start == full,
                "{max}: {start:?}"
            );
        }
    }

    #[test]
    fn binary_fractions_print_like_floats() {
        // Every rounding case, ties included, against float formatting.
        let float = |n: u64, shift: u32, decimals: u32| {
            let x = n as f64 / (1u64 << shift) as f64;
            if decimals == 0 {
                format!("{x:.0}")
            } else {
                format!("{x:.1}")
            }
        };
        let mut n: u64 = 1;
        while n < 1 << 40 {
            for m in [n, n + 1, n * 3 / 2, n + n / 20, n * 5 / 4, n * 7 / 5] {
                for (shift, decimals) in [(10, 0), (10, 1), (20, 1), (30, 1), (3, 0), (1, 0)] {
                    assert_eq!(
                        binary_fraction(m, shift, decimals),
                        float(m, shift, decimals),
                        "{m} >> {shift}, {decimals}"
                    );
                }
            }
            n = n * 3 / 2 + 1;
        }
        for m in (0..5000).map(|k| k * 52_429) {
            assert_eq!(binary_fraction(m, 20, 1), float(m, 20, 1), "{m}");
        }
        for m in 0..5000 {
            assert_eq!(binary_fraction(m, 10, 0), float(m, 10, 0), "{m}");
            assert_eq!(binary_fraction(m, 4, 1), float(m, 4, 1), "{m}");
        }
    }

    #[test]
    fn whitespace_folds_ideographic_spaces() {
        assert_eq!(
            fold_whitespace("\u{3000}\u{3000}本报讯  11月27日\t上午 "),
            "本报讯 11月27日 上午"
        );
        assert_eq!(fold_whitespace(" \n "), "");
    }

    #[test]
    fn one_line_joins_chinese_without_gaps() {
        assert_eq!(one_line("推进会。\n\n会议通报了"), "推进会。会议通报了");
        assert_eq!(one_line("First.\n\nSecond"), "First. Second");
        assert_eq!(one_line("  a  b \n"), "a b");
    }

    #[test]
    fn paragraphs_from_single_or_double_newlines() {
        assert_eq!(paragraphs("一\n\n二\n三\n\n\n"), vec!["一", "二", "三"]);
        assert!(paragraphs("  \n ").is_empty());
    }

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
