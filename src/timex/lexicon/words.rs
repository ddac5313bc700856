//! The word tables: every word the grammar knows, with its readings.

use super::{Entry, Kind, W};
use crate::timex::units::{Holiday, PartOfDay, RefKind, Season, Unit};

/// Every entry, in table order; index 0 is the empty "none" entry.
pub(super) fn entries() -> Vec<Entry> {
    let mut entries =
        vec![Entry { word: "", kind: Kind::None, alt: Kind::None, needs_capital: false }];
    let mut add = |word: &'static str, kind: Kind, alt: Kind, needs_capital: bool| {
        entries.push(Entry { word, kind, alt, needs_capital });
    };
    use Kind as K;
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    for (i, name) in (1u32..).zip(MONTHS) {
        // "May" and "March" are also a modal verb and a verb/noun: only capitalised.
        add(name, K::Month(i), K::None, matches!(name, "may" | "march"));
    }
    let abbrs: [(&str, u32); 12] = [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ];
    for (name, m) in abbrs {
        add(name, K::MonthAbbr(m), K::None, true);
    }
    const DAYS: [&str; 7] =
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    const DAYS_PLURAL: [&str; 7] =
        ["mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays"];
    for (i, (one, many)) in (1u32..).zip(DAYS.into_iter().zip(DAYS_PLURAL)) {
        add(one, K::Weekday(i), K::None, false);
        add(many, K::Weekdays(i), K::None, false);
    }
    let day_abbrs: [(&str, u32); 10] = [
        ("mon", 1),
        ("tue", 2),
        ("tues", 2),
        ("wed", 3),
        ("thu", 4),
        ("thur", 4),
        ("thurs", 4),
        ("fri", 5),
        ("sat", 6),
        ("sun", 7),
    ];
    for (name, d) in day_abbrs {
        add(name, K::WeekdayAbbr(d), K::None, true);
    }
    let units: [(&str, &str, Unit); 13] = [
        ("second", "seconds", Unit::Second),
        ("minute", "minutes", Unit::Minute),
        ("hour", "hours", Unit::Hour),
        ("day", "days", Unit::Day),
        ("weekend", "weekends", Unit::Weekend),
        ("week", "weeks", Unit::Week),
        ("fortnight", "fortnights", Unit::Fortnight),
        ("month", "months", Unit::Month),
        ("quarter", "quarters", Unit::Quarter),
        ("year", "years", Unit::Year),
        ("decade", "decades", Unit::Decade),
        ("century", "centuries", Unit::Century),
        ("millennium", "millennia", Unit::Millennium),
    ];
    for (one, many, unit) in units {
        let alt = if one == "second" { K::Ordinal(2) } else { K::None };
        add(one, K::Unit(unit), alt, false);
        add(many, K::Units(unit), K::None, false);
    }
    for (word, unit) in [
        ("secs", Unit::Second),
        ("mins", Unit::Minute),
        ("hrs", Unit::Hour),
        ("yrs", Unit::Year),
        ("millenniums", Unit::Millennium),
    ] {
        add(word, K::Units(unit), K::None, false);
    }
    for (word, unit) in [("hr", Unit::Hour), ("min", Unit::Minute), ("yr", Unit::Year)] {
        add(word, K::Unit(unit), K::None, false);
    }
    for (word, unit) in [
        ("hourly", Unit::Hour),
        ("daily", Unit::Day),
        ("nightly", Unit::Day),
        ("weekly", Unit::Week),
        ("biweekly", Unit::Fortnight),
        ("fortnightly", Unit::Fortnight),
        ("monthly", Unit::Month),
        ("quarterly", Unit::Quarter),
        ("yearly", Unit::Year),
        ("annually", Unit::Year),
        ("annual", Unit::Year),
    ] {
        add(word, K::Every(unit), K::None, false);
    }
    let cardinals: [(&str, u32); 28] = [
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("thirteen", 13),
        ("fourteen", 14),
        ("fifteen", 15),
        ("sixteen", 16),
        ("seventeen", 17),
        ("eighteen", 18),
        ("nineteen", 19),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fourty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ];
    for (word, n) in cardinals {
        add(word, K::Cardinal(n), K::None, false);
    }
    let ordinals: [(&str, u32); 27] = [
        ("first", 1),
        ("third", 3),
        ("fourth", 4),
        ("fifth", 5),
        ("sixth", 6),
        ("seventh", 7),
        ("eighth", 8),
        ("ninth", 9),
        ("tenth", 10),
        ("eleventh", 11),
        ("twelfth", 12),
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("thirtieth", 30),
        ("fortieth", 40),
        ("fiftieth", 50),
        ("sixtieth", 60),
        ("seventieth", 70),
        ("eightieth", 80),
        ("ninetieth", 90),
        ("hundredth", 100),
    ];
    for (word, n) in ordinals {
        add(word, K::Ordinal(n), K::None, false);
    }
    add("hundred", K::Hundred, K::None, false);
    add("hundreds", K::Hundred, K::None, false);
    add("thousand", K::Thousand, K::None, false);
    add("thousands", K::Thousand, K::None, false);
    add("dozen", K::Dozen, K::None, false);
    add("dozens", K::Dozen, K::None, false);
    add("half", K::Half, K::None, false);
    add("halves", K::Half, K::None, false);
    for (word, d) in [
        ("twenties", 2),
        ("thirties", 3),
        ("forties", 4),
        ("fifties", 5),
        ("sixties", 6),
        ("seventies", 7),
        ("eighties", 8),
        ("nineties", 9),
    ] {
        add(word, K::Decade(d), K::None, false);
    }
    for (one, many, season, cap) in [
        ("spring", "springs", Season::Spring, false),
        ("summer", "summers", Season::Summer, false),
        ("fall", "falls", Season::Fall, false),
        ("autumn", "autumns", Season::Fall, false),
        ("winter", "winters", Season::Winter, false),
    ] {
        add(one, K::Season(season), K::None, cap);
        add(many, K::Seasons(season), K::None, cap);
    }
    for (word, part) in [
        ("morning", PartOfDay::Morning),
        ("mornings", PartOfDay::Morning),
        ("afternoon", PartOfDay::Afternoon),
        ("afternoons", PartOfDay::Afternoon),
        ("evening", PartOfDay::Evening),
        ("evenings", PartOfDay::Evening),
        ("night", PartOfDay::Night),
        ("nights", PartOfDay::Night),
        ("overnight", PartOfDay::Night),
        ("dawn", PartOfDay::Morning),
        ("daybreak", PartOfDay::Morning),
        ("dusk", PartOfDay::Evening),
        ("nightfall", PartOfDay::Evening),
        ("lunchtime", PartOfDay::Midday),
    ] {
        let alt = match word {
            "night" => K::Unit(Unit::Day),
            "nights" => K::Units(Unit::Day),
            _ => K::None,
        };
        add(word, K::PartOfDay(part), alt, false);
    }
    add("today", K::DayWord(0), K::None, false);
    add("yesterday", K::DayWord(-1), K::None, false);
    add("tomorrow", K::DayWord(1), K::None, false);
    add("tonight", K::Tonight, K::None, false);
    add("noon", K::ClockWord(12), K::None, false);
    add("midday", K::ClockWord(12), K::None, false);
    add("midnight", K::ClockWord(24), K::None, false);
    for (word, r) in [
        ("now", RefKind::Present),
        ("currently", RefKind::Present),
        ("nowadays", RefKind::Present),
        ("recently", RefKind::Past),
        ("lately", RefKind::Past),
        ("soon", RefKind::Future),
    ] {
        add(word, K::Ref(r), K::None, false);
    }
    for (word, h) in [
        ("christmas", Holiday::Fixed(12, 25)),
        ("xmas", Holiday::Fixed(12, 25)),
        ("halloween", Holiday::Fixed(10, 31)),
        ("thanksgiving", Holiday::NthWeekday { month: 11, weekday: 4, n: 4 }),
        ("easter", Holiday::Easter(0)),
    ] {
        add(word, K::Holiday(h), K::None, true);
    }
    for (word, h) in [
        ("independence", Holiday::Fixed(7, 4)),
        ("labor", Holiday::NthWeekday { month: 9, weekday: 1, n: 1 }),
        ("labour", Holiday::Fixed(5, 1)),
        ("memorial", Holiday::NthWeekday { month: 5, weekday: 1, n: -1 }),
        ("veterans", Holiday::Fixed(11, 11)),
        ("armistice", Holiday::Fixed(11, 11)),
        ("remembrance", Holiday::Fixed(11, 11)),
        ("election", Holiday::ElectionDay),
        ("inauguration", Holiday::Fixed(1, 20)),
        ("valentine", Holiday::Fixed(2, 14)),
        ("valentines", Holiday::Fixed(2, 14)),
        ("boxing", Holiday::Fixed(12, 26)),
        ("columbus", Holiday::NthWeekday { month: 10, weekday: 1, n: 2 }),
        ("presidents", Holiday::NthWeekday { month: 2, weekday: 1, n: 3 }),
        ("bastille", Holiday::Fixed(7, 14)),
        ("victory", Holiday::Fixed(5, 9)),
        ("groundhog", Holiday::Fixed(2, 2)),
    ] {
        add(word, K::HolidayDay(h), K::None, true);
    }
    for (word, w) in [
        ("the", W::The),
        ("a", W::A),
        ("an", W::A),
        ("this", W::This),
        ("that", W::That),
        ("these", W::These),
        ("those", W::Those),
        ("last", W::Last),
        ("next", W::Next),
        ("past", W::Past),
        ("coming", W::Coming),
        ("upcoming", W::Coming),
        ("previous", W::Previous),
        ("following", W::Following),
        ("current", W::Current),
        ("same", W::Same),
        ("recent", W::Recent),
        ("future", W::Future),
        ("present", W::Present),
        ("ago", W::Ago),
        ("earlier", W::Earlier),
        ("later", W::Later),
        ("before", W::Before),
        ("after", W::After),
        ("ahead", W::Ahead),
        ("since", W::Since),
        ("early", W::Early),
        ("late", W::Late),
        ("mid", W::Mid),
        ("middle", W::Middle),
        ("beginning", W::Beginning),
        ("start", W::Start),
        ("end", W::End),
        ("close", W::Close),
        ("turn", W::Turn),
        ("rest", W::Rest),
        ("of", W::Of),
        ("and", W::And),
        ("or", W::Or),
        ("to", W::To),
        ("through", W::Through),
        ("until", W::Until),
        ("till", W::Until),
        ("from", W::From),
        ("between", W::Between),
        ("in", W::In),
        ("on", W::On),
        ("at", W::At),
        ("during", W::During),
        ("for", W::For),
        ("within", W::Within),
        ("over", W::Over),
        ("under", W::Under),
        ("about", W::About),
        ("around", W::Around),
        ("nearly", W::Nearly),
        ("almost", W::Almost),
        ("approximately", W::Approximately),
        ("roughly", W::Roughly),
        ("some", W::Some),
        ("more", W::More),
        ("less", W::Less),
        ("fewer", W::Fewer),
        ("than", W::Than),
        ("least", W::Least),
        ("most", W::Most),
        ("up", W::Up),
        ("just", W::Just),
        ("no", W::No),
        ("several", W::Several),
        ("few", W::Few),
        ("couple", W::Couple),
        ("many", W::Many),
        ("every", W::Every),
        ("each", W::Each),
        ("per", W::Per),
        ("fiscal", W::Fiscal),
        ("twice", W::Twice),
        ("once", W::Once),
        ("as", W::As),
        ("only", W::Only),
        ("exactly", W::Exactly),
        ("well", W::Well),
        ("straight", W::Straight),
        ("consecutive", W::Consecutive),
        ("times", W::Times),
        ("near", W::Near),
        ("term", W::Term),
        ("period", W::Period),
        ("time", W::Time),
        ("moment", W::Moment),
        ("era", W::Era),
        ("am", W::Am),
        ("pm", W::Pm),
        ("new", W::New),
        ("eve", W::Eve),
        ("old", W::Old),
        ("ending", W::Ending),
        ("ended", W::Ended),
        ("other", W::Other),
        ("then", W::Then),
        ("th", W::Th),
        ("st", W::Th),
        ("nd", W::Th),
        ("rd", W::Th),
        ("s", W::S),
        ("additional", W::Additional),
        ("further", W::Further),
        ("full", W::Full),
        ("entire", W::Entire),
        ("whole", W::Whole),
        ("latest", W::Latest),
        ("prior", W::Prior),
        ("preceding", W::Preceding),
        ("long", W::Long),
        ("hence", W::Hence),
        ("ytd", W::Ytd),
    ] {
        add(word, K::W(w), K::None, false);
    }
    // "Q3 2023", "H1", "FY2023": finance shorthand, capitals only.
    for (word, w) in [("q", W::Q), ("h", W::H), ("fy", W::Fy)] {
        add(word, K::W(w), K::None, true);
    }
    for zone in [
        "utc", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest",
        "eet", "eest", "msk", "jst", "kst", "ist", "aest", "aedt", "hkt", "sgt",
    ] {
        add(zone, K::W(W::Zone), K::None, true);
    }
    for word in [
        "will",
        "shall",
        "ll",
        "would",
        "could",
        "might",
        "should",
        "going",
        "plans",
        "plan",
        "planned",
        "planning",
        "expects",
        "expect",
        "expected",
        "scheduled",
        "intends",
        "aims",
        "hopes",
        "slated",
    ] {
        // "planned", "expected" and "scheduled" look past but announce a future event.
        add(word, K::Future, K::None, false);
    }
    for word in [
        "was", "were", "had", "did", "said", "told", "met", "made", "took", "gave", "came", "went",
        "got", "saw", "found", "left", "held", "began", "rose", "fell", "sold", "bought", "paid",
        "won", "lost", "became", "spoke", "wrote", "brought", "thought", "knew", "ran", "led",
        "kept", "sent", "spent", "struck", "stood", "fought", "shot", "killed", "arrived",
    ] {
        add(word, K::Past, K::None, false);
    }
    for word in ["is", "are", "says", "has", "have", "does", "do"] {
        add(word, K::PresentTense, K::None, false);
    }
    entries
}
