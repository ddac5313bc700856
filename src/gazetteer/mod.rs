//! The offline gazetteer: every known place with its names, kind, population and point.
//!
//! PLACEHOLDER during bring-up: the real index (fst over folded names) replaces this.

use std::sync::Arc;

/// Errors from loading the gazetteer.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The built-in data is corrupt.
    #[error("gazetteer data is corrupt: {reason}")]
    Corrupt {
        /// What is wrong.
        reason: String,
    },
}

/// The loaded gazetteer.
#[derive(Debug, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    /// The gazetteer built into the binary.
    ///
    /// # Errors
    /// When the built-in data cannot be decoded.
    pub fn embedded() -> Result<Arc<Gazetteer>, Error> {
        Ok(Arc::new(Gazetteer {}))
    }
}
