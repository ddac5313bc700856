//! Counts of what each source added or skipped, printed at the end of a build.

use std::collections::BTreeMap;

/// What the build did, per source and event ("cities500: entries", "names rejected: not latin").
#[derive(Debug, Default)]
pub struct Report {
    counts: BTreeMap<String, u64>,
}

impl Report {
    /// Adds `n` to a counter.
    pub fn add(&mut self, source: &str, what: &str, n: u64) {
        *self.counts.entry(format!("{source}: {what}")).or_default() += n;
    }

    /// Counts one name's fate.
    pub fn name(&mut self, source: &str, result: Result<(), newsmap::gazetteer::NameRejection>) {
        match result {
            Ok(()) => self.add(source, "names indexed", 1),
            Err(why) => self.add(source, &format!("names rejected ({why:?})"), 1),
        }
    }

    /// Prints every counter to stderr.
    pub fn print(&self) {
        for (what, n) in &self.counts {
            eprintln!("{what}: {n}");
        }
    }
}
