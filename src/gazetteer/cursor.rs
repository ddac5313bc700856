//! A walk through the exact-name index that a recognizer advances word by word.
//!
//! A recognizer grows a candidate name one token at a time and, at each step, asks two
//! things: is the key so far a name, and does some longer name continue it? Asked through
//! [`Gazetteer::lookup_folded`] and [`Gazetteer::has_prefix`], each question walks the fst
//! from the root again, so a name of n bytes costs some 2n node decodes per word added. A
//! cursor keeps the node the key so far leads to, so each byte is decoded once and both
//! questions are answered where the walk stands. A cursor over the variant-key index
//! ([`Gazetteer::variant_cursor`]) lets a caller resume its walks past prefixes it has walked
//! before, as over the exact one.

use fst::raw::{Node, Output};

use super::store::Section;
use super::{Gazetteer, MatchKind, NameMatch};

/// The node of the exact-name index reached by the bytes fed so far, with the output summed
/// along the way. Cheap to copy; borrows the gazetteer.
#[derive(Clone, Copy)]
pub struct NameCursor<'g> {
    fst: &'g fst::raw::Fst<Section>,
    node: Node<'g>,
    output: Output,
}

impl std::fmt::Debug for NameCursor<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameCursor")
            .field("node", &self.node.addr())
            .field("output", &self.output.value())
            .finish()
    }
}

impl<'g> NameCursor<'g> {
    /// The cursor after `bytes` more, or `None` when no exact key starts with the bytes fed
    /// so far and these.
    pub fn advanced(mut self, bytes: &[u8]) -> Option<Self> {
        for &b in bytes {
            let i = self.node.find_input(b)?;
            let t = self.node.transition(i);
            self.output = self.output.cat(t.out);
            self.node = self.fst.node(t.addr);
        }
        Some(self)
    }

    /// The bytes that continue some key from where the cursor stands, in order.
    pub(crate) fn next_bytes(&self) -> impl Iterator<Item = u8> + '_ {
        self.node.transitions().map(|t| t.inp)
    }

    /// True when some exact key continues the bytes fed so far with `b`: with `b' '`, whether a
    /// longer name follows the words so far.
    pub fn continues_with(&self, b: u8) -> bool {
        self.node.find_input(b).is_some()
    }

    /// Where the cursor stands (node address and output so far), to be kept beyond the
    /// gazetteer's borrow and resumed with [`Gazetteer::name_cursor_at`].
    pub(crate) fn position(&self) -> (usize, u64) {
        (self.node.addr(), self.output.value())
    }

    /// The stored value of the key fed so far when it is an exact key, as
    /// [`Gazetteer::matches_at`] reads it; equal values list the same entries.
    pub fn value(&self) -> Option<u64> {
        self.node.is_final().then(|| self.output.cat(self.node.final_output()).value())
    }
}

impl Gazetteer {
    /// A cursor at the start of the exact-name index: no bytes fed yet.
    pub fn name_cursor(&self) -> NameCursor<'_> {
        let fst = self.exact.as_fst();
        NameCursor { fst, node: fst.root(), output: Output::zero() }
    }

    /// A cursor resumed where [`NameCursor::position`] left one over this gazetteer.
    ///
    /// # Panics
    /// When the position did not come from a cursor over this gazetteer.
    pub(crate) fn name_cursor_at(&self, (addr, output): (usize, u64)) -> NameCursor<'_> {
        let fst = self.exact.as_fst();
        NameCursor { fst, node: fst.node(addr), output: Output::new(output) }
    }

    /// The entries a cursor's [`NameCursor::value`] lists, exactly as
    /// [`Gazetteer::lookup_folded`] returns them for the key fed to the cursor.
    pub fn matches_at(&self, value: u64) -> Vec<NameMatch> {
        self.postings_of(Some(value), MatchKind::Exact)
    }

    /// A cursor at the start of the variant-key index: no bytes fed yet.
    pub(crate) fn variant_cursor(&self) -> NameCursor<'_> {
        let fst = self.variant.as_fst();
        NameCursor { fst, node: fst.root(), output: Output::zero() }
    }

    /// A cursor resumed where [`NameCursor::position`] left one over this gazetteer's
    /// variant-key index.
    ///
    /// # Panics
    /// When the position did not come from such a cursor.
    pub(crate) fn variant_cursor_at(&self, (addr, output): (usize, u64)) -> NameCursor<'_> {
        let fst = self.variant.as_fst();
        NameCursor { fst, node: fst.node(addr), output: Output::new(output) }
    }

    /// The entries a variant cursor's [`NameCursor::value`] lists, exactly as
    /// [`Gazetteer::lookup_variant`] returns them for the key fed to the cursor.
    pub(crate) fn variant_matches_at(&self, value: u64) -> Vec<NameMatch> {
        self.postings_of(Some(value), MatchKind::Variant)
    }
}

#[cfg(test)]
mod tests {
    use crate::gazetteer::Gazetteer;

    /// Feeds `key` to a fresh cursor in pieces split at spaces, as a recognizer adds words.
    fn walk<'g>(g: &'g Gazetteer, key: &str) -> Option<super::NameCursor<'g>> {
        let mut cursor = g.name_cursor();
        for (n, word) in key.split(' ').enumerate() {
            if n > 0 {
                cursor = cursor.advanced(b" ")?;
            }
            cursor = cursor.advanced(word.as_bytes())?;
        }
        Some(cursor)
    }

    #[test]
    fn a_cursor_finds_what_a_lookup_finds() {
        let g = Gazetteer::embedded().unwrap();
        for key in ["new york", "springfield", "north korea", "russian", "amur", "us"] {
            let cursor = walk(&g, key).unwrap();
            let value = cursor.value().unwrap();
            assert_eq!(g.matches_at(value), g.lookup_folded(key), "{key}");
        }
    }

    #[test]
    fn a_cursor_answers_whether_a_longer_name_follows() {
        let g = Gazetteer::embedded().unwrap();
        for key in ["new", "north", "south korea", "blagoveshchensk", "rio de"] {
            let cursor = walk(&g, key).unwrap();
            assert_eq!(cursor.continues_with(b' '), g.has_prefix(&format!("{key} ")), "{key}");
        }
        assert!(walk(&g, "new").unwrap().continues_with(b' '));
        assert!(!walk(&g, "blagoveshchensk").unwrap().continues_with(b' '));
    }

    #[test]
    fn a_variant_cursor_finds_what_a_variant_lookup_finds() {
        let g = Gazetteer::embedded().unwrap();
        for key in ["blagoveshensk", "tsiolkovsky", "new york", "russia"] {
            let key = crate::gazetteer::variant_key(key);
            let cursor = g.variant_cursor().advanced(key.as_bytes()).unwrap();
            let value = cursor.value().unwrap();
            assert_eq!(g.variant_matches_at(value), g.lookup_variant(&key), "{key}");
            let (prefix, rest) = key.as_bytes().split_at(3);
            let at = g.variant_cursor().advanced(prefix).unwrap().position();
            let resumed = g.variant_cursor_at(at).advanced(rest).unwrap();
            assert_eq!(resumed.value(), Some(value), "{key}");
        }
        assert!(g.variant_cursor().advanced(b"zzqx").is_none());
    }

    #[test]
    fn a_prefix_of_no_name_has_no_cursor_and_a_bare_prefix_no_value() {
        let g = Gazetteer::embedded().unwrap();
        assert!(walk(&g, "zzqx").is_none());
        // "rio de" starts "Rio de Janeiro" but is no name itself.
        let rio_de = walk(&g, "rio de").unwrap();
        assert!(rio_de.value().is_none());
        assert!(g.lookup_folded("rio de").is_empty());
    }
}
