//! Text for people to read, in plain Rust (no DOM): lines and paragraphs
//! with whitespace folded, character-safe truncation ([here](self)), file
//! sizes and kinds for attachments ([`files`]), and the plain-text reading of
//! HTML ([`html`]) with its character references ([`entities`]: HTML5's whole
//! table, the same one the feed reader repairs RSS with).

mod entities;
mod files;
mod html;

pub use files::{binary_fraction, file_kind, file_size};
pub use html::html_to_text;

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
}
