//! The tense around a time expression, which decides whether a bare "Thursday" or "in
//! September" is the one before or after the document date.
//!
//! Like HeidelTime's news mode, but without a part-of-speech tagger: the nearest verb form
//! in the same sentence that marks tense wins ("will meet on Thursday" is future, "reported
//! on Thursday" past). Past forms are the irregular verbs in the lexicon plus lower-case
//! words ending in "-ed"; future markers are modals and "plans", "expected", "scheduled".

use super::lexicon::{Kind, W};
use super::recognize::Parser;
use super::token::TokenKind;

/// The tense that governs an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    /// A past-tense verb is nearest.
    Past,
    /// A present-tense verb is nearest.
    Present,
    /// A future marker is nearest.
    Future,
    /// No tensed verb in reach.
    Unknown,
}

/// How far (in tokens) to look on each side.
const WINDOW: usize = 14;

/// Lower-case "-ed" words that are not past-tense verbs.
const NOT_PAST: &[&str] = &[
    "need",
    "needed",
    "speed",
    "feed",
    "seed",
    "bed",
    "red",
    "shed",
    "hundred",
    "indeed",
    "proceed",
    "succeed",
    "exceed",
    "breed",
    "greed",
    "weed",
    "deed",
    "creed",
    "based",
    "related",
    "called",
    "named",
    "so-called",
    "proposed",
    "advanced",
    "detailed",
    "limited",
    "united",
    "used",
    "concerned",
    "interested",
    "supposed",
];

/// The tense of the sentence around tokens `start..end`.
pub(crate) fn tense_near(p: &Parser<'_>, start: usize, end: usize) -> Tense {
    tense_and_distance(p, start, end).0
}

/// The tense around tokens `start..end` and how many tokens away its marker is
/// (`usize::MAX` when there is none).
pub(crate) fn tense_and_distance(p: &Parser<'_>, start: usize, end: usize) -> (Tense, usize) {
    // A deadline or an earliest date is ahead: "until Tuesday", "as soon as Tuesday".
    if start > 0 && matches!(p.str(start - 1), "until" | "till" | "by" | "Until" | "By") {
        return (Tense::Future, 1);
    }
    if start >= 3
        && p.is(start - 1, W::As)
        && p.is(start - 3, W::As)
        && matches!(p.str(start - 2), "soon" | "early")
    {
        return (Tense::Future, 1);
    }
    let mut best: Option<(usize, Tense)> = None;
    // Backwards to the start of the sentence.
    let mut i = start;
    let mut distance = 0;
    while i > 0 && distance < WINDOW {
        i -= 1;
        distance += 1;
        if is_boundary(p, i) {
            break;
        }
        if let Some(t) = tense_of(p, i) {
            best = Some((distance, t));
            break;
        }
    }
    // Forwards to the end of the sentence.
    let mut j = end;
    distance = 0;
    while j < p.toks.len() && distance < WINDOW {
        distance += 1;
        if best.is_some_and(|(d, _)| distance >= d) {
            break;
        }
        if is_boundary(p, j) {
            break;
        }
        if let Some(t) = tense_of(p, j) {
            best = Some((distance, t));
            break;
        }
        j += 1;
    }
    best.map_or((Tense::Unknown, usize::MAX), |(d, t)| (t, d))
}

/// True for a sentence-ending token.
fn is_boundary(p: &Parser<'_>, i: usize) -> bool {
    let Some(t) = p.tok(i) else { return true };
    if t.newline_before && i > 0 && p.tok(i - 1).is_some_and(|prev| prev.end + 1 < t.start) {
        // A blank line or a new paragraph.
        return true;
    }
    match t.kind {
        // Quotation marks separate reported speech from the verb that reports it.
        TokenKind::Punct('!' | '?' | ';' | '"' | '\u{201C}' | '\u{201D}' | '(' | ')') => true,
        TokenKind::Punct('\'' | '`') => {
            p.tok(i + 1).is_some_and(|n| !n.space_before && n.kind == t.kind)
        }
        TokenKind::Punct('.') => {
            // "Oct." and "Mr." end abbreviations, not sentences.
            let prev_is_short_word = i > 0
                && p.tok(i - 1).is_some_and(|prev| {
                    prev.is_word() && prev.len() <= 4 && prev.is_capitalized(p.text)
                });
            !prev_is_short_word
        }
        _ => false,
    }
}

fn is_be(word: &str) -> bool {
    matches!(word, "is" | "are" | "was" | "were")
}

/// The tense of the verb that governs an expression directly: right before it, or before a
/// preposition that makes it the time of the event ("met in November", "was born on May
/// 5"). Deadlines ("extended to Nov. 16", "until June") are not governed this way.
pub(crate) fn governing_tense(p: &Parser<'_>, start: usize) -> Option<Tense> {
    let mut i = start.checked_sub(1)?;
    if matches!(p.w(i), Some(W::In | W::On | W::At | W::During)) {
        i = i.checked_sub(1)?;
    }
    if let Some(t) = tense_of(p, i) {
        return Some(t);
    }
    // "will meet in September": a modal before the verb.
    let modal = tense_of(p, i.checked_sub(1)?).filter(|&t| t == Tense::Future);
    modal.filter(|_| p.tok(i).is_some_and(|t| t.is_word() && !t.is_capitalized(p.text)))
}

/// The tense a token marks, if it is a tensed verb form.
fn tense_of(p: &Parser<'_>, i: usize) -> Option<Tense> {
    let t = p.tok(i)?;
    if !t.is_word() {
        return None;
    }
    // "to be held", "may be signed", "has been delayed": a participle; its auxiliary (further
    // back) carries the tense.
    let after_be = i > 0 && matches!(p.str(i - 1), "be" | "been" | "being");
    if after_be && matches!(p.kind(i), Kind::Past | Kind::None) {
        return None;
    }
    match p.kind(i) {
        Kind::Future => {
            // "going to" is future; "going" alone is not.
            let word = p.str(i);
            if word.eq_ignore_ascii_case("going") && !p.is(i + 1, W::To) {
                return None;
            }
            // "planned" and "expected" after "had"/"was" still point forward.
            return Some(Tense::Future);
        }
        Kind::Past | Kind::PresentTense => {
            // "is to resume", "were to meet", "were planning": a plan.
            if is_be(p.str(i)) && (p.is(i + 1, W::To) || p.kind(i + 1) == Kind::Future) {
                return Some(Tense::Future);
            }
            return Some(if p.kind(i) == Kind::Past { Tense::Past } else { Tense::Present });
        }
        _ => {}
    }
    let word = p.str(i);
    // "set to resume Monday", "due to arrive", "as early as Tuesday".
    if (word == "set" || word == "due") && p.is(i + 1, W::To) {
        return Some(Tense::Future);
    }
    if word.len() >= 5
        && word.ends_with("ed")
        && word.as_bytes()[0].is_ascii_lowercase()
        && !NOT_PAST.contains(&word)
    {
        return Some(Tense::Past);
    }
    None
}
