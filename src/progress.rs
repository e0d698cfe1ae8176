//! The index run's progress bar and warnings: a bar on a terminal, plain warning lines
//! on stderr otherwise.

use std::io::IsTerminal;

use dateline::indexer::{Progress, Skipped};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct IndexProgress {
    bar: ProgressBar,
    quiet: bool,
}

impl IndexProgress {
    pub fn new(quiet: bool) -> Self {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(
                "{bar:30} {pos}/{len} pages  {binary_bytes} read  {elapsed}",
            ) {
                bar.set_style(style);
            }
            bar
        };
        IndexProgress { bar, quiet }
    }
}

impl Progress for IndexProgress {
    fn wants_total(&self) -> bool {
        !self.bar.is_hidden()
    }

    fn start(&self, total: u64) {
        self.bar.set_length(total);
    }

    fn advance(&self, bytes: u64) {
        self.bar.inc(1);
        self.bar.inc_length(0);
        let _ = bytes;
    }

    fn skipped(&self, skip: &Skipped) {
        if !self.quiet {
            self.bar
                .suspend(|| eprintln!("warning: {}: {}", skip.path, skip.reason));
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
