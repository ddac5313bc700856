//! TIMEX3 value strings: calendar specs in a year, underspecified values, clock times and
//! durations.

use chrono::NaiveDate;

use super::Partial;
use crate::model::Granularity;
use crate::timex::calendar;
use crate::timex::digits::{padded, push_padded};
use crate::timex::expr::{Amount, CalendarSpec, TimeOfDay, YearPart};
use crate::timex::point::Point;
use crate::timex::units::{Holiday, Unit};

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
pub(super) fn partial_calendar(spec: CalendarSpec, year: Option<i32>) -> Partial {
    let y = year.map_or_else(|| "XXXX".to_owned(), |y| padded(y.into(), 4));
    if let Some(h) = spec.holiday {
        return match h {
            Holiday::Fixed(m, d) => {
                let value = with_two_digits(with_two_digits(y, m.into()), d.into());
                Partial::new(value, Some(Granularity::Day))
            }
            _ => Partial::new(y + "-XX-XX", Some(Granularity::Day)),
        };
    }
    match (spec.month, spec.day, spec.part) {
        (Some(m), Some(d), _) => {
            Partial::new(with_two_digits(with_two_digits(y, m), d), Some(Granularity::Day))
        }
        (None, Some(d), _) => Partial::new(with_two_digits(y + "-XX", d), Some(Granularity::Day)),
        (Some(m), None, None) => Partial::new(with_two_digits(y, m), Some(Granularity::Month)),
        (_, _, Some(YearPart::Quarter(q))) => {
            Partial::new(y + "-Q" + &padded(q.into(), 0), Some(Granularity::Season))
        }
        (_, _, Some(YearPart::Half(h))) => {
            Partial::new(y + "-H" + &padded(h.into(), 0), Some(Granularity::Season))
        }
        (_, _, Some(YearPart::Season(s))) => {
            Partial::new(y + "-" + s.code(), Some(Granularity::Season))
        }
        (_, _, Some(YearPart::WeekOf(_))) => Partial::new(y + "-WXX", Some(Granularity::Week)),
        _ => Partial::new(y, Some(Granularity::Year)),
    }
}

/// `value`, a dash and `n` padded to two digits ("XXXX-10").
fn with_two_digits(mut value: String, n: u32) -> String {
    value.push('-');
    push_padded(&mut value, n.into(), 2);
    value
}

/// The underspecified value of a unit-relative expression without an anchor.
pub(super) fn partial_unit(unit: Unit, year: Option<i32>) -> Partial {
    let y = year.map_or_else(|| "XXXX".to_owned(), |y| padded(y.into(), 4));
    match unit {
        Unit::Week | Unit::Fortnight => Partial::new(y + "-WXX", Some(Granularity::Week)),
        Unit::Weekend => Partial::new(y + "-WXX-WE", Some(Granularity::Week)),
        Unit::Month => Partial::new(y + "-XX", Some(Granularity::Month)),
        Unit::Quarter => Partial::new(y + "-QX", Some(Granularity::Season)),
        Unit::Year => Partial::new(y, Some(Granularity::Year)),
        Unit::Decade => Partial::new("XXX", Some(Granularity::Decade)),
        Unit::Century | Unit::Millennium => Partial::new("XX", Some(Granularity::Century)),
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
            Partial::new(y + "-XX-XX", Some(Granularity::Day))
        }
    }
}

/// "T15:00", "T08:30Z", "T24:00".
pub(super) fn clock_suffix(time: TimeOfDay) -> String {
    match time {
        TimeOfDay::Clock { hour, minute, utc } => {
            let mut out = String::from("T");
            push_padded(&mut out, hour.into(), 2);
            out.push(':');
            push_padded(&mut out, minute.into(), 2);
            if utc {
                out.push('Z');
            }
            out
        }
        TimeOfDay::Part(part) => ["T", part.code()].concat(),
    }
}

/// The ISO 8601 / TimeML duration value: "P3D", "PT24H", "P2Y6M", "PT1M30S", "PXD".
pub(super) fn duration_value(amount: Amount, unit: Unit, plus: Option<(u32, Unit)>) -> String {
    let Amount::Exact(n) = amount else {
        let t = if unit.is_clock() { "T" } else { "" };
        return ["P", t, "X", unit.vague_designator()].concat();
    };
    let mut date_part = String::new();
    let mut time_part = String::new();
    let mut push = |count: f64, u: Unit| {
        let (designator, per_unit) = u.designator();
        let total = count * f64::from(per_unit);
        if total == 0.0 {
            return;
        }
        let target = if u.is_clock() { &mut time_part } else { &mut date_part };
        if total.fract() == 0.0 {
            push_padded(target, total as i64, 0);
        } else {
            target.push_str(&total.to_string());
        }
        target.push_str(designator);
    };
    push(n, unit);
    if let Some((count, smaller)) = plus {
        push(f64::from(count), smaller);
    }
    if date_part.is_empty() && time_part.is_empty() {
        // "0 days": keep a well-formed value.
        let zero = if unit.is_clock() { "PT0" } else { "P0" };
        return [zero, unit.designator().0].concat();
    }
    if time_part.is_empty() {
        ["P", &date_part].concat()
    } else {
        ["P", &date_part, "T", &time_part].concat()
    }
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
