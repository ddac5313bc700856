use serde::{Deserialize, Serialize};

use super::{MentionId, Place, Span};

/// How a mention names its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// A proper name: "Seoul", "Amur region", "the Korean peninsula".
    Toponym,
    /// A demonym or adjective that points at a place only weakly: "Russian", "North Korean".
    Demonym,
    /// A description resolved from context: "the only border crossing between the two
    /// countries".
    Descriptive,
}

/// One scored candidate for a mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    /// The candidate place.
    pub place: Place,
    /// Its score in `0.0..=1.0`; scores of one mention's candidates sum to at most 1.
    pub score: f32,
}

/// A span of text that names (or describes) a place, with its resolution.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Index in the document's mention list.
    pub id: MentionId,
    /// Where it is in the text.
    pub span: Span,
    /// The text of the span, as written.
    pub text: String,
    /// Name, demonym or description.
    pub kind: MentionKind,
    /// The chosen place, or `None` when the resolver abstained (see `reason`).
    pub place: Option<Place>,
    /// Confidence in `place`, `0.0..=1.0` (0 when unresolved). Candidates at the same place
    /// (Moscow the city and Moscow the federal subject) count towards it, not against it.
    pub score: f32,
    /// The runners-up, not including `place`: real rivals best first, then the same place at
    /// other levels.
    pub alternatives: Vec<Candidate>,
    /// How the choice was made ("former name of Tsiolkovsky", "border crossing between RU and
    /// KP") or why there is none; shown in tooltips and exports.
    pub reason: Option<String>,
}

impl Mention {
    /// True when a place was chosen.
    pub fn is_resolved(&self) -> bool {
        self.place.is_some()
    }

    /// How far the choice leads its best real rival, in `0.0..=1.0`; the same place at another
    /// level is no rival (see [`Place::is_same_place_as`]).
    ///
    /// A small margin means the resolution is uncertain; the map draws such places hollow.
    pub fn margin(&self) -> f32 {
        let rival =
            |c: &&Candidate| self.place.as_ref().is_none_or(|p| !p.is_same_place_as(&c.place));
        let runner_up = self.alternatives.iter().find(rival).map_or(0.0, |c| c.score);
        (self.score - runner_up).max(0.0)
    }
}
