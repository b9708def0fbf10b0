//! The fuzz targets' properties on stable Rust: every committed corpus file under
//! `fuzz/corpus/<target>/` is replayed, then proptest feeds each property random inputs
//! shaped like its target's (JSON-ish text, date-ish text). `cargo fuzz run <target>` explores
//! further on nightly; what it finds is added to the corpus and so replayed here.

#[path = "../../fuzz/checks.rs"]
mod checks;

use std::path::Path;

use proptest::prelude::*;

use crate::common::REPO;

/// A fuzz target's property: panics on a violation.
type Check = fn(&[u8]);

const TARGETS: &[(&str, Check)] = &[
    ("parse_locate", checks::parse_locate),
    ("partial_dates", checks::partial_dates),
    ("canonical_round_trip", checks::canonical_round_trip),
];

#[test]
fn the_committed_corpus_replays_clean() {
    for (target, check) in TARGETS {
        let dir = Path::new(REPO).join("fuzz/corpus").join(target);
        let mut n = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| check(&bytes));
            assert!(outcome.is_ok(), "{target}: {} fails", path.display());
            n += 1;
        }
        assert!(n >= 5, "{target}: only {n} corpus files");
    }
}

fn jsonish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("{".to_string()),
            Just("}".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just(",".to_string()),
            Just(":".to_string()),
            Just(" ".to_string()),
            Just("\"a\"".to_string()),
            Just("\"id\"".to_string()),
            Just("\"\\u00e9\\n\"".to_string()),
            Just("true".to_string()),
            Just("null".to_string()),
            "-?[0-9]{1,25}(\\.[0-9]{1,25})?([eE][-+]?[0-9]{1,4})?",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn parse_locate_holds(text in jsonish()) {
        checks::parse_locate(text.as_bytes());
    }

    #[test]
    fn canonical_round_trip_holds(text in jsonish()) {
        checks::canonical_round_trip(text.as_bytes());
    }

    #[test]
    fn canonical_round_trip_holds_for_objects(n in "-?[0-9]{1,30}(\\.[0-9]{1,30})?([eE][-+]?[0-9]{1,3})?") {
        checks::canonical_round_trip(format!("{{\"id\": \"x\", \"n\": {n}, \"l\": [{n}]}}").as_bytes());
    }

    #[test]
    fn partial_dates_hold(s in "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?") {
        checks::partial_dates(s.as_bytes());
    }
}
