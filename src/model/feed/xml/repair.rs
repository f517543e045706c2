//! The text of an RSS/Atom document (decoded by `body`) → text the XML
//! parser accepts, repairing only what has one sure reading and noting each
//! repair in the [`Report`]:
//!
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

use crate::model::feed::report::{NoteKind, Pos, Report};
use crate::model::feed::FeedError;
use crate::model::host;
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
    let mut r = Repair {
        w: Writer {
            src: text,
            out: String::new(),
            copied: 0,
            marks: Vec::new(),
        },
        bare: Tally::default(),
        html: Tally::default(),
        unknown: Tally::default(),
        forbidden: Tally::default(),
    };
    let mut i = 0;
    // Text before the XML declaration (a CMS template's blank first line).
    let lead = text.len() - text.trim_start().len();
    if lead > 0 && text[lead..].starts_with("<?xml") {
        r.w.replace(0, lead, "");
        report.note(Some(Pos::at(text, 0)), NoteKind::SpaceBeforeDeclaration);
        i = lead;
    }
    while i < b.len() {
        i = match b[i] {
            b'<' => match verbatim_end(text, i)? {
                Some(end) => r.verbatim(i, end),
                None => i + 1,
            },
            b'&' => r.ampersand(i),
            _ => match forbidden_at(b, i) {
                0 => i + 1,
                n => r.drop_forbidden(i, n),
            },
        };
    }
    r.note(report);
    Ok(r.w.finish())
}

/// The repair under way: the text being written, and what was done.
struct Repair<'a> {
    w: Writer<'a>,
    bare: Tally,
    html: Tally,
    unknown: Tally,
    forbidden: Tally,
}

impl Repair<'_> {
    /// The `n` bytes of a forbidden character at `i` go; where to go on.
    fn drop_forbidden(&mut self, i: usize, n: usize) -> usize {
        self.forbidden.add(i, "");
        self.w.replace(i, i + n, "");
        i + n
    }

    /// A construct copied as it is (`i..end`), but for forbidden
    /// characters, which go even here.
    fn verbatim(&mut self, i: usize, end: usize) -> usize {
        let b = self.w.src.as_bytes();
        let mut j = i;
        while j < end {
            j = match forbidden_at(b, j) {
                0 => j + 1,
                n => self.drop_forbidden(j, n),
            };
        }
        end
    }

    /// The `&` at `i`: kept, escaped, or its reference replaced.
    fn ampersand(&mut self, i: usize) -> usize {
        match classify(&self.w.src.as_bytes()[i..]) {
            Amp::Keep(len) => i + len,
            Amp::Bare => {
                self.bare.add(i, "");
                self.w.replace(i, i + 1, "&amp;");
                i + 1
            }
            Amp::Forbidden(len) => self.drop_forbidden(i, len),
            Amp::Named(name, len) => {
                match host::entity(name) {
                    Some(chars) => {
                        self.html.add(i, name);
                        let refs: String = chars
                            .chars()
                            .map(|c| format!("&#{};", u32::from(c)))
                            .collect();
                        self.w.replace(i, i + len, &refs);
                    }
                    None => {
                        self.unknown.add(i, name);
                        self.w.replace(i, i + 1, "&amp;");
                    }
                }
                i + len
            }
        }
    }

    /// One note for each kind of repair made, at its first place.
    fn note(&self, report: &mut Report) {
        let text = self.w.src;
        let at = |t: &Tally| t.first.as_ref().map(|(o, _)| Pos::at(text, *o));
        let first = |t: &Tally| t.first.as_ref().map(|(_, s)| s.clone()).unwrap_or_default();
        let kinds = [
            (
                &self.bare,
                NoteKind::BareAmpersand {
                    count: self.bare.count,
                },
            ),
            (
                &self.html,
                NoteKind::HtmlEntity {
                    count: self.html.count,
                    first: first(&self.html),
                },
            ),
            (
                &self.unknown,
                NoteKind::UnknownEntity {
                    count: self.unknown.count,
                    first: first(&self.unknown),
                },
            ),
            (
                &self.forbidden,
                NoteKind::ForbiddenCharacters {
                    count: self.forbidden.count,
                },
            ),
        ];
        for (tally, kind) in kinds {
            if tally.count > 0 {
                report.note(at(tally), kind);
            }
        }
    }
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
}
