//! An anchored calendar period — a day, week, month, quarter, season, year, decade or
//! century — with its TIMEX3 value, its interval and its granularity, and the unit arithmetic
//! that relative expressions need.

use chrono::{Datelike as _, NaiveDate};

use super::calendar;
use super::digits::{padded, push_padded};
use super::units::{Season, Unit};
use crate::model::Granularity;

/// A calendar period anchored in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Point {
    /// One day.
    Day(NaiveDate),
    /// An ISO week.
    Week { year: i32, week: u32 },
    /// The weekend (Saturday–Sunday) of an ISO week.
    Weekend { year: i32, week: u32 },
    /// A month.
    Month { year: i32, month: u32 },
    /// A quarter 1–4.
    Quarter { year: i32, quarter: u32 },
    /// A half 1–2.
    Half { year: i32, half: u32 },
    /// A season.
    Season { year: i32, season: Season },
    /// A year.
    Year(i32),
    /// A decade, by its first three digits (199).
    Decade(i32),
    /// A century, TimeML style (19 = 1900–1999).
    Century(i32),
}

/// `year` padded to four digits, then `separator` and `n` padded to `width` ("2023-W07").
fn with_part(year: i32, separator: &str, n: u32, width: usize) -> String {
    let mut out = padded(year.into(), 4);
    out.push_str(separator);
    push_padded(&mut out, n.into(), width);
    out
}

impl Point {
    /// The TIMEX3 value: "2023-10-12", "2023-W41", "2023-10", "2023-Q3", "2023-SU",
    /// "2023", "199", "19".
    pub(crate) fn value(&self) -> String {
        match *self {
            Self::Day(d) => {
                let mut out = with_part(d.year(), "-", d.month(), 2);
                out.push('-');
                push_padded(&mut out, d.day().into(), 2);
                out
            }
            Self::Week { year, week } => with_part(year, "-W", week, 2),
            Self::Weekend { year, week } => {
                let mut out = with_part(year, "-W", week, 2);
                out.push_str("-WE");
                out
            }
            Self::Month { year, month } => with_part(year, "-", month, 2),
            Self::Quarter { year, quarter } => with_part(year, "-Q", quarter, 0),
            Self::Half { year, half } => with_part(year, "-H", half, 0),
            Self::Season { year, season } => {
                let mut out = padded(year.into(), 4);
                out.push('-');
                out.push_str(season.code());
                out
            }
            Self::Year(y) => padded(y.into(), 4),
            Self::Decade(d) => padded(d.into(), 3),
            Self::Century(c) => padded(c.into(), 2),
        }
    }

    /// First and last day.
    pub(crate) fn interval(&self) -> Option<(NaiveDate, NaiveDate)> {
        match *self {
            Self::Day(d) => Some((d, d)),
            Self::Week { year, week } => calendar::week_bounds(year, week),
            Self::Weekend { year, week } => calendar::weekend_bounds(year, week),
            Self::Month { year, month } => calendar::month_bounds(year, month),
            Self::Quarter { year, quarter } => calendar::quarter_bounds(year, quarter),
            Self::Half { year, half } => calendar::half_bounds(year, half),
            Self::Season { year, season } => calendar::season_bounds(year, season),
            Self::Year(y) => calendar::year_bounds(y),
            Self::Decade(d) => calendar::decade_bounds(d),
            Self::Century(c) => calendar::century_bounds(c),
        }
    }

    /// The precision of the value.
    pub(crate) fn granularity(&self) -> Granularity {
        match self {
            Self::Day(_) => Granularity::Day,
            Self::Week { .. } | Self::Weekend { .. } => Granularity::Week,
            Self::Month { .. } => Granularity::Month,
            Self::Quarter { .. } | Self::Half { .. } | Self::Season { .. } => Granularity::Season,
            Self::Year(_) => Granularity::Year,
            Self::Decade(_) => Granularity::Decade,
            Self::Century(_) => Granularity::Century,
        }
    }

    /// The year the period starts in.
    pub(crate) fn year(&self) -> Option<i32> {
        self.interval().map(|(start, _)| start.year())
    }

    /// The period of `unit` that contains this one's first day ("the month of 2023-10-12"
    /// is 2023-10). `None` when this period is coarser than the unit (a year has no single
    /// month).
    pub(crate) fn as_unit(&self, unit: Unit) -> Option<Point> {
        let (start, _) = self.interval()?;
        if self.coarser_than(unit) {
            return None;
        }
        Some(Self::of_day(start, unit))
    }

    /// The period of `unit` containing `day`.
    pub(crate) fn of_day(day: NaiveDate, unit: Unit) -> Point {
        let (y, m) = (day.year(), day.month());
        match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Self::Day(day),
            Unit::Week | Unit::Fortnight => {
                let w = day.iso_week();
                Self::Week { year: w.year(), week: w.week() }
            }
            Unit::Weekend => {
                let w = day.iso_week();
                Self::Weekend { year: w.year(), week: w.week() }
            }
            Unit::Month => Self::Month { year: y, month: m },
            Unit::Quarter => Self::Quarter { year: y, quarter: (m - 1) / 3 + 1 },
            Unit::Year => Self::Year(y),
            Unit::Decade => Self::Decade(y.div_euclid(10)),
            Unit::Century => Self::Century(y.div_euclid(100)),
            Unit::Millennium => Self::Century(y.div_euclid(1000) * 10),
        }
    }

    /// True when this period is coarser than `unit` (a month is coarser than a day).
    fn coarser_than(&self, unit: Unit) -> bool {
        let rank = |g: Granularity| match g {
            Granularity::Day => 0,
            Granularity::Week => 1,
            Granularity::Month => 2,
            Granularity::Season => 3,
            Granularity::Year => 4,
            Granularity::Decade => 5,
            Granularity::Century => 6,
        };
        let unit_rank = match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => 0,
            Unit::Week | Unit::Weekend | Unit::Fortnight => 1,
            Unit::Month => 2,
            Unit::Quarter => 3,
            Unit::Year => 4,
            Unit::Decade => 5,
            Unit::Century | Unit::Millennium => 6,
        };
        rank(self.granularity()) > unit_rank
    }

    /// This period moved by `n` units of `unit`, keeping its own granularity where it can
    /// ("2023-Q3" moved by -1 year is "2022-Q3").
    pub(crate) fn shift(&self, unit: Unit, n: i32) -> Option<Point> {
        let n64 = i64::from(n);
        Some(match *self {
            Self::Day(d) => Self::Day(shift_day(d, unit, n)?),
            Self::Week { .. } | Self::Weekend { .. } => {
                let (start, _) = self.interval()?;
                let moved = shift_day(start, unit, n)?;
                let w = moved.iso_week();
                if matches!(self, Self::Weekend { .. }) {
                    Self::Weekend { year: w.year(), week: w.week() }
                } else {
                    Self::Week { year: w.year(), week: w.week() }
                }
            }
            Self::Month { year, month } => {
                let months = months_in(unit)? * n;
                let (y, m) = calendar::add_months(year, month, months)?;
                Self::Month { year: y, month: m }
            }
            Self::Quarter { year, quarter } => {
                let (y, m) = calendar::add_months(year, quarter * 3 - 2, months_in(unit)? * n)?;
                Self::Quarter { year: y, quarter: (m - 1) / 3 + 1 }
            }
            Self::Half { year, half } => {
                let (y, m) = calendar::add_months(year, half * 6 - 5, months_in(unit)? * n)?;
                Self::Half { year: y, half: if m <= 6 { 1 } else { 2 } }
            }
            Self::Season { year, season } => {
                let (first, _) = season.months();
                let (y, m) = calendar::add_months(year, first, months_in(unit)? * n)?;
                Self::Season { year: y, season: Season::of_month(m) }
            }
            Self::Year(y) => Self::Year(y.checked_add(i32::try_from(years_in(unit)? * n64).ok()?)?),
            Self::Decade(d) => {
                Self::Decade(d.checked_add(i32::try_from(years_in(unit)? * n64 / 10).ok()?)?)
            }
            Self::Century(c) => {
                Self::Century(c.checked_add(i32::try_from(years_in(unit)? * n64 / 100).ok()?)?)
            }
        })
    }
}

/// Whole months in a unit (`None` for units shorter than a month).
fn months_in(unit: Unit) -> Option<i32> {
    Some(match unit {
        Unit::Month => 1,
        Unit::Quarter => 3,
        Unit::Year => 12,
        Unit::Decade => 120,
        Unit::Century => 1200,
        Unit::Millennium => 12000,
        _ => return None,
    })
}

/// Whole years in a unit (`None` for units shorter than a year).
fn years_in(unit: Unit) -> Option<i64> {
    Some(match unit {
        Unit::Year => 1,
        Unit::Decade => 10,
        Unit::Century => 100,
        Unit::Millennium => 1000,
        _ => return None,
    })
}

/// A day moved by `n` units.
fn shift_day(day: NaiveDate, unit: Unit, n: i32) -> Option<NaiveDate> {
    let n64 = i64::from(n);
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(day),
        Unit::Day => calendar::add_days(day, n64),
        Unit::Week | Unit::Weekend => calendar::add_days(day, 7 * n64),
        Unit::Fortnight => calendar::add_days(day, 14 * n64),
        other => {
            let (y, m) = calendar::add_months(day.year(), day.month(), months_in(other)? * n)?;
            let last = calendar::days_in_month(y, m)?;
            NaiveDate::from_ymd_opt(y, m, day.day().min(last))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Point {
        Point::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn values_follow_timex3() {
        assert_eq!(day(2023, 9, 13).value(), "2023-09-13");
        assert_eq!(Point::Week { year: 2023, week: 1 }.value(), "2023-W01");
        assert_eq!(Point::Quarter { year: 1998, quarter: 3 }.value(), "1998-Q3");
        assert_eq!(Point::Season { year: 1998, season: Season::Summer }.value(), "1998-SU");
        assert_eq!(Point::Decade(199).value(), "199");
        assert_eq!(Point::Century(19).value(), "19");
    }

    #[test]
    fn a_day_seen_as_a_month_or_week_is_the_period_containing_it() {
        let thursday = day(2023, 10, 12);
        assert_eq!(thursday.as_unit(Unit::Month), Some(Point::Month { year: 2023, month: 10 }));
        assert_eq!(thursday.as_unit(Unit::Week), Some(Point::Week { year: 2023, week: 41 }));
        assert_eq!(Point::Year(1948).as_unit(Unit::Month), None);
    }

    #[test]
    fn shifting_keeps_granularity_and_crosses_years() {
        let q3 = Point::Quarter { year: 1989, quarter: 3 };
        assert_eq!(q3.shift(Unit::Year, -1), Some(Point::Quarter { year: 1988, quarter: 3 }));
        let oct = Point::Month { year: 1948, month: 10 };
        assert_eq!(oct.shift(Unit::Month, -1), Some(Point::Month { year: 1948, month: 9 }));
        assert_eq!(day(2024, 3, 31).shift(Unit::Month, -1), Some(day(2024, 2, 29)));
        assert_eq!(Point::Decade(199).shift(Unit::Decade, -1), Some(Point::Decade(198)));
    }
}
