//! Documents given as JSON lines: `{"id": ..., "text": ..., "date"?: "YYYY-MM-DD"}`.

use chrono::NaiveDate;
use serde::Deserialize;

use super::html::parse_date_prefix;
use crate::model::DocumentInput;

/// Why one JSON line is not a document. The caller adds the file and line number.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// Not JSON, or not an object.
    #[error("malformed JSON: {}", describe_json_error(.0))]
    Malformed(serde_json::Error),
    /// No `"text"` string.
    #[error("no \"text\" string")]
    MissingText,
    /// `"date"` is not a `YYYY-MM-DD` date (a date-time is accepted, its date kept).
    #[error("\"date\" is not a YYYY-MM-DD date: {0:?}")]
    BadDate(String),
}

/// serde_json's message without its "at line 1 column 9": a record is one line, and the
/// caller reports the line number of the file.
fn describe_json_error(err: &serde_json::Error) -> String {
    let message = err.to_string();
    let location = format!(" at line {} column {}", err.line(), err.column());
    match message.strip_suffix(&location) {
        Some(message) => format!("{message} (column {})", err.column()),
        None => message,
    }
}

/// The id of a record: JSON lines written by tools use strings or numbers.
#[derive(Deserialize)]
#[serde(untagged)]
enum RecordId {
    Text(String),
    Number(serde_json::Number),
}

#[derive(Deserialize)]
struct Record {
    id: Option<RecordId>,
    text: Option<String>,
    /// `dct` is TimeML's "document creation time", as the public TimeML corpora name it.
    #[serde(alias = "dct")]
    date: Option<String>,
}

/// Parses one JSON line into a document. Other fields are ignored, so corpora with extra
/// annotations can be fed as they are.
///
/// - `id` (string or number) becomes the document's name; without one, `default_name`
///   (e.g. `file.jsonl:12`).
/// - `text` is required.
/// - `date` (also read from `dct`) is the creation date: `YYYY-MM-DD`, or a date-time whose
///   date part is kept; `null` or absent means unknown.
///
/// # Errors
/// [`RecordError`] for malformed JSON, a missing `text` or a bad `date`.
pub fn parse_record(line: &str, default_name: &str) -> Result<DocumentInput, RecordError> {
    let record: Record = serde_json::from_str(line).map_err(RecordError::Malformed)?;
    let text = record.text.ok_or(RecordError::MissingText)?;
    let date = match record.date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(date) => Some(parse_date(date).ok_or_else(|| RecordError::BadDate(date.to_owned()))?),
    };
    let name = match record.id {
        Some(RecordId::Text(id)) => id,
        Some(RecordId::Number(id)) => id.to_string(),
        None => default_name.to_owned(),
    };
    Ok(DocumentInput { name, text, date })
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    parse_date_prefix(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_gives_name_text_and_date() {
        let doc =
            parse_record(r#"{"id": "a1", "text": "Seoul.", "date": "2023-10-12"}"#, "f:1").unwrap();
        assert_eq!(doc.name, "a1");
        assert_eq!(doc.text, "Seoul.");
        assert_eq!(doc.date, NaiveDate::from_ymd_opt(2023, 10, 12));
    }

    #[test]
    fn numeric_ids_dct_dates_and_extra_fields_are_accepted() {
        let line = r#"{"id": 7, "text": "x", "dct": "1998-01-08", "toponyms": []}"#;
        let doc = parse_record(line, "f:1").unwrap();
        assert_eq!(doc.name, "7");
        assert_eq!(doc.date, NaiveDate::from_ymd_opt(1998, 1, 8));
    }

    #[test]
    fn a_record_without_id_takes_the_default_name() {
        assert_eq!(parse_record(r#"{"text": "x", "date": null}"#, "f:3").unwrap().name, "f:3");
    }

    #[test]
    fn bad_records_say_what_is_wrong() {
        let err = parse_record("{", "f").unwrap_err();
        assert_eq!(err.to_string(), "malformed JSON: EOF while parsing an object (column 1)");
        assert!(matches!(parse_record("[1]", "f"), Err(RecordError::Malformed(_))));
        assert!(matches!(parse_record(r#"{"id": 1}"#, "f"), Err(RecordError::MissingText)));
        let err = parse_record(r#"{"text": "x", "date": "12/10/2023"}"#, "f").unwrap_err();
        assert_eq!(err.to_string(), r#""date" is not a YYYY-MM-DD date: "12/10/2023""#);
    }
}
