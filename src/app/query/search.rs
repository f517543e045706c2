//! Search: character folding, a precomputed index, the matcher, and match
//! ranges for highlighting. Plain Rust, no DOM.
//!
//! Chinese needs no word segmentation for this: a term matches when it is a
//! substring of a field. Full-width and half-width forms fold together
//! (ＡＢＣ = abc, ２０１９ = 2019) and letters fold to lower case, one
//! character to one character, so a match in the folded text is a match at
//! the same character positions of the original (which highlighting needs).

use crate::model::feed::Bulletin;
use crate::model::host;
use std::rc::Rc;

/// Separates fields in the index: it never appears in a folded query, so a
/// term can never match across the end of one field and the start of the next.
const FIELD_SEPARATOR: char = '\u{1}';

/// Folds what needs no table: full-width ASCII → ASCII, the ideographic
/// space → space, ASCII letters → lower case. The rest of the lower case is
/// [`lower_cased`]'s.
fn fold_width(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// Whether `c` may have a lower case other than itself. ASCII is folded
/// already, and the blocks skipped here (punctuation, symbols, CJK, kana,
/// Hangul: most of a Chinese text) have no cased letter (a test checks
/// every one of their characters), so most text never asks the host.
fn may_have_case(c: char) -> bool {
    !matches!(c,
        '\0'..='\u{7F}'
        | '\u{2000}'..='\u{20FF}'
        | '\u{2190}'..='\u{24B5}'
        | '\u{2500}'..='\u{2BFF}'
        | '\u{2E80}'..='\u{A63F}'
        | '\u{A800}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FFFF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// `chars` with every letter in lower case, one character to one character
/// (a letter whose lower case is two characters, like İ, stays): the
/// standard's table natively, the browser's in the widget ([`host`]).
fn lower_cased(chars: &mut [char]) {
    let at: Vec<usize> = (0..chars.len())
        .filter(|&i| may_have_case(chars[i]))
        .collect();
    if at.is_empty() {
        return;
    }
    let mut cased: Vec<char> = at.iter().map(|&i| chars[i]).collect();
    host::lower_each(&mut cased);
    for (i, c) in at.into_iter().zip(cased) {
        chars[i] = c;
    }
}

/// Folds characters: [`fold_width`], then [`lower_cased`]. One character
/// to one character, so positions in the folded text are positions in the
/// original.
fn fold_chars(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut folded: Vec<char> = chars.map(fold_width).collect();
    lower_cased(&mut folded);
    folded
}

/// Folds a whole string (character for character).
pub fn fold(s: &str) -> String {
    fold_chars(s.chars()).into_iter().collect()
}

/// A parsed query: the folded, non-empty, space-separated terms, all required.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    /// Parses what the reader typed. Full-width spaces separate terms too;
    /// control characters are dropped; at most 16 terms of 64 characters
    /// each are kept (more cannot help and would only cost time).
    pub fn parse(raw: &str) -> Query {
        let folded: String = fold_chars(raw.chars().filter(|c| !c.is_control()))
            .into_iter()
            .collect();
        let mut terms: Vec<String> = Vec::new();
        for t in folded.split_whitespace().take(16) {
            let t: String = t.chars().take(64).collect();
            if !terms.contains(&t) {
                terms.push(t);
            }
        }
        // A term inside another is implied by it: keep the longer ones only.
        let all = terms.clone();
        terms.retain(|t| !all.iter().any(|o| o != t && o.contains(t.as_str())));
        Query { terms }
    }

    /// No terms: everything matches.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The folded terms.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Whether some term occurs in `text` (not folded): whether
    /// [`highlight`] marks anything in it.
    pub fn marks(&self, text: &str) -> bool {
        !self.terms.is_empty() && {
            let folded = fold(text);
            self.terms.iter().any(|t| folded.contains(t.as_str()))
        }
    }

    /// Whether every term occurs in `haystack` (already folded).
    pub fn matches(&self, haystack: &str) -> bool {
        self.terms.iter().all(|t| haystack.contains(t.as_str()))
    }
}

/// The searchable text of every bulletin, folded once when the feed loads,
/// so a keystroke only scans, never re-folds.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SearchIndex {
    haystacks: Vec<Box<str>>,
}

impl SearchIndex {
    /// Builds the index over title, summary, text, department, category,
    /// reporter, photographer, document number, the 信息公开 fields (索引号,
    /// 主题分类, 来源, and 有效性 by its label in every language) and tags.
    pub fn build(items: &[Rc<Bulletin>]) -> SearchIndex {
        let haystacks = items
            .iter()
            .map(|b| {
                let body = b.body_paragraphs().join("\n");
                let fields: [&str; 11] = [
                    b.title.as_deref().unwrap_or(""),
                    // (A summary made from the body is in `body` already.)
                    b.given_summary.as_deref().unwrap_or(""),
                    &body,
                    b.district.department.as_deref().unwrap_or(""),
                    &b.district.category,
                    b.district.reporter.as_deref().unwrap_or(""),
                    b.district.photographer.as_deref().unwrap_or(""),
                    b.district.doc_number.as_deref().unwrap_or(""),
                    b.public.index_number.as_deref().unwrap_or(""),
                    b.public.subject.as_deref().unwrap_or(""),
                    b.district.source.as_deref().unwrap_or(""),
                ];
                let validity = b.public.validity.into_iter().flat_map(|v| {
                    crate::app::i18n::LANGS
                        .iter()
                        .map(move |l| l.messages().validity[v.index()])
                });
                let mut h = String::with_capacity(fields.iter().map(|f| f.len() + 1).sum());
                for f in fields
                    .iter()
                    .copied()
                    .chain(validity)
                    .chain(b.tags.iter().map(String::as_str))
                {
                    // Control characters inside a field must not act as separators either.
                    h.extend(f.chars().map(|c| if c.is_control() { ' ' } else { c }));
                    h.push(FIELD_SEPARATOR);
                }
                // Folded at once: one question to the host per item at most.
                fold(&h).into_boxed_str()
            })
            .collect();
        SearchIndex { haystacks }
    }

    /// Number of indexed items.
    pub fn len(&self) -> usize {
        self.haystacks.len()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.haystacks.is_empty()
    }

    /// Whether item `i` matches `q` (false for an index out of range).
    pub fn matches(&self, i: usize, q: &Query) -> bool {
        self.haystacks.get(i).is_some_and(|h| q.matches(h))
    }

    /// Indices of the items among `candidates` that match `q`.
    pub fn filter(&self, q: &Query, candidates: impl Iterator<Item = usize>) -> Vec<usize> {
        candidates.filter(|&i| self.matches(i, q)).collect()
    }
}

/// Remembers the last search so that typing further (the new text extends
/// the old) only re-checks the previous hits instead of every item.
#[derive(Debug, Default)]
pub struct SearchCache {
    raw: String,
    hits: Rc<Vec<usize>>,
    /// The index the hits belong to.
    index: Option<Rc<SearchIndex>>,
}

impl SearchCache {
    /// Indices of all items matching `raw`, reusing the last answer when it
    /// is a superset (same index, and `raw` extends the last query).
    pub fn search(&mut self, index: &Rc<SearchIndex>, raw: &str) -> Rc<Vec<usize>> {
        let q = Query::parse(raw);
        let same_index = self.index.as_ref().is_some_and(|i| Rc::ptr_eq(i, index));
        if q.is_empty() {
            *self = SearchCache::default();
            return Rc::new((0..index.len()).collect());
        }
        if same_index && raw == self.raw {
            return self.hits.clone();
        }
        // Extending the text can only narrow the result: every old term is
        // still (a prefix of) a term of the new query.
        let narrowing = same_index && !self.raw.is_empty() && raw.starts_with(&self.raw);
        let hits = if narrowing {
            index.filter(&q, self.hits.iter().copied())
        } else {
            index.filter(&q, 0..index.len())
        };
        self.raw = raw.to_string();
        self.hits = Rc::new(hits);
        self.index = Some(index.clone());
        self.hits.clone()
    }
}

/// Splits `text` into runs, marking the runs that match a term of `q`
/// (`true`): the caller renders marked runs in `<mark>`, as text.
pub fn highlight(text: &str, q: &Query) -> Vec<(String, bool)> {
    if q.is_empty() || text.is_empty() {
        return vec![(text.to_string(), false)];
    }
    let chars: Vec<char> = text.chars().collect();
    let folded = fold_chars(chars.iter().copied());
    let mut marked = vec![false; chars.len()];
    for term in q.terms() {
        let t: Vec<char> = term.chars().collect();
        if t.is_empty() || t.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - t.len() {
            if folded[start..start + t.len()] == t[..] {
                marked[start..start + t.len()]
                    .iter_mut()
                    .for_each(|m| *m = true);
            }
        }
    }
    let mut runs: Vec<(String, bool)> = Vec::new();
    for (c, m) in chars.into_iter().zip(marked) {
        match runs.last_mut() {
            Some((s, last)) if *last == m => s.push(c),
            _ => runs.push((c.to_string(), m)),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feed::parse_feed;

    fn items(json_items: &str) -> Rc<[Rc<Bulletin>]> {
        let json =
            format!(r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{json_items}]}}"#);
        parse_feed(json.as_bytes()).expect("feed").items
    }

    #[test]
    fn folding_width_and_case() {
        assert_eq!(fold("ＡＢＣ　２０１９ Xyz"), "abc 2019 xyz");
        assert_eq!(fold("扬尘"), "扬尘");
        assert_eq!(fold("ÄÖ"), "äö");
        // One character in, one character out (İ lowercases to two).
        assert_eq!(fold("İ").chars().count(), 1);
        assert_eq!(fold("ΟΔΟΣ Ⅻ Ⓐ"), "οδοσ ⅻ ⓐ");
    }

    #[test]
    fn the_blocks_never_asked_have_no_lower_case() {
        let skipped = (0..=0x3FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| !may_have_case(c));
        for c in skipped {
            if c.is_ascii() {
                continue;
            }
            let lower: String = c.to_lowercase().collect();
            assert_eq!(lower, c.to_string(), "U+{:04X}", c as u32);
        }
        // And letters of the scripts feeds mix in are asked.
        for c in ['é', 'Σ', 'Ж', 'Ⓐ', 'Ⅻ', 'Ａ'] {
            assert!(may_have_case(c) || fold_width(c) != c, "{c}");
        }
    }

    #[test]
    fn query_parsing() {
        assert_eq!(Query::parse("  工地　扬尘 ").terms(), ["工地", "扬尘"]);
        assert_eq!(Query::parse("ＰＭ2.5").terms(), ["pm2.5"]);
        assert!(Query::parse(" \u{3000}\t").is_empty());
        // Repeated and implied terms collapse.
        assert_eq!(Query::parse("工地 工地 工").terms(), ["工地"]);
        assert_eq!(Query::parse("a\u{0}b").terms(), ["ab"]);
    }

    #[test]
    fn matching_all_fields_and_all_terms() {
        let it = items(
            r#"{"id":"1","title":"高新区督查工地","content_text":"减少扬尘污染","_district":{"department":"环保安监局","category":"生态环保","reporter":"孙庆辉"}},
               {"id":"2","title":"ＰＭ２.５ 通报","content_text":"空气质量"},
               {"id":"3","title":"Road WORKS","tags":["交通"],"_district":{"doc_number":"郑高〔2019〕12号"}}"#,
        );
        let idx = SearchIndex::build(&it);
        let hits = |q: &str| idx.filter(&Query::parse(q), 0..idx.len());
        assert_eq!(hits("工地"), [0]);
        assert_eq!(hits("工地 扬尘"), [0]);
        assert_eq!(hits("工地 空气"), Vec::<usize>::new());
        assert_eq!(hits("环保安监"), [0]);
        assert_eq!(hits("孙庆辉"), [0]);
        assert_eq!(hits("pm2.5"), [1]);
        assert_eq!(hits("ＲＯＡＤ works"), [2]);
        assert_eq!(hits("交通"), [2]);
        assert_eq!(hits("〔2019〕12"), [2]);
        assert_eq!(hits(""), [0, 1, 2]);
    }

    #[test]
    fn public_document_fields_are_searched() {
        let it = items(
            r#"{"id":"1","title":"办法","_district":{"index_number":"11410100MB/2024-00123","subject":"城乡建设、环境保护","validity":"repealed","source":"区住房和城乡建设局"}},
               {"id":"2","title":"规定","_district":{"validity":"expired","subject":"财政"}},
               {"id":"3","title":"意见","_district":{"validity":"valid"}},
               {"id":"4","title":"[置顶]停水通知"}"#,
        );
        let idx = SearchIndex::build(&it);
        let hits = |q: &str| idx.filter(&Query::parse(q), 0..idx.len());
        assert_eq!(hits("2024-00123"), [0]);
        assert_eq!(hits("11410100mb"), [0]);
        assert_eq!(hits("环境保护"), [0]);
        assert_eq!(hits("住房和城乡建设局"), [0]);
        assert_eq!(hits("已废止"), [0]);
        assert_eq!(hits("Repealed"), [0]);
        assert_eq!(hits("已失效"), [1]);
        assert_eq!(hits("expired 财政"), [1]);
        assert_eq!(hits("有效"), [2]);
        // The title's 置顶 prefix is a mark, not text.
        assert_eq!(hits("置顶"), Vec::<usize>::new());
        assert_eq!(hits("停水"), [3]);
    }

    #[test]
    fn no_false_hits_across_field_boundaries() {
        // Title ends with "工", text starts with "地": "工地" is in neither.
        let it = items(
            r#"{"id":"1","title":"督查施工","content_text":"地块整治","_district":{"department":"环保局","category":"局内"}}"#,
        );
        let idx = SearchIndex::build(&it);
        assert!(!idx.matches(0, &Query::parse("工地")));
        assert!(!idx.matches(0, &Query::parse("局局")));
        assert!(idx.matches(0, &Query::parse("施工")));
    }

    #[test]
    fn cache_narrows_when_typing_on_and_restarts_otherwise() {
        let it = items(
            r#"{"id":"1","title":"工地扬尘"},{"id":"2","title":"工地安全"},{"id":"3","title":"扬尘治理"}"#,
        );
        let idx = Rc::new(SearchIndex::build(&it));
        let mut cache = SearchCache::default();
        assert_eq!(*cache.search(&idx, "工"), [0, 1]);
        assert_eq!(*cache.search(&idx, "工地"), [0, 1]);
        assert_eq!(*cache.search(&idx, "工地 扬"), [0]);
        // Deleting characters widens again.
        assert_eq!(*cache.search(&idx, "工地"), [0, 1]);
        assert_eq!(*cache.search(&idx, "扬尘"), [0, 2]);
        assert_eq!(*cache.search(&idx, ""), [0, 1, 2]);
        // A new index is never answered from the old one's hits.
        let idx2 = Rc::new(SearchIndex::build(&it[2..]));
        assert_eq!(*cache.search(&idx2, "扬尘"), [0]);
    }

    #[test]
    fn marks_says_whether_highlight_marks_anything() {
        let q = Query::parse("ａｂ 扬尘");
        for (text, marked) in [
            ("AB 通知", true),
            ("减少扬尘", true),
            ("道路保洁", false),
            ("", false),
        ] {
            assert_eq!(q.marks(text), marked, "{text}");
            assert_eq!(
                highlight(text, &q).iter().any(|(_, hit)| *hit),
                marked,
                "{text}"
            );
        }
        assert!(
            !Query::parse("").marks("anything"),
            "no search marks nothing"
        );
    }

    #[test]
    fn highlight_runs_map_back_to_the_original_text() {
        let q = Query::parse("ａｂ 扬尘");
        let runs = highlight("ABc减少扬尘污染AB", &q);
        assert_eq!(
            runs,
            [
                ("AB".to_string(), true),
                ("c减少".to_string(), false),
                ("扬尘".to_string(), true),
                ("污染".to_string(), false),
                ("AB".to_string(), true),
            ]
        );
        assert_eq!(highlight("无匹配", &q), [("无匹配".to_string(), false)]);
        assert_eq!(highlight("", &q), [(String::new(), false)]);
        // Markup in the text is just text.
        assert_eq!(
            highlight("<b>扬尘</b>", &q),
            [
                ("<b>".to_string(), false),
                ("扬尘".to_string(), true),
                ("</b>".to_string(), false)
            ]
        );
    }
}
