//! newsmap: find the places and dated events in news text, resolve them to coordinates and
//! export them as GeoJSON.
//!
//! The library is the whole engine and has no GUI dependency: [`pipeline::Pipeline`] turns a
//! [`model::DocumentInput`] into a [`model::Document`] using the offline [`gazetteer`], and
//! [`export`] writes documents as GeoJSON, JSONL or CSV. The desktop app lives in `gui`
//! behind the default `gui` feature.

pub mod export;
pub mod gazetteer;
pub mod geodesy;
pub mod lexicon;
pub mod model;
pub mod pipeline;
pub mod text;
pub mod timex;

#[cfg(feature = "gui")]
pub mod gui;

/// The article the app opens with: an EFE report on Kim Jong Un and Vladimir Putin
/// (75th anniversary of bilateral ties), built into the binary.
pub const SAMPLE_ARTICLE: &str = include_str!("../data/articles/kim-putin-75th-anniversary.txt");

/// File name of [`SAMPLE_ARTICLE`], used as its document name.
pub const SAMPLE_ARTICLE_NAME: &str = "kim-putin-75th-anniversary.txt";
