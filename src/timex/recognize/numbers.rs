//! Numbers as they appear in time expressions: digits, number words, and which four-digit
//! numbers are years.

use super::Parser;
use crate::timex::lexicon::{Kind, W};
use crate::timex::token::TokenKind;

/// Nouns that take a number as a name or label ("Flight 1945", "Room 2001"): the number after
/// them is not a year.
const LABEL_NOUNS: &[&str] = &[
    "flight",
    "flights",
    "route",
    "highway",
    "interstate",
    "number",
    "no",
    "nos",
    "room",
    "page",
    "pages",
    "model",
    "apartment",
    "suite",
    "bus",
    "train",
    "gate",
    "platform",
    "channel",
    "track",
    "exit",
    "box",
    "unit",
    "item",
    "article",
    "section",
    "chapter",
    "code",
    "line",
    "level",
    "row",
    "seat",
    "pier",
    "lot",
    "tel",
    "phone",
    "fax",
    "ext",
    "volume",
    "vol",
    "issue",
    "version",
    "squadron",
    "division",
    "regiment",
    "battalion",
    "brigade",
    "precinct",
    "district",
    "ward",
    "zone",
    "lane",
    "street",
    "avenue",
    "road",
    "building",
    "floor",
    "hall",
    "block",
    "sector",
    "resolution",
    "amendment",
    "rule",
    "form",
    "file",
    "batch",
    "serial",
    "id",
    "pin",
    "ticket",
    "account",
    "order",
    "case",
    "docket",
    "patent",
    "reg",
];

/// Words after a four-digit number that show it counts things ("2000 soldiers",
/// "1945 km"); plural nouns are caught by their ending.
const COUNT_NOUNS: &[&str] = &[
    "km",
    "kilometer",
    "kilometre",
    "mile",
    "foot",
    "feet",
    "meter",
    "metre",
    "m",
    "kg",
    "ton",
    "tonne",
    "barrel",
    "dollar",
    "euro",
    "yen",
    "yuan",
    "pound",
    "won",
    "rouble",
    "ruble",
    "rupee",
    "people",
    "men",
    "women",
    "children",
    "staff",
    "police",
    "personnel",
    "cattle",
    "sq",
    "square",
    "acre",
    "hectare",
    "mph",
    "kph",
    "b",
    "mw",
    "gw",
    "kw",
    "mb",
    "gb",
    "hp",
    "cc",
    "ft",
    "lb",
    "oz",
    "cm",
    "mm",
    "times",
    "percent",
    "per",
    "degrees",
    "pm",
    "am",
];

/// Plural-looking words that are not plural nouns.
const NOT_PLURAL: &[&str] = &[
    "is",
    "was",
    "has",
    "as",
    "its",
    "this",
    "his",
    "hers",
    "yes",
    "thus",
    "us",
    "plus",
    "less",
    "unless",
    "versus",
    "vs",
    "whereas",
    "towards",
    "afterwards",
    "always",
    "perhaps",
    "besides",
    "across",
    "news",
    "series",
    "bus",
    "gas",
    "status",
    "crisis",
    "census",
    "campus",
    "bonus",
    "consensus",
    "virus",
    "focus",
    "press",
    "process",
    "progress",
    "address",
    "congress",
    "business",
    "access",
    "success",
    "loss",
    "class",
    "pass",
    "mass",
    "glass",
    "cross",
];

/// A number written with digits at `i`, with thousands separators ("1,200") and decimals
/// ("2.5"); returns the value and the index after it.
pub(crate) fn digits_value(p: &Parser<'_>, i: usize) -> Option<(f64, usize)> {
    let (v, len) = p.num(i)?;
    let mut value = f64::from(v);
    let mut j = i + 1;
    if len <= 3 {
        while p.punct(j, ',')
            && p.glued(j)
            && p.glued(j + 1)
            && p.num(j + 1).is_some_and(|(_, l)| l == 3)
        {
            let (g, _) = p.num(j + 1)?;
            value = value * 1000.0 + f64::from(g);
            j += 2;
        }
    }
    if p.punct(j, '.') && p.glued(j) && p.glued(j + 1) && p.is_num(j + 1) {
        let frac = p.str(j + 1);
        let scale = 10f64.powi(i32::try_from(frac.len()).unwrap_or(9));
        value += f64::from(p.num(j + 1)?.0) / scale;
        j += 2;
    }
    Some((value, j))
}

/// A number written in words at `i` ("five", "twenty-four", "twenty four", "one hundred",
/// "a hundred", "two thousand"); returns the value and the index after it.
pub(crate) fn word_value(p: &Parser<'_>, i: usize) -> Option<(u32, usize)> {
    let mut j = i;
    let mut value = match p.kind(j) {
        Kind::Cardinal(n) => {
            j += 1;
            n
        }
        Kind::Hundred | Kind::Thousand if p.is(i.wrapping_sub(1), W::A) => 1,
        _ => return None,
    };
    // "twenty-four", "twenty four".
    if (20..=90).contains(&value) && value % 10 == 0 {
        let k = if p.punct(j, '-') && p.glued(j) { j + 1 } else { j };
        if let Kind::Cardinal(n) = p.kind(k)
            && n < 10
        {
            value += n;
            j = k + 1;
        }
    }
    match p.kind(j) {
        Kind::Hundred if p.str(j).len() == 7 => {
            value *= 100;
            j += 1;
        }
        Kind::Thousand if p.str(j).len() == 8 => {
            value *= 1000;
            j += 1;
        }
        _ => {}
    }
    Some((value, j))
}

/// True when the number at `i` (four digits) reads as a year: not money ("$2000"), not part
/// of a bigger number ("1,945", "1945.5"), not a label ("Flight 1945"), not a count
/// ("2000 soldiers", "1945 km").
pub(crate) fn is_year_at(p: &Parser<'_>, i: usize) -> Option<i32> {
    let (v, len) = p.num(i)?;
    if len != 4 || !(1000..=2199).contains(&v) {
        return None;
    }
    if i > 0 && p.glued(i) {
        let prev = p.tok(i - 1)?;
        match prev.kind {
            TokenKind::Punct(c) => {
                if matches!(c, '$' | '£' | '€' | '¥' | '#' | '+' | '.' | ':' | '/' | '\\' | '@')
                {
                    return None;
                }
                if c == ',' && p.is_num(i.wrapping_sub(2)) && p.glued(i - 1) {
                    return None;
                }
                // "1-888-234-1294": the last group of a phone number or code, not a year
                // (a year range "1998-1999" starts with four digits).
                if c == '-'
                    && p.glued(i - 1)
                    && p.num(i.wrapping_sub(2)).is_some_and(|(_, len)| len != 4)
                {
                    return None;
                }
            }
            TokenKind::Word | TokenKind::Number => return None,
        }
    }
    if i > 0 {
        let prev = p.str(i - 1);
        if LABEL_NOUNS.iter().any(|w| prev.eq_ignore_ascii_case(w)) {
            return None;
        }
    }
    // What follows the number.
    let next = i + 1;
    if let Some(t) = p.tok(next) {
        if !t.space_before {
            match t.kind {
                TokenKind::Punct('%' | ':') => return None,
                TokenKind::Punct('.' | ',') if p.glued(next + 1) && p.is_num(next + 1) => {
                    return None;
                }
                TokenKind::Word if !matches!(p.str(next), "s" | "S") => return None,
                TokenKind::Number => return None,
                _ => {}
            }
        }
        if t.is_word() {
            let word = p.str(next);
            let lower_start = word.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
            if COUNT_NOUNS.iter().any(|w| word.eq_ignore_ascii_case(w)) {
                return None;
            }
            if lower_start && looks_plural(word) && p.kind(next) == Kind::None {
                return None;
            }
        }
    }
    i32::try_from(v).ok()
}

fn looks_plural(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() > 3
        && b.ends_with(b"s")
        && !b.ends_with(b"ss")
        && !b.ends_with(b"us")
        && !b.ends_with(b"is")
        && !NOT_PLURAL.iter().any(|w| word.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timex::token::tokenize;

    fn year(text: &str, at: usize) -> Option<i32> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        is_year_at(&Parser::new(text, &toks), at)
    }

    fn words(text: &str) -> Option<(u32, usize)> {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        word_value(&Parser::new(text, &toks), 0)
    }

    #[test]
    fn four_digit_numbers_in_running_text_are_years() {
        assert_eq!(year("in 1945 Japan", 1), Some(1945));
        assert_eq!(year("1998-99", 0), Some(1998));
        assert_eq!(year("the 1990s", 1), Some(1990));
    }

    #[test]
    fn counts_money_labels_and_parts_of_numbers_are_not_years() {
        assert_eq!(year("$2000 each", 1), None);
        assert_eq!(year("1,945 people", 2), None);
        assert_eq!(year("Flight 1945 landed", 1), None);
        assert_eq!(year("2000 soldiers", 0), None);
        assert_eq!(year("1945 km", 0), None);
        assert_eq!(year("1945.5", 0), None);
        assert_eq!(year("15:30", 0), None);
        assert_eq!(year("3000 BC", 0), None);
        assert_eq!(year("call 1-888-234-1294 now", 7), None);
        assert_eq!(year("1998-1999", 2), Some(1999));
    }

    #[test]
    fn number_words_combine() {
        assert_eq!(words("twenty-four hours"), Some((24, 3)));
        assert_eq!(words("twenty four"), Some((24, 2)));
        assert_eq!(words("two thousand years"), Some((2000, 2)));
        assert_eq!(words("hours"), None);
    }
}
