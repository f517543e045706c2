//! The reader proper: one pass over the bytes, a value at a time, with
//! `serde_json`'s error positions.

use super::{Error, ErrorKind, Map, Number, Parts, Value, MAX_DEPTH};

/// Reads JSON from `text`, byte by byte.
pub(super) struct Reader<'a> {
    text: &'a str,
    /// `text` as bytes: JSON's syntax is all ASCII.
    s: &'a [u8],
    /// The next byte to read.
    i: usize,
    /// Arrays and objects open around the current position.
    depth: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            s: text.as_bytes(),
            i: 0,
            depth: 0,
        }
    }

    /// One value that fills all of the text (whitespace around it allowed).
    pub fn whole(mut self) -> Result<Value, Error> {
        let value = self.value()?;
        match self.skip_ws() {
            Some(_) => Err(self.peek_err(ErrorKind::Syntax)),
            None => Ok(value),
        }
    }

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
