//! Name folding: the normal forms names are indexed and looked up under.
//!
//! Two levels, because spelling differences in news come in two strengths:
//! - [`fold`] erases what never distinguishes two places (case, diacritics, dots, apostrophes,
//!   hyphens, a leading "the"), so "U.S." = "US" and "Côte d'Ivoire" = "Cote dIvoire".
//! - [`variant_key`] additionally merges romanisation variants ("Blagoveschensk" =
//!   "Blagoveshchensk", "Tsiolkovsky" = "Tsiolkovskiy") and spacing ("Ha Noi" = "Hanoi"). It
//!   merges more than it should now and then, so a match through it is reported as
//!   [`super::MatchKind::Variant`] and the resolver scores it lower.

use std::borrow::Cow;

/// Folds a place name to the exact key it is indexed under.
///
/// - transliterated to ASCII: diacritics dropped (é → e, ł → l, ø → o) and ligatures expanded
///   (ß → ss, æ → ae); other scripts are romanised too ("Москва" → "moskva"), though the
///   index keeps Latin-script names only;
/// - lower case;
/// - dots and apostrophes removed without a trace, so "U.S." = "US", "St.Louis" = "stlouis" and
///   "oblast'" = "oblast";
/// - "&" read as "and"; hyphens and every other punctuation mark become a space, so
///   "Kim Jong-un" = "Kim Jong Un";
/// - whitespace collapsed; a run of single letters joined ("U. S." = "US");
/// - a leading "the" dropped ("The Hague" = "Hague"; both sides fold the same).
///
/// # Examples
/// ```
/// use newsmap::gazetteer::fold;
/// assert_eq!(fold("U.S."), fold("US"));
/// assert_eq!(fold("The Hague"), "hague");
/// assert_eq!(fold("Łódź"), "lodz");
/// ```
pub fn fold(name: &str) -> String {
    let ascii = deunicode::deunicode_with_tofu(name, " ");
    let mut spaced = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        match c {
            'a'..='z' | '0'..='9' => spaced.push(c),
            'A'..='Z' => spaced.push(c.to_ascii_lowercase()),
            // Dots join ("U.S."); apostrophes and their look-alikes join ("oblast'", "O'Hare").
            '.' | '\'' | '`' | '"' | '^' => {}
            '&' => spaced.push_str(" and "),
            _ => spaced.push(' '),
        }
    }
    let mut tokens: Vec<&str> = spaced.split_whitespace().collect();
    if tokens.len() > 1 && tokens[0] == "the" {
        tokens.remove(0);
    }
    let mut out = String::with_capacity(spaced.len());
    let mut previous_single = false;
    for token in tokens {
        let single = token.len() == 1 && token.as_bytes()[0].is_ascii_alphabetic();
        if !(out.is_empty() || single && previous_single) {
            out.push(' ');
        }
        out.push_str(token);
        previous_single = single;
    }
    out
}

/// Transliteration spellings of one consonant ("Blagoveshchensk" = "Blagoveschensk").
const CONSONANT_SPELLINGS: [(&str, &str); 4] =
    [("shch", "sch"), ("kh", "h"), ("dzh", "j"), ("dj", "j")];

/// Adjectival endings read as one "-y" ("Vostochnyy" = "Vostochny").
const Y_ENDINGS: [&str; 6] = ["iy", "yy", "ij", "ii", "yj", "yi"];

/// Spellings of the iotated vowels ("Yakutsk" = "Iakutsk", "Yoshkar-Ola" = "Ioshkar-Ola").
const Y_AND_J_SPELLINGS: [(&str, &str); 8] = [
    ("ya", "ia"),
    ("ja", "ia"),
    ("yu", "iu"),
    ("ju", "iu"),
    ("yo", "io"),
    ("jo", "io"),
    ("ye", "e"),
    ("je", "e"),
];

/// Loosens an exact key from [`fold`] into a variant key that merges common romanisation
/// variants of Cyrillic, Arabic and other names, and ignores spacing.
///
/// Applied per word, in order:
/// - abbreviations spelled out: "st" → "saint", "ste" → "sainte", "mt" → "mount", "ft" → "fort";
/// - "shch" → "sch" (Blagoveshchensk / Blagoveschensk), "kh" → "h" (Kharkiv / Harkiv),
///   "dzh" and "dj" → "j" (Dzhambul / Jambul, Djibouti / Jibouti);
/// - adjective endings: "-iy", "-yy", "-ij", "-ii", "-yj", "-yi" → "-y", then "-ski" → "-sky"
///   (Tsiolkovskiy / Tsiolkovskij / Tsiolkovski / Tsiolkovsky);
/// - iotated vowels: "ya"/"ja" → "ia", "yu"/"ju" → "iu", "yo"/"jo" → "io", "ye"/"je" → "e"
///   (Amurskaya / Amurskaja, Yekaterinburg / Ekaterinburg);
/// - doubled letters single (Tallinn / Tallin);
///
/// then the words are joined without spaces ("Ha Noi" / "Hanoi", "Jong Un" / "Jongun").
///
/// # Examples
/// ```
/// use newsmap::gazetteer::{fold, variant_key};
/// assert_eq!(variant_key(&fold("Blagoveschensk")), variant_key(&fold("Blagoveshchensk")));
/// assert_eq!(variant_key(&fold("Tsiolkovsky")), variant_key(&fold("Tsiolkovskiy")));
/// ```
pub fn variant_key(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(' ') {
        let word = match word {
            "st" => "saint",
            "ste" => "sainte",
            "mt" => "mount",
            "ft" => "fort",
            other => other,
        };
        // Borrowed until a rule changes it: most words are left as they are.
        let mut w = Cow::Borrowed(word);
        // Each of these patterns has an h or a j.
        if w.contains(['h', 'j']) {
            for (from, to) in CONSONANT_SPELLINGS {
                replace_all(&mut w, from, to);
            }
        }
        for ending in Y_ENDINGS {
            if w.len() > ending.len() + 2 && w.ends_with(ending) {
                let owned = w.to_mut();
                owned.truncate(owned.len() - ending.len());
                owned.push('y');
                break;
            }
        }
        if w.len() > 4 && w.ends_with("ski") {
            let owned = w.to_mut();
            owned.pop();
            owned.push('y');
        }
        // Each of these patterns has a y or a j (looked for again: the rules above add some).
        if w.contains(['y', 'j']) {
            for (from, to) in Y_AND_J_SPELLINGS {
                replace_all(&mut w, from, to);
            }
        }
        let mut last = None;
        for c in w.chars() {
            if Some(c) != last || !c.is_ascii_alphabetic() {
                out.push(c);
            }
            last = Some(c);
        }
    }
    out
}

/// `s.replace(from, to)` in place. Most words contain none of the patterns, and the check
/// costs far less than the new string `replace` always builds.
fn replace_all(s: &mut Cow<'_, str>, from: &str, to: &str) {
    if s.contains(from) {
        *s = Cow::Owned(s.replace(from, to));
    }
}

/// True when a name is written in the Latin script (with or without diacritics), possibly with
/// digits, spaces and punctuation.
///
/// Only such names are indexed: names in other scripts never appear in English news and would
/// triple the index.
pub fn is_latin_script(name: &str) -> bool {
    name.chars().all(|c| {
        let u = c as u32;
        c.is_ascii()
            || (0x00A0..=0x024F).contains(&u) // Latin-1 Supplement, Latin Extended-A and -B
            || (0x0250..=0x02FF).contains(&u) // IPA extensions, spacing modifiers (ʻ ʼ ʹ)
            || (0x0300..=0x036F).contains(&u) // combining diacritics
            || (0x1E00..=0x1EFF).contains(&u) // Latin Extended Additional (Vietnamese)
            || (0x2000..=0x206F).contains(&u) // general punctuation (’ – “)
    })
}

/// The number of words in a folded key.
pub fn token_count(folded: &str) -> usize {
    folded.split(' ').filter(|t| !t.is_empty()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_variant(a: &str, b: &str) -> bool {
        variant_key(&fold(a)) == variant_key(&fold(b))
    }

    #[test]
    fn dots_and_case_do_not_matter() {
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("US"), "us");
        assert_eq!(fold("u.s."), "us");
        assert_eq!(fold("U. S."), "us");
        assert_eq!(fold("W.Va."), "wva");
        assert_eq!(fold("St. Louis"), "st louis");
    }

    #[test]
    fn diacritics_and_ligatures_are_transliterated() {
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Gießen"), "giessen");
        assert_eq!(fold("São Tomé"), "sao tome");
        assert_eq!(fold("Ærø"), "aero");
        assert_eq!(fold("Hà Nội"), "ha noi");
    }

    #[test]
    fn hyphens_split_words_and_apostrophes_vanish() {
        assert_eq!(fold("Kim Jong-un"), fold("Kim Jong Un"));
        assert_eq!(fold("Amurskaya oblast'"), "amurskaya oblast");
        assert_eq!(fold("Amurskaya oblastʹ"), "amurskaya oblast");
        assert_eq!(fold("Côte d’Ivoire"), fold("Cote d'Ivoire"));
        assert_eq!(fold("Oʻahu"), "oahu");
    }

    #[test]
    fn a_leading_the_is_dropped_but_not_a_lone_one() {
        assert_eq!(fold("The Hague"), "hague");
        assert_eq!(fold("the  Gambia"), "gambia");
        assert_eq!(fold("The"), "the");
        assert_eq!(fold("Bath the Town"), "bath the town");
    }

    #[test]
    fn ampersand_reads_as_and_and_whitespace_collapses() {
        assert_eq!(fold("Trinidad & Tobago"), fold("Trinidad and Tobago"));
        assert_eq!(fold("  New\tYork \n"), "new york");
        assert_eq!(fold("Washington, D.C."), "washington dc");
    }

    #[test]
    fn empty_and_symbol_only_names_fold_to_nothing() {
        assert_eq!(fold(""), "");
        assert_eq!(fold(" - / . "), "");
    }

    #[test]
    fn other_scripts_are_romanised() {
        assert_eq!(fold("Москва"), "moskva");
    }

    #[test]
    fn romanisation_variants_share_a_variant_key() {
        assert!(same_variant("Blagoveschensk", "Blagoveshchensk"));
        assert!(same_variant("Tsiolkovsky", "Tsiolkovskiy"));
        assert!(same_variant("Tsiolkovskij", "Tsiolkovski"));
        assert!(same_variant("Amurskaya", "Amurskaja"));
        assert!(same_variant("Yekaterinburg", "Ekaterinburg"));
        assert!(same_variant("Kharkiv", "Harkiv"));
        assert!(same_variant("Djibouti", "Jibouti"));
        assert!(same_variant("Tallinn", "Tallin"));
        assert!(same_variant("Ha Noi", "Hanoi"));
        assert!(same_variant("St. Petersburg", "Saint Petersburg"));
        assert!(same_variant("Zheleznodorozhnyy", "Zheleznodorozhny"));
    }

    #[test]
    fn variant_keys_of_words_with_and_without_respellings() {
        assert_eq!(variant_key("moscow"), "moscow");
        assert_eq!(variant_key("dzhambul"), "iambul");
        assert_eq!(variant_key("tsiolkovskii"), "tsiolkovsky");
        assert_eq!(variant_key("st petersburg"), "saintpetersburg");
        assert_eq!(variant_key("khabarovskiy kraj"), "habarovskykraj");
        assert_eq!(variant_key("tallinn"), "talin");
        assert_eq!(variant_key(""), "");
    }

    /// The rules applied the plain way, every one to an owned copy of each word.
    fn variant_key_plain(folded: &str) -> String {
        let mut out = String::new();
        for word in folded.split(' ') {
            let word = match word {
                "st" => "saint",
                "ste" => "sainte",
                "mt" => "mount",
                "ft" => "fort",
                other => other,
            };
            let mut w = word.to_owned();
            for (from, to) in CONSONANT_SPELLINGS {
                w = w.replace(from, to);
            }
            for ending in Y_ENDINGS {
                if w.len() > ending.len() + 2 && w.ends_with(ending) {
                    w.truncate(w.len() - ending.len());
                    w.push('y');
                    break;
                }
            }
            if w.len() > 4 && w.ends_with("ski") {
                w.pop();
                w.push('y');
            }
            for (from, to) in Y_AND_J_SPELLINGS {
                w = w.replace(from, to);
            }
            let mut last = None;
            for c in w.chars() {
                if Some(c) != last || !c.is_ascii_alphabetic() {
                    out.push(c);
                }
                last = Some(c);
            }
        }
        out
    }

    #[test]
    fn variant_keys_skip_no_rule_that_applies() {
        let g = crate::gazetteer::Gazetteer::embedded().unwrap();
        let extra = ["dzhambul", "kharkiv", "yekaterinburg", "tsiolkovskiy", "sidji", "rey"];
        let names = g.entries().step_by(97).map(|e| fold(e.name));
        for key in names.chain(extra.map(str::to_owned)) {
            assert_eq!(variant_key(&key), variant_key_plain(&key), "{key}");
        }
    }

    #[test]
    fn different_names_keep_different_variant_keys() {
        assert!(!same_variant("Moscow", "Minsk"));
        assert!(!same_variant("Kiev", "Kirov"));
        assert!(!same_variant("Amur", "Amursk"));
        assert!(!same_variant("Mali", "Malawi"));
    }

    #[test]
    fn latin_script_is_told_from_other_scripts() {
        assert!(is_latin_script("Blagoveščensk"));
        assert!(is_latin_script("Hà Nội"));
        assert!(is_latin_script("Côte d’Ivoire"));
        assert!(!is_latin_script("Благовещенск"));
        assert!(!is_latin_script("海兰泡"));
        assert!(!is_latin_script("بلاغوفيشتشينسك"));
    }

    #[test]
    fn tokens_are_counted_on_folded_keys() {
        assert_eq!(token_count(&fold("Rio de Janeiro")), 3);
        assert_eq!(token_count(""), 0);
    }
}
