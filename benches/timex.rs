//! Throughput of time-expression recognition and normalisation, in bytes of news per second.
//!
//! Two inputs, each processed as one document per call: the sample article (real news, about
//! one expression per 250 bytes, like the TimeML news corpora) and a synthetic wire story
//! written for this bench that is about seven times denser in dates, times, durations and
//! recurrences. The whole pipeline must run at 10 MB/s per core or more, so this stage
//! should stay far above that.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsmap::timex::{TimexRecognizer, infer_document_date};

/// A made-up wire story, written for this benchmark.
const SYNTHETIC: &str = "\
LISBON, March 3 (Wire) - The port authority said on Tuesday that container traffic rose 4.2% \
in the fourth quarter of 2022 from a year earlier, its best quarter since the early 1990s, and \
that it expects growth to slow next year.\n\
The figures, released at 10:30 a.m. local time, follow three months of strikes that ended in \
mid-January. Dock workers had walked out on Dec. 12, 2022, for the first time in nearly two \
decades, and talks resumed two weeks later.\n\
\"We lost about 1,200 sailings over 90 days,\" the director told reporters yesterday, adding that \
the terminal now runs 24 hours a day and that inspections take place every week.\n\
The authority will publish its annual report on April 28 and hold a shareholder meeting in \
June. Its chairman, who has led the company for the past eight years, plans to retire at the \
end of 2024.\n\
Freight rates have fallen steadily since the summer of 2021, when they peaked at $9,500 per \
container, and analysts said this week that a recovery is unlikely before the second half.\n\
Spain's ports reported similar trends last month. In 1998, the last time volumes fell this \
fast, the recovery took several years; the 2008-09 slump lasted 18 months.\n\
Ferries to the islands sail twice a day in winter and hourly in August, and the new Monday \
night service starts on the 15th.\n";

fn bench_find(c: &mut Criterion) {
    let recognizer = TimexRecognizer::new();
    let dct = NaiveDate::from_ymd_opt(2023, 10, 12);
    let mut group = c.benchmark_group("timex");
    // One document per call, as the batch extractor runs it.
    for (name, text) in [("sample", newsmap::SAMPLE_ARTICLE), ("synthetic_dense", SYNTHETIC)] {
        let expected = recognizer.find(text, dct).len();
        assert!(expected > 5, "{name}: the bench input must contain time expressions");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("find_{name}"), |b| {
            b.iter(|| {
                let found = recognizer.find(black_box(text), dct);
                assert_eq!(found.len(), expected, "{name}: recognition changed between runs");
                found
            });
        });
    }
    group.throughput(Throughput::Bytes(newsmap::SAMPLE_ARTICLE.len() as u64));
    group.bench_function("infer_document_date_sample", |b| {
        b.iter(|| {
            let date = infer_document_date(black_box(newsmap::SAMPLE_ARTICLE));
            assert!(date.is_some(), "the sample's date must be found");
            date
        });
    });
    group.finish();
}

criterion_group!(benches, bench_find);
criterion_main!(benches);
