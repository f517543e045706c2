//! What reading a document found, for the webmaster: the format, what was
//! repaired before parsing, what was wrong, item by item, with the line and
//! column where it is known. Filled by the one parser (JSON Feed and
//! RSS/Atom alike) while it reads; printed by the widget's console warnings
//! (`app::load::warnings`) and by `district-bulletin check`. Plain Rust, no DOM.

use super::Version;
use std::fmt;

/// A place in the document as an editor shows it: 1-based line, and 1-based
/// column in characters (JSON: in bytes, as the JSON reader counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    /// The position of byte `offset` of `text` (clamped to its end).
    pub fn at(text: &str, offset: usize) -> Pos {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Pos {
            line: 1 + before.bytes().filter(|&b| b == b'\n').count() as u32,
            column: 1 + before[line_start..].chars().count() as u32,
        }
    }
}

/// Positions of offsets of one text, each counted on from the last one
/// asked: offsets asked in order cost one pass over the text, not one each
/// (a document with thousands of notes).
pub(crate) struct Places<'t> {
    text: &'t str,
    offset: usize,
    pos: Pos,
}

impl<'t> Places<'t> {
    pub fn new(text: &'t str) -> Self {
        Places {
            text,
            offset: 0,
            pos: Pos { line: 1, column: 1 },
        }
    }

    /// [`Pos::at`] `offset`.
    pub fn at(&mut self, offset: usize) -> Pos {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.offset {
            *self = Places::new(self.text);
        }
        let p = Pos::at(&self.text[self.offset..], offset - self.offset);
        self.pos = match p.line {
            1 => Pos {
                line: self.pos.line,
                column: self.pos.column + p.column - 1,
            },
            n => Pos {
                line: self.pos.line + n - 1,
                column: p.column,
            },
        };
        self.offset = offset;
        self.pos
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// The format a document was read as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Format {
    /// JSON Feed, of the version it declared.
    JsonFeed(Version),
    /// RSS 0.9x/2.0 (`<rss version="…">`; the version as written).
    Rss(String),
    /// RSS 1.0 (RDF).
    Rdf,
    /// Atom 1.0.
    Atom,
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Format::JsonFeed(Version::V1_0) => write!(f, "JSON Feed 1.0"),
            Format::JsonFeed(Version::V1_1) => write!(f, "JSON Feed 1.1"),
            Format::JsonFeed(Version::Unknown) => write!(f, "JSON Feed (no version)"),
            Format::Rss(v) if v.is_empty() => write!(f, "RSS"),
            Format::Rss(v) => write!(f, "RSS {v}"),
            Format::Rdf => write!(f, "RSS 1.0 (RDF)"),
            Format::Atom => write!(f, "Atom 1.0"),
        }
    }
}

/// Why an item of the document is not shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    /// A JSON item that is not an object.
    NotAnObject,
    /// No id and no url (JSON Feed: an item must have an id).
    NoId,
    /// No title, summary or content at all.
    NothingToShow,
}

/// How much a note matters to the webmaster.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Read as it was surely meant; worth fixing in the CMS.
    Repaired,
    /// The item is not shown.
    Skipped,
    /// Something is wrong: shown without it, or not at all.
    Problem,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// `&` that starts no reference (`art.jsp?id=1&cat=2`), read as `&amp;`.
    BareAmpersand { count: usize },
    /// HTML named entities (`&raquo;`, `&nbsp;` …), which XML does not
    /// know, read as the characters they name.
    HtmlEntity { count: usize, first: String },
    /// `&name;` that is no HTML entity either: kept as the text it is.
    UnknownEntity { count: usize, first: String },
    /// Characters XML 1.0 forbids (control characters, from text pasted out
    /// of Word; also as `&#8;`), removed.
    ForbiddenCharacters { count: usize },
    /// Blank lines or spaces before the XML declaration, removed.
    SpaceBeforeDeclaration,
    /// `<` that starts no tag (`面积<90平方米`), read as `&lt;`.
    BareLessThan { count: usize },
    /// A tag inside a text element (`<title>`, `<description>` …) that
    /// never closes there (`《<草根网>的前途与未来》`: CJK characters make a
    /// name), or an end tag that closes nothing: read as text, with any
    /// other such tag of the element. `tag` as written, up to its name.
    TagAsText { tag: String, title: Option<String> },
    /// An item without its end tag (`</item>`): closed before the next one.
    ItemClosed { title: Option<String> },
    /// An item broken past repair here: not shown; the items around it are.
    ItemLost { title: Option<String> },
    /// The XML declaration names `declared`, but the bytes are UTF-8: read
    /// as UTF-8.
    EncodingLabelWrong { declared: String },
    /// Bytes the declared encoding cannot decode, shown as �.
    Undecodable { declared: String },
    /// The XML is broken at this place past repair outside any item
    /// (between items, or after the last): skipped up to the next item, or
    /// to the end.
    BrokenXml,
    /// The JSON object declares no JSON Feed version (read for its `items`).
    NoVersion,
    /// A field the format requires is missing (`title`, an item's `id` …).
    MissingField { field: &'static str },
    /// A field of the wrong type (`expected` names the right one), read as absent.
    WrongType {
        field: String,
        expected: &'static str,
    },
    /// A date that could not be read: the item shows 日期未知.
    UnreadableDate { field: &'static str, value: String },
    /// A value of the right type that means nothing the widget knows
    /// (`_district.validity` "void", `_district.pinned` "soon"): read as
    /// absent. `expected` says what it may be.
    UnreadableValue {
        field: &'static str,
        value: String,
        expected: &'static str,
    },
    /// An RSS/Atom item with neither guid/id nor link: kept under an id
    /// derived from its content, shown without a link.
    IdFromContent,
    /// HTML markup in a title (`<font color=red>[置顶]</font>`), read as text.
    HtmlTitle,
    /// The id of an earlier, different item: both are shown.
    DuplicateId { id: String },
    /// An exact repeat of an earlier item: shown once.
    Repeat,
    /// The item is not shown.
    Skipped(Skip),
}

impl NoteKind {
    /// How much it matters.
    pub fn severity(&self) -> Severity {
        match self {
            NoteKind::BareAmpersand { .. }
            | NoteKind::HtmlEntity { .. }
            | NoteKind::UnknownEntity { .. }
            | NoteKind::ForbiddenCharacters { .. }
            | NoteKind::SpaceBeforeDeclaration
            | NoteKind::BareLessThan { .. }
            | NoteKind::TagAsText { .. }
            | NoteKind::ItemClosed { .. }
            | NoteKind::IdFromContent
            | NoteKind::HtmlTitle => Severity::Repaired,
            NoteKind::Skipped(_) => Severity::Skipped,
            _ => Severity::Problem,
        }
    }

    /// A stable name for scripts (`check --json`).
    pub fn code(&self) -> &'static str {
        match self {
            NoteKind::BareAmpersand { .. } => "bare_ampersand",
            NoteKind::HtmlEntity { .. } => "html_entity",
            NoteKind::UnknownEntity { .. } => "unknown_entity",
            NoteKind::ForbiddenCharacters { .. } => "forbidden_characters",
            NoteKind::SpaceBeforeDeclaration => "space_before_declaration",
            NoteKind::EncodingLabelWrong { .. } => "encoding_label_wrong",
            NoteKind::Undecodable { .. } => "undecodable_bytes",
            NoteKind::BareLessThan { .. } => "bare_less_than",
            NoteKind::TagAsText { .. } => "tag_as_text",
            NoteKind::ItemClosed { .. } => "item_closed",
            NoteKind::ItemLost { .. } => "item_lost",
            NoteKind::BrokenXml => "broken_xml",
            NoteKind::NoVersion => "no_version",
            NoteKind::MissingField { .. } => "missing_field",
            NoteKind::WrongType { .. } => "wrong_type",
            NoteKind::UnreadableDate { .. } => "unreadable_date",
            NoteKind::UnreadableValue { .. } => "unreadable_value",
            NoteKind::IdFromContent => "id_from_content",
            NoteKind::HtmlTitle => "html_title",
            NoteKind::DuplicateId { .. } => "duplicate_id",
            NoteKind::Repeat => "repeat",
            NoteKind::Skipped(Skip::NotAnObject) => "skipped_not_an_object",
            NoteKind::Skipped(Skip::NoId) => "skipped_no_id",
            NoteKind::Skipped(Skip::NothingToShow) => "skipped_nothing_to_show",
        }
    }
}

impl fmt::Display for NoteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoteKind::BareAmpersand { count } => write!(
                f,
                "{count} bare `&` (not starting `&amp;` or another reference) read as `&amp;`; write `&amp;` in links (first here)"
            ),
            NoteKind::HtmlEntity { count, first } => write!(
                f,
                "{count} HTML entities XML does not know (`&{first};` …) read as their characters; write them as characters or `&#…;` (first here)"
            ),
            NoteKind::UnknownEntity { count, first } => write!(
                f,
                "{count} `&name;` that is no HTML entity (`&{first};` …) shown as written (first here)"
            ),
            NoteKind::ForbiddenCharacters { count } => write!(
                f,
                "{count} control characters XML forbids removed (text pasted from a word processor?) (first here)"
            ),
            NoteKind::SpaceBeforeDeclaration => write!(
                f,
                "text before the XML declaration `<?xml …?>` removed (it must come first)"
            ),
            NoteKind::EncodingLabelWrong { declared } => write!(
                f,
                "the XML declaration says encoding=\"{declared}\", but the bytes are UTF-8: read as UTF-8; declare encoding=\"utf-8\""
            ),
            NoteKind::Undecodable { declared } => write!(
                f,
                "some bytes are not valid {declared}: shown as �"
            ),
            NoteKind::BareLessThan { count } => write!(
                f,
                "{count} `<` starting no tag read as `&lt;`; write `&lt;` (first here)"
            ),
            NoteKind::TagAsText { tag, title } => {
                titled(f, title)?;
                write!(f, "`{tag}>` is not matched in its element: read as text; write `&lt;`")
            }
            NoteKind::ItemClosed { title } => {
                titled(f, title)?;
                write!(f, "no end tag: closed where the next item starts")
            }
            NoteKind::ItemLost { title } => {
                titled(f, title)?;
                write!(
                    f,
                    "broken here past repair: this item is not shown, the others are"
                )
            }
            NoteKind::BrokenXml => write!(
                f,
                "the XML is broken here past repair, outside any item: skipped to the next item or the end"
            ),
            NoteKind::NoVersion => write!(
                f,
                "no JSON Feed `version` (\"https://jsonfeed.org/version/1.1\"): read for its `items`"
            ),
            NoteKind::MissingField { field } => write!(f, "no `{field}`"),
            NoteKind::WrongType { field, expected } => {
                write!(f, "`{field}` is not {expected}: read as absent")
            }
            NoteKind::UnreadableDate { field, value } => {
                write!(f, "`{field}` \"{value}\" is not a date the widget can read: shown as 日期未知")
            }
            NoteKind::UnreadableValue {
                field,
                value,
                expected,
            } => write!(f, "`{field}` \"{value}\" is not {expected}: read as absent"),
            NoteKind::IdFromContent => write!(
                f,
                "no guid/id and no link: kept under an id made from its content, shown without a link"
            ),
            NoteKind::HtmlTitle => write!(f, "HTML markup in the title read as text"),
            NoteKind::DuplicateId { id } => {
                write!(f, "id \"{id}\" is also an earlier, different item's: both shown")
            }
            NoteKind::Repeat => write!(f, "an exact repeat of an earlier item: shown once"),
            NoteKind::Skipped(Skip::NotAnObject) => write!(f, "skipped: not a JSON object"),
            NoteKind::Skipped(Skip::NoId) => write!(f, "skipped: no id and no url"),
            NoteKind::Skipped(Skip::NothingToShow) => {
                write!(f, "skipped: no title, summary or content")
            }
        }
    }
}

/// An item's title, when known, before what is said of it.
fn titled(f: &mut fmt::Formatter<'_>, title: &Option<String>) -> fmt::Result {
    match title {
        Some(t) => write!(f, "「{t}」: "),
        None => Ok(()),
    }
}

impl NoteKind {
    /// The title of the item a note names by its title, to fill in.
    pub(crate) fn title_mut(&mut self) -> Option<&mut Option<String>> {
        match self {
            NoteKind::TagAsText { title, .. } => Some(title),
            _ => None,
        }
    }
}

/// A finding, where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The item it is about: its 0-based place among the document's items.
    pub item: Option<usize>,
    /// Where in the document, when known.
    pub at: Option<Pos>,
    pub kind: NoteKind,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(i) = self.item {
            write!(f, "item {}", i + 1)?;
            if self.at.is_some() {
                write!(f, ", ")?;
            }
        }
        if let Some(at) = self.at {
            write!(f, "{at}")?;
        }
        if self.item.is_some() || self.at.is_some() {
            write!(f, ": ")?;
        }
        write!(f, "{}", self.kind)
    }
}

/// Everything reading one document found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The format, once recognised.
    pub format: Option<Format>,
    /// The encoding the bytes were decoded from, when not UTF-8 (as declared).
    pub decoded_from: Option<String>,
    /// How many items the document holds (read or not).
    pub items_in_document: usize,
    /// Where the document stopped being readable, when it is no feed
    /// because of it (broken JSON, XML broken before its first item).
    pub error_at: Option<Pos>,
    /// The findings, in the order they were made.
    pub notes: Vec<Note>,
}

impl Report {
    /// Adds a finding about the whole document.
    pub(crate) fn note(&mut self, at: Option<Pos>, kind: NoteKind) {
        self.notes.push(Note {
            item: None,
            at,
            kind,
        });
    }

    /// Adds a finding about item `item` (0-based).
    pub(crate) fn note_item(&mut self, item: usize, kind: NoteKind) {
        self.notes.push(Note {
            item: Some(item),
            at: None,
            kind,
        });
    }

    /// The findings of one severity.
    pub fn of(&self, severity: Severity) -> impl Iterator<Item = &Note> {
        self.notes
            .iter()
            .filter(move |n| n.kind.severity() == severity)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "<a>\n  郑州&x\n";
        assert_eq!(Pos::at(text, 0), Pos { line: 1, column: 1 });
        let amp = text.find('&').unwrap_or(0);
        assert_eq!(Pos::at(text, amp), Pos { line: 2, column: 5 });
        assert_eq!(Pos::at(text, 999), Pos { line: 3, column: 1 });
        // Inside a character: its start.
        assert_eq!(Pos::at(text, amp - 1), Pos { line: 2, column: 4 });
        let mut places = Places::new(text);
        for offset in [0, 2, 5, amp - 1, amp, amp + 2, 1, 999, 3] {
            assert_eq!(places.at(offset), Pos::at(text, offset), "{offset}");
        }
    }

    #[test]
    fn notes_read_as_sentences() {
        let n = Note {
            item: Some(2),
            at: Some(Pos {
                line: 40,
                column: 3,
            }),
            kind: NoteKind::UnreadableDate {
                field: "pubDate",
                value: "2019-02-30".into(),
            },
        };
        assert_eq!(
            n.to_string(),
            "item 3, line 40, column 3: `pubDate` \"2019-02-30\" is not a date the widget can read: shown as 日期未知"
        );
        assert_eq!(n.kind.severity(), Severity::Problem);
        assert_eq!(NoteKind::HtmlTitle.severity(), Severity::Repaired);
        assert_eq!(Format::Rss("2.0".into()).to_string(), "RSS 2.0");
    }
}
