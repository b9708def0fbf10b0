//! The JSON Lines fast path (`lines`) gives what checking the file whole gives: after every
//! edit of a long series, the edited file's records and every finding of the root equal those
//! of a root loaded afresh from the same text.

use std::path::{Path, PathBuf};

use super::*;

const EVENTS: &str = "dataset/events/events.jsonl";

/// A root with the bundled dataset, its events as one `.jsonl` file of `text`.
fn root(dir: &Path, text: &str) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = |from: PathBuf, to: PathBuf| {
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    };
    copy(repo.join("schema"), dir.join("schema"));
    for table in ["agreements", "parties", "sources", "threat_categories"] {
        copy(repo.join("dataset").join(table), dir.join("dataset").join(table));
    }
    std::fs::create_dir_all(dir.join("dataset/events")).unwrap();
    std::fs::write(dir.join(EVENTS), text).unwrap();
}

/// The bundled events, one compact record a line.
fn event_lines() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("dataset/events");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
        .iter()
        .map(|p| serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(p).unwrap()).unwrap().to_string())
        .collect()
}

type Outcome = (Vec<(u32, u64, String)>, Vec<Finding>);

fn outcome(c: &mut Checked) -> Outcome {
    c.check();
    let records = c.dataset.records.iter().filter(|r| &*r.file == EVENTS);
    // Findings that differ only by their anchor (not yet resolved to a line) sort equal, in
    // the order they were made; the anchor decides here.
    let mut findings = c.findings.clone();
    findings.sort_by(|a, b| a.cmp(b).then_with(|| lines::line_of(a).cmp(&lines::line_of(b))));
    (records.map(|r| (r.line, r.offset, r.value.to_string())).collect(), findings)
}

/// One edit of the lines, chosen by `n`: a change, a fault of each kind the fast path must
/// carry or refuse, an insertion or a deletion, anywhere (the first line included).
fn edit(lines: &mut Vec<String>, n: u64, step: usize) {
    let k = (n >> 8) as usize % lines.len();
    let line = lines[k].clone();
    match n % 9 {
        0 => lines[k] = line.replacen("\"title\":\"", "\"title\":\"Edited ", 1),
        1 => lines.insert(k, line.replacen("\"id\":\"evt-", &format!("\"id\":\"evt-new-{step}-"), 1)),
        2 if lines.len() > 3 => drop(lines.remove(k)),
        3 => lines[k] = format!("{line},"),
        4 => lines[k] = line.replace("\"pty-rus\"", "\"pty-nope\""),
        5 => lines[k] = line.replacen("\"title\":\"", "\"title\":\"\\u0007", 1),
        6 => lines[k] = line.replacen('{', "{\"kind\":\"meeting\",", 1),
        7 => lines.insert(k, String::new()),
        _ => lines[k] = line.replacen("\"title\":\"Edited ", "\"title\":\"", 1),
    }
}

#[test]
fn jsonl_edits_checked_by_their_lines_equal_a_fresh_load() {
    let mut lines = event_lines();
    let text = |lines: &[String], step: usize| {
        // Every third text has no final line break.
        let body = lines.join("\n");
        if step.is_multiple_of(3) { body } else { body + "\n" }
    };
    let (edited, fresh) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    root(edited.path(), &text(&lines, 1));
    let mut server = Checked::load(edited.path()).unwrap();
    server.update(EVENTS, text(&lines, 1).as_bytes());
    let mut n: u64 = 0x2545_f491_4f6c_dd1d;
    for step in 0..80 {
        n = n.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        edit(&mut lines, n >> 16, step);
        let now = text(&lines, step);
        server.update(EVENTS, now.as_bytes());
        root(fresh.path(), &now);
        let mut loaded = Checked::load(fresh.path()).unwrap();
        let (want, got) = (outcome(&mut loaded), outcome(&mut server));
        assert_eq!(got.0, want.0, "records after edit {step} ({})", n >> 16 & 0xff);
        assert_eq!(got.1, want.1, "findings after edit {step} ({})", n >> 16 & 0xff);
    }
}
