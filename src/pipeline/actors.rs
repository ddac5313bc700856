//! People and organisations. Found before places because they block false places: "Vladimir"
//! in "Vladimir Putin" and "Kim" (a town in India) are names of people, "EFE" is an agency.
//!
//! Persons come from titles and roles ("President Vladimir Putin", "leader Kim Jong Un",
//! "Gov. Smith"), given names ("Chad Johnson"), East Asian surname-first names ("Kim Jong-un",
//! "Xi Jinping"), verbs of saying ("Smith said"), and later short references ("Kim", "Putin")
//! to a person already found. Organisations come from acronyms the gazetteer does not know as
//! places ("KCNA", "NATO"), the agency of a dateline ("(EFE)"), "news agency X", and names
//! ending in a head word ("Ohio State University", "Dublin City Council").
//!
//! Place names inside an organisation's name stay place mentions: the public gold corpora
//! annotate "Ohio" in "Ohio State University" and "Washington" in "The Washington Post"
//! (GeoWebNews's Embedded_Literal / Embedded_Non_Lit types, LGL likewise). Place names inside
//! a person's name never are.

use rustc_hash::{FxHashMap, FxHashSet};

use super::Resources;
use super::dateline::Dateline;
use super::tokens::Tokens;
use super::words::{
    AGENCY_CUES, CALENDAR_WORDS, EAST_ASIAN_SURNAMES, FirstBytes, GENERIC_SUFFIXES,
    ORGANISATION_HEADS, PERSON_PARTICLES, PERSON_TITLES, SPEECH_VERBS, TITLES_THAT_START_PLACES,
    generic, is_given_name,
};
use crate::model::{ActorKind, Span};

/// Longest person name in words ("Martin Luther King Jr").
const PERSON_MAX_WORDS: usize = 4;

/// Longest organisation name in words.
const ORGANISATION_MAX_WORDS: usize = 7;

/// Acronyms are 2 to this many letters ("UN", "KCNA", "UNICEF").
const ACRONYM_MAX_LETTERS: usize = 7;

/// One person or organisation with the token ranges that name it.
#[derive(Clone, Debug)]
pub(crate) struct FoundActor {
    /// Canonical name: the longest way the text names it.
    pub name: String,
    /// Person or organisation.
    pub kind: ActorKind,
    /// Token ranges (end exclusive), sorted.
    pub ranges: Vec<(usize, usize)>,
    /// Byte spans of the ranges (for hyphen-free joins they equal the token spans).
    pub spans: Vec<Span>,
}

/// The actors of a document and which tokens they cover.
#[derive(Debug, Default)]
pub(crate) struct Actors {
    /// Every actor, in order of first mention.
    pub list: Vec<FoundActor>,
    /// Per token: inside a person's name.
    pub person: Vec<bool>,
    /// Per token: an organisation that is not a place (an acronym or agency).
    pub organisation: Vec<bool>,
    /// Per token: inside a longer organisation name (places there are embedded).
    pub in_organisation: Vec<bool>,
}

impl Actors {
    /// True when token `i` is part of a person's name.
    pub fn is_person(&self, i: usize) -> bool {
        self.person.get(i).copied().unwrap_or(false)
    }

    /// True when token `i` is an acronym or agency that names an organisation.
    pub fn is_organisation(&self, i: usize) -> bool {
        self.organisation.get(i).copied().unwrap_or(false)
    }

    /// True when token `i` sits inside a longer organisation name.
    pub fn in_organisation(&self, i: usize) -> bool {
        self.in_organisation.get(i).copied().unwrap_or(false)
    }
}

/// Finds the people and organisations of a document.
pub(crate) fn find_actors(
    t: &Tokens<'_>,
    res: &Resources,
    dateline: Option<&Dateline>,
    credits: &[(usize, usize)],
) -> Actors {
    let n = t.len();
    let mut in_credit = vec![false; n];
    for &(s, e) in credits {
        in_credit.iter_mut().take(e).skip(s).for_each(|c| *c = true);
    }
    let mut found = Finder {
        t,
        res,
        persons: Vec::new(),
        orgs: Vec::new(),
        taken: vec![false; n],
        key: String::new(),
    };
    if let Some(agency) = dateline.and_then(|d| d.agency) {
        found.org(agency);
    }
    // Every finder starts at a capitalised word or just before one (a title), so the passes
    // below visit these few tokens instead of every token of the document.
    // About one token in six is capitalised in news; a headline has more.
    let mut capitals = Vec::with_capacity(n / 4);
    for i in 0..n {
        if t.is_capitalised(i) {
            capitals.push(i);
        }
    }
    // Titles, East Asian and given names all start with a word and need a capitalised word
    // after it. The three look that first word up in their lists: it is folded once for them.
    let mut next = 0;
    for i in capitals.iter().filter_map(|&c| c.checked_sub(1)) {
        if i < next || in_credit[i] || found.taken[i] || !t.is_word(i) {
            continue;
        }
        let word = t.folded(i);
        if let Some(end) = found
            .titled_person(i, word)
            .or_else(|| found.east_asian_person(i, word))
            .or_else(|| found.given_name_person(i, word))
        {
            next = end;
        }
    }
    // One pass for both: a speaker found at `i` covers tokens from `i` on, so the acronym test
    // at `i` sees the same tokens taken as it would after a whole pass of speakers.
    for &i in &capitals {
        if !in_credit[i] && !found.taken[i] {
            found.speaking_person(i);
        }
        if !in_credit[i] && !found.taken[i] {
            found.acronym_or_agency(i);
        }
    }
    found.short_references(&capitals, &in_credit);
    let organisations = found.named_organisations(&capitals, &in_credit);
    found.finish(organisations)
}

struct Finder<'a, 't> {
    t: &'a Tokens<'t>,
    res: &'a Resources,
    persons: Vec<(usize, usize)>,
    orgs: Vec<(usize, usize)>,
    taken: Vec<bool>,
    /// The buffer [`key_into`] writes candidate names' keys to.
    key: String,
}

impl Finder<'_, '_> {
    fn person(&mut self, range: (usize, usize)) {
        self.taken.iter_mut().take(range.1).skip(range.0).for_each(|x| *x = true);
        self.persons.push(range);
    }

    fn org(&mut self, range: (usize, usize)) {
        self.taken.iter_mut().take(range.1).skip(range.0).for_each(|x| *x = true);
        self.orgs.push(range);
    }

    /// True for a word English writes in lower case ("credit", "assembly"): not a name.
    fn is_common(&self, i: usize) -> bool {
        self.res.is_common_word(self.t.folded(i))
    }

    /// "President Vladimir Putin", "leader Kim Jong Un", "Gov. Smith". `word` is token `i`
    /// folded.
    fn titled_person(&mut self, i: usize, word: &str) -> Option<usize> {
        let t = self.t;
        // A name must follow (see `name_run`): that test is cheaper than the word list.
        if !t.is_word(i) || !t.is_capitalised(i + 1) || !PERSON_TITLES.contains(word) {
            return None;
        }
        let start = i + 1;
        let end = self.name_run(start)?;
        // "King County", "General Santos": a title word that starts a place name.
        if TITLES_THAT_START_PLACES.contains(word)
            && t.is_capitalised(i)
            && self.res.names_place(key_into(t, &mut self.key, i, end.min(i + 3)))
        {
            return None;
        }
        self.person((start, end));
        Some(end)
    }

    /// "Kim Jong Un", "Kim Jong-un", "Moon Jae-in", "Xi Jinping". `word` is token `i` folded.
    fn east_asian_person(&mut self, i: usize, word: &str) -> Option<usize> {
        let t = self.t;
        if !(t.is_capitalised(i)
            && !t.is_upper(i)
            && t.is_capitalised(i + 1)
            && EAST_ASIAN_SURNAMES.contains(word))
        {
            return None;
        }
        let next = i + 1;
        if !t.is_capitalised(next) || t.is_upper(next) || self.is_common(next) {
            return None;
        }
        if generic(GENERIC_SUFFIXES, t.folded(next)).is_some()
            || ORGANISATION_HEADS.contains(t.folded(next))
            || self.res.names_place(key_into(t, &mut self.key, i, next + 1))
        {
            return None;
        }
        let hyphenated = t.get(next).is_some_and(|tok| tok.hyphenated);
        let third_syllable = t.is_capitalised(next + 2)
            && !t.is_upper(next + 2)
            && t.text_of(next + 2).chars().count() <= 4
            && !self.is_common(next + 2);
        let end = if third_syllable && !hyphenated { next + 2 } else { next + 1 };
        // A lone second word must look like a given name, not a place ("Ma Anshan" aside).
        if !hyphenated && !third_syllable && self.res.strong_place(t.folded(next)) {
            return None;
        }
        self.person((i, end));
        Some(end)
    }

    /// "Chad Johnson", "Virginia Smith", "John F. Kennedy", not "Virginia Beach". `word` is
    /// token `i` folded.
    fn given_name_person(&mut self, i: usize, word: &str) -> Option<usize> {
        let t = self.t;
        // A capitalised word follows in every name this finds (a middle initial or the
        // surname): testing that first spares most given-name lookups.
        if !t.is_capitalised(i) || t.is_upper(i) || !t.is_capitalised(i + 1) || !is_given_name(word)
        {
            return None;
        }
        let mut end = i + 1;
        // A middle initial ("F.").
        if t.is_capitalised(end) && t.text_of(end).trim_end_matches('.').chars().count() == 1 {
            end += 1;
        }
        if !t.is_capitalised(end) || t.is_upper(end) || self.is_common(end) {
            return None;
        }
        let surname = t.folded(end);
        if generic(GENERIC_SUFFIXES, surname).is_some()
            || ORGANISATION_HEADS.contains(surname)
            || CALENDAR_WORDS.contains(surname)
            || matches!(surname, "city" | "state" | "beach" | "island" | "valley" | "falls")
        {
            return None;
        }
        let key = key_into(t, &mut self.key, i, end + 1);
        if self.res.names_place(key) || self.res.has_longer_place(key) {
            return None;
        }
        end += 1;
        // "Jr", "III" and a second surname.
        if t.is_capitalised(end)
            && !t.is_upper(end)
            && !self.is_common(end)
            && end - i < PERSON_MAX_WORDS
            && !self.res.strong_place(t.folded(end))
        {
            end += 1;
        }
        self.person((i, end));
        Some(end)
    }

    /// "Smith said", "said Smith": a name next to a verb of saying, unless it is a country,
    /// region or large city speaking for its government ("Moscow said").
    fn speaking_person(&mut self, i: usize) {
        let t = self.t;
        if !t.is_capitalised(i) || t.is_upper(i) || (i > 0 && t.is_capitalised(i - 1)) {
            return;
        }
        let mut end = i;
        while end < t.len() && end - i < 3 && t.is_capitalised(end) && !t.is_upper(end) {
            end += 1;
        }
        let after_said = i > 0 && !t.is_word(end) && SPEECH_VERBS.contains(t.folded(i - 1));
        let before_said = t.is_word(end) && SPEECH_VERBS.contains(t.folded(end));
        if !(after_said || before_said) || (i..end).any(|k| self.taken[k] || self.is_common(k)) {
            return;
        }
        if self.res.metonym_place(key_into(t, &mut self.key, i, end)) {
            return;
        }
        self.person((i, end));
    }

    /// Acronyms that are not places ("KCNA", "NATO", "EFE") and names after "agency".
    fn acronym_or_agency(&mut self, i: usize) {
        let t = self.t;
        // The letters are counted only for all-caps words: this runs for every token.
        let plain = |text: &str| text.chars().all(|c| c.is_ascii_uppercase());
        let letters = |text: &str| text.chars().filter(|c| c.is_alphabetic()).count();
        if t.is_upper(i)
            && plain(t.text_of(i))
            && !t.in_caps_run(i)
            && (2..=ACRONYM_MAX_LETTERS).contains(&letters(t.text_of(i)))
        {
            if !self.res.acronym_is_place(t.folded(i)) {
                self.org((i, i + 1));
            }
            return;
        }
        if i > 0
            && t.is_capitalised(i)
            && t.is_lower(i - 1)
            && AGENCY_CUES.contains(t.folded(i - 1))
            && !self.res.strong_place(t.folded(i))
        {
            self.org((i, i + 1));
        }
    }

    /// Links later and earlier single-word references ("Kim", "Putin") to persons found.
    fn short_references(&mut self, capitals: &[usize], in_credit: &[bool]) {
        let t = self.t;
        // The surnames of persons named in full. Whether one is also a strong place, which
        // costs a walk of the name index, is asked only when it stands alone somewhere.
        let surnames: FxHashSet<&str> = self
            .persons
            .iter()
            .filter(|&&(s, e)| e - s >= 2)
            // Korean and Chinese names put the surname first, others last.
            .map(|&(s, e)| if EAST_ASIAN_SURNAMES.contains(t.folded(s)) { s } else { e - 1 })
            .map(|surname| t.folded(surname))
            .collect();
        if surnames.is_empty() {
            return;
        }
        let mut first_bytes = FirstBytes::default();
        surnames.iter().for_each(|w| first_bytes.add(w));
        for &i in capitals {
            if self.taken[i] || in_credit[i] || t.is_upper(i) {
                continue;
            }
            // "Kim" alone, not "Kim Yo Jong" (another person) nor "Putin Street".
            if t.is_capitalised(i + 1) && !t.is_upper(i + 1) {
                continue;
            }
            let word = t.folded(i);
            if first_bytes.may_contain(word)
                && surnames.contains(word)
                && !self.res.strong_place(word)
            {
                self.person((i, i + 1));
            }
        }
    }

    /// "Ohio State University", "University of Oregon", "Dublin City Council": capitalised
    /// runs that end in (or start with) an organisation head word.
    fn named_organisations(&self, capitals: &[usize], in_credit: &[bool]) -> Vec<(usize, usize)> {
        let t = self.t;
        let mut out = Vec::new();
        let mut next = 0;
        for &i in capitals {
            if i < next || in_credit[i] || self.taken[i] {
                continue;
            }
            let mut end = i;
            let mut last_head = None;
            while end < t.len() && end - i < ORGANISATION_MAX_WORDS {
                let particle = t.is_lower(end)
                    && matches!(t.folded(end), "of" | "for" | "and" | "on")
                    && t.is_capitalised(end + 1);
                if !(t.is_capitalised(end) || particle) || self.taken[end] {
                    break;
                }
                if t.is_capitalised(end) && ORGANISATION_HEADS.contains(t.folded(end)) {
                    last_head = Some(end);
                }
                end += 1;
            }
            let head_first = t.is_capitalised(i)
                && ORGANISATION_HEADS.contains(t.folded(i))
                && t.folded(i + 1) == "of"
                && end > i + 2;
            match last_head {
                Some(h) if h > i || head_first => {
                    let stop = if head_first { end } else { h + 1 };
                    out.push((i, stop));
                    next = stop;
                }
                _ => next = end.max(i + 1),
            }
        }
        out
    }

    fn finish(self, organisations: Vec<(usize, usize)>) -> Actors {
        let t = self.t;
        let n = t.len();
        let marked = |ranges: &[(usize, usize)]| {
            let mut marks = vec![false; n];
            for &(s, e) in ranges {
                marks.get_mut(s..e).into_iter().for_each(|m| m.fill(true));
            }
            marks
        };
        let (person, organisation) = (marked(&self.persons), marked(&self.orgs));
        let in_organisation = marked(&organisations);
        let mut list: Vec<FoundActor> = Vec::new();
        // Key -> the actor of that name, [organisation, person].
        let mut by_key: FxHashMap<String, [Option<usize>; 2]> = FxHashMap::default();
        let persons = self.persons.iter().map(|r| (r, ActorKind::Person));
        let orgs = self.orgs.iter().chain(&organisations).map(|r| (r, ActorKind::Organisation));
        let mut all: Vec<_> = persons.chain(orgs).collect();
        all.sort_by_key(|(r, _)| r.0);
        // Full names first, so that "Kim" joins "Kim Jong Un" whichever comes first.
        let full = all.iter().filter(|(r, _)| r.1 - r.0 > 1);
        let mut key = self.key;
        for &(&(s, e), kind) in full.chain(all.iter().filter(|(r, _)| r.1 - r.0 <= 1)) {
            let key = key_into(t, &mut key, s, e);
            let is_person = kind == ActorKind::Person;
            let index =
                by_key.get(key).and_then(|kinds| kinds[usize::from(is_person)]).or_else(|| {
                    // A surname alone joins the full name that has it.
                    (e - s == 1 && is_person).then(|| {
                        list.iter().position(|a| {
                            a.kind == ActorKind::Person
                                && a.ranges.iter().any(|&(ps, pe)| {
                                    pe - ps > 1 && (t.folded(ps) == key || t.folded(pe - 1) == key)
                                })
                        })
                    })?
                });
            match index {
                Some(x) => {
                    list[x].ranges.push((s, e));
                    list[x].spans.push(t.span(s, e));
                }
                None => {
                    // The key is copied only for a name not seen before.
                    match by_key.get_mut(key) {
                        Some(kinds) => kinds[usize::from(is_person)] = Some(list.len()),
                        None => {
                            let mut kinds = [None; 2];
                            kinds[usize::from(is_person)] = Some(list.len());
                            by_key.insert(key.to_owned(), kinds);
                        }
                    }
                    list.push(FoundActor {
                        // Named below, after the longest way the text names it.
                        name: String::new(),
                        kind,
                        ranges: vec![(s, e)],
                        spans: vec![t.span(s, e)],
                    });
                }
            }
        }
        for a in &mut list {
            a.ranges.sort_unstable();
            a.spans.sort_unstable();
            if let Some(longest) =
                a.ranges.iter().max_by_key(|r| (r.1 - r.0, std::cmp::Reverse(r.0)))
            {
                // "Xi Jinping." at a sentence end: the full stop is not part of the name.
                let name = t.slice(longest.0, longest.1);
                let last_word_len = name.len() - name.rfind(' ').map_or(0, |at| at + 1);
                a.name =
                    if last_word_len > 3 { name.trim_end_matches('.') } else { name }.to_owned();
            }
        }
        list.sort_by_key(|a| a.ranges.first().copied());
        Actors { list, person, organisation, in_organisation }
    }

    /// End of the run of capitalised name words starting at `i` (at most
    /// [`PERSON_MAX_WORDS`]), or `None` when no name starts there.
    fn name_run(&self, i: usize) -> Option<usize> {
        let t = self.t;
        if !t.is_capitalised(i) || t.in_caps_run(i) || self.is_common(i) {
            return None;
        }
        if generic(GENERIC_SUFFIXES, t.folded(i)).is_some() || CALENDAR_WORDS.contains(t.folded(i))
        {
            return None;
        }
        let mut end = i;
        while end < t.len() && end - i < PERSON_MAX_WORDS {
            let particle = t.is_lower(end)
                && PERSON_PARTICLES.contains(t.folded(end))
                && t.is_capitalised(end + 1)
                && end > i;
            if !(t.is_capitalised(end) || particle) || t.in_caps_run(end) {
                break;
            }
            if end > i && t.is_capitalised(end) && ORGANISATION_HEADS.contains(t.folded(end)) {
                break;
            }
            end += 1;
        }
        Some(end)
    }
}

/// Writes the folded key of tokens `i..j` to `out`, exactly as [`Tokens::key`] makes it, and
/// returns it: one buffer serves every candidate name of a document, where each key would
/// otherwise be a new string grown a word at a time.
fn key_into<'k>(t: &Tokens<'_>, out: &'k mut String, i: usize, j: usize) -> &'k str {
    out.clear();
    let mut previous_single = false;
    for k in i..j.min(t.len()) {
        t.extend_key(out, &mut previous_single, k);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::Resources;

    fn actors(text: &str) -> Vec<(String, ActorKind, usize)> {
        let res = Resources::embedded();
        let t = Tokens::new(text);
        let dateline = super::super::dateline::find_dateline(&t);
        let credits = super::super::credits::find_credits(&t);
        find_actors(&t, &res, dateline.as_ref(), &credits)
            .list
            .into_iter()
            .map(|a| (a.name, a.kind, a.spans.len()))
            .collect()
    }

    fn person(name: &str, count: usize) -> (String, ActorKind, usize) {
        (name.to_owned(), ActorKind::Person, count)
    }

    #[test]
    fn titles_introduce_people_and_surnames_refer_back_to_them() {
        let found = actors(
            "Prime Minister Rishi Sunak met Gov. Ron DeSantis in Tampa. Later Sunak flew home.",
        );
        assert!(found.contains(&person("Rishi Sunak", 2)), "{found:?}");
        assert!(found.contains(&person("Ron DeSantis", 1)), "{found:?}");
    }

    #[test]
    fn east_asian_names_put_the_surname_first() {
        let found = actors("Moon Jae-in greeted Xi Jinping. Moon said the talks went well.");
        assert!(found.contains(&person("Moon Jae-in", 2)), "{found:?}");
        assert!(found.contains(&person("Xi Jinping", 1)), "{found:?}");
    }

    #[test]
    fn a_given_name_makes_a_person_but_not_when_the_pair_is_a_place() {
        let found = actors("Chad Johnson moved to Virginia Beach last year.");
        assert!(found.contains(&person("Chad Johnson", 1)), "{found:?}");
        assert!(!found.iter().any(|a| a.0.contains("Virginia")), "{found:?}");
    }

    #[test]
    fn a_speech_verb_makes_a_person_unless_a_capital_speaks_for_its_state() {
        let found = actors("The plan is sound, Hendricks said. Moscow said it disagreed.");
        assert!(found.contains(&person("Hendricks", 1)), "{found:?}");
        assert!(!found.iter().any(|a| a.0 == "Moscow"), "{found:?}");
    }

    #[test]
    fn acronyms_are_organisations_unless_they_abbreviate_a_place() {
        let found = actors("The agency KCNA and NATO officials said the US and UK agreed.");
        let orgs: Vec<&str> =
            found.iter().filter(|a| a.1 == ActorKind::Organisation).map(|a| a.0.as_str()).collect();
        assert!(orgs.contains(&"KCNA") && orgs.contains(&"NATO"), "{found:?}");
        assert!(!orgs.contains(&"US") && !orgs.contains(&"UK"), "{found:?}");
    }

    #[test]
    fn an_organisation_name_ends_in_a_head_word() {
        let found = actors("Students at Ohio State University and the Dublin City Council met.");
        let orgs: Vec<&str> = found.iter().map(|a| a.0.as_str()).collect();
        assert!(orgs.contains(&"Ohio State University"), "{found:?}");
        assert!(orgs.contains(&"Dublin City Council"), "{found:?}");
    }

    #[test]
    fn a_key_written_to_the_shared_buffer_is_the_tokens_key() {
        let t =
            Tokens::new("Gov. J. R. Smith's U.S. visit, Kim Jong-un and Ohio State University.");
        let mut buffer = String::from("left over");
        for i in 0..=t.len() + 1 {
            for j in i..=t.len() + 1 {
                assert_eq!(key_into(&t, &mut buffer, i, j), t.key(i, j), "{i}..{j}");
            }
        }
    }

    #[test]
    fn the_dateline_agency_is_an_organisation() {
        let found = actors("Lima, Feb 3 (EFE).- Heavy rain fell.");
        assert!(found.contains(&("EFE".to_owned(), ActorKind::Organisation, 1)), "{found:?}");
    }
}
