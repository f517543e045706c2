//! A small JSON reader: text → [`Value`], with the error positions the
//! feed's messages name. Plain Rust, no DOM, tested natively.
//!
//! It replaces `serde_json`, which cost the widget about 20 kB of wasm for
//! the one thing it did here: read a document into a tree that `feed::parse`
//! then walks by hand. It follows the same grammar (RFC 8259, no
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
pub struct Number(String);

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
    fn from_members(mut members: Vec<(String, Value)>) -> Map {
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
    let mut r = Reader {
        text,
        s: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    let value = r.value()?;
    match r.skip_ws() {
        Some(_) => Err(r.peek_err(ErrorKind::Syntax)),
        None => Ok(value),
    }
}

struct Reader<'a> {
    text: &'a str,
    /// `text` as bytes: JSON's syntax is all ASCII.
    s: &'a [u8],
    /// The next byte to read.
    i: usize,
    /// Arrays and objects open around the current position.
    depth: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.i += 1;
        Some(b)
    }

    /// Skips whitespace and returns the next byte without consuming it.
    fn skip_ws(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn err_at(&self, kind: ErrorKind, index: usize) -> Error {
        let index = index.min(self.s.len());
        let before = &self.s[..index];
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        Error {
            kind,
            line: 1 + before[..line_start].iter().filter(|&&b| b == b'\n').count(),
            column: index - line_start,
        }
    }

    /// An error about the byte just consumed.
    fn err(&self, kind: ErrorKind) -> Error {
        self.err_at(kind, self.i)
    }

    /// An error about the byte about to be read.
    fn peek_err(&self, kind: ErrorKind) -> Error {
        self.err_at(kind, self.i + 1)
    }

    fn value(&mut self) -> Result<Value, Error> {
        let Some(b) = self.skip_ws() else {
            return Err(self.peek_err(ErrorKind::Eof));
        };
        Ok(match b {
            b'n' => self.word(b"null", Value::Null)?,
            b't' => self.word(b"true", Value::Bool(true))?,
            b'f' => self.word(b"false", Value::Bool(false))?,
            b'-' | b'0'..=b'9' => Value::Number(self.number()?),
            b'"' => {
                self.i += 1;
                Value::String(self.string()?)
            }
            b'[' => {
                self.enter()?;
                let items = self.array()?;
                self.depth -= 1;
                Value::Array(items)
            }
            b'{' => {
                self.enter()?;
                let members = self.object()?;
                self.depth -= 1;
                Value::Object(Map::from_members(members))
            }
            _ => return Err(self.peek_err(ErrorKind::Syntax)),
        })
    }

    fn enter(&mut self) -> Result<(), Error> {
        if self.depth >= MAX_DEPTH {
            return Err(self.peek_err(ErrorKind::TooDeep));
        }
        self.depth += 1;
        self.i += 1;
        Ok(())
    }

    fn word(&mut self, word: &[u8], value: Value) -> Result<Value, Error> {
        self.i += 1;
        for &expected in &word[1..] {
            match self.next() {
                None => return Err(self.err(ErrorKind::Eof)),
                Some(b) if b != expected => return Err(self.err(ErrorKind::Syntax)),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// After `[`.
    fn array(&mut self) -> Result<Vec<Value>, Error> {
        let mut items = Vec::new();
        loop {
            match self.skip_ws() {
                None => return Err(self.peek_err(ErrorKind::Eof)),
                Some(b']') => {
                    self.i += 1;
                    return Ok(items);
                }
                Some(_) if items.is_empty() => {}
                Some(b',') => {
                    self.i += 1;
                    match self.skip_ws() {
                        Some(b']') => return Err(self.peek_err(ErrorKind::TrailingComma)),
                        Some(_) => {}
                        None => return Err(self.peek_err(ErrorKind::Eof)),
                    }
                }
                Some(_) => return Err(self.peek_err(ErrorKind::Syntax)),
            }
            items.push(self.value()?);
        }
    }

    /// After `{`: the members in document order.
    fn object(&mut self) -> Result<Vec<(String, Value)>, Error> {
        let mut members = Vec::new();
        loop {
            match self.skip_ws() {
                None => return Err(self.peek_err(ErrorKind::Eof)),
                Some(b'}') => {
                    self.i += 1;
                    return Ok(members);
                }
                Some(b'"') if members.is_empty() => {}
                Some(b',') if !members.is_empty() => {
                    self.i += 1;
                    match self.skip_ws() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.peek_err(ErrorKind::TrailingComma)),
                        Some(_) => return Err(self.peek_err(ErrorKind::Syntax)),
                        None => return Err(self.peek_err(ErrorKind::Eof)),
                    }
                }
                Some(_) => return Err(self.peek_err(ErrorKind::Syntax)),
            }
            self.i += 1;
            let key = self.string()?;
            match self.skip_ws() {
                Some(b':') => self.i += 1,
                Some(_) => return Err(self.peek_err(ErrorKind::Syntax)),
                None => return Err(self.peek_err(ErrorKind::Eof)),
            }
            let value = self.value()?;
            members.push((key, value));
        }
    }

    /// After the opening `"`: the unescaped text, through the closing `"`.
    fn string(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        loop {
            // Plain text runs up to a quote, a backslash or a control byte.
            let start = self.i;
            let rest = self.s.get(start..).unwrap_or_default();
            self.i += rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
            out.push_str(self.text(start, self.i));
            match self.next() {
                None => return Err(self.err(ErrorKind::Eof)),
                Some(b'"') => return Ok(out),
                Some(b'\\') => self.escape(&mut out)?,
                Some(_) => return Err(self.err(ErrorKind::Syntax)),
            }
        }
    }

    /// The input between two ASCII bytes (so always on character boundaries).
    fn text(&self, from: usize, to: usize) -> &str {
        self.text.get(from..to).unwrap_or_default()
    }

    /// After a `\` in a string.
    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let Some(b) = self.next() else {
            return Err(self.err(ErrorKind::Eof));
        };
        out.push(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{C}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.err(ErrorKind::Syntax)),
        });
        Ok(())
    }

    /// After `\u`: one character, from a surrogate pair when it takes two.
    fn unicode_escape(&mut self, out: &mut String) -> Result<(), Error> {
        let n = self.hex4()?;
        let code = match n {
            0xDC00..=0xDFFF => return Err(self.err(ErrorKind::Syntax)),
            0xD800..=0xDBFF => {
                // A leading surrogate must be followed by `\u` and a trailing one.
                for expected in [b'\\', b'u'] {
                    match self.next() {
                        None => return Err(self.err(ErrorKind::Eof)),
                        Some(b) if b != expected => return Err(self.err(ErrorKind::Syntax)),
                        Some(_) => {}
                    }
                }
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.err(ErrorKind::Syntax));
                }
                0x1_0000 + ((n - 0xD800) << 10) + (low - 0xDC00)
            }
            _ => n,
        };
        // Never fails: surrogates were handled above.
        out.extend(char::from_u32(code));
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let Some(digits) = self.s.get(self.i..self.i + 4) else {
            self.i = self.s.len();
            return Err(self.err(ErrorKind::Eof));
        };
        self.i += 4;
        let mut n = 0;
        for &d in digits {
            let Some(v) = char::from(d).to_digit(16) else {
                return Err(self.err(ErrorKind::Syntax));
            };
            n = n * 16 + v;
        }
        Ok(n)
    }

    /// A number (at `-` or its first digit). Checked as strictly as by
    /// `serde_json`, including its refusal of values beyond `f64`'s range.
    fn number(&mut self) -> Result<Number, Error> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let mut nonzero = false;
        match self.next() {
            None => return Err(self.err(ErrorKind::Eof)),
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_err(ErrorKind::Syntax));
                }
            }
            Some(b'1'..=b'9') => {
                nonzero = true;
                self.digits();
            }
            Some(_) => return Err(self.err(ErrorKind::Syntax)),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            let first = self.i;
            nonzero |= self.digits();
            if self.i == first {
                let kind = match self.peek() {
                    Some(_) => ErrorKind::Syntax,
                    None => ErrorKind::Eof,
                };
                return Err(self.peek_err(kind));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            let negative = self.peek() == Some(b'-');
            if let Some(b'-' | b'+') = self.peek() {
                self.i += 1;
            }
            let mut exp: i32 = match self.next() {
                None => return Err(self.err(ErrorKind::Eof)),
                Some(d @ b'0'..=b'9') => i32::from(d - b'0'),
                Some(_) => return Err(self.err(ErrorKind::Syntax)),
            };
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.i += 1;
                match exp
                    .checked_mul(10)
                    .and_then(|e| e.checked_add(i32::from(d - b'0')))
                {
                    Some(e) => exp = e,
                    // An exponent past i32: infinite unless the value is 0
                    // or the exponent negative (then it is 0, see Parts).
                    None if nonzero && !negative => return Err(self.err(ErrorKind::Syntax)),
                    None => {
                        self.digits();
                        break;
                    }
                }
            }
        }
        let text = self.text(start, self.i);
        if Parts::scan(text.as_bytes()).to_f64().is_none() {
            return Err(self.err(ErrorKind::Syntax));
        }
        Ok(Number(text.to_string()))
    }

    /// Skips decimal digits; true when one of them is not `0`.
    fn digits(&mut self) -> bool {
        let mut nonzero = false;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            nonzero |= d != b'0';
            self.i += 1;
        }
        nonzero
    }
}

/// A number taken apart the way `serde_json` reads it: the first digits
/// that fit a `u64`, and a power of ten.
struct Parts {
    positive: bool,
    /// Written without fraction or exponent, and fits a `u64`.
    integer: bool,
    significand: u64,
    exponent: i32,
}

impl Parts {
    /// The parts of a well-formed number.
    fn scan(text: &[u8]) -> Parts {
        let mut p = Parts {
            positive: text.first() != Some(&b'-'),
            integer: true,
            significand: 0,
            exponent: 0,
        };
        let mut iter = text
            .iter()
            .copied()
            .skip(usize::from(!p.positive))
            .peekable();
        while let Some(d @ b'0'..=b'9') = iter.peek().copied() {
            iter.next();
            // Once too long for a u64, further digits only scale the value.
            if !p.integer || !p.push_digit(d) {
                p.integer = false;
                p.exponent = p.exponent.saturating_add(1);
            }
        }
        if iter.peek() == Some(&b'.') {
            iter.next();
            p.integer = false;
            let mut room = true;
            while let Some(d @ b'0'..=b'9') = iter.peek().copied() {
                iter.next();
                room = room && p.push_digit(d);
                if room {
                    p.exponent -= 1;
                }
            }
        }
        if let Some(b'e' | b'E') = iter.peek() {
            iter.next();
            p.integer = false;
            let negative = iter.peek() == Some(&b'-');
            if matches!(iter.peek(), Some(b'-' | b'+')) {
                iter.next();
            }
            let mut exp: i32 = 0;
            for d in iter {
                match exp
                    .checked_mul(10)
                    .and_then(|e| e.checked_add(i32::from(d - b'0')))
                {
                    Some(e) => exp = e,
                    None => {
                        p.significand = 0;
                        break;
                    }
                }
            }
            p.exponent = if negative {
                p.exponent.saturating_sub(exp)
            } else {
                p.exponent.saturating_add(exp)
            };
        }
        p
    }

    /// Appends a decimal digit to the significand; false when it would
    /// overflow a `u64` (and then leaves it unchanged).
    fn push_digit(&mut self, d: u8) -> bool {
        match self
            .significand
            .checked_mul(10)
            .and_then(|s| s.checked_add(u64::from(d - b'0')))
        {
            Some(s) => {
                self.significand = s;
                true
            }
            None => false,
        }
    }

    /// The value as an `f64`; `None` when it is beyond `f64`'s range.
    fn to_f64(&self) -> Option<f64> {
        let mut f = self.significand as f64;
        let mut exp = self.exponent;
        if f != 0.0 {
            if exp > 308 {
                return None;
            }
            while exp < -308 && f != 0.0 {
                f /= 1e308;
                exp += 308;
            }
            if exp >= 0 {
                f *= 10f64.powi(exp);
            } else {
                f /= 10f64.powi(-exp);
            }
            if f.is_infinite() {
                return None;
            }
        }
        Some(if self.positive { f } else { -f })
    }
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
        let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
        let long_zeros = format!("1{}", "0".repeat(400));
        let long_fraction = format!("0.{}1", "0".repeat(400));
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
