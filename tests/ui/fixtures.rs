//! Hand-built documents for the app tests, standing in for the pipeline's output while the
//! engine is being built: the sample article with the places, dates, actors and events a
//! reader finds in it, and a second short article of our own.

use std::sync::Arc;

use chrono::NaiveDate;
use newsmap::gui::jobs::Processor;
use newsmap::model::{
    Actor, ActorId, ActorKind, Candidate, DateRange, DateSource, Document, DocumentInput, Event,
    EventId, EventKind, Granularity, Mention, MentionId, MentionKind, Place, PlaceId, PlaceKind,
    RelativeLocation, Span, Timex, TimexType,
};

/// A place as the gazetteer would give it.
pub fn place(id: PlaceId, name: &str, kind: PlaceKind, country: &str, lat: f64, lon: f64) -> Place {
    Place {
        id,
        name: name.into(),
        kind,
        country: Some(country.into()),
        admin1: None,
        population: 0,
        position: geo_types::Point::new(lon, lat),
    }
}

pub fn seoul() -> Place {
    place(PlaceId::geonames(1_835_848), "Seoul", PlaceKind::City, "KR", 37.566, 126.978)
}

pub fn vostochny() -> Place {
    place(PlaceId::landmark(1), "Vostochny Cosmodrome", PlaceKind::Facility, "RU", 51.884, 128.334)
}

pub fn kyiv() -> Place {
    place(PlaceId::geonames(703_448), "Kyiv", PlaceKind::City, "UA", 50.45, 30.52)
}

pub fn odesa() -> Place {
    place(PlaceId::geonames(698_740), "Odesa", PlaceKind::City, "UA", 46.48, 30.73)
}

/// Every whole-word occurrence of `needle` (not followed by a letter: "Russia" but not
/// "Russian").
fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    text.match_indices(needle)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after =
                text[i + needle.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            before && after
        })
        .map(|(i, _)| Span::new(i, i + needle.len()))
        .collect()
}

fn first(text: &str, needle: &str) -> Span {
    occurrences(text, needle)[0]
}

/// The paragraph containing `span`: the fixtures' stand-in for a sentence.
fn paragraph_of(text: &str, span: Span) -> Span {
    let start = text[..span.start_byte].rfind("\n\n").map_or(0, |i| i + 2);
    let end = text[span.end_byte..].find("\n\n").map_or(text.len(), |i| span.end_byte + i);
    Span::new(start, end)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

struct Builder {
    doc: Document,
}

impl Builder {
    fn new(name: &str, text: &str) -> Self {
        Self {
            doc: Document {
                name: name.to_owned(),
                text: text.to_owned(),
                date: None,
                date_source: DateSource::Unknown,
                sentences: Vec::new(),
                mentions: Vec::new(),
                timexes: Vec::new(),
                actors: Vec::new(),
                relative_locations: Vec::new(),
                events: Vec::new(),
            },
        }
    }

    fn mentions(&mut self, needle: &str, place: &Place, alternatives: Vec<Candidate>, score: f32) {
        for span in occurrences(&self.doc.text, needle) {
            self.doc.mentions.push(Mention {
                id: MentionId(0),
                span,
                text: needle.to_owned(),
                kind: MentionKind::Toponym,
                place: Some(place.clone()),
                score,
                alternatives: alternatives.clone(),
                reason: None,
            });
        }
    }

    fn timex(
        &mut self,
        needle: &str,
        value: &str,
        interval: (NaiveDate, NaiveDate),
        g: Granularity,
    ) {
        self.doc.timexes.push(Timex {
            span: first(&self.doc.text, needle),
            text: needle.to_owned(),
            timex_type: TimexType::Date,
            value: value.to_owned(),
            interval: Some(interval),
            granularity: Some(g),
        });
    }

    fn actor(&mut self, name: &str, needles: &[&str], kind: ActorKind) -> ActorId {
        let id = ActorId(self.doc.actors.len() as u32);
        let mut spans: Vec<Span> =
            needles.iter().flat_map(|n| occurrences(&self.doc.text, n)).collect();
        spans.sort();
        spans.dedup_by(|a, b| a.overlaps(b));
        self.doc.actors.push(Actor { id, name: name.to_owned(), kind, spans });
        id
    }

    /// Sorts and numbers the mentions; call before adding events.
    fn seal_mentions(&mut self) {
        self.doc.mentions.sort_by_key(|m| m.span);
        for (i, m) in self.doc.mentions.iter_mut().enumerate() {
            m.id = MentionId(i as u32);
        }
        self.doc.timexes.sort_by_key(|t| t.span);
    }

    fn mention_at(&self, needle: &str, nth: usize) -> MentionId {
        let span = occurrences(&self.doc.text, needle)[nth];
        self.doc.mentions.iter().find(|m| m.span == span).map(|m| m.id).unwrap()
    }

    #[allow(clippy::too_many_arguments)]
    fn event(
        &mut self,
        kind: EventKind,
        summary: &str,
        trigger: &str,
        when: Option<(NaiveDate, NaiveDate, Granularity, &str)>,
        mentions: Vec<MentionId>,
        actors: Vec<ActorId>,
    ) {
        let trigger = first(&self.doc.text, trigger);
        let sentence = paragraph_of(&self.doc.text, trigger);
        self.doc.events.push(Event {
            id: EventId(self.doc.events.len() as u32),
            kind,
            summary: summary.to_owned(),
            date: when.map(|(start, end, granularity, text)| DateRange {
                start,
                end,
                granularity,
                text: text.to_owned(),
            }),
            mentions,
            actors,
            trigger,
            sentence,
        });
    }

    fn finish(mut self) -> Document {
        let text = &self.doc.text;
        let mut sentences: Vec<Span> = Vec::new();
        let mut start = 0;
        for part in text.split("\n\n") {
            sentences.push(Span::new(start, start + part.len()));
            start += part.len() + 2;
        }
        self.doc.sentences = sentences;
        self.doc
    }
}

/// The sample article as a reader would annotate it.
pub fn sample_document() -> Document {
    let text = newsmap::SAMPLE_ARTICLE;
    let mut b = Builder::new(newsmap::SAMPLE_ARTICLE_NAME, text);
    let ru = place(PlaceId::geonames(2_017_370), "Russia", PlaceKind::Country, "RU", 60.0, 100.0);
    let blag = place(
        PlaceId::geonames(2_026_609),
        "Blagoveshchensk",
        PlaceKind::City,
        "RU",
        50.27,
        127.54,
    );
    let blag_bashkir =
        place(PlaceId::geonames(576_317), "Blagoveshchensk", PlaceKind::City, "RU", 55.03, 55.98);
    let amur =
        place(PlaceId::geonames(2_027_748), "Amur Oblast", PlaceKind::Admin1, "RU", 52.5, 128.0);
    let tsiolkovsky =
        place(PlaceId::geonames(2_013_727), "Tsiolkovsky", PlaceKind::City, "RU", 51.76, 128.12);
    let kp =
        place(PlaceId::geonames(1_873_107), "North Korea", PlaceKind::Country, "KP", 40.0, 127.0);
    let kr =
        place(PlaceId::geonames(1_835_841), "South Korea", PlaceKind::Country, "KR", 36.5, 127.75);
    let moscow = place(PlaceId::geonames(524_901), "Moscow", PlaceKind::City, "RU", 55.75, 37.62);
    let pyongyang =
        place(PlaceId::geonames(1_871_859), "Pyongyang", PlaceKind::City, "KP", 39.03, 125.75);
    let ukraine =
        place(PlaceId::geonames(690_791), "Ukraine", PlaceKind::Country, "UA", 49.0, 32.0);
    let us = place(
        PlaceId::geonames(6_252_001),
        "United States",
        PlaceKind::Country,
        "US",
        39.76,
        -98.5,
    );
    let japan =
        place(PlaceId::geonames(1_861_060), "Japan", PlaceKind::Country, "JP", 35.69, 139.75);
    let peninsula =
        place(PlaceId::landmark(2), "Korean Peninsula", PlaceKind::Landform, "KP", 38.5, 127.5);

    b.mentions("Vostochny", &vostochny(), Vec::new(), 0.9);
    b.mentions("Tsiolkovsky", &tsiolkovsky, Vec::new(), 0.85);
    b.mentions("Uglegorsk", &tsiolkovsky, Vec::new(), 0.8);
    let bashkir = vec![Candidate { place: blag_bashkir, score: 0.38 }];
    b.mentions("Blagoveschensk", &blag, bashkir, 0.5);
    b.mentions("Amur region", &amur, Vec::new(), 0.8);
    b.mentions("Russia", &ru, Vec::new(), 0.95);
    b.mentions("Seoul", &seoul(), Vec::new(), 0.95);
    b.mentions("Moscow", &moscow, Vec::new(), 0.9);
    b.mentions("Pyongyang", &pyongyang, Vec::new(), 0.9);
    b.mentions("North Korea", &kp, Vec::new(), 0.95);
    b.mentions("South Korea", &kr, Vec::new(), 0.95);
    b.mentions("Ukraine", &ukraine, Vec::new(), 0.9);
    b.mentions("United States", &us, Vec::new(), 0.9);
    b.mentions("US", &us, Vec::new(), 0.8);
    b.mentions("Japan", &japan, Vec::new(), 0.9);
    b.mentions("Korean peninsula", &peninsula, Vec::new(), 0.8);
    b.timex(
        "13 September 2023",
        "2023-09-13",
        (date(2023, 9, 13), date(2023, 9, 13)),
        Granularity::Day,
    );
    b.timex("Oct 12", "2023-10-12", (date(2023, 10, 12), date(2023, 10, 12)), Granularity::Day);
    b.timex("last month", "2023-09", (date(2023, 9, 1), date(2023, 9, 30)), Granularity::Month);
    b.timex(
        "Oct. 12, 1948",
        "1948-10-12",
        (date(1948, 10, 12), date(1948, 10, 12)),
        Granularity::Day,
    );
    b.timex("1945", "1945", (date(1945, 1, 1), date(1945, 12, 31)), Granularity::Year);
    b.seal_mentions();
    let putin = b.actor("Vladimir Putin", &["Vladimir Putin", "Putin"], ActorKind::Person);
    let kim = b.actor("Kim Jong Un", &["Kim Jong Un", "Kim Jong-un", "Kim"], ActorKind::Person);
    let kcna = b.actor("KCNA", &["KCNA"], ActorKind::Organisation);

    let summit = vec![
        b.mention_at("Vostochny", 0),
        b.mention_at("Tsiolkovsky", 0),
        b.mention_at("Blagoveschensk", 0),
        b.mention_at("Amur region", 0),
        b.mention_at("Russia", 0),
    ];
    b.event(
        EventKind::Meeting,
        "Putin and Kim Jong Un met at the Vostochny cosmodrome",
        "greets",
        Some((date(2023, 9, 13), date(2023, 9, 13), Granularity::Day, "13 September 2023")),
        summit,
        vec![putin, kim],
    );
    let seoul_mention = b.mention_at("Seoul", 0);
    b.event(
        EventKind::Communication,
        "Kim and Putin exchanged congratulatory messages",
        "exchanged congratulatory messages",
        Some((date(2023, 10, 12), date(2023, 10, 12), Granularity::Day, "Oct 12")),
        vec![seoul_mention],
        vec![kim, putin, kcna],
    );
    let kp_mention = b.mention_at("North Korea", 0);
    b.event(
        EventKind::Agreement,
        "The Soviet Union recognised the DPRK",
        "recognize",
        Some((date(1948, 10, 12), date(1948, 10, 12), Granularity::Day, "Oct. 12, 1948")),
        vec![kp_mention],
        Vec::new(),
    );
    let defeat = vec![b.mention_at("Japan", 0), b.mention_at("Korean peninsula", 0)];
    b.event(
        EventKind::Conflict,
        "Japan was defeated in World War II",
        "defeat",
        Some((date(1945, 1, 1), date(1945, 12, 31), Granularity::Year, "1945")),
        defeat,
        Vec::new(),
    );
    b.event(
        EventKind::Observation,
        "Satellite images showed more goods crossing the border",
        "satellite images showed",
        None,
        Vec::new(),
        Vec::new(),
    );
    let anchor = b.mention_at("Blagoveschensk", 0);
    let target = b.mention_at("Vostochny", 0);
    let rel_text = "some 180 km north of Blagoveschensk";
    let mut doc = b.finish();
    doc.relative_locations.push(RelativeLocation {
        span: first(&doc.text, rel_text),
        text: rel_text.to_owned(),
        anchor,
        target: Some(target),
        distance_km: 180.0,
        distance_tolerance: 0.15,
        bearing_deg: 0.0,
        bearing_spread_deg: 22.5,
        implied: None,
    });
    doc
}

/// A second, short article of our own with two Ukrainian cities and one event.
pub const SECOND_ARTICLE: &str = "Officials in Kyiv said on 2 October 2023 that overnight shelling hit the port of Odesa.\n\nRepairs began in Odesa the next day.";

/// The second article, annotated.
pub fn second_document(name: &str, text: &str) -> Document {
    let mut b = Builder::new(name, text);
    b.mentions("Kyiv", &kyiv(), Vec::new(), 0.9);
    b.mentions("Odesa", &odesa(), Vec::new(), 0.9);
    b.timex(
        "2 October 2023",
        "2023-10-02",
        (date(2023, 10, 2), date(2023, 10, 2)),
        Granularity::Day,
    );
    b.seal_mentions();
    let places = vec![b.mention_at("Kyiv", 0), b.mention_at("Odesa", 0)];
    b.event(
        EventKind::Conflict,
        "Shelling hit the port of Odesa",
        "shelling hit",
        Some((date(2023, 10, 2), date(2023, 10, 2), Granularity::Day, "2 October 2023")),
        places,
        Vec::new(),
    );
    b.finish()
}

/// A processor that returns the fixtures: the sample for the sample, the second article for
/// text that mentions Kyiv, and an empty document otherwise.
pub fn fixture_processor() -> Processor {
    Arc::new(|input: DocumentInput| {
        if input.name == newsmap::SAMPLE_ARTICLE_NAME {
            Ok(sample_document())
        } else if input.text.contains("Kyiv") {
            Ok(second_document(&input.name, &input.text))
        } else {
            Ok(Builder::new(&input.name, &input.text).finish())
        }
    })
}
