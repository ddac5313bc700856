//! Text handling: loading files (size limit, encodings, HTML and Markdown to text),
//! sentences, tokens, and byte-to-character offsets.
//!
//! Everything here works in byte offsets into the document text ([`crate::model::Span`]);
//! [`CharOffsets`] converts at the export boundary.

mod abbreviations;
mod decode;
mod html;
mod jsonl;
mod load;
mod markdown;
mod offsets;
#[cfg(test)]
mod properties;
mod render;
mod sentences;
mod shape;
mod tokens;

pub use abbreviations::{Abbreviation, abbreviation};
pub use html::{HtmlPage, html_to_text, render_html};
pub use jsonl::{RecordError, parse_record};
pub use load::{
    DEFAULT_SIZE_LIMIT_BYTES, LoadError, SourceFormat, load_bytes, load_path, load_path_with_limit,
    load_reader,
};
pub use markdown::markdown_to_text;
pub use offsets::CharOffsets;
pub use sentences::sentences;
pub use tokens::{Case, Segmentation, Token, TokenKind, segment, tokenize};
