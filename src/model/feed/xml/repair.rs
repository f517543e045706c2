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
//! - text before the XML declaration → removed;
//! - a `<` that starts no tag (`面积<90平方米`) → `&lt;`;
//! - inside a text element (`<title>`, `<description>` …, see
//!   [`markup::is_text`]), a tag that never closes there (`《<草根网>的前途与未来》`:
//!   CJK characters make a name) or an end tag that closes nothing → text
//!   (`&lt;`). Tags that do close stay markup.
//!
//! CDATA sections, comments and processing instructions are copied as they
//! are (only forbidden characters go: they are forbidden there too). A
//! document type that declares entities is refused: entity expansion is the
//! "billion laughs" attack, and no feed needs it.

use super::markup::{self, verbatim_end};
use crate::model::feed::report::{NoteKind, Places, Pos, Report};
use crate::model::feed::FeedError;
use crate::model::host;
use std::borrow::Cow;

/// The repaired text, and where its bytes were in the text before repair.
pub(crate) struct Repaired<'a> {
    /// The text to parse.
    pub text: Cow<'a, str>,
    /// After each edit: (offset in `text`, offset in the original), in order.
    marks: Vec<(usize, usize)>,
    /// Where each text element with tags taken as text has its first one
    /// (in the original), as many as there are [`NoteKind::TagAsText`] notes.
    pub texted: Vec<usize>,
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
pub(super) struct Writer<'a> {
    src: &'a str,
    out: String,
    copied: usize,
    marks: Vec<(usize, usize)>,
}

impl<'a> Writer<'a> {
    pub fn new(src: &'a str) -> Self {
        Writer {
            src,
            out: String::new(),
            copied: 0,
            marks: Vec::new(),
        }
    }

    /// `src[at..end]` becomes `with`.
    pub fn replace(&mut self, at: usize, end: usize, with: &str) {
        if self.out.is_empty() {
            self.out.reserve(self.src.len() + self.src.len() / 64 + 16);
        }
        self.out.push_str(&self.src[self.copied..at]);
        self.out.push_str(with);
        self.copied = end;
        self.marks.push((self.out.len(), end));
    }

    pub fn finish(mut self) -> Repaired<'a> {
        let text = if self.marks.is_empty() {
            Cow::Borrowed(self.src)
        } else {
            self.out.push_str(&self.src[self.copied..]);
            Cow::Owned(self.out)
        };
        Repaired {
            text,
            marks: self.marks,
            texted: Vec::new(),
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

/// Repairs `text` (see the module's documentation), noting what was done.
pub(crate) fn repair<'a>(text: &'a str, report: &mut Report) -> Result<Repaired<'a>, FeedError> {
    let b = text.as_bytes();
    let mut r = Repair {
        w: Writer::new(text),
        bare: Tally::default(),
        html: Tally::default(),
        unknown: Tally::default(),
        forbidden: Tally::default(),
        lt: Tally::default(),
        texted: Vec::new(),
        tags: Vec::new(),
        escape: Vec::new(),
        next: 0,
        text_end: 0,
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
                None => r.tag(i),
            },
            b'&' => r.ampersand(i),
            _ => match forbidden_at(b, i) {
                0 => i + 1,
                n => r.drop_forbidden(i, n),
            },
        };
    }
    r.note(report);
    let mut repaired = r.w.finish();
    repaired.texted = r.texted;
    Ok(repaired)
}

/// How many text elements with tags taken as text are named one by one
/// (each note costs a count of lines from the top).
const NAMED: usize = 100;

/// The repair under way: the text being written, and what was done.
struct Repair<'a> {
    w: Writer<'a>,
    bare: Tally,
    html: Tally,
    unknown: Tally,
    forbidden: Tally,
    /// `<` starting no tag.
    lt: Tally,
    /// Each text element's first tag taken as text: where, and the tag.
    texted: Vec<usize>,
    tags: Vec<String>,
    /// The tags of the text element being read, each with whether it is
    /// text ([`markup::unclosed_in`]); the next one's index; and where that
    /// element ends.
    escape: Vec<(usize, bool)>,
    next: usize,
    text_end: usize,
}

impl Repair<'_> {
    /// The `<` at `i` (no CDATA, comment …): text when it starts no tag or a
    /// tag that never closes in its text element, else a tag; where to go on.
    fn tag(&mut self, i: usize) -> usize {
        let b = self.w.src.as_bytes();
        let text = match self.escape.get(self.next) {
            Some(&(at, text)) if at == i => {
                self.next += 1;
                text
            }
            _ => false,
        };
        if !text {
            if !markup::bare_lt(b, i) {
                if i >= self.text_end {
                    self.text_element(i);
                }
                return i + 1;
            }
            self.lt.add(i, "");
        }
        self.w.replace(i, i + 1, "&lt;");
        i + 1
    }

    /// At the start tag at `i`: when it opens a text element, which tags in
    /// it are text ([`markup::unclosed_in`]).
    fn text_element(&mut self, i: usize) {
        let src = self.w.src;
        let b = src.as_bytes();
        let Some(t) = markup::tag(b, i).filter(|t| !t.close && !t.empty) else {
            return;
        };
        let name = t.name(b, i);
        if !markup::is_text(markup::local(name)) {
            return;
        }
        let Some((tags, end)) = markup::unclosed_in(src, t.end, name) else {
            return;
        };
        let first = tags.iter().find(|t| t.1);
        if let (Some(&(first, _)), true) = (first, self.texted.len() < NAMED) {
            let name_end = markup::tag(b, first).map_or(first + 1, |t| t.name_end);
            self.texted.push(first);
            self.tags.push(src[first..name_end].to_string());
        }
        self.escape = tags;
        self.next = 0;
        self.text_end = end;
    }

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
            (
                &self.lt,
                NoteKind::BareLessThan {
                    count: self.lt.count,
                },
            ),
        ];
        for (tally, kind) in kinds {
            if tally.count > 0 {
                report.note(at(tally), kind);
            }
        }
        let mut places = Places::new(text);
        for (first, tag) in self.texted.iter().zip(&self.tags) {
            report.note(
                Some(places.at(*first)),
                NoteKind::TagAsText {
                    tag: tag.clone(),
                    title: None,
                },
            );
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
