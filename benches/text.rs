//! Text handling throughput: tokenizing, sentence splitting, HTML rendering and char offsets.
//!
//! The whole pipeline must run at 10 MB/s per core or more, so these stages must be far
//! faster. Input: the sample article repeated to about 1 MB, plus an HTML rendering of it.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsmap::model::Span;
use newsmap::text::{CharOffsets, html_to_text, segment, sentences, tokenize};

fn news_megabyte() -> String {
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        text.push_str(newsmap::SAMPLE_ARTICLE);
        text.push_str("\n\n");
    }
    text
}

fn news_html(text: &str) -> String {
    let mut html = String::from("<html><head><title>News</title><script>var x;</script></head>");
    html.push_str("<body><nav><a href=/>Home</a></nav><article>");
    for paragraph in text.split("\n\n") {
        html.push_str("<p>");
        html.push_str(&paragraph.replace('&', "&amp;").replace('<', "&lt;"));
        html.push_str("</p>\n");
    }
    html.push_str("</article><footer>(c)</footer></body></html>");
    html
}

fn text_benches(c: &mut Criterion) {
    let text = news_megabyte();
    let expected_sentences = sentences(&text).len();
    assert!(expected_sentences > 1000);

    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("tokenize", |b| {
        b.iter(|| {
            let tokens = tokenize(black_box(&text));
            assert!(tokens.len() > 100_000);
            tokens
        })
    });
    group.bench_function("segment (tokens + sentences)", |b| {
        b.iter(|| {
            let segmentation = segment(black_box(&text));
            assert_eq!(segmentation.sentences.len(), expected_sentences);
            segmentation
        })
    });
    let spans: Vec<Span> = tokenize(&text).iter().map(|t| t.span).collect();
    group.bench_function("char offsets of every token", |b| {
        b.iter(|| {
            let offsets = CharOffsets::new(black_box(&text));
            let last = spans.iter().map(|s| offsets.span(*s).1).max();
            assert!(last.is_some_and(|l| l > 0));
            last
        })
    });
    let html = news_html(&text);
    group.throughput(Throughput::Bytes(html.len() as u64));
    group.bench_function("html to text", |b| {
        b.iter(|| {
            let rendered = html_to_text(black_box(&html));
            assert!(rendered.len() > text.len() / 2);
            rendered
        })
    });
    group.finish();
}

criterion_group!(benches, text_benches);
criterion_main!(benches);
