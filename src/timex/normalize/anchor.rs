//! Anchoring: which calendar period a date, weekday or shift means, given the document date,
//! the tense and the date mentioned before.

use chrono::{Datelike as _, NaiveDate};

use super::values::{build, partial_calendar, partial_unit};
use super::{Normalizer, Partial, Resolved};
use crate::model::Granularity;
use crate::timex::calendar;
use crate::timex::digits::padded;
use crate::timex::expr::{Anchor, CalendarSpec, Shift, YearPart, YearSpec};
use crate::timex::point::Point;
use crate::timex::recognize::Found;
use crate::timex::tense::{Tense, governing_tense};
use crate::timex::units::{Season, Unit};

impl Normalizer<'_, '_> {
    /// The full decade of a two-digit one ("the '90s"): the latest one not after the DCT.
    pub(super) fn full_decade(&self, two_digit: i32) -> i32 {
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

    pub(super) fn calendar(&self, spec: CalendarSpec, f: &Found) -> Resolved {
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

    pub(super) fn weekday(&self, weekday: u32, which: Option<i32>, f: &Found) -> Resolved {
        let Some(dct) = self.dct else {
            return Resolved::Partial(Partial::new(
                ["XXXX-WXX-", &padded(weekday.into(), 0)].concat(),
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
                ["XXXX-WXX-", &padded(weekday.into(), 0)].concat(),
                Some(Granularity::Day),
            )),
        }
    }

    pub(super) fn weekend(&self, offset: Option<i32>, f: &Found) -> Resolved {
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

    pub(super) fn shift(&self, s: Shift) -> Resolved {
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
