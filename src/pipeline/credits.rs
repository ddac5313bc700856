//! Photo credits and bylines: stretches of text that name photographers and agencies, never
//! places ("EFE-EPA FILE/MIKHAIL METZEL /SPUTNIK / KREMLIN POOL MANDATORY CREDIT" has a town
//! called Pool and one called Credit in it).

use super::tokens::Tokens;
use super::words::CREDIT_WORDS;

/// Token ranges `(start, end)` (end exclusive) of credits and bylines, in order.
pub(crate) fn find_credits(t: &Tokens<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        // An all-caps run with a credit word or a slash is a credit; it runs to the line's end.
        if t.in_caps_run(i) {
            let start = i;
            let mut end = i;
            while end < t.len() && t.in_caps_run(end) {
                end += 1;
            }
            let credit_word = (start..end)
                .any(|k| t.is_word(k) && t.folded(k).split(' ').any(|w| CREDIT_WORDS.contains(w)));
            let slash = (start..end).any(|k| t.is_punct(k, "/"));
            if credit_word || slash {
                out.push((start, line_end(t, end)));
            }
            i = end;
            continue;
        }
        // "Photo: ...", "(Photo by ...)", "Credit: ...": a label, then the credit to the end of
        // the line or the closing bracket.
        if t.is_word(i)
            && matches!(t.folded(i), "photo" | "photograph" | "credit" | "image" | "picture")
            && (t.is_punct(i + 1, ":") || t.folded(i + 1) == "by" || t.folded(i + 1) == "courtesy")
        {
            let in_brackets = i > 0 && t.is_punct(i - 1, "(");
            let mut end = i + 1;
            while end < t.len() && !t.starts_line(end) {
                if in_brackets && t.is_punct(end, ")") {
                    end += 1;
                    break;
                }
                end += 1;
            }
            out.push((if in_brackets { i - 1 } else { i }, end));
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// The first token of the next line at or after `from` (or the end).
fn line_end(t: &Tokens<'_>, from: usize) -> usize {
    (from..t.len()).find(|&k| t.starts_line(k)).unwrap_or(t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credited(text: &str) -> Vec<String> {
        let t = Tokens::new(text);
        find_credits(&t).iter().map(|&(s, e)| t.slice(s, e).to_owned()).collect()
    }

    #[test]
    fn an_all_caps_credit_line_with_agencies_and_slashes_is_a_credit() {
        let found = credited(
            "Leaders meet in Moscow. EFE-EPA FILE/MIKHAIL METZEL /SPUTNIK / KREMLIN POOL \
             MANDATORY CREDIT\n\nNext paragraph in Paris.",
        );
        assert_eq!(found, ["EFE-EPA FILE/MIKHAIL METZEL /SPUTNIK / KREMLIN POOL MANDATORY CREDIT"]);
    }

    #[test]
    fn photo_labels_credit_to_the_end_of_the_line_or_bracket() {
        assert_eq!(
            credited("Photo: John Smith / Reuters\nRain in Leeds."),
            ["Photo: John Smith / Reuters"]
        );
        assert_eq!(credited("The square (Photo by Anna Lee) in Oslo."), ["(Photo by Anna Lee)"]);
    }

    #[test]
    fn an_all_caps_headline_without_credit_words_is_not_a_credit() {
        assert!(credited("FLOODS HIT NORTHERN ENGLAND\n\nRain fell in York.").is_empty());
    }
}
