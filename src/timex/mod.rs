//! Time expressions: recognition, TIMEX3 normalisation and the document date.
//!
//! [`find_timexes`] finds every time expression in a text ("13 September 2023", "last
//! month", "on Thursday", "days after", "every week") and normalises it TimeML/TempEval-3
//! style: a TIMEX3 type (DATE, TIME, DURATION, SET), a value ("2023-09-13", "2023-09",
//! "PXD", "P1W"), and for dates the calendar interval and granularity. Relative expressions
//! are anchored on the document creation time (DCT) and the tense of their sentence, or on
//! the date mentioned before them. [`infer_document_date`] finds the DCT when the caller
//! does not know it.
//!
//! The engine is a tokenizer (`token`), a lexicon of time words, a grammar over tokens
//! (`recognize`) and normalisation (`normalize`); it holds no per-document state, so one
//! [`TimexRecognizer`] serves every thread.
//!
//! # Examples
//! ```
//! use chrono::NaiveDate;
//! use newsmap::timex::find_timexes;
//!
//! let dct = NaiveDate::from_ymd_opt(2023, 10, 12);
//! let found = find_timexes("The two leaders held a summit last month.", dct);
//! assert_eq!(found[0].text, "last month");
//! assert_eq!(found[0].value, "2023-09");
//! ```

mod calendar;
mod digits;
mod document_date;
mod expr;
mod lexicon;
mod normalize;
mod point;
mod recognize;
mod tense;
mod token;
mod units;

use chrono::NaiveDate;

pub use document_date::infer_document_date;

use crate::model::Timex;

/// The time-expression engine. Cheap to create and `Send + Sync`: its word tables are built
/// once per process and shared, so one recognizer can serve every worker thread.
#[derive(Clone, Copy, Debug, Default)]
pub struct TimexRecognizer {
    _private: (),
}

impl TimexRecognizer {
    /// A recognizer; builds the shared word tables on first use so that the first document
    /// does not pay for them.
    pub fn new() -> Self {
        lexicon::warm_up();
        Self { _private: () }
    }

    /// Every time expression in `text`, sorted by offset and never overlapping.
    ///
    /// With a document creation time (`dct`), relative expressions are anchored ("last
    /// month" is the month before the DCT's); without one their values stay underspecified
    /// ("XXXX-10-12", "XXXX-WXX-4") and `interval` is `None`.
    pub fn find(&self, text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
        let mut toks = Vec::new();
        token::tokenize(text, &mut toks);
        let found = recognize::recognize(text, &toks);
        let parser = recognize::Parser::new(text, &toks);
        normalize::Normalizer::new(&parser, dct).run(&found)
    }

    /// [`TimexRecognizer::find`] anchored on `given`, or without it on the date
    /// [`infer_document_date`] reads from the text, which is then returned too. Tokenizes
    /// and recognises the text once for both.
    pub(crate) fn find_dated(
        &self,
        text: &str,
        given: Option<NaiveDate>,
    ) -> (Option<(NaiveDate, crate::model::DateSource)>, Vec<Timex>) {
        let mut toks = Vec::new();
        token::tokenize(text, &mut toks);
        let found = recognize::recognize(text, &toks);
        let parser = recognize::Parser::new(text, &toks);
        let inferred = match given {
            Some(_) => None,
            None => document_date::infer_from(&parser, &found),
        };
        let dct = given.or(inferred.map(|(d, _)| d));
        (inferred, normalize::Normalizer::new(&parser, dct).run(&found))
    }
}

/// Every time expression in `text`, anchored on `dct` when given; see
/// [`TimexRecognizer::find`].
pub fn find_timexes(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    TimexRecognizer::new().find(text, dct)
}

#[cfg(test)]
mod tests;
