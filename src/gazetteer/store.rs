//! The on-disk form of a built gazetteer and its decoding.
//!
//! A file is `MAGIC`, a format version (u32 LE) and one LZ4 frame with a content checksum
//! (so a damaged file fails to decompress instead of reaching the fst code with bad offsets).
//! LZ4 rather than zstd by measurement: on the shipped data zstd -19 gives 13 MB but takes
//! 90-160 ms to decompress here, LZ4 gives 22 MB in about 40 ms, which keeps load to first
//! query under 200 ms. The frame holds four
//! length-prefixed sections (u64 LE lengths): the exact-name fst, the variant-name fst, the
//! postings (u32 LE each) and the entry tables ([`Tables`], postcard). The fsts are used in place
//! from the decompressed buffer, so loading costs one decompression and the table decode.

use std::io::{Read as _, Write as _};
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::Error;

/// The first bytes of a gazetteer file.
pub(crate) const MAGIC: &[u8; 8] = b"NEWSMAPG";
/// Bumped whenever the layout changes; older files are refused with a clear error.
pub(crate) const FORMAT_VERSION: u32 = 2;
/// No sane gazetteer decompresses past this; guards against a hostile frame header.
const MAX_DECOMPRESSED_BYTES: usize = 1 << 30;

/// "No entry" in the u32 link columns.
pub(crate) const NO_ENTRY: u32 = u32::MAX;

/// Per-entry columns (one element per entry, indexed by entry id) plus small side tables.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Tables {
    /// `PlaceNamespace` as its index in [`super::entry::NAMESPACES`].
    pub namespaces: Vec<u8>,
    /// The code within the namespace.
    pub codes: Vec<u64>,
    /// All preferred names, concatenated.
    pub name_pool: String,
    /// End offset of each entry's name in `name_pool`.
    pub name_ends: Vec<u32>,
    /// `PlaceKind` as its index in `PlaceKind::ALL`.
    pub kinds: Vec<u8>,
    /// GeoNames feature code ("PPLC", "ADM1") as an index into `strings`, or `u32::MAX`.
    pub feature_codes: Vec<u32>,
    /// Population; 0 when unknown.
    pub populations: Vec<u64>,
    /// ISO 3166-1 alpha-2 as two ASCII bytes, `[0, 0]` when none.
    pub countries: Vec<[u8; 2]>,
    /// GeoNames admin1 code ("05") as an index into `strings`, or `u32::MAX`.
    pub admin1_codes: Vec<u32>,
    /// The admin1 entry the entry lies in, or [`NO_ENTRY`].
    pub admin1_entries: Vec<u32>,
    /// The admin2 entry the entry lies in, or [`NO_ENTRY`].
    pub admin2_entries: Vec<u32>,
    /// Latitude, degrees.
    pub lats: Vec<f32>,
    /// Longitude, degrees.
    pub lons: Vec<f32>,
    /// Interned short strings (feature codes, admin codes, feature words).
    pub strings: Vec<String>,
    /// Feature words and touched countries, for the few entries that have them (landmarks).
    pub extras: Vec<Extra>,
    /// The longest indexed name, in words.
    pub max_name_tokens: u32,
}

/// Landmark details: feature words and every country the feature touches.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Extra {
    /// The entry.
    pub entry: u32,
    /// Feature words ("border crossing", "bridge"), lower case.
    pub features: Vec<String>,
    /// ISO2 codes of the countries it lies in or borders, sorted.
    pub countries: Vec<[u8; 2]>,
}

/// A byte range of the shared decompressed buffer, usable as fst storage.
#[derive(Clone, Debug)]
pub(crate) struct Section {
    buf: Arc<[u8]>,
    range: Range<usize>,
}

impl AsRef<[u8]> for Section {
    fn as_ref(&self) -> &[u8] {
        &self.buf[self.range.clone()]
    }
}

/// The four decoded parts of a gazetteer file.
pub(crate) struct Decoded {
    pub exact: fst::Map<Section>,
    pub variant: fst::Map<Section>,
    pub postings: Vec<u32>,
    pub tables: Tables,
}

/// Encodes the parts into a gazetteer file.
pub(crate) fn encode(
    exact_fst: &[u8],
    variant_fst: &[u8],
    postings: &[u32],
    tables: &Tables,
) -> Result<Vec<u8>, Error> {
    let table_bytes = postcard::to_stdvec(tables)
        .map_err(|e| Error::Corrupt { reason: format!("cannot encode tables: {e}") })?;
    let mut payload = Vec::new();
    let posting_bytes: Vec<u8> = postings.iter().flat_map(|p| p.to_le_bytes()).collect();
    for section in [exact_fst, variant_fst, &posting_bytes, &table_bytes] {
        payload.extend_from_slice(&(section.len() as u64).to_le_bytes());
        payload.extend_from_slice(section);
    }
    let compress_error =
        |e: lz4_flex::frame::Error| Error::Corrupt { reason: format!("cannot compress: {e}") };
    let info = lz4_flex::frame::FrameInfo::new()
        .content_checksum(true)
        .block_size(lz4_flex::frame::BlockSize::Max4MB);
    let mut encoder = lz4_flex::frame::FrameEncoder::with_frame_info(info, Vec::new());
    encoder
        .write_all(&payload)
        .map_err(|e| Error::Corrupt { reason: format!("cannot compress: {e}") })?;
    let compressed = encoder.finish().map_err(compress_error)?;
    let mut out = Vec::with_capacity(compressed.len() + 12);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&compressed);
    Ok(out)
}

/// Decodes a gazetteer file.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    let corrupt = |reason: String| Error::Corrupt { reason };
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or_else(|| corrupt("not a newsmap gazetteer (bad magic bytes)".into()))?;
    let (version, frame) =
        rest.split_first_chunk::<4>().ok_or_else(|| corrupt("truncated header".into()))?;
    let version = u32::from_le_bytes(*version);
    if version != FORMAT_VERSION {
        return Err(Error::Version { found: version, expected: FORMAT_VERSION });
    }
    let mut payload = Vec::new();
    lz4_flex::frame::FrameDecoder::new(frame)
        .take(MAX_DECOMPRESSED_BYTES as u64 + 1)
        .read_to_end(&mut payload)
        .map_err(|e| corrupt(format!("cannot decompress: {e}")))?;
    if payload.len() > MAX_DECOMPRESSED_BYTES {
        return Err(corrupt("implausibly large payload".into()));
    }
    let buf: Arc<[u8]> = payload.into();

    let mut ranges = Vec::with_capacity(4);
    let mut at = 0usize;
    for name in ["exact names", "variant names", "postings", "tables"] {
        let len_bytes = buf
            .get(at..at + 8)
            .ok_or_else(|| corrupt(format!("truncated before the {name} section")))?;
        let mut len = [0u8; 8];
        len.copy_from_slice(len_bytes);
        let len = usize::try_from(u64::from_le_bytes(len))
            .map_err(|_| corrupt(format!("{name} section too long")))?;
        let start = at + 8;
        let end = start
            .checked_add(len)
            .filter(|&end| end <= buf.len())
            .ok_or_else(|| corrupt(format!("{name} section runs past the end")))?;
        ranges.push(start..end);
        at = end;
    }
    let section = |i: usize| Section { buf: Arc::clone(&buf), range: ranges[i].clone() };
    let exact = fst::Map::new(section(0)).map_err(|e| corrupt(format!("exact names: {e}")))?;
    let variant = fst::Map::new(section(1)).map_err(|e| corrupt(format!("variant names: {e}")))?;
    let posting_bytes = &buf[ranges[2].clone()];
    if !posting_bytes.len().is_multiple_of(4) {
        return Err(corrupt("postings are not whole u32s".into()));
    }
    let postings = posting_bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    let tables: Tables = postcard::from_bytes(&buf[ranges[3].clone()])
        .map_err(|e| corrupt(format!("tables: {e}")))?;
    Ok(Decoded { exact, variant, postings, tables })
}
