//! Times of day: "3 p.m.", "10:35 a.m.", "15:00", "18:00 UTC", "0800 GMT", "noon",
//! "midnight", "4 in the morning", with the day they are on when it follows ("5 p.m. EST
//! Nov. 9", "noon Thursday", "9 a.m. Tuesday").

use super::dates::month;
use super::relative::{day_word, weekday};
use super::{Found, Parser};
use crate::timex::expr::{Core, Expr, TimeOfDay};
use crate::timex::lexicon::{Kind, W};
use crate::timex::units::PartOfDay;

/// "a.m."/"am"/"AM" (false) or "p.m."/"pm"/"PM" (true) at `i`; returns the index after it.
fn meridiem(p: &Parser<'_>, i: usize) -> Option<(bool, usize)> {
    match p.w(i) {
        Some(W::Am) => return Some((false, i + 1)),
        Some(W::Pm) => return Some((true, i + 1)),
        _ => {}
    }
    let first = p.str(i);
    let pm = match first {
        "a" | "A" => false,
        "p" | "P" => true,
        _ => return None,
    };
    if !(p.punct(i + 1, '.')
        && p.glued(i + 1)
        && p.glued(i + 2)
        && matches!(p.str(i + 2), "m" | "M"))
    {
        return None;
    }
    let end = if p.punct(i + 3, '.') && p.glued(i + 3) { i + 4 } else { i + 3 };
    Some((pm, end))
}

/// A time zone after a clock time; `true` for UTC/GMT ("Z" in the value).
fn zone(p: &Parser<'_>, i: usize) -> Option<(bool, usize)> {
    if p.w(i) != Some(W::Zone) {
        return None;
    }
    let word = p.str(i);
    let utc = word.eq_ignore_ascii_case("utc") || word.eq_ignore_ascii_case("gmt");
    let mut end = i + 1;
    // "GMT+8", "( GMT +8 )" are rare enough to leave the offset out of the value.
    if (p.punct(end, '+') || p.punct(end, '-')) && p.is_num(end + 1) {
        end += 2;
    }
    Some((utc, end))
}

/// A clock time at `i` and the day after it, if any.
pub(crate) fn clock(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (hour, minute, mut end, mut utc) = clock_only(p, i)?;
    if let Some((is_utc, e)) = zone(p, end) {
        utc |= is_utc;
        end = e;
    }
    let time = TimeOfDay::Clock { hour, minute, utc };
    // The day it is on, when it follows directly: "noon Thursday", "5 p.m. EST, Nov. 6".
    let day_start = p.skip_comma(end);
    let day = weekday(p, day_start)
        .or_else(|| day_word(p, day_start))
        .or_else(|| month(p, day_start))
        .filter(|f| f.expr.is_day() && f.expr.time.is_none());
    let (core, end) = match day {
        Some(f) => (f.expr.core, f.end),
        None => (Core::SameDay, end),
    };
    let mut e = Expr::new(core);
    e.time = Some(time);
    Some(Found::new(i, end, e))
}

/// The hour and minute of a clock time at `i`, the index after it and whether it said UTC.
fn clock_only(p: &Parser<'_>, i: usize) -> Option<(u32, u32, usize, bool)> {
    if let Kind::ClockWord(h) = p.kind(i) {
        return Some((h, 0, i + 1, false));
    }
    let (h, hlen) = p.num(i)?;
    // Not inside a bigger number or a date ("1.5", "3/4").
    if i > 0
        && p.glued(i)
        && (p.is_num(i - 1)
            || p.punct(i - 1, '.')
            || p.punct(i - 1, '/')
            || p.punct(i - 1, ':')
            || p.punct(i - 1, '$'))
    {
        return None;
    }
    // "10:35", "15:00:30".
    if hlen <= 2 && p.punct(i + 1, ':') && p.glued(i + 1) && p.glued(i + 2) {
        let (m, mlen) = p.num(i + 2)?;
        if mlen != 2 || m > 59 || h > 24 {
            return None;
        }
        let mut end = i + 3;
        if p.punct(end, ':')
            && p.glued(end)
            && p.num(end + 1).is_some_and(|(s, l)| l == 2 && s <= 59)
        {
            end += 2;
        }
        let (hour, end) = match meridiem(p, end) {
            Some((pm, e)) if (1..=12).contains(&h) => (to_24h(h, pm), e),
            _ => (h, end),
        };
        return Some((hour, m, end, false));
    }
    // "3 p.m.", "3pm".
    if hlen <= 2 && (1..=12).contains(&h) {
        if let Some((pm, end)) = meridiem(p, i + 1) {
            return Some((to_24h(h, pm), 0, end, false));
        }
        // "4 in the morning".
        if p.is(i + 1, W::In) && p.is(i + 2, W::The) {
            let pm = match p.kind(i + 3) {
                Kind::PartOfDay(PartOfDay::Morning) => Some(false),
                Kind::PartOfDay(PartOfDay::Afternoon | PartOfDay::Evening) => Some(true),
                Kind::PartOfDay(PartOfDay::Night) => Some(h < 5 || h == 12),
                _ => None,
            };
            if let Some(pm) = pm {
                let hour =
                    if pm && h < 5 && matches!(p.kind(i + 3), Kind::PartOfDay(PartOfDay::Night)) {
                        h
                    } else {
                        to_24h(h, pm)
                    };
                return Some((hour, 0, i + 4, false));
            }
        }
        // "3 o'clock".
        if p.str(i + 1).eq_ignore_ascii_case("o")
            && p.punct(i + 2, '\'')
            && p.str(i + 3).eq_ignore_ascii_case("clock")
        {
            return Some((h, 0, i + 4, false));
        }
    }
    // "0800 GMT", "1430 hours".
    if hlen == 4 && h / 100 <= 24 && h % 100 <= 59 {
        let military = zone(p, i + 1).is_some()
            || p.str(i + 1).eq_ignore_ascii_case("hours")
            || p.str(i + 1).eq_ignore_ascii_case("hrs");
        if military {
            let end = if p.str(i + 1).starts_with(['h', 'H']) { i + 2 } else { i + 1 };
            return Some((h / 100, h % 100, end, false));
        }
    }
    None
}

fn to_24h(h: u32, pm: bool) -> u32 {
    match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    }
}
