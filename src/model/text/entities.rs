//! HTML's character references in text (`&amp;`, `&eacute;`, `&#8211;`),
//! read as the characters they stand for. Names come from the one table the
//! feed reader uses too ([`host::entity`]: all of HTML5's, the browser's in
//! the widget, `htmlize`'s natively), so a summary reads `&eacute;` as é
//! exactly as the article (the browser's own parser) does.

use crate::model::host;

/// The longest name HTML5 has (`CounterClockwiseContourIntegral`) is 31
/// characters: a longer run is no reference.
const MAX_NAME: usize = 40;

/// Appends `s` to `out` with its character references decoded; an `&` that
/// starts none stays an `&`.
pub(super) fn decode_references_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match reference(rest) {
            Some((chars, len)) => {
                out.push_str(&chars);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// The reference `s` starts with (`&…;`): what it stands for and its length.
fn reference(s: &str) -> Option<(String, usize)> {
    let body = &s[1..];
    if body.starts_with('#') {
        let end = body
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i)?;
        return numeric(&body[1..end]).map(|c| (c.to_string(), end + 2));
    }
    let n = body
        .bytes()
        .take(MAX_NAME + 1)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if n == 0 || n > MAX_NAME || body.as_bytes().get(n) != Some(&b';') {
        return None;
    }
    host::entity(&body[..n]).map(|chars| (chars, n + 2))
}

/// `#8211` / `#x4e00` without the `#`: the character, U+FFFD for NUL and
/// surrogates (what a browser shows for them).
fn numeric(num: &str) -> Option<char> {
    let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
        u32::from_str_radix(hex, 16).ok()?
    } else {
        num.parse::<u32>().ok()?
    };
    Some(match char::from_u32(code) {
        Some('\0') | None => '\u{FFFD}',
        Some(c) => c,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(s: &str) -> String {
        let mut out = String::new();
        decode_references_into(s, &mut out);
        out
    }

    #[test]
    fn every_html5_name_and_number() {
        assert_eq!(decoded("caf&eacute; &amp; &raquo;&yen;"), "café & »¥");
        assert_eq!(
            decoded("&NotEqualTilde;&CounterClockwiseContourIntegral;"),
            "\u{2242}\u{338}∳"
        );
        assert_eq!(
            decoded("&#8211;&#x4e00;&#0;&#xD800;"),
            "–一\u{FFFD}\u{FFFD}"
        );
        // No such name, no `;`, a bare `&`: text as written.
        assert_eq!(
            decoded("&bogus; &eacute &amp a & b &;"),
            "&bogus; &eacute &amp a & b &;"
        );
    }
}
