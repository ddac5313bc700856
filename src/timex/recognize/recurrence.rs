//! Recurrences (TIMEX3 SET): "every week", "each year", "every other month", "every
//! Thursday", "each July", "daily", "annual", "Mondays", "twice a year", "three times a week".

use super::quantity::{Form, amount_at, times_before, unit_at};
use super::{Found, Parser};
use crate::timex::expr::{Amount, Core, Expr, Slot};
use crate::timex::lexicon::{Kind, W};
use crate::timex::units::Unit;

/// Recurrences: "every week", "each year", "every other month", "every Thursday", "each
/// July", "daily", "annual", "Mondays", "twice a year", "three times a week".
pub(crate) fn set(p: &Parser<'_>, i: usize) -> Option<Found> {
    match p.kind(i) {
        Kind::Every(unit) => {
            // "the quarterly dividend", "the annual report": before a noun, the long periods
            // name a kind of report or payment rather than a recurring event, and TimeML news
            // corpora leave them out; "paid quarterly" and "daily flights" recur.
            let long_period = matches!(unit, Unit::Month | Unit::Quarter | Unit::Year);
            let before_noun = long_period
                && p.tok(i + 1).is_some_and(|t| t.is_word())
                && !p.tok(i + 1).is_some_and(|t| t.lex.is_some());
            if before_noun {
                return None;
            }
            return Some(Found::new(i, i + 1, Expr::new(Core::EveryUnit { amount: 1, unit })));
        }
        Kind::Weekdays(d) => {
            let mut e = Expr::new(Core::EverySlot(Slot::Weekday(d)));
            let mut end = i + 1;
            if let Kind::PartOfDay(part) = p.kind(end) {
                e.set_time = Some(part);
                end += 1;
            }
            return Some(Found::new(i, end, e));
        }
        Kind::W(W::Every | W::Each) => {}
        Kind::W(W::Once | W::Twice) | Kind::Cardinal(_) => {
            let j = if matches!(p.kind(i), Kind::Cardinal(_)) || p.is_num(i) {
                if !p.is(i + 1, W::Times) {
                    return None;
                }
                i + 2
            } else {
                i + 1
            };
            if !matches!(p.w(j), Some(W::A | W::Per | W::Every | W::Each)) {
                return None;
            }
            let (unit, false) = unit_at(p, j + 1)? else { return None };
            return Some(Found::new(i, j + 2, Expr::new(Core::EveryUnit { amount: 1, unit })));
        }
        _ if p.is_num(i) => {
            if !p.is(i + 1, W::Times)
                || !matches!(p.w(i + 2), Some(W::A | W::Per | W::Every | W::Each))
            {
                return None;
            }
            let (unit, false) = unit_at(p, i + 3)? else { return None };
            return Some(Found::new(i, i + 4, Expr::new(Core::EveryUnit { amount: 1, unit })));
        }
        Kind::W(W::Per) => {
            let (unit, false) = unit_at(p, i + 1)? else { return None };
            return times_before(p, i).map(|start| {
                Found::new(start, i + 2, Expr::new(Core::EveryUnit { amount: 1, unit }))
            });
        }
        _ => return None,
    }
    // every / each ...
    let mut j = i + 1;
    let mut amount = 1u32;
    if p.is(j, W::Other) {
        amount = 2;
        j += 1;
    } else if let Some((Amount::Exact(v), k, Form::Number)) = amount_at(p, j)
        && v.fract() == 0.0
        && v >= 1.0
    {
        amount = v as u32;
        j = k;
    }
    match (p.kind(j), p.alt(j)) {
        (Kind::Unit(unit), _) | (Kind::Units(unit), _) | (_, Kind::Unit(unit)) => {
            Some(Found::new(i, j + 1, Expr::new(Core::EveryUnit { amount, unit })))
        }
        (Kind::Weekday(d), _) if amount == 1 => {
            let mut e = Expr::new(Core::EverySlot(Slot::Weekday(d)));
            let mut end = j + 1;
            if let Kind::PartOfDay(part) = p.kind(end) {
                e.set_time = Some(part);
                end += 1;
            }
            Some(Found::new(i, end, e))
        }
        (Kind::Month(m), _) if amount == 1 => {
            Some(Found::new(i, j + 1, Expr::new(Core::EverySlot(Slot::Month(m)))))
        }
        (Kind::Season(s), _) if amount == 1 => {
            Some(Found::new(i, j + 1, Expr::new(Core::EverySlot(Slot::Season(s)))))
        }
        (Kind::PartOfDay(part), _) if amount == 1 => {
            let mut e = Expr::new(Core::EveryUnit { amount: 1, unit: Unit::Day });
            e.set_time = Some(part);
            Some(Found::new(i, j + 1, e))
        }
        _ => None,
    }
}
