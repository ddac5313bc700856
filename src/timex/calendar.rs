//! Calendar arithmetic: month lengths, ISO weeks, quarters, seasons, decades, movable
//! holidays, and shifting dates by units.

use chrono::{Datelike as _, Days, Months, NaiveDate, Weekday};

use super::units::{Holiday, Season};

/// Days in a month (`None` for a month outside 1–12 or a year chrono cannot represent).
pub(crate) fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(Months::new(1))?;
    u32::try_from(next.signed_duration_since(first).num_days()).ok()
}

/// First and last day of a month.
pub(crate) fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let last = days_in_month(year, month)?;
    Some((NaiveDate::from_ymd_opt(year, month, 1)?, NaiveDate::from_ymd_opt(year, month, last)?))
}

/// First and last day of a span of months, `first_month` of `year` to `last_month` (which
/// may fall in the next year, for winter).
pub(crate) fn months_bounds(
    year: i32,
    first_month: u32,
    last_month: u32,
) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, first_month, 1)?;
    let end_year = if last_month < first_month { year + 1 } else { year };
    let (_, end) = month_bounds(end_year, last_month)?;
    Some((start, end))
}

/// First and last day of a year.
pub(crate) fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?))
}

/// First and last day of a quarter (1–4).
pub(crate) fn quarter_bounds(year: i32, quarter: u32) -> Option<(NaiveDate, NaiveDate)> {
    if !(1..=4).contains(&quarter) {
        return None;
    }
    months_bounds(year, quarter * 3 - 2, quarter * 3)
}

/// First and last day of a half year (1–2).
pub(crate) fn half_bounds(year: i32, half: u32) -> Option<(NaiveDate, NaiveDate)> {
    match half {
        1 => months_bounds(year, 1, 6),
        2 => months_bounds(year, 7, 12),
        _ => None,
    }
}

/// First and last day of a (meteorological, northern) season; winter `year` runs from
/// December of `year` to February of the next.
pub(crate) fn season_bounds(year: i32, season: Season) -> Option<(NaiveDate, NaiveDate)> {
    let (first, last) = season.months();
    months_bounds(year, first, last)
}

/// Monday and Sunday of an ISO week.
pub(crate) fn week_bounds(iso_year: i32, week: u32) -> Option<(NaiveDate, NaiveDate)> {
    let monday = NaiveDate::from_isoywd_opt(iso_year, week, Weekday::Mon)?;
    Some((monday, monday.checked_add_days(Days::new(6))?))
}

/// Saturday and Sunday of an ISO week.
pub(crate) fn weekend_bounds(iso_year: i32, week: u32) -> Option<(NaiveDate, NaiveDate)> {
    let saturday = NaiveDate::from_isoywd_opt(iso_year, week, Weekday::Sat)?;
    Some((saturday, saturday.checked_add_days(Days::new(1))?))
}

/// First and last day of a decade given as its first three digits (199 = the 1990s).
pub(crate) fn decade_bounds(decade: i32) -> Option<(NaiveDate, NaiveDate)> {
    let (start, _) = year_bounds(decade.checked_mul(10)?)?;
    let (_, end) = year_bounds(decade * 10 + 9)?;
    Some((start, end))
}

/// First and last day of a century given TimeML style (19 = 1900–1999, "the 20th century").
pub(crate) fn century_bounds(century: i32) -> Option<(NaiveDate, NaiveDate)> {
    let (start, _) = year_bounds(century.checked_mul(100)?)?;
    let (_, end) = year_bounds(century * 100 + 99)?;
    Some((start, end))
}

/// Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm.
pub(crate) fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The `n`th `weekday` (1 = Monday) of a month; `n = -1` is the last one.
pub(crate) fn nth_weekday(year: i32, month: u32, weekday: u32, n: i32) -> Option<NaiveDate> {
    let wd = weekday_from_number(weekday)?;
    if n == -1 {
        let (_, last) = month_bounds(year, month)?;
        let back = (last.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
        return last.checked_sub_days(Days::new(u64::from(back)));
    }
    NaiveDate::from_weekday_of_month_opt(year, month, wd, u8::try_from(n).ok()?)
}

/// The date of a holiday in a year.
pub(crate) fn holiday_date(year: i32, holiday: Holiday) -> Option<NaiveDate> {
    match holiday {
        Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m.into(), d.into()),
        Holiday::NthWeekday { month, weekday, n } => {
            nth_weekday(year, month.into(), weekday.into(), n.into())
        }
        Holiday::Easter(offset) => {
            let sunday = easter(year)?;
            if offset >= 0 {
                sunday.checked_add_days(Days::new(u64::from(offset.unsigned_abs())))
            } else {
                sunday.checked_sub_days(Days::new(u64::from(offset.unsigned_abs())))
            }
        }
        Holiday::ElectionDay => {
            let first_monday = nth_weekday(year, 11, 1, 1)?;
            first_monday.checked_add_days(Days::new(1))
        }
    }
}

/// chrono's weekday for 1 = Monday … 7 = Sunday.
pub(crate) fn weekday_from_number(n: u32) -> Option<Weekday> {
    Some(match n {
        1 => Weekday::Mon,
        2 => Weekday::Tue,
        3 => Weekday::Wed,
        4 => Weekday::Thu,
        5 => Weekday::Fri,
        6 => Weekday::Sat,
        7 => Weekday::Sun,
        _ => return None,
    })
}

/// 1 = Monday … 7 = Sunday.
pub(crate) fn weekday_number(date: NaiveDate) -> u32 {
    date.weekday().number_from_monday()
}

/// `date` moved by `days` (negative into the past).
pub(crate) fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// (year, month) moved by `months`.
pub(crate) fn add_months(year: i32, month: u32, months: i32) -> Option<(i32, u32)> {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(months);
    let y = i32::try_from(index.div_euclid(12)).ok()?;
    let m = u32::try_from(index.rem_euclid(12)).ok()? + 1;
    Some((y, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn easter_falls_on_the_published_sundays() {
        assert_eq!(easter(2000), Some(date(2000, 4, 23)));
        assert_eq!(easter(2023), Some(date(2023, 4, 9)));
        assert_eq!(easter(2024), Some(date(2024, 3, 31)));
    }

    #[test]
    fn thanksgiving_is_the_fourth_thursday_of_november() {
        let h = Holiday::NthWeekday { month: 11, weekday: 4, n: 4 };
        assert_eq!(holiday_date(1999, h), Some(date(1999, 11, 25)));
    }

    #[test]
    fn memorial_day_is_the_last_monday_of_may() {
        assert_eq!(nth_weekday(2023, 5, 1, -1), Some(date(2023, 5, 29)));
    }

    #[test]
    fn us_election_day_is_the_tuesday_after_the_first_monday_of_november() {
        assert_eq!(holiday_date(2020, Holiday::ElectionDay), Some(date(2020, 11, 3)));
        assert_eq!(holiday_date(2022, Holiday::ElectionDay), Some(date(2022, 11, 8)));
    }

    #[test]
    fn winter_runs_into_the_next_year_and_february_knows_leap_years() {
        assert_eq!(
            season_bounds(1999, Season::Winter),
            Some((date(1999, 12, 1), date(2000, 2, 29)))
        );
        assert_eq!(days_in_month(2023, 2), Some(28));
    }

    #[test]
    fn months_shift_across_years() {
        assert_eq!(add_months(2023, 1, -1), Some((2022, 12)));
        assert_eq!(add_months(2023, 12, 1), Some((2024, 1)));
        assert_eq!(add_months(2023, 10, -13), Some((2022, 9)));
    }

    #[test]
    fn iso_weeks_start_on_monday() {
        assert_eq!(week_bounds(2023, 41), Some((date(2023, 10, 9), date(2023, 10, 15))));
        assert_eq!(weekend_bounds(2023, 41), Some((date(2023, 10, 14), date(2023, 10, 15))));
    }
}
