//! The `newsmap` binary: the desktop app, or `newsmap extract` for batch work.
//!
//! `main` only maps the outcome of [`run`] to an exit code, as ripgrep does:
//! 0 = everything worked; 1 = a fatal error (nothing, or nothing complete, was written);
//! 2 = a bad argument or input (the other inputs were still processed).

mod cli;

use std::io::{self, IsTerminal as _};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

/// Extraction allocates many small strings and vectors per document; mimalloc serves them
/// faster than the system allocator (see `benches/pipeline.rs`, which uses it too).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Find the places and dated events in news articles and put them on a map.
///
/// With no subcommand, opens the desktop app on FILEs (or on the built-in sample article).
#[derive(Debug, Parser)]
#[command(name = "newsmap", version, args_conflicts_with_subcommands = true)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles to open in the app (.txt, .md, .html).
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Save a PNG of the window once the documents are parsed and the map drawn, then exit.
    #[arg(long, value_name = "OUT.png")]
    screenshot: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract places, time expressions and events from articles as GeoJSON, JSONL or CSV.
    Extract(cli::ExtractArgs),
}

fn main() -> ExitCode {
    init_logging();
    match run() {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("newsmap: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let args = Args::parse();
    match args.command {
        Some(Command::Extract(extract)) => cli::extract(extract),
        None => run_gui(args.files, args.screenshot),
    }
}

#[cfg(feature = "gui")]
fn run_gui(files: Vec<PathBuf>, screenshot: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    newsmap::gui::run(files, screenshot).map_err(|err| anyhow::anyhow!("the app failed: {err}"))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "gui"))]
fn run_gui(_files: Vec<PathBuf>, _screenshot: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    eprintln!(
        "newsmap: built without the GUI; use `newsmap extract` (see `newsmap extract --help`)"
    );
    Ok(ExitCode::from(2))
}

/// Logs go to standard error, filtered by `RUST_LOG` (default: the app's info messages).
fn init_logging() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("newsmap=info,wgpu=warn,naga=warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(io::stderr)
        .with_ansi(io::stderr().is_terminal())
        .init();
}

/// True when the error is a closed stdout pipe (`newsmap extract | head`).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        if let Some(err) = cause.downcast_ref::<newsmap::export::Error>() {
            return err.is_broken_pipe();
        }
        cause.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
