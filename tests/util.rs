//! Shared helpers: hand-built documents, temporary directories and the built binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chrono::NaiveDate;
use newsmap::model::{
    Actor, ActorId, ActorKind, Candidate, DateRange, DateSource, Document, Event, EventId,
    EventKind, Granularity, Mention, MentionId, MentionKind, Place, PlaceId, PlaceKind, Position,
    Span, Timex, TimexType,
};

/// A place with the given id, name, kind, country and point (longitude, latitude).
pub fn place(id: &str, name: &str, kind: PlaceKind, country: &str, lon: f64, lat: f64) -> Place {
    Place {
        id: id.parse().unwrap(),
        name: name.into(),
        kind,
        country: (!country.is_empty()).then(|| country.into()),
        admin1: None,
        population: 0,
        position: Position::new(lon, lat),
    }
}

pub fn pyongyang() -> Place {
    place("geonames:1871859", "Pyongyang", PlaceKind::City, "KP", 125.75432, 39.03385)
}

pub fn seoul() -> Place {
    place("geonames:1835848", "Seoul", PlaceKind::City, "KR", 126.9784, 37.566)
}

pub fn vostochny() -> Place {
    place("landmark:7", "Vostochny Cosmodrome", PlaceKind::Facility, "RU", 128.3336, 51.8844)
}

/// The span of the `nth` (from 0) occurrence of `needle` in `text`.
pub fn span_of(text: &str, needle: &str, nth: usize) -> Span {
    let start = text.match_indices(needle).nth(nth).map(|(i, _)| i).unwrap();
    Span::new(start, start + needle.len())
}

/// Builds a document from text and `(needle, place)` mentions (first occurrences, in the
/// order given, which must be text order).
pub struct DocBuilder {
    doc: Document,
}

impl DocBuilder {
    pub fn new(name: &str, text: &str) -> Self {
        Self {
            doc: Document {
                name: name.to_owned(),
                text: text.to_owned(),
                date: None,
                date_source: DateSource::Unknown,
                sentences: newsmap::text::sentences(text),
                mentions: Vec::new(),
                timexes: Vec::new(),
                actors: Vec::new(),
                relative_locations: Vec::new(),
                events: Vec::new(),
            },
        }
    }

    pub fn date(mut self, date: NaiveDate, source: DateSource) -> Self {
        self.doc.date = Some(date);
        self.doc.date_source = source;
        self
    }

    /// A mention of `needle` (its `nth` occurrence) resolved to `place`, or unresolved.
    pub fn mention(mut self, needle: &str, nth: usize, place: Option<Place>) -> Self {
        let span = span_of(&self.doc.text, needle, nth);
        let id = MentionId(self.doc.mentions.len() as u32);
        let score = if place.is_some() { 0.8 } else { 0.0 };
        let alternatives = match &place {
            Some(p) if p.id == seoul().id => vec![Candidate { place: pyongyang(), score: 0.1 }],
            _ => Vec::new(),
        };
        let reason = place.is_none().then(|| "no candidate in the gazetteer".to_owned());
        self.doc.mentions.push(Mention {
            id,
            span,
            text: needle.to_owned(),
            kind: MentionKind::Toponym,
            place,
            score,
            alternatives,
            reason,
        });
        self
    }

    pub fn actor(mut self, name: &str, kind: ActorKind) -> Self {
        let span = span_of(&self.doc.text, name, 0);
        let id = ActorId(self.doc.actors.len() as u32);
        self.doc.actors.push(Actor { id, name: name.to_owned(), kind, spans: vec![span] });
        self
    }

    pub fn timex(mut self, text: &str, value: &str, day: Option<NaiveDate>) -> Self {
        let span = span_of(&self.doc.text, text, 0);
        self.doc.timexes.push(Timex {
            span,
            text: text.to_owned(),
            timex_type: TimexType::Date,
            value: value.to_owned(),
            interval: day.map(|d| (d, d)),
            granularity: day.map(|_| Granularity::Day),
        });
        self
    }

    /// An event triggered by `trigger`, in the sentence that contains it, tied to mentions
    /// and actors by index.
    pub fn event(
        mut self,
        trigger: &str,
        summary: &str,
        day: Option<NaiveDate>,
        mentions: &[u32],
        actors: &[u32],
    ) -> Self {
        let trigger = span_of(&self.doc.text, trigger, 0);
        let sentence = self.doc.sentence_of(trigger).unwrap();
        let id = EventId(self.doc.events.len() as u32);
        self.doc.events.push(Event {
            id,
            kind: EventKind::Meeting,
            summary: summary.to_owned(),
            date: day.map(|d| DateRange {
                start: d,
                end: d,
                granularity: Granularity::Day,
                text: d.to_string(),
            }),
            mentions: mentions.iter().map(|&m| MentionId(m)).collect(),
            actors: actors.iter().map(|&a| ActorId(a)).collect(),
            trigger,
            sentence,
        });
        self
    }

    pub fn build(self) -> Document {
        self.doc
    }
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A document in Russian and English with curly quotes, so byte and character offsets
/// differ, and events with zero, one and two places.
pub fn summit_document() -> Document {
    let text = "«Пхеньян» и “Сеул”: Kim met Putin at Vostochny on 13 September 2023.\n\n\
                Zürich was not there. Seoul welcomed the talks from Pyongyang’s side.";
    DocBuilder::new("summit/ру.txt", text)
        .date(day(2023, 10, 12), DateSource::Given)
        .mention("Пхеньян", 0, Some(pyongyang()))
        .mention("Сеул", 0, Some(seoul()))
        .mention("Vostochny", 0, Some(vostochny()))
        .mention("Zürich", 0, None)
        .mention("Seoul", 0, Some(seoul()))
        .mention("Pyongyang", 0, Some(pyongyang()))
        .actor("Kim", ActorKind::Person)
        .actor("Putin", ActorKind::Person)
        .timex("13 September 2023", "2023-09-13", Some(day(2023, 9, 13)))
        .event("met", "Kim and Putin met at Vostochny", Some(day(2023, 9, 13)), &[2], &[0, 1])
        .event("welcomed", "Seoul welcomed the talks", None, &[4, 5], &[])
        .event("was not there", "Zürich absent", None, &[3], &[])
        .build()
}

/// A second document sharing Seoul with [`summit_document`].
pub fn seoul_document() -> Document {
    let text = "Seoul, Oct 12 (EFE).- Officials in Seoul met again.";
    DocBuilder::new("seoul.txt", text)
        .mention("Seoul", 0, Some(seoul()))
        .mention("Seoul", 1, Some(seoul()))
        .event("met", "Officials met in Seoul", Some(day(2023, 10, 12)), &[1], &[])
        .build()
}

/// A document with nothing found in it.
pub fn empty_document() -> Document {
    DocBuilder::new("empty.md", "Nothing to see.").build()
}

/// The characters `[start, end)` of `text`.
pub fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// A temporary directory to run the binary in.
pub struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Self {
        Self { dir: tempfile::tempdir().unwrap() }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn join(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file (creating parent directories).
    pub fn create(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// `newsmap` with `args`, run in this directory.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_newsmap"));
        command.args(args).current_dir(self.path()).env("RUST_LOG", "newsmap=warn");
        command
    }

    /// Runs `newsmap` with `args` and `stdin` as standard input.
    pub fn run(&self, args: &[&str], stdin: &str) -> Run {
        use std::io::Write as _;
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        input.write_all(stdin.as_bytes()).unwrap();
        drop(input);
        Run(child.wait_with_output().unwrap())
    }
}

/// The outcome of a run.
pub struct Run(pub Output);

impl Run {
    pub fn code(&self) -> i32 {
        self.0.status.code().unwrap()
    }

    pub fn stdout(&self) -> String {
        String::from_utf8(self.0.stdout.clone()).unwrap()
    }

    pub fn stderr(&self) -> String {
        String::from_utf8(self.0.stderr.clone()).unwrap()
    }

    /// Asserts the exit code, showing standard error when it differs, and that nothing
    /// panicked.
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(self.code(), code, "stderr:\n{}", self.stderr());
        assert!(!self.stderr().contains("panicked"), "stderr:\n{}", self.stderr());
        self
    }
}

/// The ids of a place list, for comparisons.
pub fn ids(places: &[&Place]) -> Vec<PlaceId> {
    places.iter().map(|p| p.id).collect()
}
