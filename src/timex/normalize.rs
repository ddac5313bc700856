//! Normalisation: from what an expression says to its TIMEX3 type and value, anchored on the
//! document creation time (DCT) and on the date mentioned before it.
//!
//! Anchoring follows HeidelTime's news strategy: deictic expressions ("last month", "two
//! years ago", "Thursday") count from the DCT, with the tense of the sentence choosing
//! between the past and the coming occurrence; anaphoric ones ("a month earlier", "the
//! following day", "that year") count from the last date mentioned before them. Without a DCT
//! the value stays underspecified ("XXXX-10-12", "XXXX-WXX-4") and no interval is given.

use chrono::{Datelike as _, NaiveDate};

use super::calendar;
use super::expr::{
    Amount, Anchor, CalendarSpec, Core, Expr, Shift, Slot, TimeOfDay, YearPart, YearSpec,
};
use super::point::Point;
use super::recognize::{Found, Parser};
use super::tense::{Tense, governing_tense, tense_near};
use super::units::{Holiday, Season, Unit};
use crate::model::{Granularity, Span, Timex, TimexType};

/// A value that could not be anchored: the TIMEX3 string and its precision.
struct Partial {
    value: String,
    granularity: Option<Granularity>,
}

impl Partial {
    fn new(value: impl Into<String>, granularity: Option<Granularity>) -> Self {
        Self { value: value.into(), granularity }
    }
}

/// The result of resolving one expression's date part.
enum Resolved {
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
                    value = format!("XXXX-XX-XXT{}", part.code());
                }
                (TimexType::Set, value, None, None)
            }
            Core::EverySlot(slot) => {
                let mut value = match slot {
                    Slot::Weekday(d) => format!("XXXX-WXX-{d}"),
                    Slot::Month(m) => format!("XXXX-{m:02}"),
                    Slot::Season(s) => format!("XXXX-{}", s.code()),
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
                (TimexType::Time, format!("{}{suffix}", pt.value()), Some(pt), None)
            }
            Resolved::Partial(p) => {
                let value = if matches!(expr.core, Core::SameDay) {
                    suffix
                } else {
                    format!("{}{suffix}", p.value)
                };
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

    /// The full decade of a two-digit one ("the '90s"): the latest one not after the DCT.
    fn full_decade(&self, two_digit: i32) -> i32 {
        match self.dct {
            Some(dct) => {
                let now = dct.year().div_euclid(10);
                let mut d = now.div_euclid(10) * 10 + two_digit;
                if d > now {
                    d -= 10;
                }
                d
            }
            None => 190 + two_digit,
        }
    }

    /// The full year of a two-digit one ("'87"): within the hundred years up to ten years
    /// after the DCT; without a DCT, 1950–2049.
    fn full_year(&self, two_digit: i32) -> i32 {
        match self.dct {
            Some(dct) => {
                let y = dct.year();
                let mut full = y.div_euclid(100) * 100 + two_digit;
                if full > y + 10 {
                    full -= 100;
                }
                full
            }
            None if two_digit < 50 => 2000 + two_digit,
            None => 1900 + two_digit,
        }
    }

    fn calendar(&self, spec: CalendarSpec, f: &Found) -> Resolved {
        let year = match spec.year {
            YearSpec::Absolute(y) => Some(y),
            YearSpec::TwoDigit(yy) => Some(self.full_year(yy)),
            YearSpec::Deictic(n) => self.dct.map(|d| d.year() + n),
            YearSpec::Missing => None,
        };
        if let Some(y) = year {
            return match build(spec, y) {
                Some(pt) => Resolved::Point(pt),
                None => Resolved::Partial(partial_calendar(spec, Some(y))),
            };
        }
        if spec.year != YearSpec::Missing {
            return Resolved::Partial(partial_calendar(spec, None));
        }
        let Some(dct) = self.dct else {
            return Resolved::Partial(partial_calendar(spec, None));
        };
        if spec.month.is_none()
            && spec.day.is_some()
            && spec.part.is_none()
            && spec.holiday.is_none()
        {
            return self.day_of_month(spec, dct, f);
        }
        // A written weekday picks the year in which the date falls on it.
        if let Some(wd) = spec.weekday {
            for y in [dct.year(), dct.year() - 1, dct.year() + 1] {
                if let Some(pt @ Point::Day(d)) = build(spec, y)
                    && calendar::weekday_number(d) == wd
                {
                    return Resolved::Point(pt);
                }
            }
        }
        let Some(this) = build(spec, dct.year()) else {
            return Resolved::Partial(partial_calendar(spec, None));
        };
        let Some((start, _)) = this.interval() else {
            return Resolved::Point(this);
        };
        let (dct_start, _) = match this {
            // "last fall" said in October means the fall before the current one.
            Point::Season { .. } => current_season_bounds(dct),
            _ => Point::of_day(dct, granularity_unit(this.granularity())).interval(),
        }
        .unwrap_or((dct, dct));
        let year = match spec.which {
            Some(0) => dct.year(),
            Some(n) if n < 0 => {
                if start < dct_start {
                    dct.year()
                } else {
                    dct.year() - 1
                }
            }
            Some(_) => {
                if start > dct_start {
                    dct.year()
                } else {
                    dct.year() + 1
                }
            }
            None => self.nearest_year(spec, dct, f),
        };
        match build(spec, year) {
            Some(pt) => Resolved::Point(pt),
            None => Resolved::Partial(partial_calendar(spec, None)),
        }
    }

    /// The year that puts a date written without one nearest to the DCT: news reports the
    /// recent past and announces the near future ("payable Nov. 6" in late October is this
    /// year's, "in December" written in February last year's). The verb whose event the date
    /// times overrides that ("they met in November", written in October, is last year's).
    /// Quarters and halves are the DCT year's: reports look back on them in any tense.
    fn nearest_year(&self, spec: CalendarSpec, dct: NaiveDate, f: &Found) -> i32 {
        if matches!(spec.part, Some(YearPart::Quarter(_) | YearPart::Half(_))) {
            // The latest one that has begun: "the fourth quarter" in February is last year's.
            let started =
                build(spec, dct.year()).and_then(|pt| pt.interval()).is_some_and(|(s, _)| s <= dct);
            let planned = governing_tense(self.p, f.start) == Some(Tense::Future);
            return if started || planned { dct.year() } else { dct.year() - 1 };
        }
        let candidates: Vec<(i32, NaiveDate, NaiveDate)> =
            [dct.year() - 1, dct.year(), dct.year() + 1]
                .into_iter()
                .filter_map(|y| {
                    let (s, e) = build(spec, y)?.interval()?;
                    Some((y, s, e))
                })
                .collect();
        // News looks back more than ahead: a future candidate counts twice as far.
        let distance = |s: NaiveDate, e: NaiveDate| {
            if e < dct {
                dct.signed_duration_since(e).num_days()
            } else if s > dct {
                2 * s.signed_duration_since(dct).num_days()
            } else {
                0
            }
        };
        let Some(&(nearest, s, e)) = candidates.iter().min_by_key(|&&(_, s, e)| distance(s, e))
        else {
            return dct.year();
        };
        match governing_tense(self.p, f.start) {
            Some(Tense::Past) if s > dct => nearest - 1,
            Some(Tense::Future) if e < dct => nearest + 1,
            _ => nearest,
        }
    }

    /// "on the 12th": the DCT's month, or the month before for a past event after the DCT's
    /// day.
    fn day_of_month(&self, spec: CalendarSpec, dct: NaiveDate, f: &Found) -> Resolved {
        let Some(day) = spec.day else {
            return Resolved::Partial(partial_calendar(spec, None));
        };
        let tense = self.tense(f);
        let shift = match tense {
            Tense::Past if day > dct.day() => -1,
            Tense::Future if day < dct.day() => 1,
            _ => 0,
        };
        let date = calendar::add_months(dct.year(), dct.month(), shift)
            .and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, day));
        match date {
            Some(d) => Resolved::Point(Point::Day(d)),
            None => Resolved::Partial(partial_calendar(spec, None)),
        }
    }

    fn weekday(&self, weekday: u32, which: Option<i32>, f: &Found) -> Resolved {
        let Some(dct) = self.dct else {
            return Resolved::Partial(Partial::new(
                format!("XXXX-WXX-{weekday}"),
                Some(Granularity::Day),
            ));
        };
        let today = calendar::weekday_number(dct) as i64;
        let wd = i64::from(weekday);
        let back = (today - wd).rem_euclid(7); // days back to the most recent one (0 = today)
        let ahead = (wd - today).rem_euclid(7); // days ahead to the next one (0 = today)
        let offset = match which {
            Some(0) => wd - today,
            Some(n) if n < 0 => -(if back == 0 { 7 } else { back }),
            Some(_) => {
                if ahead == 0 {
                    7
                } else {
                    ahead
                }
            }
            None => match self.tense(f) {
                Tense::Future => ahead,
                _ => -back,
            },
        };
        match calendar::add_days(dct, offset) {
            Some(d) => Resolved::Point(Point::Day(d)),
            None => Resolved::Partial(Partial::new(
                format!("XXXX-WXX-{weekday}"),
                Some(Granularity::Day),
            )),
        }
    }

    fn weekend(&self, offset: Option<i32>, f: &Found) -> Resolved {
        let Some(dct) = self.dct else {
            return Resolved::Partial(Partial::new("XXXX-WXX-WE", Some(Granularity::Week)));
        };
        let this = Point::of_day(dct, Unit::Weekend);
        let in_weekend = calendar::weekday_number(dct) >= 6;
        let n = match offset {
            Some(n) => n,
            None => match self.tense(f) {
                Tense::Future => 0,
                _ if in_weekend => 0,
                _ => -1,
            },
        };
        match this.shift(Unit::Week, n) {
            Some(pt) => Resolved::Point(pt),
            None => Resolved::Partial(Partial::new("XXXX-WXX-WE", Some(Granularity::Week))),
        }
    }

    fn shift(&self, s: Shift) -> Resolved {
        let unit = if s.unit.is_clock() { Unit::Day } else { s.unit };
        let fallback = |year: Option<i32>| Resolved::Partial(partial_unit(unit, year));
        match s.anchor {
            Anchor::Dct => {
                let Some(dct) = self.dct else { return fallback(None) };
                if s.keep_granularity
                    && let Some(r @ (Point::Quarter { .. } | Point::Half { .. })) = self.reference
                    && r.year() == Some(dct.year())
                    && let Some(pt) = r.shift(Unit::Year, s.offset)
                {
                    return Resolved::Point(pt);
                }
                let offset = if s.unit.is_clock() { 0 } else { s.offset };
                match Point::of_day(dct, unit).shift(unit, offset) {
                    Some(pt) => Resolved::Point(pt),
                    None => fallback(None),
                }
            }
            Anchor::Reference => {
                let base = match (self.reference, self.dct) {
                    (Some(r), _) => r,
                    (None, Some(dct)) => Point::Day(dct),
                    (None, None) => return fallback(None),
                };
                let offset = if s.unit.is_clock() { 0 } else { s.offset };
                if s.keep_granularity {
                    return match base.shift(unit, offset) {
                        Some(pt) => Resolved::Point(pt),
                        None => fallback(base.year()),
                    };
                }
                if let Some(pt) = base.as_unit(unit).and_then(|b| b.shift(unit, offset)) {
                    return Resolved::Point(pt);
                }
                // The date mentioned before is coarser than the unit ("the quarter" after
                // "1990"): "the quarter" is then the current one, and a shift within the DCT's
                // year counts from the DCT.
                match self.dct {
                    Some(dct) if offset == 0 || base.year() == Some(dct.year()) => {
                        match Point::of_day(dct, unit).shift(unit, offset) {
                            Some(pt) => Resolved::Point(pt),
                            None => fallback(base.year()),
                        }
                    }
                    _ => fallback(base.year()),
                }
            }
        }
    }
}

/// First and last day of the season `day` falls in.
fn current_season_bounds(day: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let current = Season::of_month(day.month());
    // January and February belong to the winter that began the December before.
    let year =
        if current == Season::Winter && day.month() <= 2 { day.year() - 1 } else { day.year() };
    calendar::season_bounds(year, current)
}

/// The unit whose periods have granularity `g`.
fn granularity_unit(g: Granularity) -> Unit {
    match g {
        Granularity::Day => Unit::Day,
        Granularity::Week => Unit::Week,
        Granularity::Month => Unit::Month,
        Granularity::Season => Unit::Quarter,
        Granularity::Year => Unit::Year,
        Granularity::Decade => Unit::Decade,
        Granularity::Century => Unit::Century,
    }
}

/// The period a calendar spec names in year `y`.
pub(crate) fn build(spec: CalendarSpec, y: i32) -> Option<Point> {
    if let Some(h) = spec.holiday {
        return calendar::holiday_date(y, h).map(Point::Day);
    }
    match (spec.month, spec.day, spec.part) {
        (Some(m), Some(d), _) => NaiveDate::from_ymd_opt(y, m, d).map(Point::Day),
        (Some(m), None, None) => {
            calendar::month_bounds(y, m).map(|_| Point::Month { year: y, month: m })
        }
        (_, _, Some(YearPart::Quarter(q))) => Some(Point::Quarter { year: y, quarter: q }),
        (_, _, Some(YearPart::Half(h))) => Some(Point::Half { year: y, half: h }),
        (_, _, Some(YearPart::Season(s))) => Some(Point::Season { year: y, season: s }),
        (Some(m), _, Some(YearPart::WeekOf(d))) => {
            let day = NaiveDate::from_ymd_opt(y, m, d)?;
            Some(Point::of_day(day, Unit::Week))
        }
        (None, Some(_), None) => None,
        _ => calendar::year_bounds(y).map(|_| Point::Year(y)),
    }
}

/// The underspecified value of a calendar spec: "XXXX-10-12", "XXXX-09", "XXXX-SU".
fn partial_calendar(spec: CalendarSpec, year: Option<i32>) -> Partial {
    let y = year.map_or_else(|| "XXXX".to_owned(), |y| format!("{y:04}"));
    if let Some(h) = spec.holiday {
        return match h {
            Holiday::Fixed(m, d) => {
                Partial::new(format!("{y}-{m:02}-{d:02}"), Some(Granularity::Day))
            }
            _ => Partial::new(format!("{y}-XX-XX"), Some(Granularity::Day)),
        };
    }
    match (spec.month, spec.day, spec.part) {
        (Some(m), Some(d), _) => Partial::new(format!("{y}-{m:02}-{d:02}"), Some(Granularity::Day)),
        (None, Some(d), _) => Partial::new(format!("{y}-XX-{d:02}"), Some(Granularity::Day)),
        (Some(m), None, None) => Partial::new(format!("{y}-{m:02}"), Some(Granularity::Month)),
        (_, _, Some(YearPart::Quarter(q))) => {
            Partial::new(format!("{y}-Q{q}"), Some(Granularity::Season))
        }
        (_, _, Some(YearPart::Half(h))) => {
            Partial::new(format!("{y}-H{h}"), Some(Granularity::Season))
        }
        (_, _, Some(YearPart::Season(s))) => {
            Partial::new(format!("{y}-{}", s.code()), Some(Granularity::Season))
        }
        (_, _, Some(YearPart::WeekOf(_))) => {
            Partial::new(format!("{y}-WXX"), Some(Granularity::Week))
        }
        _ => Partial::new(y, Some(Granularity::Year)),
    }
}

/// The underspecified value of a unit-relative expression without an anchor.
fn partial_unit(unit: Unit, year: Option<i32>) -> Partial {
    let y = year.map_or_else(|| "XXXX".to_owned(), |y| format!("{y:04}"));
    match unit {
        Unit::Week | Unit::Fortnight => Partial::new(format!("{y}-WXX"), Some(Granularity::Week)),
        Unit::Weekend => Partial::new(format!("{y}-WXX-WE"), Some(Granularity::Week)),
        Unit::Month => Partial::new(format!("{y}-XX"), Some(Granularity::Month)),
        Unit::Quarter => Partial::new(format!("{y}-QX"), Some(Granularity::Season)),
        Unit::Year => Partial::new(y, Some(Granularity::Year)),
        Unit::Decade => Partial::new("XXX", Some(Granularity::Decade)),
        Unit::Century | Unit::Millennium => Partial::new("XX", Some(Granularity::Century)),
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
            Partial::new(format!("{y}-XX-XX"), Some(Granularity::Day))
        }
    }
}

/// "T15:00", "T08:30Z", "T24:00".
fn clock_suffix(time: TimeOfDay) -> String {
    match time {
        TimeOfDay::Clock { hour, minute, utc } => {
            format!("T{hour:02}:{minute:02}{}", if utc { "Z" } else { "" })
        }
        TimeOfDay::Part(part) => format!("T{}", part.code()),
    }
}

/// The ISO 8601 / TimeML duration value: "P3D", "PT24H", "P2Y6M", "PT1M30S", "PXD".
pub(crate) fn duration_value(amount: Amount, unit: Unit, plus: Option<(u32, Unit)>) -> String {
    let Amount::Exact(n) = amount else {
        let t = if unit.is_clock() { "T" } else { "" };
        return format!("P{t}X{}", unit.vague_designator());
    };
    let mut date_part = String::new();
    let mut time_part = String::new();
    let mut push = |count: f64, u: Unit| {
        let (designator, per_unit) = u.designator();
        let total = count * f64::from(per_unit);
        if total == 0.0 {
            return;
        }
        let number =
            if total.fract() == 0.0 { format!("{}", total as i64) } else { format!("{total}") };
        let target = if u.is_clock() { &mut time_part } else { &mut date_part };
        target.push_str(&number);
        target.push_str(designator);
    };
    push(n, unit);
    if let Some((count, smaller)) = plus {
        push(f64::from(count), smaller);
    }
    if date_part.is_empty() && time_part.is_empty() {
        // "0 days": keep a well-formed value.
        return if unit.is_clock() {
            format!("PT0{}", unit.designator().0)
        } else {
            format!("P0{}", unit.designator().0)
        };
    }
    if time_part.is_empty() { format!("P{date_part}") } else { format!("P{date_part}T{time_part}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_written_in_iso_8601() {
        assert_eq!(duration_value(Amount::Exact(3.0), Unit::Day, None), "P3D");
        assert_eq!(duration_value(Amount::Exact(24.0), Unit::Hour, None), "PT24H");
        assert_eq!(duration_value(Amount::Exact(1.0), Unit::Decade, None), "P10Y");
        assert_eq!(duration_value(Amount::Exact(2.0), Unit::Year, Some((6, Unit::Month))), "P2Y6M");
        assert_eq!(
            duration_value(Amount::Exact(1.0), Unit::Minute, Some((30, Unit::Second))),
            "PT1M30S"
        );
        assert_eq!(
            duration_value(Amount::Exact(0.0), Unit::Hour, Some((30, Unit::Minute))),
            "PT30M"
        );
        assert_eq!(
            duration_value(Amount::Exact(1.0), Unit::Day, Some((12, Unit::Hour))),
            "P1DT12H"
        );
        assert_eq!(duration_value(Amount::Vague, Unit::Day, None), "PXD");
        assert_eq!(duration_value(Amount::Vague, Unit::Hour, None), "PTXH");
        assert_eq!(duration_value(Amount::Vague, Unit::Decade, None), "PXE");
    }
}
