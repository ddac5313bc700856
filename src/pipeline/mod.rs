//! The extraction pipeline: text in, places, people, relative locations and events out.
//!
//! Stages, in order (each a module named for what it does):
//! 1. `tokens`: tokens and sentences ([`crate::text::segment`]), folded words, case evidence;
//! 2. `credits` and `dateline`: photo credits (no places in them) and the dateline city;
//! 3. `actors`: people and organisations, which block false places ("Kim", "EFE");
//! 4. `recognize`: gazetteer names weighed by evidence into place mentions;
//! 5. `apposition` and `relative`: "X (former Y)" pairs and "180 km north of X";
//! 6. `resolve`: candidates ranked by prominence, text cues and document context;
//! 7. `descriptive`: "the only border crossing between the two countries";
//! 8. [`crate::timex`]: the document date and time expressions;
//! 9. `events`: reported happenings with their dates, places and actors.

mod actors;
mod apposition;
mod credits;
mod dateline;
mod descriptive;
mod events;
mod memo;
mod recognize;
mod relative;
mod resolve;
mod resources;
mod tokens;
mod weights;
mod words;

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::gazetteer::{EntryId, Gazetteer};
use crate::model::{
    Actor, ActorId, Candidate, DateSource, Document, DocumentInput, Mention, MentionId,
    MentionKind, Place, RelativeLocation, Span,
};
use crate::timex::TimexRecognizer;
use resolve::{Relations, Resolution};
pub(crate) use resources::Resources;
use tokens::Tokens;

pub use weights::{MAX_ALTERNATIVES, RECOGNITION_THRESHOLD};

/// Runs every stage over a document. Cheap to clone and `Send + Sync`: one pipeline serves
/// all worker threads.
#[derive(Clone, Debug)]
pub struct Pipeline {
    resources: Arc<Resources>,
    timex: TimexRecognizer,
}

impl Pipeline {
    /// A pipeline over a loaded gazetteer (and the built-in English lexicon).
    pub fn new(gazetteer: Arc<Gazetteer>) -> Self {
        Self { resources: Arc::new(Resources::new(gazetteer)), timex: TimexRecognizer::new() }
    }

    /// The gazetteer this pipeline resolves against.
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.resources.gazetteer
    }

    /// Processes one document. Never fails: what cannot be resolved is kept with a reason.
    pub fn process(&self, input: DocumentInput) -> Document {
        self.run(input, None)
    }

    /// Processes one document whose place mentions are already known (`spans`), resolving
    /// only those. Used to measure resolution apart from recognition ("gold toponyms").
    /// Spans out of bounds or not on character boundaries are skipped.
    pub fn process_with_spans(&self, input: DocumentInput, spans: &[Span]) -> Document {
        self.run(input, Some(spans))
    }

    #[tracing::instrument(level = "debug", skip_all, fields(name = %input.name, bytes = input.text.len()))]
    fn run(&self, input: DocumentInput, given_spans: Option<&[Span]>) -> Document {
        let res = &*self.resources;
        res.memo.bound();
        let text = input.text.as_str();
        let t = Tokens::new(text);
        let credits = credits::find_credits(&t);
        let dateline = dateline::find_dateline(&t);
        let found_actors = actors::find_actors(&t, res, dateline.as_ref(), &credits);
        let recognized = recognize::recognize(&t, res, &found_actors, &credits, dateline.as_ref());
        // With given spans, only those are output; the places recognised elsewhere in the text
        // stay as context (qualifiers, the document's countries, coherence), as a reader has it.
        let (spots, is_output) = match given_spans {
            Some(spans) => {
                let mut spots: Vec<(recognize::Spot, bool)> =
                    recognize::spots_at(&t, res, spans).into_iter().map(|s| (s, true)).collect();
                for s in recognized {
                    if !spots.iter().any(|(g, _)| g.span.overlaps(&s.span)) {
                        spots.push((s, false));
                    }
                }
                spots.sort_by_key(|(s, _)| (s.span.start_byte, s.span.end_byte));
                spots.into_iter().unzip()
            }
            None => {
                let n = recognized.len();
                (recognized, vec![true; n])
            }
        };
        let appositions = apposition::find_appositions(&t, &spots);
        let relatives = relative::find_relative(&t, &spots);
        let dateline_spot = dateline
            .as_ref()
            .and_then(|d| spots.iter().position(|s| s.tokens == d.place && s.dateline));
        let relations =
            Relations { appositions: &appositions, relatives: &relatives, dateline: dateline_spot };
        let resolutions = resolve::resolve(&t, res, &spots, &relations);
        let mut mentions: Vec<Mention> = {
            // Places recur within and across documents: each is copied out of the gazetteer
            // once per worker thread (see `memo`).
            let mut memo = res.memo.local().borrow_mut();
            spots
                .iter()
                .zip(resolutions)
                .zip(&is_output)
                .filter(|(_, output)| **output)
                .map(|((spot, r), _)| self.mention(text, spot.span, spot.kind, r, &mut memo.places))
                .collect()
        };
        if given_spans.is_none() {
            for d in descriptive::find_descriptions(&t, res, &mentions) {
                if mentions.iter().any(|m| m.span.overlaps(&d.span)) {
                    continue;
                }
                let place = res.gazetteer.place(d.entry);
                mentions.push(Mention {
                    id: MentionId(0),
                    span: d.span,
                    text: d.span.text(text).unwrap_or("").to_owned(),
                    kind: MentionKind::Descriptive,
                    score: if place.is_some() { 1.0 } else { 0.0 },
                    place,
                    alternatives: Vec::new(),
                    reason: Some(d.reason),
                });
            }
        }
        // Sorted by offset, ids are indices; spots map to mentions by span.
        mentions.sort_by_key(|m| (m.span.start_byte, m.span.end_byte));
        for (i, m) in mentions.iter_mut().enumerate() {
            m.id = MentionId(i as u32);
        }
        let mention_at =
            |span: Span| mentions.iter().position(|m| m.span == span).map(|i| MentionId(i as u32));
        let relative_locations: Vec<RelativeLocation> = relatives
            .iter()
            .filter_map(|r| {
                let anchor = mention_at(spots[r.anchor].span)?;
                let anchor_place = mentions[anchor.index()].place.as_ref();
                let implied = anchor_place.map(|p| resolve::implied_area(r, p.position).0);
                Some(RelativeLocation {
                    span: r.span,
                    text: r.span.text(text).unwrap_or("").to_owned(),
                    anchor,
                    target: r.target.and_then(|x| mention_at(spots[x].span)),
                    distance_km: r.distance_km,
                    distance_tolerance: r.tolerance,
                    bearing_deg: r.bearing_deg.unwrap_or(0.0),
                    bearing_spread_deg: r.spread_deg,
                    implied: if r.bearing_deg.is_some() { implied } else { None },
                })
            })
            .collect();
        let actors: Vec<Actor> = found_actors
            .list
            .into_iter()
            .enumerate()
            .map(|(i, a)| Actor {
                id: ActorId(i as u32),
                name: a.name,
                kind: a.kind,
                spans: a.spans,
            })
            .collect();
        // The document date: given by the caller, else from the dateline, explicit dates and
        // anniversaries; relative time expressions are anchored on it.
        let (inferred, timexes) = self.timex.find_dated(text, input.date);
        let (date, date_source) = match input.date {
            Some(d) => (Some(d), DateSource::Given),
            None => inferred.map_or((None, DateSource::Unknown), |(d, s)| (Some(d), s)),
        };
        let mut document = Document {
            name: input.name,
            text: input.text.clone(),
            date,
            date_source,
            sentences: t.sentences.clone(),
            mentions,
            timexes,
            actors,
            relative_locations,
            events: Vec::new(),
        };
        let dateline_span = dateline.as_ref().map(|d| d.span(&t));
        document.events = events::extract_events(&t, &document, dateline_span);
        document
    }

    /// A mention from a spot's resolution.
    fn mention(
        &self,
        text: &str,
        span: Span,
        kind: MentionKind,
        r: Resolution,
        places: &mut FxHashMap<EntryId, Option<Place>>,
    ) -> Mention {
        let g = &self.resources.gazetteer;
        // Places repeat across mentions: each is copied out of the gazetteer once (its strings
        // are shared), and only the places a mention keeps are copied at all; the other
        // candidates are compared by their ranking's country and point.
        let mut place_of =
            |e: EntryId| places.entry(e).or_insert_with(|| g.place(e)).as_ref().cloned();
        let place = r.chosen().and_then(&mut place_of);
        let mut score = r.ranked.first().map_or(0.0, |x| x.probability);
        // The alternatives kept: real rivals first (they are what a user may want to switch
        // to), then the same place at another level, for correction. Only the first
        // `MAX_ALTERNATIVES` of each can be kept, so they are counted in place, by index.
        let mut rivals = [0usize; MAX_ALTERNATIVES];
        let mut same_place = [0usize; MAX_ALTERNATIVES];
        let (mut n_rivals, mut n_same) = (0, 0);
        for (k, other) in r.ranked.iter().enumerate().skip(1) {
            match &place {
                Some(chosen) if other.is_same_place_as(chosen) => {
                    // Moscow the city and Moscow the federal subject are one answer to "where":
                    // they add to the confidence instead of looking like a rival.
                    score += other.probability;
                    if n_same < MAX_ALTERNATIVES {
                        same_place[n_same] = k;
                        n_same += 1;
                    }
                }
                _ if n_rivals < MAX_ALTERNATIVES => {
                    rivals[n_rivals] = k;
                    n_rivals += 1;
                }
                _ => {}
            }
        }
        let kept = rivals[..n_rivals].iter().chain(&same_place[..n_same]).take(MAX_ALTERNATIVES);
        let mut alternatives: Vec<Candidate> =
            Vec::with_capacity((n_rivals + n_same).min(MAX_ALTERNATIVES));
        for &k in kept {
            let other = &r.ranked[k];
            if let Some(place) = place_of(other.entry) {
                alternatives.push(Candidate { place, score: other.probability });
            }
        }
        let score = score.min(1.0);
        Mention {
            id: MentionId(0),
            span,
            text: span.text(text).unwrap_or("").to_owned(),
            kind,
            place,
            score,
            alternatives,
            reason: Some(r.reason),
        }
    }
}
