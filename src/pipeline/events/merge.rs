//! The same happening told several times is one event: the caption's "greets ... during a
//! visit" on 13 September, the lead's "held a summit in Russia last month" and "had met in
//! September in Vostochny" are one summit.
//!
//! Two candidates are the same event when they are of the same kind, nothing they say
//! contradicts (dates overlap, places are the same or one contains the other, actors overlap;
//! each where both say it), and at least one of those agreements is positive.

use super::Candidate;
use super::participants::contains;
use crate::model::{
    ActorId, ActorKind, DateRange, Document, Event, EventId, MentionId, Place, Span,
};

/// Merges candidates (in text order) into events, sorted by their trigger's position and
/// numbered. An event's summary, trigger and sentence are its representative telling's: the
/// most precisely dated, else the first.
pub(super) fn merge(doc: &Document, found: Vec<(Candidate, Span)>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for (c, trigger) in found {
        let date = c.date.map(|(d, _)| d);
        let target = out.iter().position(|m| {
            m.kind == c.kind && same_event(doc, m, date.as_ref(), &c.mentions, &c.actors)
        });
        match target {
            Some(i) => {
                let m = &mut out[i];
                // Kept sorted and unique as they grow: a story retold many times would
                // otherwise pile up copies that every later comparison walks through.
                m.mentions.extend(&c.mentions);
                m.mentions.sort_unstable();
                m.mentions.dedup();
                m.actors.extend(&c.actors);
                m.actors.sort_unstable();
                m.actors.dedup();
                if precision(date.as_ref()) < precision(m.date.as_ref()) {
                    m.date = date;
                    m.summary = c.summary;
                    m.trigger = trigger;
                    m.sentence = c.sentence;
                }
            }
            None => out.push(Event {
                id: EventId(0),
                kind: c.kind,
                date,
                mentions: c.mentions,
                actors: c.actors,
                summary: c.summary,
                trigger,
                sentence: c.sentence,
            }),
        }
    }
    for m in &mut out {
        m.mentions.sort_unstable();
        m.mentions.dedup();
        m.actors.sort_unstable();
        m.actors.dedup();
        prune_containers(doc, &mut m.mentions);
    }
    out.sort_by_key(|m| m.trigger.start_byte);
    for (i, e) in out.iter_mut().enumerate() {
        e.id = EventId(i as u32);
    }
    out
}

/// Days in a date's interval; undated sorts last.
fn precision(date: Option<&DateRange>) -> i64 {
    date.map_or(i64::MAX, |d| (d.end - d.start).num_days())
}

fn place_of(doc: &Document, m: MentionId) -> Option<&Place> {
    doc.mentions.get(m.index()).and_then(|x| x.place.as_ref())
}

/// Whether a candidate tells the same event as `m` (see the module docs).
fn same_event(
    doc: &Document,
    m: &Event,
    date: Option<&DateRange>,
    mentions: &[MentionId],
    actors: &[ActorId],
) -> bool {
    let mut agree = false;
    if let (Some(a), Some(b)) = (&m.date, date) {
        if a.end < b.start || b.end < a.start {
            return false;
        }
        agree = true;
    }
    if !m.mentions.is_empty() && !mentions.is_empty() {
        let linked = m.mentions.iter().filter_map(|&x| place_of(doc, x)).any(|p| {
            mentions
                .iter()
                .filter_map(|&y| place_of(doc, y))
                .any(|q| p.id == q.id || contains(p, q) || contains(q, p))
        });
        if !linked {
            return false;
        }
        agree = true;
    }
    // People decide; organisations are mostly sources ("according to KCNA").
    let is_person =
        |a: &&ActorId| doc.actors.get(a.index()).is_some_and(|x| x.kind == ActorKind::Person);
    if m.actors.iter().any(|a| is_person(&a)) && actors.iter().any(|a| is_person(&a)) {
        // A person among ours is among theirs when it is in their list at all.
        if !m.actors.iter().filter(is_person).any(|a| actors.contains(a)) {
            return false;
        }
        agree = true;
    }
    agree
}

/// Drops mentions whose place only contains another of the event's places.
fn prune_containers(doc: &Document, mentions: &mut Vec<MentionId>) {
    let places: Vec<Option<&Place>> = mentions.iter().map(|&m| place_of(doc, m)).collect();
    let keep: Vec<bool> = places
        .iter()
        .map(|p| p.is_none_or(|p| !places.iter().flatten().any(|q| contains(p, q))))
        .collect();
    let mut i = 0;
    mentions.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}
