//! Messages on standard error: per-input errors and the progress bar, kept apart.

use std::io::IsTerminal as _;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Reports problems with single inputs and shows progress, remembering whether any input
/// failed (the exit code says so).
pub struct Messages {
    progress: ProgressBar,
    errored: bool,
}

impl Messages {
    /// A progress bar over `total` documents (a spinner when unknown), drawn on standard
    /// error only when it is a terminal.
    pub fn new(total: Option<u64>) -> Self {
        let target = if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let progress = match total {
            Some(total) => {
                let style = ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} documents, {per_sec}, eta {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar());
                ProgressBar::with_draw_target(Some(total), target).with_style(style)
            }
            None => {
                let style = ProgressStyle::with_template("{spinner} {pos} documents, {per_sec}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner());
                ProgressBar::with_draw_target(None, target).with_style(style)
            }
        };
        progress.enable_steady_tick(Duration::from_millis(200));
        Self { progress, errored: false }
    }

    /// Reports a failed input; the batch goes on.
    pub fn input_error(&mut self, err: &anyhow::Error) {
        self.errored = true;
        self.progress.suspend(|| eprintln!("newsmap: {err:#}"));
    }

    /// One more document done.
    pub fn tick(&self) {
        self.progress.inc(1);
    }

    /// True when some input failed.
    pub fn errored(&self) -> bool {
        self.errored
    }

    /// Removes the progress bar.
    pub fn finish(&self) {
        self.progress.finish_and_clear();
    }
}
