//! The index run's progress bar and warnings: a bar on a terminal, plain warning lines
//! on stderr otherwise.

use std::io::IsTerminal;

use dateline::indexer::{Progress, Skipped};
use std::sync::atomic::{AtomicU64, Ordering};

use indicatif::{HumanBytes, ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct IndexProgress {
    bar: ProgressBar,
    quiet: bool,
    /// Bytes read so far: the bar's position counts pages.
    bytes: AtomicU64,
}

impl IndexProgress {
    pub fn new(quiet: bool) -> Self {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{bar:30} {pos}/{len} files  {msg} read  {elapsed}")
            {
                bar.set_style(style);
            }
            bar
        };
        IndexProgress {
            bar,
            quiet,
            bytes: AtomicU64::new(0),
        }
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
        if self.bar.is_hidden() {
            return;
        }
        let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        self.bar.set_message(HumanBytes(total).to_string());
    }

    fn read(&self, bytes: u64) {
        if self.bar.is_hidden() {
            return;
        }
        let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        self.bar.set_message(HumanBytes(total).to_string());
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
