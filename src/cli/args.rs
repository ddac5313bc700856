//! `newsmap extract` flags: parsed by clap, then validated into an [`ExtractConfig`].

use std::io::IsTerminal as _;
use std::path::PathBuf;

use anyhow::bail;
use newsmap::export::Format;

/// Flags of `newsmap extract`, as parsed.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Files (.txt .md .html), directories (walked recursively), or - for standard input.
    /// Without any, reads standard input.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Output format [default: from the output file's extension, else geojson].
    #[arg(short, long, value_enum)]
    format: Option<FormatArg>,
    /// Each input line is a document: {"id": ..., "text": ..., "date"?: "YYYY-MM-DD"}.
    #[arg(long)]
    jsonl_input: bool,
    /// Worker threads [default: all cores].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
}

/// The output formats, as clap lists them.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum FormatArg {
    /// One GeoJSON FeatureCollection: places and events.
    Geojson,
    /// One JSON object per document and line.
    Jsonl,
    /// One row per place mention.
    Csv,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Geojson => Format::GeoJson,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Csv => Format::Csv,
        }
    }
}

/// One input as given on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// `-`: standard input.
    Stdin,
    /// A file or directory.
    Path(PathBuf),
}

/// Where the output goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    /// Standard output.
    Stdout,
    /// A file, written atomically.
    File(PathBuf),
}

/// Validated settings of one `newsmap extract` run.
#[derive(Clone, Debug)]
pub struct ExtractConfig {
    /// Inputs in command-line order.
    pub inputs: Vec<Input>,
    /// Output destination.
    pub output: Output,
    /// Output format.
    pub format: Format,
    /// Inputs are JSON lines, one document each.
    pub jsonl_input: bool,
    /// Worker threads; `None` = all cores.
    pub jobs: Option<usize>,
}

impl ExtractArgs {
    /// Checks the flags and fills in defaults.
    ///
    /// # Errors
    /// When standard input is named twice, no input is given while standard input is a
    /// terminal, or the output path is a directory.
    pub fn validate(self) -> anyhow::Result<ExtractConfig> {
        let mut inputs: Vec<Input> = self
            .inputs
            .into_iter()
            .map(|p| if p.as_os_str() == "-" { Input::Stdin } else { Input::Path(p) })
            .collect();
        if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
            bail!("standard input (-) can be read only once");
        }
        if inputs.is_empty() {
            if std::io::stdin().is_terminal() {
                bail!("no input: give files, directories, or - for standard input");
            }
            inputs.push(Input::Stdin);
        }
        if let Some(path) = self.output.as_ref().filter(|p| p.is_dir()) {
            bail!("the output is a directory, not a file: {}", path.display());
        }
        let format = self
            .format
            .map(Format::from)
            .or_else(|| self.output.as_deref().and_then(Format::from_path))
            .unwrap_or_default();
        Ok(ExtractConfig {
            inputs,
            output: self.output.map_or(Output::Stdout, Output::File),
            format,
            jsonl_input: self.jsonl_input,
            jobs: self.jobs.map(usize::from),
        })
    }
}
