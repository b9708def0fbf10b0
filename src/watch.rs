//! What a running validation is doing, for a spinner to show: the stage and how many records
//! have been checked so far. The library only counts; the binary draws (on a terminal only).
//!
//! The counters are one process-wide static rather than a parameter so that every caller of
//! `validate()` (commands, the site, the language server) stays as it is; nothing in the
//! library ever reads them back, so a count is never part of a result.

use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// The stages of `validate()`, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Idle,
    Schemas,
    Records,
    Rules,
    Locating,
}

impl Stage {
    /// What the spinner says during the stage.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Idle => "starting",
            Stage::Schemas => "compiling the schemas",
            Stage::Records => "loading and checking records",
            Stage::Rules => "checking cross-references",
            Stage::Locating => "locating findings",
        }
    }

    const ALL: [Stage; 5] = [Stage::Idle, Stage::Schemas, Stage::Records, Stage::Rules, Stage::Locating];
}

static STAGE: AtomicU8 = AtomicU8::new(0);
static RECORDS: AtomicUsize = AtomicUsize::new(0);

/// Marks the start of `stage`; entering `Schemas` starts a new count.
pub fn enter(stage: Stage) {
    if stage == Stage::Schemas {
        RECORDS.store(0, Ordering::Relaxed);
    }
    STAGE.store(stage as u8, Ordering::Relaxed);
}

/// One more record parsed and schema-checked.
#[inline]
pub fn record() {
    RECORDS.fetch_add(1, Ordering::Relaxed);
}

/// The current stage and the records checked so far.
pub fn now() -> (Stage, usize) {
    let stage = Stage::ALL.get(usize::from(STAGE.load(Ordering::Relaxed))).copied().unwrap_or(Stage::Idle);
    (stage, RECORDS.load(Ordering::Relaxed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_round_trip_and_records_count() {
        enter(Stage::Schemas);
        record();
        record();
        enter(Stage::Rules);
        let (stage, records) = now();
        assert_eq!(stage, Stage::Rules);
        // Other tests may validate at the same time and add to the count, never take from it.
        assert!(records >= 2);
        enter(Stage::Idle);
    }
}
