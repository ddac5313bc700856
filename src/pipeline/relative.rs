//! Relative locations: "some 180 km north of Blagoveschensk", "30 miles southeast of Dayton",
//! "12 kilometres from the border town of X".
//!
//! Each expression gives a distance (with a tolerance from its vagueness words), a bearing
//! (with the spread of its compass point) and an anchor mention. Once the anchor is resolved,
//! the implied point is evidence for the places named just before the expression (the
//! cosmodrome or town it describes), and it is output as a
//! [`crate::model::RelativeLocation`] for the map.

use super::recognize::Spot;
use super::tokens::Tokens;
use crate::model::{MentionKind, Span};
use crate::text::TokenKind;

/// Kilometres per statute mile.
const KM_PER_MILE: f64 = 1.609_344;

/// Kilometres per nautical mile.
const KM_PER_NAUTICAL_MILE: f64 = 1.852;

/// Relative uncertainty of a bare stated distance ("180 km").
const TOLERANCE_PLAIN: f64 = 0.1;

/// How many places before the expression, in its sentence, it may describe.
const MAX_DESCRIBED: usize = 3;

/// A parsed relative expression, before its anchor is resolved.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RelativeExpr {
    /// The whole expression, from the vagueness word or number to the anchor.
    pub span: Span,
    /// Index of the anchor spot.
    pub anchor: usize,
    /// Index of the spot it describes (the nearest place before it in the sentence).
    pub target: Option<usize>,
    /// Every spot it may describe (up to [`MAX_DESCRIBED`] before it in the sentence).
    pub described: Vec<usize>,
    /// Stated distance in km.
    pub distance_km: f64,
    /// Relative uncertainty of the distance.
    pub tolerance: f64,
    /// Bearing from the anchor in degrees from north; `None` for "N km from X".
    pub bearing_deg: Option<f64>,
    /// Half-width of the bearing wedge in degrees (180 without a bearing).
    pub spread_deg: f64,
}

/// A compass word's bearing and half-width ("north" → 0° ± 22.5°, "north-northwest" →
/// 337.5° ± 11.25°), from a folded token ("north northwest" with its hyphen folded).
pub(crate) fn bearing_of(folded: &str) -> Option<(f64, f64)> {
    let joined: String = folded.chars().filter(|c| c.is_ascii_alphabetic()).collect();
    let points = [
        ("north", 0.0),
        ("northnortheast", 22.5),
        ("northeast", 45.0),
        ("eastnortheast", 67.5),
        ("east", 90.0),
        ("eastsoutheast", 112.5),
        ("southeast", 135.0),
        ("southsoutheast", 157.5),
        ("south", 180.0),
        ("southsouthwest", 202.5),
        ("southwest", 225.0),
        ("westsouthwest", 247.5),
        ("west", 270.0),
        ("westnorthwest", 292.5),
        ("northwest", 315.0),
        ("northnorthwest", 337.5),
    ];
    let (_, bearing) = points.iter().find(|(w, _)| *w == joined)?;
    // Eight-point words are a 45° sector; sixteen-point ones a 22.5° sector.
    let spread = if joined.len() > "southeast".len() { 11.25 } else { 22.5 };
    Some((*bearing, spread))
}

/// Finds the relative expressions anchored on recognised places.
pub(crate) fn find_relative(t: &Tokens<'_>, spots: &[Spot]) -> Vec<RelativeExpr> {
    let mut out = Vec::new();
    for (a, anchor) in spots.iter().enumerate() {
        if anchor.kind != MentionKind::Toponym {
            continue;
        }
        let i = anchor.tokens.0;
        if i < 3 {
            continue;
        }
        let mut k = i - 1;
        let mut bearing = None;
        // "... north of X" or "... from X" / "... outside X".
        if t.folded(k) == "of" {
            let Some(b) = bearing_of(t.folded(k - 1)) else { continue };
            bearing = Some(b);
            k -= 1;
        } else if !matches!(t.folded(k), "from" | "outside" | "away") {
            continue;
        }
        let Some((distance_km, start)) = distance_before(t, k) else { continue };
        let (tolerance, start) = vagueness_before(t, start);
        let span = Span::new(t.tokens[start].span.start_byte, anchor.span.end_byte);
        let sentence = t.sentence(i);
        let described: Vec<usize> = spots[..a]
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, s)| s.kind == MentionKind::Toponym && s.tokens.1 <= start)
            .take_while(|(_, s)| t.sentence(s.tokens.0) == sentence)
            .take(MAX_DESCRIBED)
            .map(|(j, _)| j)
            .collect();
        out.push(RelativeExpr {
            span,
            anchor: a,
            target: described.first().copied(),
            described,
            distance_km,
            tolerance,
            bearing_deg: bearing.map(|b| b.0),
            spread_deg: bearing.map_or(180.0, |b| b.1),
        });
    }
    out
}

/// The distance whose unit is the token before `k`: "180 km", "30 miles", "180km", "five
/// nautical miles". Returns km and the index of the number's token.
fn distance_before(t: &Tokens<'_>, k: usize) -> Option<(f64, usize)> {
    let unit_at = k.checked_sub(1)?;
    let unit = t.folded(unit_at);
    // "180km": number and unit in one token.
    if t.get(unit_at)?.kind == TokenKind::Number {
        let text = t.text_of(unit_at);
        let digits_end = text.find(|c: char| c.is_alphabetic())?;
        let factor = unit_factor(&text[digits_end..].to_lowercase(), false)?;
        return Some((parse_number(&text[..digits_end])? * factor, unit_at));
    }
    let nautical = unit_at >= 1 && t.folded(unit_at - 1) == "nautical";
    let factor = unit_factor(unit, nautical)?;
    let number_at = unit_at.checked_sub(if nautical { 2 } else { 1 })?;
    let value = match t.get(number_at)?.kind {
        TokenKind::Number => parse_number(t.text_of(number_at))?,
        TokenKind::Word => number_word(t.folded(number_at))?,
        _ => return None,
    };
    Some((value * factor, number_at))
}

fn unit_factor(unit: &str, nautical: bool) -> Option<f64> {
    match unit {
        "km" | "kms" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => Some(1.0),
        "mi" | "mile" | "miles" if nautical => Some(KM_PER_NAUTICAL_MILE),
        "mi" | "mile" | "miles" => Some(KM_PER_MILE),
        "m" | "meters" | "metres" | "meter" | "metre" => Some(0.001),
        _ => None,
    }
}

/// "180", "1,200", "2.5".
fn parse_number(text: &str) -> Option<f64> {
    let clean: String = text.chars().filter(|&c| c != ',').collect();
    clean.parse().ok().filter(|v: &f64| v.is_finite() && *v > 0.0)
}

fn number_word(word: &str) -> Option<f64> {
    let words = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(i) = words.iter().position(|w| *w == word) {
        return Some(i as f64 + 1.0);
    }
    match word {
        "thirty" => Some(30.0),
        "forty" => Some(40.0),
        "fifty" => Some(50.0),
        "hundred" => Some(100.0),
        "a" => Some(1.0),
        _ => None,
    }
}

/// The vagueness words before the number at `start` and the tolerance they imply ("some",
/// "about": 0.2; "more than": 0.35; "less than", "within": 0.5); returns the expression's new
/// start.
fn vagueness_before(t: &Tokens<'_>, start: usize) -> (f64, usize) {
    if start == 0 {
        return (TOLERANCE_PLAIN, start);
    }
    let prev = t.folded(start - 1);
    let two = if start >= 2 { format!("{} {}", t.folded(start - 2), prev) } else { String::new() };
    match two.as_str() {
        "more than" | "over than" => return (0.35, start - 2),
        "less than" | "up to" | "just under" | "fewer than" => return (0.5, start - 2),
        "an estimated" => return (0.2, start - 2),
        _ => {}
    }
    match prev {
        "some" | "about" | "around" | "approximately" | "roughly" | "approx" | "circa" => {
            (0.2, start - 1)
        }
        "nearly" | "almost" | "just" => (0.1, start - 1),
        "over" | "beyond" => (0.35, start - 1),
        "under" | "within" => (0.5, start - 1),
        _ => (TOLERANCE_PLAIN, start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Resources, actors::find_actors, recognize::recognize};

    fn parse(text: &str) -> (Vec<Spot>, Vec<RelativeExpr>) {
        let res = Resources::embedded();
        let t = Tokens::new(text);
        let actors = find_actors(&t, &res, None, &[]);
        let spots = recognize(&t, &res, &actors, &[], None);
        let rel = find_relative(&t, &spots);
        (spots, rel)
    }

    #[test]
    fn a_vague_distance_a_bearing_and_an_anchor_are_parsed() {
        let text = "The plant lies near Dzerzhinsk, about 30 miles southeast of Nizhny Novgorod.";
        let (spots, rel) = parse(text);
        assert_eq!(rel.len(), 1, "{rel:?}");
        let r = &rel[0];
        assert_eq!(r.span.text(text), Some("about 30 miles southeast of Nizhny Novgorod"));
        assert!((r.distance_km - 48.28).abs() < 0.01);
        assert_eq!(r.tolerance, 0.2);
        assert_eq!(r.bearing_deg, Some(135.0));
        assert_eq!(r.spread_deg, 22.5);
        assert_eq!(spots[r.anchor].span.text(text), Some("Nizhny Novgorod"));
        assert_eq!(r.target.map(|x| spots[x].span.text(text)), Some(Some("Dzerzhinsk")));
    }

    #[test]
    fn sixteen_point_bearings_and_glued_units_are_read() {
        let text = "Shelling hit Izium, 120km south-southeast of Kharkiv.";
        let (_, rel) = parse(text);
        assert_eq!(rel.len(), 1, "{rel:?}");
        assert_eq!(rel[0].distance_km, 120.0);
        assert_eq!(rel[0].bearing_deg, Some(157.5));
        assert_eq!(rel[0].spread_deg, 11.25);
        assert_eq!(rel[0].tolerance, TOLERANCE_PLAIN);
    }

    #[test]
    fn a_distance_without_a_bearing_has_a_full_wedge() {
        let text = "The camp is five kilometres from Goma.";
        let (_, rel) = parse(text);
        assert_eq!(rel.len(), 1, "{rel:?}");
        assert_eq!(rel[0].distance_km, 5.0);
        assert_eq!(rel[0].bearing_deg, None);
        assert_eq!(rel[0].spread_deg, 180.0);
    }

    #[test]
    fn compass_words_map_to_bearings() {
        assert_eq!(bearing_of("north"), Some((0.0, 22.5)));
        assert_eq!(bearing_of("north northwest"), Some((337.5, 11.25)));
        assert_eq!(bearing_of("northern"), None);
    }
}
