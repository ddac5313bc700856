//! `newsmap extract`: the batch command line (binary only).

mod args;
mod inputs;
mod messages;
mod run;

pub use args::ExtractArgs;
pub use run::extract;
