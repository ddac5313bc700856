//! Descriptive references: "the only border crossing between the two countries", "the
//! country's main cosmodrome", "the bridge between Russia and North Korea".
//!
//! A definite description whose head is a landmark feature word ("border crossing",
//! "cosmodrome", "bridge") and whose constraint names countries (explicitly, or as "the two
//! countries" / "the country" the article is about) resolves to the landmark with that feature
//! in those countries, when there is exactly one. Otherwise nothing is emitted: a guess would
//! put a wrong point on the map.

use super::Resources;
use super::tokens::Tokens;
use crate::gazetteer::EntryId;
use crate::model::{Mention, PlaceKind, Span};

/// Adjectives allowed between "the" and the feature word.
const DESCRIPTION_ADJECTIVES: &[&str] = &[
    "only",
    "sole",
    "main",
    "single",
    "largest",
    "biggest",
    "busiest",
    "key",
    "major",
    "new",
    "old",
    "principal",
    "main",
    "first",
    "famous",
    "strategic",
    "vital",
    "important",
    "nearby",
];

/// A descriptive reference found in the text and the landmark it resolves to.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Description {
    /// From "the" to the end of the constraint.
    pub span: Span,
    /// The landmark.
    pub entry: EntryId,
    /// How it was inferred, for the mention's reason.
    pub reason: String,
}

/// The countries an article is about, most prominent first: ISO2 codes ranked by mentions of
/// the country itself (names and demonyms count 1) and of places in it (0.5 each).
pub(crate) fn prominent_countries(mentions: &[Mention]) -> Vec<String> {
    let mut weight: Vec<(String, f32)> = Vec::new();
    for m in mentions {
        let Some(place) = &m.place else { continue };
        let Some(cc) = &place.country else { continue };
        let w = if place.kind == PlaceKind::Country { 1.0 } else { 0.5 };
        match weight.iter_mut().find(|(c, _)| **c == **cc) {
            Some(entry) => entry.1 += w,
            None => weight.push((cc.to_string(), w)),
        }
    }
    weight.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    weight.into_iter().map(|(c, _)| c).collect()
}

/// Finds descriptive references to landmarks, given the document's resolved mentions.
pub(crate) fn find_descriptions(
    t: &Tokens<'_>,
    res: &Resources,
    mentions: &[Mention],
) -> Vec<Description> {
    let countries = prominent_countries(mentions);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        // "the" is a word, and the words after it are lower case (adjectives, then the
        // feature): most tokens are passed over on these two flags, before their folded form
        // is read.
        if !(t.is_lower(i + 1) && t.is_word(i) && t.folded(i) == "the") {
            i += 1;
            continue;
        }
        let mut k = i + 1;
        while k < t.len() && t.is_lower(k) && DESCRIPTION_ADJECTIVES.contains(&t.folded(k)) {
            k += 1;
        }
        let Some((feature, after)) = feature_at(t, res, k) else {
            i += 1;
            continue;
        };
        let Some((wanted, end, why)) = constraint(t, after, mentions, &countries) else {
            i = after;
            continue;
        };
        let codes: Vec<&str> = wanted.iter().map(String::as_str).collect();
        let found = res.gazetteer.with_feature(feature, &codes);
        if let [entry] = found.as_slice()
            && let Some(e) = res.gazetteer.entry(*entry)
        {
            out.push(Description {
                span: t.span(i, end),
                entry: *entry,
                reason: format!("the only {feature} {why} in the gazetteer: {}", e.name),
            });
        }
        i = end.max(i + 1);
    }
    out
}

/// The longest landmark feature phrase (all lower case) starting at token `k`, and the token
/// after it.
fn feature_at<'r>(t: &Tokens<'_>, res: &'r Resources, k: usize) -> Option<(&'r str, usize)> {
    if !t.is_lower(k) {
        return None;
    }
    let first = t.folded(k);
    let indices = res
        .features_by_first_word
        .get(first)
        .or_else(|| first.strip_suffix('s').and_then(|w| res.features_by_first_word.get(w)))?;
    indices.iter().filter_map(|&x| res.features.get(x)).find_map(|f| {
        let mut end = k;
        for w in f.split(' ') {
            let word = t.folded(end);
            // "crossing" or "crossings".
            if !(t.is_lower(end) && (word == w || word.strip_suffix('s') == Some(w))) {
                return None;
            }
            end += 1;
        }
        Some((f.as_str(), end))
    })
}

/// What the words after the feature say about where it is: "between the two countries",
/// "between Russia and North Korea", "of/in Russia". Returns the ISO2 codes, the token after
/// the constraint and an explanation.
fn constraint(
    t: &Tokens<'_>,
    k: usize,
    mentions: &[Mention],
    prominent: &[String],
) -> Option<(Vec<String>, usize, String)> {
    let word = |x: usize| t.folded(x);
    if word(k) == "between" && word(k + 1) == "the" && word(k + 2) == "two" {
        let noun = word(k + 3);
        if matches!(noun, "countries" | "nations" | "states" | "neighbours" | "neighbors") {
            let two: Vec<String> = prominent.iter().take(2).cloned().collect();
            if two.len() == 2 {
                let why = format!(
                    "between {} and {}, the two countries the article is about,",
                    two[0], two[1]
                );
                return Some((two, k + 4, why));
            }
        }
        return None;
    }
    let country_at = |x: usize| -> Option<(String, usize)> {
        let start = t.tokens.get(x)?.span.start_byte;
        let m = mentions.iter().find(|m| m.span.start_byte == start)?;
        let place = m.place.as_ref().filter(|p| p.kind == PlaceKind::Country)?;
        Some((place.country.as_deref()?.to_owned(), t.token_at(m.span.end_byte)))
    };
    if word(k) == "between" {
        let (a, after_a) = country_at(k + 1)?;
        if word(after_a) != "and" {
            return None;
        }
        let (b, after_b) = country_at(after_a + 1)?;
        let why = format!("between {a} and {b}");
        return Some((vec![a, b], after_b, why));
    }
    if matches!(word(k), "in" | "of" | "on") {
        let (a, after) = country_at(k + 1)?;
        let why = format!("in {a}");
        return Some((vec![a], after, why));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MentionId, MentionKind, Place, PlaceId, Position};

    fn country(code: &str, start: usize, text: &str) -> Mention {
        Mention {
            id: MentionId(0),
            span: Span::new(start, start + text.len()),
            text: text.into(),
            kind: MentionKind::Toponym,
            place: Some(Place {
                id: PlaceId::geonames(1),
                name: text.into(),
                kind: PlaceKind::Country,
                country: Some(code.into()),
                admin1: None,
                population: 1,
                position: Position::new(0.0, 0.0),
            }),
            score: 1.0,
            alternatives: Vec::new(),
            reason: None,
        }
    }

    #[test]
    fn the_two_countries_are_the_most_mentioned_ones() {
        let ms = vec![
            country("RU", 0, "Russia"),
            country("KP", 10, "DPRK"),
            country("RU", 20, "Russia"),
        ];
        assert_eq!(prominent_countries(&ms), ["RU", "KP"]);
    }

    #[test]
    fn a_crossing_between_the_two_countries_resolves_to_their_only_crossing() {
        let res = Resources::embedded();
        let text = "Russia and North Korea. Trucks used the only border crossing between the two countries.";
        let t = Tokens::new(text);
        let ms = vec![
            country("RU", 0, "Russia"),
            country("KP", 11, "North Korea"),
            country("RU", 0, "Russia"),
        ];
        let found = find_descriptions(&t, &res, &ms);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].span.text(text),
            Some("the only border crossing between the two countries")
        );
        let e = res.gazetteer.entry(found[0].entry).unwrap();
        assert!(e.countries.contains(&"RU") && e.countries.contains(&"KP"));
        assert!(found[0].reason.contains("the two countries the article is about"));
    }

    #[test]
    fn an_ambiguous_description_is_not_resolved() {
        let res = Resources::embedded();
        // Russia has many bridges: no unique answer, so nothing is emitted.
        let text = "Russia. They crossed the bridge in Russia.";
        let t = Tokens::new(text);
        let ms = vec![country("RU", 0, "Russia"), country("RU", 35, "Russia")];
        assert!(find_descriptions(&t, &res, &ms).is_empty());
    }
}
