//! Synthetic datasets at any size, valid under our own schemas and every cross-reference rule,
//! for benchmarks and scale tests (`isca synth`).
//!
//! Deterministic: the same seed and size give the same bytes, whatever the thread count,
//! because every record draws from its own random stream. Optionally injects `K` faults of
//! each kind at chosen places and lists them in `faults.json`, so the failing path can be
//! measured and its findings checked.

pub mod doc;
mod faults;
mod records;
mod rng;
mod text;
mod when;
mod world;

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::fsio::Entry;
pub use doc::Doc;
use faults::Plan;
pub use faults::{Fault, FaultKind};
use world::World;

/// The schemas the data is generated for; written next to it so the output is a whole root.
const SCHEMAS: &[(&str, &str)] = &[
    ("agreements", include_str!("../../schema/agreements.schema.json")),
    ("events", include_str!("../../schema/events.schema.json")),
    ("parties", include_str!("../../schema/parties.schema.json")),
    ("sources", include_str!("../../schema/sources.schema.json")),
    ("threat_categories", include_str!("../../schema/threat_categories.schema.json")),
];

/// Records rendered per batch in the JSON Lines layout: bounds memory at any size.
const BATCH: usize = 1 << 14;

/// How records are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Layout {
    /// One canonical file per record: `dataset/<table>/<id>.json`.
    Files,
    /// One `dataset/<table>/<table>.jsonl` per table.
    Jsonl,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub events: usize,
    pub seed: u64,
    pub layout: Layout,
    /// Faults of each kind to inject.
    pub faults: usize,
}

/// What was written: the contents of `faults.json`.
#[derive(Debug, Serialize)]
pub struct Manifest {
    pub events: usize,
    pub seed: u64,
    pub layout: &'static str,
    pub faults_per_kind: usize,
    pub records: BTreeMap<&'static str, usize>,
    pub faults: Vec<Fault>,
}

struct Table {
    name: &'static str,
    count: usize,
    make: fn(&World, usize) -> Doc,
}

fn tables(w: &World) -> [Table; 5] {
    [
        Table { name: "agreements", count: w.agreements.len(), make: records::agreement },
        Table { name: "events", count: w.n_events, make: records::event },
        Table { name: "parties", count: w.parties.len(), make: records::party },
        Table { name: "sources", count: w.published.len(), make: records::source },
        Table { name: "threat_categories", count: world::THREATS.len(), make: records::threat },
    ]
}

/// Record `index` of `table`, as generated (no fault applied): for tests and tools.
pub fn record(seed: u64, events: usize, table: &str, index: usize) -> Option<Doc> {
    let w = World::new(seed, events);
    tables(&w).into_iter().find(|t| t.name == table && index < t.count).map(|t| (t.make)(&w, index))
}

/// Writes a whole root (`schema/`, `dataset/`, `faults.json`) into `out`. Writes only what it
/// creates: it refuses a folder that already holds a dataset, a `schema/` or a `faults.json`
/// (or a link at one of those names), and every file is created new, never over another.
pub fn generate(out: &Path, opts: &Options) -> Result<Manifest> {
    let dataset = out.join("dataset");
    let taken = |what: &str| Error::Unsafe {
        path: out.join(what),
        reason: format!("already exists; `isca synth` writes only into a folder without {what}, choose another"),
    };
    match Entry::at(&dataset).map_err(|e| Error::io(&dataset, e))? {
        None => {}
        Some(Entry::Dir) if fs::read_dir(&dataset).map_err(|e| Error::io(&dataset, e))?.next().is_none() => {}
        Some(Entry::Dir) => {
            return Err(Error::Usage(format!("{} already holds a dataset; choose an empty folder", dataset.display())));
        }
        Some(_) => return Err(taken("dataset")),
    }
    for name in ["schema", "faults.json"] {
        if fs::symlink_metadata(out.join(name)).is_ok() {
            return Err(taken(name));
        }
    }
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |e| Error::io(p, e)
    };
    fs::create_dir_all(out).map_err(io(out))?;
    let schema_dir = out.join("schema");
    fs::create_dir(&schema_dir).map_err(io(&schema_dir))?;
    for (name, text) in SCHEMAS {
        let path = schema_dir.join(format!("{name}.schema.json"));
        write_new(&path, text.as_bytes()).map_err(io(&path))?;
    }
    let world = World::new(opts.seed, opts.events);
    let files = opts.layout == Layout::Files;
    let plan = Plan::new(&world, opts.faults, files);
    let mut manifest = Manifest {
        events: opts.events,
        seed: opts.seed,
        layout: if files { "files" } else { "jsonl" },
        faults_per_kind: opts.faults,
        records: BTreeMap::new(),
        faults: Vec::new(),
    };
    for table in tables(&world) {
        let rel = format!("dataset/{}", table.name);
        crate::fsio::real_dir(out, &rel).map_err(io(&out.join(&rel)))?;
        let found = match opts.layout {
            Layout::Files => write_files(out, &world, &plan, &table)?,
            Layout::Jsonl => write_jsonl(out, &world, &plan, &table)?,
        };
        manifest.faults.extend(found);
        manifest.records.insert(table.name, table.count);
    }
    let path = out.join("faults.json");
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| Error::io(&path, e.into()))?;
    write_new(&path, (text + "\n").as_bytes()).map_err(io(&path))?;
    Ok(manifest)
}

/// Creates `path` with `bytes`; fails rather than replace anything, a link included.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    fs::File::create_new(path)?.write_all(bytes)
}

/// Record `i` of `table` with its fault (if any) applied: (generated id, fault, record).
fn make(world: &World, plan: &Plan, table: &Table, i: usize) -> (String, Option<FaultKind>, Doc) {
    let fault = plan.get(table.name, i);
    let mut doc = (table.make)(world, i);
    let id = doc.get("id").and_then(Doc::as_str).unwrap_or_default().to_string();
    if let Some(kind) = fault {
        faults::apply(kind, i, &mut doc);
    }
    (id, fault, doc)
}

/// One canonical file per record, written in parallel.
fn write_files(out: &Path, world: &World, plan: &Plan, table: &Table) -> Result<Vec<Fault>> {
    (0..table.count)
        .into_par_iter()
        .map(|i| {
            let (id, fault, doc) = make(world, plan, table, i);
            let mut text = doc.pretty();
            let rel = format!("dataset/{}/{}.json", table.name, faults::stem(fault, &id));
            if let Some(kind) = fault {
                faults::corrupt_text(kind, &mut text);
            }
            let path = out.join(&rel);
            write_new(&path, text.as_bytes()).map_err(|e| Error::io(path, e))?;
            Ok(fault.map(|kind| faults::describe(kind, table.name, &id, rel, 1, true)))
        })
        .filter_map(Result::transpose)
        .collect()
}

/// One JSON Lines file per table, rendered in parallel batches and written in order.
fn write_jsonl(out: &Path, world: &World, plan: &Plan, table: &Table) -> Result<Vec<Fault>> {
    let rel = format!("dataset/{0}/{0}.jsonl", table.name);
    let path = out.join(&rel);
    let io = |e| Error::io(&path, e);
    let mut w = BufWriter::with_capacity(1 << 20, fs::File::create_new(&path).map_err(io)?);
    let mut found = Vec::new();
    for start in (0..table.count).step_by(BATCH) {
        let end = (start + BATCH).min(table.count);
        let lines: Vec<(String, Option<Fault>)> = (start..end)
            .into_par_iter()
            .map(|i| {
                let (id, fault, doc) = make(world, plan, table, i);
                let mut line = String::with_capacity(768);
                doc.compact(&mut line);
                let fault = fault.map(|kind| {
                    faults::corrupt_text(kind, &mut line);
                    faults::describe(kind, table.name, &id, rel.clone(), i + 1, false)
                });
                line.push('\n');
                (line, fault)
            })
            .collect();
        for (line, fault) in lines {
            w.write_all(line.as_bytes()).map_err(io)?;
            found.extend(fault);
        }
    }
    w.flush().map_err(io)?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Members come in the order the schema file declares them (the canonical order). The
    /// order is read from the text: a parsed schema's map sorts its keys.
    #[test]
    fn members_follow_schema_order() {
        let world = World::new(5, 2_000);
        for table in tables(&world) {
            let schema = SCHEMAS.iter().find(|(n, _)| *n == table.name).unwrap().1;
            let place = |key: &str| schema.find(&format!("\n    \"{key}\": ")).expect("declared property");
            for i in (0..table.count).step_by(7) {
                let Doc::Obj(members) = (table.make)(&world, i) else { panic!("not an object") };
                let positions: Vec<usize> = members.iter().map(|(k, _)| place(k)).collect();
                assert!(positions.windows(2).all(|w| w[0] < w[1]), "{} {i}: {members:?}", table.name);
            }
        }
    }
}
