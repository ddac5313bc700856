//! The `newsmap` binary: the desktop app, or `newsmap extract` for batch work.
//!
//! BRING-UP (gui branch): a minimal argument reader so the app can be run and screenshotted
//! before the CLI lands; the CLI's clap front end replaces this file.

fn main() -> std::process::ExitCode {
    let mut files = Vec::new();
    let mut screenshot = None;
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--screenshot" {
            let Some(path) = args.next() else {
                eprintln!("newsmap: --screenshot needs an output path");
                return std::process::ExitCode::from(2);
            };
            screenshot = Some(std::path::PathBuf::from(path));
        } else {
            files.push(std::path::PathBuf::from(arg));
        }
    }
    #[cfg(feature = "gui")]
    {
        if let Err(err) = newsmap::gui::run(files, screenshot) {
            eprintln!("newsmap: {err}");
            return std::process::ExitCode::from(1);
        }
        std::process::ExitCode::SUCCESS
    }
    #[cfg(not(feature = "gui"))]
    {
        let _ = (files, screenshot);
        eprintln!("newsmap: built without the desktop app (feature \"gui\")");
        std::process::ExitCode::from(2)
    }
}
