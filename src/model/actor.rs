use serde::{Deserialize, Serialize};

use super::{ActorId, Span};

/// Whether an actor is a person or an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A person ("Vladimir Putin").
    Person,
    /// An organisation, agency or outlet ("KCNA", "EFE").
    Organisation,
}

/// A person or organisation found in the text, with every span that refers to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Index in the document's actor list.
    pub id: ActorId,
    /// Canonical (longest) name ("Kim Jong Un").
    pub name: String,
    /// Person or organisation.
    pub kind: ActorKind,
    /// Every place in the text that names it, sorted by offset ("Kim Jong Un", later "Kim").
    pub spans: Vec<Span>,
}
