//! The dateline: the city a report was filed from, at the start of its first paragraph
//! ("Seoul, Oct 12 (EFE).-", "WASHINGTON (AP) —", "BOWLING GREEN, Ohio (AP) —").
//!
//! Its place is certainly a place (recognition) and where the story is told from (resolution
//! prefers candidates near it); its agency is an organisation, not a place.

use super::tokens::Tokens;
use super::words::{CALENDAR_WORDS, CREDIT_WORDS};
use crate::model::Span;

/// Lines or sentences from the start of the text searched for a dateline: captions and a
/// headline may come first.
const DATELINE_MAX_LINE: usize = 8;

/// Longest place name in a dateline, in words ("RIO DE JANEIRO").
const DATELINE_MAX_WORDS: usize = 4;

/// A dateline's parts as token ranges (end exclusive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Dateline {
    /// The city ("Seoul").
    pub place: (usize, usize),
    /// The state or country after it ("Ohio" in "BOWLING GREEN, Ohio (AP)").
    pub qualifier: Option<(usize, usize)>,
    /// The agency in brackets ("EFE").
    pub agency: Option<(usize, usize)>,
}

impl Dateline {
    /// The dateline's text, through its date, agency and closing marks: all of "Seoul, Oct 12
    /// (EFE).-".
    pub fn span(&self, t: &Tokens<'_>) -> Span {
        let start = t.get(self.place.0).map_or(0, |x| x.span.start_byte);
        Span::new(start, self.end_byte(t).max(start))
    }

    /// The byte where the dateline ends, after its date, agency and closing marks: "Seoul,
    /// Oct 12 (EFE).-" ends after the hyphen.
    fn end_byte(&self, t: &Tokens<'_>) -> usize {
        let mut k = [Some(self.place), self.qualifier, self.agency]
            .into_iter()
            .flatten()
            .map(|r| r.1)
            .max()
            .unwrap_or(self.place.1);
        let limit = k + 8;
        while k < t.len().min(limit)
            && (t.get(k).is_some_and(|x| x.kind == crate::text::TokenKind::Punct)
                && t.get(k).is_some_and(|x| x.newlines_before == 0)
                || is_month(t, k)
                || t.get(k).is_some_and(|x| x.kind == crate::text::TokenKind::Number))
        {
            k += 1;
        }
        t.get(k.saturating_sub(1)).map_or(0, |x| x.span.end_byte)
    }
}

/// Finds the dateline among the first lines of the text.
pub(crate) fn find_dateline(t: &Tokens<'_>) -> Option<Dateline> {
    let mut lines = 0;
    for i in 0..t.len() {
        // Feeds and corpora often run headline and body into one line: a sentence start
        // counts as well as a line start.
        if !(t.starts_line(i) || t.get(i).is_some_and(|tok| tok.sentence_initial)) {
            continue;
        }
        lines += 1;
        if lines > DATELINE_MAX_LINE {
            break;
        }
        if let Some(found) = dateline_at(t, i) {
            return Some(found);
        }
    }
    None
}

fn dateline_at(t: &Tokens<'_>, i: usize) -> Option<Dateline> {
    let place_end = capitalised_run(t, i, DATELINE_MAX_WORDS)?;
    let place = (i, place_end);
    let mut k = place_end;
    let mut qualifier = None;
    let mut dated = false;
    if t.is_punct(k, ",") {
        k += 1;
        if is_month(t, k) {
            k = skip_date(t, k);
            dated = true;
        } else {
            let end = capitalised_run(t, k, 3)?;
            qualifier = Some((k, end));
            k = end;
            if t.is_punct(k, ",") && is_month(t, k + 1) {
                k = skip_date(t, k + 1);
                dated = true;
            }
        }
    }
    if t.is_punct(k, "(") {
        let end = capitalised_run(t, k + 1, 3)?;
        // An agency is an acronym ("AP", "EFE") or a known wire ("Reuters"), not "(L)".
        let agency = (k + 1..end).all(|a| {
            t.is_upper(a) && t.text_of(a).len() >= 2 || CREDIT_WORDS.contains(t.folded(a))
        });
        if agency && t.is_punct(end, ")") {
            return Some(Dateline { place, qualifier, agency: Some((k + 1, end)) });
        }
        return None;
    }
    // "BEIRUT —", "MOSCOW, March 3 -": an all-caps city or a date, then a dash or colon.
    let dash = t.is_any_punct(k, &["—", "–", "-", "--", ":"]);
    let shouted = (i..place_end).all(|w| t.is_upper(w));
    (dash && (shouted || dated)).then_some(Dateline { place, qualifier, agency: None })
}

/// End of a run of 1..=max capitalised words starting at `i`, if there is one.
fn capitalised_run(t: &Tokens<'_>, i: usize, max: usize) -> Option<usize> {
    let mut end = i;
    while end < t.len() && end - i < max && t.is_capitalised(end) && !is_month(t, end) {
        end += 1;
    }
    (end > i).then_some(end)
}

fn is_month(t: &Tokens<'_>, i: usize) -> bool {
    t.is_capitalised(i) && CALENDAR_WORDS.contains(t.folded(i))
}

/// Skips "Oct 12", "Oct. 12, 2023", "March 3".
fn skip_date(t: &Tokens<'_>, mut k: usize) -> usize {
    k += 1;
    if t.get(k).is_some_and(|tok| tok.kind == crate::text::TokenKind::Number) {
        k += 1;
    }
    if t.is_punct(k, ",")
        && t.get(k + 1).is_some_and(|tok| tok.kind == crate::text::TokenKind::Number)
    {
        k += 2;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(String, Option<String>, Option<String>)> {
        let t = Tokens::new(text);
        let d = find_dateline(&t)?;
        let s = |r: (usize, usize)| t.slice(r.0, r.1).to_owned();
        Some((s(d.place), d.qualifier.map(s), d.agency.map(s)))
    }

    #[test]
    fn an_agency_dateline_after_a_headline_gives_city_and_agency() {
        let text = "Rains return to the south\n\nLima, Feb 3 (EFE).- Heavy rain fell in Peru.";
        assert_eq!(parts(text), Some(("Lima".into(), None, Some("EFE".into()))));
    }

    #[test]
    fn an_all_caps_dateline_with_a_state_and_agency_is_found() {
        let text = "BOWLING GREEN, Ohio (AP) — Students voted on Monday.";
        assert_eq!(
            parts(text),
            Some(("BOWLING GREEN".into(), Some("Ohio".into()), Some("AP".into())))
        );
        assert_eq!(parts("BEIRUT — Shelling resumed."), Some(("BEIRUT".into(), None, None)));
    }

    #[test]
    fn a_dateline_ends_after_its_date_agency_and_marks() {
        let text = "Seoul, Oct 12 (EFE).- Kim and Putin exchanged messages.";
        let t = Tokens::new(text);
        let span = find_dateline(&t).map(|d| d.span(&t));
        assert_eq!(span.map(|s| s.end_byte), text.find(" Kim"));
        let text = "MOSCOW, March 3 - Talks began.";
        let t = Tokens::new(text);
        assert_eq!(find_dateline(&t).map(|d| d.span(&t).end_byte), text.find(" Talks"));
    }

    #[test]
    fn an_ordinary_first_sentence_is_not_a_dateline() {
        assert_eq!(parts("Paris is lovely in spring, said the mayor."), None);
        assert_eq!(parts("Officials met - briefly - in Rome."), None);
    }
}
