//! Counted units: durations ("three days", "a decade", "two-year", "nine months") and shifts
//! ("two years ago", "a month earlier", "days later"); amounts and units shared with
//! [`super::recurrence`].

use super::numbers::{digits_value, word_value};
use super::{Found, Parser, clock};
use crate::timex::expr::{Amount, Core, Expr, Shift};
use crate::timex::lexicon::{Kind, W};
use crate::timex::units::{RefKind, Unit};

/// How an amount was written; decides which unit forms may follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// "a", "an": a singular unit follows ("a year").
    Article,
    /// Digits or number words.
    Number,
    /// "several", "a few", "many": a plural unit follows.
    Vague,
}

/// An amount at `i`: "3", "1,200", "2.5", "5 1/2", "three", "twenty-four", "a", "a couple
/// of", "a few", "several", "half a", "a dozen".
pub(super) fn amount_at(p: &Parser<'_>, i: usize) -> Option<(Amount, usize, Form)> {
    if p.is_num(i) {
        let (mut v, mut j) = digits_value(p, i)?;
        // "5 1/2 hours".
        if let (Some((1, 1)), true, Some((2, 1))) = (p.num(j), p.punct(j + 1, '/'), p.num(j + 2))
            && p.glued(j + 1)
            && p.glued(j + 2)
        {
            v += 0.5;
            j += 3;
        }
        return Some((Amount::Exact(v), j, Form::Number));
    }
    match p.kind(i) {
        Kind::Cardinal(_) => {
            let (v, mut j) = word_value(p, i)?;
            let mut value = f64::from(v);
            // "two and a half years".
            if p.is(j, W::And) && p.is(j + 1, W::A) && p.kind(j + 2) == Kind::Half {
                value += 0.5;
                j += 3;
            }
            Some((Amount::Exact(value), j, Form::Number))
        }
        Kind::W(W::A) => match p.kind(i + 1) {
            Kind::W(W::Couple) if p.is(i + 2, W::Of) => {
                Some((Amount::Exact(2.0), i + 3, Form::Number))
            }
            Kind::W(W::Few) => Some((Amount::Vague, i + 2, Form::Vague)),
            Kind::Dozen if p.str(i + 1).len() == 5 => {
                Some((Amount::Exact(12.0), i + 2, Form::Number))
            }
            Kind::Hundred | Kind::Thousand => {
                let (v, j) = word_value(p, i + 1)?;
                Some((Amount::Exact(f64::from(v)), j, Form::Number))
            }
            Kind::Half => Some((Amount::Exact(0.5), i + 2, Form::Article)),
            _ => Some((Amount::Exact(1.0), i + 1, Form::Article)),
        },
        Kind::W(W::Couple) if p.is(i + 1, W::Of) => Some((Amount::Exact(2.0), i + 2, Form::Number)),
        Kind::W(W::Several | W::Many | W::Few | W::Some) => {
            Some((Amount::Vague, i + 1, Form::Vague))
        }
        Kind::Dozen | Kind::Hundred | Kind::Thousand
            if p.is(i + 1, W::Of) && p.str(i).ends_with('s') =>
        {
            Some((Amount::Vague, i + 2, Form::Vague))
        }
        Kind::Dozen if p.str(i).len() == 5 => Some((Amount::Exact(12.0), i + 1, Form::Number)),
        // "half a century", "half an hour".
        Kind::Half if p.is(i + 1, W::A) => Some((Amount::Exact(0.5), i + 2, Form::Article)),
        _ => None,
    }
}

/// A unit at `i`, singular or plural; "nights" counts days.
pub(super) fn unit_at(p: &Parser<'_>, i: usize) -> Option<(Unit, bool)> {
    match (p.kind(i), p.alt(i)) {
        (Kind::Unit(u), _) | (_, Kind::Unit(u)) => Some((u, false)),
        (Kind::Units(u), _) | (_, Kind::Units(u)) => Some((u, true)),
        _ => None,
    }
}

/// True when what precedes `i` makes `a|per <unit>` a rate of occurrences ("twice a week",
/// "three times a year"). Money rates ("$5 a year") are not annotated as times in TimeML
/// news corpora and are left alone.
pub(super) fn times_before(p: &Parser<'_>, i: usize) -> Option<usize> {
    if i == 0 {
        return None;
    }
    if matches!(p.w(i - 1), Some(W::Once | W::Twice)) {
        return Some(i - 1);
    }
    if i >= 2
        && p.is(i - 1, W::Times)
        && (p.is_num(i - 2) || matches!(p.kind(i - 2), Kind::Cardinal(_)))
    {
        return Some(i - 2);
    }
    None
}

/// True when an amount of money, a percentage or a count ends right before `i`.
fn money_before(p: &Parser<'_>, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1) else { return false };
    if p.is_num(prev) || p.punct(prev, '%') || matches!(p.kind(prev), Kind::Cardinal(_)) {
        return true;
    }
    let word = p.str(prev);
    [
        "million", "billion", "trillion", "percent", "cents", "dollars", "euros", "pounds", "yen",
        "bn", "m",
    ]
    .iter()
    .any(|w| word.eq_ignore_ascii_case(w))
}

/// A second amount after "to", "or" or a dash: "two to three weeks", "12 to 18 months".
fn range_end(p: &Parser<'_>, j: usize) -> Option<usize> {
    if !(p.is(j, W::To) || p.is(j, W::Or) || (p.punct(j, '-') && p.glued(j))) {
        return None;
    }
    let (_, k, form) = amount_at(p, j + 1)?;
    (form == Form::Number).then_some(k)
}

/// A counted unit at `i` with what follows it ("ago", "later"). With `after_deictic` (after
/// "the past", "the next") only durations are returned.
pub(crate) fn counted(p: &Parser<'_>, i: usize, after_deictic: bool) -> Option<Found> {
    let (amount, mut j, form) = amount_at(p, i)?;
    // "two to three weeks": the range is one expression valued by its first amount.
    if form == Form::Number
        && let Some(k) = range_end(p, j)
        && unit_at(p, k).is_some()
    {
        j = k;
    }
    // "two more weeks", "20 additional years", "two straight years".
    if matches!(
        p.w(j),
        Some(
            W::More | W::Additional | W::Further | W::Straight | W::Consecutive | W::Full | W::Long
        )
    ) && unit_at(p, j + 1).is_some()
    {
        j += 1;
    }
    let hyphenated = p.punct(j, '-') && p.glued(j) && p.glued(j + 1);
    if hyphenated {
        j += 1;
    }
    let (unit, plural) = unit_at(p, j)?;
    match form {
        Form::Article if plural => return None,
        Form::Vague if !plural => return None,
        Form::Number if plural && amount == Amount::Exact(1.0) && !hyphenated => return None,
        _ => {}
    }
    if let Amount::Exact(v) = amount
        && (v > 100_000.0 || v <= 0.0)
    {
        return None;
    }
    let mut end = j + 1;
    // "a year-earlier quarter", "two-year-old": a compound adjective, not a duration.
    if p.punct(end, '-') && p.glued(end) && p.tok(end + 1).is_some_and(|t| t.is_word()) {
        if p.is(end + 1, W::Long) {
            end += 2;
        } else {
            return None;
        }
    }
    // Ages ("59 years old") are not time expressions in TimeML news annotation.
    if matches!(p.w(end), Some(W::Old)) || p.str(end).eq_ignore_ascii_case("older") {
        return None;
    }
    // "a quarter" is usually a fraction, "a second" an ordinal ("a second term").
    let next_is_word = p.tok(end).is_some_and(|t| t.is_word());
    if unit == Unit::Second && !plural && next_is_word && !is_follower(p, end) {
        return None;
    }
    // "three-quarters" is a fraction.
    if unit == Unit::Quarter && hyphenated && plural {
        return None;
    }
    if unit == Unit::Quarter
        && !after_deictic
        && !matches!(p.w(end), Some(W::Ago | W::Earlier | W::Later))
        && !hyphenated
    {
        return None;
    }
    let follows_shift = matches!(p.w(end), Some(W::Ago | W::Earlier | W::Later));
    // "twice a week", "three times a year": a recurrence.
    if form == Form::Article
        && !after_deictic
        && !follows_shift
        && let Some(start) = times_before(p, i)
    {
        let core = Core::EveryUnit { amount: 1, unit };
        return Some(Found::new(start, end, Expr::new(core)));
    }
    // "$5 a month", "3% a year": a price or growth rate, not a length of time; TimeML news
    // annotation leaves it out.
    if form == Form::Article && !after_deictic && !follows_shift && money_before(p, i) {
        return None;
    }
    let mut plus = None;
    // "a minute and a half", "a year and a half".
    if p.is(end, W::And) && p.is(end + 1, W::A) && p.kind(end + 2) == Kind::Half {
        plus = half_of(unit);
        end += 3;
    }
    // "a week or so", "two years or more", "weeks or months".
    if p.is(end, W::Or) {
        let so_or_more = p.str(end + 1).eq_ignore_ascii_case("so") || p.is(end + 1, W::More);
        if so_or_more || (plural && matches!(p.kind(end + 1), Kind::Units(_))) {
            end += 2;
        }
    }
    let (amount, plus) = split_fraction(amount, unit, plus);
    if !after_deictic {
        let shift_of = |sign: i32| match amount {
            Amount::Exact(v) if v.fract() == 0.0 && plus.is_none() => Some(sign * v as i32),
            _ => None,
        };
        match p.w(end) {
            Some(W::Ago) => {
                let core = match shift_of(-1) {
                    Some(offset) if unit == Unit::Year && offset == -1 && form == Form::Article => {
                        Core::Shift(Shift { keep_granularity: true, ..Shift::dct(Unit::Year, -1) })
                    }
                    Some(offset) => Core::Shift(Shift::dct(unit, offset)),
                    None => Core::Reference(RefKind::Past),
                };
                return Some(Found::new(i, end + 1, Expr::new(core)));
            }
            Some(W::Earlier | W::Later) => {
                let sign = if p.is(end, W::Earlier) { -1 } else { 1 };
                let core = match shift_of(sign) {
                    Some(offset) => Core::Shift(Shift {
                        keep_granularity: unit == Unit::Year && offset.abs() == 1,
                        ..Shift::reference(unit, offset)
                    }),
                    None if sign < 0 => Core::Reference(RefKind::Past),
                    None => Core::Reference(RefKind::Future),
                };
                return Some(Found::new(i, end + 1, Expr::new(core)));
            }
            Some(W::Hence) => {
                if let Some(offset) = shift_of(1) {
                    let core = Core::Shift(Shift::dct(unit, offset));
                    return Some(Found::new(i, end + 1, Expr::new(core)));
                }
            }
            Some(W::From) if p.kind(end + 1) == Kind::Ref(RefKind::Present) => {
                if let Some(offset) = shift_of(1) {
                    let core = Core::Shift(Shift::dct(unit, offset));
                    return Some(Found::new(i, end + 2, Expr::new(core)));
                }
            }
            _ => {}
        }
    }
    let core = Core::Duration { amount, unit, plus };
    let found = Found::new(i, end, Expr::new(core));
    // "the two-week strike": the article belongs to the noun the compound describes.
    Some(if hyphenated { found } else { found.with_the() })
}

/// Words that can follow a unit in a time expression.
fn is_follower(p: &Parser<'_>, i: usize) -> bool {
    matches!(
        p.w(i),
        Some(
            W::Ago
                | W::Earlier
                | W::Later
                | W::Of
                | W::In
                | W::To
                | W::For
                | W::And
                | W::Or
                | W::Before
                | W::After
                | W::Hence
                | W::From
                | W::Than
        )
    )
}

/// Half of a unit in the next smaller unit ("a minute and a half" = + 30 seconds).
fn half_of(unit: Unit) -> Option<(u32, Unit)> {
    match unit {
        Unit::Minute => Some((30, Unit::Second)),
        Unit::Hour => Some((30, Unit::Minute)),
        Unit::Day => Some((12, Unit::Hour)),
        Unit::Week => Some((84, Unit::Hour)),
        Unit::Month => Some((15, Unit::Day)),
        Unit::Year => Some((6, Unit::Month)),
        Unit::Decade => Some((5, Unit::Year)),
        Unit::Century => Some((50, Unit::Year)),
        _ => None,
    }
}

/// "2.5 years" is 2 years and 6 months; "half an hour" 0 hours and 30 minutes.
fn split_fraction(
    amount: Amount,
    unit: Unit,
    plus: Option<(u32, Unit)>,
) -> (Amount, Option<(u32, Unit)>) {
    match (amount, half_of(unit)) {
        (Amount::Exact(v), Some(half)) if v.fract() == 0.5 && plus.is_none() => {
            (Amount::Exact(v.trunc()), Some(half))
        }
        _ => (amount, plus),
    }
}

/// A counted unit at `i`: durations and shifts. Bare plural units ("days", "years") are
/// durations only next to a word that makes them one ("for years", "days after", "in
/// recent days" is handled by "recent").
pub(crate) fn quantity(p: &Parser<'_>, i: usize) -> Option<Found> {
    if let Some(f) = counted(p, i, false) {
        return Some(f);
    }
    let (unit, true) = unit_at(p, i)? else { return None };
    if matches!(unit, Unit::Quarter | Unit::Weekend) {
        return None;
    }
    let before = i.checked_sub(1).and_then(|k| p.w(k));
    let after = p.w(i + 1);
    let fits = matches!(before, Some(W::For | W::Within | W::Over | W::In | W::After))
        || matches!(
            after,
            Some(W::Ago | W::Later | W::Earlier | W::After | W::Before | W::Of | W::Or | W::Ahead)
        )
        || (p.punct(i + 1, '-') && p.is(i + 2, W::Long));
    // "in years" but not "in dog years"; "the days of" is not a duration, nor are "the early
    // hours of Sunday".
    if !fits || matches!(before, Some(W::The | W::Early | W::Late)) {
        return None;
    }
    let mut end = i + 1;
    if p.punct(end, '-') && p.is(end + 1, W::Long) {
        end += 2;
    }
    match after {
        Some(W::Ago | W::Earlier) => {
            return Some(Found::new(i, end + 1, Expr::new(Core::Reference(RefKind::Past))));
        }
        Some(W::Later) => {
            return Some(Found::new(i, end + 1, Expr::new(Core::Reference(RefKind::Future))));
        }
        _ => {}
    }
    let core = Core::Duration { amount: Amount::Vague, unit, plus: None };
    Some(Found::new(i, end, Expr::new(core)))
}

/// Approximators in front of an amount or a clock time: "nearly two years", "nearly an
/// hour", "more than four hours", "at least 20 more years", "up to 180 days", "around
/// 7:15 p.m.", "some 20 years ago".
///
/// Only the test of the words is inlined: most tokens are not an approximator, and answering
/// `None` from a call costs more than the test.
#[inline]
pub(crate) fn approximate(p: &Parser<'_>, i: usize) -> Option<Found> {
    let j = match (p.w(i)?, p.w(i + 1)) {
        (W::More | W::Less | W::Fewer, Some(W::Than)) => i + 2,
        (W::At, Some(W::Least | W::Most)) => i + 2,
        (W::Up, Some(W::To)) => i + 2,
        (W::No, Some(W::More | W::Less)) if p.is(i + 2, W::Than) => i + 3,
        (W::Well, Some(W::Over | W::Under)) => i + 2,
        (W::Close, Some(W::To)) => i + 2,
        // "about" and "just" are mostly left out of TimeML extents ("about [two weeks]").
        (
            W::Around
            | W::Nearly
            | W::Almost
            | W::Approximately
            | W::Roughly
            | W::Over
            | W::Under
            | W::Some
            | W::Exactly,
            _,
        ) => i + 1,
        _ => return None,
    };
    approximated(p, i, j)
}

/// The amount or clock time at `j` that the approximator at `i` applies to.
fn approximated(p: &Parser<'_>, i: usize, j: usize) -> Option<Found> {
    // "some" is both an approximator ("some 20 years") and a vague amount ("some years").
    if p.is(i, W::Some) && !(p.is_num(j) || matches!(p.kind(j), Kind::Cardinal(_))) {
        return None;
    }
    let inner = counted(p, j, false).or_else(|| clock::clock(p, j))?;
    if inner.start != j {
        return None;
    }
    let ok = matches!(
        inner.expr.core,
        Core::Duration { .. } | Core::Shift(_) | Core::Reference(_) | Core::SameDay
    ) || inner.expr.time.is_some();
    ok.then_some(Found { start: i, ..inner })
}
