//! Calendar dates: month names, day numbers, years, numeric dates, decades, centuries,
//! seasons, quarters and halves, holidays.

use super::numbers::{is_year_at, word_value};
use super::periods::year_part;
use super::{Found, Parser};
use crate::timex::expr::{CalendarSpec, Core, Expr, YearSpec};
use crate::timex::lexicon::{Kind, W};
use crate::timex::units::Unit;

/// Days in `month` in a leap year (the most a day number can be before the year is known).
pub(super) fn max_day(month: u32) -> u32 {
    match month {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A month name at `i`: full names, or abbreviations followed by their dot or a number
/// ("Oct. 12", "Oct 12"); "May" and "March" only where a month fits (not "may" or "march").
pub(crate) fn month_at(p: &Parser<'_>, i: usize) -> Option<(u32, usize)> {
    match p.kind(i) {
        Kind::Month(m) => {
            if matches!(m, 3 | 5) && !ambiguous_month_fits(p, i) {
                return None;
            }
            // A dot after a full name ends the sentence.
            Some((m, i + 1))
        }
        Kind::MonthAbbr(m) => {
            let j = p.skip_dot(i + 1);
            if j == i + 1 && !p.is_num(j) && !p.punct(j, '\'') {
                return None;
            }
            Some((m, j))
        }
        _ => None,
    }
}

/// "May" and "March" are months when a number, punctuation or a date word follows, or a
/// temporal preposition or modifier precedes ("in May", "last March", "May 5", "May, June").
fn ambiguous_month_fits(p: &Parser<'_>, i: usize) -> bool {
    let next_fits = match p.tok(i + 1) {
        None => true,
        Some(t) if t.is_number() => true,
        Some(t) if !t.is_word() => !t.is_punct('\''),
        Some(_) => matches!(
            p.w(i + 1),
            Some(W::And | W::Or | W::To | W::Through | W::Of | W::This | W::Last | W::Next)
        ),
    };
    let prev_fits = i > 0
        && (matches!(
            p.w(i - 1),
            Some(
                W::In
                    | W::On
                    | W::Since
                    | W::Until
                    | W::From
                    | W::Through
                    | W::During
                    | W::Last
                    | W::This
                    | W::Next
                    | W::Early
                    | W::Late
                    | W::Mid
                    | W::Of
                    | W::Before
                    | W::After
                    | W::Between
                    | W::Every
                    | W::Each
                    | W::Past
                    | W::Coming
                    | W::Middle
                    | W::End
            )
        ) || (p.punct(i - 1, '-') && p.glued(i)));
    next_fits || prev_fits
}

/// A day of the month at `i`: "12", "12th", "twelfth", "twenty-first".
pub(crate) fn day_at(p: &Parser<'_>, i: usize) -> Option<(u32, usize)> {
    if let Some((v, len)) = p.num(i) {
        if len > 2 || !(1..=31).contains(&v) {
            return None;
        }
        let mut j = i + 1;
        if p.glued(j) && p.is(j, W::Th) {
            j += 1;
        }
        // "12:30", "12%", "12-year", "12.5", "12,000" are not days.
        if let Some(t) = p.tok(j)
            && !t.space_before
            && (t.is_word() || t.is_number() || p.punct(j, ':') || p.punct(j, '%'))
        {
            return None;
        }
        if (p.punct(j, '.') || p.punct(j, ',')) && p.glued(j + 1) && p.is_num(j + 1) {
            return None;
        }
        return Some((v, j));
    }
    ordinal_at(p, i).filter(|(v, _)| (1..=31).contains(v))
}

/// An ordinal at `i`: "third", "twenty-first", "3rd", "21st".
pub(crate) fn ordinal_at(p: &Parser<'_>, i: usize) -> Option<(u32, usize)> {
    match p.kind(i) {
        Kind::Ordinal(n) => Some((n, i + 1)),
        Kind::Unit(Unit::Second) if p.alt(i) == Kind::Ordinal(2) => Some((2, i + 1)),
        Kind::Cardinal(tens) if (20..=90).contains(&tens) && tens % 10 == 0 => {
            let k = if p.punct(i + 1, '-') { i + 2 } else { i + 1 };
            match (p.kind(k), p.alt(k)) {
                (Kind::Ordinal(n), _) | (_, Kind::Ordinal(n)) if n < 10 => Some((tens + n, k + 1)),
                _ => None,
            }
        }
        _ => {
            let (v, len) = p.num(i)?;
            (len <= 3 && p.glued(i + 1) && p.is(i + 1, W::Th)).then_some((v, i + 2))
        }
    }
}

/// A year after a date at `i` (an optional comma first): "1948", "'87".
pub(super) fn year_after(p: &Parser<'_>, i: usize) -> Option<(YearSpec, usize)> {
    let j = p.skip_comma(i);
    if let Some(y) = is_year_at(p, j) {
        return Some((YearSpec::Absolute(y), j + 1));
    }
    if p.punct(j, '\'')
        && let Some((v, 2)) = p.num(j + 1)
        && p.glued(j + 1)
    {
        return Some((YearSpec::TwoDigit(v as i32), j + 2));
    }
    if j == i
        && let Some((y, k)) = spelled_year_value(p, j)
    {
        return Some((YearSpec::Absolute(y), k));
    }
    None
}

/// Month-led dates: "Oct. 12, 1948", "Oct 12", "September 2023", "February of 1999",
/// "June last year", "September".
pub(crate) fn month(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (m, j) = month_at(p, i)?;
    let spec = CalendarSpec { month: Some(m), ..CalendarSpec::year(YearSpec::Missing) };
    if let Some((d, k)) = day_at(p, j).filter(|&(d, _)| d <= max_day(m)) {
        let (year, end) = year_after(p, k).unwrap_or((YearSpec::Missing, k));
        return Some(Found::new(
            i,
            end,
            Expr::calendar(CalendarSpec { year, day: Some(d), ..spec }),
        ));
    }
    let k = if p.is(j, W::Of) { j + 1 } else { j };
    if let Some((year, end)) = year_after(p, k) {
        return Some(Found::new(i, end, Expr::calendar(CalendarSpec { year, ..spec })));
    }
    if let (Some(w @ (W::Last | W::This | W::Next)), Kind::Unit(Unit::Year)) =
        (p.w(j), p.kind(j + 1))
    {
        let shift = match w {
            W::Last => -1,
            W::Next => 1,
            _ => 0,
        };
        let year = YearSpec::Deictic(shift);
        return Some(Found::new(i, j + 2, Expr::calendar(CalendarSpec { year, ..spec })));
    }
    Some(Found::new(i, j, Expr::calendar(spec)).with_the())
}

/// A full date led by a weekday: "Thursday, Oct. 12", "Thu, 12 Oct 2023", "Monday the 5th".
pub(crate) fn weekday_date(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (wd, after) = match p.kind(i) {
        Kind::Weekday(d) => (d, i + 1),
        // "Thu." keeps its dot; after "Thursday" a dot ends the sentence.
        Kind::WeekdayAbbr(d) => (d, p.skip_dot(i + 1)),
        _ => return None,
    };
    let j = p.skip_comma(after);
    if p.tok(j).is_some_and(|t| t.newline_before) {
        return None;
    }
    let found = month(p, j).or_else(|| numeric(p, j)).or_else(|| {
        // "Monday the 5th".
        if !p.is(j, W::The) || p.tok(j).is_none_or(|t| t.is_capitalized(p.text)) {
            return None;
        }
        let (d, end) = ordinal_at(p, j + 1).filter(|&(d, _)| (1..=31).contains(&d))?;
        let spec = CalendarSpec { day: Some(d), ..CalendarSpec::year(YearSpec::Missing) };
        Some(Found::new(j, end, Expr::calendar(spec)))
    })?;
    match found.expr.core {
        Core::Calendar(c) if c.day.is_some() && found.start == j => {
            let spec = CalendarSpec { weekday: Some(wd), ..c };
            Some(Found::new(i, found.end, Expr { core: Core::Calendar(spec), ..found.expr }))
        }
        _ => None,
    }
}

/// Number-led dates: "13 September 2023", "12th of October", "1945", "1990s", "1998-99"
/// (the "99"), "2010-01-29", "7/8/07", "the 1988 second quarter".
pub(crate) fn numeric(p: &Parser<'_>, i: usize) -> Option<Found> {
    if let Some(f) = numeric_full_date(p, i) {
        return Some(f);
    }
    // Day first: "13 September 2023", "12th of October".
    if let Some((d, j)) = day_at(p, i).or_else(|| ordinal_at(p, i)) {
        let k = if p.is(j, W::Of) { j + 1 } else { j };
        if let Some((m, k2)) = month_at(p, k)
            && d <= max_day(m)
            && d >= 1
        {
            let (year, end) = year_after(p, k2).unwrap_or((YearSpec::Missing, k2));
            let spec = CalendarSpec { month: Some(m), day: Some(d), ..CalendarSpec::year(year) };
            return Some(Found::new(i, end, Expr::calendar(spec)).with_the());
        }
    }
    if let Some(y) = is_year_at(p, i) {
        return Some(year_led(p, i, y));
    }
    // "the 90s", "mid-90s".
    if let Some((v, 2)) = p.num(i)
        && v % 10 == 0
        && p.glued(i + 1)
        && p.is(i + 1, W::S)
        && i > 0
        && (matches!(p.w(i - 1), Some(W::The | W::Early | W::Late | W::Mid)) || p.punct(i - 1, '-'))
    {
        let core = Core::Decade { decade: (v / 10) as i32, two_digit: true };
        return Some(Found::new(i, i + 2, Expr::new(core)).with_the());
    }
    // The second year of "1998-99" or "1998-2001".
    if let Some((v, len)) = p.num(i)
        && (len == 2 || len == 4)
        && i >= 2
        && p.punct(i - 1, '-')
        && p.glued(i - 1)
        && p.glued(i)
        && let Some(first) = is_year_at(p, i - 2)
    {
        let year = if len == 2 {
            let mut y = first / 100 * 100 + v as i32;
            if y < first {
                y += 100;
            }
            y
        } else {
            v as i32
        };
        if year > first && year - first < 100 {
            let spec = CalendarSpec::year(YearSpec::Absolute(year));
            return Some(Found::new(i, i + 1, Expr::calendar(spec)));
        }
    }
    second_day_of_range(p, i)
}

/// The second day of "Oct. 12-14" or "Oct. 12 - 14, 2023": a date of its own, in the first
/// day's month (and year, when one follows).
fn second_day_of_range(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (day, _) = p.num(i).filter(|&(_, len)| len <= 2)?;
    if i < 3 || !p.punct(i - 1, '-') || !p.is_num(i - 2) {
        return None;
    }
    // The first day and its month: "Oct. 12" (month, dot, day) or "October 12".
    let month_at_index = if p.punct(i - 3, '.') { i.checked_sub(4)? } else { i - 3 };
    let (m, after_month) = month_at(p, month_at_index)?;
    let (first, after_first) = day_at(p, after_month)?;
    if after_first != i - 1 || day <= first || day > max_day(m) {
        return None;
    }
    let (year, end) = year_after(p, i + 1).unwrap_or((YearSpec::Missing, i + 1));
    let spec = CalendarSpec { month: Some(m), day: Some(day), ..CalendarSpec::year(year) };
    Some(Found::new(i, end, Expr::calendar(spec)))
}

/// "2010-01-29", "7/8/07", "09/26/1999", "26.09.1999".
fn numeric_full_date(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (a, alen) = p.num(i)?;
    let sep = match p.tok(i + 1)?.kind {
        crate::timex::token::TokenKind::Punct(c @ ('-' | '/' | '.')) => c,
        _ => return None,
    };
    if !(p.glued(i + 1)
        && p.glued(i + 2)
        && p.punct(i + 3, sep)
        && p.glued(i + 3)
        && p.glued(i + 4))
    {
        return None;
    }
    let (b, blen) = p.num(i + 2)?;
    let (c, clen) = p.num(i + 4)?;
    // Digits must not run on ("1/2/3/4", "10.1.2.3").
    if p.glued(i + 5) && p.tok(i + 5).is_some_and(|t| t.is_number() || t.is_punct(sep)) {
        return None;
    }
    let (year, month, day) = match (sep, alen, clen) {
        ('-', 4, 2) if blen == 2 => (YearSpec::Absolute(a as i32), b, c),
        ('/', 1 | 2, 4) => us_or_day_first(a, b, YearSpec::Absolute(c as i32))?,
        ('/', 1 | 2, 2) => us_or_day_first(a, b, YearSpec::TwoDigit(c as i32))?,
        ('.', 1 | 2, 4) => (YearSpec::Absolute(c as i32), b, a),
        _ => return None,
    };
    if !(1..=12).contains(&month) || day < 1 || day > max_day(month) {
        return None;
    }
    let spec = CalendarSpec { month: Some(month), day: Some(day), ..CalendarSpec::year(year) };
    Some(Found::new(i, i + 5, Expr::calendar(spec)))
}

/// Slash dates are month first (US style, the news agencies' usage) unless the first number
/// cannot be a month.
fn us_or_day_first(a: u32, b: u32, year: YearSpec) -> Option<(YearSpec, u32, u32)> {
    if a <= 12 {
        Some((year, a, b))
    } else if b <= 12 {
        Some((year, b, a))
    } else {
        None
    }
}

/// After a year at `i`: "1990s" (decade), "1800s" (century), "1990's", "the 1988 second
/// quarter", "1998's first half", or just the year.
fn year_led(p: &Parser<'_>, i: usize, y: i32) -> Found {
    let mut j = i + 1;
    let plural_s = p.glued(j) && p.is(j, W::S);
    let apostrophe_s = p.glued(j) && p.punct(j, '\'') && p.glued(j + 1) && p.is(j + 1, W::S);
    if (plural_s || apostrophe_s) && y % 10 == 0 {
        let end = if plural_s { j + 1 } else { j + 2 };
        // "the 1800s" is a century; "the 2000s" the decade, as news uses it.
        let core = if y % 100 == 0 && y < 2000 {
            Core::Century(y / 100)
        } else {
            Core::Decade { decade: y / 10, two_digit: false }
        };
        return Found::new(i, end, Expr::new(core)).with_the();
    }
    if apostrophe_s {
        j += 2;
    }
    if let Some((part, end, _)) = year_part(p, j) {
        let spec = CalendarSpec { part: Some(part), ..CalendarSpec::year(YearSpec::Absolute(y)) };
        return Found::new(i, end, Expr::calendar(spec)).with_the();
    }
    // "the 1988 period", "the 1989 quarter": the period under discussion, in that year.
    if p.is(i.wrapping_sub(1), W::The)
        && (p.is(j, W::Period) || p.kind(j) == Kind::Unit(Unit::Quarter))
    {
        return Found::new(i, j + 1, Expr::new(Core::SamePeriodIn(y))).with_the();
    }
    // "the 1998-99 season", "the 2000 election": the article belongs to the noun.
    Found::new(i, i + 1, Expr::calendar(CalendarSpec::year(YearSpec::Absolute(y))))
}

/// The numeric value of a spelled year at `i`: "nineteen ninety-six", "eighteen twelve",
/// "two thousand (and) ten" after "the year" or "in".
pub(crate) fn spelled_year_value(p: &Parser<'_>, i: usize) -> Option<(i32, usize)> {
    let Kind::Cardinal(first) = p.kind(i) else { return None };
    if matches!(first, 11..=19) {
        let (rest, end) = match p.kind(i + 1) {
            Kind::Cardinal(n) if (10..=19).contains(&n) => (n, i + 2),
            Kind::Cardinal(_) => word_value(p, i + 1).filter(|&(v, _)| (20..=99).contains(&v))?,
            // "nineteen hundred" but not "twelve hundred people".
            Kind::Hundred if p.str(i + 1).len() == 7 && matches!(first, 17..=19) => (0, i + 2),
            _ => return None,
        };
        return Some((first as i32 * 100 + rest as i32, end));
    }
    if first == 2 && p.kind(i + 1) == Kind::Thousand && p.str(i + 1).len() == 8 {
        let after_year_word =
            p.kind(i.wrapping_sub(1)) == Kind::Unit(Unit::Year) || p.is(i.wrapping_sub(1), W::In);
        if !after_year_word {
            return None;
        }
        let mut j = i + 2;
        if p.is(j, W::And) {
            j += 1;
        }
        if let Some((n, end)) = word_value(p, j).filter(|&(n, _)| n < 100) {
            return Some((2000 + n as i32, end));
        }
        return Some((2000, i + 2));
    }
    None
}

/// Spelled years and decades: "nineteen ninety-six", "the nineteen-nineties".
pub(crate) fn spelled_year(p: &Parser<'_>, i: usize) -> Option<Found> {
    if let Kind::Cardinal(c @ 11..=19) = p.kind(i) {
        let k = if p.punct(i + 1, '-') { i + 2 } else { i + 1 };
        if let Kind::Decade(d) = p.kind(k) {
            let core = Core::Decade { decade: c as i32 * 10 + d as i32, two_digit: false };
            return Some(Found::new(i, k + 1, Expr::new(core)).with_the());
        }
    }
    let (y, end) = spelled_year_value(p, i)?;
    Some(Found::new(i, end, Expr::calendar(CalendarSpec::year(YearSpec::Absolute(y)))))
}
