//! What the grammar understood, before it is anchored in the calendar.
//!
//! The grammar only reads the words; turning "last month" into "2023-09" needs the document
//! date, the tense of the sentence and the date mentioned before, which is normalisation's job
//! ([`super::normalize`]). This module is the contract between the two.

use super::units::{Holiday, PartOfDay, RefKind, Season, Unit};

/// How the year of a calendar date is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YearSpec {
    /// Not written ("Oct 12", "in September"): taken from the document date, tense-sensitive.
    Missing,
    /// Written in full ("1948", "nineteen ninety-six").
    Absolute(i32),
    /// Two digits ("'87", "7/8/07"): the century comes from the document date.
    TwoDigit(i32),
    /// Relative to the document date's year: "this year" (0), "last year" (-1).
    Deictic(i32),
}

/// A part of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YearPart {
    /// Quarter 1–4.
    Quarter(u32),
    /// Half 1–2.
    Half(u32),
    /// A season.
    Season(Season),
    /// The week containing a given day of `month` (with the month from the calendar spec).
    WeekOf(u32),
}

/// A calendar date written with some of its fields: "Oct. 12, 1948", "September", "1945",
/// "the third quarter", "summer 1998", "Christmas".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CalendarSpec {
    /// The year.
    pub year: YearSpec,
    /// Month 1–12.
    pub month: Option<u32>,
    /// Day of month 1–31.
    pub day: Option<u32>,
    /// A part of the year instead of a month.
    pub part: Option<YearPart>,
    /// A named day.
    pub holiday: Option<Holiday>,
    /// Written weekday ("Thursday, Oct. 12"), used to pick the year when it is missing.
    pub weekday: Option<u32>,
    /// Which occurrence of a month (or season) without a year: `-1` for "last April",
    /// `1` for "next March", `0` for "this September", `None` to follow the tense.
    pub which: Option<i32>,
}

impl CalendarSpec {
    /// A spec with only the year set.
    pub(crate) fn year(year: YearSpec) -> Self {
        Self { year, month: None, day: None, part: None, holiday: None, weekday: None, which: None }
    }
}

/// An amount of units in a duration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Amount {
    /// A number ("three", "24", "a").
    Exact(f64),
    /// Unknown ("several", "a few", "days").
    Vague,
}

/// The core of a time expression, before anchoring.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Core {
    /// An explicit or partial calendar date.
    Calendar(CalendarSpec),
    /// A decade: `199` for "the 1990s"; `two_digit` when the century was not written ("the
    /// '90s", "the nineties").
    Decade { decade: i32, two_digit: bool },
    /// A century, TimeML style: `19` for "the 20th century".
    Century(i32),
    /// A weekday: "Thursday" (`which: None`, tense decides), "last Friday" (`Some(-1)`),
    /// "next Monday" (`Some(1)`), "this Tuesday" (`Some(0)`).
    Weekday { weekday: u32, which: Option<i32> },
    /// A shift by whole units from the document date ("today" = day 0, "last month" = month
    /// -1, "two years ago" = year -2, "this week" = week 0) or from the date mentioned before
    /// ("a year earlier" = year -1, "the following day" = day 1, "that year" = year 0).
    Shift(Shift),
    /// A weekend: `offset` weeks from the document date's week; `None` takes the most recent.
    Weekend { offset: Option<i32> },
    /// `PRESENT_REF`, `PAST_REF` or `FUTURE_REF`.
    Reference(RefKind),
    /// "the 1988 period": the period under discussion (the quarter or month mentioned
    /// before) in the given year, or that whole year.
    SamePeriodIn(i32),
    /// A time of day with no date written ("3 p.m."): on the day mentioned before or the
    /// document date.
    SameDay,
    /// A length of time: "three days", "the past five years", "a decade". `plus` adds a
    /// smaller unit ("a minute and a half" = 1 minute + 30 seconds).
    Duration { amount: Amount, unit: Unit, plus: Option<(u32, Unit)> },
    /// A recurrence every `amount` units: "every week", "daily", "each year".
    EveryUnit { amount: u32, unit: Unit },
    /// A recurrence on a calendar slot: "every Thursday" (weekday), "each July" (month),
    /// "summers" (season), "fourth quarters" (quarter).
    EverySlot(Slot),
}

/// What a [`Core::Shift`] counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// The document creation time.
    Dct,
    /// The date mentioned last before the expression (the document date when there is none).
    Reference,
}

/// A shift by whole units from an anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Shift {
    /// What it counts from.
    pub anchor: Anchor,
    /// The unit counted.
    pub unit: Unit,
    /// How many units, negative into the past.
    pub offset: i32,
    /// Keep the granularity of the date mentioned before when it is finer than a year: in
    /// "sales in the third quarter rose from a year earlier", "a year earlier" is the third
    /// quarter of the year before, not the whole year.
    pub keep_granularity: bool,
}

impl Shift {
    /// A shift from the document date.
    pub(crate) fn dct(unit: Unit, offset: i32) -> Self {
        Self { anchor: Anchor::Dct, unit, offset, keep_granularity: false }
    }

    /// A shift from the date mentioned before.
    pub(crate) fn reference(unit: Unit, offset: i32) -> Self {
        Self { anchor: Anchor::Reference, unit, offset, keep_granularity: false }
    }
}

/// A slot of the calendar that recurs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    /// A weekday 1–7.
    Weekday(u32),
    /// A month 1–12.
    Month(u32),
    /// A season.
    Season(Season),
}

/// A time of day attached to a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TimeOfDay {
    /// A clock time; `minute: None` when only the hour was given ("5 p.m. EST" is `T17:00`
    /// anyway, but "midnight" is `T24:00`).
    Clock { hour: u32, minute: u32, utc: bool },
    /// A part of the day.
    Part(PartOfDay),
}

/// A recognised expression: its tokens and meaning.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Expr {
    /// The core meaning.
    pub core: Core,
    /// The time of day, for TIME expressions.
    pub time: Option<TimeOfDay>,
    /// For a recurrence on a weekday, the part of the day ("Tuesday nights").
    pub set_time: Option<PartOfDay>,
}

impl Expr {
    /// An expression with just a core.
    pub(crate) fn new(core: Core) -> Self {
        Self { core, time: None, set_time: None }
    }

    /// A calendar date.
    pub(crate) fn calendar(spec: CalendarSpec) -> Self {
        Self::new(Core::Calendar(spec))
    }

    /// True when the expression names a single day, so a time of day can attach to it.
    pub(crate) fn is_day(&self) -> bool {
        match self.core {
            Core::Calendar(c) => (c.day.is_some() && c.month.is_some()) || c.holiday.is_some(),
            Core::Weekday { .. } => true,
            Core::Shift(s) => s.unit == Unit::Day && !s.keep_granularity,
            _ => false,
        }
    }
}
