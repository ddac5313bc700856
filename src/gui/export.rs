//! Exports from the app: the shown documents as GeoJSON (the same writer as
//! `newsmap extract -f geojson`) and the map view as PNG, both written atomically.

use std::collections::BTreeSet;
use std::path::Path;

use crate::export::{Error, Format, write_atomic, write_documents};
use crate::model::Document;

/// Writes the documents as one GeoJSON FeatureCollection, exactly as `newsmap extract`
/// does, and returns the number of features (places merged across documents, plus events).
///
/// # Errors
/// When the file cannot be written.
pub fn write_geojson(documents: &[Document], path: &Path) -> Result<usize, Error> {
    write_atomic(path, |writer| write_documents(Format::GeoJson, documents, writer))?;
    let places: BTreeSet<_> = documents
        .iter()
        .flat_map(|d| d.mentions.iter().filter_map(|m| m.place.as_ref().map(|p| p.id)))
        .collect();
    let events: usize = documents.iter().map(|d| d.events.len()).sum();
    Ok(places.len() + events)
}

/// Encodes an image as PNG and writes it atomically.
///
/// # Errors
/// When encoding or writing fails.
pub fn write_png(image: &egui::ColorImage, path: &Path) -> Result<(), Error> {
    let [w, h] = image.size;
    let raw: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_srgba_unmultiplied()).collect();
    write_atomic(path, |writer| {
        let encoder = image::codecs::png::PngEncoder::new(writer);
        image::ImageEncoder::write_image(
            encoder,
            &raw,
            w as u32,
            h as u32,
            image::ExtendedColorType::Rgba8,
        )
        .map_err(|e| Error::Write(std::io::Error::other(e)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unwritable_directory_is_a_clear_error() {
        let err = write_geojson(&[], Path::new("/nonexistent-dir/out.geojson")).unwrap_err();
        assert!(err.to_string().contains("/nonexistent-dir/out.geojson"), "{err}");
    }

    #[test]
    fn a_png_export_reads_back_as_the_same_image() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.png");
        let image = egui::ColorImage::filled([4, 3], egui::Color32::from_rgb(10, 20, 30));
        write_png(&image, &path).unwrap();
        let decoded = image::open(&path).unwrap().to_rgba8();
        assert_eq!(decoded.dimensions(), (4, 3));
        assert_eq!(decoded.get_pixel(2, 1).0, [10, 20, 30, 255]);
    }
}
