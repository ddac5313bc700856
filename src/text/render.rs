//! A plain-text builder shared by the HTML and Markdown renderers: collapses whitespace and
//! turns block structure into line and paragraph breaks.

/// A break owed before the next word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Break {
    /// One space.
    Space,
    /// A newline (`<br>`, a Markdown hard break).
    Line,
    /// A blank line: a paragraph, heading, list item or caption ends. The sentence splitter
    /// never joins text across it, so headlines and captions stay their own sentences.
    Paragraph,
}

/// Accumulates text, emitting owed breaks lazily so that none lead or trail the output and
/// runs of them collapse to the strongest.
#[derive(Debug, Default)]
pub(crate) struct TextBuilder {
    out: String,
    pending: Option<Break>,
}

impl TextBuilder {
    /// Owes at least `brk` before the next text.
    pub(crate) fn owe(&mut self, brk: Break) {
        self.pending = Some(self.pending.map_or(brk, |p| p.max(brk)));
    }

    /// Appends text, collapsing each run of whitespace to one owed space.
    pub(crate) fn push_collapsed(&mut self, text: &str) {
        for (i, word) in text.split(char::is_whitespace).enumerate() {
            if i > 0 {
                self.owe(Break::Space);
            }
            if !word.is_empty() {
                self.push_raw(word);
            }
        }
    }

    /// Appends text as is (preformatted), after any owed break.
    pub(crate) fn push_raw(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(brk) = self.pending.take().filter(|_| !self.out.is_empty()) {
            self.out.push_str(match brk {
                Break::Space => " ",
                Break::Line => "\n",
                Break::Paragraph => "\n\n",
            });
        }
        self.out.push_str(text);
    }

    /// The finished text, with no leading or trailing breaks.
    pub(crate) fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_collapse_to_the_strongest_and_never_lead_or_trail() {
        let mut b = TextBuilder::default();
        b.owe(Break::Paragraph);
        b.push_collapsed("  North \n Korea ");
        b.owe(Break::Line);
        b.owe(Break::Paragraph);
        b.push_collapsed("Seoul");
        b.owe(Break::Paragraph);
        assert_eq!(b.finish(), "North Korea\n\nSeoul");
    }
}
