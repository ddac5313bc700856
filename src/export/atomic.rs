//! Atomic file writes: a temporary file in the same directory, synced, then renamed.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;

use super::Error;

/// Writes `path` atomically: `write` fills a temporary file in the same directory, which is
/// synced to disk and renamed over `path` only when `write` succeeds.
///
/// Readers (and the GUI, and a second run) never see a half-written file; on any error the
/// temporary file is removed and an existing `path` is left untouched. The new file keeps
/// the permissions of the one it replaces (0644 for a new one on Unix).
///
/// # Errors
/// [`Error::File`] when the temporary file cannot be created, synced or renamed, or the
/// error `write` returned.
pub fn write_atomic<T, E>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<Error>,
{
    let file_error = |source| Error::File { path: path.to_owned(), source };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".newsmap-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(file_error)?;
    let value = {
        let mut writer = BufWriter::new(temp.as_file_mut());
        let value = write(&mut writer)?;
        writer.flush().map_err(file_error)?;
        value
    };
    let permissions = match fs::metadata(path) {
        Ok(existing) => Some(existing.permissions()),
        Err(_) => new_file_permissions(),
    };
    if let Some(permissions) = permissions {
        temp.as_file().set_permissions(permissions).map_err(file_error)?;
    }
    temp.as_file().sync_all().map_err(file_error)?;
    temp.persist(path).map_err(|err| file_error(err.error))?;
    // Make the rename itself durable. Not every platform can open a directory; a failure here
    // leaves a correct file that a crash might roll back, so it is not an error.
    if let Ok(dir) = fs::File::open(dir) {
        dir.sync_all().ok();
    }
    Ok(value)
}

#[cfg(unix)]
fn new_file_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt as _;
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<fs::Permissions> {
    None
}

#[cfg(test)]
mod tests {
    use std::io;

    use super::*;

    #[test]
    fn the_file_appears_complete_once_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.geojson");
        write_atomic::<_, Error>(&path, |w| w.write_all(b"{}").map_err(Error::Write)).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "{}");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file is left");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        fs::write(&path, "old").unwrap();
        let result = write_atomic::<(), Error>(&path, |w| {
            w.write_all(b"partial").map_err(Error::Write)?;
            Err(Error::Write(io::Error::other("disk on fire")))
        });
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_directory_is_reported_with_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/dir/out.jsonl");
        let err = write_atomic::<(), Error>(&path, |_| Ok(())).unwrap_err();
        assert!(err.to_string().ends_with("out.jsonl"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_others() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write_atomic::<(), Error>(&path, |_| Ok(())).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o644);
    }
}
