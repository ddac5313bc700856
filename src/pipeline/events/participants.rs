//! Who, where and when for each candidate event of a sentence: every time expression, place
//! mention and actor goes to the nearest trigger in its clause.

use super::layout::Layout;
use super::triggers::Role;
use super::{Candidate, Within};
use crate::model::{
    ActorId, DateRange, Document, Mention, MentionId, MentionKind, Place, PlaceKind, Span,
    TimexType,
};
use crate::pipeline::tokens::Tokens;

/// Where the place mentions and actors' names are: "Summit County" and "General Strike
/// Committee" hold no triggers. Asked only of the few words that are triggers, so nothing is
/// worked out for every token of the text.
pub(super) struct Covered<'d> {
    /// The document's place mentions.
    mentions: Names<'d, Mention>,
    /// The actors' names.
    actors: Names<'d, (Span, ActorId)>,
}

impl<'d> Covered<'d> {
    /// `mentions` sorted by offset, as the pipeline leaves them; `actors`, every actor name
    /// with its actor, sorted too.
    pub fn new(mentions: &'d [Mention], actors: &'d [(Span, ActorId)]) -> Self {
        Self { mentions: Names::new(mentions), actors: Names::new(actors) }
    }

    /// True when the token at `token` shares a byte with a name (or lies around an empty one).
    pub fn covers(&self, token: Span) -> bool {
        self.mentions.overlap(token) || self.actors.overlap(token)
    }
}

/// Something written at a span of the text.
trait Written {
    fn span(&self) -> Span;
}

impl Written for Mention {
    fn span(&self) -> Span {
        self.span
    }
}

impl Written for (Span, ActorId) {
    fn span(&self) -> Span {
        self.0
    }
}

impl Written for Span {
    fn span(&self) -> Span {
        *self
    }
}

/// A list of names sorted by their start, with, for each, the furthest end among it and the
/// names before it.
struct Names<'d, T> {
    list: &'d [T],
    reach: Vec<usize>,
}

impl<'d, T: Written> Names<'d, T> {
    fn new(list: &'d [T]) -> Self {
        let mut furthest = 0;
        let reach = list
            .iter()
            .map(|x| {
                furthest = x.span().end_byte.max(furthest);
                furthest
            })
            .collect();
        Self { list, reach }
    }

    /// True when a name overlaps `token`: the names starting before the token's end do
    /// exactly when the furthest of their ends is past its start.
    fn overlap(&self, token: Span) -> bool {
        let starting_before_end =
            self.list.partition_point(|x| x.span().start_byte < token.end_byte);
        starting_before_end
            .checked_sub(1)
            .and_then(|last| self.reach.get(last))
            .is_some_and(|&furthest| furthest > token.start_byte)
    }
}

/// Token distance from token range `a..=b` to the candidate's words.
fn distance(c: &Candidate, a: usize, b: usize) -> usize {
    if b < c.start { c.start - b } else { a.saturating_sub(c.trigger) }
}

/// The candidate nearest to tokens `a..=b` in the same clause region (ties: the earlier).
fn nearest(candidates: &[Candidate], layout: &Layout, a: usize, b: usize) -> Option<usize> {
    let region = layout.region(a);
    candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| c.region == region)
        .min_by_key(|(i, c)| (distance(c, a, b), *i))
        .map(|(i, _)| i)
}

/// Gives each candidate its date, places and actors.
pub(super) fn assign(
    t: &Tokens<'_>,
    doc: &Document,
    within: &Within<'_>,
    layout: &Layout,
    candidates: &mut [Candidate],
) {
    for timex in within.timexes {
        let (Some((start, end)), Some(granularity)) = (timex.interval, timex.granularity) else {
            continue;
        };
        if !matches!(timex.timex_type, TimexType::Date | TimexType::Time) {
            continue;
        }
        let a = t.token_at(timex.span.start_byte);
        let b = t.token_at(timex.span.end_byte.saturating_sub(1));
        let Some(i) = nearest(candidates, layout, a, b) else { continue };
        let d = distance(&candidates[i], a, b);
        let c = &mut candidates[i];
        if c.date.as_ref().is_none_or(|(_, old)| d < *old) {
            let range = DateRange { start, end, granularity, text: timex.text.clone() };
            c.date = Some((range, d));
        }
    }
    for m in within.mentions {
        if m.place.is_none() {
            continue;
        }
        if is_compound_modifier(doc, m.span) {
            continue;
        }
        let a = t.token_at(m.span.start_byte);
        let b = t.token_at(m.span.end_byte.saturating_sub(1));
        let Some(i) = nearest(candidates, layout, a, b) else { continue };
        let c = &mut candidates[i];
        match m.kind {
            MentionKind::Demonym => c.demonyms.push(m.id),
            MentionKind::Toponym | MentionKind::Descriptive => c.mentions.push(m.id),
        }
    }
    for &(span, actor) in within.actors {
        let a = t.token_at(span.start_byte);
        let b = t.token_at(span.end_byte.saturating_sub(1));
        if let Some(i) = nearest(candidates, layout, a, b)
            && !candidates[i].actors.contains(&actor)
        {
            candidates[i].actors.push(actor);
        }
    }
    for c in candidates.iter_mut() {
        // With no place named, the people's countries are the event's ("North Korean leader
        // Kim and Russian President Putin exchanged messages").
        if c.mentions.is_empty() {
            c.mentions.append(&mut c.demonyms);
        }
        c.mentions.sort_unstable();
        c.mentions.dedup();
        c.actors.sort_unstable();
    }
    drop_relative_anchors(doc, candidates);
}

/// "Russia-DPRK relations": a name inside a hyphenated modifier says what the relations are
/// about, not where anything happened.
pub(super) fn is_compound_modifier(doc: &Document, span: Span) -> bool {
    let before = doc.text.get(..span.start_byte).and_then(|s| s.chars().next_back());
    let after = doc.text.get(span.end_byte..).and_then(|s| s.chars().next());
    matches!(before, Some('-')) || matches!(after, Some('-'))
}

/// "some 180 km north of Blagoveschensk": the anchor is a reference point, not a place of the
/// event, when the event has places of its own.
fn drop_relative_anchors(doc: &Document, candidates: &mut [Candidate]) {
    for c in candidates.iter_mut() {
        let anchors: Vec<MentionId> = doc
            .relative_locations
            .iter()
            .filter(|r| c.sentence.contains(&r.span))
            .map(|r| r.anchor)
            .collect();
        if c.mentions.iter().any(|m| !anchors.contains(m)) {
            c.mentions.retain(|m| !anchors.contains(m));
        }
    }
}

/// Attribution ("KCNA reported on Thursday") gives its source to the sentence's first
/// happening, and its date when the happening has none. Alone, it stays as a report.
pub(super) fn lend_attribution(candidates: &mut Vec<Candidate>) {
    let Some(main) = candidates.iter().position(|c| c.role == Role::Happening) else {
        return;
    };
    let mut actors: Vec<ActorId> = Vec::new();
    let mut date = None;
    candidates.retain(|c| {
        if c.role == Role::Attribution {
            actors.extend(&c.actors);
            if date.is_none() {
                date.clone_from(&c.date);
            }
            false
        } else {
            true
        }
    });
    let main = main.min(candidates.len().saturating_sub(1));
    if let Some(c) = candidates.get_mut(main) {
        c.actors.extend(actors);
        c.actors.sort_unstable();
        c.actors.dedup();
        if c.date.is_none() {
            c.date = date;
        }
    }
}

/// Words allowed between a relative pronoun and its trigger: "which had proclaimed".
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "had"
            | "has"
            | "have"
            | "was"
            | "were"
            | "is"
            | "are"
            | "been"
            | "be"
            | "also"
            | "then"
            | "later"
            | "just"
            | "first"
            | "once"
            | "already"
            | "since"
    )
}

/// For "which had proclaimed its independence", the mention the relative pronoun stands for
/// (the nearest place named before it in the sentence).
pub(super) fn relative_subject(
    t: &Tokens<'_>,
    within: &Within<'_>,
    layout: &Layout,
    c: &Candidate,
) -> Option<MentionId> {
    let mut j = c.start;
    let mut pronoun = None;
    for _ in 0..4 {
        if j <= layout.start {
            break;
        }
        j -= 1;
        let w = t.folded(j);
        if matches!(w, "which" | "who" | "that") {
            pronoun = Some(j);
            break;
        }
        if !is_auxiliary(w) {
            break;
        }
    }
    let pronoun = pronoun?;
    let before = t.get(pronoun)?.span.start_byte;
    within
        .mentions
        .iter()
        .rev()
        .filter(|m| m.span.end_byte <= before)
        .find(|m| m.place.is_some() && m.kind != MentionKind::Demonym)
        .filter(|m| t.token_at(m.span.end_byte).saturating_add(4) >= pronoun)
        .map(|m| m.id)
}

/// True when `outer` is a country or first-level division that contains `inner`, a finer
/// place: Russia around Vostochny, Amur Oblast around Tsiolkovsky.
pub(super) fn contains(outer: &Place, inner: &Place) -> bool {
    if outer.id == inner.id || outer.country.is_none() || outer.country != inner.country {
        return false;
    }
    match outer.kind {
        PlaceKind::Country => inner.kind != PlaceKind::Country,
        // A place's `admin1` is its first-level division's name.
        PlaceKind::Admin1 => {
            inner.admin1.as_deref() == Some(&*outer.name)
                && !matches!(inner.kind, PlaceKind::Country | PlaceKind::Admin1)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Tokens inside the spans as they were once marked, token by token: from the first token
    /// ending after a span's start to the last starting before its end.
    fn covered_tokens(t: &Tokens<'_>, spans: &[Span]) -> Vec<bool> {
        let mut covered = vec![false; t.len()];
        for span in spans {
            let mut k = t.token_at(span.start_byte);
            while k < t.len() && t.get(k).is_some_and(|x| x.span.start_byte < span.end_byte) {
                covered[k] = true;
                k += 1;
            }
        }
        covered
    }

    proptest! {
        #[test]
        fn a_name_covers_the_tokens_it_once_marked(
            words in proptest::collection::vec("[a-z]{1,6}|[A-Z][a-z]{0,5}|[,.()]", 1..30),
            raw in proptest::collection::vec((0usize..200, 0usize..20), 0..8),
        ) {
            let text = words.join(" ");
            let mut spans: Vec<Span> = raw
                .iter()
                .map(|&(start, len)| Span::new(start.min(text.len()), (start + len).min(text.len())))
                .collect();
            spans.sort_unstable();
            let t = Tokens::new(&text);
            let marked = covered_tokens(&t, &spans);
            let names = Names::new(&spans);
            for (k, &is_marked) in marked.iter().enumerate() {
                prop_assert_eq!(names.overlap(t.tokens[k].span), is_marked, "token {}", k);
            }
        }
    }
}
