//! Known faults at known places, so the failing path can be timed and its findings checked.
//!
//! Each kind is injected `K` times into distinct records. Events are chosen only among indices
//! `i % 10 ∈ {2, 4, 6, 8}`: never a signing event (whose date other rules tie to its
//! agreement), and never the event just before a fault, which a duplicate id copies. So every
//! fault stands alone and gives its own findings, and nothing else does.

use std::collections::HashMap;

use serde::Serialize;

use super::doc::Doc;
use super::rng::Rng;
use super::world::{World, stream};

/// What can be injected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FaultKind {
    DanglingReference,
    ImpossibleDate,
    BadEnum,
    WrongType,
    SyntaxError,
    DuplicateKey,
    BadIso3,
    IdFileMismatch,
    MissingField,
    DuplicateId,
}

impl FaultKind {
    pub const ALL: [FaultKind; 10] = [
        FaultKind::DanglingReference,
        FaultKind::ImpossibleDate,
        FaultKind::BadEnum,
        FaultKind::WrongType,
        FaultKind::SyntaxError,
        FaultKind::DuplicateKey,
        FaultKind::BadIso3,
        FaultKind::IdFileMismatch,
        FaultKind::MissingField,
        FaultKind::DuplicateId,
    ];

    /// The rule codes this build reports the fault with (all of them, at the fault's record).
    pub fn rules(self, files: bool) -> &'static [&'static str] {
        match self {
            FaultKind::DanglingReference => &["X003"],
            FaultKind::ImpossibleDate => &["X004"],
            FaultKind::BadEnum => &["S004"],
            FaultKind::WrongType => &["S001"],
            FaultKind::SyntaxError => &["L004"],
            FaultKind::DuplicateKey => &["L005"],
            FaultKind::BadIso3 => &["S005"],
            FaultKind::IdFileMismatch => &["X002"],
            FaultKind::MissingField => &["S002"],
            FaultKind::DuplicateId if files => &["X001", "X002"],
            FaultKind::DuplicateId => &["X001"],
        }
    }

    /// The member the fault sits in, as a JSON Pointer.
    fn pointer(self) -> &'static str {
        match self {
            FaultKind::DanglingReference => "/parties/0",
            FaultKind::ImpossibleDate => "/date",
            FaultKind::BadEnum => "/kind",
            FaultKind::WrongType | FaultKind::DuplicateKey => "/title",
            FaultKind::SyntaxError => "",
            FaultKind::BadIso3 => "/iso3",
            FaultKind::IdFileMismatch | FaultKind::DuplicateId => "/id",
            FaultKind::MissingField => "/certainty",
        }
    }
}

/// One injected fault, as recorded in `faults.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Fault {
    pub kind: FaultKind,
    pub table: &'static str,
    /// The id the record was generated with.
    pub id: String,
    /// Path relative to the root, and the line the record starts on.
    pub file: String,
    pub line: usize,
    pub pointer: &'static str,
    /// Rule codes that report it on this build; empty when none does yet.
    pub rules: &'static [&'static str],
}

/// Where each fault goes: (table, record index) → kind.
pub struct Plan {
    pub at: HashMap<(&'static str, usize), FaultKind>,
}

impl Plan {
    /// `k` faults of each kind; kinds a layout cannot hold (file names in JSON Lines) and
    /// counts beyond the candidates available are left out, and the manifest says so.
    pub fn new(world: &World, k: usize, files: bool) -> Plan {
        let mut at = HashMap::new();
        let slots = world.n_events / 10 * 4;
        let mut rng = Rng::stream(world.seed, stream::FAULT, 0);
        let event_kinds: Vec<FaultKind> = FaultKind::ALL
            .into_iter()
            .filter(|&f| f != FaultKind::BadIso3 && (files || f != FaultKind::IdFileMismatch))
            .collect();
        let wanted = (k * event_kinds.len()).min(slots);
        let picks = rng.distinct(slots, wanted);
        for (n, slot) in picks.into_iter().enumerate() {
            let event = slot / 4 * 10 + 2 + slot % 4 * 2;
            at.insert(("events", event), event_kinds[n % event_kinds.len()]);
        }
        for state in rng.distinct(world.states.len(), k) {
            at.insert(("parties", world.states[state]), FaultKind::BadIso3);
        }
        Plan { at }
    }

    pub fn get(&self, table: &'static str, index: usize) -> Option<FaultKind> {
        self.at.get(&(table, index)).copied()
    }
}

/// Changes the record for a fault that lives in its values; text-level faults are left to
/// `corrupt_text`.
pub fn apply(kind: FaultKind, index: usize, doc: &mut Doc) {
    let Doc::Obj(members) = doc else { return };
    let set = |members: &mut Vec<(&'static str, Doc)>, key: &'static str, value: Doc| {
        match members.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            // After `title`, where the schema puts `date`.
            None => members.insert(2, (key, value)),
        }
    };
    match kind {
        FaultKind::DanglingReference => {
            if let Some((_, Doc::Arr(items))) = members.iter_mut().find(|(k, _)| *k == "parties") {
                items[0] = Doc::str("pty-atlantis");
            }
        }
        FaultKind::ImpossibleDate => set(members, "date", Doc::str("2021-02-30")),
        FaultKind::BadEnum => set(members, "kind", Doc::str("signature")),
        FaultKind::WrongType => set(members, "title", Doc::Int(1_000 + index as i64)),
        FaultKind::DuplicateKey => {
            let title = members.iter().position(|(k, _)| *k == "title").unwrap_or(0);
            members.insert(title + 1, ("title", Doc::str("A second title that replaces the first")));
        }
        FaultKind::BadIso3 => {
            if let Some((_, Doc::Str(code))) = members.iter_mut().find(|(k, _)| *k == "iso3") {
                *code = code.to_ascii_lowercase();
            }
        }
        FaultKind::MissingField => members.retain(|(k, _)| *k != "certainty"),
        FaultKind::DuplicateId => set(members, "id", Doc::Str(World::event_id(index - 1))),
        FaultKind::SyntaxError | FaultKind::IdFileMismatch => {}
    }
}

/// Breaks the rendered text of a record: a missing comma after the first member.
pub fn corrupt_text(kind: FaultKind, text: &mut String) {
    if kind == FaultKind::SyntaxError
        && let Some(comma) = text.find(',')
    {
        text.remove(comma);
    }
}

/// The file stem a record is written under: its id, except for an id/file mismatch.
pub fn stem(kind: Option<FaultKind>, id: &str) -> String {
    match kind {
        Some(FaultKind::IdFileMismatch) => format!("{id}-old"),
        _ => id.to_string(),
    }
}

/// The manifest entry for the fault on record `index` of `table`.
pub fn describe(kind: FaultKind, table: &'static str, id: &str, file: String, line: usize, files: bool) -> Fault {
    Fault { kind, table, id: id.to_string(), file, line, pointer: kind.pointer(), rules: kind.rules(files) }
}
