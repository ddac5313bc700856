//! Markdown to plain text with pulldown-cmark: the words stay, the markup goes.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::render::{Break, TextBuilder};

/// Renders Markdown to its words.
///
/// Headings, paragraphs, list items, quotes, code blocks and table rows end with a blank line
/// (each is its own sentence); soft line breaks become spaces, hard breaks newlines; links
/// keep their text and lose their target; images, raw HTML, footnote markers and front
/// matter are dropped. Quotes and dashes are kept as typed (no "smart punctuation"), so
/// the text is the author's.
pub fn markdown_to_text(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut out = TextBuilder::default();
    // Depth inside elements whose text is not prose (images' alt text, front matter).
    let mut skip_depth = 0usize;
    let mut in_code_block = false;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Image { .. } | Tag::MetadataBlock(_)) => skip_depth += 1,
            Event::End(TagEnd::Image | TagEnd::MetadataBlock(_)) => {
                skip_depth = skip_depth.saturating_sub(1);
            }
            _ if skip_depth > 0 => {}
            Event::Start(tag) if is_block(&tag) => {
                in_code_block |= matches!(tag, Tag::CodeBlock(_));
                out.owe(Break::Paragraph);
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                out.owe(Break::Paragraph);
            }
            Event::End(tag) if is_block_end(tag) => out.owe(Break::Paragraph),
            Event::Start(Tag::TableCell) | Event::End(TagEnd::TableCell) => out.owe(Break::Space),
            Event::Text(text) if in_code_block => out.push_raw(text.trim_end_matches('\n')),
            Event::Text(text) | Event::Code(text) => out.push_collapsed(&text),
            Event::InlineMath(text) | Event::DisplayMath(text) => out.push_raw(&text),
            Event::SoftBreak => out.owe(Break::Space),
            Event::HardBreak => out.owe(Break::Line),
            Event::Rule => out.owe(Break::Paragraph),
            _ => {}
        }
    }
    out.finish()
}

fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
    )
}

fn is_block_end(tag: TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::FootnoteDefinition
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_paragraphs_become_blank_line_separated_text() {
        let md = "# Kim, Putin exchange messages\n\nSeoul, Oct 12 (EFE).- North\nKorean leader.";
        assert_eq!(
            markdown_to_text(md),
            "Kim, Putin exchange messages\n\nSeoul, Oct 12 (EFE).- North Korean leader."
        );
    }

    #[test]
    fn links_keep_their_text_and_images_vanish() {
        let md = "Met in [Vostochny](https://example.org/v) ![map of Amur](amur.png) today.";
        assert_eq!(markdown_to_text(md), "Met in Vostochny today.");
    }

    #[test]
    fn emphasis_code_and_html_markup_are_dropped() {
        assert_eq!(markdown_to_text("**North** _Korea_ `KCNA` <b>x</b>"), "North Korea KCNA x");
    }

    #[test]
    fn list_items_are_their_own_paragraphs() {
        assert_eq!(markdown_to_text("- Seoul\n- Pyongyang\n"), "Seoul\n\nPyongyang");
    }

    #[test]
    fn front_matter_is_not_text() {
        assert_eq!(markdown_to_text("---\ntitle: x\ndate: 2023-10-12\n---\nBody."), "Body.");
    }
}
