//! Parts of years and spans of years: quarters and halves ("the third quarter of 1998",
//! "third-quarter"), ordinals ("the 20th century", "the 12th of October", "on the 12th"),
//! decades ("the '90s", "the nineties"), seasons ("summer 1998", "last fall") and fiscal
//! years ("fiscal 1998").

use super::dates::{numeric, ordinal_at, year_after};
use super::numbers::is_year_at;
use super::{Found, Parser};
use crate::timex::expr::{CalendarSpec, Core, Expr, YearPart, YearSpec};
use crate::timex::lexicon::{Kind, W};
use crate::timex::units::Unit;

/// "third quarter", "third-quarter", "first half", "last half", "fiscal first quarter" at
/// `i`; the flag is true for the hyphenated adjective ("third-quarter profit").
pub(crate) fn year_part(p: &Parser<'_>, i: usize) -> Option<(YearPart, usize, bool)> {
    let i = if p.is(i, W::Fiscal) { i + 1 } else { i };
    let (n, j) = if p.is(i, W::Last) && p.kind(i + 1) == Kind::Half {
        (2, i + 1)
    } else {
        ordinal_at(p, i)?
    };
    let hyphenated = p.punct(j, '-') && p.glued(j) && p.glued(j + 1);
    let k = if hyphenated { j + 1 } else { j };
    match p.kind(k) {
        Kind::Unit(Unit::Quarter) if (1..=4).contains(&n) => {
            Some((YearPart::Quarter(n), k + 1, hyphenated))
        }
        Kind::Half if (1..=2).contains(&n) && p.str(k).len() == 4 => {
            Some((YearPart::Half(n), k + 1, hyphenated))
        }
        _ => None,
    }
}

/// Ordinal-led: "third quarter (of 1998)", "first half", "20th century", "12th of
/// October", "on the 12th".
pub(crate) fn ordinal(p: &Parser<'_>, i: usize) -> Option<Found> {
    if let Some((part, j, hyphenated)) = year_part(p, i) {
        let mut spec = CalendarSpec { part: Some(part), ..CalendarSpec::year(YearSpec::Missing) };
        let mut end = j;
        if p.is(j, W::Of) {
            let k = if p.is(j + 1, W::Fiscal) { j + 2 } else { j + 1 };
            if let Some((year, e)) = year_after(p, k) {
                spec.year = year;
                end = e;
            } else if let (Some(w @ (W::This | W::Last | W::Next)), Kind::Unit(Unit::Year)) =
                (p.w(k), p.kind(k + 1))
            {
                spec.year = YearSpec::Deictic(match w {
                    W::Last => -1,
                    W::Next => 1,
                    _ => 0,
                });
                end = k + 2;
            }
        } else if let Some((year, e)) = year_after(p, j).filter(|_| !p.punct(j, ',')) {
            spec.year = year;
            end = e;
        }
        let found = Found::new(i, end, Expr::calendar(spec));
        // "the third-quarter results": the article belongs to "results".
        return Some(if hyphenated && end == j { found } else { found.with_the() });
    }
    let (n, j) = ordinal_at(p, i)?;
    // "the first nine months", "the first two years".
    if n == 1
        && let Some(d) = super::quantity::counted(p, j, true)
        && d.start == j
        && matches!(d.expr.core, Core::Duration { .. })
    {
        return Some(Found { start: i, ..d }.with_the());
    }
    match p.kind(j) {
        Kind::Unit(Unit::Century) if (1..=30).contains(&n) => {
            let century = n as i32 - 1;
            Some(Found::new(i, j + 1, Expr::new(Core::Century(century))).with_the())
        }
        _ => numeric(p, i).filter(|f| f.end > j).or_else(|| day_of_month_alone(p, i, n, j)),
    }
}

/// "on the 12th": a day of the month in digits, after "on/by/until/since/from the", and not
/// followed by a noun ("on the 12th floor").
fn day_of_month_alone(p: &Parser<'_>, i: usize, day: u32, end: usize) -> Option<Found> {
    if !p.is_num(i) || !(1..=31).contains(&day) || i < 2 || !p.is(i - 1, W::The) {
        return None;
    }
    let before = p.str(i - 2);
    if !["on", "by", "until", "since", "from", "till"]
        .iter()
        .any(|w| before.eq_ignore_ascii_case(w))
    {
        return None;
    }
    if p.tok(end).is_some_and(|t| t.is_word() || t.is_number()) {
        return None;
    }
    let spec = CalendarSpec { day: Some(day), ..CalendarSpec::year(YearSpec::Missing) };
    Some(Found::new(i, end, Expr::calendar(spec)).with_the())
}

/// "the '90s", "'87" after a month handled elsewhere; here the decade form.
pub(crate) fn apostrophe(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (v, len) = p.num(i + 1)?;
    if len != 2 || !p.glued(i + 1) || v % 10 != 0 || !p.glued(i + 2) || !p.is(i + 2, W::S) {
        return None;
    }
    let core = Core::Decade { decade: (v / 10) as i32, two_digit: true };
    Some(Found::new(i, i + 3, Expr::new(core)).with_the())
}

/// "the nineties", "the seventies".
pub(crate) fn decade_word(p: &Parser<'_>, i: usize) -> Option<Found> {
    let Kind::Decade(d) = p.kind(i) else { return None };
    // "in his forties" is an age.
    if i > 0 && !matches!(p.w(i - 1), Some(W::The | W::Early | W::Late | W::Mid)) {
        return None;
    }
    let core = Core::Decade { decade: d as i32, two_digit: true };
    Some(Found::new(i, i + 1, Expr::new(core)).with_the())
}

/// Seasons: "summer 1998", "the winter of 1994", "(the) fall"; a bare season needs a word
/// that makes it a time ("in the fall", "last spring"), since "fall" and "spring" are also
/// verbs and nouns.
pub(crate) fn season(p: &Parser<'_>, i: usize) -> Option<Found> {
    let Kind::Season(s) = p.kind(i) else { return None };
    let spec =
        CalendarSpec { part: Some(YearPart::Season(s)), ..CalendarSpec::year(YearSpec::Missing) };
    let k = if p.is(i + 1, W::Of) { i + 2 } else { i + 1 };
    if let Some((year, end)) = year_after(p, k).filter(|_| !p.punct(i + 1, ',')) {
        return Some(Found::new(i, end, Expr::calendar(CalendarSpec { year, ..spec })).with_the());
    }
    let prev_fits = i > 0
        && matches!(
            p.w(i - 1),
            Some(
                W::The
                    | W::This
                    | W::Last
                    | W::Next
                    | W::Past
                    | W::Coming
                    | W::Early
                    | W::Late
                    | W::Mid
                    | W::In
                    | W::During
                    | W::Since
                    | W::Until
                    | W::Every
                    | W::Each
                    | W::Through
            )
        );
    // "the fall of the Berlin Wall", "the spring of discontent".
    if !prev_fits || p.is(i + 1, W::Of) {
        return None;
    }
    Some(Found::new(i, i + 1, Expr::calendar(spec)).with_the())
}

/// Finance shorthand: "Q3", "Q3 2023", "Q3'23", "H1 2024", "FY2023", "FY 2023", "FY23".
pub(crate) fn shorthand(p: &Parser<'_>, i: usize) -> Option<Found> {
    let w = p.w(i)?;
    if !p.tok(i).is_some_and(|t| {
        t.shape(p.text) == crate::timex::token::Shape::Upper || p.str(i).len() == 1
    }) {
        return None;
    }
    let (n, len) = p.num(i + 1)?;
    if w == W::Fy {
        let year = match len {
            4 => YearSpec::Absolute(i32::try_from(n).ok()?),
            2 => YearSpec::TwoDigit(i32::try_from(n).ok()?),
            _ => return None,
        };
        return Some(Found::new(i, i + 2, Expr::calendar(CalendarSpec::year(year))));
    }
    // "Q3" and "H1" are written as one word.
    if !p.glued(i + 1) || len != 1 || p.glued(i + 2) && p.tok(i + 2).is_some_and(|t| t.is_word()) {
        return None;
    }
    let part = match (w, n) {
        (W::Q, 1..=4) => YearPart::Quarter(n),
        (W::H, 1..=2) => YearPart::Half(n),
        _ => return None,
    };
    let mut spec = CalendarSpec { part: Some(part), ..CalendarSpec::year(YearSpec::Missing) };
    let mut end = i + 2;
    let k = if p.punct(end, '/') && p.glued(end) { end + 1 } else { end };
    if let Some((year, e)) = year_after(p, k).filter(|_| !p.punct(end, ',')) {
        spec.year = year;
        end = e;
    } else if p.is(end, W::Fy)
        && let Some(f) = shorthand(p, end)
        && let Core::Calendar(c) = f.expr.core
    {
        spec.year = c.year;
        end = f.end;
    }
    Some(Found::new(i, end, Expr::calendar(spec)))
}

/// "fiscal 1998", "fiscal year 1998", "fiscal 88", "the fiscal year", "fiscal first quarter".
pub(crate) fn fiscal(p: &Parser<'_>, i: usize) -> Option<Found> {
    if let Some((part, end, _)) = year_part(p, i) {
        let spec = CalendarSpec { part: Some(part), ..CalendarSpec::year(YearSpec::Missing) };
        return Some(Found::new(i, end, Expr::calendar(spec)).with_the());
    }
    let mut j = i + 1;
    let has_year_word = p.kind(j) == Kind::Unit(Unit::Year);
    if has_year_word {
        j += 1;
    }
    if let Some(y) = is_year_at(p, j) {
        let spec = CalendarSpec::year(YearSpec::Absolute(y));
        return Some(Found::new(i, j + 1, Expr::calendar(spec)).with_the());
    }
    if let Some((v, 2)) = p.num(j) {
        let spec = CalendarSpec::year(YearSpec::TwoDigit(v as i32));
        return Some(Found::new(i, j + 1, Expr::calendar(spec)).with_the());
    }
    if has_year_word && p.is(i.wrapping_sub(1), W::The) {
        return super::relative::the_unit(p, i + 1).map(|f| Found { start: i, ..f });
    }
    None
}
