//! What a reader checks: for each expression its text, type, value, interval and granularity.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::{find_timexes, infer_document_date};
use crate::model::{DateSource, Granularity, Timex, TimexType};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The one expression whose text is `needle`; fails listing what was found otherwise.
fn timex(text: &str, dct: Option<NaiveDate>, needle: &str) -> Timex {
    let all = find_timexes(text, dct);
    let hits: Vec<&Timex> = all.iter().filter(|t| t.text == needle).collect();
    assert_eq!(hits.len(), 1, "{needle:?} in {text:?}: found {:?}", texts(&all));
    hits[0].clone()
}

fn texts(all: &[Timex]) -> Vec<String> {
    all.iter().map(|t| format!("{} = {}", t.text, t.value)).collect()
}

/// Text and value of every expression.
fn values(text: &str, dct: Option<NaiveDate>) -> Vec<(String, String)> {
    find_timexes(text, dct).into_iter().map(|t| (t.text, t.value)).collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
}

// The sample article, anchored on the date inferred from its dateline.

fn sample(needle: &str) -> Timex {
    let (dct, _) = infer_document_date(crate::SAMPLE_ARTICLE).unwrap();
    timex(crate::SAMPLE_ARTICLE, Some(dct), needle)
}

#[test]
fn the_sample_is_dated_thursday_12_october_2023_from_its_dateline() {
    let got = infer_document_date(crate::SAMPLE_ARTICLE);
    assert_eq!(got, Some((date(2023, 10, 12), DateSource::Dateline)));
}

#[test]
fn the_sample_caption_date_is_13_september_2023() {
    let t = sample("13 September 2023");
    assert_eq!((t.timex_type, t.value.as_str()), (TimexType::Date, "2023-09-13"));
    assert_eq!(t.interval, Some((date(2023, 9, 13), date(2023, 9, 13))));
    assert_eq!(t.granularity, Some(Granularity::Day));
    assert_eq!(&crate::SAMPLE_ARTICLE[t.span.start_byte..t.span.end_byte], "13 September 2023");
}

#[test]
fn the_sample_dateline_and_thursday_are_both_12_october_2023() {
    assert_eq!(sample("Oct 12").value, "2023-10-12");
    let thursday = sample("Thursday");
    assert_eq!(thursday.value, "2023-10-12");
    assert_eq!(thursday.granularity, Some(Granularity::Day));
}

#[test]
fn the_samples_last_month_and_in_september_are_september_2023() {
    for needle in ["last month", "September"] {
        let t = sample(needle);
        assert_eq!(t.value, "2023-09", "{needle}");
        assert_eq!(t.interval, Some((date(2023, 9, 1), date(2023, 9, 30))), "{needle}");
        assert_eq!(t.granularity, Some(Granularity::Month), "{needle}");
    }
}

#[test]
fn the_samples_historical_dates_keep_their_years() {
    let recognition = sample("Oct. 12, 1948");
    assert_eq!(recognition.value, "1948-10-12");
    let defeat = sample("1945");
    assert_eq!(defeat.value, "1945");
    assert_eq!(defeat.interval, Some((date(1945, 1, 1), date(1945, 12, 31))));
    assert_eq!(defeat.granularity, Some(Granularity::Year));
}

#[test]
fn the_samples_a_month_earlier_counts_back_from_october_1948() {
    let t = sample("a month earlier");
    assert_eq!(t.value, "1948-09");
    assert_eq!(t.interval, Some((date(1948, 9, 1), date(1948, 9, 30))));
}

#[test]
fn the_samples_days_after_is_a_vague_duration_without_the_preposition() {
    let t = sample("days");
    assert_eq!((t.timex_type, t.value.as_str()), (TimexType::Duration, "PXD"));
    assert_eq!(t.interval, None);
}

// Without a document date values stay underspecified.

#[test]
fn without_a_document_date_relative_values_stay_underspecified() {
    let text = "Seoul, Oct 12 (EFE).- KCNA reported on Thursday that they met last month.";
    assert_eq!(
        values(text, None),
        pairs(&[("Oct 12", "XXXX-10-12"), ("Thursday", "XXXX-WXX-4"), ("last month", "XXXX-XX")])
    );
    assert!(find_timexes(text, None).iter().all(|t| t.interval.is_none()));
}

// Tense decides between the last and the next occurrence.

#[test]
fn a_weekday_in_a_past_report_is_the_one_before_and_in_a_plan_the_one_after() {
    let tuesday = Some(date(2023, 10, 10));
    assert_eq!(timex("They met on Thursday.", tuesday, "Thursday").value, "2023-10-05");
    assert_eq!(timex("They will meet on Thursday.", tuesday, "Thursday").value, "2023-10-12");
    assert_eq!(timex("They met on Tuesday.", tuesday, "Tuesday").value, "2023-10-10");
}

#[test]
fn a_month_in_the_future_tense_is_next_years_when_already_past() {
    let dct = Some(date(2023, 10, 12));
    assert_eq!(timex("They met in September.", dct, "September").value, "2023-09");
    assert_eq!(timex("They will meet in September.", dct, "September").value, "2024-09");
    assert_eq!(timex("They met in November.", dct, "November").value, "2022-11");
}

#[test]
fn last_next_and_this_pick_the_named_occurrence() {
    let dct = Some(date(2023, 10, 12));
    assert_eq!(timex("It rose last April.", dct, "last April").value, "2023-04");
    assert_eq!(timex("It rose last November.", dct, "last November").value, "2022-11");
    assert_eq!(timex("It fell last fall.", dct, "last fall").value, "2022-FA");
    assert_eq!(timex("It falls this fall.", dct, "this fall").value, "2023-FA");
    assert_eq!(timex("See you next Monday.", dct, "next Monday").value, "2023-10-16");
    assert_eq!(timex("It happened last Thursday.", dct, "last Thursday").value, "2023-10-05");
}

// Relative to the document date.

#[test]
fn deictic_expressions_count_from_the_document_date() {
    let dct = Some(date(2023, 10, 12));
    let text = "Yesterday he said that two years ago, this week and early next year all matter, \
                and that he will travel tomorrow.";
    assert_eq!(
        values(text, dct),
        pairs(&[
            ("Yesterday", "2023-10-11"),
            ("two years ago", "2021"),
            ("this week", "2023-W41"),
            ("early next year", "2024"),
            ("tomorrow", "2023-10-13"),
        ])
    );
    let week = timex(text, dct, "this week");
    assert_eq!(week.interval, Some((date(2023, 10, 9), date(2023, 10, 15))));
    assert_eq!(week.granularity, Some(Granularity::Week));
}

#[test]
fn now_recently_and_the_future_are_reference_values() {
    let text = "Prices are now higher than recently, and will be in the future.";
    assert_eq!(
        values(text, Some(date(2023, 10, 12))),
        pairs(&[("now", "PRESENT_REF"), ("recently", "PAST_REF"), ("the future", "FUTURE_REF")])
    );
}

#[test]
fn times_of_day_are_time_expressions_on_their_day() {
    let dct = Some(date(2023, 10, 12));
    let t = timex("The vote closes at 3 p.m. today.", dct, "3 p.m. today");
    assert_eq!((t.timex_type, t.value.as_str()), (TimexType::Time, "2023-10-12T15:00"));
    assert_eq!(timex("Shots rang out Monday night.", dct, "Monday night").value, "2023-10-09TNI");
    assert_eq!(timex("It starts at 3 p.m.", None, "3 p.m.").value, "T15:00");
    assert_eq!(timex("Launch at 18:00 UTC.", dct, "18:00 UTC").value, "2023-10-12T18:00Z");
}

// Explicit dates.

#[test]
fn explicit_dates_in_every_common_order() {
    let text = "Oct. 12, 1948; 13 September 2023; the 12th of October 1948; September 2023; \
                2010-01-29; 7/8/07; Thursday, Oct. 12, 2023";
    assert_eq!(
        values(text, None),
        pairs(&[
            ("Oct. 12, 1948", "1948-10-12"),
            ("13 September 2023", "2023-09-13"),
            ("the 12th of October 1948", "1948-10-12"),
            ("September 2023", "2023-09"),
            ("2010-01-29", "2010-01-29"),
            ("7/8/07", "2007-07-08"),
            ("Thursday, Oct. 12, 2023", "2023-10-12"),
        ])
    );
}

#[test]
fn an_ordinal_day_takes_the_document_dates_month() {
    let dct = Some(date(2023, 10, 14));
    assert_eq!(timex("The talks ended on the 12th.", dct, "the 12th").value, "2023-10-12");
    assert!(values("She lives on the 12th floor.", dct).is_empty());
}

#[test]
fn decades_centuries_seasons_and_quarters() {
    let dct = Some(date(1999, 5, 1));
    let text = "In the '90s, the 1980s and the mid-1990s of the 20th century, summer 1998 and \
                the third quarter of 1998 were good, as was fiscal 1998.";
    assert_eq!(
        values(text, dct),
        pairs(&[
            ("the '90s", "199"),
            ("the 1980s", "198"),
            ("the mid-1990s", "199"),
            ("the 20th century", "19"),
            ("summer 1998", "1998-SU"),
            ("the third quarter of 1998", "1998-Q3"),
            ("fiscal 1998", "1998"),
        ])
    );
    let century = timex(text, dct, "the 20th century");
    assert_eq!(century.granularity, Some(Granularity::Century));
    assert_eq!(century.interval, Some((date(1900, 1, 1), date(1999, 12, 31))));
    let quarter = timex(text, dct, "the third quarter of 1998");
    assert_eq!(quarter.granularity, Some(Granularity::Season));
    assert_eq!(quarter.interval, Some((date(1998, 7, 1), date(1998, 9, 30))));
}

#[test]
fn a_year_range_is_two_years() {
    assert_eq!(values("the 1998-99 season", None), pairs(&[("1998", "1998"), ("99", "1999")]));
}

#[test]
fn holidays_fall_on_their_days() {
    let dct = Some(date(2023, 10, 12));
    assert_eq!(timex("They will meet at Christmas.", dct, "Christmas").value, "2023-12-25");
    let ny = timex("They will meet on New Year's Day.", dct, "New Year's Day");
    assert_eq!(ny.value, "2024-01-01");
    assert_eq!(
        timex("on Thanksgiving Day 1999", None, "Thanksgiving Day 1999").value,
        "1999-11-25"
    );
}

// Words that only look like dates.

#[test]
fn may_and_march_the_verbs_are_not_months() {
    let dct = Some(date(2023, 10, 12));
    assert_eq!(values("Prices may rise in May.", dct), pairs(&[("May", "2023-05")]));
    assert_eq!(values("Crowds will march on March 5.", dct), pairs(&[("March 5", "2024-03-05")]));
}

#[test]
fn the_sun_newspaper_and_the_verb_fall_are_not_dates() {
    let dct = Some(date(2023, 10, 12));
    assert_eq!(values("The Sun reported it on Sunday.", dct), pairs(&[("Sunday", "2023-10-08")]));
    assert!(values("Prices fall when rates rise.", dct).is_empty());
    assert!(values("the fall of the Berlin Wall", dct).is_empty());
}

#[test]
fn numbers_that_are_not_years_are_left_alone() {
    for text in ["1,945 people fled", "It cost $2000 in all", "Flight 1945 landed", "2000 soldiers"]
    {
        assert!(values(text, None).is_empty(), "{text}: {:?}", values(text, None));
    }
}

// Durations and recurrences.

#[test]
fn durations_are_iso_8601_periods() {
    let text = "It took nine months, then 24 hours, then a decade, then the past five years \
                and nearly two and a half years, plus a minute and a half.";
    assert_eq!(
        values(text, None),
        pairs(&[
            ("nine months", "P9M"),
            ("24 hours", "PT24H"),
            ("a decade", "P10Y"),
            ("the past five years", "P5Y"),
            ("nearly two and a half years", "P2Y6M"),
            ("a minute and a half", "PT1M30S"),
        ])
    );
    assert!(find_timexes(text, None).iter().all(|t| t.timex_type == TimexType::Duration));
}

#[test]
fn recurrences_are_sets() {
    let text = "Reports come quarterly, meetings each year, calls every week, visits each \
                Thursday and shows on Tuesday nights; the board meets twice a month, not $5 a month.";
    assert_eq!(
        values(text, None),
        pairs(&[
            ("quarterly", "P1Q"),
            ("each year", "P1Y"),
            ("every week", "P1W"),
            ("each Thursday", "XXXX-WXX-4"),
            ("Tuesday nights", "XXXX-WXX-2TNI"),
            ("twice a month", "P1M"),
        ])
    );
    assert!(find_timexes(text, None).iter().all(|t| t.timex_type == TimexType::Set));
}

#[test]
fn a_year_earlier_after_a_quarter_is_that_quarter_a_year_before() {
    let dct = Some(date(1989, 10, 30));
    let text = "Profit in the third quarter rose 5% from a year earlier.";
    assert_eq!(timex(text, dct, "the third quarter").value, "1989-Q3");
    assert_eq!(timex(text, dct, "a year earlier").value, "1988-Q3");
}

#[test]
fn spans_index_the_original_text_even_after_multibyte_characters() {
    let text = "“Kim” – in Vostochny on Oct. 12, 1948 – met.";
    let t = timex(text, None, "Oct. 12, 1948");
    assert_eq!(&text[t.span.start_byte..t.span.end_byte], "Oct. 12, 1948");
}

proptest! {
    #[test]
    fn any_text_gives_sorted_disjoint_in_bounds_spans(text in any::<String>()) {
        check_spans(&text);
    }

    #[test]
    fn date_like_text_gives_sorted_disjoint_in_bounds_spans(
        words in proptest::collection::vec(
            prop_oneof![
                Just("Oct."), Just("12"), Just(","), Just("1948"), Just("the"), Just("'"),
                Just("90s"), Just("-"), Just("last"), Just("month"), Just("May"), Just("a"),
                Just("year"), Just("earlier"), Just("3"), Just("p.m."), Just(":"), Just("30"),
                Just("every"), Just("Thursday"), Just("night"), Just("fiscal"), Just("quarter"),
                Just("third"), Just("and"), Just("half"), Just("ago"), Just("1/2"), Just("’"),
                Just("twenty"), Just("first"), Just("century"), Just("\n"), Just("é"),
            ],
            0..40,
        ),
        dct_days in proptest::option::of(-100_000i64..100_000),
    ) {
        let text = words.join(" ");
        let dct = dct_days.and_then(|d| date(2000, 1, 1).checked_add_signed(chrono::TimeDelta::days(d)));
        check_spans_with(&text, dct);
        let _inferred = infer_document_date(&text);
    }
}

fn check_spans(text: &str) {
    check_spans_with(text, None);
    check_spans_with(text, NaiveDate::from_ymd_opt(2023, 10, 12));
}

fn check_spans_with(text: &str, dct: Option<NaiveDate>) {
    let all = find_timexes(text, dct);
    let mut last_end = 0;
    for t in &all {
        assert!(t.span.start_byte < t.span.end_byte, "empty span {t:?}");
        assert!(t.span.start_byte >= last_end, "overlapping or unsorted {t:?}");
        assert_eq!(text.get(t.span.start_byte..t.span.end_byte), Some(t.text.as_str()));
        last_end = t.span.end_byte;
    }
}

#[test]
fn one_recognizer_can_be_shared_by_every_thread() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<super::TimexRecognizer>();
    let recognizer = super::TimexRecognizer::new();
    let dct = Some(date(2023, 10, 12));
    std::thread::scope(|s| {
        let handles: Vec<_> =
            (0..4).map(|_| s.spawn(|| recognizer.find("They met last month.", dct))).collect();
        for h in handles {
            assert_eq!(h.join().unwrap()[0].value, "2023-09");
        }
    });
}

#[test]
fn long_runs_of_modifiers_and_digits_do_not_overflow_the_stack() {
    let modifiers = "early ".repeat(100_000) + "2023";
    let found = find_timexes(&modifiers, None);
    assert_eq!(found.last().map(|t| t.value.as_str()), Some("2023"));
    let ends = "the end of ".repeat(50_000) + "the year";
    assert!(!find_timexes(&ends, Some(date(2023, 10, 12))).is_empty());
    let digits = "1".repeat(1_000_000);
    assert!(find_timexes(&digits, None).is_empty());
}

#[test]
fn a_day_range_gives_both_days_and_finance_shorthand_names_quarters() {
    let dct = Some(date(2023, 10, 1));
    let text = "Talks resume on Oct. 12-14. Revenue in Q3 2023 rose, H1 2024 guidance was cut \
                and FY2023 profit doubled in the 2000s' best run.";
    assert_eq!(
        values(text, dct),
        pairs(&[
            ("Oct. 12", "2023-10-12"),
            ("14", "2023-10-14"),
            ("Q3 2023", "2023-Q3"),
            ("H1 2024", "2024-H1"),
            ("FY2023", "2023"),
            ("the 2000s", "200"),
        ])
    );
}

#[test]
fn the_early_hours_of_a_day_are_not_a_vague_duration() {
    let dct = Some(date(2023, 10, 12));
    assert_eq!(
        values("In the early hours of Sunday it struck.", dct),
        pairs(&[("Sunday", "2023-10-08")])
    );
}
