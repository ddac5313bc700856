//! Appositions that name one place twice: "Tsiolkovsky (former Uglegorsk)", "Mumbai
//! (formerly Bombay)", "Kyiv, formerly known as Kiev", "Bombay (now Mumbai)".
//!
//! Both names must resolve to the one entry that carries both (the renamed town), not to
//! another town that still has the old name.

use super::recognize::Spot;
use super::tokens::Tokens;

/// Words that introduce the other name inside the apposition.
const RENAME_WORDS: &[&str] =
    &["former", "formerly", "previously", "once", "now", "today", "earlier", "ex", "also", "aka"];

/// Words that may follow a rename word before the name ("formerly known as", "now called").
const RENAME_FILLERS: &[&str] = &["known", "as", "called", "named", "spelled", "spelt"];

/// Pairs `(a, b)` of spot indices naming the same place, `a` before `b`.
pub(crate) fn find_appositions(t: &Tokens<'_>, spots: &[Spot]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for a in 0..spots.len() {
        let Some(b) = a.checked_add(1).filter(|&b| b < spots.len()) else { continue };
        let end = spots[a].tokens.1;
        let start = spots[b].tokens.0;
        if start <= end || start - end > 5 {
            continue;
        }
        let between: Vec<usize> = (end..start).collect();
        let opener = between[0];
        let bracketed = t.is_punct(opener, "(") && t.is_punct(spots[b].tokens.1, ")");
        let comma = t.is_punct(opener, ",");
        let words: Vec<&str> = between[1..].iter().map(|&k| t.folded(k)).collect();
        let renamed = words.first().is_some_and(|w| RENAME_WORDS.contains(w))
            && words[1..].iter().all(|w| RENAME_FILLERS.contains(w));
        // "Mumbai (Bombay)": a bare bracketed name right after a place is its other name.
        let bare = bracketed && words.is_empty();
        if (bracketed || comma) && renamed || bare {
            out.push((a, b));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Resources, actors::find_actors, recognize::recognize};

    fn pairs(text: &str) -> Vec<(String, String)> {
        let res = Resources::embedded();
        let t = Tokens::new(text);
        let actors = find_actors(&t, &res, None, &[]);
        let spots = recognize(&t, &res, &actors, &[], None);
        let name = |i: usize| spots[i].span.text(text).unwrap_or("").to_owned();
        find_appositions(&t, &spots).into_iter().map(|(a, b)| (name(a), name(b))).collect()
    }

    #[test]
    fn a_bracketed_former_name_pairs_with_the_current_one() {
        assert_eq!(
            pairs("Flights resumed to Mumbai (formerly Bombay) today."),
            [("Mumbai".to_owned(), "Bombay".to_owned())]
        );
    }

    #[test]
    fn a_comma_apposition_with_known_as_pairs_too() {
        assert_eq!(
            pairs("They reached Volgograd, formerly known as Stalingrad, at dawn."),
            [("Volgograd".to_owned(), "Stalingrad".to_owned())]
        );
    }

    #[test]
    fn a_plain_list_is_not_an_apposition() {
        assert!(pairs("Talks in Paris, London and Berlin continued.").is_empty());
    }
}
