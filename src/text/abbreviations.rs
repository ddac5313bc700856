//! Abbreviations that end in a period which is not a full stop.

/// How an abbreviation's period behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Abbreviation {
    /// A title or prefix that always precedes what it qualifies ("Mr.", "Gen.", "St.",
    /// "e.g."): its period never ends a sentence.
    Title,
    /// Precedes a number ("Oct. 12", "No. 5", "Fig. 3"): its period is not a full stop
    /// before a number, and is one before anything else ("“No.” He said").
    BeforeNumber,
    /// May end a sentence ("Inc.", "U.S.", "a.m.", "Kan.", an initial "J."): it does when the
    /// next word is one that typically starts a sentence ("The", "He", "But").
    Ordinary,
}

/// The class of a word written with a final period, `word` given without it
/// ("Oct", "U.S" for "U.S."). Case-sensitive: "No." is an abbreviation, "no." is not; an
/// all-caps word counts as its title-case form, since datelines and headlines are often set
/// in capitals ("ST. LOUIS", "GEN. LEE").
pub fn abbreviation(word: &str) -> Option<Abbreviation> {
    known(word).or_else(|| {
        let is_caps = word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase());
        if !is_caps {
            return None;
        }
        let mut title = word.to_ascii_lowercase();
        title[..1].make_ascii_uppercase();
        known(&title)
    })
}

fn known(word: &str) -> Option<Abbreviation> {
    use Abbreviation::*;
    let class = match word {
        "Mr" | "Mrs" | "Ms" | "Messrs" | "Mme" | "Mlle" | "Dr" | "Drs" | "Prof" | "Gen"
        | "Gens" | "Lt" | "Col" | "Capt" | "Cpt" | "Cmdr" | "Cdr" | "Sgt" | "Cpl" | "Pvt"
        | "Maj" | "Adm" | "Brig" | "Rep" | "Reps" | "Sen" | "Sens" | "Gov" | "Pres" | "Rev"
        | "Hon" | "Fr" | "Amb" | "Atty" | "Supt" | "Insp" | "Det" | "Sra" | "Srta" | "St"
        | "Ste" | "Mt" | "Ft" | "Pt" | "Sq" | "e.g" | "i.e" | "cf" | "viz" | "vs" | "v"
        | "approx" | "ca" => Title,
        "No" | "Nos" | "Nr" | "Vol" | "Vols" | "Fig" | "Figs" | "Art" | "Arts" | "Sec" | "Ch"
        | "pp" | "p" | "no" | "ext" | "Ext" | "tel" | "Tel" | "Jan" | "Feb" | "Mar" | "Apr"
        | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec" => BeforeNumber,
        "Inc" | "Ltd" | "Corp" | "Co" | "Cos" | "Bros" | "Jr" | "Sr" | "Esq" | "Plc" | "etc"
        | "al" | "Ave" | "Blvd" | "Rd" | "Hwy" | "Ala" | "Ariz" | "Ark" | "Calif" | "Colo"
        | "Conn" | "Del" | "Fla" | "Ga" | "Ill" | "Ind" | "Kan" | "Kans" | "Ky" | "La" | "Md"
        | "Mass" | "Mich" | "Minn" | "Miss" | "Mo" | "Mont" | "Neb" | "Nev" | "Okla" | "Ore"
        | "Pa" | "Tenn" | "Tex" | "Va" | "Vt" | "Wash" | "Wis" | "Wyo" | "Alta" | "Ont" | "Que"
        | "Sask" | "Man" => Ordinary,
        // Dotted acronyms ("U.S", "W.Va", "a.m") and initials ("J") may end a sentence.
        _ if word.contains('.') || is_initial(word) => Ordinary,
        _ => return None,
    };
    Some(class)
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Words that typically open a sentence. After an abbreviation that may end a sentence
/// ("U.S."), a following capitalised word from this list means the sentence did end there;
/// a name ("U.S. Army", "J. R. R. Tolkien") means it did not.
pub(crate) fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "You"
            | "His"
            | "Her"
            | "Its"
            | "Their"
            | "Our"
            | "My"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Here"
            | "But"
            | "And"
            | "Or"
            | "So"
            | "Yet"
            | "In"
            | "On"
            | "At"
            | "By"
            | "For"
            | "From"
            | "With"
            | "Without"
            | "After"
            | "Before"
            | "During"
            | "Since"
            | "While"
            | "When"
            | "Where"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "If"
            | "As"
            | "Although"
            | "Though"
            | "Meanwhile"
            | "However"
            | "Also"
            | "Still"
            | "Then"
            | "Now"
            | "Today"
            | "Yesterday"
            | "Earlier"
            | "Later"
            | "According"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "Both"
            | "Each"
            | "Not"
            | "One"
            | "Such"
            | "Other"
            | "Another"
            | "Despite"
            | "Because"
            | "Last"
            | "Next"
            | "Under"
            | "Over"
            | "To"
            | "Officials"
            | "Police"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_months_and_company_suffixes_have_their_own_classes() {
        assert_eq!(abbreviation("Gen"), Some(Abbreviation::Title));
        assert_eq!(abbreviation("Oct"), Some(Abbreviation::BeforeNumber));
        assert_eq!(abbreviation("Inc"), Some(Abbreviation::Ordinary));
        assert_eq!(abbreviation("U.S"), Some(Abbreviation::Ordinary));
        assert_eq!(abbreviation("J"), Some(Abbreviation::Ordinary));
        assert_eq!(abbreviation("May"), None);
        assert_eq!(abbreviation("ST"), Some(Abbreviation::Title), "ST. LOUIS");
        assert_eq!(abbreviation("ext"), Some(Abbreviation::BeforeNumber));
        assert_eq!(abbreviation("NO"), Some(Abbreviation::BeforeNumber));
        assert_eq!(abbreviation("SEOUL"), None);
        assert_eq!(abbreviation("Seoul"), None);
    }
}
