//! Gazetteer benchmarks: load to first query (target: at most 200 ms in release), and lookups.

// A bench that cannot load the shipped data must stop loudly, like a test.
#![allow(clippy::expect_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use newsmap::gazetteer::Gazetteer;
use std::hint::black_box;

/// The shipped artefact, read the same way the library embeds it.
static BYTES: &[u8] = include_bytes!("../data/gazetteer/gazetteer.bin");

fn load_to_first_query(c: &mut Criterion) {
    let mut group = c.benchmark_group("gazetteer");
    group.sample_size(10);
    group.bench_function("load_to_first_query", |b| {
        b.iter(|| {
            let g = Gazetteer::from_bytes(black_box(BYTES)).expect("the shipped gazetteer decodes");
            let found = g.lookup("Blagoveschensk");
            assert!(found.len() >= 2, "both Blagoveshchensks");
            found.len()
        })
    });
    group.finish();
}

fn lookups(c: &mut Criterion) {
    let g = Gazetteer::from_bytes(BYTES).expect("the shipped gazetteer decodes");
    let words =
        ["Seoul", "Blagoveschensk", "Tsiolkovsky", "U.S.", "Amur Oblast", "Pyongyang", "the"];
    c.bench_function("lookup_7_names", |b| {
        b.iter(|| {
            let n: usize = words.iter().map(|w| g.lookup(black_box(w)).len()).sum();
            assert!(n > 5);
            n
        })
    });
    c.bench_function("has_prefix", |b| b.iter(|| assert!(g.has_prefix(black_box("north ")))));
}

criterion_group!(benches, load_to_first_query, lookups);
criterion_main!(benches);
