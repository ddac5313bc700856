//! Recognition: which spans of the text name places.
//!
//! Candidate spans are the longest gazetteer names over token sequences (extended word by word
//! while some longer name starts with the words so far), split hyphen compounds
//! ("DPRK-Russia"), capitalised generic suffixes ("Laurel County"); each is weighed by evidence
//! ([`super::weights::recognition`]): how prominent its best entry is, capitalisation and
//! sentence position, whether the word is ordinary English, context cues, names around it,
//! the dateline. Spans inside people's names, acronyms of organisations and photo credits are
//! never places.

use rustc_hash::FxHashMap;

use super::Resources;
use super::actors::Actors;
use super::dateline::Dateline;
use super::memo::{FirstWord, PREFIX_BYTES, Prefixes};
use super::resources::{Written, is_short_key};
use super::tokens::Tokens;
use super::weights::{RECOGNITION_THRESHOLD, recognition as w};
use super::words::{
    CALENDAR_WORDS, COMPASS_WORDS, GENERIC_AFTER, GENERIC_BEFORE, GENERIC_SUFFIXES, GenericKind,
    LOCATIVE_CUES, NAME_PARTICLES, ORGANISATION_HEADS, PERSON_TITLES, STOP_WORDS, STREET_WORDS,
    UNABSORBED_GENERICS, generic, is_common_surname, is_given_name,
};
use crate::gazetteer::{Gazetteer, MatchKind, NameCursor, NameKind, NameMatch, variant_key};
use crate::lexicon::Listing;
use crate::model::{MentionKind, PlaceKind, Span};
use crate::text::TokenKind;

/// Places at least this prominent (a state, a city of some 100,000) are named by the
/// organisations that embed them ("Ohio State University"); weaker ones usually are not.
const EMBEDDED_MIN_STRENGTH: f32 = 0.6;

/// A surname standing alone is penalised only when its best place is weaker than this (a
/// state or a city of some 300,000 keeps its name: "Houston", "Lincoln").
const SURNAME_MAX_STRENGTH: f32 = 0.65;

/// Non-demonym matches of a demonym this prominent or more make the word a place name
/// ("Georgian" aside); weaker ones (the town of Canadian, Texas) do not.
const DEMONYM_OVERRIDE_STRENGTH: f32 = 0.75;

/// Shortest word looked up through the loose variant key: shorter ones collide too often.
const VARIANT_MIN_LETTERS: usize = 5;

/// A span that may name a place, with its gazetteer matches and recognition confidence.
#[derive(Clone, Debug)]
pub(crate) struct Spot {
    /// Token range (end exclusive); a hyphen part keeps its whole token.
    pub tokens: (usize, usize),
    /// Byte span of the name in the text.
    pub span: Span,
    /// Folded name (the gazetteer key).
    pub key: String,
    /// Gazetteer entries it may name.
    pub matches: Vec<NameMatch>,
    /// Proper name or demonym.
    pub kind: MentionKind,
    /// The kind of place a generic word around it implies ("Amur region" → admin1).
    pub generic: Option<GenericKind>,
    /// It is the dateline's city.
    pub dateline: bool,
    /// Prominence of its strongest candidate in `0..=1` (see [`Resources::strength`]).
    pub strength: f32,
    /// Recognition confidence in `0..=1`.
    pub confidence: f32,
    /// Names of the features that fired, for explanations.
    pub cues: Vec<&'static str>,
}

/// Finds place mentions: every span whose confidence reaches the threshold, in text order.
pub(crate) fn recognize(
    t: &Tokens<'_>,
    res: &Resources,
    actors: &Actors,
    credits: &[(usize, usize)],
    dateline: Option<&Dateline>,
) -> Vec<Spot> {
    let mut spots = candidate_spots(t, res, |k| is_blocked(actors, credits, k));
    for spot in &mut spots {
        let Some(d) = dateline else { break };
        if d.place == spot.tokens {
            // A dateline names the city the report was filed from.
            spot.dateline = true;
            spot.generic = spot.generic.or(Some(GenericKind::City));
        } else if d.qualifier == Some(spot.tokens) {
            spot.dateline = true;
        }
    }
    let neighbours = SpotIndex::new(t.len(), spots.iter().map(|s| s.tokens));
    // Names repeat: each distinct key is numbered, and weighed once per document.
    let mut numbers: FxHashMap<&str, usize> = FxHashMap::default();
    let names: Vec<usize> = spots
        .iter()
        .map(|s| {
            let next = numbers.len();
            *numbers.entry(s.key.as_str()).or_insert(next)
        })
        .collect();
    let distinct = numbers.len();
    let mut strengths: Vec<Option<f32>> = vec![None; distinct];
    for (spot, &n) in spots.iter_mut().zip(&names) {
        spot.strength = *strengths[n].get_or_insert_with(|| strongest(res, &spot.matches));
    }
    // Names repeat: each word's dictionary listing is looked up once per document.
    let mut classes: FxHashMap<&str, Listing> = FxHashMap::default();
    let scores: Vec<f32> = spots
        .iter_mut()
        .map(|s| {
            let folded = t.folded(s.tokens.0);
            let class = || *classes.entry(folded).or_insert_with(|| res.word_class(folded));
            score(t, res, actors, s, &neighbours, class)
        })
        .collect();
    let probabilities: Vec<f32> = scores.iter().map(|&z| logistic(z)).collect();
    // One sense per document for recognition too: a name recognised confidently somewhere
    // (mid-sentence, with a cue) is a place where it starts a sentence as well.
    let mut confident = vec![0.0f32; distinct];
    for (&n, &p) in names.iter().zip(&probabilities) {
        confident[n] = confident[n].max(p);
    }
    for (((spot, z), p), n) in spots.iter_mut().zip(scores).zip(probabilities).zip(names) {
        spot.confidence = if confident[n] >= 0.8 && confident[n] > p + 1e-6 {
            spot.cues.push("repeated");
            logistic(z + w::REPEATED)
        } else {
            p
        };
    }
    spots.retain(|s| s.confidence >= RECOGNITION_THRESHOLD);
    spots
}

/// The strength of the most prominent match ([`Resources::strength`]), 0 when there is none.
fn strongest(res: &Resources, matches: &[NameMatch]) -> f32 {
    let mut best = 0.0f32;
    for m in matches {
        best = best.max(res.strength(m));
        // No strength exceeds 1 (a country): the rest of a long list cannot raise it.
        if best >= 1.0 {
            break;
        }
    }
    best
}

/// Recognises place mentions only at the given spans (gold toponyms): their matches, kind and
/// generic cues as [`recognize`] would find them, confidence 1.
pub(crate) fn spots_at(t: &Tokens<'_>, res: &Resources, spans: &[Span]) -> Vec<Spot> {
    let mut out = Vec::with_capacity(spans.len());
    for &span in spans {
        let Some(text) = span.text(t.text) else { continue };
        let start = t.token_at(span.start_byte);
        let mut end = start;
        while end < t.len() && t.tokens[end].span.start_byte < span.end_byte {
            end += 1;
        }
        let key = crate::gazetteer::fold(text);
        let mut matches = res.lookup_loose(&key, Written::of(text));
        if matches.is_empty() {
            // "Laurel County" as one span: look the name up without its generic word.
            if let Some((base, _)) = key.rsplit_once(' ') {
                matches = res.lookup(base, Written::of(text));
            }
        }
        let kind =
            if !matches.is_empty() && matches.iter().all(|m| m.name_kind == NameKind::Demonym) {
                MentionKind::Demonym
            } else {
                MentionKind::Toponym
            };
        let mut spot = Spot {
            tokens: (start, end.max(start + 1)),
            span,
            key,
            matches,
            kind,
            generic: None,
            dateline: false,
            strength: 1.0,
            confidence: 1.0,
            cues: Vec::new(),
        };
        spot.generic = generic_cue(t, &spot);
        out.push(spot);
    }
    out
}

/// Which tokens start, end or lie inside a candidate span, for constant-time neighbour tests.
pub(crate) struct SpotIndex {
    starts: Vec<bool>,
    ends: Vec<bool>,
    covered: Vec<bool>,
}

impl SpotIndex {
    fn new(n: usize, ranges: impl Iterator<Item = (usize, usize)>) -> Self {
        let mut index = Self {
            starts: vec![false; n + 1],
            ends: vec![false; n + 1],
            covered: vec![false; n + 1],
        };
        for (s, e) in ranges {
            index.starts[s.min(n)] = true;
            index.ends[e.min(n)] = true;
            index.covered.iter_mut().take(e.min(n)).skip(s).for_each(|c| *c = true);
        }
        index
    }

    /// A candidate starts at token `k`.
    fn starts_at(&self, k: usize) -> bool {
        self.starts.get(k).copied().unwrap_or(false)
    }

    /// A candidate ends right before token `k` (its exclusive end is `k`).
    fn ends_at(&self, k: usize) -> bool {
        self.ends.get(k).copied().unwrap_or(false)
    }

    /// Token `k` lies inside a candidate.
    fn covers(&self, k: usize) -> bool {
        self.covered.get(k).copied().unwrap_or(false)
    }
}

fn logistic(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// True for a token no place may be found in: people's names, organisation acronyms, credits.
/// Asked of capitalised tokens only, so it is not tabled for every token.
fn is_blocked(actors: &Actors, credits: &[(usize, usize)], k: usize) -> bool {
    actors.is_person(k)
        || actors.is_organisation(k)
        || credits.iter().any(|&(s, e)| (s..e).contains(&k))
}

/// Every span that names a gazetteer entry, longest match first, left to right; `blocked`
/// tells the tokens no place may be found in.
fn candidate_spots(t: &Tokens<'_>, res: &Resources, blocked: impl Fn(usize) -> bool) -> Vec<Spot> {
    let g = &res.gazetteer;
    let max_tokens = g.max_name_tokens().max(1);
    // A document has some tens of candidates.
    let mut out = Vec::with_capacity(64);
    // News repeats its names within and across documents: each distinct name is looked up
    // once per worker thread (see [`super::memo`]). A name is known by its index value and
    // how it is written (which decides the filter), so probing costs no string.
    let mut memo = res.memo.local().borrow_mut();
    let memo = &mut *memo;
    // One buffer for the key being grown.
    let mut key = String::new();
    let mut i = 0;
    while i < t.len() {
        if !t.is_capitalised(i) || blocked(i) {
            i += 1;
            continue;
        }
        let folded = t.folded(i);
        if folded == "the" {
            i += 1;
            continue;
        }
        // How the first word is written, asked at most once.
        let mut first_written = None;
        let mut written_first = || *first_written.get_or_insert_with(|| Written::of(t.text_of(i)));
        // Longest exact name starting here: one walk through the name index, a word at a time,
        // answering at each word whether the key is a name and whether a longer one follows.
        // The end token, the memo key of its matches and the key's length in bytes.
        let mut longest: Option<(usize, (u64, u8), usize)> = None;
        let mut j = i + 1;
        key.clear();
        let mut previous_single = false;
        // The first word's answers (its key depends on its folded form alone, and most
        // candidates end at their first word), and the walk beyond it once a longer name is
        // tried.
        let mut first = FirstWord::default();
        let mut cursor: Option<NameCursor<'_>> = None;
        loop {
            let fed = key.len();
            let value = if j == i + 1 {
                first = match memo.first_words.get(folded) {
                    Some(&known) => {
                        // The key is wanted where the word names something or a longer name
                        // may follow it.
                        let possessive_next =
                            t.get(j).is_some_and(|n| n.kind == TokenKind::Possessive);
                        if known.at.is_some()
                            && (known.value.is_some() || known.spaced.is_some() || possessive_next)
                        {
                            t.extend_key(&mut key, &mut previous_single, i);
                        }
                        known
                    }
                    None => {
                        t.extend_key(&mut key, &mut previous_single, i);
                        let plural =
                            folded.len() > 4 && folded.ends_with('s') && !folded.contains(' ');
                        let walked = first_word(g, &mut memo.prefixes, &key, plural);
                        memo.first_words.insert(folded.into(), walked);
                        walked
                    }
                };
                first.value
            } else {
                t.extend_key(&mut key, &mut previous_single, j - 1);
                let bytes = &key.as_bytes()[fed..];
                cursor = if j == i + 2 {
                    // Past the space the first word's walk already took, when the key took one;
                    // most next words start with a letter no name continues with there.
                    match bytes.split_first() {
                        Some((b' ', rest)) => {
                            match rest.first().and_then(|&b| FirstWord::initial_bit(b)) {
                                Some(bit) if first.next_initials & 1 << bit == 0 => None,
                                _ => first.spaced.and_then(|p| g.name_cursor_at(p).advanced(rest)),
                            }
                        }
                        _ => first.at.and_then(|p| g.name_cursor_at(p).advanced(bytes)),
                    }
                } else {
                    cursor.and_then(|c| c.advanced(bytes))
                };
                cursor.and_then(|c| c.value())
            };
            // A name never ends on a possessive ("France’s" is not the town of Frances).
            if t.tokens[j - 1].kind != TokenKind::Possessive
                && let Some(value) = value
            {
                let written = if j == i + 1 { written_first() } else { Written::of(t.slice(i, j)) };
                let short = is_short_key(&key);
                let slot = written.slot(short);
                let found = memo
                    .matches
                    .entry((value, slot))
                    .or_insert_with(|| res.filter_matches(g.matches_at(value), written, &key));
                if !found.is_empty() {
                    longest = Some((j, (value, slot), key.len()));
                }
            }
            if j >= t.len() || j - i >= max_tokens {
                break;
            }
            // Some longer name continues the words so far (with a space unless a possessive
            // follows: "People’s"), and the next token may be part of a name.
            let possessive = t.tokens[j].kind == TokenKind::Possessive;
            let continues = if j == i + 1 {
                first.at.is_some() && (possessive || first.spaced.is_some())
            } else {
                cursor.is_some_and(|c| possessive || c.continues_with(b' '))
            };
            if !continues || blocked(j) || !continues_name(t, j) {
                break;
            }
            j += 1;
        }
        let mut best: Option<(usize, Vec<NameMatch>)> =
            longest.and_then(|(end, at, _)| Some((end, memo.matches.get(&at)?.clone())));
        // "Dublin City Council", "Ohio State University": a trailing "City" or "State" before an
        // organisation's head word or a title belongs to the organisation, not the place.
        if let Some((end, _)) = &best
            && *end > i + 1
            && matches!(t.folded(end - 1), "city" | "state" | "county")
            && t.is_capitalised(*end)
            && (ORGANISATION_HEADS.contains(t.folded(*end))
                || PERSON_TITLES.contains(t.folded(*end)))
        {
            let shorter = res.lookup(&t.key(i, end - 1), Written::of(t.slice(i, end - 1)));
            if !shorter.is_empty() {
                best = Some((end - 1, shorter));
            }
        }
        // "Syrians", "Americans": plural demonyms.
        // The first word's walk looked up the singular (see [`FirstWord::singular`]).
        if best.is_none()
            && let Some(value) = first.singular
        {
            let singular = &folded[..folded.len() - 1];
            let written = written_first();
            let found = memo
                .matches
                .entry((value, written.slot(is_short_key(singular))))
                .or_insert_with(|| res.filter_matches(g.matches_at(value), written, singular));
            let demonyms: Vec<NameMatch> =
                found.iter().copied().filter(|m| m.name_kind == NameKind::Demonym).collect();
            if !demonyms.is_empty() {
                best = Some((i + 1, demonyms));
            }
        }
        if best.is_none() && folded.len() >= VARIANT_MIN_LETTERS && !folded.contains(' ') {
            let loose = match memo.variants.get(folded) {
                Some(known) if known.is_empty() => None,
                Some(known) => Some(known.clone()),
                None => {
                    let loose = variant_matches(g, &mut memo.prefixes, &variant_key(folded));
                    memo.variants.insert(folded.into(), loose.clone());
                    Some(loose)
                }
            };
            if let Some(loose) = loose {
                let loose = res.filter_matches(loose, written_first(), folded);
                if !loose.is_empty() {
                    best = Some((i + 1, loose));
                }
            }
        }
        match best {
            Some((end, matches)) => {
                // The key grown for the longest name is the spot's key unless a shorter name won.
                let name_key = match longest {
                    Some((longest_end, _, len)) if longest_end == end => key[..len].to_owned(),
                    _ => t.key(i, end),
                };
                out.push(make_spot(t, res, i, end, name_key, matches));
                i = end;
            }
            None => {
                if t.tokens[i].hyphenated {
                    hyphen_parts(t, res, i, &mut out);
                } else if let Some(spot) = pattern_only(t, res, i) {
                    out.push(spot);
                    i += 2;
                    continue;
                }
                i += 1;
            }
        }
    }
    for spot in &mut out {
        absorb_suffix(t, res, spot);
        spot.generic = spot.generic.or_else(|| generic_cue(t, spot));
    }
    out
}

/// What the name index says of a first word whose key is `key` (see [`FirstWord`]), the walk
/// starting from the thread's table of key prefixes. With `plural`, the key less its last byte
/// is looked up too.
fn first_word(g: &Gazetteer, prefixes: &mut Prefixes, key: &str, plural: bool) -> FirstWord {
    let bytes = key.as_bytes();
    // Where the singular ends: the walk stops there once to read its value.
    let split = bytes.len() - usize::from(plural);
    let (mut cursor, skipped) = resume(g, prefixes, false, &bytes[..split]);
    cursor = cursor.and_then(|c| c.advanced(&bytes[skipped..split]));
    let singular = if plural { cursor.and_then(|c| c.value()) } else { None };
    cursor = cursor.and_then(|c| c.advanced(&bytes[split..]));
    let spaced = cursor.and_then(|c| c.advanced(b" "));
    let next_initials = spaced.map_or(0, |c| {
        c.next_bytes().filter_map(FirstWord::initial_bit).fold(0, |bits, bit| bits | 1 << bit)
    });
    FirstWord {
        at: cursor.map(|c| c.position()),
        value: cursor.and_then(|c| c.value()),
        spaced: spaced.map(|c| c.position()),
        next_initials,
        singular,
    }
}

/// The entries a variant key lists, as [`Gazetteer::lookup_variant`] finds them, the walk
/// starting from the thread's table of key prefixes.
fn variant_matches(g: &Gazetteer, prefixes: &mut Prefixes, key: &str) -> Vec<NameMatch> {
    if key.is_empty() {
        return Vec::new();
    }
    let (cursor, skipped) = resume(g, prefixes, true, key.as_bytes());
    match cursor.and_then(|c| c.advanced(&key.as_bytes()[skipped..])).and_then(|c| c.value()) {
        Some(value) => g.variant_matches_at(value),
        None => Vec::new(),
    }
}

/// A cursor over the exact-name index (over the variant-key index with `variant`) after the
/// first [`PREFIX_BYTES`] of `key`, from the thread's table of them, and how many bytes it
/// has been fed: none, at the root, for a key no longer than that.
fn resume<'g>(
    g: &'g Gazetteer,
    prefixes: &mut Prefixes,
    variant: bool,
    key: &[u8],
) -> (Option<NameCursor<'g>>, usize) {
    let root = || if variant { g.variant_cursor() } else { g.name_cursor() };
    let Some(prefix) = key.get(..PREFIX_BYTES).filter(|_| key.len() > PREFIX_BYTES) else {
        return (Some(root()), 0);
    };
    // The index's number sits above the prefix's bytes.
    const _: () = assert!(PREFIX_BYTES < 4);
    let packed =
        prefix.iter().rev().fold(u32::from(variant), |packed, &b| packed << 8 | u32::from(b));
    let at =
        *prefixes.entry(packed).or_insert_with(|| root().advanced(prefix).map(|c| c.position()));
    let at = at.map(|p| if variant { g.variant_cursor_at(p) } else { g.name_cursor_at(p) });
    (at, PREFIX_BYTES)
}

/// True when token `j` may continue a multi-word name: a word (a capitalised one, a lower-case
/// particle or descriptor such as "peninsula", but not "region" or "county", which the gold
/// corpora leave out of the name) or a possessive ("People’s").
fn continues_name(t: &Tokens<'_>, j: usize) -> bool {
    let Some(tok) = t.get(j) else { return false };
    match tok.kind {
        TokenKind::Possessive => true,
        TokenKind::Word => {
            t.is_capitalised(j)
                || NAME_PARTICLES.contains(t.folded(j))
                || !UNABSORBED_GENERICS.contains(t.folded(j))
        }
        TokenKind::Number => true,
        TokenKind::Punct => false,
    }
}

/// The spot for tokens `i..end` named by `key` (their folded key, or a hyphen part's), keeping
/// the demonym matches or the others.
fn make_spot(
    t: &Tokens<'_>,
    res: &Resources,
    i: usize,
    end: usize,
    key: String,
    matches: Vec<NameMatch>,
) -> Spot {
    // "Canadian": a demonym first, though a town in Texas has the name; "Georgian" and
    // "Jordan" stay places when a prominent place has the name.
    let has_demonym = matches.iter().any(|m| m.name_kind == NameKind::Demonym);
    let strong_place = has_demonym
        && matches
            .iter()
            .filter(|m| m.name_kind != NameKind::Demonym)
            .any(|m| res.strength(m) >= DEMONYM_OVERRIDE_STRENGTH);
    let demonym_only = has_demonym && !strong_place;
    let matches: Vec<NameMatch> = if demonym_only {
        matches.into_iter().filter(|m| m.name_kind == NameKind::Demonym).collect()
    } else {
        matches.into_iter().filter(|m| m.name_kind != NameKind::Demonym).collect()
    };
    Spot {
        tokens: (i, end),
        span: t.span(i, end),
        key,
        matches,
        kind: if demonym_only { MentionKind::Demonym } else { MentionKind::Toponym },
        generic: None,
        dateline: false,
        strength: 0.0,
        confidence: 0.0,
        cues: Vec::new(),
    }
}

/// "DPRK-Russia", "Russia-DPRK": each capitalised part that names a place.
fn hyphen_parts(t: &Tokens<'_>, res: &Resources, i: usize, out: &mut Vec<Spot>) {
    let text = t.text;
    let parts: Vec<Span> = t.tokens[i].hyphen_parts(text).collect();
    if parts.len() < 2 {
        return;
    }
    for part in parts {
        let Some(word) = part.text(text) else { continue };
        if !word.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let key = crate::gazetteer::fold(word);
        let written = Written::of(word);
        let mut matches = res.lookup(&key, written);
        if matches.is_empty() && key.len() >= VARIANT_MIN_LETTERS {
            matches =
                res.filter_matches(res.gazetteer.lookup_variant(&variant_key(&key)), written, &key);
        }
        if matches.is_empty() {
            continue;
        }
        let mut spot = make_spot(t, res, i, i + 1, key, matches);
        spot.span = part;
        spot.cues.push("hyphen part");
        out.push(spot);
    }
}

/// "Laurel County" with no gazetteer entry for Laurel: the capitalised generic word alone
/// makes it a (so far unresolvable) place.
fn pattern_only(t: &Tokens<'_>, res: &Resources, i: usize) -> Option<Spot> {
    let kind = generic(GENERIC_SUFFIXES, t.folded(i + 1))?;
    if !t.is_capitalised(i + 1) || t.weak_case(i) || t.is_upper(i) || t.folded(i) == "the" {
        return None;
    }
    if !matches!(kind, GenericKind::Admin2 | GenericKind::Admin1) {
        return None;
    }
    let mut spot = make_spot(t, res, i, i + 2, t.key(i, i + 2), Vec::new());
    spot.kind = MentionKind::Toponym;
    spot.generic = Some(kind);
    spot.cues.push("pattern only");
    Some(spot)
}

/// Joins a capitalised generic suffix to the name ("Laurel County", "Hebei Province"),
/// keeping the candidates of that kind when there are any.
fn absorb_suffix(t: &Tokens<'_>, res: &Resources, spot: &mut Spot) {
    let (i, end) = spot.tokens;
    if spot.span != t.span(i, end) || spot.kind != MentionKind::Toponym || spot.matches.is_empty() {
        return;
    }
    let Some(kind) = generic(GENERIC_SUFFIXES, t.folded(end)) else { return };
    if !t.is_capitalised(end) {
        return;
    }
    let compatible: Vec<NameMatch> = spot
        .matches
        .iter()
        .copied()
        .filter(|m| res.gazetteer.kind(m.entry).is_some_and(|k| kind_fits(kind, k)))
        .collect();
    if !compatible.is_empty() {
        spot.matches = compatible;
    }
    spot.tokens = (i, end + 1);
    spot.span = t.span(i, end + 1);
    spot.key = t.key(i, end + 1);
    spot.generic = Some(kind);
}

/// True when an entry of `kind` fits a generic word's kind.
pub(crate) fn kind_fits(generic: GenericKind, kind: PlaceKind) -> bool {
    match generic {
        GenericKind::Country => kind == PlaceKind::Country,
        GenericKind::Admin1 => matches!(kind, PlaceKind::Admin1 | PlaceKind::Region),
        GenericKind::Admin2 => matches!(kind, PlaceKind::Admin2 | PlaceKind::Admin1),
        GenericKind::City => kind == PlaceKind::City,
        GenericKind::Water => kind == PlaceKind::Water,
        GenericKind::Landform => kind == PlaceKind::Landform,
        GenericKind::Facility => kind == PlaceKind::Facility,
    }
}

/// The kind a generic word around the span implies: "Amur region", "the town of Tsiolkovsky".
fn generic_cue(t: &Tokens<'_>, spot: &Spot) -> Option<GenericKind> {
    let (i, end) = spot.tokens;
    if t.is_lower(end)
        && let Some(kind) = generic(GENERIC_AFTER, t.folded(end))
    {
        return Some(kind);
    }
    if i >= 2 && t.folded(i - 1) == "of" && t.is_lower(i - 2) {
        return generic(GENERIC_BEFORE, t.folded(i - 2));
    }
    None
}

/// The linear recognition score of a spot (before the repeated-name pass); `class` tells how
/// the dictionary lists its first word, asked only of a single word that may be ordinary.
fn score(
    t: &Tokens<'_>,
    res: &Resources,
    actors: &Actors,
    spot: &mut Spot,
    all: &SpotIndex,
    class: impl FnOnce() -> Listing,
) -> f32 {
    let (i, end) = spot.tokens;
    let single = end - i == 1;
    let folded = t.folded(i);
    let mut z = w::BIAS;
    let cue = |z: &mut f32, weight: f32, name: &'static str, cues: &mut Vec<&'static str>| {
        *z += weight;
        cues.push(name);
    };
    let cues = &mut spot.cues;
    if single && CALENDAR_WORDS.contains(folded) {
        return -10.0;
    }
    // Function words at a sentence start ("As", "More"), unless written in capitals ("US").
    if single && STOP_WORDS.contains(folded) && !t.is_upper(i) {
        return -10.0;
    }
    // "Sen. Max Baucus", "Gov. Smith": a title before a name is not the town of Sen.
    if single && PERSON_TITLES.contains(folded) && t.is_capitalised(end) {
        return -10.0;
    }
    // "Sunnybrook Health Sciences Centre": a head word ending an organisation's name.
    if single && i > 0 && t.is_capitalised(i - 1) && ORGANISATION_HEADS.contains(folded) {
        return -10.0;
    }
    if spot.matches.is_empty() {
        cue(&mut z, w::PATTERN_ONLY, "generic suffix", cues);
    }
    let strength = spot.strength;
    z += w::STRENGTH * strength;
    if spot.kind == MentionKind::Demonym {
        cue(&mut z, w::DEMONYM, "demonym", cues);
        // "American Red Cross", "American Legion": the adjective begins a proper name.
        if t.is_capitalised(end) && !all.starts_at(end) {
            cue(&mut z, w::DEMONYM_IN_NAME, "begins a longer proper name", cues);
        }
    }
    if spot.matches.iter().all(|m| m.match_kind == MatchKind::Variant) && !spot.matches.is_empty() {
        cue(&mut z, w::VARIANT_ONLY, "variant spelling", cues);
    }
    let upper = t.is_upper(i) && !t.in_caps_run(i);
    let abbreviation = spot.matches.iter().any(|m| m.name_kind == NameKind::Abbreviation)
        && (upper || t.slice(i, end).contains('.'));
    if abbreviation {
        cue(&mut z, w::ABBREVIATION, "abbreviation", cues);
    }
    if single && COMPASS_WORDS.contains(folded) {
        cue(&mut z, w::COMMON_WORD, "a direction or name prefix", cues);
    }
    if street_after(t, end) {
        cue(&mut z, w::STREET, "part of a street or building name", cues);
    }
    if single && spot.span == t.span(i, end) {
        let surface = t.text_of(i);
        let class = class();
        if class.is_common() && !upper && !abbreviation {
            cue(&mut z, w::COMMON_WORD, "common word", cues);
        } else if class.is_ambiguous() && !upper && !abbreviation {
            cue(&mut z, w::AMBIGUOUS_WORD, "also a common word", cues);
        } else if class.is_proper() {
            cue(&mut z, w::PROPER_WORD, "proper noun", cues);
        }
        // The name lists are asked last.
        if !upper && surface.len() > 2 && is_given_name(folded) {
            cue(&mut z, w::GIVEN_NAME, "given name", cues);
        } else if !upper && strength < SURNAME_MAX_STRENGTH && is_common_surname(folded) {
            cue(&mut z, w::SURNAME, "common surname", cues);
        }
    } else if !single {
        cue(&mut z, w::MULTI_WORD, "multi-word name", cues);
    }
    if spot.span != t.span(i, end) {
        cue(&mut z, w::HYPHEN_PART, "hyphen part", cues);
    }
    if t.weak_case(i) {
        cue(&mut z, w::WEAK_CASE, "sentence start or headline", cues);
    }
    if cue_before(t, i) {
        cue(&mut z, w::CUE_BEFORE, "locative cue", cues);
    }
    if spot.generic.is_some() || qualified_by_next(t, end, all) {
        cue(&mut z, w::CUE_AFTER, "generic word or qualifier", cues);
    }
    if in_list(t, i, end, all) {
        cue(&mut z, w::IN_LIST, "in a list of places", cues);
    }
    if name_neighbour(t, res, actors, i, end, all) {
        cue(&mut z, w::NAME_NEIGHBOUR, "next to another name", cues);
    }
    if spot.dateline {
        cue(&mut z, w::DATELINE, "dateline", cues);
    }
    if actors.in_organisation(i) {
        // "Ohio State University" names Ohio; "Franklin Elementary" a person, not Franklin,
        // Tennessee: only prominent places inside organisations' names count.
        if strength >= EMBEDDED_MIN_STRENGTH {
            cue(&mut z, w::IN_ORGANISATION, "in an organisation's name", cues);
        } else {
            cue(
                &mut z,
                w::WEAK_IN_ORGANISATION,
                "a minor place name inside an organisation's name",
                cues,
            );
        }
    }
    z
}

/// "Franklin Avenue", "North and Strickland avenues": the name is a street's.
fn street_after(t: &Tokens<'_>, end: usize) -> bool {
    let street = |k: usize| t.is_word(k) && STREET_WORDS.contains(t.folded(k));
    (t.is_capitalised(end) && street(end))
        || (t.folded(end) == "and"
            && t.is_capitalised(end + 1)
            && street(end + 2)
            && t.is_lower(end + 2))
        || (t.is_lower(end) && matches!(t.folded(end), "streets" | "avenues" | "roads"))
}

/// "in Seoul", "near Kyiv", "outside of Tsiolkovsky", "north of X", "the town of X".
fn cue_before(t: &Tokens<'_>, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = t.folded(i - 1);
    if t.is_lower(i - 1) && LOCATIVE_CUES.contains(prev) {
        return true;
    }
    if prev == "of" && i >= 2 {
        let before = t.folded(i - 2);
        return LOCATIVE_CUES.contains(before)
            || generic(GENERIC_BEFORE, before).is_some()
            || super::relative::bearing_of(before).is_some();
    }
    false
}

/// "Springfield, Illinois": a comma and another candidate right after.
fn qualified_by_next(t: &Tokens<'_>, end: usize, all: &SpotIndex) -> bool {
    t.is_punct(end, ",") && all.starts_at(end + 1)
}

/// Separated from another candidate by only a comma, "and" or "or".
fn in_list(t: &Tokens<'_>, i: usize, end: usize, all: &SpotIndex) -> bool {
    let joiner = |k: usize| t.is_punct(k, ",") || matches!(t.folded(k), "and" | "or");
    let before = i >= 2 && joiner(i - 1) && all.ends_at(i - 1);
    let after = joiner(end) && all.starts_at(end + 1);
    before || after
}

/// A name-like capitalised word glued to the span that is neither a place candidate nor an
/// ordinary word: "Paris Hilton", "Vladimir Putin".
fn name_neighbour(
    t: &Tokens<'_>,
    res: &Resources,
    actors: &Actors,
    i: usize,
    end: usize,
    all: &SpotIndex,
) -> bool {
    // The dictionary, two index walks, is asked last.
    let name_like = |k: usize| {
        t.is_capitalised(k)
            && !t.in_caps_run(k)
            && !all.covers(k)
            && !actors.in_organisation(k)
            && generic(GENERIC_SUFFIXES, t.folded(k)).is_none()
            && !CALENDAR_WORDS.contains(t.folded(k))
            && !res.is_common_word(t.folded(k))
    };
    let after = end < t.len() && t.tokens[end].space_before && name_like(end);
    let before = i > 0 && !t.tokens[i].sentence_initial && name_like(i - 1);
    after || before
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{
        Resources, actors::find_actors, credits::find_credits, dateline::find_dateline,
    };

    fn recognised(text: &str) -> Vec<String> {
        let res = Resources::embedded();
        let t = Tokens::new(text);
        let dateline = find_dateline(&t);
        let credits = find_credits(&t);
        let actors = find_actors(&t, &res, dateline.as_ref(), &credits);
        recognize(&t, &res, &actors, &credits, dateline.as_ref())
            .into_iter()
            .map(|s| s.span.text(text).unwrap_or("").to_owned())
            .collect()
    }

    #[test]
    fn the_longest_gazetteer_name_wins() {
        assert_eq!(
            recognised("Flooding hit South Korea and New York on Monday."),
            ["South Korea", "New York"]
        );
    }

    #[test]
    fn possessives_and_hyphen_compounds_yield_their_places() {
        assert_eq!(
            recognised("They praised France’s role in the Russia-Ukraine talks."),
            ["France", "Russia", "Ukraine"]
        );
    }

    #[test]
    fn ordinary_words_and_dates_that_are_towns_somewhere_are_not_places() {
        assert!(
            recognised("Most residents saw the Deal as fair. Aid arrived in March.").is_empty()
        );
    }

    #[test]
    fn people_credits_and_agencies_hide_the_towns_in_their_names() {
        let found = recognised(
            "Senator Paris Hilton met Kim Jong Un in Hanoi. REUTERS/JOHN POOL CREDIT FILE PHOTO",
        );
        assert_eq!(found, ["Hanoi"]);
    }

    #[test]
    fn a_lower_case_generic_word_stays_outside_the_mention_but_a_capitalised_one_joins() {
        let found = recognised("Floods struck the Amur region and Laurel County overnight.");
        assert_eq!(found, ["Amur", "Laurel County"]);
    }

    #[test]
    fn demonyms_are_recognised_as_such() {
        let res = Resources::embedded();
        let text = "North Korean and Russian officials met.";
        let t = Tokens::new(text);
        let actors = find_actors(&t, &res, None, &[]);
        let spots = recognize(&t, &res, &actors, &[], None);
        let kinds: Vec<(&str, MentionKind)> =
            spots.iter().map(|s| (s.span.text(text).unwrap_or(""), s.kind)).collect();
        assert_eq!(
            kinds,
            [("North Korean", MentionKind::Demonym), ("Russian", MentionKind::Demonym)]
        );
    }

    #[test]
    fn the_strongest_match_decides_and_no_match_is_zero() {
        let res = Resources::embedded();
        let matches = res.lookup("georgia", Written::of("Georgia"));
        let each: Vec<f32> = matches.iter().map(|m| res.strength(m)).collect();
        assert_eq!(strongest(&res, &matches), each.iter().copied().fold(0.0, f32::max));
        assert_eq!(strongest(&res, &matches), 1.0, "the country");
        let springfield = res.lookup("springfield", Written::of("Springfield"));
        let weaker = strongest(&res, &springfield);
        assert!(weaker > 0.0 && weaker < 1.0, "{weaker}");
        assert_eq!(strongest(&res, &[]), 0.0);
    }

    #[test]
    fn a_dateline_city_is_recognised_even_in_capitals() {
        assert_eq!(recognised("MOSUL, Iraq (AP) — Fighting resumed."), ["MOSUL", "Iraq"]);
    }
}
