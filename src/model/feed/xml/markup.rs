//! Tags as a quick scan sees them, before any parser: for what the parser
//! cannot say, which tags inside a text element never close (the repair
//! takes them as text) and where the items of a broken document are (the
//! resync reads each one on its own).

use crate::model::feed::FeedError;

/// A tag at a `<`: its name ends at `name_end`, the tag at `end`.
pub(super) struct Tag {
    /// `</name>`.
    pub close: bool,
    /// `<name …/>`.
    pub empty: bool,
    pub name_end: usize,
    pub end: usize,
}

impl Tag {
    /// The name as written (`content:encoded`), from `b`.
    pub fn name<'b>(&self, b: &'b [u8], at: usize) -> &'b [u8] {
        &b[at + 1 + usize::from(self.close)..self.name_end]
    }
}

/// Whether byte `c` can start a name (any non-ASCII byte counts: CJK
/// characters are name characters, and so `<草根网>` is a tag to XML).
fn name_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || matches!(c, b'_' | b':') || c >= 0x80
}

/// Whether the `<` at `i` starts no markup at all (`<90`, `< 5`): text.
pub(super) fn bare_lt(b: &[u8], i: usize) -> bool {
    !b.get(i + 1)
        .is_some_and(|&c| name_start(c) || matches!(c, b'/' | b'!' | b'?'))
}

/// The start or end tag at the `<` at `i`; `None` for anything else or a
/// tag that never ends.
pub(super) fn tag(b: &[u8], i: usize) -> Option<Tag> {
    let close = b.get(i + 1) == Some(&b'/');
    let from = i + 1 + usize::from(close);
    if !name_start(*b.get(from)?) {
        return None;
    }
    let name_end = from
        + b[from..]
            .iter()
            .position(|&c| c.is_ascii_whitespace() || matches!(c, b'>' | b'/' | b'<'))?;
    let mut quote = 0;
    for (j, &c) in b.iter().enumerate().skip(name_end) {
        match c {
            // Not even in a quoted value (XML forbids it there): the scan
            // never runs past the next `<`, whatever the quotes.
            b'<' => return None,
            b'"' | b'\'' if quote == 0 => quote = c,
            _ if c == quote => quote = 0,
            b'>' if quote == 0 => {
                return Some(Tag {
                    close,
                    empty: b[j - 1] == b'/',
                    name_end,
                    end: j + 1,
                })
            }
            _ => {}
        }
    }
    None
}

/// The name after its prefix (`encoded` of `content:encoded`).
pub(super) fn local(name: &[u8]) -> &[u8] {
    name.rsplit(|&c| c == b':').next().unwrap_or(name)
}

/// An item (RSS) or entry (Atom). (Names in tables: a `matches!` over
/// byte strings is a chain of comparisons in the wasm.)
pub(super) fn is_item(local: &[u8]) -> bool {
    [b"item" as &[u8], b"entry"].contains(&local)
}

/// Elements whose content is text (or HTML written as text), where a tag
/// that never closes can only be text.
pub(super) fn is_text(local: &[u8]) -> bool {
    const TEXT: [&[u8]; 10] = [
        b"title",
        b"description",
        b"summary",
        b"content",
        b"encoded",
        b"subtitle",
        b"category",
        b"author",
        b"creator",
        b"source",
    ];
    TEXT.contains(&local)
}

/// Where a document's structure shows: a scan for the end of a text
/// element gives up there.
fn is_frame(local: &[u8]) -> bool {
    is_item(local) || [b"channel" as &[u8], b"feed", b"rss", b"RDF"].contains(&local)
}

/// The text element `name` whose start tag ends at `from`: the `<` of each
/// tag inside it but the end tags of closed elements, in order, each with
/// whether it is text (a start tag left open at the element's end, an end
/// tag that closes nothing); and where its end tag starts. `None` when it
/// does not end before an item, the document's frame or another text
/// element starts (then nothing inside it is sure to be text).
pub(super) fn unclosed_in(
    text: &str,
    from: usize,
    name: &[u8],
) -> Option<(Vec<(usize, bool)>, usize)> {
    let b = text.as_bytes();
    // The tags that may be text, in order, each with whether it is; and the
    // start tags still open: their index there, and their name.
    let mut tags: Vec<(usize, bool)> = Vec::new();
    let mut open: Vec<(usize, &[u8])> = Vec::new();
    let mut i = from;
    while let Some(lt) = b[i..].iter().position(|&c| c == b'<') {
        i += lt;
        if let Some(end) = verbatim_end(text, i).ok()? {
            i = end;
            continue;
        }
        let Some(t) = tag(b, i) else {
            i += 1;
            continue;
        };
        let n = t.name(b, i);
        let is_end = t.close && n == name && !open.iter().any(|(_, o)| *o == n);
        if is_end || t.close && open.iter().any(|(_, o)| *o == n) {
            // The end, or a tag closing one still open: those opened
            // after it (all, at the end) never close.
            while let Some((k, o)) = open.pop() {
                if o == n && !is_end {
                    break;
                }
                if let Some(tag) = tags.get_mut(k) {
                    tag.1 = true;
                }
            }
            if is_end {
                return Some((tags, i));
            }
        } else if is_frame(local(n)) || !t.close && is_text(local(n)) {
            return None;
        } else if t.close {
            tags.push((i, true));
        } else if !t.empty {
            open.push((tags.len(), n));
            tags.push((i, false));
        }
        i = t.end;
    }
    None
}

/// The end of the markup construct at `i` that is copied as it is (CDATA,
/// comment, processing instruction, document type), or `None` for a tag.
/// A document type declaring entities is refused.
pub(super) fn verbatim_end(text: &str, i: usize) -> Result<Option<usize>, FeedError> {
    let rest = &text[i..];
    let until = |open: usize, close: &str| {
        Some(
            rest[open..]
                .find(close)
                .map_or(text.len(), |e| i + open + e + close.len()),
        )
    };
    Ok(if rest.starts_with("<![CDATA[") {
        until(9, "]]>")
    } else if rest.starts_with("<!--") {
        until(4, "-->")
    } else if rest.starts_with("<?") {
        until(2, "?>")
    } else if rest.starts_with("<!DOCTYPE") || rest.starts_with("<!ENTITY") {
        // `<!DOCTYPE rss [ … ]>`: the internal subset may hold `>`.
        let end = match (rest.find('['), rest.find('>')) {
            (Some(open), Some(gt)) if open < gt => rest[open..]
                .find("]")
                .and_then(|close| rest[open + close..].find('>').map(|g| open + close + g + 1)),
            (_, Some(gt)) => Some(gt + 1),
            _ => None,
        }
        .unwrap_or(rest.len());
        if rest[..end].contains("<!ENTITY") {
            return Err(FeedError::XmlEntities);
        }
        Some(i + end)
    } else {
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unclosed(s: &str) -> Option<Vec<&str>> {
        let from = s.find('>').map_or(0, |i| i + 1);
        let (at, end) = unclosed_in(s, from, b"title")?;
        assert!(s[end..].starts_with("</title>"), "{s}");
        Some(
            at.iter()
                .filter(|t| t.1)
                .map(|&(i, _)| &s[i..i + 4])
                .collect(),
        )
    }

    #[test]
    fn tags_that_never_close_inside_a_text_element() {
        assert_eq!(
            unclosed("<title>《<草根网>的前途》</title>"),
            Some(vec!["<草"])
        );
        assert_eq!(unclosed("<title>a <b>b</b> c</title>"), Some(vec![]));
        assert_eq!(
            unclosed("<title>a</i> <b><u>b</b><br></title>"),
            Some(vec!["</i>", "<u>b", "<br>"])
        );
        // `</title>` inside CDATA is no end; `>` in a quoted value ends no tag.
        assert_eq!(
            unclosed("<title><![CDATA[</title>]]><a t='>'>x</title>"),
            Some(vec!["<a t"])
        );
        // The element never ends before the item does: nothing is sure.
        assert_eq!(unclosed("<title>a<b></item><item>"), None);
        assert_eq!(unclosed("<title>a<b><description>x</description>"), None);
        assert_eq!(unclosed("<title>a<b>"), None);
    }

    #[test]
    fn tags_and_bare_brackets() {
        let b = b"<a x='>'/><90 </b ><!-- -->";
        let t = tag(b, 0).map(|t| (t.close, t.empty, t.end));
        assert_eq!(t, Some((false, true, 10)));
        assert!(bare_lt(b, 10) && !bare_lt(b, 14) && !bare_lt(b, 19));
        let t = tag(b, 14).map(|t| (t.close, t.name_end, t.end));
        assert_eq!(t, Some((true, 17, 19)));
        assert!(tag(b"<a href=x", 0).is_none());
        assert_eq!(local(b"content:encoded"), b"encoded");
    }
}
