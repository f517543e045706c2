//! Numbers as `serde_json` reads them, for the checks the reader makes
//! (finite, in range) and for [`super::Number::to_u64`].

/// A number taken apart the way `serde_json` reads it: the first digits
/// that fit a `u64`, and a power of ten.
pub(super) struct Parts {
    pub positive: bool,
    /// Written without fraction or exponent, and fits a `u64`.
    pub integer: bool,
    pub significand: u64,
    exponent: i32,
}

impl Parts {
    /// The parts of a well-formed number.
    pub fn scan(text: &[u8]) -> Parts {
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
    pub fn to_f64(&self) -> Option<f64> {
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
