//! Bytes of an RSS/Atom document → text the XML parser accepts, repairing
//! only what has one sure reading and noting each repair in the
//! [`Report`]:
//!
//! - the encoding: the one the XML declaration names, unless the bytes are
//!   valid UTF-8 with multi-byte characters while the label names another
//!   (a template's `gb2312` left on a UTF-8 CMS): read as UTF-8;
//! - a bare `&` (`art.jsp?id=1&cat=2`) → `&amp;`;
//! - an HTML named entity XML does not know (`&raquo;`) → its character
//!   reference (`&#187;`), every one of HTML5's; `&name;` that HTML does not
//!   know either stays text (`&amp;name;`): nothing is guessed;
//! - characters XML 1.0 forbids (control characters, also written `&#8;`) →
//!   removed;
//! - text before the XML declaration → removed.
//!
//! CDATA sections, comments and processing instructions are copied as they
//! are (only forbidden characters go: they are forbidden there too). A
//! document type that declares entities is refused: entity expansion is the
//! "billion laughs" attack, and no feed needs it.

use super::host;
use super::report::{NoteKind, Pos, Report};
use super::{Encoding, FeedError};
use std::borrow::Cow;

/// The repaired text, and where its bytes were in the text before repair.
pub(crate) struct Repaired<'a> {
    /// The text to parse.
    pub text: Cow<'a, str>,
    /// After each edit: (offset in `text`, offset in the original), in order.
    marks: Vec<(usize, usize)>,
}

impl Repaired<'_> {
    /// The offset in the original text of offset `at` of the repaired text
    /// (between edits, text is copied as it is).
    pub fn original_offset(&self, at: usize) -> usize {
        match self.marks.partition_point(|&(repaired, _)| repaired <= at) {
            0 => at,
            i => {
                let (repaired, original) = self.marks[i - 1];
                original + (at - repaired)
            }
        }
    }
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

/// The document's text: UTF-8, or the encoding its declaration names
/// (decoded by [`host::decode`]). Not UTF-8 and no usable label: an error
/// naming what the bytes look like.
pub(crate) fn decode<'a>(bytes: &'a [u8], report: &mut Report) -> Result<Cow<'a, str>, FeedError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let utf8 = std::str::from_utf8(bytes);
    let label = declared_encoding(bytes);
    match (label, utf8) {
        (None, Ok(s)) => Ok(Cow::Borrowed(s)),
        (Some(l), Ok(s)) if matches!(l.as_str(), "utf-8" | "utf8") => Ok(Cow::Borrowed(s)),
        (None, Err(_)) => Err(FeedError::Encoding(super::parse::guess_encoding(bytes))),
        (Some(l), Err(_)) if matches!(l.as_str(), "utf-8" | "utf8") => {
            Err(FeedError::Encoding(super::parse::guess_encoding(bytes)))
        }
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

/// Whether XML 1.0 allows code point `c` in a document.
fn is_xml_char(c: u32) -> bool {
    matches!(c, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// A byte that starts a character XML forbids: C0 controls other than
/// tab/LF/CR, and U+FFFE/U+FFFF (EF BF BE/BF).
fn forbidden_at(b: &[u8], i: usize) -> usize {
    match b[i] {
        c if c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r') => 1,
        0xEF if b.get(i + 1) == Some(&0xBF) && matches!(b.get(i + 2), Some(0xBE | 0xBF)) => 3,
        _ => 0,
    }
}

/// Counts and the first place of each kind of repair.
#[derive(Default)]
struct Tally {
    count: usize,
    first: Option<(usize, String)>,
}

impl Tally {
    fn add(&mut self, at: usize, what: &str) {
        self.count += 1;
        if self.first.is_none() {
            self.first = Some((at, what.to_string()));
        }
    }
}

/// The text being rewritten: edits are made in order; the text between
/// them is copied once.
struct Writer<'a> {
    src: &'a str,
    out: String,
    copied: usize,
    marks: Vec<(usize, usize)>,
}

impl<'a> Writer<'a> {
    /// `src[at..end]` becomes `with`.
    fn replace(&mut self, at: usize, end: usize, with: &str) {
        if self.out.is_empty() {
            self.out.reserve(self.src.len() + self.src.len() / 64 + 16);
        }
        self.out.push_str(&self.src[self.copied..at]);
        self.out.push_str(with);
        self.copied = end;
        self.marks.push((self.out.len(), end));
    }

    fn finish(mut self) -> Repaired<'a> {
        if self.marks.is_empty() {
            return Repaired {
                text: Cow::Borrowed(self.src),
                marks: self.marks,
            };
        }
        self.out.push_str(&self.src[self.copied..]);
        Repaired {
            text: Cow::Owned(self.out),
            marks: self.marks,
        }
    }
}

/// What a `&` at the start of `s` begins: the length of a reference that
/// may stay as it is (`&amp;`, `&#187;`), or what to do instead.
enum Amp<'s> {
    Keep(usize),
    /// `&name;` (length) that is not one of XML's five.
    Named(&'s str, usize),
    /// A character reference (length) to a character XML forbids.
    Forbidden(usize),
    Bare,
}

fn classify(s: &[u8]) -> Amp<'_> {
    if let Some(num) = s.strip_prefix(b"&#") {
        let (hex, digits) = match num.strip_prefix(b"x").or_else(|| num.strip_prefix(b"X")) {
            Some(h) => (true, h),
            None => (false, num),
        };
        let n = digits
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if n == 0 || digits.get(n) != Some(&b';') {
            return Amp::Bare;
        }
        let len = s.len() - digits.len() + n + 1;
        let value = std::str::from_utf8(&digits[..n])
            .ok()
            .and_then(|d| u32::from_str_radix(d, if hex { 16 } else { 10 }).ok());
        return match value {
            Some(c) if is_xml_char(c) => Amp::Keep(len),
            _ => Amp::Forbidden(len),
        };
    }
    let name = &s[1..];
    let n = name
        .iter()
        .take(40)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if n == 0 || !name[0].is_ascii_alphabetic() || name.get(n) != Some(&b';') {
        return Amp::Bare;
    }
    let word = std::str::from_utf8(&name[..n]).unwrap_or_default();
    match word {
        "amp" | "lt" | "gt" | "quot" | "apos" => Amp::Keep(n + 2),
        _ => Amp::Named(word, n + 2),
    }
}

/// The end of the markup construct at `i` that is copied as it is (CDATA,
/// comment, processing instruction, document type), or `None` for a tag.
/// A document type declaring entities is refused.
fn verbatim_end(text: &str, i: usize) -> Result<Option<usize>, FeedError> {
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

/// Repairs `text` (see the module's documentation), noting what was done.
pub(crate) fn repair<'a>(text: &'a str, report: &mut Report) -> Result<Repaired<'a>, FeedError> {
    let b = text.as_bytes();
    let mut w = Writer {
        src: text,
        out: String::new(),
        copied: 0,
        marks: Vec::new(),
    };
    let (mut bare, mut html, mut unknown, mut forbidden) = (
        Tally::default(),
        Tally::default(),
        Tally::default(),
        Tally::default(),
    );
    // Each distinct entity name is looked up once.
    let mut known: Vec<(&str, Option<String>)> = Vec::new();
    let mut i = 0;
    // Text before the XML declaration (a CMS template's blank first line).
    let lead = text.len() - text.trim_start().len();
    if lead > 0 && text[lead..].starts_with("<?xml") {
        w.replace(0, lead, "");
        report.note(Some(Pos::at(text, 0)), NoteKind::SpaceBeforeDeclaration);
        i = lead;
    }
    while i < b.len() {
        match b[i] {
            b'<' => {
                let Some(end) = verbatim_end(text, i)? else {
                    i += 1;
                    continue;
                };
                // Forbidden characters go even here.
                let mut j = i;
                while j < end {
                    match forbidden_at(b, j) {
                        0 => j += 1,
                        n => {
                            forbidden.add(j, "");
                            w.replace(j, j + n, "");
                            j += n;
                        }
                    }
                }
                i = end;
            }
            b'&' => match classify(&b[i..]) {
                Amp::Keep(len) => i += len,
                Amp::Bare => {
                    bare.add(i, "");
                    w.replace(i, i + 1, "&amp;");
                    i += 1;
                }
                Amp::Forbidden(len) => {
                    forbidden.add(i, "");
                    w.replace(i, i + len, "");
                    i += len;
                }
                Amp::Named(name, len) => {
                    let chars = match known.iter().find(|(n, _)| *n == name) {
                        Some((_, c)) => c.clone(),
                        None => {
                            let c = host::entity(name);
                            known.push((name, c.clone()));
                            c
                        }
                    };
                    match chars {
                        Some(chars) => {
                            html.add(i, name);
                            let refs: String = chars
                                .chars()
                                .map(|c| format!("&#{};", u32::from(c)))
                                .collect();
                            w.replace(i, i + len, &refs);
                        }
                        None => {
                            unknown.add(i, name);
                            w.replace(i, i + 1, "&amp;");
                        }
                    }
                    i += len;
                }
            },
            _ => match forbidden_at(b, i) {
                0 => i += 1,
                n => {
                    forbidden.add(i, "");
                    w.replace(i, i + n, "");
                    i += n;
                }
            },
        }
    }
    let at = |t: &Tally| t.first.as_ref().map(|(o, _)| Pos::at(text, *o));
    let first = |t: &Tally| t.first.as_ref().map(|(_, s)| s.clone()).unwrap_or_default();
    let kinds = [
        (&bare, NoteKind::BareAmpersand { count: bare.count }),
        (
            &html,
            NoteKind::HtmlEntity {
                count: html.count,
                first: first(&html),
            },
        ),
        (
            &unknown,
            NoteKind::UnknownEntity {
                count: unknown.count,
                first: first(&unknown),
            },
        ),
        (
            &forbidden,
            NoteKind::ForbiddenCharacters {
                count: forbidden.count,
            },
        ),
    ];
    for (tally, kind) in kinds {
        if tally.count > 0 {
            report.note(at(tally), kind);
        }
    }
    Ok(w.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(s: &str) -> (String, Report) {
        let mut r = Report::default();
        let t = repair(s, &mut r).map(|x| x.text.into_owned());
        (t.unwrap_or_else(|e| panic!("{e}")), r)
    }

    #[test]
    fn bare_ampersands_and_entities() {
        let (t, r) = fixed("<link>a.jsp?id=1&cat=2&amp;x=&#38;&#x26;</link><t>&raquo;&yen;&deg;&sup2; &nbsp;&lt;&foo; & &</t>");
        assert_eq!(
            t,
            "<link>a.jsp?id=1&amp;cat=2&amp;x=&#38;&#x26;</link><t>&#187;&#165;&#176;&#178; &#160;&lt;&amp;foo; &amp; &amp;</t>"
        );
        let codes: Vec<&str> = r.notes.iter().map(|n| n.kind.code()).collect();
        assert_eq!(codes, ["bare_ampersand", "html_entity", "unknown_entity"]);
        assert_eq!(r.notes[0].kind, NoteKind::BareAmpersand { count: 3 });
        assert_eq!(
            r.notes[0].at,
            Some(Pos {
                line: 1,
                column: 17
            })
        );
        assert_eq!(
            r.notes[1].kind,
            NoteKind::HtmlEntity {
                count: 5,
                first: "raquo".into()
            }
        );
    }

    #[test]
    fn cdata_and_comments_stay_as_they_are() {
        let s = "<d><![CDATA[a & b &nbsp; <p>]]></d><!-- & --><?pi & ?>";
        let (t, r) = fixed(s);
        assert_eq!(t, s);
        assert!(r.notes.is_empty());
        // Nothing to do: the text is not copied.
        let mut r = Report::default();
        assert!(matches!(
            repair(s, &mut r).map(|x| x.text),
            Ok(Cow::Borrowed(_))
        ));
    }

    #[test]
    fn forbidden_characters_go_everywhere() {
        let (t, r) = fixed("<t>a\u{8}b\u{1}\t\n\r&#8;&#x1F;&#9;\u{FFFE}</t><![CDATA[x\u{B}y]]>");
        assert_eq!(t, "<t>ab\t\n\r&#9;</t><![CDATA[xy]]>");
        assert_eq!(r.notes[0].kind, NoteKind::ForbiddenCharacters { count: 6 });
    }

    #[test]
    fn entity_declarations_are_refused() {
        let mut r = Report::default();
        let laughs =
            "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"a\"><!ENTITY b \"&a;&a;\">]><rss/>";
        assert!(matches!(
            repair(laughs, &mut r),
            Err(FeedError::XmlEntities)
        ));
        // A plain document type (RSS 0.91's) is fine, and `<!ENTITY` inside
        // CDATA is text.
        let (_, r) = fixed("<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\"><rss><d><![CDATA[<!ENTITY x>]]></d></rss>");
        assert!(r.notes.is_empty());
    }

    #[test]
    fn text_before_the_declaration_goes() {
        let (t, r) = fixed("\n\n  <?xml version=\"1.0\"?><rss/>");
        assert_eq!(t, "<?xml version=\"1.0\"?><rss/>");
        assert_eq!(r.notes[0].kind, NoteKind::SpaceBeforeDeclaration);
    }

    #[test]
    fn original_offsets_survive_the_edits() {
        let src = "<a>x&y&raquo;z</a>";
        let mut r = Report::default();
        let rep = repair(src, &mut r).unwrap_or_else(|e| panic!("{e}"));
        let z = rep.text.find('z').unwrap_or(0);
        assert_eq!(rep.original_offset(z), src.find('z').unwrap_or(0));
        assert_eq!(rep.original_offset(1), 1);
    }

    #[test]
    fn encodings() {
        let mut r = Report::default();
        let gbk_label_utf8 = "<?xml version=\"1.0\" encoding=\"gb2312\"?><t>中文</t>";
        assert_eq!(
            decode(gbk_label_utf8.as_bytes(), &mut r).as_deref(),
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
            decode(real_gbk, &mut r).as_deref(),
            Ok("<?xml version='1.0' encoding='GBK'?><t>中文</t>")
        );
        assert!(r.notes.is_empty());
        assert_eq!(r.decoded_from.as_deref(), Some("gbk"));
        let mut r = Report::default();
        assert_eq!(
            decode(b"<?xml version=\"1.0\"?><t>\xD6\xD0\xCE\xC4</t>", &mut r),
            Err(FeedError::Encoding(Encoding::Gbk))
        );
        assert_eq!(
            decode(b"<?xml version=\"1.0\" encoding=\"klingon\"?>\xFF", &mut r),
            Err(FeedError::Encoding(Encoding::Unknown))
        );
        // An ASCII document under any label is what it says.
        assert_eq!(
            decode(b"<?xml version=\"1.0\" encoding=\"gbk\"?><t/>", &mut r).as_deref(),
            Ok("<?xml version=\"1.0\" encoding=\"gbk\"?><t/>")
        );
        assert!(r.notes.is_empty());
    }
}
