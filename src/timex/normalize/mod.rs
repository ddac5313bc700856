//! Normalisation: from what an expression says to its TIMEX3 type and value, anchored on the
//! document creation time (DCT) and on the date mentioned before it.
//!
//! Anchoring follows HeidelTime's news strategy: deictic expressions ("last month", "two
//! years ago", "Thursday") count from the DCT, with the tense of the sentence choosing
//! between the past and the coming occurrence; anaphoric ones ("a month earlier", "the
//! following day", "that year") count from the last date mentioned before them. Without a DCT
//! the value stays underspecified ("XXXX-10-12", "XXXX-WXX-4") and no interval is given.

mod anchor;
mod values;

use chrono::NaiveDate;

pub(crate) use values::build;
use values::{clock_suffix, duration_value};

use super::digits::padded;
use super::expr::{Amount, Anchor, Core, Expr, Slot};
use super::point::Point;
use super::recognize::{Found, Parser};
use super::tense::{Tense, tense_near};
use crate::model::{Granularity, Span, Timex, TimexType};

/// A value that could not be anchored: the TIMEX3 string and its precision.
pub(super) struct Partial {
    value: String,
    granularity: Option<Granularity>,
}

impl Partial {
    pub(super) fn new(value: impl Into<String>, granularity: Option<Granularity>) -> Self {
        Self { value: value.into(), granularity }
    }
}

/// The result of resolving one expression's date part.
pub(super) enum Resolved {
    /// Anchored in the calendar.
    Point(Point),
    /// Only partly known.
    Partial(Partial),
}

/// Normalises recognised expressions left to right, tracking the reference date.
pub(crate) struct Normalizer<'p, 't> {
    p: &'p Parser<'t>,
    dct: Option<NaiveDate>,
    /// The last date mentioned (for "a month earlier", "that day").
    reference: Option<Point>,
    /// The last single day mentioned (for "6 a.m." after "on Oct. 13").
    last_day: Option<NaiveDate>,
}

impl<'p, 't> Normalizer<'p, 't> {
    pub(crate) fn new(p: &'p Parser<'t>, dct: Option<NaiveDate>) -> Self {
        Self { p, dct, reference: None, last_day: None }
    }

    /// Turns every recognised expression into a [`Timex`].
    pub(crate) fn run(mut self, found: &[Found]) -> Vec<Timex> {
        let mut out = Vec::with_capacity(found.len());
        for f in found {
            if let Some(t) = self.timex(f) {
                out.push(t);
            }
        }
        out
    }

    fn timex(&mut self, f: &Found) -> Option<Timex> {
        let first = self.p.tok(f.start)?;
        let last = self.p.tok(f.end.checked_sub(1)?)?;
        let span = Span::new(first.start, last.end);
        let text = span.text(self.p.text)?.to_owned();
        let (timex_type, value, point, partial_granularity) = self.resolve(f);
        // A comparison ("from a year earlier", "the year-ago quarter") names a date but does
        // not move the story there: the next "year-earlier" still counts from the same date.
        let is_comparison =
            matches!(f.expr.core, Core::Shift(s) if s.anchor == Anchor::Reference && s.offset != 0);
        if let Some(pt) = point
            && matches!(timex_type, TimexType::Date | TimexType::Time)
            && !is_comparison
        {
            self.reference = Some(pt);
            if let Point::Day(d) = pt {
                self.last_day = Some(d);
            }
        }
        let (interval, granularity) = match point {
            Some(pt) => (pt.interval(), Some(pt.granularity())),
            None => (None, partial_granularity),
        };
        Some(Timex { span, text, timex_type, value, interval, granularity })
    }

    /// Type, value, anchored point (if any) and granularity of an unanchored value.
    fn resolve(&self, f: &Found) -> (TimexType, String, Option<Point>, Option<Granularity>) {
        let expr = &f.expr;
        match expr.core {
            Core::Duration { amount, unit, plus } => {
                (TimexType::Duration, duration_value(amount, unit, plus), None, None)
            }
            Core::EveryUnit { amount, unit } => {
                let mut value = duration_value(Amount::Exact(f64::from(amount)), unit, None);
                if let Some(part) = expr.set_time {
                    value = ["XXXX-XX-XXT", part.code()].concat();
                }
                (TimexType::Set, value, None, None)
            }
            Core::EverySlot(slot) => {
                let mut value = match slot {
                    Slot::Weekday(d) => ["XXXX-WXX-", &padded(d.into(), 0)].concat(),
                    Slot::Month(m) => ["XXXX-", &padded(m.into(), 2)].concat(),
                    Slot::Season(s) => ["XXXX-", s.code()].concat(),
                };
                if let Some(part) = expr.set_time {
                    value.push('T');
                    value.push_str(part.code());
                }
                (TimexType::Set, value, None, None)
            }
            Core::Reference(r) => {
                let ty = if expr.time.is_some() { TimexType::Time } else { TimexType::Date };
                (ty, r.value().to_owned(), None, None)
            }
            _ => {
                let resolved = self.date(f);
                self.with_time(expr, resolved)
            }
        }
    }

    /// Adds the time of day, making it a TIME.
    fn with_time(
        &self,
        expr: &Expr,
        resolved: Resolved,
    ) -> (TimexType, String, Option<Point>, Option<Granularity>) {
        let Some(time) = expr.time else {
            return match resolved {
                Resolved::Point(pt) => (TimexType::Date, pt.value(), Some(pt), None),
                Resolved::Partial(p) => (TimexType::Date, p.value, None, p.granularity),
            };
        };
        let suffix = clock_suffix(time);
        match resolved {
            Resolved::Point(pt) => {
                let mut value = pt.value();
                value.push_str(&suffix);
                (TimexType::Time, value, Some(pt), None)
            }
            Resolved::Partial(p) => {
                let value =
                    if matches!(expr.core, Core::SameDay) { suffix } else { p.value + &suffix };
                (TimexType::Time, value, None, Some(Granularity::Day))
            }
        }
    }

    fn tense(&self, f: &Found) -> Tense {
        tense_near(self.p, f.start, f.end)
    }

    /// The date part of a DATE or TIME expression.
    fn date(&self, f: &Found) -> Resolved {
        match f.expr.core {
            Core::Calendar(spec) => self.calendar(spec, f),
            Core::Decade { decade, two_digit } => {
                let decade = if two_digit { self.full_decade(decade) } else { decade };
                Resolved::Point(Point::Decade(decade))
            }
            Core::Century(c) => Resolved::Point(Point::Century(c)),
            Core::Weekday { weekday, which } => self.weekday(weekday, which, f),
            Core::Shift(shift) => self.shift(shift),
            Core::Weekend { offset } => self.weekend(offset, f),
            Core::SameDay => match (self.last_day, self.dct) {
                (Some(d), _) | (None, Some(d)) => Resolved::Point(Point::Day(d)),
                _ => Resolved::Partial(Partial::new("XXXX-XX-XX", Some(Granularity::Day))),
            },
            Core::SamePeriodIn(year) => {
                let same = match self.reference {
                    Some(Point::Quarter { quarter, .. }) => Some(Point::Quarter { year, quarter }),
                    Some(Point::Half { half, .. }) => Some(Point::Half { year, half }),
                    Some(Point::Month { month, .. }) => Some(Point::Month { year, month }),
                    _ => None,
                };
                Resolved::Point(same.unwrap_or(Point::Year(year)))
            }
            // Handled in `resolve`.
            Core::Duration { .. }
            | Core::EveryUnit { .. }
            | Core::EverySlot(_)
            | Core::Reference(_) => Resolved::Partial(Partial::new("XXXX", None)),
        }
    }
}
