//! The integration tests: one binary, as in ripgrep. Helpers live in `util`.

// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod util;

mod cli;
mod export;
