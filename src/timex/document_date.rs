//! The document's own date, when nobody gave it: from a dateline ("Seoul, Oct 12 (EFE).-",
//! "WASHINGTON, March 1 (Reuters) -", a line holding only "March 01, 2008"), with the year
//! — which datelines usually leave out — chosen by the evidence in the text:
//!
//! - explicit full dates: a report is written shortly after the dated events it reports
//!   ("13 September 2023" in a caption makes 2023 likely for an "Oct 12" dateline);
//! - anniversaries: the "75th anniversary" of a date in 1948 is in 2023, and stronger when
//!   that date falls on the dateline's day ("Oct. 12, 1948");
//! - weekdays: a report dated Oct 12 that says something happened "on Thursday" fits the
//!   years in which Oct 12 is a Thursday (or a Friday).
//!
//! Without a dateline, a full date in the story's lead ("On Oct. 12, 2023, the two leaders
//! met ...") is taken as the document's; dates further down a story are too often
//! background ("the 1998 bombing") or deadlines ("payable Dec. 7, 1990") to guess from.

use chrono::{Datelike as _, NaiveDate};

use super::calendar;
use super::expr::{CalendarSpec, Core, YearSpec};
use super::lexicon::{Kind, W};
use super::normalize::build;
use super::point::Point;
use super::recognize::{self, Found, Parser};
use super::tense::{Tense, tense_near};
use super::token::{TokenKind, tokenize};
use crate::model::DateSource;

/// Only the first expressions of a text are weighed (a story's date is settled long before);
/// this also bounds the work on huge or hostile inputs.
const MAX_EVIDENCE: usize = 400;

/// At most this many "Nth anniversary" mentions are weighed.
const MAX_ANNIVERSARIES: usize = 8;

/// The lead of a story: its first bytes, where a date is the news peg.
const LEAD_BYTES: usize = 400;

/// How many tokens may precede the date on a dateline ("NEW YORK CITY, N.Y., ").
const MAX_DATELINE_PREFIX: usize = 10;

/// Only the top of a story has a dateline.
const DATELINE_ZONE_BYTES: usize = 3000;

/// The document date and where it came from, or `None` when the text gives no usable clue.
pub fn infer_document_date(text: &str) -> Option<(NaiveDate, DateSource)> {
    let mut toks = Vec::new();
    tokenize(text, &mut toks);
    let found = recognize::recognize(text, &toks);
    infer_from(&Parser::new(text, &toks), &found)
}

/// [`infer_document_date`] over a text already tokenized and recognised (`p`, `found`).
pub(super) fn infer_from(p: &Parser<'_>, found: &[Found]) -> Option<(NaiveDate, DateSource)> {
    let evidence = Evidence::gather(p, found);
    if let Some((idx, spec)) = dateline(p, found) {
        if let YearSpec::Absolute(y) = spec.year
            && let Some(Point::Day(d)) = build(spec, y)
        {
            return Some((d, DateSource::Dateline));
        }
        if let (Some(m), Some(d)) = (spec.month, spec.day) {
            let y = evidence.best_year(p, m, d, idx)?;
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some((date, DateSource::Dateline));
        }
    }
    evidence.lead_date(p, found).map(|d| (d, DateSource::Inferred))
}

/// The dateline's date: the first month-and-day expression that opens a paragraph after at
/// most a few capitalised words and is followed by the end of the line or punctuation.
fn dateline(p: &Parser<'_>, found: &[Found]) -> Option<(usize, CalendarSpec)> {
    for (idx, f) in found.iter().enumerate() {
        let first = p.tok(f.start)?;
        if first.start > DATELINE_ZONE_BYTES {
            break;
        }
        let Core::Calendar(spec) = f.expr.core else { continue };
        if spec.month.is_none() || spec.day.is_none() || f.expr.time.is_some() {
            continue;
        }
        if opens_paragraph(p, f.start) && closes_dateline(p, f.end) {
            return Some((idx, spec));
        }
    }
    None
}

/// True when only capitalised words and light punctuation stand between the start of the
/// line and token `start`.
fn opens_paragraph(p: &Parser<'_>, start: usize) -> bool {
    let mut i = start;
    let mut count = 0;
    loop {
        let Some(t) = p.tok(i) else { return false };
        if i < start {
            // A place name, not a sentence opening with a preposition ("On May 6, ...").
            let ok = match t.kind {
                TokenKind::Word => t.is_capitalized(p.text) && !t.lex.is_some(),
                TokenKind::Punct(c) => matches!(c, ',' | '.' | '(' | ')' | '/' | '-' | ':' | '|'),
                TokenKind::Number => false,
            };
            if !ok {
                return false;
            }
        }
        if t.newline_before || i == 0 {
            return true;
        }
        count += 1;
        if count > MAX_DATELINE_PREFIX {
            return false;
        }
        i -= 1;
    }
}

/// True when the dateline date is followed by the end of the line or dateline punctuation
/// ("(EFE)", "-", "—", "/").
fn closes_dateline(p: &Parser<'_>, end: usize) -> bool {
    match p.tok(end) {
        None => true,
        Some(t) if t.newline_before => true,
        Some(t) => {
            matches!(t.kind, TokenKind::Punct('(' | '-' | '_' | '.' | '/' | ':' | '|' | ','))
        }
    }
}

/// What the text says about its own year.
struct Evidence {
    /// Explicit full dates, with their index among the expressions.
    full_dates: Vec<(usize, NaiveDate, Tense)>,
    /// Explicit years of year-only expressions.
    years: Vec<i32>,
    /// Weekdays mentioned without "last"/"next", with their tense.
    weekdays: Vec<(u32, Tense)>,
}

struct Anniversary {
    years: u32,
}

impl Evidence {
    fn gather(p: &Parser<'_>, found: &[Found]) -> Self {
        let mut full_dates = Vec::new();
        let mut years = Vec::new();
        let mut weekdays = Vec::new();
        for (idx, f) in found.iter().enumerate().take(MAX_EVIDENCE) {
            match f.expr.core {
                Core::Calendar(spec) => {
                    let YearSpec::Absolute(y) = spec.year else { continue };
                    match build(spec, y) {
                        Some(Point::Day(d)) => {
                            full_dates.push((idx, d, tense_near(p, f.start, f.end)))
                        }
                        Some(Point::Year(y)) => years.push(y),
                        _ => {}
                    }
                }
                Core::Weekday { weekday, which: None } => {
                    weekdays.push((weekday, tense_near(p, f.start, f.end)));
                }
                _ => {}
            }
        }
        Self { full_dates, years, weekdays }
    }

    /// The most likely year for a dateline month/day, or `None` without any evidence.
    ///
    /// Anniversaries are only gathered here: finding them reads every token, and only a
    /// dateline without a year needs them.
    fn best_year(&self, p: &Parser<'_>, month: u32, day: u32, dateline_idx: usize) -> Option<i32> {
        let anniversaries = anniversaries(p);
        let mut candidates: Vec<i32> = Vec::new();
        for &(idx, d, _) in &self.full_dates {
            if idx != dateline_idx {
                candidates.extend([d.year(), d.year() + 1]);
            }
        }
        candidates.extend(self.years.iter().flat_map(|&y| [y, y + 1]));
        for a in &anniversaries {
            for &(_, d, _) in &self.full_dates {
                candidates.push(d.year() + a.years as i32);
            }
            for &y in &self.years {
                candidates.push(y + a.years as i32);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .filter_map(|y| {
                let dct = NaiveDate::from_ymd_opt(y, month, day)?;
                Some((self.score(dct, dateline_idx, &anniversaries), y))
            })
            .max()
            .map(|(_, y)| y)
    }

    /// How well a candidate document date fits the evidence.
    fn score(&self, dct: NaiveDate, dateline_idx: usize, anniversaries: &[Anniversary]) -> i64 {
        let mut score = 0i64;
        for &(idx, d, tense) in &self.full_dates {
            if idx == dateline_idx {
                continue;
            }
            let gap = dct.signed_duration_since(d).num_days();
            score += match gap {
                0..=62 => 3,
                63..=400 => 1,
                -62..=-1 if tense == Tense::Future => 1,
                -62..=-1 => 0,
                _ if gap < 0 => -1,
                _ => 0,
            };
        }
        for &y in &self.years {
            if y == dct.year() {
                score += 1;
            } else if y > dct.year() {
                score -= 1;
            }
        }
        for a in anniversaries {
            let origin = dct.year() - a.years as i32;
            let on_the_day = self.full_dates.iter().any(|&(_, d, _)| {
                d.year() == origin && d.month() == dct.month() && d.day() == dct.day()
            });
            let same_year = self.full_dates.iter().any(|&(_, d, _)| d.year() == origin)
                || self.years.contains(&origin);
            score += if on_the_day {
                6
            } else if same_year {
                2
            } else {
                0
            };
        }
        let mut weekday_fit = 0;
        for &(wd, tense) in &self.weekdays {
            if tense == Tense::Future {
                continue;
            }
            let today = calendar::weekday_number(dct);
            let yesterday = if today == 1 { 7 } else { today - 1 };
            if wd == today {
                weekday_fit = weekday_fit.max(2);
            } else if wd == yesterday {
                weekday_fit = weekday_fit.max(1);
            }
        }
        score + weekday_fit
    }

    /// The first explicit full date in the first sentence of the lead, unless it is a
    /// deadline or maturity ("due March 1, 2011", "until ...") or announced in the future
    /// tense.
    fn lead_date(&self, p: &Parser<'_>, found: &[Found]) -> Option<NaiveDate> {
        let text_start = p.toks.first()?.start;
        let first_sentence_end = p
            .toks
            .iter()
            .position(|t| t.is_punct('.') || t.is_punct('!') || t.is_punct('?'))
            .and_then(|i| {
                // Skip abbreviation dots ("Oct.", "Inc.") by requiring a space and a capital next.
                (i..p.toks.len()).find(|&k| {
                    p.tok(k).is_some_and(|t| t.is_punct('.'))
                        && p.tok(k + 1).is_none_or(|n| n.space_before && n.is_capitalized(p.text))
                        && !p.tok(k.wrapping_sub(1)).is_some_and(|w| {
                            w.is_word() && w.len() <= 4 && w.is_capitalized(p.text)
                        })
                })
            })
            .unwrap_or(p.toks.len());
        self.full_dates
            .iter()
            .filter(|&&(_, _, t)| t != Tense::Future)
            .find(|&&(idx, _, _)| {
                let Some(f) = found.get(idx) else { return false };
                let Some(t) = p.tok(f.start) else { return false };
                let before = f.start.checked_sub(1).map_or("", |k| p.str(k));
                let deadline = ["due", "until", "till", "through", "by", "maturing", "expiring"]
                    .iter()
                    .any(|w| before.eq_ignore_ascii_case(w));
                t.start - text_start < LEAD_BYTES && f.start < first_sentence_end && !deadline
            })
            .map(|&(_, d, _)| d)
    }
}

/// The first [`MAX_ANNIVERSARIES`] "75th anniversary", "seventy-fifth anniversary".
fn anniversaries(p: &Parser<'_>) -> Vec<Anniversary> {
    let mut out = Vec::new();
    for (i, t) in p.toks.iter().enumerate() {
        if out.len() == MAX_ANNIVERSARIES {
            break;
        }
        // The length test spares slicing the text at every word.
        if !t.is_word()
            || t.len() != "anniversary".len()
            || !p.str(i).eq_ignore_ascii_case("anniversary")
            || i == 0
        {
            continue;
        }
        let n = if p.is(i - 1, W::Th) && i >= 2 && p.glued(i - 1) {
            p.num(i - 2).map(|(v, _)| v)
        } else {
            match p.kind(i - 1) {
                Kind::Ordinal(n) => {
                    let tens = if i >= 3 && p.punct(i - 2, '-') {
                        match p.kind(i - 3) {
                            Kind::Cardinal(t) if t >= 20 && t % 10 == 0 => t,
                            _ => 0,
                        }
                    } else {
                        0
                    };
                    Some(tens + n)
                }
                Kind::Unit(_) if p.alt(i - 1) == Kind::Ordinal(2) => Some(2),
                _ => None,
            }
        };
        if let Some(years) = n.filter(|&n| (1..=1000).contains(&n)) {
            out.push(Anniversary { years });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_sample_articles_dateline_gets_its_year_from_the_anniversary_and_the_caption() {
        let got = infer_document_date(crate::SAMPLE_ARTICLE);
        assert_eq!(got, Some((date(2023, 10, 12), DateSource::Dateline)));
    }

    #[test]
    fn a_dateline_with_a_year_is_taken_as_written() {
        let text = "Quake hits coast\nTOKYO, March 11, 2011 (Reuters) - A quake struck on Friday.";
        assert_eq!(infer_document_date(text), Some((date(2011, 3, 11), DateSource::Dateline)));
    }

    #[test]
    fn a_line_holding_only_a_date_is_a_dateline() {
        let text = "Airbus delays jet\nMarch 01 , 2008\nThe company said on Friday it would wait.";
        assert_eq!(infer_document_date(text), Some((date(2008, 3, 1), DateSource::Dateline)));
    }

    #[test]
    fn the_weekday_picks_the_year_when_nothing_else_does() {
        // Oct 12 was a Thursday in 2023 and a Wednesday in 2022; both years are mentioned.
        let text = "Seoul, Oct 12 (EFE).- Officials said on Thursday that trade rose in 2022 \
                    and would grow again by 2023.";
        assert_eq!(infer_document_date(text), Some((date(2023, 10, 12), DateSource::Dateline)));
    }

    #[test]
    fn without_a_dateline_a_date_in_the_lead_is_used() {
        let text = "On March 3, 1991, parliament ratified the treaty signed on June 5, 1990.";
        assert_eq!(infer_document_date(text), Some((date(1991, 3, 3), DateSource::Inferred)));
    }

    #[test]
    fn dates_deep_in_a_story_are_background_not_its_date() {
        let filler = "The company makes hair accessories and other cosmetic products. ".repeat(8);
        let text = format!("{filler}The dividend is payable Dec. 7, 1990 to holders of record.");
        assert_eq!(infer_document_date(&text), None);
    }

    #[test]
    fn thousands_of_dates_and_anniversaries_are_weighed_within_bounds() {
        let body = "On its 10th anniversary, on March 3, 1991, it grew. ".repeat(20_000);
        let text = format!("Seoul, Oct 12 (EFE).- {body}");
        assert_eq!(infer_document_date(&text).map(|(d, _)| d.year()), Some(1991));
    }

    #[test]
    fn a_date_inside_a_sentence_is_not_a_dateline_and_no_clue_gives_none() {
        assert_eq!(infer_document_date("They met on Oct 12 to talk."), None);
        assert_eq!(infer_document_date(""), None);
    }
}
