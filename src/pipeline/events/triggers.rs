//! The words that signal a reported happening ("met", "summit", "exchanged", "recognize"),
//! what sort of event each signals and whether it can stand as a noun.
//!
//! Word forms are listed, not stemmed: "establishing" in "the anniversary of their countries
//! establishing ties" names an old event as background, and most "-ing" forms do the same, so
//! only the nouns among them ("meeting", "shelling") are triggers.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::model::EventKind;

/// How a trigger word can be used, which decides whether a determiner before it makes it a
/// reference to an event told elsewhere ("the summit") rather than a new one ("a summit").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// Only a verb form: "met", "showed".
    Verb,
    /// A noun ("summit", "defeat") or a word that is both ("visit", "exchange", "deal").
    Noun,
}

/// Whether the trigger is the event itself or the report of another one in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A happening in its own right.
    Happening,
    /// Attribution ("KCNA reported", "according to"): its source and date go to the
    /// sentence's happening; alone in a sentence it is a report event.
    Attribution,
}

/// One trigger word's meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Trigger {
    /// The sort of event.
    pub kind: EventKind,
    /// Verb or noun.
    pub part: Part,
    /// Happening or attribution.
    pub role: Role,
}

use EventKind::{
    Agreement, Communication, Conflict, Meeting, Movement, Observation, Other, Political, Report,
    Statement,
};
use Part::{Noun, Verb};

/// (folded word, kind, part). Attribution words are in [`ATTRIBUTION`].
const WORDS: &[(&str, EventKind, Part)] = &[
    // Meetings and visits.
    ("meet", Meeting, Verb),
    ("meets", Meeting, Verb),
    ("met", Meeting, Verb),
    ("meeting", Meeting, Noun),
    ("meetings", Meeting, Noun),
    ("greet", Meeting, Verb),
    ("greets", Meeting, Verb),
    ("greeted", Meeting, Verb),
    ("summit", Meeting, Noun),
    ("summits", Meeting, Noun),
    ("visit", Meeting, Noun),
    ("visits", Meeting, Noun),
    ("visited", Meeting, Verb),
    ("talks", Meeting, Noun),
    ("hosted", Meeting, Verb),
    ("hosts", Meeting, Verb),
    ("conference", Meeting, Noun),
    ("negotiations", Meeting, Noun),
    // Messages, calls, letters.
    ("exchange", Communication, Noun),
    ("exchanges", Communication, Noun),
    ("exchanged", Communication, Verb),
    ("phoned", Communication, Verb),
    ("telephoned", Communication, Verb),
    ("wrote", Communication, Verb),
    ("congratulated", Communication, Verb),
    ("letter", Communication, Noun),
    ("call", Communication, Noun),
    // Statements.
    ("said", Statement, Verb),
    ("says", Statement, Verb),
    ("announced", Statement, Verb),
    ("announces", Statement, Verb),
    ("declared", Statement, Verb),
    ("stated", Statement, Verb),
    ("warned", Statement, Verb),
    ("warns", Statement, Verb),
    ("objected", Statement, Verb),
    ("criticised", Statement, Verb),
    ("criticized", Statement, Verb),
    ("condemned", Statement, Verb),
    ("condemns", Statement, Verb),
    ("denied", Statement, Verb),
    ("urged", Statement, Verb),
    ("vowed", Statement, Verb),
    ("pledged", Statement, Verb),
    ("promised", Statement, Verb),
    ("expressed", Statement, Verb),
    ("stressed", Statement, Verb),
    ("claimed", Statement, Verb),
    ("threatened", Statement, Verb),
    ("accused", Statement, Verb),
    ("protested", Statement, Verb),
    // Agreements and recognition.
    ("recognize", Agreement, Verb),
    ("recognise", Agreement, Verb),
    ("recognized", Agreement, Verb),
    ("recognised", Agreement, Verb),
    ("recognition", Agreement, Noun),
    ("agreed", Agreement, Verb),
    ("agrees", Agreement, Verb),
    ("agreement", Agreement, Noun),
    ("deal", Agreement, Noun),
    ("treaty", Agreement, Noun),
    ("accord", Agreement, Noun),
    ("accords", Agreement, Noun),
    ("signed", Agreement, Verb),
    ("signs", Agreement, Verb),
    ("ratified", Agreement, Verb),
    ("established", Agreement, Verb),
    ("normalized", Agreement, Verb),
    ("normalised", Agreement, Verb),
    ("ceasefire", Agreement, Noun),
    ("truce", Agreement, Noun),
    // Observations.
    ("showed", Observation, Verb),
    ("show", Observation, Verb),
    ("shows", Observation, Verb),
    ("shown", Observation, Verb),
    ("observed", Observation, Verb),
    ("detected", Observation, Verb),
    ("spotted", Observation, Verb),
    ("recorded", Observation, Verb),
    ("measured", Observation, Verb),
    // Conflict.
    ("defeat", Conflict, Noun),
    ("defeated", Conflict, Verb),
    ("attack", Conflict, Noun),
    ("attacks", Conflict, Noun),
    ("attacked", Conflict, Verb),
    ("invaded", Conflict, Verb),
    ("invasion", Conflict, Noun),
    ("bombed", Conflict, Verb),
    ("bombing", Conflict, Noun),
    ("bombings", Conflict, Noun),
    ("shelled", Conflict, Verb),
    ("shelling", Conflict, Noun),
    ("airstrike", Conflict, Noun),
    ("airstrikes", Conflict, Noun),
    ("strike", Conflict, Noun),
    ("strikes", Conflict, Noun),
    ("struck", Conflict, Verb),
    ("fighting", Conflict, Noun),
    ("clashes", Conflict, Noun),
    ("clashed", Conflict, Verb),
    ("battle", Conflict, Noun),
    ("killed", Conflict, Verb),
    ("captured", Conflict, Verb),
    ("surrendered", Conflict, Verb),
    ("surrender", Conflict, Noun),
    ("fired", Conflict, Verb),
    ("shot", Conflict, Verb),
    ("shooting", Conflict, Noun),
    ("explosion", Conflict, Noun),
    // Movement.
    ("launched", Movement, Verb),
    ("launch", Movement, Noun),
    ("travelled", Movement, Verb),
    ("traveled", Movement, Verb),
    ("arrived", Movement, Verb),
    ("arrives", Movement, Verb),
    ("flew", Movement, Verb),
    ("departed", Movement, Verb),
    ("deployed", Movement, Verb),
    ("shipped", Movement, Verb),
    ("crossed", Movement, Verb),
    ("fled", Movement, Verb),
    ("evacuated", Movement, Verb),
    ("landed", Movement, Verb),
    // Political acts.
    ("proclaimed", Political, Verb),
    ("elected", Political, Verb),
    ("election", Political, Noun),
    ("elections", Political, Noun),
    ("founded", Political, Verb),
    ("annexed", Political, Verb),
    ("annexation", Political, Noun),
    ("appointed", Political, Verb),
    ("resigned", Political, Verb),
    ("inaugurated", Political, Verb),
    ("sanctioned", Political, Verb),
    ("imposed", Political, Verb),
    ("voted", Political, Verb),
    ("referendum", Political, Noun),
    ("independence", Political, Noun),
    // Other happenings.
    ("died", Other, Verb),
    ("arrested", Other, Verb),
    ("charged", Other, Verb),
    ("sentenced", Other, Verb),
    ("earthquake", Other, Noun),
    ("flood", Other, Noun),
    ("floods", Other, Noun),
    ("flooding", Other, Noun),
    ("hurricane", Other, Noun),
    ("storm", Other, Noun),
    ("wildfire", Other, Noun),
    ("outbreak", Other, Noun),
    ("crash", Other, Noun),
    ("crashed", Other, Verb),
    ("protest", Other, Noun),
    ("protests", Other, Noun),
    ("rally", Other, Noun),
];

/// [`WORDS`] by word: every word token of a document is looked up, so a scan of the list
/// would cost more than the rest of event extraction.
static BY_WORD: LazyLock<FxHashMap<&'static str, (EventKind, Part)>> =
    LazyLock::new(|| WORDS.iter().rev().map(|&(w, kind, part)| (w, (kind, part))).collect());

/// Attribution words: the report of an event, not the event.
const ATTRIBUTION: &[&str] = &["reported", "reports", "according", "quoted", "cited"];

/// For each pair of lower-case first letters, the lengths of trigger and attribution words
/// starting with it (bit `n` for `n` bytes): nearly every word of a text is passed over with
/// this one look-up, before any string is compared or hashed. Two letters rather than one:
/// with one, a third of all words ("state", "since", "should") went on to the hash look-up.
const FIRST_LETTERS_LENGTHS: [u32; 26 * 26] = first_letters_lengths();

const fn first_letters_lengths() -> [u32; 26 * 26] {
    let mut masks = [0u32; 26 * 26];
    let mut i = 0;
    while i < WORDS.len() {
        add_length(&mut masks, WORDS[i].0);
        i += 1;
    }
    let mut i = 0;
    while i < ATTRIBUTION.len() {
        add_length(&mut masks, ATTRIBUTION[i]);
        i += 1;
    }
    masks
}

const fn add_length(masks: &mut [u32; 26 * 26], word: &str) {
    let b = word.as_bytes();
    assert!(b.len() >= 2 && b.len() < 32 && b[0].is_ascii_lowercase() && b[1].is_ascii_lowercase());
    masks[letter_pair(b[0], b[1])] |= 1 << b.len();
}

/// The index of two lower-case ASCII letters in [`FIRST_LETTERS_LENGTHS`].
const fn letter_pair(first: u8, second: u8) -> usize {
    (first - b'a') as usize * 26 + (second - b'a') as usize
}

/// False for a word that no trigger or attribution word can be: its first two letters and
/// length match none. [`trigger`] asks this before any string is compared or hashed.
#[inline]
fn may_trigger(word: &str) -> bool {
    match *word.as_bytes() {
        [first, second, ..]
            if first.is_ascii_lowercase() && second.is_ascii_lowercase() && word.len() < 32 =>
        {
            FIRST_LETTERS_LENGTHS[letter_pair(first, second)] & (1 << word.len()) != 0
        }
        _ => false,
    }
}

/// The trigger a folded word is, if any. "according" counts only before "to" (`next`, the
/// next folded word, asked for only then: callers scan every word of a text).
#[inline]
pub(crate) fn trigger<'a>(word: &str, next: impl FnOnce() -> &'a str) -> Option<Trigger> {
    if !may_trigger(word) {
        return None;
    }
    listed_trigger(word, next)
}

/// [`trigger`] for a word past the filter. Kept out of line so that the filter, inlined into
/// the callers' loops, costs only its few instructions for the words it turns away.
#[inline(never)]
fn listed_trigger<'a>(word: &str, next: impl FnOnce() -> &'a str) -> Option<Trigger> {
    if ATTRIBUTION.contains(&word) {
        if word == "according" && next() != "to" {
            return None;
        }
        return Some(Trigger { kind: Report, part: Verb, role: Role::Attribution });
    }
    BY_WORD.get(word).map(|&(kind, part)| Trigger { kind, part, role: Role::Happening })
}

/// Words that, shortly before a trigger, make it unreal or denied: "could result in
/// sanctions", "did not meet".
pub(crate) fn is_irrealis(word: &str) -> bool {
    matches!(
        word,
        "could"
            | "would"
            | "might"
            | "may"
            | "should"
            | "will"
            | "can"
            | "cannot"
            | "not"
            | "never"
            | "n't"
            | "if"
            | "unless"
            | "planned"
            | "plans"
            | "expected"
            | "hopes"
            | "hoped"
            | "wants"
            | "wanted"
    )
}

/// Determiners that make a noun trigger a reference to an event told elsewhere: "the
/// summit", "this deal", "their meeting".
pub(crate) fn is_referring(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "such"
            | "said"
    )
}

/// Verbs a noun trigger's event is told with ("held a summit", "paid a visit"): the summary
/// starts at them.
pub(crate) fn is_light_verb(word: &str) -> bool {
    matches!(
        word,
        "held"
            | "hold"
            | "holds"
            | "had"
            | "has"
            | "have"
            | "paid"
            | "pay"
            | "pays"
            | "made"
            | "make"
            | "makes"
            | "staged"
            | "launched"
            | "began"
            | "begun"
            | "started"
            | "signed"
            | "reached"
            | "struck"
            | "carried"
            | "conducted"
            | "attended"
            | "opened"
    )
}

/// Prepositions: a noun phrase does not reach back across them.
pub(crate) fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "of"
            | "to"
            | "for"
            | "with"
            | "from"
            | "by"
            | "during"
            | "after"
            | "before"
            | "over"
            | "into"
            | "amid"
            | "against"
            | "under"
            | "about"
            | "since"
            | "until"
            | "between"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_and_noun_forms_are_triggers_but_background_gerunds_are_not() {
        assert_eq!(trigger("met", || "").map(|t| t.kind), Some(Meeting));
        assert_eq!(trigger("summit", || "").map(|t| t.part), Some(Noun));
        assert_eq!(trigger("establishing", || ""), None);
    }

    #[test]
    fn according_is_attribution_only_before_to() {
        assert_eq!(trigger("according", || "to").map(|t| t.role), Some(Role::Attribution));
        assert_eq!(trigger("according", || "as"), None);
    }

    #[test]
    fn every_listed_word_passes_the_first_letters_filter() {
        assert!(WORDS.iter().all(|w| may_trigger(w.0)));
        assert!(ATTRIBUTION.iter().all(|w| may_trigger(w)));
        assert!(!may_trigger("the") && !may_trigger("") && !may_trigger("Met"));
        assert!(!may_trigger("m") && !may_trigger("they") && !may_trigger("which"));
    }

    #[test]
    fn the_word_list_has_no_duplicates() {
        let mut words: Vec<&str> = WORDS.iter().map(|w| w.0).collect();
        words.sort_unstable();
        let n = words.len();
        words.dedup();
        assert_eq!(words.len(), n);
    }
}
