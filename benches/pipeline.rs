//! Pipeline throughput: the sample article, and about 100 KB of news-like text per call, on
//! one core with a loaded gazetteer. Each iteration asserts that places were found, so a
//! bench that stops working fails instead of getting faster.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use newsmap::gazetteer::Gazetteer;
use newsmap::model::DocumentInput;
use newsmap::pipeline::Pipeline;

/// Made-up news paragraphs (written for this bench) in the register of wire copy: datelines,
/// people with titles, lists of places, counties, relative locations and organisations.
const PARAGRAPHS: &[&str] = &[
    "NAIROBI, March 4 (Reuters) - Kenyan President William Ruto met Ethiopian Prime Minister \
     Abiy Ahmed in Addis Ababa on Monday to discuss the dam on the Blue Nile, officials said.",
    "Flooding closed roads in Laurel County and Knox County on Tuesday, the Kentucky \
     Transportation Cabinet said, as the Cumberland River rose near Williamsburg.",
    "The convoy left Kharkiv at dawn and reached Izium, some 120 km southeast of the city, \
     by noon, according to Ukraine's defence ministry.",
    "Officials in Springfield, Illinois, and Springfield, Missouri, said the storm had passed \
     by Wednesday evening, but power was still out in parts of Peoria.",
    "Chancellor Olaf Scholz flew from Berlin to Warsaw, where he met Polish President Andrzej \
     Duda before talks in Vilnius with leaders from Lithuania, Latvia and Estonia.",
    "Most residents of the town of Deal said they had seen nothing unusual. Aid groups in \
     Nice and Marseille reported a quiet week, the French news agency AFP said.",
    "Shipping through the Strait of Hormuz slowed after Iran seized a tanker in the Gulf of \
     Oman, while Saudi Arabia and the United Arab Emirates called for calm.",
    "Wildfires burned near Los Angeles and in Ventura County, California, forcing thousands \
     from their homes, Gov. Gavin Newsom said at a briefing in Sacramento.",
    "The World Health Organization said cases of cholera had risen in Haiti, Malawi and \
     Mozambique, with new clusters reported about 30 miles north of Lilongwe.",
    "Prime Minister Narendra Modi opened a bridge in Assam near Guwahati, linking it to the \
     northeastern states of Arunachal Pradesh and Nagaland, the Press Trust of India said.",
];

/// About `target_bytes` of text: the sample article and the paragraphs above, repeated.
fn news_text(target_bytes: usize) -> String {
    let mut text = String::with_capacity(target_bytes + 4096);
    let mut round = 0;
    while text.len() < target_bytes {
        text.push_str(newsmap::SAMPLE_ARTICLE);
        text.push_str("\n\n");
        for i in 0..PARAGRAPHS.len() {
            // Rotate the order so that consecutive copies differ; join some into one paragraph.
            text.push_str(PARAGRAPHS[(i + round) % PARAGRAPHS.len()]);
            text.push_str(if i % 2 == 0 { " " } else { "\n\n" });
        }
        round += 1;
    }
    text
}

fn pipeline(c: &mut Criterion) {
    let gazetteer: Arc<Gazetteer> = match Gazetteer::embedded() {
        Ok(g) => g,
        Err(err) => panic!("the built-in gazetteer does not load: {err}"),
    };
    let pipeline = Pipeline::new(gazetteer);
    let input = |text: &str| DocumentInput { name: "bench".into(), text: text.into(), date: None };

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(newsmap::SAMPLE_ARTICLE.len() as u64));
    group.bench_function("sample article", |b| {
        b.iter(|| {
            let doc = pipeline.process(black_box(input(newsmap::SAMPLE_ARTICLE)));
            assert!(doc.mentions.len() >= 25, "places were lost: {}", doc.mentions.len());
        })
    });
    let text = news_text(100_000);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("100 KB of news", |b| {
        b.iter(|| {
            let doc = pipeline.process(black_box(input(&text)));
            assert!(doc.mentions.len() >= 1000, "places were lost: {}", doc.mentions.len());
        })
    });
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
