//! The text viewer: the article with its mentions highlighted by kind colour (the selected
//! place's stronger), dates and actors underlined, tooltips with each resolution and its
//! alternatives; clicking a mention selects its place.

use std::ops::Range;
use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, RichText, Sense, Stroke, Ui};

use crate::gui::command::{Command, DocId, Item};
use crate::gui::panels::event_list::format_date;
use crate::gui::state::AppState;
use crate::gui::theme::{
    ACCENT, ACTOR_COLOUR, DATE_COLOUR, article_font, category_colour, with_alpha,
};
use crate::model::{Document, MentionId, Span};

/// How strongly a stretch of text is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strength {
    /// A mention of some place.
    Normal,
    /// A mention of the selected place (or of the selected event's places).
    Selected,
}

/// One highlighted mention as drawn: what the text viewer shows, inspectable by tests.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    /// The mention.
    pub mention: MentionId,
    /// Its span.
    pub span: Span,
    /// Normal or selected.
    pub strength: Strength,
    /// Background colour used.
    pub background: Color32,
}

/// What lies under a stretch of text, for tooltips and clicks.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Hit {
    Mention(MentionId),
    Timex(usize),
    Actor(usize),
}

/// The text viewer's memo: the laid-out article is rebuilt only when the document or the
/// selection changes, not every frame.
#[derive(Default)]
pub struct TextViewCache {
    key: Option<(DocId, u64, Option<Item>, Option<Item>)>,
    job: Option<LayoutJob>,
    /// The laid-out job and the width it was wrapped at: a long article is not re-laid out
    /// every frame.
    galley: Option<(f32, Arc<egui::Galley>)>,
    hits: Vec<(Range<usize>, Hit)>,
    highlights: Vec<Highlight>,
    byte_of_char: Vec<usize>,
    handled_scroll: u64,
}

impl TextViewCache {
    /// The highlights last drawn (for tests and diagnostics).
    pub fn highlights(&self) -> &[Highlight] {
        &self.highlights
    }
}

/// The highlights of a document under the current selection, in text order.
pub fn highlights(state: &AppState, document: &Document) -> Vec<Highlight> {
    let selected = state.selected_places();
    document
        .mentions
        .iter()
        .map(|m| {
            let chosen = m.place.as_ref();
            let is_selected = chosen.is_some_and(|p| selected.contains(&p.id));
            let colour =
                chosen.map_or(Color32::from_gray(150), |p| category_colour(p.kind.category()));
            let (strength, alpha) =
                if is_selected { (Strength::Selected, 150) } else { (Strength::Normal, 48) };
            Highlight {
                mention: m.id,
                span: m.span,
                strength,
                background: with_alpha(colour, alpha),
            }
        })
        .collect()
}

fn build(cache: &mut TextViewCache, state: &AppState, doc_id: DocId, document: &Document) {
    let text = document.text.as_str();
    let highlights = highlights(state, document);
    let sentence = match state.selection {
        Some(Item::Event(d, e)) if d == doc_id => {
            document.events.get(e.index()).map(|e| e.sentence)
        }
        _ => None,
    };
    let focused = match state.focused_mention {
        Some(Item::Mention(d, m)) if d == doc_id => Some(m),
        _ => None,
    };
    // Every span boundary, so each piece has one uniform format.
    let mut cuts: Vec<usize> = vec![0, text.len()];
    let mut hits: Vec<(Range<usize>, Hit)> = Vec::new();
    for m in &document.mentions {
        cuts.extend([m.span.start_byte, m.span.end_byte]);
        hits.push((m.span.start_byte..m.span.end_byte, Hit::Mention(m.id)));
    }
    for (i, t) in document.timexes.iter().enumerate() {
        cuts.extend([t.span.start_byte, t.span.end_byte]);
        hits.push((t.span.start_byte..t.span.end_byte, Hit::Timex(i)));
    }
    for (i, a) in document.actors.iter().enumerate() {
        for s in &a.spans {
            cuts.extend([s.start_byte, s.end_byte]);
            hits.push((s.start_byte..s.end_byte, Hit::Actor(i)));
        }
    }
    if let Some(s) = sentence {
        cuts.extend([s.start_byte, s.end_byte]);
    }
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();

    let mut job = LayoutJob::default();
    job.wrap.max_width = f32::INFINITY;
    let base = TextFormat {
        font_id: article_font(),
        color: Color32::from_gray(30),
        line_height: Some(21.0),
        ..TextFormat::default()
    };
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(piece) = text.get(a..b) else { continue };
        let mut format = base.clone();
        if sentence.is_some_and(|s| s.start_byte <= a && b <= s.end_byte) {
            format.background = with_alpha(ACCENT, 22);
        }
        if let Some(h) = highlights.iter().find(|h| h.span.start_byte <= a && b <= h.span.end_byte)
        {
            format.background = h.background;
            if h.strength == Strength::Selected {
                format.color = Color32::BLACK;
            }
            if focused == Some(h.mention) {
                format.underline = Stroke::new(2.0, ACCENT);
            }
        }
        let in_timex =
            document.timexes.iter().any(|t| t.span.start_byte <= a && b <= t.span.end_byte);
        let in_actor = document
            .actors
            .iter()
            .flat_map(|x| &x.spans)
            .any(|s| s.start_byte <= a && b <= s.end_byte);
        if in_timex {
            format.underline = Stroke::new(1.5, DATE_COLOUR);
        } else if in_actor && format.underline == Stroke::NONE {
            format.underline = Stroke::new(1.0, ACTOR_COLOUR);
        }
        job.append(piece, 0.0, format);
    }
    cache.byte_of_char =
        text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).collect();
    cache.hits = hits;
    cache.highlights = highlights;
    cache.job = Some(job);
    cache.galley = None;
}

/// Draws the text viewer for the document chosen in the state.
pub fn text_view_ui(
    ui: &mut Ui,
    state: &AppState,
    cache: &mut TextViewCache,
    commands: &mut Vec<Command>,
) {
    let Some((doc_id, document)) =
        state.text_doc.and_then(|d| state.shown_document(d).map(|doc| (d, Arc::clone(doc))))
    else {
        ui.heading("Article");
        ui.weak("Open a document to read it here.");
        return;
    };
    ui.horizontal(|ui| {
        ui.heading(crate::gui::state::display_name(std::path::Path::new(&document.name)));
    });
    let place_count = state.document(doc_id).map_or(0, |d| d.place_count);
    let mut meta = format!("{place_count} places · {} events", document.events.len());
    if let Some(date) = document.date {
        meta = format!("{} · {meta}", date.format("%-d %B %Y"));
    }
    ui.weak(meta);
    event_card_ui(ui, state, doc_id, &document);
    ui.separator();

    let key = (doc_id, state.catalog_generation, state.selection, state.focused_mention);
    if cache.key != Some(key) {
        build(cache, state, doc_id, &document);
        cache.key = Some(key);
    }
    if cache.job.is_none() {
        return;
    }
    let scroll = state.scroll_request;
    egui::ScrollArea::vertical().id_salt("article").auto_shrink([false, false]).show(ui, |ui| {
        let width = ui.available_width() - 6.0;
        let galley = match &cache.galley {
            Some((w, galley)) if *w == width => Arc::clone(galley),
            _ => {
                let Some(mut job) = cache.job.clone() else { return };
                job.wrap.max_width = width;
                let galley = ui.painter().layout_job(job);
                cache.galley = Some((width, Arc::clone(&galley)));
                galley
            }
        };
        let response =
            ui.add(egui::Label::new(Arc::clone(&galley)).sense(Sense::click()).selectable(false));
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::Document, true, "Article text")
        });
        let origin = response.rect.min;

        // Scroll to a requested span once.
        if scroll.0 != cache.handled_scroll {
            if let Some(request) = scroll.1.filter(|r| r.doc == doc_id) {
                let char_index =
                    cache.byte_of_char.partition_point(|&b| b < request.span.start_byte);
                let rect =
                    galley.pos_from_cursor(CCursor::new(char_index)).translate(origin.to_vec2());
                ui.scroll_to_rect(rect.expand2(egui::vec2(0.0, 40.0)), Some(egui::Align::Center));
            }
            cache.handled_scroll = scroll.0;
        }

        let Some(pointer) = response.hover_pos() else { return };
        let cursor = galley.cursor_from_pos(pointer - origin);
        // The cursor sits between characters; take the character the pointer is over.
        let glyph = galley.pos_from_cursor(cursor).translate(origin.to_vec2());
        let index = if pointer.x < glyph.left() {
            cursor.index.0.saturating_sub(1)
        } else {
            cursor.index.0
        };
        let byte = cache.byte_of_char.get(index).copied().unwrap_or(usize::MAX);
        let under: Vec<Hit> =
            cache.hits.iter().filter(|(r, _)| r.contains(&byte)).map(|(_, h)| *h).collect();
        let mention = under.iter().find_map(|h| match h {
            Hit::Mention(m) => Some(*m),
            _ => None,
        });
        if let Some(m) = mention {
            commands.push(Command::Hover(Some(Item::Mention(doc_id, m))));
        }
        if under.is_empty() {
            return;
        }
        response.clone().on_hover_ui_at_pointer(|ui| {
            for hit in &under {
                hit_tooltip_ui(ui, &document, *hit);
            }
        });
        if let Some(m) = mention
            && response.clicked()
        {
            commands.push(Command::Select(Item::Mention(doc_id, m)));
            commands.push(Command::FlyTo(Item::Mention(doc_id, m)));
        }
    });
}

fn hit_tooltip_ui(ui: &mut Ui, document: &Document, hit: Hit) {
    match hit {
        Hit::Mention(id) => {
            let Some(m) = document.mentions.get(id.index()) else { return };
            match &m.place {
                Some(place) => {
                    ui.horizontal(|ui| {
                        let (dot, _) =
                            ui.allocate_exact_size(egui::vec2(10.0, 10.0), Sense::hover());
                        ui.painter().circle_filled(
                            dot.center(),
                            4.5,
                            category_colour(place.kind.category()),
                        );
                        ui.strong(place.qualified_name());
                    });
                    ui.label(format!(
                        "{} · {} · confidence {:.0}%",
                        place.kind.label(),
                        crate::gui::map::places::format_lat_lon(place.lat(), place.lon()),
                        m.score * 100.0
                    ));
                }
                None => {
                    ui.strong(format!("“{}”: not resolved", m.text));
                }
            }
            if let Some(reason) = &m.reason {
                ui.weak(reason);
            }
            if !m.alternatives.is_empty() {
                ui.label(RichText::new("Alternatives").small().strong());
                for alt in m.alternatives.iter().take(4) {
                    ui.label(
                        RichText::new(format!(
                            "{} ({:.0}%)",
                            alt.place.qualified_name(),
                            alt.score * 100.0
                        ))
                        .small(),
                    );
                }
            }
        }
        Hit::Timex(i) => {
            if let Some(t) = document.timexes.get(i) {
                ui.label(
                    RichText::new(format!("Date: {} ({:?})", t.value, t.timex_type))
                        .color(DATE_COLOUR),
                );
            }
        }
        Hit::Actor(i) => {
            if let Some(a) = document.actors.get(i) {
                let kind = match a.kind {
                    crate::model::ActorKind::Person => "person",
                    crate::model::ActorKind::Organisation => "organisation",
                };
                ui.label(format!("{} ({kind})", a.name));
            }
        }
    }
}

/// The selected event of this document: date, summary and its sentence.
fn event_card_ui(ui: &mut Ui, state: &AppState, doc_id: DocId, document: &Document) {
    let Some(Item::Event(d, e)) = state.selection else { return };
    if d != doc_id {
        return;
    }
    let Some(event) = document.events.get(e.index()) else { return };
    egui::Frame::new()
        .fill(with_alpha(ACCENT, 18))
        .stroke(Stroke::new(1.0, with_alpha(ACCENT, 90)))
        .corner_radius(6)
        .inner_margin(8)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Wrapped: a long summary must not widen the text panel and squeeze the map.
            ui.horizontal_wrapped(|ui| {
                let date = event.date.as_ref().map_or_else(|| "undated".to_owned(), format_date);
                ui.label(RichText::new(date).strong().color(ACCENT));
                ui.label(RichText::new(&event.summary).strong());
            });
            if let Some(sentence) = event.sentence.text(&document.text) {
                ui.label(
                    RichText::new(format!("“{}”", sentence.trim()))
                        .italics()
                        .color(Color32::from_gray(60)),
                );
            }
        });
}
