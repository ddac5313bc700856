//! The shape of a word: its capitalisation.

/// The capitalisation of a word, from its cased letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Case {
    /// First letter lower case: "region", "e.g.", "iPhone".
    Lower,
    /// First letter upper case, the rest lower: "Seoul", "Jong-un", "L".
    Title,
    /// Two or more letters, all upper case: "KCNA", "U.S.", "EFE-EPA".
    Upper,
    /// First letter upper case, others mixed: "McDonald", "DPRK-Russia".
    Mixed,
    /// No cased letters: numbers, punctuation, Chinese or Arabic script.
    Uncased,
}

/// The [`Case`] of a word.
pub(crate) fn case_of(word: &str) -> Case {
    // Most words of a text start with an ASCII lower-case letter, which settles it.
    if word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return Case::Lower;
    }
    if word.is_ascii() {
        return ascii_case_of(word.as_bytes());
    }
    let mut first: Option<bool> = None; // Whether the first cased letter is upper case.
    let (mut rest_upper, mut rest_lower, mut cased) = (false, false, 0usize);
    for c in word.chars() {
        let (upper, lower) = if c.is_ascii() {
            (c.is_ascii_uppercase(), c.is_ascii_lowercase())
        } else {
            (c.is_uppercase(), c.is_lowercase())
        };
        if !(upper || lower) {
            continue;
        }
        cased += 1;
        match first {
            None => first = Some(upper),
            Some(_) => {
                rest_upper |= upper;
                rest_lower |= lower;
            }
        }
    }
    match first {
        None => Case::Uncased,
        Some(false) => Case::Lower,
        Some(true) if cased >= 2 && !rest_lower => Case::Upper,
        Some(true) if !rest_upper => Case::Title,
        Some(true) => Case::Mixed,
    }
}

/// [`case_of`] for ASCII words, on bytes.
fn ascii_case_of(word: &[u8]) -> Case {
    let mut letters = word.iter().filter(|b| b.is_ascii_alphabetic());
    let Some(first) = letters.next() else { return Case::Uncased };
    if first.is_ascii_lowercase() {
        return Case::Lower;
    }
    let (mut rest_upper, mut rest_lower) = (false, false);
    for b in letters {
        rest_upper |= b.is_ascii_uppercase();
        rest_lower |= b.is_ascii_lowercase();
    }
    match (rest_upper, rest_lower) {
        (true, false) => Case::Upper,
        (false, false) => Case::Title,
        (false, true) => Case::Title,
        (true, true) => Case::Mixed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_and_unicode_words_get_the_same_case() {
        for (word, case) in [
            ("Seoul", Case::Title),
            ("KCNA", Case::Upper),
            ("region", Case::Lower),
            ("iPhone", Case::Lower),
            ("e.g.", Case::Lower),
            ("über", Case::Lower),
            ("McDonald", Case::Mixed),
            ("L", Case::Title),
            ("1948", Case::Uncased),
            ("Zürich", Case::Title),
            ("ÖSTERREICH", Case::Upper),
            ("élan", Case::Lower),
            ("北京", Case::Uncased),
        ] {
            assert_eq!(case_of(word), case, "{word}");
        }
    }
}
