//! Recognition: which runs of tokens are time expressions, and what they say.
//!
//! A hand-written grammar over tokens, in the spirit of HeidelTime's and SUTime's rule sets
//! but compiled into code: at each token that can start an expression, the rules for that
//! token's kind try to match and the longest match wins; matching then resumes after it, so
//! results never overlap. Extents follow the TimeML/TempEval-3 guidelines: determiners and
//! modifiers are part of an expression ("the third quarter", "early next year", "nearly two
//! years"), prepositions are not ("in 1945", "on Thursday").
//!
//! The rules are split by what starts an expression: [`dates`] (month names, day numbers,
//! years, numeric dates), [`periods`] (quarters, halves, centuries, decades, seasons, fiscal
//! years), [`named_days`] (holidays), [`relative`] (this/last/next, today, weekdays, "now"),
//! [`quantity`] (durations, "ago"), [`recurrence`] (sets) and [`clock`] (times of day).

mod clock;
mod dates;
mod named_days;
mod numbers;
mod periods;
mod quantity;
mod recurrence;
mod relative;

use super::expr::Expr;
use super::lexicon::{Kind, W};
use super::token::{Token, TokenKind};

/// A recognised expression: tokens `start..end` and their meaning.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// What it says.
    pub expr: Expr,
    /// A preceding "the" belongs to the expression ("the third quarter", "the 1990s").
    pub takes_the: bool,
}

impl Found {
    pub(crate) fn new(start: usize, end: usize, expr: Expr) -> Self {
        Self { start, end, expr, takes_the: false }
    }

    pub(crate) fn with_the(mut self) -> Self {
        self.takes_the = true;
        self
    }
}

/// Read access to the tokens of one text, with the small queries every rule needs.
pub(crate) struct Parser<'t> {
    pub text: &'t str,
    pub toks: &'t [Token],
}

impl<'t> Parser<'t> {
    pub(crate) fn new(text: &'t str, toks: &'t [Token]) -> Self {
        Self { text, toks }
    }

    /// The token at `i`, if any.
    pub(crate) fn tok(&self, i: usize) -> Option<&Token> {
        self.toks.get(i)
    }

    /// The text of token `i` ("" past the end).
    pub(crate) fn str(&self, i: usize) -> &'t str {
        self.toks.get(i).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("")
    }

    /// The main lexicon reading of word `i`, [`Kind::None`] for anything else.
    pub(crate) fn kind(&self, i: usize) -> Kind {
        self.toks.get(i).map_or(Kind::None, |t| t.readings.0)
    }

    /// The second lexicon reading of word `i`.
    pub(crate) fn alt(&self, i: usize) -> Kind {
        self.toks.get(i).map_or(Kind::None, |t| t.readings.1)
    }

    /// The function word at `i`.
    pub(crate) fn w(&self, i: usize) -> Option<W> {
        match self.kind(i) {
            Kind::W(w) => Some(w),
            _ => None,
        }
    }

    /// True when token `i` is the function word `w`.
    pub(crate) fn is(&self, i: usize, w: W) -> bool {
        self.w(i) == Some(w)
    }

    /// True when token `i` is the punctuation `c`.
    pub(crate) fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// True when token `i` exists and touches the token before it.
    pub(crate) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// The value and digit count of number token `i`.
    pub(crate) fn num(&self, i: usize) -> Option<(u32, usize)> {
        self.toks.get(i).filter(|t| t.is_number()).map(|t| (t.value, t.len()))
    }

    /// True when token `i` is a number.
    pub(crate) fn is_num(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(Token::is_number)
    }

    /// Skips a "." glued to token `i - 1` (as after "Oct"); returns the next index.
    pub(crate) fn skip_dot(&self, i: usize) -> usize {
        if self.punct(i, '.') && self.glued(i) { i + 1 } else { i }
    }

    /// Skips an optional "," at `i`.
    pub(crate) fn skip_comma(&self, i: usize) -> usize {
        if self.punct(i, ',') { i + 1 } else { i }
    }

    /// True when token `i` is a word that can start an expression or a number or an apostrophe;
    /// everything else is skipped without trying any rule.
    fn can_start(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.can_start)
    }

    /// The longest expression at `i`; modifiers ("early", "the end of") only when
    /// `with_modifiers`, so that a modifier wraps one expression without modifiers and a run
    /// of "early early early ..." cannot recurse without bound.
    fn at_with(&self, i: usize, with_modifiers: bool) -> Option<Found> {
        let mut best = None;
        self.at_into(i, with_modifiers, &mut best);
        best
    }

    /// [`Parser::at_with`] into `best`, which must be empty: like [`Parser::core_into`], a
    /// token where nothing matches leaves it alone rather than returning a whole empty
    /// match.
    fn at_into(&self, i: usize, with_modifiers: bool, best: &mut Option<Found>) {
        let modified = |k: usize| if with_modifiers { self.modified(k) } else { None };
        if self.is(i, W::The) {
            // "the" only matters before a time word or inside "the end of".
            let next_starts = self.can_start(i + 1);
            if !next_starts {
                consider(best, modified(i));
                return;
            }
        }
        // `best` is still empty: the rules fill it as `core` would.
        self.core_into(i, best);
        consider(best, modified(i));
        consider(best, quantity::approximate(self, i));
        if self.is(i, W::The) {
            let inner = [self.core(i + 1), modified(i + 1), quantity::approximate(self, i + 1)];
            for f in inner.into_iter().flatten() {
                if f.takes_the && f.start == i + 1 {
                    consider(best, Some(Found { start: i, ..f }));
                }
            }
        }
    }

    /// Expressions that start at `i` with no modifier.
    pub(crate) fn core(&self, i: usize) -> Option<Found> {
        let mut best = None;
        self.core_into(i, &mut best);
        best
    }

    /// [`Parser::core`] folded into `best` (see [`consider`]). Most tokens tried match
    /// nothing; written this way, they leave `best` alone instead of returning an empty
    /// result as large as a full one.
    fn core_into(&self, i: usize, best: &mut Option<Found>) {
        let Some(t) = self.toks.get(i) else { return };
        match t.kind {
            TokenKind::Number => {
                consider(best, dates::numeric(self, i));
                consider(best, periods::ordinal(self, i));
                consider(best, clock::clock(self, i));
                consider(best, quantity::quantity(self, i));
                consider(best, recurrence::set(self, i));
            }
            TokenKind::Punct('\'') => consider(best, periods::apostrophe(self, i)),
            TokenKind::Punct(_) => {}
            TokenKind::Word => {
                let kinds = [self.kind(i), self.alt(i)];
                for kind in kinds {
                    match kind {
                        Kind::None => {}
                        Kind::Month(_) | Kind::MonthAbbr(_) => {
                            consider(best, dates::month(self, i));
                        }
                        Kind::Weekday(_) | Kind::WeekdayAbbr(_) => {
                            consider(best, relative::weekday(self, i));
                            consider(best, dates::weekday_date(self, i));
                        }
                        Kind::Weekdays(_) | Kind::Every(_) => {
                            consider(best, recurrence::set(self, i));
                        }
                        Kind::Season(_) | Kind::Seasons(_) => {
                            consider(best, periods::season(self, i));
                            consider(best, recurrence::set(self, i));
                        }
                        Kind::Decade(_) => consider(best, periods::decade_word(self, i)),
                        Kind::Ordinal(_) => consider(best, periods::ordinal(self, i)),
                        Kind::Holiday(_) | Kind::HolidayDay(_) => {
                            consider(best, named_days::holiday(self, i));
                        }
                        Kind::DayWord(_) | Kind::Tonight => {
                            consider(best, relative::day_word(self, i));
                        }
                        Kind::ClockWord(_) => consider(best, clock::clock(self, i)),
                        Kind::Ref(_) => consider(best, relative::reference(self, i)),
                        Kind::PartOfDay(_) => consider(best, relative::part_of_day(self, i)),
                        Kind::Unit(_) | Kind::Units(_) => {
                            consider(best, relative::unit_led(self, i));
                            consider(best, quantity::quantity(self, i));
                        }
                        Kind::Cardinal(_) | Kind::Hundred | Kind::Dozen | Kind::Half => {
                            consider(best, dates::spelled_year(self, i));
                            consider(best, quantity::quantity(self, i));
                            consider(best, recurrence::set(self, i));
                        }
                        Kind::W(w) => self.function_word(i, w, best),
                        Kind::Future | Kind::Past | Kind::PresentTense | Kind::Thousand => {}
                    }
                }
            }
        }
    }

    fn function_word(&self, i: usize, w: W, best: &mut Option<Found>) {
        match w {
            W::This
            | W::Last
            | W::Next
            | W::Past
            | W::Coming
            | W::Previous
            | W::Following
            | W::Current
            | W::That
            | W::Same
            | W::Recent
            | W::Latest
            | W::Prior
            | W::Preceding
            | W::Future
            | W::Present => consider(best, relative::deictic(self, i)),
            W::A | W::Several | W::Few | W::Couple | W::Many | W::Some => {
                consider(best, quantity::quantity(self, i));
                consider(best, recurrence::set(self, i));
            }
            W::Every | W::Each | W::Per | W::Once | W::Twice => {
                consider(best, recurrence::set(self, i));
            }
            W::Fiscal => consider(best, periods::fiscal(self, i)),
            W::Q | W::H | W::Fy => consider(best, periods::shorthand(self, i)),
            W::Full | W::Entire | W::Whole => consider(best, relative::whole_unit(self, i)),
            W::New => consider(best, named_days::holiday(self, i)),
            _ => {}
        }
    }

    /// Modifiers around a date: "early next year", "mid-1990s", "the end of 1990",
    /// "earlier this month", "late yesterday". The value is the inner expression's (TimeML
    /// keeps the modifier in a separate `mod` attribute).
    ///
    /// Only the test of the first word is inlined: most tokens are not a modifier, and
    /// answering `None` from a call costs more than the test.
    #[inline]
    pub(crate) fn modified(&self, i: usize) -> Option<Found> {
        match self.w(i)? {
            W::Early | W::Late | W::Mid | W::Earlier | W::Later => self.modifier_before(i),
            W::The => self.the_part_of(i),
            _ => None,
        }
    }

    /// "early next year", "mid-1990s", "earlier this month": the modifier at `i`.
    fn modifier_before(&self, i: usize) -> Option<Found> {
        let mut j = i + 1;
        if self.punct(j, '-') {
            j += 1;
        }
        // "earlier in the day" is the same day.
        let inner = self.at_with(j, false).filter(|f| f.start == j)?;
        modifiable(&inner.expr).then_some(Found { start: i, ..inner })
    }

    /// "the end of 1990", "the beginning of the month": "the" at `i`.
    fn the_part_of(&self, i: usize) -> Option<Found> {
        let what = self.w(i + 1)?;
        if !matches!(
            what,
            W::End | W::Beginning | W::Middle | W::Start | W::Close | W::Turn | W::Rest
        ) || !self.is(i + 2, W::Of)
        {
            return None;
        }
        let j = i + 3;
        let inner = relative::unit_as_period(self, j).or_else(|| self.at_with(j, false))?;
        (inner.start == j && modifiable(&inner.expr)).then_some(Found {
            start: i,
            takes_the: false,
            ..inner
        })
    }
}

/// Expressions a modifier can wrap: dates, not durations or recurrences.
fn modifiable(expr: &Expr) -> bool {
    use super::expr::Core;
    !matches!(expr.core, Core::Duration { .. } | Core::EveryUnit { .. } | Core::EverySlot(_))
}

/// Keeps the longer of two matches (the earlier one on a tie).
pub(crate) fn consider(best: &mut Option<Found>, candidate: Option<Found>) {
    if let Some(c) = candidate
        && best.is_none_or(|b| c.end > b.end || (c.end == b.end && c.start < b.start))
    {
        *best = Some(c);
    }
}

/// Every expression in the text, in order, never overlapping.
pub(crate) fn recognize(text: &str, toks: &[Token]) -> Vec<Found> {
    let p = Parser::new(text, toks);
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(skip) = toks.get(i..).and_then(|rest| rest.iter().position(|t| t.can_start)) {
        i += skip;
        let mut best = None;
        p.at_into(i, true, &mut best);
        if let Some(f) = best
            && f.end > i
        {
            out.push(f);
            i = f.end;
        } else {
            i += 1;
        }
    }
    out
}
