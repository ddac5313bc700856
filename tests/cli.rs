//! `newsmap extract` end to end: the built binary in a temporary directory.

use std::collections::BTreeSet;
use std::process::Stdio;

use newsmap::export::jsonl::JsonlDocument;

use crate::util::*;

const ARTICLE: &str = newsmap::SAMPLE_ARTICLE;

fn jsonl_lines(run: &Run) -> Vec<JsonlDocument> {
    run.stdout().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// A directory with the sample as text, Markdown and HTML, plus things a walk must skip.
fn corpus() -> Dir {
    let dir = Dir::new();
    dir.create("news/b.txt", ARTICLE);
    dir.create("news/a/story.md", format!("# Headline\n\n{ARTICLE}"));
    dir.create(
        "news/a/page.html",
        "<html><head><title>Kim, Putin exchange messages</title></head>\
         <body><nav>Home</nav><p>Seoul, Oct 12 (EFE).- Text.</p></body></html>",
    );
    dir.create("news/.hidden.txt", "hidden");
    dir.create("news/.git/config.txt", "hidden too");
    dir.create("news/photo.jpg", b"\xFF\xD8\xFF\xE0\x00\x10JFIF");
    dir
}

#[test]
fn jsonl_output_has_one_line_per_document_in_sorted_walk_order() {
    let dir = corpus();
    let run = dir.run(&["extract", "-f", "jsonl", "news"], "");
    run.assert_code(0);
    let lines = jsonl_lines(&run);
    let ids: Vec<&str> = lines.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["news/a/page.html", "news/a/story.md", "news/b.txt"]);
    assert_eq!(lines[0].text, "Kim, Putin exchange messages\n\nSeoul, Oct 12 (EFE).- Text.");
    assert_eq!(lines[1].text, format!("Headline\n\n{}", ARTICLE.trim_end()));
    assert_eq!(lines[2].text, ARTICLE);
}

#[test]
fn output_order_does_not_depend_on_the_number_of_threads() {
    let dir = Dir::new();
    for i in 0..40 {
        dir.create(&format!("in/{i:02}.txt"), format!("Story {i} from Seoul. {ARTICLE}"));
    }
    let one = dir.run(&["extract", "-f", "jsonl", "-j", "1", "in"], "");
    let two = dir.run(&["extract", "-f", "jsonl", "--jobs", "2", "in"], "");
    one.assert_code(0);
    two.assert_code(0);
    assert_eq!(one.stdout(), two.stdout());
    assert_eq!(jsonl_lines(&one).len(), 40);
}

#[test]
fn geojson_output_parses_and_agrees_with_jsonl() {
    let dir = corpus();
    let run = dir.run(&["extract", "news"], "");
    run.assert_code(0);
    let text = run.stdout();
    let typed: geojson::FeatureCollection = text.parse().unwrap();
    let ours = newsmap::export::geojson::read(text.as_bytes()).unwrap();
    assert_eq!(typed.features.len(), ours.places.len() + ours.events.len());

    let lines = jsonl_lines(&dir.run(&["extract", "-f", "jsonl", "news"], ""));
    let places: BTreeSet<String> = lines
        .iter()
        .flat_map(|d| &d.mentions)
        .filter_map(|m| m.place.as_ref().map(|p| p.id.to_string()))
        .collect();
    let features: BTreeSet<String> =
        ours.places.iter().map(|p| p.properties.id.to_string()).collect();
    assert_eq!(features, places, "one place feature per distinct resolved place");
    let events: usize = lines.iter().map(|d| d.events.len()).sum();
    assert_eq!(ours.events.len(), events, "one event feature per event");
}

#[test]
fn csv_output_has_a_header_and_a_row_per_mention() {
    let dir = corpus();
    let run = dir.run(&["extract", "-f", "csv", "news"], "");
    run.assert_code(0);
    let mut reader = csv::Reader::from_reader(run.0.stdout.as_slice());
    assert_eq!(&reader.headers().unwrap()[0], "document");
    let rows = reader.records().map(Result::unwrap).count();
    let lines = jsonl_lines(&dir.run(&["extract", "-f", "jsonl", "news"], ""));
    assert_eq!(rows, lines.iter().map(|d| d.mentions.len()).sum::<usize>());
}

#[test]
fn the_output_format_follows_the_output_file_extension() {
    let dir = corpus();
    dir.run(&["extract", "news/b.txt", "-o", "out.csv"], "").assert_code(0);
    let csv = std::fs::read_to_string(dir.join("out.csv")).unwrap();
    assert!(csv.starts_with("document,start,end,text"), "{csv}");
    dir.run(&["extract", "news/b.txt", "-o", "out.jsonl"], "").assert_code(0);
    let jsonl = std::fs::read_to_string(dir.join("out.jsonl")).unwrap();
    let doc: JsonlDocument = serde_json::from_str(jsonl.trim_end()).unwrap();
    assert_eq!(doc.id, "news/b.txt");
}

#[test]
fn standard_input_is_read_with_a_dash_or_without_inputs() {
    let dir = Dir::new();
    for args in [&["extract", "-f", "jsonl", "-"][..], &["extract", "-f", "jsonl"][..]] {
        let run = dir.run(args, "Seoul, Oct 12 (EFE).- North Korean leader.");
        run.assert_code(0);
        let lines = jsonl_lines(&run);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].id, "<stdin>");
    }
}

#[test]
fn html_on_standard_input_is_rendered() {
    let dir = Dir::new();
    let page = "<!DOCTYPE html><title>T</title><script>var Paris;</script><p>Body</p>";
    let run = dir.run(&["extract", "-f", "jsonl"], page);
    run.assert_code(0);
    assert_eq!(jsonl_lines(&run)[0].text, "T\n\nBody", "offsets index the rendered text");
}

#[test]
fn bad_inputs_are_named_and_skipped_and_the_rest_is_processed() {
    let dir = Dir::new();
    dir.create("good.txt", ARTICLE);
    dir.create("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    dir.create("latin1.txt", b"Z\xFCrich is in Switzerland.");
    let huge = std::fs::File::create(dir.join("huge.txt")).unwrap();
    huge.set_len(60 * 1024 * 1024).unwrap(); // Sparse: costs no disk.
    drop(huge);
    let run = dir.run(
        &["extract", "-f", "jsonl", "binary.txt", "latin1.txt", "good.txt", "huge.txt", "gone.txt"],
        "",
    );
    run.assert_code(2);
    let stderr = run.stderr();
    for expected in [
        "binary file, not text: binary.txt",
        "not UTF-8 text (invalid byte at offset 1): latin1.txt",
        "over the 52428800-byte limit: huge.txt",
        "could not read gone.txt",
    ] {
        assert!(stderr.contains(expected), "missing {expected:?} in:\n{stderr}");
    }
    let ids: Vec<String> = jsonl_lines(&run).into_iter().map(|d| d.id).collect();
    assert_eq!(ids, ["good.txt"]);
}

#[test]
fn malformed_jsonl_lines_are_reported_by_line_and_skipped() {
    let dir = Dir::new();
    dir.create(
        "batch.jsonl",
        "{\"id\": \"a\", \"text\": \"Seoul.\", \"date\": \"2023-10-12\"}\n\
         {\"id\": \"b\", \"text\": \n\
         \n\
         {\"id\": \"c\"}\n\
         {\"id\": \"d\", \"text\": \"Pyongyang.\", \"date\": \"soon\"}\n\
         {\"id\": 5, \"text\": \"Moscow.\"}\n",
    );
    let run = dir.run(&["extract", "--jsonl-input", "-f", "jsonl", "batch.jsonl"], "");
    run.assert_code(2);
    let stderr = run.stderr();
    assert!(stderr.contains("line 2: malformed JSON"), "{stderr}");
    assert!(stderr.contains("line 4: no \"text\" string: batch.jsonl"), "{stderr}");
    assert!(stderr.contains("line 5: \"date\" is not a YYYY-MM-DD date"), "{stderr}");
    let lines = jsonl_lines(&run);
    let ids: Vec<&str> = lines.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "5"]);
    assert_eq!(lines[0].date, Some(day(2023, 10, 12)));
}

#[test]
fn jsonl_input_directories_pick_up_jsonl_files() {
    let dir = Dir::new();
    dir.create(
        "in/1.jsonl",
        "{\"id\": \"x\", \"text\": \"A.\"}\n{\"id\": \"y\", \"text\": \"B.\"}\n",
    );
    dir.create("in/2.ndjson", "{\"id\": \"z\", \"text\": \"C.\"}");
    dir.create("in/notes.txt", "not JSON");
    let run = dir.run(&["extract", "--jsonl-input", "-f", "jsonl", "in"], "");
    run.assert_code(0);
    let ids: Vec<String> = jsonl_lines(&run).into_iter().map(|d| d.id).collect();
    assert_eq!(ids, ["x", "y", "z"]);
}

#[test]
fn the_output_file_appears_whole_or_not_at_all() {
    let dir = corpus();
    dir.create("out.geojson", "old");
    dir.run(&["extract", "news", "-o", "out.geojson"], "").assert_code(0);
    let written = std::fs::read_to_string(dir.join("out.geojson")).unwrap();
    newsmap::export::geojson::read(written.as_bytes()).unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // A destination that cannot be written: a fatal error, nothing created.
    let run = dir.run(&["extract", "news", "-o", "missing/dir/out.geojson"], "");
    run.assert_code(1);
    assert!(run.stderr().contains("could not write missing/dir/out.geojson"), "{}", run.stderr());
    assert!(!dir.join("missing").exists());
}

#[test]
fn usage_errors_exit_with_2() {
    let dir = corpus();
    let run = dir.run(&["extract", "-f", "xml", "news"], "");
    run.assert_code(2);
    assert!(run.stderr().contains("xml"));
    dir.run(&["extract", "-j", "0", "news"], "").assert_code(2);
    let run = dir.run(&["extract", "-", "-"], "");
    run.assert_code(2);
    assert!(run.stderr().contains("standard input (-) can be read only once"));
    let run = dir.run(&["extract", "news", "-o", "news"], "");
    run.assert_code(2);
    assert!(run.stderr().contains("the output is a directory"));
}

#[test]
fn a_closed_pipe_on_standard_output_ends_quietly() {
    let dir = Dir::new();
    let line = format!("{}\n", serde_json::json!({"text": ARTICLE}));
    dir.create("many.jsonl", line.repeat(3000));
    let mut child = dir
        .command(&["extract", "--jsonl-input", "-f", "jsonl", "many.jsonl"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("newsmap:"), "{stderr}");
}

#[cfg(not(feature = "gui"))]
#[test]
fn without_the_gui_the_app_command_points_to_extract() {
    let run = Dir::new().run(&[], "");
    run.assert_code(2);
    assert!(run.stderr().contains("built without the GUI; use `newsmap extract`"));
}
