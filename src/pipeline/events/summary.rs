//! A short summary of an event in the article's own words: its subject (the actors or places
//! before the trigger, or the noun phrase there) and the clause from the trigger on, cut at
//! the clause's end, a date, or a preposition once it runs long.
//!
//! "Russian President Vladimir Putin (2-R) greets North Korean leader Kim Jong Un (L) during
//! a visit to the Vostochny cosmodrome outside of the town of Tsiolkovsky ..." becomes "Vladimir
//! Putin greets North Korean leader Kim Jong Un during a visit to the Vostochny cosmodrome".

use super::layout::Layout;
use super::participants::is_compound_modifier;
use super::{Candidate, Within};
use crate::model::{Document, MentionId, MentionKind};
use crate::pipeline::tokens::Tokens;
use crate::text::TokenKind;

/// Most words after the subject before the summary is cut at a preposition.
const MAX_PREDICATE_WORDS: usize = 14;

/// Most words between the subject and the event's words ("had become the first nation to").
const MAX_GAP_WORDS: usize = 6;

/// Most words back from the trigger searched for the subject.
const MAX_SUBJECT_WORDS: usize = 12;

/// Words a subject phrase cannot reach back across.
fn is_subject_stop(word: &str) -> bool {
    matches!(
        word,
        "after"
            | "before"
            | "when"
            | "while"
            | "since"
            | "because"
            | "although"
            | "though"
            | "as"
            | "if"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "where"
            | "comes"
            | "come"
            | "came"
            | "said"
            | "says"
            | "than"
    )
}

/// Where a long summary may be cut: before these words (prepositions and a few verbs that
/// start a new thought). A list of its own, not [`super::triggers::is_preposition`] (where a
/// noun phrase stops): the two decide different things and differ in their words.
fn cuts_summary(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "of"
            | "to"
            | "for"
            | "with"
            | "from"
            | "by"
            | "across"
            | "outside"
            | "near"
            | "during"
            | "after"
            | "before"
            | "between"
            | "over"
            | "into"
            | "amid"
            | "against"
            | "under"
            | "as"
            | "and"
            | "while"
            | "some"
    )
}

/// Words a summary does not end on.
fn is_dangling(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "from"
            | "by"
            | "and"
            | "or"
            | "its"
            | "their"
            | "his"
            | "her"
            | "some"
            | "being"
            | "just"
            | "only"
            | "also"
            | "very"
    )
}

/// The summary of candidate `c`; `zone` is its subject's tokens ([`subject_zone`]), `relative` the
/// place a relative pronoun stands for.
pub(super) fn summarize(
    t: &Tokens<'_>,
    doc: &Document,
    within: &Within<'_>,
    layout: &Layout,
    c: &Candidate,
    zone: (usize, usize),
    relative: Option<MentionId>,
) -> String {
    // Tokens of the clause: same region, asides inside it skipped.
    let in_clause = |k: usize| layout.same_clause(k, c.trigger);
    let (subject, subject_end) = subject_of(t, doc, within, c, zone, relative);
    // The parts are written one after the other, a space between those that say something.
    let mut out = subject.unwrap_or_default();
    // Room for the rest of the sentence's text, which the other parts are taken from.
    out.reserve(t.span(subject_end.min(c.start), layout.end).len() + 1);
    // The words between the subject and the event: "had become the first nation to". They
    // are counted before they are written, so no list of them is made.
    let gap = (subject_end..c.start).filter(|&k| in_clause(k));
    if gap.clone().count() <= MAX_GAP_WORDS && subject_end < c.start {
        append_part(&mut out, t, gap);
    }
    append_part(&mut out, t, predicate(t, within, layout, c));
    capitalise(&mut out);
    out
}

/// Adds a part of a summary, the tokens' text as [`join`] spaces it, after a space, unless
/// it is empty.
fn append_part(out: &mut String, t: &Tokens<'_>, tokens: impl IntoIterator<Item = usize>) {
    let before = out.len();
    if !out.is_empty() {
        out.push(' ');
    }
    let part_start = out.len();
    write_joined(out, t, tokens);
    if out.len() == part_start {
        out.truncate(before);
    }
}

/// Upper-cases the first letter, in place when it is ASCII.
fn capitalise(out: &mut String) {
    let Some(first) = out.chars().next() else { return };
    if first.is_ascii() {
        out[..1].make_ascii_uppercase();
    } else {
        let upper: String = first.to_uppercase().collect();
        out.replace_range(..first.len_utf8(), &upper);
    }
}

/// True when a place is the event's subject: "The US and South Korea have objected", not
/// "Referring to the Ukraine war, Kim said" or "The Britain-based monitor says".
pub(super) fn place_in_subject(
    t: &Tokens<'_>,
    doc: &Document,
    within: &Within<'_>,
    zone: (usize, usize),
) -> bool {
    let (from, to) = zone;
    let zone = t.span(from, to);
    from < to
        && within.mentions.iter().any(|m| {
            zone.contains(&m.span)
                && m.place.is_some()
                && m.kind != MentionKind::Demonym
                && !is_compound_modifier(doc, m.span)
        })
}

/// The tokens before the event's words back to a clause boundary: where its subject is.
pub(super) fn subject_zone(t: &Tokens<'_>, layout: &Layout, c: &Candidate) -> (usize, usize) {
    let depth = layout.depth(c.trigger);
    let in_clause = |k: usize| layout.same_clause(k, c.trigger);
    let mut zone_start = c.start;
    let mut words = 0;
    let mut k = c.start;
    while k > layout.start && words < MAX_SUBJECT_WORDS {
        k -= 1;
        if !in_clause(k) {
            if layout.depth(k) > depth {
                continue; // an aside inside the clause, "(2-R)"
            }
            break;
        }
        let is_boundary = t.get(k).is_some_and(|x| x.kind == TokenKind::Punct)
            && !t.is_any_punct(k, &["-", "'", "’"]);
        if is_boundary || is_subject_stop(t.folded(k)) {
            break;
        }
        zone_start = k;
        words += 1;
    }
    (zone_start, c.start)
}

/// The subject in the zone before the event's words: its actors, else its places, else the
/// phrase itself when short. Returns the text and the token where the subject ends.
fn subject_of(
    t: &Tokens<'_>,
    doc: &Document,
    within: &Within<'_>,
    c: &Candidate,
    (from, to): (usize, usize),
    relative: Option<MentionId>,
) -> (Option<String>, usize) {
    let zone = t.span(from, to);
    if from >= to {
        let name =
            relative.and_then(|m| doc.mentions.get(m.index())).and_then(|m| m.place.as_ref());
        return (name.map(|p| p.name.to_string()), to);
    }
    let mut names: Vec<(usize, String)> = Vec::new();
    let mut end = from;
    let mut seen = Vec::new();
    for &(span, id) in within.actors {
        if zone.contains(&span)
            && c.actors.contains(&id)
            && !seen.contains(&id)
            && let Some(actor) = doc.actors.get(id.index())
        {
            seen.push(id);
            names.push((span.start_byte, actor.name.clone()));
            end = end.max(t.token_at(span.end_byte));
        }
    }
    if names.is_empty() {
        for m in within.mentions {
            if zone.contains(&m.span)
                && m.kind != MentionKind::Demonym
                && let Some(place) = &m.place
                && !names.iter().any(|(_, n)| **n == *place.name)
            {
                names.push((m.span.start_byte, place.name.to_string()));
                end = end.max(t.token_at(m.span.end_byte));
            }
        }
    }
    if !names.is_empty() {
        names.sort();
        let names: Vec<String> = names.into_iter().map(|(_, n)| n).collect();
        return (Some(join_names(&names)), end);
    }
    let words: Vec<usize> = (from..to).collect();
    if words.len() <= 5 {
        return (Some(join(t, &words)), to);
    }
    (None, to)
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The event's words from its start: to the clause's end, a date, or a preposition once long.
fn predicate(t: &Tokens<'_>, within: &Within<'_>, layout: &Layout, c: &Candidate) -> Vec<usize> {
    let mut tokens: Vec<usize> = Vec::with_capacity(MAX_PREDICATE_WORDS + 1);
    let mut words = 0;
    let mut cut = None;
    for k in c.start..layout.end {
        if !layout.same_clause(k, c.trigger) {
            // Asides are left out; a clause that resumes after them goes on.
            continue;
        }
        let Some(tok) = t.get(k) else { break };
        if k > c.trigger && within.timexes.iter().any(|x| x.span.start_byte == tok.span.start_byte)
        {
            break;
        }
        if tok.kind == TokenKind::Punct && !t.is_any_punct(k, &["-", "'", "’", "(", ")"]) {
            break;
        }
        if tok.kind == TokenKind::Punct {
            continue;
        }
        if k > c.trigger && cuts_summary(t.folded(k)) && words <= MAX_PREDICATE_WORDS {
            cut = Some(tokens.len());
        }
        words += 1;
        tokens.push(k);
        if words > MAX_PREDICATE_WORDS {
            tokens.truncate(cut.unwrap_or(MAX_PREDICATE_WORDS));
            break;
        }
    }
    while tokens.len() > 1 && tokens.last().is_some_and(|&k| is_dangling(t.folded(k))) {
        tokens.pop();
    }
    tokens
}

/// The tokens' text, spaced as in the original.
fn join(t: &Tokens<'_>, tokens: &[usize]) -> String {
    // The text they come from is at least as long as their joined words.
    let (Some(&first), Some(&last)) = (tokens.first(), tokens.last()) else {
        return String::new();
    };
    let mut out = String::with_capacity(t.span(first, last + 1).len());
    write_joined(&mut out, t, tokens.iter().copied());
    out
}

/// Writes the tokens' text as [`join`] does: a space where the text has one, or where
/// tokens were left out between two.
fn write_joined(out: &mut String, t: &Tokens<'_>, tokens: impl IntoIterator<Item = usize>) {
    let mut previous: Option<usize> = None;
    for k in tokens {
        let before = previous.replace(k);
        let Some(tok) = t.get(k) else { continue };
        if before.is_some_and(|p| tok.space_before || p + 1 != k) {
            out.push(' ');
        }
        out.push_str(t.text_of(k));
    }
}
