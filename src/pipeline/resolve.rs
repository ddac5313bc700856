//! Resolution: which gazetteer entry each mention names.
//!
//! Every candidate gets a score from named, documented evidence
//! ([`super::weights::resolution`]): its prominence (population, kind, capital), how the name
//! relates to it (preferred, alternate, former, code, loose spelling), generic words ("Amur
//! region"), "City, State" qualifiers, appositions ("Tsiolkovsky (former Uglegorsk)"), then,
//! iterating over the document, its country and region being named, nearness to the other
//! places chosen, the dateline, relative expressions' implied points, and being chosen by
//! another mention. A softmax over a mention's candidates gives their probabilities. Finally
//! one sense per document: unqualified mentions of the same name share one resolution.

use std::fmt::Write as _;
use std::hash::{Hash as _, Hasher as _};

use rustc_hash::FxHashMap;

use super::Resources;
use super::recognize::{Spot, kind_fits};
use super::relative::RelativeExpr;
use super::tokens::Tokens;
use super::weights::{COHERENCE_HALF_KM, RESOLUTION_TEMPERATURE, resolution as w};
use super::words::GenericKind;
use crate::gazetteer::{EntryId, Gazetteer, MatchKind, NameKind, NameMatch};
use crate::geodesy::{destination, distance_km};
use crate::model::{MentionKind, Place, PlaceKind, PlaceNamespace, Position, SAME_PLACE_KM};

/// Candidates kept per mention, by prior: "Springfield" has dozens; the rest never win.
const MAX_CANDIDATES: usize = 40;

/// Context rounds after the first, prior-only one.
const CONTEXT_ROUNDS: usize = 2;

/// Other places used for spatial coherence, the most confident first.
const MAX_COHERENCE_PLACES: usize = 60;

/// Slack added to a relative expression's radius, in km (gazetteer points of towns and
/// facilities are not where the reporter measured from).
const RELATIVE_SLACK_KM: f64 = 30.0;

/// Distance within which a candidate is "near the dateline", in km.
const DATELINE_NEAR_KM: f64 = 300.0;

/// Relations between mentions that resolution uses as evidence.
#[derive(Debug, Default)]
pub(crate) struct Relations<'a> {
    /// Pairs of spots naming one place ("Tsiolkovsky (former Uglegorsk)").
    pub appositions: &'a [(usize, usize)],
    /// Relative expressions anchored on spots.
    pub relatives: &'a [RelativeExpr],
    /// The dateline city's spot.
    pub dateline: Option<usize>,
}

/// A candidate of a resolution with its probability.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ranked {
    /// The gazetteer entry.
    pub entry: EntryId,
    /// Its probability.
    pub probability: f32,
    /// Its country and point, so that the ranking can be compared with the choice without
    /// reading the gazetteer again.
    pub country: Option<[u8; 2]>,
    /// Its point.
    pub position: Position,
}

impl Ranked {
    /// The country code as text.
    pub fn country(&self) -> Option<&str> {
        self.country.as_ref().and_then(|c| std::str::from_utf8(c).ok())
    }

    /// [`Place::is_same_place_at`] for this candidate, asked for every candidate of every
    /// mention: most differ from `place` in country or latitude, which is decided on bytes and
    /// one subtraction before the great-circle distance is worked out.
    pub fn is_same_place_as(&self, place: &Place) -> bool {
        let same_country = match (&place.country, &self.country) {
            (Some(a), Some(b)) => a.as_bytes() == b,
            _ => false,
        };
        same_country
            && (place.position.y() - self.position.y()).abs() <= SAME_PLACE_MAX_LAT_DEG
            && place.is_same_place_at(self.country(), self.position)
    }
}

/// Latitudes further apart than this, in degrees, are further apart than [`SAME_PLACE_KM`]
/// (a degree of latitude is some 111 km everywhere): a margin of over 10% on the distance
/// makes the shortcut agree with the distance itself.
const SAME_PLACE_MAX_LAT_DEG: f64 = SAME_PLACE_KM * 1.1 / 111.0;

/// The outcome for one mention.
#[derive(Clone, Debug)]
pub(crate) struct Resolution {
    /// Candidates with probabilities, best first (empty when there were none).
    pub ranked: Vec<Ranked>,
    /// How the choice was made, or why there is none.
    pub reason: String,
}

impl Resolution {
    /// The chosen entry.
    pub fn chosen(&self) -> Option<EntryId> {
        self.ranked.first().map(|r| r.entry)
    }
}

/// A candidate entry of a mention with its prior. Candidates do not change once made: the
/// evidence of a round is summed straight into the mention's scores (see [`Snapshot::weigh`]),
/// so lists are plain rows that are copied, never rebuilt.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cand {
    entry: EntryId,
    kind: PlaceKind,
    country: Option<[u8; 2]>,
    admin1: Option<EntryId>,
    admin2: Option<EntryId>,
    position: Position,
    /// Unit vector of `position`, for fast closeness; only of small places (not
    /// [`Self::is_large`]), the only ones weighed by closeness.
    xyz: [f64; 3],
    population: u64,
    prior: f32,
}

impl Cand {
    /// True for places whose point stands for a large area (countries, continents, regions).
    fn is_large(&self) -> bool {
        matches!(self.kind, PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region)
    }
}

/// The sum of no evidence, as `Iterator::sum` starts it: scores add evidence to this in the
/// order it is found, so their arithmetic is that of summing a list of it.
const NO_EVIDENCE: f32 = -0.0;

/// Resolves every spot; `result[i]` belongs to `spots[i]`.
pub(crate) fn resolve(
    t: &Tokens<'_>,
    res: &Resources,
    spots: &[Spot],
    relations: &Relations<'_>,
) -> Vec<Resolution> {
    // Mentions of one name with the same generic cue have the same candidates and priors, and
    // unless a relation of their own singles them out (qualifier, apposition, relative
    // expression, dateline), the same evidence: one representative is scored for all.
    let qualifiers = qualifier_pairs(t, spots);
    let personal: Vec<bool> = (0..spots.len())
        .map(|i| {
            qualifiers.iter().any(|&(a, b)| a == i || b == i)
                || relations.appositions.iter().any(|&(a, b)| a == i || b == i)
                || relations.relatives.iter().any(|r| r.described.contains(&i))
                || relations.dateline == Some(i)
        })
        .collect();
    // Maps over the spots are made at their full size once rather than grown.
    let mut interned: FxHashMap<&str, u32> = sized_map(spots.len());
    let key_ids: Vec<u32> = spots
        .iter()
        .map(|s| {
            let next = interned.len() as u32;
            *interned.entry(s.key.as_str()).or_insert(next)
        })
        .collect();
    let mut first: FxHashMap<(u32, Option<GenericKind>), usize> = sized_map(spots.len());
    let mut first_plain: FxHashMap<(u32, Option<GenericKind>), usize> = sized_map(spots.len());
    let mut reps: Vec<usize> = Vec::with_capacity(spots.len());
    let mut cands: Vec<Vec<Cand>> = Vec::with_capacity(spots.len());
    for (i, s) in spots.iter().enumerate() {
        let signature = (key_ids[i], s.generic);
        if !personal[i]
            && let Some(&j) = first_plain.get(&signature)
        {
            reps.push(j);
            cands.push(Vec::new());
            continue;
        }
        reps.push(i);
        match first.get(&signature) {
            Some(&j) => cands.push(cands[j].clone()),
            None => {
                first.insert(signature, i);
                cands.push(remembered_candidates(res, s));
            }
        }
        if !personal[i] {
            first_plain.insert(signature, i);
        }
    }
    // Probabilities of representatives only; a mention that is not one reads its
    // representative's (`probs[reps[i]]`).
    let mut probs: Vec<Vec<f32>> = cands.iter().map(|c| softmax(c)).collect();
    let mut round = 0;
    let last = loop {
        let snapshot = Snapshot::take(spots, &key_ids, &reps, &cands, &probs);
        for i in 0..cands.len() {
            // A single candidate needs no evidence to win.
            if reps[i] != i || cands[i].len() < 2 {
                continue;
            }
            let weighing = snapshot.weighing(i, &qualifiers, relations, round > 0);
            // With no evidence at all the probabilities stay those of the priors.
            if weighing.context || !weighing.textual.is_empty() {
                snapshot.reweigh(&weighing, &cands[i], &mut probs[i]);
            }
        }
        if round == CONTEXT_ROUNDS {
            break snapshot;
        }
        round += 1;
    };
    let mut out: Vec<Resolution> = Vec::with_capacity(spots.len());
    for i in 0..spots.len() {
        let resolution = match reps[i] {
            r if r == i => {
                // The chosen candidate's evidence of the last round, for its explanation.
                let evidence = |c: &Cand| {
                    let mut found = Vec::new();
                    if cands[i].len() >= 2 {
                        let weighing = last.weighing(i, &qualifiers, relations, CONTEXT_ROUNDS > 0);
                        last.weigh(&weighing, c, &mut |what, weight| found.push((what, weight)));
                    }
                    found
                };
                finish(res, &spots[i], &cands[i], &probs[i], evidence)
            }
            r => out[r].clone(),
        };
        out.push(resolution);
    }
    one_sense_per_document(spots, &key_ids, &qualifiers, relations, &mut out);
    out
}

/// An empty map with room for `n` keys.
fn sized_map<K, V>(n: usize) -> FxHashMap<K, V> {
    FxHashMap::with_capacity_and_hasher(n, Default::default())
}

/// [`candidates`], from the thread's memo when a spot with the same matches and generic cue
/// was seen before (in this or an earlier document; see [`super::memo`]).
fn remembered_candidates(res: &Resources, spot: &Spot) -> Vec<Cand> {
    let Ok(mut memo) = res.memo.local().try_borrow_mut() else { return candidates(res, spot) };
    let mut hasher = rustc_hash::FxHasher::default();
    (&spot.matches, spot.generic).hash(&mut hasher);
    let hash = hasher.finish();
    if let Some((matches, generic, known)) = memo.candidates.get(&hash)
        && **matches == *spot.matches
        && *generic == spot.generic
    {
        return known.clone();
    }
    let fresh = candidates(res, spot);
    memo.candidates.insert(hash, (spot.matches.as_slice().into(), spot.generic, fresh.clone()));
    fresh
}

/// Candidates of a spot with their priors, best first, at most [`MAX_CANDIDATES`].
fn candidates(res: &Resources, spot: &Spot) -> Vec<Cand> {
    let g = &res.gazetteer;
    // Each entry once, by its best match: sorted by entry and then by how well it matched, the
    // first of each entry is kept.
    let mut matches: Vec<NameMatch> = spot.matches.clone();
    matches.sort_unstable_by_key(|m| (m.entry, m.match_kind, m.name_kind));
    matches.dedup_by_key(|m| m.entry);
    // Each entry is read once, from its row.
    let matches: Vec<(NameMatch, Facts<'_>)> =
        matches.into_iter().filter_map(|m| Some((m, Facts::of(g, m.entry)?))).collect();
    // Former states matter only to a country known by a historical name: the features of the
    // other matches are read only then.
    let has_successor = matches
        .iter()
        .any(|(m, e)| m.name_kind == NameKind::Historical && e.kind == PlaceKind::Country);
    let names_former_state = has_successor
        && matches.iter().any(|(m, _)| {
            matches!(m.name_kind, NameKind::Preferred | NameKind::Official | NameKind::Alternate)
                && is_former_state(g, m.entry)
        });
    let mut out: Vec<Cand> = matches
        .iter()
        .map(|(m, e)| {
            let mut prior = w::POPULATION * ((e.population as f32).ln_1p() / 1e9f32.ln());
            prior += match e.kind {
                PlaceKind::Country => w::COUNTRY,
                PlaceKind::Admin1 => w::ADMIN1,
                PlaceKind::Admin2 => w::ADMIN2,
                PlaceKind::Continent => w::CONTINENT,
                PlaceKind::Airport => w::AIRPORT,
                PlaceKind::City => 0.0,
                PlaceKind::Region
                | PlaceKind::Water
                | PlaceKind::Landform
                | PlaceKind::Facility => w::LANDMARK,
            };
            prior += match e.feature_code {
                Some("PPLC") => w::CAPITAL,
                Some("PPLA") => w::REGIONAL_CAPITAL,
                _ => 0.0,
            };
            if e.namespace == PlaceNamespace::M49 {
                prior += w::MACRO_REGION;
            }
            prior += match m.name_kind {
                NameKind::Preferred | NameKind::Official | NameKind::Demonym => 0.0,
                NameKind::Short => w::SHORT_NAME,
                NameKind::Alternate => w::ALTERNATE_NAME,
                NameKind::Historical => w::HISTORICAL_NAME,
                NameKind::Abbreviation => w::ABBREVIATION_NAME,
                NameKind::Code => w::CODE_NAME,
            };
            if m.match_kind == MatchKind::Variant {
                prior += w::VARIANT_MATCH;
            }
            // The text names a former state ("the Soviet Union") that the gazetteer also lists
            // as a former name of its successor: the text means the former state.
            if names_former_state
                && m.name_kind == NameKind::Historical
                && e.kind == PlaceKind::Country
            {
                prior += w::SUCCESSOR_OF_NAMED_FORMER_STATE;
            }
            if spot.generic.is_some_and(|k| kind_fits(k, e.kind)) {
                prior += w::GENERIC_KIND;
            }
            Cand {
                entry: m.entry,
                kind: e.kind,
                country: e.country.and_then(iso2),
                admin1: e.admin1,
                admin2: e.admin2,
                position: e.position,
                // Filled in for the candidates kept (below).
                xyz: [0.0; 3],
                population: e.population,
                prior,
            }
        })
        .collect();
    // "Seoul", "Moscow": the city and the first-level region named after it; news means the
    // city.
    let regions: Vec<EntryId> =
        out.iter().filter(|c| c.kind == PlaceKind::Admin1).map(|c| c.entry).collect();
    for c in &mut out {
        if c.kind == PlaceKind::City && c.admin1.is_some_and(|a| regions.contains(&a)) {
            c.prior += w::CITY_OF_SAME_NAMED_REGION;
        }
    }
    out.sort_by(|a, b| b.prior.total_cmp(&a.prior).then(a.entry.cmp(&b.entry)));
    out.truncate(MAX_CANDIDATES);
    // Only small places are weighed by their distance to others (see `Snapshot::closeness`).
    for c in out.iter_mut().filter(|c| !c.is_large()) {
        c.xyz = unit_vector(c.position);
    }
    out
}

fn is_former_state(g: &Gazetteer, id: EntryId) -> bool {
    g.features(id).iter().any(|f| f.eq_ignore_ascii_case("former country"))
}

/// What a candidate is weighed by: the facts of its gazetteer row.
struct Facts<'g> {
    kind: PlaceKind,
    population: u64,
    feature_code: Option<&'g str>,
    namespace: PlaceNamespace,
    country: Option<&'g str>,
    admin1: Option<EntryId>,
    admin2: Option<EntryId>,
    position: Position,
}

impl<'g> Facts<'g> {
    fn of(g: &'g Gazetteer, id: EntryId) -> Option<Self> {
        Some(Self {
            kind: g.kind(id)?,
            population: g.population(id)?,
            feature_code: g.feature_code(id),
            namespace: g.namespace(id)?,
            country: g.country_code(id),
            admin1: g.admin1_of(id),
            admin2: g.admin2_of(id),
            position: g.position(id)?,
        })
    }
}

fn iso2(code: &str) -> Option<[u8; 2]> {
    let b = code.as_bytes();
    (b.len() == 2).then(|| [b[0], b[1]])
}

/// "Springfield, Illinois", "Blagoveshchensk, Russia": `(qualified, qualifier)` spot pairs,
/// the second right after the first and a comma.
fn qualifier_pairs(t: &Tokens<'_>, spots: &[Spot]) -> Vec<(usize, usize)> {
    spots
        .windows(2)
        .enumerate()
        .filter(|(_, pair)| {
            let (a, b) = (&pair[0], &pair[1]);
            a.kind == MentionKind::Toponym
                && b.kind == MentionKind::Toponym
                && b.tokens.0 == a.tokens.1 + 1
                && t.is_punct(a.tokens.1, ",")
        })
        .map(|(i, _)| (i, i + 1))
        .collect()
}

/// What one mention's current choice is, for the others' evidence.
#[derive(Clone, Copy, Debug)]
struct Choice {
    entry: EntryId,
    kind: PlaceKind,
    country: Option<[u8; 2]>,
    admin1: Option<EntryId>,
    position: Position,
    /// The candidate's unit vector (only of small places, see [`Cand::xyz`]).
    xyz: [f64; 3],
    probability: f32,
}

/// The most probable of a list's candidates (the first of equals), as a choice.
fn best_choice(list: &[Cand], probs: &[f32]) -> Option<Choice> {
    let (best, prob) =
        probs.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))?;
    let c = list.get(best)?;
    Some(Choice {
        entry: c.entry,
        kind: c.kind,
        country: c.country,
        admin1: c.admin1,
        position: c.position,
        xyz: c.xyz,
        probability: *prob,
    })
}

/// Probabilities that mentions give one place (or country), summed overall and per name.
/// Most places are chosen under one name, so the first name's sum is kept inline and only
/// further names take a list.
#[derive(Debug, Default)]
struct Votes {
    total: f32,
    first: Option<(u32, f32)>,
    more: Vec<(u32, f32)>,
}

impl Votes {
    fn add(&mut self, name: u32, probability: f32) {
        self.total += probability;
        match &mut self.first {
            None => self.first = Some((name, probability)),
            Some(v) if v.0 == name => v.1 += probability,
            Some(_) => match self.more.iter_mut().find(|(n, _)| *n == name) {
                Some(v) => v.1 += probability,
                None => self.more.push((name, probability)),
            },
        }
    }

    /// The votes of every name but `name` (a name never supports itself).
    fn excluding(&self, name: u32) -> f32 {
        let own = match self.first {
            Some((n, p)) if n == name => p,
            _ => self.more.iter().find(|(n, _)| *n == name).map_or(0.0, |v| v.1),
        };
        (self.total - own).max(0.0)
    }
}

/// The votes about one entry. An entry without some of them has them empty, which counts as
/// nothing, as no entry at all does.
#[derive(Debug, Default)]
struct EntryVotes {
    /// Mentions that chose it as a first-level region.
    admin1: Votes,
    /// Mentions that chose a place inside it (as their first-level region).
    inside: Votes,
    /// Mentions that chose it.
    chosen_by: Votes,
}

/// A place chosen for coherence: the interned name it was chosen under, its unit vector and
/// the probability of the choice.
#[derive(Clone, Copy, Debug)]
struct Point {
    name: u32,
    xyz: [f64; 3],
    probability: f32,
}

/// The state of every mention at the start of a round.
struct Snapshot<'s> {
    /// Interned name of each mention: mentions of one name never vote for each other.
    key_ids: &'s [u32],
    choices: Vec<Option<Choice>>,
    /// Candidates of each mention (empty for those that are not representatives).
    cands: &'s [Vec<Cand>],
    /// Country -> summed probability of mentions choosing a place in it, per key.
    countries: FxHashMap<[u8; 2], Votes>,
    /// Entry -> the mentions that chose it or a place inside it: one map, so that a candidate
    /// finds all its entry's votes, or its region's, in one look-up.
    entries: FxHashMap<EntryId, EntryVotes>,
    /// The most confident small places chosen (for coherence), the most confident first.
    points: Vec<Point>,
}

/// What the evidence for one mention's candidates depends on besides the candidate, worked
/// out once per mention and round rather than once per candidate.
struct Weighing<'w> {
    /// The mention.
    i: usize,
    /// Its qualifier pairs and appositions, in the order their evidence is added.
    textual: Vec<Textual<'w>>,
    /// Whether the rest of the document counts (every round but the first).
    context: bool,
    /// The dateline city's choice, unless the mention is the dateline.
    dateline: Option<&'w Choice>,
    /// Points relative expressions about the mention imply, with their radius in km.
    implied: Vec<(Position, f64)>,
}

/// One relation of a mention to the words around it.
enum Textual<'w> {
    /// "Springfield, Illinois": the qualifier's choice, which the right candidate lies in.
    QualifiedBy(&'w Choice),
    /// The qualifier itself: the candidates of the name before it, one of which it contains.
    Qualifies(&'w [Cand]),
    /// An apposition: the candidates of the other name.
    Apposition(&'w [Cand]),
}

impl<'s> Snapshot<'s> {
    fn take(
        spots: &[Spot],
        key_ids: &'s [u32],
        reps: &[usize],
        cands: &'s [Vec<Cand>],
        probs: &[Vec<f32>],
    ) -> Self {
        // A mention that is not a representative makes its representative's choice, which
        // comes before it.
        let mut choices: Vec<Option<Choice>> = Vec::with_capacity(probs.len());
        for (i, &r) in reps.iter().enumerate() {
            let choice = if r == i { best_choice(&cands[i], &probs[i]) } else { choices[r] };
            choices.push(choice);
        }
        // Each choice adds at most one country, two entries and one point: the maps are made
        // at that size rather than grown.
        let mut countries: FxHashMap<[u8; 2], Votes> = sized_map(choices.len());
        let mut entries: FxHashMap<EntryId, EntryVotes> = sized_map(2 * choices.len());
        // One point per place (the most confident mention's name), not per mention.
        let mut points: Vec<(usize, Point)> = Vec::new();
        let mut point_of: FxHashMap<EntryId, usize> = sized_map(choices.len());
        for (i, c) in choices.iter().enumerate() {
            let Some(c) = c else { continue };
            if let Some(cc) = c.country {
                countries.entry(cc).or_default().add(key_ids[i], c.probability);
            }
            let own = entries.entry(c.entry).or_default();
            if c.kind == PlaceKind::Admin1 {
                own.admin1.add(key_ids[i], c.probability);
            }
            own.chosen_by.add(key_ids[i], c.probability);
            if let Some(a) = c.admin1 {
                entries.entry(a).or_default().inside.add(key_ids[i], c.probability);
            }
            let large =
                matches!(c.kind, PlaceKind::Country | PlaceKind::Continent | PlaceKind::Region);
            if !large && spots[i].kind == MentionKind::Toponym {
                let point = |xyz| Point { name: key_ids[i], xyz, probability: c.probability };
                match point_of.get(&c.entry) {
                    Some(&k) if points[k].1.probability >= c.probability => {}
                    Some(&k) => points[k] = (i, point(points[k].1.xyz)),
                    None => {
                        point_of.insert(c.entry, points.len());
                        points.push((i, point(c.xyz)));
                    }
                }
            }
        }
        points.sort_by(|a, b| b.1.probability.total_cmp(&a.1.probability).then(a.0.cmp(&b.0)));
        points.truncate(MAX_COHERENCE_PLACES);
        let points = points.into_iter().map(|(_, p)| p).collect();
        Snapshot { key_ids, choices, cands, countries, entries, points }
    }

    /// Sum of probabilities of `votes` from mentions with another name than mention `i`.
    fn others(&self, i: usize, votes: Option<&Votes>) -> f32 {
        votes.map_or(0.0, |v| v.excluding(self.key_ids[i]))
    }

    /// What mention `i`'s evidence depends on this round; `context` adds the rest of the
    /// document to its qualifier and appositions.
    fn weighing(
        &self,
        i: usize,
        qualifiers: &[(usize, usize)],
        relations: &Relations<'_>,
        context: bool,
    ) -> Weighing<'_> {
        let mut textual = Vec::new();
        for &(a, b) in qualifiers.iter().filter(|&&(a, b)| a == i || b == i) {
            if a == i {
                if let Some(q) = &self.choices[b] {
                    textual.push(Textual::QualifiedBy(q));
                }
            } else {
                textual.push(Textual::Qualifies(&self.cands[a]));
            }
        }
        for &(a, b) in relations.appositions {
            let other = if a == i {
                b
            } else if b == i {
                a
            } else {
                continue;
            };
            textual.push(Textual::Apposition(&self.cands[other]));
        }
        let (dateline, implied) = if context {
            let dateline =
                relations.dateline.filter(|&d| d != i).and_then(|d| self.choices[d].as_ref());
            let implied = relations
                .relatives
                .iter()
                .filter(|r| r.described.contains(&i))
                .filter_map(|r| {
                    let anchor = self.choices[r.anchor].as_ref()?;
                    Some(implied_area(r, anchor.position))
                })
                .collect();
            (dateline, implied)
        } else {
            (None, Vec::new())
        };
        Weighing { i, textual, context, dateline, implied }
    }

    /// Scores a representative's candidates anew with this round's evidence and turns them
    /// into probabilities (`probs`).
    fn reweigh(&self, weighing: &Weighing<'_>, list: &[Cand], probs: &mut Vec<f32>) {
        probs.clear();
        probs.extend(list.iter().map(|c| {
            let mut evidence = NO_EVIDENCE;
            self.weigh(weighing, c, &mut |_, weight| evidence += weight);
            (c.prior + evidence) / RESOLUTION_TEMPERATURE
        }));
        normalize(probs);
    }

    /// The evidence for candidate `c` of a mention, each piece named, in a fixed order (the
    /// order scores add them in).
    fn weigh(&self, m: &Weighing<'_>, c: &Cand, add: &mut impl FnMut(&'static str, f32)) {
        self.textual_evidence(m, c, add);
        if m.context {
            self.context_evidence(m, c, add);
        }
    }

    /// Evidence from the words around the mention: its qualifier and appositions.
    fn textual_evidence(
        &self,
        m: &Weighing<'_>,
        c: &Cand,
        add: &mut impl FnMut(&'static str, f32),
    ) {
        for relation in &m.textual {
            match relation {
                // "Springfield, Illinois": candidates inside the qualifier's choice.
                Textual::QualifiedBy(q) => {
                    if contains(q, c.entry, c.country, c.admin1, c.admin2) {
                        add("named with the region or country it lies in", w::QUALIFIED);
                    }
                }
                // The qualifier itself: the region or country that contains a candidate of
                // the name before it.
                Textual::Qualifies(before) => {
                    let holds = before.iter().any(|x| {
                        x.entry != c.entry
                            && match c.kind {
                                PlaceKind::Country => x.country == c.country,
                                PlaceKind::Admin1 => x.admin1 == Some(c.entry),
                                PlaceKind::Admin2 => x.admin2 == Some(c.entry),
                                _ => false,
                            }
                    });
                    if holds {
                        add("contains the place named before it", w::QUALIFIED * 0.5);
                    }
                }
                Textual::Apposition(other) => {
                    if other.iter().any(|x| x.entry == c.entry) {
                        add("carries both names of the apposition", w::APPOSITION);
                    }
                }
            }
        }
    }

    /// Evidence from the rest of the document, given the current choices.
    fn context_evidence(
        &self,
        m: &Weighing<'_>,
        c: &Cand,
        add: &mut impl FnMut(&'static str, f32),
    ) {
        let i = m.i;
        if let Some(cc) = c.country {
            let named = self.others(i, self.countries.get(&cc));
            if named > 0.0 && c.kind != PlaceKind::Country {
                add(
                    "its country is named in the text",
                    w::COUNTRY_IN_DOCUMENT * named.min(3.0) / 3.0,
                );
            } else if named > 0.0 {
                add(
                    "places in it are named in the text",
                    w::COUNTRY_IN_DOCUMENT * named.min(3.0) / 3.0,
                );
            }
        }
        if let Some(region) = c.admin1.and_then(|a1| self.entries.get(&a1)) {
            let named = self.others(i, Some(&region.admin1));
            if named > 0.0 {
                add("its region is named in the text", w::ADMIN1_IN_DOCUMENT * named.min(1.0));
            }
            let near = self.others(i, Some(&region.inside));
            if near > 0.0 {
                add(
                    "in the same region as other places named",
                    w::SAME_ADMIN1 * near.min(2.0) / 2.0,
                );
            }
        }
        let own = self.entries.get(&c.entry);
        if c.kind == PlaceKind::Admin1 {
            let inside = self.others(i, own.map(|v| &v.inside));
            if inside > 0.0 {
                add("places in it are named in the text", w::SAME_ADMIN1 * inside.min(2.0) / 2.0);
            }
        }
        let elsewhere = self.others(i, own.map(|v| &v.chosen_by));
        if elsewhere > 0.0 {
            add("chosen for another name in the text", w::CHOSEN_ELSEWHERE * elsewhere.min(1.0));
        }
        if !c.is_large() {
            let closeness = self.closeness(i, c.xyz);
            if closeness > 0.0 {
                add("near the other places of the text", w::COHERENCE * closeness);
            }
        }
        if let Some(d) = m.dateline {
            let same_country = d.country.is_some() && d.country == c.country;
            let near = !c.is_large() && distance_km(d.position, c.position) <= DATELINE_NEAR_KM;
            if same_country || near {
                let weight = if same_country && near { 1.0 } else { 0.5 };
                add("near the dateline's city", w::NEAR_DATELINE * weight);
            }
        }
        for &(point, radius_km) in &m.implied {
            if distance_km(point, c.position) <= radius_km {
                add("at the point a relative expression implies", w::RELATIVE_POINT);
            }
        }
    }

    /// How close a place at `xyz` is to the other places chosen: the most of each point's
    /// probability discounted by its distance. Points come most confident first, so once one
    /// is no more probable than the closeness so far, no later one can raise it.
    fn closeness(&self, i: usize, xyz: [f64; 3]) -> f32 {
        let name = self.key_ids[i];
        let mut closeness = 0.0f32;
        for p in &self.points {
            if closeness > 0.0 && p.probability <= closeness {
                break;
            }
            if p.name == name || outreached(closeness, p.probability, p.xyz, xyz) {
                continue;
            }
            closeness = closeness
                .max(p.probability / (1.0 + (chord_km(p.xyz, xyz) / COHERENCE_HALF_KM) as f32));
        }
        closeness
    }
}

/// A point on the unit sphere.
fn unit_vector(p: Position) -> [f64; 3] {
    let (lat, lon) = (p.y().to_radians(), p.x().to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// Straight-line (chord) distance between two unit vectors, in km: within 1% of the
/// great-circle distance up to 1,500 km, and never larger; enough for a soft closeness score.
fn chord_km(a: [f64; 3], b: [f64; 3]) -> f64 {
    let d = [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
    (d[0] * d[0] + d[1] * d[1] + d[2] * d[2]).sqrt() * crate::geodesy::EARTH_RADIUS_KM
}

/// True when a point of probability `prob` at `a` cannot raise the closeness `best` of a
/// candidate at `b`: its closeness, `prob / (1 + chord / COHERENCE_HALF_KM)`, is at most
/// `best`. Decided on the squared chord, without the square root and divisions, and with a
/// margin of 1e-4 that rounding cannot cross, so the result is the same as computing it.
fn outreached(best: f32, prob: f32, a: [f64; 3], b: [f64; 3]) -> bool {
    if best <= 0.0 {
        return false;
    }
    if prob <= best {
        return true;
    }
    // Closeness is at most `best` once 1 + chord / half >= prob / best.
    let ratio = f64::from(prob) / f64::from(best) * (1.0 + 1e-4);
    let reach = (ratio - 1.0) * COHERENCE_HALF_KM / crate::geodesy::EARTH_RADIUS_KM;
    let d = [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
    d[0] * d[0] + d[1] * d[1] + d[2] * d[2] > reach * reach
}

/// True when the choice `q` (a country, region or county) contains the candidate.
fn contains(
    q: &Choice,
    entry: EntryId,
    country: Option<[u8; 2]>,
    admin1: Option<EntryId>,
    admin2: Option<EntryId>,
) -> bool {
    entry != q.entry
        && match q.kind {
            PlaceKind::Country => country.is_some() && country == q.country,
            PlaceKind::Admin1 => admin1 == Some(q.entry),
            PlaceKind::Admin2 => admin2 == Some(q.entry),
            _ => false,
        }
}

/// The point a relative expression implies from its anchor's position, and the radius within
/// which a place fits it: the distance's tolerance and the bearing's spread, plus slack.
pub(crate) fn implied_area(r: &RelativeExpr, anchor: Position) -> (Position, f64) {
    match r.bearing_deg {
        Some(bearing) => {
            let point = destination(anchor, bearing, r.distance_km);
            let sideways = r.distance_km * r.spread_deg.to_radians().sin();
            let along = r.distance_km * r.tolerance;
            (point, along.max(sideways) + RELATIVE_SLACK_KM)
        }
        None => (anchor, r.distance_km * (1.0 + r.tolerance) + RELATIVE_SLACK_KM),
    }
}

/// Probabilities of a list's candidates from their priors alone.
fn softmax(list: &[Cand]) -> Vec<f32> {
    let mut out: Vec<f32> =
        list.iter().map(|c| (c.prior + NO_EVIDENCE) / RESOLUTION_TEMPERATURE).collect();
    normalize(&mut out);
    out
}

/// Turns scores into probabilities in place: weights relative to the best, then shares.
fn normalize(out: &mut [f32]) {
    if out.is_empty() {
        return;
    }
    let max = out.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    out.iter_mut().for_each(|s| *s = (*s - max).exp());
    let sum: f32 = out.iter().sum();
    out.iter_mut().for_each(|e| *e /= sum);
}

/// Ranks the candidates and explains the choice; `evidence` names what was found for the
/// chosen candidate.
fn finish(
    res: &Resources,
    spot: &Spot,
    list: &[Cand],
    probs: &[f32],
    evidence: impl FnOnce(&Cand) -> Vec<(&'static str, f32)>,
) -> Resolution {
    let mut ranked: Vec<(usize, f32)> = probs.iter().copied().enumerate().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(list[a.0].entry.cmp(&list[b.0].entry)));
    let Some(&(best, _)) = ranked.first() else {
        let reason = if spot.matches.is_empty() {
            format!("no gazetteer entry is named \"{}\"", spot.key)
        } else {
            "no candidate fits".to_owned()
        };
        return Resolution { ranked: Vec::new(), reason };
    };
    let chosen = &list[best];
    Resolution {
        reason: explain(res, spot, chosen, evidence(chosen), list),
        ranked: ranked
            .into_iter()
            .map(|(k, probability)| {
                let c = &list[k];
                Ranked { entry: c.entry, probability, country: c.country, position: c.position }
            })
            .collect(),
    }
}

/// A reason being written: the place's name, then parts separated by semicolons.
struct Reason {
    text: String,
    parts: usize,
}

impl Reason {
    fn new(name: &str) -> Self {
        let mut text = String::with_capacity(name.len() + 112);
        text.push_str(name);
        text.push_str(": ");
        Self { text, parts: 0 }
    }

    /// Starts a part and returns the text to write it into.
    fn part(&mut self) -> &mut String {
        if self.parts > 0 {
            self.text.push_str("; ");
        }
        self.parts += 1;
        &mut self.text
    }
}

/// "Blagoveshchensk: its region is named in the text; most populous of 2 candidates".
fn explain(
    res: &Resources,
    spot: &Spot,
    chosen: &Cand,
    mut evidence: Vec<(&'static str, f32)>,
    list: &[Cand],
) -> String {
    // Only the name is needed, not the whole entry.
    let name = res.gazetteer.name(chosen.entry).unwrap_or("?");
    let mut reason = Reason::new(name);
    if spot.kind == MentionKind::Demonym {
        let part = reason.part();
        part.push_str("demonym of ");
        part.push_str(name);
    }
    evidence.sort_by(|a, b| b.1.total_cmp(&a.1));
    // The strongest three, each named once ("places in it are named" comes both from the
    // country and the region).
    let mut shown: Vec<&str> = Vec::with_capacity(3);
    for (what, _) in evidence.iter().filter(|e| e.1 > 0.0).take(3) {
        if !shown.contains(what) {
            shown.push(what);
            reason.part().push_str(what);
        }
    }
    if list.len() == 1 {
        reason.part().push_str("the only place so named");
    } else {
        let most_populous = list.iter().all(|c| c.population <= chosen.population);
        let prominent =
            if most_populous { "the most populous and prominent" } else { "the most prominent" };
        let anything_said = reason.parts > 0;
        let part = reason.part();
        if !anything_said || most_populous {
            part.push_str(prominent);
            part.push_str(" of ");
        }
        // Writing into a String cannot fail.
        let _ = write!(part, "{} candidates", list.len());
    }
    reason.text
}

/// What a mention's reason says when it shares the resolution of another of its name.
const SAME_NAME: &str = "; same name as elsewhere in the text";

/// Mentions of one name share one resolution (their probabilities averaged), unless a
/// qualifier, apposition or relative expression singles one out. `key_ids` are the mentions'
/// interned names.
fn one_sense_per_document(
    spots: &[Spot],
    key_ids: &[u32],
    qualifiers: &[(usize, usize)],
    relations: &Relations<'_>,
    out: &mut [Resolution],
) {
    let singled = |i: usize| {
        qualifiers.iter().any(|&(a, _)| a == i)
            || relations.appositions.iter().any(|&(a, b)| a == i || b == i)
    };
    // (name, mention) of every mention that shares its name's sense, sorted: each name's
    // mentions in text order. Names never share mentions, so they are settled in any order.
    let mut sharing: Vec<(u32, usize)> = spots
        .iter()
        .enumerate()
        .filter(|&(i, s)| {
            s.kind == MentionKind::Toponym && !singled(i) && !out[i].ranked.is_empty()
        })
        .map(|(i, _)| (key_ids[i], i))
        .collect();
    sharing.sort_unstable();
    let mut total: Vec<Ranked> = Vec::new();
    for group in sharing.chunk_by(|a, b| a.0 == b.0) {
        if group.len() < 2 {
            continue;
        }
        let members = || group.iter().map(|&(_, i)| i);
        total.clear();
        for i in members() {
            for r in &out[i].ranked {
                let share = r.probability / group.len() as f32;
                match total.iter_mut().find(|t| t.entry == r.entry) {
                    Some(t) => t.probability += share,
                    None => total.push(Ranked { probability: share, ..*r }),
                }
            }
        }
        total.sort_by(|a, b| b.probability.total_cmp(&a.probability).then(a.entry.cmp(&b.entry)));
        let leader = members()
            .find(|&i| out[i].chosen() == total.first().map(|t| t.entry))
            .unwrap_or(group[0].1);
        let reason = std::mem::take(&mut out[leader].reason);
        for i in members() {
            out[i].ranked.clone_from(&total);
            if i != leader {
                let own = &mut out[i].reason;
                own.clear();
                own.reserve(reason.len() + SAME_NAME.len());
                own.push_str(&reason);
                own.push_str(SAME_NAME);
            }
        }
        out[leader].reason = reason;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_is_passed_over_only_when_it_could_not_raise_the_closeness() {
        let at = |lat: f64, lon: f64| unit_vector(Position::new(lon, lat));
        let candidate = at(50.0, 30.0);
        let mut passed = 0;
        for best in [0.0f32, 0.01, 0.1, 0.3, 0.5, 0.9, 0.999] {
            for prob in [0.0f32, 0.01, 0.2, 0.5, 0.9, 1.0] {
                for k in 0..400 {
                    let point = at(50.0 + f64::from(k) * 0.05, 30.0 - f64::from(k) * 0.02);
                    let value =
                        prob / (1.0 + (chord_km(point, candidate) / COHERENCE_HALF_KM) as f32);
                    if outreached(best, prob, point, candidate) {
                        passed += 1;
                        assert!(best.max(value) == best, "{best} {prob} {k}");
                    }
                }
            }
        }
        assert!(passed > 1000);
    }
    use crate::pipeline::{
        Resources, actors::find_actors, apposition::find_appositions, recognize::recognize,
        relative::find_relative,
    };

    /// Resolves `text` and returns (mention text, chosen place name, country).
    fn resolved(text: &str) -> Vec<(String, String, String)> {
        let res = Resources::embedded();
        let t = Tokens::new(text);
        let actors = find_actors(&t, &res, None, &[]);
        let spots = recognize(&t, &res, &actors, &[], None);
        let appositions = find_appositions(&t, &spots);
        let relatives = find_relative(&t, &spots);
        let relations =
            Relations { appositions: &appositions, relatives: &relatives, dateline: None };
        let out = resolve(&t, &res, &spots, &relations);
        spots
            .iter()
            .zip(out)
            .map(|(s, r)| {
                let e = r.chosen().and_then(|e| res.gazetteer.entry(e));
                (
                    s.span.text(text).unwrap_or("").to_owned(),
                    e.as_ref().map_or(String::new(), |e| e.name.to_owned()),
                    e.and_then(|e| e.country).unwrap_or("").to_owned(),
                )
            })
            .collect()
    }

    fn find<'a>(found: &'a [(String, String, String)], text: &str) -> &'a (String, String, String) {
        found.iter().find(|f| f.0 == text).unwrap_or_else(|| panic!("{text} not in {found:?}"))
    }

    #[test]
    fn a_state_after_a_comma_picks_the_town_inside_it() {
        let found = resolved("The fair opened in Springfield, Massachusetts, on Friday.");
        let s = find(&found, "Springfield");
        assert_eq!(s.2, "US");
        let res = Resources::embedded();
        let ma = res.gazetteer.lookup("Massachusetts");
        assert!(!ma.is_empty());
        // The Springfield chosen lies in Massachusetts, not Illinois or Missouri.
        let e = res
            .gazetteer
            .lookup("Springfield")
            .into_iter()
            .filter_map(|m| res.gazetteer.entry(m.entry))
            .find(|e| e.name == s.1 && e.admin1_code == Some("MA"));
        assert!(e.is_some(), "{found:?}");
    }

    #[test]
    fn a_former_name_in_an_apposition_resolves_to_the_renamed_place() {
        let found = resolved("Rallies took place in Volgograd (formerly Stalingrad) on Sunday.");
        assert_eq!(find(&found, "Volgograd").1, find(&found, "Stalingrad").1);
        assert_eq!(find(&found, "Stalingrad").2, "RU");
    }

    #[test]
    fn a_named_region_pulls_an_ambiguous_town_into_it() {
        let found = resolved("Tanks moved from Blagoveshchensk towards the Amur region.");
        let res = Resources::embedded();
        let bqs = find(&found, "Blagoveshchensk");
        let amur_town = res
            .gazetteer
            .lookup("Blagoveshchensk")
            .into_iter()
            .filter_map(|m| res.gazetteer.entry(m.entry))
            .find(|e| e.admin1_code == Some("05"));
        assert_eq!(Some(bqs.1.as_str()), amur_town.map(|e| e.name));
        assert_eq!(find(&found, "Amur").1, "Amur Oblast");
    }

    #[test]
    fn the_most_prominent_candidate_wins_without_context() {
        let found = resolved("She grew up in Paris.");
        assert_eq!(find(&found, "Paris").2, "FR");
    }

    #[test]
    fn a_distance_and_bearing_point_at_the_described_town() {
        // Two towns named Uglegorsk; the one 100 km or so from the anchor is meant.
        let text = "The mine at Uglegorsk, some 280 km north of Yuzhno-Sakhalinsk, closed.";
        let found = resolved(text);
        let res = Resources::embedded();
        let chosen = find(&found, "Uglegorsk");
        let e = res
            .gazetteer
            .lookup("Uglegorsk")
            .into_iter()
            .filter_map(|m| res.gazetteer.entry(m.entry))
            .find(|e| e.name == chosen.1)
            .unwrap();
        assert_eq!(e.admin1_code, Some("64"), "{found:?}");
    }
}
