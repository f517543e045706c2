//! A document broken past repair, read item by item: a break inside an item
//! costs that item, and no more.
//!
//! The items are found by a scan of their tags ([`markup`]), not by the
//! parser, which cannot say where an item ends once one is broken. Each is
//! then parsed on its own, inside the start tags the document has open
//! where the items begin (so its prefixes are declared): an item that
//! parses is kept as it is; one whose only fault is a missing `</item>` is
//! closed before the next; any other is cut out and named in the report,
//! with its title when that much of it can be read. Text between items, and
//! after the last, is kept when it parses too; what ends the document is
//! closed when it is missing (a transfer cut off).

use super::markup::{self, verbatim_end};
use super::parse_tree;
use super::repair::{Repaired, Writer};
use crate::model::feed::report::{Note, NoteKind, Pos, Report};

/// An item as the scan finds it.
struct Item {
    /// Where its start tag starts, and where its name ends.
    start: usize,
    name_end: usize,
    /// Where its own end tag ends, when it has one before the next item.
    end: Option<usize>,
}

/// What a scan of the tags finds: the items, and the start tags open where
/// the first item starts, as written.
struct Scan {
    items: Vec<Item>,
    open: String,
    close: String,
}

/// The items of `text` (the elements named as the first `item` or `entry`
/// start tag), in order, and the frame around them.
fn scan(text: &str) -> Scan {
    let b = text.as_bytes();
    let mut items: Vec<Item> = Vec::new();
    let mut name: Option<&[u8]> = None;
    // Before the first item: the start tags still open (start, name end,
    // end). The text there parsed, so each end tag closes the last.
    let mut frame: Vec<(usize, usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(lt) = b[i..].iter().position(|&c| c == b'<') {
        i += lt;
        if let Ok(Some(end)) = verbatim_end(text, i) {
            i = end;
            continue;
        }
        let Some(t) = markup::tag(b, i) else {
            i += 1;
            continue;
        };
        let local = markup::local(t.name(b, i));
        if name.map_or(markup::is_item(local), |n| n == local) {
            name = Some(local);
            match (t.close, items.last_mut()) {
                (true, Some(last)) => {
                    last.end.get_or_insert(t.end);
                }
                (true, None) => {}
                (false, _) => items.push(Item {
                    start: i,
                    name_end: t.name_end,
                    end: t.empty.then_some(t.end),
                }),
            }
        } else if items.is_empty() && t.close {
            frame.pop();
        } else if items.is_empty() && !t.empty {
            frame.push((i, t.name_end, t.end));
        }
        i = t.end;
    }
    let mut open = String::new();
    let mut close = String::new();
    for &(start, _, end) in &frame {
        open.push_str(&text[start..end]);
    }
    for &(start, name_end, _) in frame.iter().rev() {
        close.push_str(&joined(&["</", &text[start + 1..name_end], ">"]));
    }
    Scan { items, open, close }
}

/// The pieces one after the other. (One loop: `concat` is a generic join,
/// a kilobyte of wasm.)
fn joined(pieces: &[&str]) -> String {
    let mut out = String::new();
    for p in pieces {
        out.push_str(p);
    }
    out
}

/// Whether `pieces`, one after the other, parse: `Ok`, or where the part
/// `pieces[1]` (at `start` in the document) breaks, up to its end.
fn check(pieces: &[&str], start: usize) -> Result<(), usize> {
    let doc = joined(pieces);
    parse_tree(&doc).map(drop).map_err(|e| {
        let at = super::error_offset(&doc, &e).saturating_sub(pieces[0].len());
        start + at.min(pieces[1].len())
    })
}

/// The title of an item read on its own, when its `<title>` parses.
fn title_of(item: &str) -> Option<String> {
    let start = item.find("<title")?;
    let end = start + item[start..].find("</title>")? + "</title>".len();
    let doc = parse_tree(&item[start..end]).ok()?;
    super::tree::text(Some(doc.root_element()))
}

/// `text` (repaired, broken at `at`) with each item that is broken past
/// repair cut out, each item without its end tag closed, and what ends the
/// document closed; and the places of the lost items among the document's
/// items. `None` when the break is before the first item. What was done is
/// noted in `report`, placed by `pos` (an offset of `text` → its place).
pub(super) fn resync<'t>(
    text: &'t str,
    at: usize,
    pos: &mut dyn FnMut(usize) -> Pos,
    report: &mut Report,
) -> Option<(Repaired<'t>, Vec<usize>)> {
    let Scan { items, open, close } = scan(text);
    let first = items.first()?.start;
    // Each item is parsed inside `open`: bounded, against a document of
    // many items with huge start tags around them.
    if at < first || open.len() > 16 * 1024 {
        return None;
    }
    check(&[&open, "", &close], 0).ok()?;
    let mut w = Writer::new(text);
    let mut lost = Vec::new();
    for (k, item) in items.iter().enumerate() {
        let next = items
            .get(k + 1)
            .map_or(item.end.unwrap_or(text.len()), |n| n.start);
        let mut note = |report: &mut Report, kind: NoteKind, at: usize| {
            report.notes.push(Note {
                item: Some(k),
                at: Some(pos(at)),
                kind,
            })
        };
        let own = item.end.unwrap_or(next);
        let closer = match item.end {
            Some(_) => String::new(),
            None => joined(&["</", &text[item.start + 1..item.name_end], ">"]),
        };
        let part = &text[item.start..own];
        match check(&[&open, part, &closer, &close], item.start) {
            Ok(()) if closer.is_empty() => {}
            Ok(()) => {
                w.replace(own, own, &closer);
                let title = title_of(part);
                note(report, NoteKind::ItemClosed { title }, item.start);
            }
            Err(broken) => {
                w.replace(item.start, next, "");
                lost.push(k);
                let title = title_of(part);
                note(report, NoteKind::ItemLost { title }, broken);
                continue;
            }
        }
        let gap = &text[own..next];
        if gap.trim().is_empty() {
            continue;
        }
        if let Err(broken) = check(&[&open, gap, &close], own) {
            w.replace(own, next, "");
            report.note(Some(pos(broken)), NoteKind::BrokenXml);
        }
    }
    let end = items.last().map_or(first, |i| i.end.unwrap_or(text.len()));
    let tail = &text[end..];
    if let Err(broken) = check(&[&open, tail], end) {
        // A document cut off inside its last item: that item says so.
        if !(tail.trim().is_empty() && lost.last() == Some(&(items.len() - 1))) {
            report.note(Some(pos(broken)), NoteKind::BrokenXml);
        }
        w.replace(end, text.len(), &close);
    }
    Some((w.finish(), lost))
}

#[cfg(test)]
mod tests {
    use crate::model::feed::report::{Note, NoteKind, Pos, Report};
    use crate::model::feed::{Feed, FeedError};

    fn read(text: &str) -> (Result<Feed, FeedError>, Report) {
        let mut report = Report::default();
        let feed = super::super::read(text, &mut report);
        (feed, report)
    }

    fn titles(text: &str) -> (Vec<String>, Report) {
        let (feed, report) = read(text);
        let feed = feed.unwrap_or_else(|e| panic!("{e}: {report:?}"));
        let mut t: Vec<String> = feed.items.iter().map(|b| b.display_title()).collect();
        t.sort();
        (t, report)
    }

    fn rss(items: &[&str]) -> String {
        let mut s = String::from("<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>T</title>\n");
        for i in items {
            s.push_str(i);
            s.push('\n');
        }
        s + "</channel></rss>"
    }

    fn item(n: u32, title: &str) -> String {
        format!("<item><title>{title}</title><link>/{n}</link><dc:creator>d</dc:creator></item>")
    }

    fn find<'a>(r: &'a Report, code: &str) -> &'a Note {
        let n = r.notes.iter().find(|n| n.kind.code() == code);
        n.unwrap_or_else(|| panic!("no {code}: {:?}", r.notes))
    }

    #[test]
    fn a_tag_that_never_closes_in_a_title_is_text() {
        let (t, r) = titles(&rss(&[
            &item(1, "a & b"),
            &item(2, "《<草根网>的前途与未来》"),
            &item(3, "c <b>d</b>"),
        ]));
        assert_eq!(t, ["a & b", "c d", "《<草根网>的前途与未来》"]);
        assert_eq!(r.notes[0].kind.code(), "bare_ampersand");
        let n = find(&r, "tag_as_text");
        assert_eq!(n.item, Some(1));
        assert_eq!(
            n.at,
            Some(Pos {
                line: 4,
                column: 15
            })
        );
        assert_eq!(
            n.to_string(),
            "item 2, line 4, column 15: 「《<草根网>的前途与未来》」: `<草根网>` is not matched in its element: read as text; write `&lt;`"
        );
        assert_eq!(r.items_in_document, 3);
    }

    #[test]
    fn unclosed_html_in_a_description_is_html_text() {
        let doc = rss(&["<item><title>a</title><link>/a</link><description><p>x</p><img src=\"/i.png\"><br>y</description></item>"]);
        let (feed, r) = read(&doc);
        let feed = feed.unwrap_or_else(|e| panic!("{e}"));
        let html = feed.items[0].content_html.as_deref().unwrap_or("");
        assert!(html.contains("x<img src=\"/i.png\"><br>y"), "{html}");
        assert_eq!(
            find(&r, "tag_as_text").kind.to_string(),
            "「a」: `<img>` is not matched in its element: read as text; write `&lt;`"
        );
    }

    #[test]
    fn a_bare_less_than_is_text() {
        let (t, r) = titles(&rss(&[&item(1, "面积<90平方米"), &item(2, "b")]));
        assert_eq!(t, ["b", "面积<90平方米"]);
        assert_eq!(
            find(&r, "bare_less_than").kind,
            NoteKind::BareLessThan { count: 1 }
        );
    }

    #[test]
    fn an_item_broken_past_repair_costs_that_item_only() {
        let broken = "<item><title>b</title><link>/b</link><pubDate>x</pubdate></item>";
        let (t, r) = titles(&rss(&[
            &item(1, "a"),
            broken,
            &item(3, "c"),
            "<item><title>d</title><pubDate>2019-02-30</pubDate></item>",
        ]));
        assert_eq!(t, ["a", "c", "d"]);
        let n = find(&r, "item_lost");
        assert_eq!(
            (n.item, n.at),
            (
                Some(1),
                Some(Pos {
                    line: 4,
                    column: 48
                })
            )
        );
        assert_eq!(
            n.kind,
            NoteKind::ItemLost {
                title: Some("b".into())
            }
        );
        // The notes of the items after it name them by their place in the document.
        assert_eq!(find(&r, "unreadable_date").item, Some(3));
        assert_eq!(
            find(&r, "unreadable_date").at,
            Some(Pos { line: 6, column: 1 })
        );
        assert_eq!(r.items_in_document, 4);
    }

    #[test]
    fn an_item_without_its_end_tag_is_closed() {
        let (t, r) = titles(&rss(&[
            &item(1, "a"),
            "<item><title>b</title><link>/b</link>",
            &item(3, "c"),
        ]));
        assert_eq!(t, ["a", "b", "c"]);
        let n = find(&r, "item_closed");
        assert_eq!(n.item, Some(1));
        assert_eq!(n.at, Some(Pos { line: 4, column: 1 }));
        assert_eq!(
            n.kind,
            NoteKind::ItemClosed {
                title: Some("b".into())
            }
        );
    }

    #[test]
    fn garbage_between_items_is_skipped() {
        let (t, r) = titles(&rss(&[&item(1, "a"), "</p></div>", &item(2, "b")]));
        assert_eq!(t, ["a", "b"]);
        assert_eq!(find(&r, "broken_xml").at, Some(Pos { line: 4, column: 1 }));
    }

    #[test]
    fn atom_entries_too() {
        let doc = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>\n<entry><id>1</id><title>a</title></entry>\n<entry><id>2</id><title>b</title><summary>x</summmary></entry>\n<entry><id>3</id><title>c</title></entry></feed>";
        let (t, r) = titles(doc);
        assert_eq!(t, ["a", "c"]);
        assert_eq!(find(&r, "item_lost").item, Some(1));
    }

    #[test]
    fn a_document_cut_off_keeps_what_came_before() {
        let doc = rss(&[&item(1, "a"), &item(2, "b")]);
        let cut = &doc[..doc.find("<link>/2").unwrap_or(0)];
        let (t, r) = titles(cut);
        assert_eq!(t, ["a", "b"]);
        assert!(
            r.notes.iter().any(|n| n.kind
                == NoteKind::ItemClosed {
                    title: Some("b".into())
                }),
            "{:?}",
            r.notes
        );
        let cut = &doc[..doc.find("<title>b").unwrap_or(0) + 9];
        let (t, r) = titles(cut);
        assert_eq!(t, ["a"]);
        assert_eq!(
            find(&r, "item_lost").kind,
            NoteKind::ItemLost { title: None }
        );
        assert_eq!(
            r.notes
                .iter()
                .filter(|n| n.kind == NoteKind::BrokenXml)
                .count(),
            0
        );
    }

    #[test]
    fn broken_before_the_first_item_is_no_feed() {
        let (feed, r) =
            read("<rss><channel><title>a</titel><item><title>x</title></item></channel></rss>");
        assert_eq!(
            feed.err(),
            Some(FeedError::XmlSyntax {
                line: 1,
                column: 23
            })
        );
        assert_eq!(
            r.error_at,
            Some(Pos {
                line: 1,
                column: 23
            })
        );
    }
}
