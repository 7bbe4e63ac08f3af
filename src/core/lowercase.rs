//! Lower-casing page text before it is matched against the rule tables.
//!
//! `str::to_lowercase` covers all of Unicode, and its tables add about 8 KB (gzipped) to what
//! every AliExpress page loads. The page text is only ever lower-cased to be compared with the
//! rule tables, which are written in the scripts AliExpress's languages use: Latin (with its
//! accented letters), Greek, Cyrillic, full-width Latin, and Hangul, which has no case. So
//! this covers those scripts and leaves every other character as it is.
//!
//! Tests hold it to the standard library: over all of Unicode, a character either lower-cases
//! as `to_lowercase` does, or lies outside the scripts above; and every letter the rule
//! tables use is reached from each of its capitals.

/// `text` in lower case, for matching against the rule tables (see the module comment).
pub fn lower(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

/// One character in lower case; characters outside the covered scripts are returned as they are.
pub fn lower_char(c: char) -> char {
    let code = c as u32;
    // In the alternating ranges, capitals sit on even code points and small letters on odd
    // ones, or the other way round.
    let even = code & 1 == 0;
    let lowered = match code {
        // Basic Latin and Latin-1: A–Z, À–Ö, Ø–Þ.
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => code + 0x20,
        // Latin Extended-A: capitals and small letters alternate. The dotted capital I
        // (U+0130) becomes a plain `i`: `to_lowercase` gives `i` and a combining dot.
        0x130 => 0x69,
        0x100..=0x137 | 0x14A..=0x177 if even => code + 1,
        0x139..=0x148 | 0x179..=0x17E if !even => code + 1,
        0x178 => 0xFF,
        // Greek, with its accented capitals.
        0x386 => 0x3AC,
        0x388..=0x38A => code + 37,
        0x38C => 0x3CC,
        0x38E..=0x38F => code + 63,
        0x391..=0x3A1 | 0x3A3..=0x3AB => code + 0x20,
        // Cyrillic: Ѐ–Џ, А–Я, then the alternating letters of other Cyrillic languages.
        0x400..=0x40F => code + 0x50,
        0x410..=0x42F => code + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if even => code + 1,
        0x4C0 => 0x4CF,
        0x4C1..=0x4CE if !even => code + 1,
        // Latin Extended Additional (Vietnamese and others), the letters that alternate.
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if even => code + 1,
        // The letter-like signs whose lower case is a letter: Ohm, Kelvin, Ångström.
        0x2126 => 0x3C9,
        0x212A => 0x6B,
        0x212B => 0xE5,
        // Full-width Latin, used on East Asian pages.
        0xFF21..=0xFF3A => code + 0x20,
        _ => code,
    };
    char::from_u32(lowered).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks `lower_char` claims to cover, as it must agree with the standard library there.
    const COVERED: &[(u32, u32)] = &[
        (0x0000, 0x024F),
        (0x0370, 0x03FF),
        (0x0400, 0x052F),
        (0x1E00, 0x1EFF),
        (0x2126, 0x212B),
        (0xFF00, 0xFFEF),
    ];

    /// Capitals in the covered blocks whose lower case is left alone: rare letters of
    /// Latin Extended-B, Greek and Cyrillic that no AliExpress language uses. Checked below
    /// to be exactly the characters where the two disagree.
    fn left_alone(code: u32) -> bool {
        (0x0180..=0x024F).contains(&code)
            || (0x0370..=0x0385).contains(&code)
            || (0x03CF..=0x03FF).contains(&code)
            || code == 0x1E9E
    }

    fn std_lower(c: char) -> Option<char> {
        let mut lowered = c.to_lowercase();
        match (lowered.next(), lowered.next()) {
            (Some(one), None) => Some(one),
            _ => None,
        }
    }

    #[test]
    fn agrees_with_the_standard_library_on_the_covered_scripts() {
        for &(start, end) in COVERED {
            for code in start..=end {
                let Some(c) = char::from_u32(code) else {
                    continue;
                };
                let ours = lower_char(c);
                match std_lower(c) {
                    Some(theirs) if theirs == ours => {}
                    Some(theirs) => assert!(
                        left_alone(code) && ours == c,
                        "U+{code:04X}: ours {ours:?}, std {theirs:?}"
                    ),
                    // Only the dotted capital I lower-cases to two characters here.
                    None => assert_eq!((code, ours), (0x130, 'i')),
                }
            }
        }
    }

    #[test]
    fn leaves_everything_else_as_it_is() {
        for code in 0..=0x10FFFF {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if !COVERED.iter().any(|&(s, e)| (s..=e).contains(&code)) {
                assert_eq!(lower_char(c), c, "U+{code:04X}");
            }
        }
    }

    /// Every letter the rule tables are written with is reached from each of its capitals,
    /// so page text in any case matches them. The tables are read from their source, so a
    /// new table entry in a new script fails here until `lower_char` covers it.
    #[test]
    fn reaches_every_letter_the_rule_tables_use() {
        let sources = [
            include_str!("status.rs"),
            include_str!("date.rs"),
            include_str!("asset_rules.rs"),
            include_str!("guide_rules.rs"),
            include_str!("guide.rs"),
            include_str!("money_left.rs"),
            include_str!("list_rules.rs"),
            include_str!("page_rules.rs"),
        ];
        let used: std::collections::BTreeSet<char> =
            sources.iter().flat_map(|s| s.chars()).collect();
        for code in 0..=0x10FFFF {
            let Some(capital) = char::from_u32(code) else {
                continue;
            };
            if let Some(small) = std_lower(capital).filter(|l| *l != capital && used.contains(l)) {
                assert_eq!(lower_char(capital), small, "U+{code:04X} {capital}");
            }
        }
    }

    #[test]
    fn lowers_page_text_in_the_sites_languages() {
        assert_eq!(lower("TERMINÉ"), "terminé");
        assert_eq!(lower("ZAKOŃCZONE"), "zakończone");
        assert_eq!(lower("Завершено"), "завершено");
        assert_eq!(lower("ERSTATTUNG LÄUFT"), "erstattung läuft");
        assert_eq!(lower("주문 완료"), "주문 완료");
        assert_eq!(lower("ＡＢＣ"), "ａｂｃ");
        assert_eq!(lower("已完成"), "已完成");
    }
}
