//! newsmap's one integration-test binary: each area of the crate is a module.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ui;
