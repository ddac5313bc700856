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

use fst::raw::Fst;

use super::store::Section;
use super::{Gazetteer, MatchKind, NameMatch};

/// The node of a name index reached by the bytes fed so far, with the output summed along the
/// way. Cheap to copy; borrows the gazetteer.
///
/// Nodes are read in place from the index's bytes, in the `fst` crate's format (its
/// `raw::node` module), rather than through `fst::raw::Node`: a `Node` decodes every field of
/// a node (its end, its final output) each time the walk reaches it, where a step needs only
/// the transition for one byte, and a recognizer takes some hundred thousand steps per
/// megabyte of news. The tests walk every key of both indexes against `fst`'s own nodes, so
/// an `fst` release that changed the format would fail them.
#[derive(Clone, Copy)]
pub struct NameCursor<'g> {
    /// The index's bytes.
    data: &'g [u8],
    /// Nodes of more than [`INDEX_THRESHOLD`] transitions carry a byte index (format
    /// version 2 on).
    indexed: bool,
    /// The node's address: the position of its state byte.
    addr: usize,
    /// The outputs of the transitions taken.
    output: u64,
}

impl std::fmt::Debug for NameCursor<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NameCursor")
            .field("node", &self.addr)
            .field("output", &self.output)
            .finish()
    }
}

/// The address of the final node with no transitions (the `fst` crate's `EMPTY_ADDRESS`).
const EMPTY_ADDRESS: usize = 0;

/// A node with more transitions than this has a 256-byte index of them (from format version
/// 2; the `fst` crate's `TRANS_INDEX_THRESHOLD`).
const INDEX_THRESHOLD: usize = 32;

/// The inputs a one-transition node's state byte can name (index `n - 1` for `n` in 1..=63):
/// the first of the `fst` crate's `COMMON_INPUTS_INV`.
const COMMON_INPUTS: &[u8; 63] = b"te/oasripcnw.hlm-du012g=:bf3y5&_4v9678k%?xCDASFIBEjPTzRNM+LOqHG";

/// How a node is laid out, read from its state byte (the bytes before it hold the rest).
enum Shape {
    /// Final, no transitions: the node at [`EMPTY_ADDRESS`].
    Empty,
    /// One transition, to the node written just before this one, with no output.
    OneNext { input: u8, input_len: usize },
    /// One transition, with packed sizes of its target's distance and its output.
    One { input: u8, input_len: usize },
    /// Any number of transitions; `ntrans_len` is 1 when the count has a byte of its own.
    Any { is_final: bool, ntrans: usize, ntrans_len: usize },
}

/// Where the parts of a node of any number of transitions lie.
struct Layout {
    /// Where the transitions' input bytes start (a byte index of them, if any, follows).
    inputs: usize,
    /// The node has a byte index of its transitions.
    indexed: bool,
    /// Bytes of a transition's target distance.
    tsize: usize,
    /// Bytes of an output.
    osize: usize,
}

impl<'g> NameCursor<'g> {
    fn new(fst: &'g Fst<Section>, addr: usize, output: u64) -> Self {
        let data = fst.as_bytes();
        // The format version is the first word of the index.
        let version = data.first_chunk::<8>().map_or(0, |v| u64::from_le_bytes(*v));
        NameCursor { data, indexed: version >= 2, addr, output }
    }

    fn shape(&self) -> Shape {
        let (data, addr) = (self.data, self.addr);
        if addr == EMPTY_ADDRESS {
            return Shape::Empty;
        }
        let state = data[addr];
        // A one-transition node names its input in its state byte, or in the byte before.
        let one = || match state & 0b11_1111 {
            0 => (data[addr - 1], 1),
            common => (COMMON_INPUTS[usize::from(common) - 1], 0),
        };
        match state >> 6 {
            0b11 => {
                let (input, input_len) = one();
                Shape::OneNext { input, input_len }
            }
            0b10 => {
                let (input, input_len) = one();
                Shape::One { input, input_len }
            }
            _ => {
                let (ntrans, ntrans_len) = match state & 0b11_1111 {
                    // 256 transitions are counted as 1, which a one-transition node never is.
                    0 => match data[addr - 1] {
                        1 => (256, 1),
                        n => (usize::from(n), 1),
                    },
                    n => (usize::from(n), 0),
                };
                Shape::Any { is_final: state & 0b0100_0000 != 0, ntrans, ntrans_len }
            }
        }
    }

    /// Where the parts of the node lie, when it has any number of transitions.
    fn layout(&self, ntrans: usize, ntrans_len: usize) -> Layout {
        let sizes_at = self.addr - ntrans_len - 1;
        let sizes = self.data[sizes_at];
        let indexed = self.indexed && ntrans > INDEX_THRESHOLD;
        Layout {
            inputs: sizes_at - if indexed { 256 } else { 0 } - ntrans,
            indexed,
            tsize: usize::from(sizes >> 4),
            osize: usize::from(sizes & 0b1111),
        }
    }

    /// The target address and output of the transition for `b`, if the node has one.
    fn step(&self, b: u8) -> Option<(usize, u64)> {
        let (data, addr) = (self.data, self.addr);
        match self.shape() {
            Shape::Empty => None,
            Shape::OneNext { input, input_len } => {
                (input == b).then_some((addr - input_len - 1, 0))
            }
            Shape::One { input, input_len } => {
                if input != b {
                    return None;
                }
                let sizes = data[addr - input_len - 1];
                let (tsize, osize) = (usize::from(sizes >> 4), usize::from(sizes & 0b1111));
                let at = addr - input_len - 1 - tsize;
                let end = at - osize;
                Some((target(&data[at..], tsize, end), unpack(&data[end..], osize)))
            }
            Shape::Any { is_final, ntrans, ntrans_len } => {
                let Layout { inputs, indexed, tsize, osize } = self.layout(ntrans, ntrans_len);
                // Inputs, target distances and outputs are written last transition first.
                let i = if indexed {
                    let i = usize::from(data[inputs + ntrans + usize::from(b)]);
                    if i >= ntrans {
                        return None;
                    }
                    i
                } else {
                    let back = data[inputs..inputs + ntrans].iter().position(|&x| x == b)?;
                    ntrans - back - 1
                };
                let targets = inputs - ntrans * tsize;
                let outputs = targets - ntrans * osize;
                let end = outputs - if is_final { osize } else { 0 };
                let out = if osize == 0 {
                    0
                } else {
                    unpack(&data[outputs + (ntrans - i - 1) * osize..], osize)
                };
                Some((target(&data[targets + (ntrans - i - 1) * tsize..], tsize, end), out))
            }
        }
    }

    /// The cursor after `bytes` more, or `None` when no key starts with the bytes fed so far
    /// and these.
    pub fn advanced(mut self, bytes: &[u8]) -> Option<Self> {
        for &b in bytes {
            let (addr, out) = self.step(b)?;
            self.addr = addr;
            self.output += out;
        }
        Some(self)
    }

    /// The bytes that continue some key from where the cursor stands, in no particular order.
    pub(crate) fn next_bytes(&self) -> impl Iterator<Item = u8> + 'g {
        let (one, many): (Option<u8>, &'g [u8]) = match self.shape() {
            Shape::Empty => (None, &[]),
            Shape::OneNext { input, .. } | Shape::One { input, .. } => (Some(input), &[]),
            Shape::Any { ntrans, ntrans_len, .. } => {
                let inputs = self.layout(ntrans, ntrans_len).inputs;
                (None, &self.data[inputs..inputs + ntrans])
            }
        };
        one.into_iter().chain(many.iter().copied())
    }

    /// True when some key continues the bytes fed so far with `b`: with `b' '`, whether a
    /// longer name follows the words so far.
    pub fn continues_with(&self, b: u8) -> bool {
        self.step(b).is_some()
    }

    /// Where the cursor stands (node address and output so far), to be kept beyond the
    /// gazetteer's borrow and resumed with [`Gazetteer::name_cursor_at`].
    pub(crate) fn position(&self) -> (usize, u64) {
        (self.addr, self.output)
    }

    /// The stored value of the key fed so far when it is a key, as [`Gazetteer::matches_at`]
    /// reads it; equal values list the same entries.
    pub fn value(&self) -> Option<u64> {
        match self.shape() {
            Shape::Empty => Some(self.output),
            Shape::OneNext { .. } | Shape::One { .. } | Shape::Any { is_final: false, .. } => None,
            Shape::Any { ntrans, ntrans_len, .. } => {
                // The final output comes before the transitions' outputs.
                let Layout { inputs, tsize, osize, .. } = self.layout(ntrans, ntrans_len);
                let at = inputs - ntrans * tsize - ntrans * osize - osize;
                Some(self.output + unpack(&self.data[at..], osize))
            }
        }
    }
}

/// The little-endian number in the first `size` bytes (0 for none).
fn unpack(bytes: &[u8], size: usize) -> u64 {
    bytes[..size].iter().rev().fold(0, |n, &b| n << 8 | u64::from(b))
}

/// The address a transition leads to: its distance back from the node's `end` is packed in
/// `size` bytes, 0 standing for [`EMPTY_ADDRESS`].
fn target(bytes: &[u8], size: usize, end: usize) -> usize {
    match unpack(bytes, size) {
        0 => EMPTY_ADDRESS,
        distance => end - distance as usize,
    }
}

impl Gazetteer {
    /// A cursor at the start of the exact-name index: no bytes fed yet.
    pub fn name_cursor(&self) -> NameCursor<'_> {
        let fst = self.exact.as_fst();
        NameCursor::new(fst, fst.root().addr(), 0)
    }

    /// A cursor resumed where [`NameCursor::position`] left one over this gazetteer.
    ///
    /// # Panics
    /// When the position did not come from a cursor over this gazetteer.
    pub(crate) fn name_cursor_at(&self, (addr, output): (usize, u64)) -> NameCursor<'_> {
        NameCursor::new(self.exact.as_fst(), addr, output)
    }

    /// The entries a cursor's [`NameCursor::value`] lists, exactly as
    /// [`Gazetteer::lookup_folded`] returns them for the key fed to the cursor.
    pub fn matches_at(&self, value: u64) -> Vec<NameMatch> {
        self.postings_of(Some(value), MatchKind::Exact)
    }

    /// A cursor at the start of the variant-key index: no bytes fed yet.
    pub(crate) fn variant_cursor(&self) -> NameCursor<'_> {
        let fst = self.variant.as_fst();
        NameCursor::new(fst, fst.root().addr(), 0)
    }

    /// A cursor resumed where [`NameCursor::position`] left one over this gazetteer's
    /// variant-key index.
    ///
    /// # Panics
    /// When the position did not come from such a cursor.
    pub(crate) fn variant_cursor_at(&self, (addr, output): (usize, u64)) -> NameCursor<'_> {
        NameCursor::new(self.variant.as_fst(), addr, output)
    }

    /// The entries a variant cursor's [`NameCursor::value`] lists, exactly as
    /// [`Gazetteer::lookup_variant`] returns them for the key fed to the cursor.
    pub(crate) fn variant_matches_at(&self, value: u64) -> Vec<NameMatch> {
        self.postings_of(Some(value), MatchKind::Variant)
    }
}

#[cfg(test)]
mod tests {
    use super::{NameCursor, Section};
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

    /// Every key of an index, walked byte by byte with a cursor and with `fst`'s own nodes:
    /// the same transitions, outputs and final values; at every node of some keys, the same
    /// answer for every byte.
    fn walks_as_fst_does(fst: &fst::raw::Fst<Section>, root: NameCursor<'_>) {
        use fst::Streamer;
        let mut keys = fst.stream();
        let mut n = 0usize;
        while let Some((key, out)) = keys.next() {
            let mut cursor = root;
            let mut node = fst.root();
            for &b in key {
                assert_eq!(cursor.position().0, node.addr(), "{key:?}");
                let every_byte = n.is_multiple_of(401);
                if every_byte {
                    let mut next: Vec<u8> = cursor.next_bytes().collect();
                    next.sort_unstable();
                    let expected: Vec<u8> = node.transitions().map(|t| t.inp).collect();
                    assert_eq!(next, expected, "{key:?}");
                    for other in 0..=255u8 {
                        assert_eq!(cursor.continues_with(other), node.find_input(other).is_some());
                    }
                }
                assert_eq!(cursor.value().is_some(), node.is_final(), "{key:?}");
                cursor = cursor.advanced(&[b]).expect("a key's bytes are walked");
                node = fst.node(node.transition_addr(node.find_input(b).unwrap()));
            }
            assert_eq!(cursor.value(), Some(out.value()), "{key:?}");
            n += 1;
        }
        assert_eq!(n, fst.len());
    }

    #[test]
    fn a_cursor_walks_every_key_of_both_indexes_as_fst_does() {
        let g = Gazetteer::embedded().unwrap();
        walks_as_fst_does(g.exact.as_fst(), g.name_cursor());
        walks_as_fst_does(g.variant.as_fst(), g.variant_cursor());
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
