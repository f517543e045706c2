//! Why a document could not be read as a feed.

use std::fmt;

/// The encoding a non-UTF-8 body seems to be in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf16,
    /// GBK / GB2312 / GB18030, common on older Chinese CMSs.
    Gbk,
    Unknown,
}

/// What a JSON document's top level is, when it is not an object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    Array,
    Null,
    String,
    Number,
    Bool,
}

impl JsonKind {
    /// The kind in an English sentence: "an array", "null", …
    pub fn described(self) -> &'static str {
        match self {
            JsonKind::Array => "an array",
            JsonKind::Null => "null",
            JsonKind::String => "a string",
            JsonKind::Number => "a number",
            JsonKind::Bool => "a boolean",
        }
    }
}

/// A document that arrived but is not a usable JSON Feed. Distinct from
/// network and HTTP failures, which belong to `net::LoadError`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    /// The body was empty or only whitespace.
    Empty,
    /// The body is larger than the widget is willing to parse.
    TooLarge {
        /// Size of the body in bytes.
        bytes: usize,
        /// The cap in bytes.
        limit: usize,
    },
    /// The bytes are not UTF-8.
    Encoding(Encoding),
    /// The body is an HTML page (a login page, an error page served with 200, …).
    Html,
    /// The body is XML, but neither RSS nor Atom.
    XmlFeed,
    /// The XML is malformed past repair before its first item, here.
    XmlSyntax {
        /// 1-based line of the break.
        line: usize,
        /// 1-based column (in characters) of the break.
        column: usize,
    },
    /// The XML declares entities (refused: the "billion laughs" attack).
    XmlEntities,
    /// The JSON stops in the middle (a cut-off transfer).
    Truncated,
    /// A comma before `}` or `]`, which JSON does not allow.
    TrailingComma,
    /// `NaN` or `Infinity`, which JSON does not allow.
    NonFiniteNumber,
    /// JSONP: a script calling a function with the data (`callback({…})`).
    Jsonp,
    /// An anti-hijacking prefix before the JSON (`)]}'`, `while(1);`).
    GuardPrefix,
    /// Any other JSON syntax error, with where it is.
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
    },
    /// The JSON nests deeper than any feed would.
    TooDeep,
    /// Valid JSON, but the top level is not an object (`null`, array, string …).
    NotAnObject(JsonKind),
    /// A JSON object that is not a JSON Feed (no `version`/`items`).
    NotAFeed,
    /// A JSON Feed (it declares its version) without an `items` array: a
    /// broken feed, not an empty one (`"items": []` is the empty one).
    MissingItems,
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::Empty => write!(f, "the document is empty"),
            FeedError::TooLarge { bytes, limit } => {
                write!(
                    f,
                    "the document is {bytes} bytes, over the {limit}-byte cap"
                )
            }
            FeedError::Encoding(e) => {
                // Names written out: a derived Debug would pull formatting
                // machinery into the wasm for this one line.
                let name = match e {
                    Encoding::Utf16 => "Utf16",
                    Encoding::Gbk => "Gbk",
                    Encoding::Unknown => "Unknown",
                };
                write!(f, "the document is not UTF-8 (looks like {name})")
            }
            FeedError::Html => write!(f, "the document is an HTML page, not a feed"),
            FeedError::XmlFeed => write!(f, "the document is XML but neither RSS nor Atom"),
            FeedError::XmlSyntax { line, column } => write!(
                f,
                "the XML is malformed past repair at line {line}, column {column}, before any item"
            ),
            FeedError::XmlEntities => write!(f, "the XML declares entities (refused)"),
            FeedError::Truncated => write!(f, "the JSON ends before it is complete"),
            FeedError::TrailingComma => write!(f, "the JSON has a trailing comma"),
            FeedError::NonFiniteNumber => write!(f, "the JSON contains NaN or Infinity"),
            FeedError::Jsonp => write!(f, "the document is JSONP (a script), not JSON"),
            FeedError::GuardPrefix => write!(f, "the JSON has an anti-hijacking prefix"),
            FeedError::Syntax { line, column } => {
                write!(
                    f,
                    "the document is not valid JSON (line {line}, column {column})"
                )
            }
            FeedError::TooDeep => write!(f, "the JSON is nested too deeply"),
            FeedError::NotAnObject(kind) => {
                write!(
                    f,
                    "the JSON top level is {}, not an object",
                    kind.described()
                )
            }
            FeedError::NotAFeed => write!(f, "the JSON object is not a JSON Feed"),
            FeedError::MissingItems => write!(
                f,
                "the JSON Feed has no `items` array (required; `\"items\": []` for no news)"
            ),
        }
    }
}

impl std::error::Error for FeedError {}
