//! The small vocabularies shared by the lexicon, the grammar and normalisation: calendar units,
//! seasons, parts of the day, holidays and the TimeML reference values.

/// A calendar or clock unit, as in "three *days*" or "last *month*".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Unit {
    /// A second.
    Second,
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day (also "night" counted as a day: "three nights").
    Day,
    /// A (Saturday–Sunday) weekend.
    Weekend,
    /// An ISO week (Monday to Sunday).
    Week,
    /// Two weeks.
    Fortnight,
    /// A calendar month.
    Month,
    /// A calendar quarter.
    Quarter,
    /// A calendar year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
    /// A thousand years.
    Millennium,
}

impl Unit {
    /// True for units shorter than a day, written after `T` in ISO 8601 durations.
    pub(crate) fn is_clock(self) -> bool {
        matches!(self, Self::Second | Self::Minute | Self::Hour)
    }

    /// The ISO 8601 / TimeML duration designator and how many of it one unit is.
    ///
    /// Decades, centuries and millennia are written in years (`P10Y`), which every ISO 8601
    /// reader understands; a fortnight is two weeks.
    pub(crate) fn designator(self) -> (&'static str, u32) {
        match self {
            Self::Second => ("S", 1),
            Self::Minute => ("M", 1),
            Self::Hour => ("H", 1),
            Self::Day => ("D", 1),
            Self::Weekend => ("WE", 1),
            Self::Week => ("W", 1),
            Self::Fortnight => ("W", 2),
            Self::Month => ("M", 1),
            Self::Quarter => ("Q", 1),
            Self::Year => ("Y", 1),
            Self::Decade => ("Y", 10),
            Self::Century => ("Y", 100),
            Self::Millennium => ("Y", 1000),
        }
    }

    /// The designator used for a vague amount ("decades" is `PXDE` in TimeML, written `PXE` in
    /// the TempEval-3 data we measure against; "centuries" `PXC`, "millennia" `PXL`).
    pub(crate) fn vague_designator(self) -> &'static str {
        match self {
            Self::Decade => "E",
            Self::Century => "C",
            Self::Millennium => "L",
            other => other.designator().0,
        }
    }
}

/// A season of the year, with its TimeML code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Season {
    /// Spring (`SP`).
    Spring,
    /// Summer (`SU`).
    Summer,
    /// Autumn or fall (`FA`).
    Fall,
    /// Winter (`WI`).
    Winter,
}

impl Season {
    /// The TimeML code (`SP`, `SU`, `FA`, `WI`).
    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::Spring => "SP",
            Self::Summer => "SU",
            Self::Fall => "FA",
            Self::Winter => "WI",
        }
    }

    /// First and last month of the (northern, meteorological) season; winter runs from
    /// December of the year before into February.
    pub(crate) fn months(self) -> (u32, u32) {
        match self {
            Self::Spring => (3, 5),
            Self::Summer => (6, 8),
            Self::Fall => (9, 11),
            Self::Winter => (12, 2),
        }
    }

    /// The season a month falls in.
    pub(crate) fn of_month(month: u32) -> Self {
        match month {
            3..=5 => Self::Spring,
            6..=8 => Self::Summer,
            9..=11 => Self::Fall,
            _ => Self::Winter,
        }
    }
}

/// A part of the day, with its TimeML code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum PartOfDay {
    /// Morning (`MO`).
    Morning,
    /// Midday, noon (`MI`).
    Midday,
    /// Afternoon (`AF`).
    Afternoon,
    /// Evening (`EV`).
    Evening,
    /// Night (`NI`).
    Night,
}

impl PartOfDay {
    /// The TimeML code (`MO`, `MI`, `AF`, `EV`, `NI`).
    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::Morning => "MO",
            Self::Midday => "MI",
            Self::Afternoon => "AF",
            Self::Evening => "EV",
            Self::Night => "NI",
        }
    }
}

/// A TimeML reference value for times only known relative to now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum RefKind {
    /// `PRESENT_REF`: "now", "currently".
    Present,
    /// `PAST_REF`: "recently", "the past".
    Past,
    /// `FUTURE_REF`: "soon", "the future".
    Future,
}

impl RefKind {
    /// The TIMEX3 value.
    pub(crate) fn value(self) -> &'static str {
        match self {
            Self::Present => "PRESENT_REF",
            Self::Past => "PAST_REF",
            Self::Future => "FUTURE_REF",
        }
    }
}

/// A named day of the year. Its numbers are bytes so that a lexicon reading holding one
/// stays eight bytes, small enough for every token to carry two.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Holiday {
    /// A day fixed in the calendar (month, day): Christmas, Independence Day, ...
    Fixed(u8, u8),
    /// The `n`th (or with `n = -1` the last) `weekday` (1 = Monday) of `month`:
    /// Thanksgiving, Labor Day, Memorial Day, ...
    NthWeekday { month: u8, weekday: u8, n: i8 },
    /// Days relative to Western Easter Sunday: Good Friday = -2, Easter Monday = 1.
    Easter(i8),
    /// US Election Day: the Tuesday after the first Monday of November.
    ElectionDay,
}
