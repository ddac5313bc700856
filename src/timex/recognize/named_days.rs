//! Named days: "Christmas", "Christmas Eve", "New Year's Day", "Labor Day", "Thanksgiving
//! 1998", "Easter Monday".

use super::dates::year_after;
use super::{Found, Parser};
use crate::timex::expr::{CalendarSpec, Expr, YearSpec};
use crate::timex::lexicon::{Kind, W};
use crate::timex::units::{Holiday, Unit};

/// Holidays: "Christmas", "Christmas Eve", "New Year's Day", "Labor Day", "Thanksgiving
/// 1998", "Easter Monday".
pub(crate) fn holiday(p: &Parser<'_>, i: usize) -> Option<Found> {
    let is_day_word = |k: usize| {
        p.kind(k) == Kind::Unit(Unit::Day) && p.tok(k).is_some_and(|t| t.is_capitalized(p.text))
    };
    let (h, mut j) = match p.kind(i) {
        Kind::Holiday(h) => {
            let mut h = h;
            let mut j = i + 1;
            if is_day_word(j) {
                j += 1;
            } else if p.is(j, W::Eve) && p.tok(j).is_some_and(|t| t.is_capitalized(p.text)) {
                if let Holiday::Fixed(m, d) = h {
                    h = Holiday::Fixed(m, d - 1);
                    j += 1;
                }
            } else if let (Holiday::Easter(_), Kind::Weekday(wd @ (1 | 7))) = (h, p.kind(j)) {
                h = Holiday::Easter(if wd == 1 { 1 } else { 0 });
                j += 1;
            }
            (h, j)
        }
        Kind::HolidayDay(h) => {
            let mut j = i + 1;
            if p.punct(j, '\'') && p.glued(j) {
                j += 1;
                if p.is(j, W::S) && p.glued(j) {
                    j += 1;
                }
            }
            if !is_day_word(j) {
                return None;
            }
            (h, j + 1)
        }
        Kind::W(W::New) => {
            let capital = |k: usize| p.tok(k).is_some_and(|t| t.is_capitalized(p.text));
            if !capital(i) || p.kind(i + 1) != Kind::Unit(Unit::Year) || !capital(i + 1) {
                return None;
            }
            let mut j = i + 2;
            if p.punct(j, '\'') && p.glued(j) && p.is(j + 1, W::S) {
                j += 2;
            }
            if is_day_word(j) {
                (Holiday::Fixed(1, 1), j + 1)
            } else if p.is(j, W::Eve) && capital(j) {
                (Holiday::Fixed(12, 31), j + 1)
            } else if j > i + 2 || p.is(i.wrapping_sub(1), W::The) {
                (Holiday::Fixed(1, 1), j)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    let mut spec = CalendarSpec { holiday: Some(h), ..CalendarSpec::year(YearSpec::Missing) };
    if let Some((year, end)) = year_after(p, j).filter(|_| !p.punct(j, ',')) {
        spec.year = year;
        j = end;
    }
    Some(Found::new(i, j, Expr::calendar(spec)))
}
