//! Expressions relative to the document date or to the date mentioned before: "last month",
//! "this week", "Thursday", "yesterday", "that year", "the following day", "now".

use super::dates::month_at;
use super::quantity;
use super::{Found, Parser};
use crate::timex::expr::{
    Amount, CalendarSpec, Core, Expr, Shift, Slot, TimeOfDay, YearPart, YearSpec,
};
use crate::timex::lexicon::{Kind, W};
use crate::timex::units::{PartOfDay, RefKind, Unit};

/// The direction a deictic word points: "last" -1, "this" 0, "next" +1.
fn direction(w: W) -> Option<i32> {
    match w {
        W::This | W::Current => Some(0),
        W::Last | W::Past | W::Previous | W::Prior | W::Preceding | W::Latest => Some(-1),
        W::Next | W::Coming | W::Following => Some(1),
        _ => None,
    }
}

/// A part of the day after token `i - 1`: "morning", "night".
fn part_of_day_at(p: &Parser<'_>, i: usize) -> Option<PartOfDay> {
    match p.kind(i) {
        Kind::PartOfDay(part) if !p.str(i).ends_with('s') && p.str(i) != "overnight" => Some(part),
        _ => None,
    }
}

/// Deictic-led: "last month", "this week", "next year", "the past year", "last April",
/// "next Monday", "this summer", "the past five years" (a duration), "that year", "the
/// following day", "recent years", "the future", "this morning", "last night".
pub(crate) fn deictic(p: &Parser<'_>, i: usize) -> Option<Found> {
    let w = p.w(i)?;
    let j = i + 1;
    match w {
        W::Future => {
            // "the future", "the near future"; "future" alone as an adjective is not a time.
            let core = Core::Reference(RefKind::Future);
            return p
                .is(i.wrapping_sub(1), W::The)
                .then(|| Found::new(i, j, Expr::new(core)).with_the());
        }
        W::Present => {
            let core = Core::Reference(RefKind::Present);
            let after_the_or_at = p.is(i.wrapping_sub(1), W::The) || p.is(i.wrapping_sub(1), W::At);
            let next_is_noun = p.tok(j).is_some_and(|t| t.is_word()) && !p.is(j, W::And);
            return (after_the_or_at && !next_is_noun)
                .then(|| Found::new(i, j, Expr::new(core)).with_the());
        }
        W::Past
            if p.is(i.wrapping_sub(1), W::The)
                && !p.tok(j).is_some_and(|t| t.is_word() || t.is_number()) =>
        {
            // "in the past." — a bare "the past" is a reference to the past.
            let core = Core::Reference(RefKind::Past);
            return Some(Found::new(i, j, Expr::new(core)).with_the());
        }
        W::Recent | W::Coming => {
            if let Kind::Units(_) = p.kind(j) {
                let r = if w == W::Recent { RefKind::Past } else { RefKind::Future };
                return Some(Found::new(i, j + 1, Expr::new(Core::Reference(r))).with_the());
            }
        }
        W::That | W::Same => {
            // "that year", "that same day", "the same day".
            let k = if w == W::That && p.is(j, W::Same) { j + 1 } else { j };
            if w == W::Same && !p.is(i.wrapping_sub(1), W::The) {
                return None;
            }
            if let Kind::Unit(
                u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year),
            ) = p.kind(k)
            {
                let core = Core::Shift(Shift::reference(u, 0));
                return Some(Found::new(i, k + 1, Expr::new(core)).with_the());
            }
            return None;
        }
        _ => {}
    }
    if w == W::Last && p.kind(j) == Kind::Half {
        return super::periods::ordinal(p, i);
    }
    let dir = direction(w)?;
    // "the past five years", "the next few days", "last three years": durations.
    if matches!(w, W::Past | W::Last | W::Next | W::Coming | W::Previous | W::Following | W::Latest)
        && let Some(d) = quantity::counted(p, j, true)
        && matches!(d.expr.core, Core::Duration { .. })
    {
        return Some(Found { start: i, ..d }.with_the());
    }
    let anaphoric = matches!(w, W::Following | W::Previous | W::Preceding | W::Prior)
        || (w == W::Next && p.is(i.wrapping_sub(1), W::The));
    match p.kind(j) {
        Kind::Unit(Unit::Weekend) => {
            let core = Core::Weekend { offset: Some(dir) };
            Some(Found::new(i, j + 1, Expr::new(core)).with_the())
        }
        Kind::Unit(unit) if !unit.is_clock() => {
            // "the next day", "the following year", "the previous quarter" follow the story.
            if unit == Unit::Day && !anaphoric {
                return None;
            }
            let core = if anaphoric {
                Core::Shift(Shift::reference(unit, dir))
            } else {
                Core::Shift(Shift::dct(unit, dir))
            };
            // "this year's third quarter", "last year's quarter".
            if unit == Unit::Year
                && !anaphoric
                && p.punct(j + 1, '\'')
                && p.is(j + 2, W::S)
                && let Some(part) = quarter_after(p, j + 3)
            {
                let spec = CalendarSpec {
                    part: Some(part.0),
                    ..CalendarSpec::year(YearSpec::Deictic(dir))
                };
                return Some(Found::new(i, part.1, Expr::calendar(spec)).with_the());
            }
            Some(Found::new(i, j + 1, Expr::new(core)).with_the())
        }
        Kind::Month(_) | Kind::MonthAbbr(_) if !anaphoric => {
            // "last Oct. 23" names the day too.
            if let Some(f) = super::dates::month(p, j)
                && let Core::Calendar(c) = f.expr.core
                && c.year == YearSpec::Missing
                && c.day.is_some()
            {
                let spec = CalendarSpec { which: Some(dir), ..c };
                return Some(Found::new(i, f.end, Expr::calendar(spec)).with_the());
            }
            let (m, end) = month_at(p, j)?;
            let spec = CalendarSpec {
                month: Some(m),
                which: Some(dir),
                ..CalendarSpec::year(YearSpec::Missing)
            };
            Some(Found::new(i, end, Expr::calendar(spec)).with_the())
        }
        Kind::Weekday(d) if !anaphoric => {
            let mut f =
                Found::new(i, j + 1, Expr::new(Core::Weekday { weekday: d, which: Some(dir) }));
            if let Some(part) = part_of_day_at(p, j + 1) {
                f.end = j + 2;
                f.expr.time = Some(TimeOfDay::Part(part));
            }
            Some(f.with_the())
        }
        Kind::Season(s) if !anaphoric => {
            let spec = CalendarSpec {
                part: Some(YearPart::Season(s)),
                which: Some(dir),
                ..CalendarSpec::year(YearSpec::Missing)
            };
            Some(Found::new(i, j + 1, Expr::calendar(spec)).with_the())
        }
        Kind::PartOfDay(part)
            if matches!(w, W::This | W::Last) && part_of_day_at(p, j).is_some() =>
        {
            // "this morning" (today), "last night" (the night before).
            let offset = if w == W::Last && part == PartOfDay::Night { -1 } else { 0 };
            if w == W::Last && offset == 0 {
                return None;
            }
            let mut e = Expr::new(Core::Shift(Shift::dct(Unit::Day, offset)));
            e.time = Some(TimeOfDay::Part(part));
            Some(Found::new(i, j + 1, e))
        }
        Kind::W(W::Past) if w == W::This => {
            // "this past spring", "this past week".
            let inner = deictic(p, j)?;
            Some(Found { start: i, ..inner })
        }
        Kind::W(W::Fiscal) if p.kind(j + 1) == Kind::Unit(Unit::Year) => {
            let core = Core::Shift(Shift::dct(Unit::Year, dir));
            Some(Found::new(i, j + 2, Expr::new(core)).with_the())
        }
        _ => None,
    }
}

/// "third quarter" after "this year's".
fn quarter_after(p: &Parser<'_>, i: usize) -> Option<(YearPart, usize)> {
    if let Kind::Ordinal(n @ 1..=4) = p.kind(i)
        && p.kind(i + 1) == Kind::Unit(Unit::Quarter)
    {
        return Some((YearPart::Quarter(n), i + 2));
    }
    None
}

/// A weekday: "Thursday", "Monday night", "Thursday morning".
pub(crate) fn weekday(p: &Parser<'_>, i: usize) -> Option<Found> {
    let Kind::Weekday(d) = p.kind(i) else { return None };
    // "Tuesday nights": a recurrence.
    if let Kind::PartOfDay(part) = p.kind(i + 1)
        && p.str(i + 1).ends_with('s')
    {
        let mut e = Expr::new(Core::EverySlot(Slot::Weekday(d)));
        e.set_time = Some(part);
        return Some(Found::new(i, i + 2, e));
    }
    let mut f = Found::new(i, i + 1, Expr::new(Core::Weekday { weekday: d, which: None }));
    if let Some(part) = part_of_day_at(p, i + 1) {
        f.end = i + 2;
        f.expr.time = Some(TimeOfDay::Part(part));
    }
    Some(f)
}

/// "today", "yesterday", "tomorrow", "tonight", "yesterday morning", "tomorrow night".
pub(crate) fn day_word(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (offset, fixed_part) = match p.kind(i) {
        Kind::DayWord(o) => (o, None),
        Kind::Tonight => (0, Some(PartOfDay::Night)),
        _ => return None,
    };
    let mut e = Expr::new(Core::Shift(Shift::dct(Unit::Day, offset)));
    e.time = fixed_part.map(TimeOfDay::Part);
    let mut end = i + 1;
    if fixed_part.is_none()
        && let Some(part) = part_of_day_at(p, i + 1)
    {
        e.time = Some(TimeOfDay::Part(part));
        end += 1;
    }
    Some(Found::new(i, end, e))
}

/// "now", "currently", "recently", "soon" ("as soon as" is not a time).
pub(crate) fn reference(p: &Parser<'_>, i: usize) -> Option<Found> {
    let Kind::Ref(r) = p.kind(i) else { return None };
    let word = p.str(i);
    // "as soon as" is a conjunction; "soon after" relates two events.
    if word.eq_ignore_ascii_case("soon")
        && (p.is(i.wrapping_sub(1), W::As) || matches!(p.w(i + 1), Some(W::After | W::Before)))
    {
        return None;
    }
    Some(Found::new(i, i + 1, Expr::new(Core::Reference(r))))
}

/// A part of the day on its own: "the morning", "overnight" (on the day in focus).
pub(crate) fn part_of_day(p: &Parser<'_>, i: usize) -> Option<Found> {
    let Kind::PartOfDay(part) = p.kind(i) else { return None };
    let word = p.str(i);
    let overnight = word.eq_ignore_ascii_case("overnight");
    let the_morning = p.is(i.wrapping_sub(1), W::The)
        && matches!(part, PartOfDay::Morning | PartOfDay::Afternoon | PartOfDay::Evening)
        && !word.ends_with('s')
        && !p.is(i + 1, W::Of);
    if !overnight && !the_morning {
        return None;
    }
    let mut e = Expr::new(Core::SameDay);
    e.time = Some(TimeOfDay::Part(part));
    Some(Found::new(i, i + 1, e).with_the())
}

/// "the year", "the quarter", "the week", "the month" (also "the full year", "the fiscal
/// year") at `i`, the unit word: the period under discussion, or with "ended"/"ending"
/// after it a length of one unit ("for the year ended March 31").
pub(crate) fn the_unit(p: &Parser<'_>, i: usize) -> Option<Found> {
    let Kind::Unit(unit @ (Unit::Week | Unit::Month | Unit::Quarter | Unit::Year)) = p.kind(i)
    else {
        return None;
    };
    // "the year of the dragon", "the week's high" is still the week.
    if p.is(i + 1, W::Of) || (p.punct(i + 1, '-') && p.glued(i + 1)) {
        return None;
    }
    if unit == Unit::Year && matches!(p.w(i + 1), Some(W::Ended | W::Ending)) {
        let core = Core::Duration { amount: Amount::Exact(1.0), unit, plus: None };
        return Some(Found::new(i, i + 1, Expr::new(core)).with_the());
    }
    // "the year" in news is the current one; "the quarter", "the week" the one under
    // discussion.
    let shift = if unit == Unit::Year { Shift::dct(unit, 0) } else { Shift::reference(unit, 0) };
    Some(Found::new(i, i + 1, Expr::new(Core::Shift(shift))).with_the())
}

/// "the full year", "the entire quarter", "the whole week".
pub(crate) fn whole_unit(p: &Parser<'_>, i: usize) -> Option<Found> {
    if !matches!(p.w(i), Some(W::Full | W::Entire | W::Whole)) || !p.is(i.wrapping_sub(1), W::The) {
        return None;
    }
    the_unit(p, i + 1).map(|f| Found { start: i, ..f })
}

/// Unit-led: "year-earlier", "year-ago", "the year-earlier quarter", "the year 1945", "the
/// weekend", "year-end", "the year", "the quarter".
pub(crate) fn unit_led(p: &Parser<'_>, i: usize) -> Option<Found> {
    let kind = p.kind(i);
    if kind == Kind::Unit(Unit::Year) {
        if p.punct(i + 1, '-') && p.glued(i + 1) {
            match p.w(i + 2) {
                Some(W::Earlier | W::Ago) => return Some(year_earlier(p, i, i + 3)),
                Some(W::End) => {
                    // "year-end": December 31 of this year.
                    let spec = CalendarSpec {
                        month: Some(12),
                        day: Some(31),
                        ..CalendarSpec::year(YearSpec::Deictic(0))
                    };
                    return Some(Found::new(i, i + 3, Expr::calendar(spec)));
                }
                _ => {}
            }
        }
        if let Some(y) = super::numbers::is_year_at(p, i + 1) {
            let spec = CalendarSpec::year(YearSpec::Absolute(y));
            return Some(Found::new(i, i + 2, Expr::calendar(spec)).with_the());
        }
        if let Some((y, end)) = super::dates::spelled_year_value(p, i + 1) {
            let spec = CalendarSpec::year(YearSpec::Absolute(y));
            return Some(Found::new(i, end, Expr::calendar(spec)).with_the());
        }
    }
    // "the week of March 6".
    if kind == Kind::Unit(Unit::Week)
        && p.is(i + 1, W::Of)
        && let Some(f) = super::dates::month(p, i + 2)
        && let Core::Calendar(c) = f.expr.core
        && let (Some(_), Some(d)) = (c.month, c.day)
    {
        let spec = CalendarSpec { day: None, part: Some(YearPart::WeekOf(d)), ..c };
        return Some(Found::new(i, f.end, Expr::calendar(spec)).with_the());
    }
    if !p.is(i.wrapping_sub(1), W::The) {
        return None;
    }
    if kind == Kind::Unit(Unit::Weekend) {
        return Some(Found::new(i, i + 1, Expr::new(Core::Weekend { offset: None })).with_the());
    }
    the_unit(p, i)
}

/// "year-earlier" / "year-ago" ending before token `j`, with what it qualifies: "the
/// year-earlier quarter" (that quarter a year before), "the year-ago third quarter", "the
/// year-earlier nine months" (a duration), "year-earlier" alone (the period under
/// discussion, a year before).
fn year_earlier(p: &Parser<'_>, i: usize, j: usize) -> Found {
    if let Some((part, end, _)) = super::periods::year_part(p, j) {
        let spec = CalendarSpec { part: Some(part), ..CalendarSpec::year(YearSpec::Deictic(-1)) };
        return Found::new(i, end, Expr::calendar(spec)).with_the();
    }
    if let Some(d) = quantity::counted(p, j, true)
        && d.start == j
        && matches!(d.expr.core, Core::Duration { .. })
    {
        return Found { start: i, ..d }.with_the();
    }
    match p.kind(j) {
        Kind::Unit(Unit::Quarter) => {
            let core = Core::Shift(Shift::reference(Unit::Quarter, -4));
            return Found::new(i, j + 1, Expr::new(core)).with_the();
        }
        Kind::Unit(Unit::Month) => {
            let core = Core::Shift(Shift::reference(Unit::Month, -12));
            return Found::new(i, j + 1, Expr::new(core)).with_the();
        }
        _ => {}
    }
    let shift = Shift { keep_granularity: true, ..Shift::reference(Unit::Year, -1) };
    let found = Found::new(i, j, Expr::new(Core::Shift(shift)));
    if p.is(j, W::Period) { Found { end: j + 1, ..found }.with_the() } else { found }
}

/// After "the end of", "the beginning of": "the year", "the month", "the week" mean the
/// current one.
pub(crate) fn unit_as_period(p: &Parser<'_>, i: usize) -> Option<Found> {
    if !p.is(i, W::The) {
        return None;
    }
    match p.kind(i + 1) {
        Kind::Unit(
            unit @ (Unit::Week
            | Unit::Month
            | Unit::Quarter
            | Unit::Year
            | Unit::Decade
            | Unit::Century),
        ) => {
            let core = Core::Shift(Shift::dct(unit, 0));
            Some(Found::new(i, i + 2, Expr::new(core)))
        }
        Kind::Unit(Unit::Day) => {
            let core = Core::Shift(Shift::reference(Unit::Day, 0));
            Some(Found::new(i, i + 2, Expr::new(core)))
        }
        _ => None,
    }
}
