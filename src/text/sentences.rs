//! Sentence splitting for news text, on top of the tokenizer.

use super::abbreviations::{Abbreviation, is_sentence_opener};
use super::tokens::{Token, TokenKind, segment};
use crate::model::Span;

/// Lines longer than this (in bytes) mean the text is not hard-wrapped, so every line is a
/// paragraph of its own (one paragraph per line, as many feeds and corpora store articles).
pub(crate) const WRAPPED_LINE_MAX_BYTES: usize = 100;

/// Splits news text into sentences: byte spans into `text`, in order, trimmed of whitespace.
///
/// - A full stop, "?", "!" or an ellipsis ends a sentence when the next word starts like a
///   sentence (capital letter, digit, opening quote); closing quotes and brackets right after
///   it (`.”`, `.)`) stay with the sentence.
/// - Abbreviations do not end sentences ("Mr.", "Gen.", "e.g.", "Oct. 12", "No. 5"), nor
///   initials ("J. R. R. Tolkien") or decimals ("2.5"); "U.S.", "Inc." and US state
///   abbreviations end one only before a typical sentence opener ("The", "He", "But").
/// - Punctuation glued to more punctuation is not a full stop: the dateline
///   "Seoul, Oct 12 (EFE).- North Korean ..." is part of the first sentence.
/// - A blank line always ends a sentence, so headlines and photo captions are sentences of
///   their own, as are list items ("- ", "* ", "• ", "1. " at the start of a line). When
///   lines are long (text not hard-wrapped), every line is a paragraph.
pub fn sentences(text: &str) -> Vec<Span> {
    segment(text).sentences
}

/// Splits `tokens` of `text` into sentences and fills in each token's `sentence` and
/// `sentence_initial`. `lines_are_paragraphs` when some line of `text` is longer than
/// [`WRAPPED_LINE_MAX_BYTES`]; the scan that made the tokens finds it, as it sees every
/// newline.
pub(crate) fn split(text: &str, tokens: &mut [Token], lines_are_paragraphs: bool) -> Vec<Span> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        if !may_bound_sentence(token) {
            i += 1;
            continue;
        }
        if i > start && breaks_before(text, tokens, i, lines_are_paragraphs) {
            close(tokens, start, i, &mut sentences);
            start = i;
        }
        if let Some(end) = full_stop_end(text, tokens, i) {
            // `end` is one past the sentence's last token (glued closing quotes included).
            close(tokens, start, end, &mut sentences);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    if start < tokens.len() {
        close(tokens, start, tokens.len(), &mut sentences);
    }
    sentences
}

fn close(tokens: &mut [Token], start: usize, end: usize, sentences: &mut Vec<Span>) {
    if start >= end {
        return;
    }
    let index = u32::try_from(sentences.len()).unwrap_or(u32::MAX);
    let mut initial_seen = false;
    for token in &mut tokens[start..end] {
        token.sentence = index;
        if !initial_seen && token.is_word_like() {
            token.sentence_initial = true;
            initial_seen = true;
        }
    }
    sentences.push(Span::new(tokens[start].span.start_byte, tokens[end - 1].span.end_byte));
}

/// True when a paragraph (or a list item, or a line of a one-paragraph-per-line text) starts
/// at token `i`.
fn breaks_before(text: &str, tokens: &[Token], i: usize, lines_are_paragraphs: bool) -> bool {
    let Some(token) = tokens.get(i) else { return false };
    match token.newlines_before {
        0 => false,
        1 => lines_are_paragraphs || is_bullet(text, tokens, i),
        _ => true,
    }
}

/// A list bullet at the start of a line: "-", "*", "•" (or similar) or "1." / "1)" followed by
/// a space.
fn is_bullet(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(token) = tokens.get(i) else { return false };
    let next_spaced = |k: usize| tokens.get(k).is_some_and(|t| t.space_before);
    match token.kind {
        TokenKind::Punct => {
            matches!(token.text(text), "-" | "*" | "•" | "‣" | "◦" | "▪" | "–" | "—" | "·")
                && next_spaced(i + 1)
        }
        TokenKind::Number => {
            token.span.len() <= 3
                && tokens
                    .get(i + 1)
                    .is_some_and(|t| !t.space_before && matches!(t.text(text), "." | ")"))
                && next_spaced(i + 2)
        }
        _ => false,
    }
}

/// False for a token that can neither start a paragraph nor end a sentence: a word, number
/// or possessive on a line already begun, with no abbreviation's period. Most tokens are,
/// so the loop of [`split`] passes over them with this one test.
#[inline]
fn may_bound_sentence(token: &Token) -> bool {
    token.newlines_before > 0 || token.abbreviation.is_some() || token.kind == TokenKind::Punct
}

/// Full stops, question and exclamation marks and ellipses. Read from the first byte: the
/// ASCII ones settle it, and the others ("…", "‼", "⁇") all start with the byte 0xE2.
fn is_terminal(text: &str, token: &Token) -> bool {
    if token.kind != TokenKind::Punct {
        return false;
    }
    match text.as_bytes().get(token.span.start_byte) {
        Some(b'.' | b'!' | b'?') => true,
        Some(0xE2) => matches!(token.text(text).chars().next(), Some('…' | '‼' | '⁇')),
        _ => false,
    }
}

fn is_closing(text: &str, token: &Token) -> bool {
    matches!(token.text(text), "”" | "\"" | "’" | "'" | ")" | "]" | "»" | "›")
}

fn is_opening(text: &str, token: &Token) -> bool {
    matches!(token.text(text), "“" | "\"" | "‘" | "'" | "(" | "[" | "«" | "‹" | "¿" | "¡")
}

/// When token `i` is a full stop (or an abbreviation that ends the sentence), the index one
/// past the sentence's last token.
fn full_stop_end(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let token = tokens.get(i)?;
    let abbreviation = token.abbreviation;
    if abbreviation.is_none() && !is_terminal(text, token) {
        return None;
    }
    // The period of a numbered list item ("1. Amur region").
    if i > 0 && (i == 1 || tokens[i - 1].newlines_before > 0) && is_bullet(text, tokens, i - 1) {
        return None;
    }
    // Further terminal punctuation and closing quotes glued on: "?!", ".”", ".)".
    let mut end = i + 1;
    while let Some(t) = tokens.get(end) {
        if t.space_before || !(is_terminal(text, t) || is_closing(text, t)) {
            break;
        }
        end += 1;
    }
    let Some(next) = tokens.get(end) else {
        return Some(end);
    };
    // Glued punctuation ("(EFE).-", "3.5", "Yahoo!News") is not a sentence end.
    if !next.space_before {
        return None;
    }
    let opener = first_word_after(text, tokens, end);
    let starts_like_sentence = opener.is_some_and(|t| {
        t.kind == TokenKind::Number || !t.text(text).starts_with(char::is_lowercase)
    });
    let is_number = opener.is_some_and(|t| t.kind == TokenKind::Number);
    let is_opener_word = opener.is_some_and(|t| is_sentence_opener(t.text(text)));
    // A quotation followed by its attribution is one sentence: “Why?” Dorgan said.
    let quoted = tokens[i + 1..end].iter().any(|t| is_closing(text, t));
    if quoted && is_attribution(text, &tokens[end..]) {
        return None;
    }
    let ends = match abbreviation {
        Some(Abbreviation::Title) => false,
        Some(Abbreviation::BeforeNumber) => starts_like_sentence && !is_number,
        Some(Abbreviation::Ordinary) => is_opener_word,
        None if token.text(text).starts_with("..") || token.text(text) == "…" => {
            is_opener_word || (starts_like_sentence && next.newlines_before > 0)
        }
        None => starts_like_sentence,
    };
    ends.then_some(end)
}

/// Speech verbs that follow a quotation and its speaker.
fn is_speech_verb(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "added"
            | "adds"
            | "told"
            | "tells"
            | "wrote"
            | "writes"
            | "explained"
            | "noted"
            | "recalled"
            | "replied"
            | "responded"
            | "continued"
            | "posed"
            | "quipped"
            | "insisted"
            | "warned"
            | "stated"
            | "declared"
            | "exclaimed"
            | "shouted"
            | "tweeted"
    )
}

/// One to three capitalised words (a speaker: "Dorgan", "Gov. Ted Strickland") and a speech
/// verb.
fn is_attribution(text: &str, tokens: &[Token]) -> bool {
    let speaker =
        tokens.iter().take(4).take_while(|t| t.kind == TokenKind::Word && t.is_capitalised());
    let words = speaker.count();
    (1..=3).contains(&words) && tokens.get(words).is_some_and(|t| is_speech_verb(t.text(text)))
}

/// The first word or number from token `k`, skipping opening quotes and brackets.
fn first_word_after<'t>(text: &str, tokens: &'t [Token], k: usize) -> Option<&'t Token> {
    tokens[k..].iter().take(3).find(|t| !is_opening(text, t)).filter(|t| t.is_word_like())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_text(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.text(text).unwrap()).collect()
    }

    #[test]
    fn full_stops_question_and_exclamation_marks_end_sentences() {
        assert_eq!(
            split_text("Kim left. Putin stayed! Why? Nobody knows."),
            ["Kim left.", "Putin stayed!", "Why?", "Nobody knows."]
        );
    }

    #[test]
    fn titles_months_and_numbered_abbreviations_do_not_end_sentences() {
        let text = "Mr. Kim met Gen. Lee on Oct. 12 at No. 5 St. Mark's Place. Then they left.";
        assert_eq!(
            split_text(text),
            ["Mr. Kim met Gen. Lee on Oct. 12 at No. 5 St. Mark's Place.", "Then they left."]
        );
    }

    #[test]
    fn capitalised_datelines_and_hyphenated_ranges_keep_their_abbreviations() {
        assert_eq!(
            split_text("ST. LOUIS – Police said. In the year (March 20-Dec. 21) it rose."),
            ["ST. LOUIS – Police said.", "In the year (March 20-Dec. 21) it rose."]
        );
        assert_eq!(
            split_text("Call 905-453-2121, ext. 1133. Thanks."),
            ["Call 905-453-2121, ext. 1133.", "Thanks."]
        );
    }

    #[test]
    fn us_and_inc_end_a_sentence_only_before_a_sentence_opener() {
        let text = "He flew to the U.S. The trip was long. The U.S. Army and Acme Inc. agreed.";
        assert_eq!(
            split_text(text),
            ["He flew to the U.S.", "The trip was long.", "The U.S. Army and Acme Inc. agreed."]
        );
    }

    #[test]
    fn initials_decimals_and_lower_case_continuations_stay_inside() {
        let text = "J. R. R. Tolkien wrote 2.5 books, e.g. this one, i.e. none. At 3 p.m. he left.";
        assert_eq!(
            split_text(text),
            ["J. R. R. Tolkien wrote 2.5 books, e.g. this one, i.e. none.", "At 3 p.m. he left."]
        );
    }

    #[test]
    fn closing_quotes_after_the_period_stay_with_the_sentence() {
        let text = "Kim said he hoped for “a new level.” Meanwhile Putin “expressed satisfaction.”";
        assert_eq!(
            split_text(text),
            ["Kim said he hoped for “a new level.”", "Meanwhile Putin “expressed satisfaction.”"]
        );
    }

    #[test]
    fn a_question_in_quotes_followed_by_lower_case_continues() {
        assert_eq!(split_text("“Why?” he asked. Nobody."), ["“Why?” he asked.", "Nobody."]);
    }

    #[test]
    fn a_quotation_and_its_attribution_stay_together() {
        let text =
            "“Would you act?” Dorgan said. “It is.” Gov. Ted Strickland added. “No.” Then silence.";
        assert_eq!(
            split_text(text),
            [
                "“Would you act?” Dorgan said.",
                "“It is.” Gov. Ted Strickland added.",
                "“No.”",
                "Then silence."
            ]
        );
    }

    #[test]
    fn datelines_belong_to_the_first_sentence() {
        let text = "Seoul, Oct 12 (EFE).- North Korean leader Kim spoke. WASHINGTON (AP) — The \
                    president said no.";
        assert_eq!(
            split_text(text),
            [
                "Seoul, Oct 12 (EFE).- North Korean leader Kim spoke.",
                "WASHINGTON (AP) — The president said no."
            ]
        );
    }

    #[test]
    fn headlines_and_captions_separated_by_blank_lines_are_sentences() {
        let text = "Putin greets Kim, 13 September 2023. EFE-EPA FILE/POOL\n\n\
                    Kim, Putin exchange messages\n\nSeoul, Oct 12 (EFE).- Text here.";
        assert_eq!(
            split_text(text),
            [
                "Putin greets Kim, 13 September 2023.",
                "EFE-EPA FILE/POOL",
                "Kim, Putin exchange messages",
                "Seoul, Oct 12 (EFE).- Text here."
            ]
        );
    }

    #[test]
    fn list_items_are_sentences_but_wrapped_lines_are_not() {
        let text = "Places named:\n- Seoul\n- Pyongyang\n1. Amur region\nThe text goes on\nover a \
                    wrapped line.";
        assert_eq!(
            split_text(text),
            [
                "Places named:",
                "- Seoul",
                "- Pyongyang",
                "1. Amur region\nThe text goes on\nover a wrapped line."
            ]
        );
    }

    #[test]
    fn long_lines_are_paragraphs() {
        let long = "A long paragraph that is not hard-wrapped, so its line goes on and on past a \
                    hundred bytes without a break";
        let text = format!("Headline without a stop\n{long}");
        assert_eq!(split_text(&text), ["Headline without a stop", long]);
    }

    #[test]
    fn an_ellipsis_ends_a_sentence_only_before_an_opener() {
        assert_eq!(
            split_text("He waited... The end. Oct… Kim"),
            ["He waited...", "The end.", "Oct… Kim"]
        );
    }

    #[test]
    fn sentence_initial_words_and_indices_are_marked() {
        let segmentation = segment("“Seoul is far.” Kim left.");
        let initial: Vec<_> =
            segmentation.tokens.iter().filter(|t| t.sentence_initial).map(|t| t.span).collect();
        assert_eq!(initial, [Span::new(3, 8), Span::new(20, 23)]);
        assert_eq!(segmentation.tokens.last().unwrap().sentence, 1);
    }

    #[test]
    fn empty_and_blank_texts_have_no_sentences() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\t ").is_empty());
    }
}

#[cfg(test)]
mod sample {
    use super::*;

    #[test]
    fn the_sample_article_splits_as_a_reader_would() {
        let text = crate::SAMPLE_ARTICLE;
        let split: Vec<&str> = sentences(text).iter().map(|s| s.text(text).unwrap()).collect();
        assert_eq!(split.len(), 16, "{split:#?}");
        assert!(split[0].starts_with("Russian President") && split[0].ends_with("2023."));
        assert_eq!(
            split[1],
            "EFE-EPA FILE/MIKHAIL METZEL /SPUTNIK / KREMLIN POOL MANDATORY CREDIT"
        );
        assert_eq!(split[2], "Kim, Putin exchange messages on 75th anniversary of bilateral ties");
        assert!(split[3].starts_with("Seoul, Oct 12 (EFE).- North Korean leader"));
        assert!(split[3].ends_with("KCNA reported on Thursday."));
        assert!(split[5].starts_with("“I am very") && split[5].ends_with("according to KCNA."));
        assert!(split[6].ends_with("in the future, too.”"));
        assert!(split[13].starts_with("On Oct. 12, 1948, the Soviet Union"));
        assert_eq!(split[15], "EFE");
    }
}
