//! A small JSON reader: text → [`Value`], with the error positions the
//! feed's messages name. Plain Rust, no DOM, tested natively.
//!
//! It replaces `serde_json`, which cost the widget about 20 kB of wasm for
//! the one thing it did here: read a document into a tree that the feed's
//! JSON reader (`feed::json`) then walks by hand. It follows the same grammar (RFC 8259, no
//! extensions) and reports errors where `serde_json` did — the 1-based line
//! and byte column of the offending byte — so every message stays the same;
//! the tests check both against each other on thousands of broken documents.
//!
//! One deliberate difference: a number keeps its spelling ([`Number::as_str`])
//! instead of being converted to a binary integer or float, so an id written
//! `1.50` reads as `1.50`, not `1.5`, and a 30-digit id keeps all its digits.

/// How deeply arrays and objects may nest: 127 levels, like `serde_json`.
/// No feed needs more; a deeper document is refused before it can exhaust
/// the stack.
const MAX_DEPTH: usize = 127;

mod number;
mod reader;

use number::Parts;
use reader::Reader;

/// A JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as written.
    Number(Number),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Map),
}

impl Value {
    /// The text of a string value.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The members of an object value.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }
}

/// A JSON number, kept as the text it was written as (already checked
/// against the JSON grammar and the range of `f64`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number(pub(super) String);

impl Number {
    /// The number as written: `42`, `-7`, `1.5e3`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number as a count (bytes, seconds): integers exactly, fractions
    /// cut toward zero, huge values capped at `u64::MAX`; `None` for negative
    /// values. (What `serde_json`'s `as_u64`, else `as_f64` cast to `u64`, gave.)
    pub fn to_u64(&self) -> Option<u64> {
        let parts = Parts::scan(self.0.as_bytes());
        if parts.positive && parts.integer {
            return Some(parts.significand);
        }
        let f = parts.to_f64().filter(|f| f.is_finite() && *f >= 0.0)?;
        // A float-to-int cast saturates: what a count this large means.
        Some(f as u64)
    }
}

/// The members of a JSON object, sorted by key; a key written twice keeps
/// its last value (as every mainstream JSON reader does).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    /// An empty object.
    pub fn new() -> Map {
        Map(Vec::new())
    }

    /// The value of member `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    /// Sets member `key`, replacing an earlier value.
    pub fn insert(&mut self, key: String, value: Value) {
        match self.find(&key) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    /// The members, sorted by key.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// Members in document order → a map. Sorting once is O(n log n) even
    /// for a hostile object with millions of keys.
    pub(super) fn from_members(mut members: Vec<(String, Value)>) -> Map {
        // Stable, so among equal keys the later member comes later…
        crate::model::sort::sort_by(&mut members, &|a, b| a.0.cmp(&b.0));
        // …and wins: its value moves into the slot that is kept.
        members.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                std::mem::swap(&mut later.1, &mut kept.1);
            }
            same
        });
        Map(members)
    }
}

/// What went wrong, in the classes the feed's messages tell apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text ends inside a value (a cut-off transfer).
    Eof,
    /// A comma right before `]` or `}`.
    TrailingComma,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// Anything else: an unexpected byte, a bad escape or number, a control
    /// character in a string, text after the value.
    Syntax,
}

/// Why a text is not JSON, and where (1-based line; 1-based column in bytes,
/// 0 when the offending byte is the line break ending the line before).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Error {
    /// The class of error.
    pub kind: ErrorKind,
    /// Line of the offending byte.
    pub line: usize,
    /// Column of the offending byte.
    pub column: usize,
}

/// Reads one JSON value that fills all of `text` (whitespace around it is
/// allowed).
pub fn parse(text: &str) -> Result<Value, Error> {
    Reader::new(text).whole()
}

#[cfg(test)]
mod tests {
    //! The reader against `serde_json` (which the widget used before): the
    //! same values, and the same errors at the same line and column, on
    //! hand-picked cases and on thousands of mutated real documents.

    use super::*;

    type Verdict = Result<serde_json::Value, (ErrorKind, usize, usize)>;

    /// Ours, in `serde_json` terms (numbers re-read by `serde_json`).
    fn ours(text: &str) -> Verdict {
        fn convert(v: &Value) -> serde_json::Value {
            match v {
                Value::Null => serde_json::Value::Null,
                Value::Bool(b) => serde_json::Value::Bool(*b),
                Value::Number(n) => serde_json::from_str(n.as_str()).expect("a valid number"),
                Value::String(s) => serde_json::Value::String(s.clone()),
                Value::Array(a) => serde_json::Value::Array(a.iter().map(convert).collect()),
                Value::Object(o) => serde_json::Value::Object(
                    o.0.iter().map(|(k, v)| (k.clone(), convert(v))).collect(),
                ),
            }
        }
        parse(text)
            .map(|v| convert(&v))
            .map_err(|e| (e.kind, e.line, e.column))
    }

    fn theirs(text: &str) -> Verdict {
        serde_json::from_str(text).map_err(|e| {
            let msg = e.to_string();
            let kind = if e.is_eof() {
                ErrorKind::Eof
            } else if msg.contains("recursion limit") {
                ErrorKind::TooDeep
            } else if msg.contains("trailing comma") {
                ErrorKind::TrailingComma
            } else {
                ErrorKind::Syntax
            };
            (kind, e.line(), e.column())
        })
    }

    fn same(text: &str) {
        assert_eq!(ours(text), theirs(text), "{text:?}");
    }

    #[test]
    fn values() {
        let v = parse(r#" {"b": [1, -2.5e3, true, null], "a": "x\"\u00e9\ud83d\ude00", "b": {}} "#)
            .expect("valid");
        let o = v.as_object().expect("object");
        // The repeated key keeps its last value.
        assert_eq!(o.get("b"), Some(&Value::Object(Map::new())));
        assert_eq!(o.get("a").and_then(Value::as_str), Some("x\"é😀"));
        assert_eq!(o.get("c"), None);
        let Ok(Value::Array(a)) = parse("[1, -2.5e3, 12345678901234567890123]") else {
            panic!("array");
        };
        let spelled: Vec<&str> = a
            .iter()
            .map(|n| match n {
                Value::Number(n) => n.as_str(),
                _ => "",
            })
            .collect();
        assert_eq!(spelled, ["1", "-2.5e3", "12345678901234567890123"]);
    }

    // One known difference, not tested: within a few ulps of f64::MAX
    // (`1.7976931348623157e308`) the range check may disagree, as powers of
    // ten are computed here rather than read from a 2.5 kB table.
    #[test]
    fn hand_picked_cases_match_serde_json() {
        for case in [
            "",
            " ",
            "\n\n",
            "nul",
            "nulx",
            "tru",
            "fals",
            "nulll",
            "true false",
            "[1,]",
            "[1,\n]",
            "[1 2]",
            "[,1]",
            "[",
            "[1",
            "[1,",
            "]",
            r#"{"a":1,}"#,
            r#"{,}"#,
            r#"{"a" 1}"#,
            r#"{"a":}"#,
            r#"{1:2}"#,
            r#"{"a":1 "b":2}"#,
            r#"{"a""#,
            r#"{"a":"#,
            r#"{"a":1"#,
            r#"{"a":1,"#,
            r#"{"a":1,2}"#,
            r#"{"a":1}{"#,
            "{",
        ] {
            same(case);
        }
    }

    #[test]
    fn hand_picked_numbers_match_serde_json() {
        let long_zeros = format!("1{}", "0".repeat(400));
        let long_fraction = format!("0.{}1", "0".repeat(400));
        for case in [
            "0",
            "-0",
            "01",
            "-01",
            "-",
            "-a",
            "+1",
            ".5",
            "1.",
            "1.e3",
            "1.5.3",
            "1e",
            "1e+",
            "1ex",
            "1e400",
            "-1e400",
            "1e308",
            "1.79e308",
            "1.8e308",
            "1e-400",
            "-1e-400",
            "0e99999999999",
            "1e99999999999",
            "1e-99999999999",
            "0.0e400",
            "123456789012345678901234567890",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            &long_zeros,
            &long_fraction,
        ] {
            same(case);
        }
    }

    #[test]
    fn hand_picked_strings_and_depths_match_serde_json() {
        let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
        for case in [
            r#""\u12""#,
            r#""\u12"#,
            r#""\uZZZZ""#,
            r#""\uDC00""#,
            r#""\uD800""#,
            r#""\uD800x""#,
            r#""\uD800\n""#,
            r#""\uD800\u0041""#,
            r#""\uD83D\uDE00""#,
            r#""\uD800\"#,
            r#""\uD800\u12"#,
            "\"a\u{1}b\"",
            "\"a\tb\"",
            r#""\x""#,
            r#""\"#,
            "\"abc",
            "\"中文\" x",
            "\n\n  {\"a\":\n tru }",
            "NaN",
            "[Infinity]",
            r#"{"a":-Infinity}"#,
            "[nan]",
            "\"\u{7f}\"",
            r#""\/\b\f\n\r\t\\""#,
            &deep(127),
            &deep(128),
            &deep(200),
            &("[".repeat(127) + "1"),
            &("{\"a\":".repeat(130) + "1"),
        ] {
            same(case);
        }
    }

    /// A small deterministic generator (xorshift), so failures reproduce.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    #[test]
    fn mutated_documents_match_serde_json() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut docs: Vec<String> = Vec::new();
        for dir in [
            "feeds",
            "tests/fixtures",
            "tests/fixtures/bad",
            "tests/fixtures/hostile",
        ] {
            let Ok(entries) = std::fs::read_dir(format!("{root}/{dir}")) else {
                continue;
            };
            for e in entries.flatten() {
                if e.path().extension().is_some_and(|x| x == "json") {
                    if let Ok(text) = std::fs::read_to_string(e.path()) {
                        docs.push(text);
                    }
                }
            }
        }
        assert!(docs.len() >= 5, "fixtures not found under {root}");
        docs.push(
            r#"{"items":[{"id":1.5e2,"size":-0,"t":"a\nb\u00e9"}],"x":[true,false,null]}"#.into(),
        );
        for doc in &docs {
            same(doc);
        }
        let pieces = [
            ",", "]", "}", "[", "{", ":", "\"", "\\", "\\u", "\\uD800", "0", "-", ".", "e", "E",
            "+", "x", "NaN", "Infinity", " ", "\n", "\u{1}", "中", "1e999", "null", "tru",
        ];
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let mut seen = [0usize; 5];
        for round in 0..6000 {
            let doc = &docs[round % docs.len()];
            let chars: Vec<char> = doc.chars().collect();
            if chars.is_empty() {
                continue;
            }
            let at = rng.next(chars.len());
            let mut m: String = chars[..at].iter().collect();
            match rng.next(4) {
                0 => {} // cut off
                1 => m.extend(&chars[(at + 1 + rng.next(3)).min(chars.len())..]),
                2 => {
                    m.push_str(pieces[rng.next(pieces.len())]);
                    m.extend(&chars[at..]);
                }
                _ => {
                    m.push_str(pieces[rng.next(pieces.len())]);
                    m.extend(&chars[(at + 1).min(chars.len())..]);
                }
            }
            same(&m);
            let kind = match ours(&m) {
                Ok(_) => 0,
                Err((ErrorKind::Eof, ..)) => 1,
                Err((ErrorKind::TrailingComma, ..)) => 2,
                Err((ErrorKind::TooDeep, ..)) => 3,
                Err((ErrorKind::Syntax, ..)) => 4,
            };
            seen[kind] += 1;
        }
        // Every outcome but nesting (tested above) occurs many times.
        assert!(
            seen[0] > 100 && seen[1] > 100 && seen[2] > 10 && seen[4] > 1000,
            "{seen:?}"
        );
    }

    #[test]
    fn counts_read_like_serde_json_did() {
        for text in [
            "0",
            "12",
            "-0",
            "-0.0",
            "-1",
            "-0.5",
            "12.9",
            "1e3",
            "1.5e3",
            "1e-5",
            "-1e-400",
            "18446744073709551615",
            "18446744073709551616",
            "1e30",
            "123456789012345678901234",
            "-9223372036854775809",
            "0.000001e6",
        ] {
            let Ok(Value::Number(n)) = parse(text) else {
                panic!("{text} is a number");
            };
            let Ok(serde_json::Value::Number(s)) = serde_json::from_str(text) else {
                panic!("{text} is a number for serde_json");
            };
            let expected = s.as_u64().or_else(|| {
                s.as_f64()
                    .filter(|f| f.is_finite() && *f >= 0.0)
                    .map(|f| f as u64)
            });
            assert_eq!(n.to_u64(), expected, "{text}");
        }
    }
}
