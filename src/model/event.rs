use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ActorId, EventId, MentionId, Span};

/// The precision of a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Granularity {
    /// A single day.
    Day,
    /// A calendar week.
    Week,
    /// A month.
    Month,
    /// A season or quarter.
    Season,
    /// A year.
    Year,
    /// A decade.
    Decade,
    /// A century.
    Century,
}

impl Granularity {
    /// The name used in exports ("day", "month", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Season => "season",
            Self::Year => "year",
            Self::Decade => "decade",
            Self::Century => "century",
        }
    }
}

/// When an event happened: an inclusive interval of days, its precision and its source text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateRange {
    /// First day (inclusive).
    pub start: NaiveDate,
    /// Last day (inclusive); equal to `start` for a single day.
    pub end: NaiveDate,
    /// Day, month, year, ...
    pub granularity: Granularity,
    /// The words the date came from ("last month", "Oct. 12, 1948").
    pub text: String,
}

/// What sort of happening an event is; drives the summary and the map symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A meeting, visit or summit.
    Meeting,
    /// Messages, calls, letters or greetings exchanged.
    Communication,
    /// A statement, speech, claim or objection.
    Statement,
    /// A news report ("KCNA reported").
    Report,
    /// Diplomatic recognition, ties established, an agreement or deal.
    Agreement,
    /// Something seen or measured: satellite images, an increase in traffic.
    Observation,
    /// War, attack, defeat, strike.
    Conflict,
    /// Travel, transport, launch or movement of goods or people.
    Movement,
    /// A proclamation, election, founding or other political act.
    Political,
    /// Anything else that is reported as happening.
    Other,
}

/// One reported happening, tied to its date, places and actors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Index in the document's event list.
    pub id: EventId,
    /// Meeting, report, ...
    pub kind: EventKind,
    /// A short summary ("Putin and Kim Jong Un held a summit at Vostochny").
    pub summary: String,
    /// When it happened, or `None` when the text does not say.
    pub date: Option<DateRange>,
    /// The place mentions it is tied to, sorted.
    pub mentions: Vec<MentionId>,
    /// The people and organisations taking part, sorted.
    pub actors: Vec<ActorId>,
    /// The word or phrase that signals the event ("held a summit").
    pub trigger: Span,
    /// The sentence it comes from.
    pub sentence: Span,
}
