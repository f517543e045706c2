//! Bytes → text, once, and which reader the text is for.
//!
//! The format is told from the start of the bytes (markup or not), before
//! decoding, because RSS/Atom may be in any encoding its XML declaration
//! names (GBK is common). Then the one encoding decision ([`decode`]): UTF-8,
//! or the declared encoding, decoded by the host's table
//! ([`crate::model::host::decode`]). JSON has no declaration: UTF-8 or an
//! error naming what the bytes look like.

use super::report::{NoteKind, Report};
use super::{Encoding, FeedError};
use crate::model::host;
use std::borrow::Cow;

/// The largest body the widget parses (32 MiB): a 10,000-item archive is
/// about 20 MB; anything much larger would freeze a phone's tab.
pub const MAX_FEED_BYTES: usize = 32 * 1024 * 1024;

/// Which reader a body is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// JSON (a JSON Feed, or something the JSON reader names).
    Json,
    /// XML that looks like RSS or Atom.
    Xml,
}

/// A body as text, with the reader it is for.
pub(crate) struct Body<'a> {
    pub text: Cow<'a, str>,
    pub syntax: Syntax,
}

/// What the bytes are, told from their start before decoding: JSON, an
/// RSS/Atom document, or an error (too large, UTF-16, an HTML page).
pub(crate) fn sniff(bytes: &[u8]) -> Result<Syntax, FeedError> {
    if bytes.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FEED_BYTES,
        });
    }
    let bytes = without_bom(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(FeedError::Encoding(Encoding::Utf16));
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    markup(head.trim_start()).unwrap_or(Ok(Syntax::Json))
}

/// The body of `bytes` (which [`sniff`] found to be `syntax`) as text: the
/// one decoding step. JSON text that is no JSON at all (blank, a guard
/// prefix, JSONP) is an error here; markup found only past blank space
/// turns the body to [`Syntax::Xml`].
pub(crate) fn decode_as<'a>(
    bytes: &'a [u8],
    syntax: Syntax,
    report: &mut Report,
) -> Result<Body<'a>, FeedError> {
    let bytes = without_bom(bytes);
    let label = match syntax {
        Syntax::Xml => declared_encoding(bytes),
        Syntax::Json => None,
    };
    let text = decode(bytes, label, report)?;
    if syntax == Syntax::Xml {
        return Ok(Body { text, syntax });
    }
    // UTF-16 without a BOM decodes as "valid" UTF-8 full of NULs.
    if text.contains('\0') {
        return Err(FeedError::Encoding(Encoding::Utf16));
    }
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(FeedError::Empty);
    }
    if trimmed.starts_with(")]}'")
        || trimmed.starts_with("while(1);")
        || trimmed.starts_with("for(;;);")
    {
        return Err(FeedError::GuardPrefix);
    }
    if let Some(syntax) = markup(trimmed) {
        return syntax.map(|syntax| Body { text, syntax });
    }
    if looks_like_jsonp(trimmed) {
        return Err(FeedError::Jsonp);
    }
    Ok(Body { text, syntax })
}

/// A UTF-8 byte order mark is harmless: it goes.
fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Markup at the start of `s`: an RSS/Atom document, or an HTML page (an
/// error page, a portal's home page). `None` when `s` is no markup.
fn markup(s: &str) -> Option<Result<Syntax, FeedError>> {
    s.starts_with('<').then(|| {
        if looks_like_xml_feed(s) {
            Ok(Syntax::Xml)
        } else {
            Err(FeedError::Html)
        }
    })
}

/// The text of `bytes`: UTF-8, or the encoding `label` names (an XML
/// declaration's). Not UTF-8 and no usable label: an error naming what the
/// bytes look like.
fn decode<'a>(
    bytes: &'a [u8],
    label: Option<String>,
    report: &mut Report,
) -> Result<Cow<'a, str>, FeedError> {
    let utf8 = std::str::from_utf8(bytes);
    match (label, utf8) {
        (None, Ok(s)) => Ok(Cow::Borrowed(s)),
        (Some(l), Ok(s)) if is_utf8(&l) => Ok(Cow::Borrowed(s)),
        (None, Err(_)) => Err(FeedError::Encoding(guess_encoding(bytes))),
        (Some(l), Err(_)) if is_utf8(&l) => Err(FeedError::Encoding(guess_encoding(bytes))),
        // ASCII reads the same in every encoding a feed may declare.
        (Some(_), Ok(s)) if s.is_ascii() => Ok(Cow::Borrowed(s)),
        // Valid UTF-8 with multi-byte characters is, in practice, never
        // text of another encoding (GBK's byte pairs almost never form
        // UTF-8 sequences): the label is wrong.
        (Some(declared), Ok(s)) => {
            report.note(None, NoteKind::EncodingLabelWrong { declared });
            Ok(Cow::Borrowed(s))
        }
        (Some(declared), Err(_)) => {
            let text =
                host::decode(&declared, bytes).ok_or(FeedError::Encoding(Encoding::Unknown))?;
            if text.contains('\u{FFFD}') {
                report.note(
                    None,
                    NoteKind::Undecodable {
                        declared: declared.clone(),
                    },
                );
            }
            report.decoded_from = Some(declared);
            Ok(Cow::Owned(text))
        }
    }
}

fn is_utf8(label: &str) -> bool {
    matches!(label, "utf-8" | "utf8")
}

/// The encoding label of the XML declaration (`<?xml version="1.0"
/// encoding="gb2312"?>`), lowercased.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(256)];
    let start = head.windows(5).position(|w| w == b"<?xml")?;
    // Only blank space may come before the declaration.
    if !head[..start].iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let decl = &head[start..];
    let decl = &decl[..decl.windows(2).position(|w| w == b"?>")?];
    let at = decl.windows(8).position(|w| w == b"encoding")? + 8;
    let rest = decl[at..]
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let quote = *rest.first().filter(|q| matches!(q, b'"' | b'\''))?;
    let value = &rest[1..];
    let value = &value[..value.iter().position(|&b| b == quote)?];
    let label = std::str::from_utf8(value).ok()?.trim().to_ascii_lowercase();
    (!label.is_empty()).then_some(label)
}

/// Not UTF-8: GBK when most bytes above 0x7F pair up as GBK characters.
fn guess_encoding(bytes: &[u8]) -> Encoding {
    let (mut pairs, mut high) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b >= 0x80 {
            high += 1;
            if (0x81..=0xFE).contains(&b)
                && bytes
                    .get(i + 1)
                    .is_some_and(|&t| (0x40..=0xFE).contains(&t) && t != 0x7F)
            {
                pairs += 1;
                i += 2;
                continue;
            }
        }
        i += 1;
    }
    if high > 0 && pairs * 10 >= high * 9 {
        Encoding::Gbk
    } else {
        Encoding::Unknown
    }
}

/// An XML declaration, or an `<rss>`/`<feed>`/`<rdf:RDF>` root near the start.
fn looks_like_xml_feed(s: &str) -> bool {
    let head: String = s
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.contains("<html") || head.contains("<!doctype html") {
        return false;
    }
    head.starts_with("<?xml")
        || head.contains("<rss")
        || head.contains("<feed")
        || head.contains("<rdf:rdf")
}

/// `callback({...})`, `/**/ cb({...});`, `jQuery123_456([...])`.
fn looks_like_jsonp(s: &str) -> bool {
    let s = s.trim_start_matches("/**/").trim_start();
    let name_len = s
        .char_indices()
        .take_while(|&(i, c)| {
            c == '_'
                || c == '$'
                || c == '.'
                || c.is_ascii_alphabetic()
                || (i > 0 && c.is_ascii_digit())
        })
        .count();
    name_len > 0 && s[name_len..].trim_start().starts_with('(')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8], r: &mut Report) -> Result<String, FeedError> {
        decode_as(bytes, sniff(bytes)?, r).map(|b| b.text.into_owned())
    }

    #[test]
    fn encodings() {
        let mut r = Report::default();
        let gbk_label_utf8 = "<?xml version=\"1.0\" encoding=\"gb2312\"?><t>中文</t>";
        assert_eq!(
            decoded(gbk_label_utf8.as_bytes(), &mut r).as_deref(),
            Ok(gbk_label_utf8)
        );
        assert_eq!(
            r.notes[0].kind,
            NoteKind::EncodingLabelWrong {
                declared: "gb2312".into()
            }
        );
        let mut r = Report::default();
        let real_gbk = b"<?xml version='1.0' encoding='GBK'?><t>\xD6\xD0\xCE\xC4</t>";
        assert_eq!(
            decoded(real_gbk, &mut r).as_deref(),
            Ok("<?xml version='1.0' encoding='GBK'?><t>中文</t>")
        );
        assert!(r.notes.is_empty());
        assert_eq!(r.decoded_from.as_deref(), Some("gbk"));
        let mut r = Report::default();
        assert_eq!(
            decoded(b"<?xml version=\"1.0\"?><t>\xD6\xD0\xCE\xC4</t>", &mut r),
            Err(FeedError::Encoding(Encoding::Gbk))
        );
        assert_eq!(
            decoded(b"<?xml version=\"1.0\" encoding=\"klingon\"?>\xFF", &mut r),
            Err(FeedError::Encoding(Encoding::Unknown))
        );
        // An ASCII document under any label is what it says.
        assert_eq!(
            decoded(b"<?xml version=\"1.0\" encoding=\"gbk\"?><t/>", &mut r).as_deref(),
            Ok("<?xml version=\"1.0\" encoding=\"gbk\"?><t/>")
        );
        assert!(r.notes.is_empty());
    }

    #[test]
    fn markup_past_blank_space_is_still_markup() {
        let mut body = " ".repeat(2000).into_bytes();
        body.extend_from_slice(b"<rss version=\"2.0\"><channel/></rss>");
        assert_eq!(sniff(&body), Ok(Syntax::Json));
        let read = decode_as(&body, Syntax::Json, &mut Report::default());
        assert!(matches!(
            read,
            Ok(Body {
                syntax: Syntax::Xml,
                ..
            })
        ));
    }
}
