//! Events: each reported happening (a meeting, an exchange of messages, a recognition, a
//! report, an observation) with its date, places, actors, summary and sentence.
//!
//! A sentence's trigger words ([`triggers`]) are its candidate events. Each time expression,
//! place mention and actor of the sentence goes to the nearest trigger in its clause
//! ([`layout`]): "after Japan's defeat in World War-2 in 1945" dates the defeat, not the main
//! clause. Attribution ("KCNA reported on Thursday") lends its source and date to the
//! sentence's happening. Noun triggers with a referring determiner ("the summit") refer to an
//! event told elsewhere and make none of their own. Finally the same happening told several
//! times (a caption, the lead, a later paragraph) is merged into one event ([`merge`]), and
//! places that only contain another of the event's places (Russia around Vostochny) are
//! dropped, since the map should show where it happened.

mod layout;
mod merge;
mod participants;
mod summary;
mod triggers;

#[cfg(test)]
mod tests;

use crate::model::{
    ActorId, DateRange, Document, Event, EventKind, Mention, MentionId, Span, Timex,
};
use crate::pipeline::tokens::Tokens;
use layout::Layout;
use triggers::{Part, Role, Trigger};

/// One trigger in a sentence, with what has been gathered for it.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    /// The sort of event.
    pub kind: EventKind,
    /// Happening or attribution.
    pub role: Role,
    /// The trigger word's token.
    pub trigger: usize,
    /// Where the event's words start: a light verb ("held a summit") or a possessor
    /// ("Japan's defeat"); else `trigger`.
    pub start: usize,
    /// Clause region of the trigger.
    pub region: u32,
    /// A noun trigger after a referring determiner ("the summit").
    pub reference: bool,
    /// The date and the token distance of its expression from the trigger.
    pub date: Option<(DateRange, usize)>,
    /// Place mentions (toponyms and descriptions).
    pub mentions: Vec<MentionId>,
    /// Demonyms ("North Korean leader"): the event's places when it names none.
    pub demonyms: Vec<MentionId>,
    /// People and organisations.
    pub actors: Vec<ActorId>,
    /// True when a place mention is the subject (before the trigger in its clause): "The US
    /// and South Korea have objected".
    pub place_subject: bool,
    /// The sentence span.
    pub sentence: Span,
    /// A short summary.
    pub summary: String,
}

impl Candidate {
    /// The span from the event's first word to the trigger's end ("held a summit").
    fn trigger_span(&self, t: &Tokens<'_>) -> Span {
        t.span(self.start, self.trigger + 1)
    }
}

/// The document's mentions, time expressions and actor names inside one sentence (slices of
/// the sorted document lists, so each sentence costs only its own size).
pub(crate) struct Within<'d> {
    /// Place mentions, sorted.
    pub mentions: &'d [Mention],
    /// Time expressions, sorted.
    pub timexes: &'d [Timex],
    /// Actor names with their actor, sorted.
    pub actors: &'d [(Span, ActorId)],
}

impl<'d> Within<'d> {
    fn new(doc: &'d Document, actors: &'d [(Span, ActorId)], s: Span) -> Self {
        fn range<T>(list: &[T], s: Span, span: impl Fn(&T) -> Span) -> &[T] {
            let a = list.partition_point(|x| span(x).start_byte < s.start_byte);
            let b = list.partition_point(|x| span(x).start_byte < s.end_byte);
            list.get(a..b.max(a)).unwrap_or(&[])
        }
        Self {
            mentions: range(&doc.mentions, s, |m| m.span),
            timexes: range(&doc.timexes, s, |x| x.span),
            actors: range(actors, s, |a| a.0),
        }
    }
}

/// Finds the events of a processed document. `dateline` is the span of the dateline ("Seoul,
/// Oct 12 (EFE).-"): its place and date are where and when the story was filed, not where
/// anything in it happened.
pub(crate) fn extract_events(t: &Tokens<'_>, doc: &Document, dateline: Option<Span>) -> Vec<Event> {
    let mut actor_spans: Vec<(Span, ActorId)> =
        doc.actors.iter().flat_map(|a| a.spans.iter().map(|&s| (s, a.id))).collect();
    actor_spans.sort_unstable();
    let covered = participants::Covered::new(&doc.mentions, &actor_spans);
    let mut found: Vec<(Candidate, Span)> = Vec::new();
    // Most sentences have no trigger word: only those with one are visited, and laid out.
    let hits = trigger_words(t, &covered);
    let mut layout = Layout::default();
    let mut rest = hits.as_slice();
    while let Some(&(first, _)) = rest.first() {
        let start = sentence_start(t, first);
        let end = sentence_end(t, start);
        let (in_sentence, after) = rest.split_at(rest.partition_point(|&(k, _)| k < end));
        rest = after;
        // The dateline's place and date are where and when the story was filed.
        let from = match dateline {
            Some(d) if t.span(start, end).overlaps(&d) => t.token_at(d.end_byte).min(end),
            _ => start,
        };
        let hits = &in_sentence[in_sentence.partition_point(|&(k, _)| k < from)..];
        if hits.is_empty() {
            continue;
        }
        layout.lay_out(t, from, end);
        let within = Within::new(doc, &actor_spans, t.span(from, end));
        let sentence = t.span(start, end);
        for c in sentence_events(t, doc, &within, &layout, hits, sentence) {
            let span = c.trigger_span(t);
            found.push((c, span));
        }
    }
    merge::merge(doc, found)
}

/// The trigger words of the text outside names, in order.
fn trigger_words(t: &Tokens<'_>, covered: &participants::Covered<'_>) -> Vec<(usize, Trigger)> {
    let mut hits = Vec::new();
    for k in 0..t.len() {
        if !t.is_word(k) {
            continue;
        }
        if let Some(trigger) = triggers::trigger(t.folded(k), || t.folded(k + 1))
            && let Some(token) = t.get(k)
            && !covered.covers(token.span)
        {
            hits.push((k, trigger));
        }
    }
    hits
}

/// The first token of the sentence token `k` is in.
fn sentence_start(t: &Tokens<'_>, k: usize) -> usize {
    let sentence = t.sentence(k);
    let before = t.tokens.get(..k).unwrap_or(&[]);
    before.iter().rposition(|x| x.sentence != sentence).map_or(0, |p| p + 1)
}

/// One past the last token of the sentence token `start` is in.
fn sentence_end(t: &Tokens<'_>, start: usize) -> usize {
    let sentence = t.sentence(start);
    let rest = t.tokens.get(start..).unwrap_or(&[]);
    start + rest.iter().position(|x| x.sentence != sentence).unwrap_or(rest.len())
}

/// The events of one sentence (`sentence`: all of it; `layout`: the part after a dateline).
fn sentence_events(
    t: &Tokens<'_>,
    doc: &Document,
    within: &Within<'_>,
    layout: &Layout,
    hits: &[(usize, Trigger)],
    sentence: Span,
) -> Vec<Candidate> {
    let mut candidates = find_triggers(t, layout, hits, sentence);
    if candidates.is_empty() {
        return Vec::new();
    }
    participants::assign(t, doc, within, layout, &mut candidates);
    // A reference ("the summit") stands as an event only with a date of its own.
    candidates.retain(|c| !c.reference || c.date.is_some());
    participants::lend_attribution(&mut candidates);
    for c in &mut candidates {
        let subject = participants::relative_subject(t, within, layout, c);
        if let Some(m) = subject.filter(|m| !c.mentions.contains(m)) {
            c.mentions.push(m);
            c.mentions.sort_unstable();
            c.place_subject = true;
        }
        let zone = summary::subject_zone(t, layout, c);
        c.place_subject |= summary::place_in_subject(t, doc, within, zone);
        c.summary = summary::summarize(t, doc, within, layout, c, zone, subject);
    }
    candidates.retain(worth_keeping);
    candidates
}

/// The trigger words of a sentence (`hits`: their tokens, in order, outside names) as
/// candidates, one per run of same-kind triggers in a clause ("greets ... during a visit" is
/// one meeting).
fn find_triggers(
    t: &Tokens<'_>,
    layout: &Layout,
    hits: &[(usize, Trigger)],
    sentence: Span,
) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for &(k, trigger) in hits {
        let region = layout.region(k);
        if irrealis(t, layout, k) || hearsay(t, layout, k) {
            continue;
        }
        let (start, reference) = match trigger.part {
            Part::Verb => (k, false),
            // "Call toll free ...", "Deal with the budget": a bare noun trigger opening a
            // sentence is an imperative verb.
            Part::Noun if k == layout.start && t.is_capitalised(k) => continue,
            Part::Noun => noun_start(t, layout, k),
        };
        // "launched an attack", "signed a treaty": the light verb's own trigger gives way.
        if start < k {
            out.retain(|c| !(c.region == region && c.trigger >= start && c.trigger < k));
        }
        if let Some(last) = out.last_mut()
            && last.region == region
            && last.kind == trigger.kind
            && last.role == trigger.role
        {
            // Same kind in the same clause: one event, told with more words.
            last.reference &= reference;
            continue;
        }
        out.push(Candidate {
            kind: trigger.kind,
            role: trigger.role,
            trigger: k,
            start,
            region,
            reference,
            date: None,
            mentions: Vec::new(),
            demonyms: Vec::new(),
            actors: Vec::new(),
            place_subject: false,
            sentence,
            summary: String::new(),
        });
    }
    out
}

/// True when a modal, negation or plan shortly before trigger `k` makes it unreal: "could
/// result in sanctions", "did not meet", "plans to visit".
fn irrealis(t: &Tokens<'_>, layout: &Layout, k: usize) -> bool {
    (k.saturating_sub(4).max(layout.start)..k)
        .any(|j| layout.region(j) == layout.region(k) && triggers::is_irrealis(t.folded(j)))
}

/// "is said to incorporate", "Said to date from": hearsay about a thing, not a statement.
fn hearsay(t: &Tokens<'_>, layout: &Layout, k: usize) -> bool {
    matches!(t.folded(k), "said" | "says" | "claimed" | "reported")
        && t.folded(k + 1) == "to"
        && (k == layout.start
            || matches!(t.folded(k - 1), "is" | "was" | "are" | "were" | "been" | "being" | "be"))
}

/// Where a noun trigger's words start, and whether a referring determiner makes it a
/// reference: "held a summit" starts at "held"; "the supposed deal" is a reference.
fn noun_start(t: &Tokens<'_>, layout: &Layout, k: usize) -> (usize, bool) {
    let region = layout.region(k);
    let mut reference = false;
    let mut start = k;
    // The possessor of "Japan's defeat" is part of the event's words.
    if k >= layout.start + 2
        && t.get(k - 1).is_some_and(|x| x.kind == crate::text::TokenKind::Possessive)
    {
        return (k - 2, false);
    }
    // Up to three modifiers back ("an official goodwill visit") to a determiner or a light
    // verb.
    let mut j = k;
    for _ in 0..4 {
        if j <= layout.start {
            break;
        }
        j -= 1;
        if layout.region(j) != region || !t.is_word(j) {
            break;
        }
        let w = t.folded(j);
        if triggers::is_referring(w) {
            reference = true;
            continue;
        }
        if triggers::is_light_verb(w) {
            start = j;
            break;
        }
        // A preposition ends the noun phrase: "reached during the summit".
        if !t.is_lower(j) || triggers::is_preposition(w) {
            break;
        }
    }
    (start, reference && start == k)
}

/// Whether a candidate tells the reader something worth an entry: a date, a place or an
/// actor. Statements and reports are everywhere in news, so they need a date or a place as
/// their subject ("The US and South Korea have objected").
fn worth_keeping(c: &Candidate) -> bool {
    match c.kind {
        EventKind::Statement | EventKind::Report => c.date.is_some() || c.place_subject,
        _ => c.date.is_some() || !c.mentions.is_empty() || !c.actors.is_empty(),
    }
}
