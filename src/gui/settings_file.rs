//! Remembering preferences, window size and panel layout across restarts.
//!
//! Stored as one JSON file in the user's config directory, written atomically (a crash while
//! saving never leaves a half-written file). A file that cannot be read or parsed is ignored
//! with a warning: the app starts with defaults rather than failing.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::state::Settings;
use crate::export::{Error, write_atomic};

/// Everything kept between sessions.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Stored {
    /// User preferences.
    pub settings: Settings,
    /// Inner window size in points.
    pub window_size: Option<[f32; 2]>,
    /// egui's memory (panel widths, scroll and collapse states), as egui serialises it.
    pub layout: Option<serde_json::Value>,
}

/// The settings file's path, when the platform has a config directory.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "newsmap", "newsmap")
        .map(|d| d.config_dir().join("settings.json"))
}

/// Reads the stored settings. A missing file gives defaults silently; an unreadable or
/// corrupt one gives defaults and a warning to show.
pub fn load(path: &Path) -> (Stored, Option<String>) {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return (Stored::default(), None),
        Err(err) => {
            return (
                Stored::default(),
                Some(format!("Settings ignored (could not read them: {err}): {}", path.display())),
            );
        }
    };
    match serde_json::from_str(&text) {
        Ok(stored) => (stored, None),
        Err(err) => (
            Stored::default(),
            Some(format!("Settings ignored (corrupt: {err}): {}", path.display())),
        ),
    }
}

/// Writes the settings atomically, creating the directory when needed.
///
/// # Errors
/// When the directory cannot be created or the file cannot be written.
pub fn save(path: &Path, stored: &Stored) -> Result<(), Error> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|source| Error::File { path: dir.to_path_buf(), source })?;
    }
    let json = serde_json::to_vec_pretty(stored).map_err(Error::Json)?;
    write_atomic(path, |writer| writer.write_all(&json).map_err(Error::Write))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::command::BasemapChoice;

    #[test]
    fn settings_survive_a_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("settings.json");
        let mut stored = Stored::default();
        stored.settings.basemap = BasemapChoice::OpenStreetMap;
        stored.settings.recent_files = vec![PathBuf::from("/tmp/a.txt")];
        stored.window_size = Some([1200.0, 800.0]);
        save(&path, &stored).unwrap();
        let (loaded, warning) = load(&path);
        assert!(warning.is_none());
        assert_eq!(loaded.settings, stored.settings);
        assert_eq!(loaded.window_size, Some([1200.0, 800.0]));
    }

    #[test]
    fn a_corrupt_settings_file_gives_defaults_and_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("settings.json");
        std::fs::write(&path, "{\"settings\": {\"basemap\": 7").unwrap();
        let (loaded, warning) = load(&path);
        assert_eq!(loaded.settings, Settings::default());
        assert!(warning.unwrap().contains("corrupt"));
    }

    #[test]
    fn a_missing_settings_file_is_not_an_error() {
        let (loaded, warning) = load(Path::new("/nonexistent/newsmap/settings.json"));
        assert!(warning.is_none());
        assert!(loaded.window_size.is_none());
    }
}
