//! X006: references from a table to itself (`builds_on`, `parent`, `broader`, `cites`, …) form
//! no cycle.

use std::collections::HashMap;

use super::values::{self, Place};
use super::{Rule, finding_at};
use crate::catalog::Reference;
use crate::diagnostic::{Finding, RuleDoc, Severity};
use crate::index::Index;
use crate::load::Record;

pub struct ReferenceCycle;

static DOC: RuleDoc = RuleDoc {
    code: "X006",
    name: "reference-cycle",
    severity: Severity::Error,
    summary: "References from a table to itself go round in a cycle (`a` builds on `b`, `b` on `a`).",
    explanation: "## What it does\nFor every field a schema declares as a reference to its own table (`builds_on`, `parent`, `affiliation`, `broader`, `cites`, …), follows the references from record to record and reports each cycle once, at the reference that closes it, listing the records on the cycle. A record that references itself is a cycle of one.\n\n## Why is this bad?\nThese fields describe hierarchies and lineages: a ministry's parent, a category's broader category, the agreement an agreement builds on. A cycle has no root, so every recursive query (\"all agreements this one descends from\", \"the state this body belongs to\") loops forever or stops at an arbitrary point.\n\n## Example\n`agr-2021` has `\"builds_on\": [\"agr-2001\"]` and `agr-2001` has `\"builds_on\": [\"agr-2021\"]`. The older agreement cannot build on the newer one: remove that reference.",
};

impl Rule for ReferenceCycle {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, index: &Index<'_>, out: &mut Vec<Finding>) {
        for reference in index.catalog.references().iter().filter(|r| r.table == r.target) {
            Graph::build(index, reference).report_cycles(reference, out);
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Colour {
    /// Not reached yet.
    White,
    /// On the current path of the depth-first search.
    Grey,
    /// Finished: every path from it has been explored.
    Black,
}

/// The records of one table as nodes (first definition of each id) and one self-reference field
/// as edges, each edge remembering where in its record the reference sits.
struct Graph<'a> {
    records: Vec<&'a Record>,
    ids: Vec<&'a str>,
    edges: Vec<Vec<(usize, Place<'a>)>>,
}

impl<'a> Graph<'a> {
    fn build(index: &Index<'a>, reference: &'a Reference) -> Self {
        let mut records = Vec::new();
        let mut ids = Vec::new();
        let mut node: HashMap<&str, usize> = HashMap::new();
        for record in index.table(&reference.table) {
            let Some(id) = index.id(record) else { continue };
            if !node.contains_key(id) {
                node.insert(id, records.len());
                records.push(record);
                ids.push(id);
            }
        }
        let edges = records
            .iter()
            .map(|record| {
                let mut targets = Vec::new();
                // Dangling ids are X003's business; they cannot be on a cycle.
                values::ids(reference, record, |place, id| targets.extend(node.get(id).map(|&j| (j, place))));
                targets
            })
            .collect();
        Graph { records, ids, edges }
    }

    /// Iterative depth-first search (a chain of a million `parent` links must not overflow the
    /// stack). Every edge to a node on the current path closes exactly one cycle.
    fn report_cycles(&self, reference: &Reference, out: &mut Vec<Finding>) {
        let n = self.records.len();
        let mut colour = vec![Colour::White; n];
        // Position of each grey node on the path, so closing a cycle costs no search.
        let mut depth = vec![0usize; n];
        let mut path: Vec<(usize, usize)> = Vec::new();
        for start in 0..n {
            if colour[start] != Colour::White {
                continue;
            }
            colour[start] = Colour::Grey;
            depth[start] = 0;
            path.push((start, 0));
            while let Some(top) = path.last_mut() {
                let (v, next) = (top.0, top.1);
                let Some(&(w, place)) = self.edges[v].get(next) else {
                    colour[v] = Colour::Black;
                    path.pop();
                    continue;
                };
                top.1 += 1;
                match colour[w] {
                    Colour::White => {
                        colour[w] = Colour::Grey;
                        depth[w] = path.len();
                        path.push((w, 0));
                    }
                    Colour::Grey => {
                        let cycle: Vec<usize> = path[depth[w]..].iter().map(|&(x, _)| x).collect();
                        out.push(self.finding(reference, v, place, &cycle));
                    }
                    Colour::Black => {}
                }
            }
        }
    }

    fn finding(&self, reference: &Reference, at: usize, place: Place<'_>, cycle: &[usize]) -> Finding {
        let message = format!("`{}` forms a cycle: {}", reference.field, self.describe(cycle));
        let help = if cycle.len() == 1 {
            format!("a record cannot reference itself in `{}`; remove this reference", reference.field)
        } else {
            format!("`{}` must not loop back; remove or correct one reference on the cycle", reference.field)
        };
        finding_at(&DOC, self.records[at], place.pointer(), message).with_help(help)
    }

    /// `a → b → c → a`, shortened in the middle for very long cycles.
    fn describe(&self, cycle: &[usize]) -> String {
        const SHOWN: usize = 5;
        let name = |&i: &usize| self.ids[i].to_string();
        let mut parts: Vec<String> = if cycle.len() <= 2 * SHOWN {
            cycle.iter().map(name).collect()
        } else {
            let hidden = cycle.len() - 2 * SHOWN;
            let head = cycle[..SHOWN].iter().map(name);
            let tail = cycle[cycle.len() - SHOWN..].iter().map(name);
            head.chain(std::iter::once(format!("… {hidden} more …"))).chain(tail).collect()
        };
        parts.push(name(&cycle[0]));
        parts.join(" → ")
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use serde_json::json;

    use super::*;
    use crate::catalog::Catalog;
    use crate::load::Dataset;

    /// `broader` links `thr-0 → thr-1 → … → thr-(n-1)`, plus `extra` links.
    fn chain(n: usize, extra: &[(usize, usize)]) -> Vec<Finding> {
        let catalog = Catalog::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("schema")).unwrap();
        let table = catalog.index_of("threat_categories").unwrap();
        let mut values: Vec<_> = (0..n)
            .map(|i| match i + 1 < n {
                true => json!({"id": format!("thr-{i}"), "broader": format!("thr-{}", i + 1)}),
                false => json!({"id": format!("thr-{i}")}),
            })
            .collect();
        for &(from, to) in extra {
            values[from]["broader"] = json!(format!("thr-{to}"));
        }
        let file: Arc<str> = "dataset/threat_categories/all.jsonl".into();
        let records = values
            .into_iter()
            .enumerate()
            .map(|(i, value)| Record {
                table: table as u32,
                file: file.clone(),
                line: i as u32 + 1,
                offset: 0,
                value: (&value).into(),
            })
            .collect();
        let dataset = Dataset { records, files: 1 };
        let mut out = Vec::new();
        ReferenceCycle.check(&Index::build(&catalog, &dataset), &mut out);
        out
    }

    #[test]
    fn a_long_chain_is_no_cycle_and_no_stack_overflow() {
        assert!(chain(100_000, &[]).is_empty());
    }

    #[test]
    fn reports_each_cycle_once_at_the_closing_reference() {
        let found = chain(4, &[(3, 1)]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "`broader` forms a cycle: thr-1 → thr-2 → thr-3 → thr-1");
        assert_eq!((found[0].line, found[0].pointer.as_str()), (0, "/broader"));
        assert_eq!(found[0].anchor.as_ref().map(|a| a.line), Some(4));
    }

    #[test]
    fn shortens_long_cycles() {
        let found = chain(30, &[(29, 0)]);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("thr-4 → … 20 more … → thr-25"), "{}", found[0].message);
        // Up to ten records a cycle is shown whole.
        let found = chain(10, &[(9, 0)]);
        assert!(!found[0].message.contains('…') && found[0].message.contains("thr-9 → thr-0"), "{}", found[0].message);
        let found = chain(11, &[(10, 0)]);
        assert!(found[0].message.contains("thr-4 → … 1 more … → thr-6"), "{}", found[0].message);
    }
}
