//! The three tables reading feeds and their text needs, from whoever has them
//! already: decoding a legacy encoding (GBK, GB18030, Big5 …: the feed
//! reader's one decoding step), the names of HTML's character references
//! (all 2,125 of HTML5's: the RSS/Atom repair and the text reading of HTML)
//! and Unicode's lower case (the search's folding). In the browser, the
//! browser's own (`TextDecoder`, its HTML parser, `String.toLowerCase`): the
//! tables would cost the widget over 100 kB of wasm (the lower case alone,
//! 4 kB brotli). Natively (the webmaster's command, tests), crates and the
//! standard library: `encoding_rs` (the decoder Firefox uses, on the same
//! WHATWG Encoding Standard as `TextDecoder`), `htmlize`'s table (built from
//! the WHATWG's entities.json) and `char::to_lowercase`. The browser tests
//! check both sides agree on every entity name, on the GBK fixtures and on
//! lower case.

/// `bytes` decoded from the encoding `label` names (a WHATWG label:
/// `gb2312`, `gbk`, `gb18030`, `big5`, `iso-8859-1` …), bytes it cannot
/// decode as U+FFFD; `None` when the label names no encoding.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(label: &str, bytes: &[u8]) -> Option<String> {
    let encoding = encoding_rs::Encoding::for_label(label.as_bytes())?;
    Some(encoding.decode_without_bom_handling(bytes).0.into_owned())
}

/// `bytes` decoded from the encoding `label` names (a WHATWG label:
/// `gb2312`, `gbk`, `gb18030`, `big5`, `iso-8859-1` …), bytes it cannot
/// decode as U+FFFD; `None` when the label names no encoding.
#[cfg(target_arch = "wasm32")]
pub fn decode(label: &str, bytes: &[u8]) -> Option<String> {
    web_sys::TextDecoder::new_with_label(label)
        .and_then(|d| d.decode_with_u8_array(bytes))
        .ok()
}

/// What HTML's named character reference `&name;` stands for (one or two
/// characters), `None` when HTML has no such name. Names are case-sensitive
/// (`&Auml;` is not `&auml;`).
#[cfg(not(target_arch = "wasm32"))]
pub fn entity(name: &str) -> Option<String> {
    let written = format!("&{name};");
    let chars = htmlize::ENTITIES.get(written.as_bytes())?;
    String::from_utf8(chars.to_vec()).ok()
}

/// What HTML's named character reference `&name;` stands for (one or two
/// characters), `None` when HTML has no such name. Names are case-sensitive
/// (`&Auml;` is not `&auml;`).
///
/// The browser's HTML parser reads `<p>&name;</p>`. It also reads a name
/// that merely starts with a legacy entity (`&notit;` is `¬it;`): such
/// readings keep more than two characters and are refused, so only whole
/// names count (every HTML entity is one or two characters).
///
/// Each name is asked of the parser once (a body repeats `&nbsp;` hundreds
/// of times): the answers are kept, up to [`REMEMBERED`] names.
#[cfg(target_arch = "wasm32")]
pub fn entity(name: &str) -> Option<String> {
    // Only names the caller checked (ASCII letters and digits) get here:
    // nothing else can be written into the markup.
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    thread_local! {
        static KNOWN: std::cell::RefCell<Vec<(String, Option<String>)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    if let Some(chars) =
        KNOWN.with_borrow(|k| k.iter().find(|(n, _)| n == name).map(|(_, c)| c.clone()))
    {
        return chars;
    }
    let chars = parse_entity(name);
    KNOWN.with_borrow_mut(|k| {
        if k.len() < REMEMBERED {
            k.push((name.to_string(), chars.clone()));
        }
    });
    chars
}

/// How many entity names [`entity`] remembers (a feed could write
/// thousands of made-up ones).
#[cfg(target_arch = "wasm32")]
const REMEMBERED: usize = 256;

/// `&name;` as the browser's HTML parser reads it.
#[cfg(target_arch = "wasm32")]
fn parse_entity(name: &str) -> Option<String> {
    let written = format!("&{name};");
    let doc = web_sys::DomParser::new()
        .and_then(|p| {
            p.parse_from_string(
                &format!("<!doctype html><p>{written}</p>"),
                web_sys::SupportedType::TextHtml,
            )
        })
        .ok()?;
    let text = doc.body()?.text_content()?;
    let chars = text.chars().count();
    (text != written && (1..=2).contains(&chars)).then_some(text)
}

/// Each of `chars` in lower case when that is one character, else as it
/// was (İ lowers to two): Unicode's default mapping of each character alone,
/// with no context (Σ is σ, never the final ς).
#[cfg(not(target_arch = "wasm32"))]
pub fn lower_each(chars: &mut [char]) {
    for c in chars {
        let mut lower = c.to_lowercase();
        if let (Some(l), None) = (lower.next(), lower.next()) {
            *c = l;
        }
    }
}

/// Each of `chars` in lower case when that is one character, else as it
/// was (İ lowers to two): Unicode's default mapping of each character alone,
/// with no context (Σ is σ, never the final ς).
///
/// One call to the browser for all of them: each character is followed by
/// U+0001, which is neither cased nor case-ignorable, so no character's
/// mapping sees another's (the final-sigma rule never applies), and the
/// pieces split apart again at it.
#[cfg(target_arch = "wasm32")]
pub fn lower_each(chars: &mut [char]) {
    let mut joined = String::with_capacity(chars.len() * 4);
    for &c in chars.iter() {
        joined.push(c);
        joined.push('\u{1}');
    }
    let lower = String::from(js_sys::JsString::from(joined.as_str()).to_lower_case());
    for (c, piece) in chars.iter_mut().zip(lower.split('\u{1}')) {
        let mut one = piece.chars();
        if let (Some(l), None) = (one.next(), one.next()) {
            *c = l;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn entities_of_html5() {
        assert_eq!(entity("raquo").as_deref(), Some("»"));
        assert_eq!(entity("yen").as_deref(), Some("¥"));
        assert_eq!(entity("sup2").as_deref(), Some("²"));
        assert_eq!(entity("NotEqualTilde").as_deref(), Some("\u{2242}\u{338}"));
        assert_eq!(entity("Rarr").as_deref(), Some("↠"));
        assert_eq!(entity("Auml").as_deref(), Some("Ä"));
        assert_eq!(entity("auml").as_deref(), Some("ä"));
        assert_eq!(entity("Raquo"), None);
        assert_eq!(entity("notit"), None);
        assert_eq!(entity(""), None);
    }

    #[test]
    fn lower_case_one_character_each() {
        let mut chars: Vec<char> = "ÄÖÉΣΟΔΟΣЖİK中".chars().collect();
        lower_each(&mut chars);
        // İ would lower to two characters (i and a dot above): kept.
        assert_eq!(chars.iter().collect::<String>(), "äöéσοδοσжİk中");
    }

    #[test]
    fn legacy_encodings() {
        // "中文" in GBK.
        assert_eq!(
            decode("gb2312", b"\xD6\xD0\xCE\xC4").as_deref(),
            Some("中文")
        );
        assert_eq!(decode("GBK", b"a\xFF").as_deref(), Some("a\u{FFFD}"));
        assert_eq!(decode("klingon", b"a"), None);
    }
}
