//! The clause layout of a sentence as far as events need it: which tokens belong together.
//!
//! Brackets, dash pairs and quotations are asides: "Pyongyang and Moscow – which had assumed
//! ... after Japan's defeat in 1945 – have marked the date" puts Japan and 1945 with the
//! defeat, not with the main clause. A semicolon or a subordinating word ("when", "after",
//! "that", "which") starts a new clause. Commas do not split: they separate list items and
//! appositions as often as clauses.

use crate::pipeline::tokens::Tokens;
use crate::text::TokenKind;

/// A sentence's token range and the clause region of each of its tokens.
#[derive(Default)]
pub(crate) struct Layout {
    /// First token of the sentence.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// Region id and depth of each token (index `k - start`). Equal region ids share a
    /// clause; the depth counts the brackets, dashes and quotes around the token (0 in the
    /// sentence's main line).
    places: Vec<(u32, u8)>,
}

impl Layout {
    /// Lays out tokens `start..end` (one sentence).
    #[cfg(test)]
    pub fn new(t: &Tokens<'_>, start: usize, end: usize) -> Self {
        let mut layout = Self::default();
        layout.lay_out(t, start, end);
        layout
    }

    /// Lays out tokens `start..end` (one sentence) in place of the sentence laid out before,
    /// so that a document's sentences share one pair of buffers.
    pub fn lay_out(&mut self, t: &Tokens<'_>, start: usize, end: usize) {
        let places = &mut self.places;
        places.clear();
        places.reserve(end.saturating_sub(start));
        // The stack of open asides: (closing mark, region id outside it).
        let mut stack: Vec<(&'static str, u32)> = Vec::new();
        let mut current = 0u32;
        let mut next_id = 1u32;
        let tokens = t.tokens.get(start..end.min(t.len())).unwrap_or(&[]);
        for (k, token) in (start..).zip(tokens) {
            if token.kind != TokenKind::Punct {
                // Words and numbers neither open nor close an aside; a subordinating word
                // starts a clause.
                if is_subordinator(t.folded(k)) {
                    current = next_id;
                    next_id += 1;
                }
                places.push((current, stack.len() as u8));
                continue;
            }
            let mark = token.text(t.text);
            let closes = stack.last().is_some_and(|(close, _)| is_close(mark, close));
            if closes {
                // The closing mark belongs to the aside; the next token is outside it.
                places.push((current, stack.len() as u8));
                if let Some((_, outer)) = stack.pop() {
                    current = outer;
                }
                continue;
            }
            if let Some(close) = opens(t, k, mark) {
                stack.push((close, current));
                current = next_id;
                next_id += 1;
            } else if mark == ";" && stack.is_empty() {
                current = next_id;
                next_id += 1;
            }
            places.push((current, stack.len() as u8));
        }
        self.start = start;
        self.end = end;
    }

    /// The region of token `k` (`u32::MAX` outside the sentence).
    pub fn region(&self, k: usize) -> u32 {
        k.checked_sub(self.start).and_then(|i| self.places.get(i)).map_or(u32::MAX, |p| p.0)
    }

    /// True when tokens `a` and `b` are in the same clause at the same depth: asides inside
    /// the clause ("(2-R)") and clauses around it are not.
    pub fn same_clause(&self, a: usize, b: usize) -> bool {
        self.region(a) == self.region(b) && self.depth(a) == self.depth(b)
    }

    /// The aside depth of token `k`.
    pub fn depth(&self, k: usize) -> u8 {
        k.checked_sub(self.start).and_then(|i| self.places.get(i)).map_or(0, |p| p.1)
    }
}

/// Words that open a clause of their own: "at a time when both Moscow and Pyongyang find
/// themselves isolated" says nothing about where the summit before it was held. A `matches!`
/// rather than a list, since every token of every sentence is checked.
fn is_subordinator(word: &str) -> bool {
    // Most words are passed over on their first letter.
    if !matches!(word.as_bytes().first(), Some(b'a' | b'b' | b't' | b'u' | b'w')) {
        return false;
    }
    matches!(
        word,
        "when"
            | "while"
            | "whereas"
            | "because"
            | "although"
            | "though"
            | "unless"
            | "after"
            | "before"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "where"
    )
}

/// The mark that closes an aside opened by token `k`, if it opens one.
fn opens(t: &Tokens<'_>, k: usize, mark: &str) -> Option<&'static str> {
    match mark {
        "(" => Some(")"),
        "[" => Some("]"),
        "“" => Some("”"),
        "\"" => Some("\""),
        "–" | "—" | "--" => Some("dash"),
        // A spaced hyphen is a dash; "(EFE).-" is not.
        "-" if t.get(k).is_some_and(|x| x.space_before)
            && t.get(k + 1).is_some_and(|x| x.space_before) =>
        {
            Some("dash")
        }
        _ => None,
    }
}

fn is_close(mark: &str, close: &str) -> bool {
    match close {
        "dash" => matches!(mark, "–" | "—" | "--" | "-"),
        _ => mark == close,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions_of(text: &str) -> Vec<(String, u32)> {
        let t = Tokens::new(text);
        let layout = Layout::new(&t, 0, t.len());
        (0..t.len()).map(|k| (t.text_of(k).to_owned(), layout.region(k))).collect()
    }

    fn region_of(regions: &[(String, u32)], word: &str) -> u32 {
        regions.iter().find(|(w, _)| w == word).map_or(u32::MAX, |r| r.1)
    }

    #[test]
    fn a_dash_pair_is_an_aside_and_the_clause_resumes_after_it() {
        let r =
            regions_of("Pyongyang and Moscow – which had assumed power in 1945 – have marked it.");
        assert_eq!(region_of(&r, "Pyongyang"), region_of(&r, "marked"));
        assert_ne!(region_of(&r, "Pyongyang"), region_of(&r, "1945"));
        assert_eq!(region_of(&r, "assumed"), region_of(&r, "1945"));
    }

    #[test]
    fn brackets_do_not_split_the_clause_around_them() {
        let r = regions_of(
            "Putin (2-R) greets Kim (L) during a visit to Tsiolkovsky (former Uglegorsk).",
        );
        assert_eq!(region_of(&r, "greets"), region_of(&r, "visit"));
        assert_eq!(region_of(&r, "greets"), region_of(&r, "Tsiolkovsky"));
        assert_ne!(region_of(&r, "greets"), region_of(&r, "Uglegorsk"));
    }

    #[test]
    fn a_dateline_hyphen_is_not_a_dash() {
        let r = regions_of("Seoul, Oct 12 (EFE).- Kim and Putin exchanged messages.");
        assert_eq!(region_of(&r, "Seoul"), region_of(&r, "exchanged"));
    }
}
