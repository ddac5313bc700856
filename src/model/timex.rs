use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Granularity, Span};

/// The TIMEX3 type of a time expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: "13 September 2023", "last month", "1945".
    Date,
    /// A time of day: "3 p.m.", "Thursday morning".
    Time,
    /// A length of time: "three days", "a decade".
    Duration,
    /// A recurrence: "every week", "annually".
    Set,
}

/// A time expression in TimeML TIMEX3 style, plus the calendar interval it denotes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// Where it is in the text.
    pub span: Span,
    /// The text as written ("Oct. 12, 1948").
    pub text: String,
    /// DATE, TIME, DURATION or SET.
    pub timex_type: TimexType,
    /// The TIMEX3 normalised value: "2023-09-13", "2023-09", "1945", "P3D", "PRESENT_REF",
    /// "XXXX-10-12" when the year is unknown.
    pub value: String,
    /// For dates: the first and last day of the denoted interval, when it is anchored in the
    /// calendar ("September 2023" gives 2023-09-01..=2023-09-30).
    pub interval: Option<(NaiveDate, NaiveDate)>,
    /// For dates: day, month, year, ... (the precision of `value`).
    pub granularity: Option<Granularity>,
}
