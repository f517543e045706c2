//! Attachments as people read them: a file's size (`1.2 MB`) and kind
//! (`PDF`, `Word`).

/// A file size as people read it: `900 B`, `350 KB`, `1.2 MB`, `2.0 GB`.
pub fn file_size(bytes: u64) -> String {
    if bytes < 1 << 10 {
        format!("{bytes} B")
    } else if bytes < 1 << 20 {
        format!("{} KB", binary_fraction(bytes, 10, 0))
    } else if bytes < 1 << 30 {
        format!("{} MB", binary_fraction(bytes, 20, 1))
    } else {
        format!("{} GB", binary_fraction(bytes, 30, 1))
    }
}

/// `n / 2^shift` written with `decimals` (0 or 1) decimal places, rounded
/// half to even: exactly what `format!("{:.1}", n as f64 / 2^shift)` prints
/// (below 2^53), in integer arithmetic, because formatting an `f64` pulls
/// about 14 kB of float-printing code into the wasm.
pub fn binary_fraction(n: u64, shift: u32, decimals: u32) -> String {
    let scale = if decimals == 0 { 1 } else { 10 };
    let mask = (1u64 << shift) - 1;
    // n * scale / 2^shift without overflow: whole part and remainder apart.
    let part = (n & mask) * scale;
    let mut value = (n >> shift) * scale + (part >> shift);
    let rest = part & mask;
    let half = 1u64 << (shift - 1);
    if rest > half || (rest == half && value % 2 == 1) {
        value += 1;
    }
    if decimals == 0 {
        value.to_string()
    } else {
        format!("{}.{}", value / 10, value % 10)
    }
}

/// A short name for a file's kind, from its MIME type, else its URL's
/// extension: `PDF`, `Word`, `Excel`, `PPT`, `ZIP`, `JPG` ….
pub fn file_kind(mime: Option<&str>, url: &str) -> Option<String> {
    let m = mime.unwrap_or("").to_ascii_lowercase();
    let named = match m.as_str() {
        "application/pdf" => Some("PDF"),
        "application/msword"
        | "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => Some("Word"),
        "application/vnd.ms-excel"
        | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => Some("Excel"),
        "application/vnd.ms-powerpoint"
        | "application/vnd.openxmlformats-officedocument.presentationml.presentation" => {
            Some("PPT")
        }
        "application/zip" | "application/x-zip-compressed" => Some("ZIP"),
        "application/vnd.rar" | "application/x-rar-compressed" => Some("RAR"),
        "application/ofd" => Some("OFD"),
        _ => None,
    };
    if let Some(n) = named {
        return Some(n.to_string());
    }
    let path = url.split(['?', '#']).next().unwrap_or("");
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e)
        .filter(|e| !e.contains('/') && (1..=5).contains(&e.len()));
    if let Some(e) = ext {
        return Some(e.to_ascii_uppercase());
    }
    m.split_once('/')
        .map(|(_, sub)| sub.to_ascii_uppercase())
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_sizes_and_kinds() {
        assert_eq!(file_size(900), "900 B");
        assert_eq!(file_size(350 * 1024), "350 KB");
        assert_eq!(file_size(1_258_291), "1.2 MB");
        assert_eq!(file_size(3 << 30), "3.0 GB");
        assert_eq!(file_size(u64::MAX), "17179869184.0 GB");
        assert_eq!(file_kind(Some("application/pdf"), "x"), Some("PDF".into()));
        assert_eq!(
            file_kind(None, "https://x/附件.docx?v=1"),
            Some("DOCX".into())
        );
        assert_eq!(
            file_kind(
                Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                "a"
            ),
            Some("Excel".into())
        );
        assert_eq!(file_kind(None, "https://x/download"), None);
        assert_eq!(
            file_kind(Some("audio/mpeg"), "https://x/a"),
            Some("MPEG".into())
        );
    }

    #[test]
    fn binary_fractions_print_like_floats() {
        // Every rounding case, ties included, against float formatting.
        let float = |n: u64, shift: u32, decimals: u32| {
            let x = n as f64 / (1u64 << shift) as f64;
            if decimals == 0 {
                format!("{x:.0}")
            } else {
                format!("{x:.1}")
            }
        };
        let mut n: u64 = 1;
        while n < 1 << 40 {
            for m in [n, n + 1, n * 3 / 2, n + n / 20, n * 5 / 4, n * 7 / 5] {
                for (shift, decimals) in [(10, 0), (10, 1), (20, 1), (30, 1), (3, 0), (1, 0)] {
                    assert_eq!(
                        binary_fraction(m, shift, decimals),
                        float(m, shift, decimals),
                        "{m} >> {shift}, {decimals}"
                    );
                }
            }
            n = n * 3 / 2 + 1;
        }
        for m in (0..5000).map(|k| k * 52_429) {
            assert_eq!(binary_fraction(m, 20, 1), float(m, 20, 1), "{m}");
        }
        for m in 0..5000 {
            assert_eq!(binary_fraction(m, 10, 0), float(m, 10, 0), "{m}");
            assert_eq!(binary_fraction(m, 4, 1), float(m, 4, 1), "{m}");
        }
    }
}
