//! The time axis of the timeline: piecewise linear between the dates that occur, so that it
//! stays readable from 1945 to 2023 (see the [`super::timeline`] module docs).

use chrono::{Datelike as _, NaiveDate};

/// Gaps longer than this many days are drawn broken.
const BREAK_DAYS: i64 = 730;
/// Largest width (in axis units) one gap can take.
const MAX_GAP_WEIGHT: f64 = 3.5;

/// A non-linear time axis (see the module docs), mapping days to `0.0..=1.0` and back.
#[derive(Clone, Debug, PartialEq)]
pub struct TimeAxis {
    /// (day number, position) pairs, both increasing.
    anchors: Vec<(i64, f64)>,
    /// Positions of gaps long enough to be drawn broken.
    breaks: Vec<f64>,
}

fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn date_of(day: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day).ok()?)
}

impl TimeAxis {
    /// The axis through every start and end day given; `None` when there are none.
    pub fn new(ranges: impl IntoIterator<Item = (NaiveDate, NaiveDate)>) -> Option<Self> {
        let mut days: Vec<i64> =
            ranges.into_iter().flat_map(|(a, b)| [day_number(a), day_number(b)]).collect();
        days.sort_unstable();
        days.dedup();
        let (&first, &last) = (days.first()?, days.last()?);
        if first == last {
            // One day: give it a week either side so it sits in the middle.
            days = vec![first - 7, first, first + 7];
        }
        let weight = |gap: i64| (0.5 + (1.0 + gap as f64 / 14.0).ln()).min(MAX_GAP_WEIGHT);
        let total: f64 = days.windows(2).map(|w| weight(w[1] - w[0])).sum();
        // 4 % margin at each end so the first and last events are not on the edge.
        let margin = 0.04;
        let scale = (1.0 - 2.0 * margin) / total;
        let mut x = margin;
        let mut anchors = vec![(days[0], x)];
        let mut breaks = Vec::new();
        for w in days.windows(2) {
            let width = weight(w[1] - w[0]) * scale;
            if w[1] - w[0] > BREAK_DAYS {
                breaks.push(x + width / 2.0);
            }
            x += width;
            anchors.push((w[1], x));
        }
        Some(Self { anchors, breaks })
    }

    /// Position of a day on the axis (extrapolated beyond the ends).
    pub fn x_of(&self, date: NaiveDate) -> f64 {
        let day = day_number(date);
        let i = self.anchors.partition_point(|(d, _)| *d < day).clamp(1, self.anchors.len() - 1);
        let ((d0, x0), (d1, x1)) = (self.anchors[i - 1], self.anchors[i]);
        x0 + (x1 - x0) * (day - d0) as f64 / (d1 - d0).max(1) as f64
    }

    /// The day at a position (the inverse of [`TimeAxis::x_of`]).
    pub fn date_at(&self, x: f64) -> Option<NaiveDate> {
        let i = self.anchors.partition_point(|(_, ax)| *ax < x).clamp(1, self.anchors.len() - 1);
        let ((d0, x0), (d1, x1)) = (self.anchors[i - 1], self.anchors[i]);
        let t = (x - x0) / (x1 - x0).max(1e-12);
        date_of(d0 + ((d1 - d0) as f64 * t).round() as i64)
    }

    /// Where the axis is broken.
    pub fn breaks(&self) -> &[f64] {
        &self.breaks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn sample_axis() -> TimeAxis {
        TimeAxis::new([
            (d(1945, 1, 1), d(1945, 12, 31)),
            (d(1948, 10, 12), d(1948, 10, 12)),
            (d(2023, 9, 1), d(2023, 9, 30)),
            (d(2023, 9, 13), d(2023, 9, 13)),
            (d(2023, 10, 12), d(2023, 10, 12)),
        ])
        .unwrap()
    }

    #[test]
    fn a_month_of_2023_gets_room_next_to_75_years_of_history() {
        let axis = sample_axis();
        let month = axis.x_of(d(2023, 10, 12)) - axis.x_of(d(2023, 9, 13));
        let history = axis.x_of(d(2023, 9, 1)) - axis.x_of(d(1948, 10, 12));
        // On a linear axis the month would be 0.1 % of the history; here it is far more.
        assert!(month > history * 0.4, "month {month}, history {history}");
        assert!(month > 0.1, "{month}");
        assert_eq!(axis.breaks().len(), 2, "1945–1948 and 1948–2023 are broken");
    }

    #[test]
    fn positions_map_back_to_their_days() {
        let axis = sample_axis();
        for day in [d(1945, 6, 1), d(1948, 10, 12), d(2023, 9, 13), d(2023, 10, 12)] {
            assert_eq!(axis.date_at(axis.x_of(day)), Some(day));
        }
        let (lo, hi) = (axis.x_of(d(1945, 1, 1)), axis.x_of(d(2023, 10, 12)));
        assert!(lo > 0.0 && hi < 1.0 && lo < hi);
    }

    #[test]
    fn a_single_day_sits_mid_axis() {
        let axis = TimeAxis::new([(d(2023, 9, 13), d(2023, 9, 13))]).unwrap();
        assert!((axis.x_of(d(2023, 9, 13)) - 0.5).abs() < 1e-9);
        assert!(TimeAxis::new(std::iter::empty()).is_none());
    }
}
