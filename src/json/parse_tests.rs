//! Tests of the strict parser: duplicate-key offsets, exact array sizes, escapes, and a
//! property test against serde_json.

use super::*;
use proptest::prelude::*;

#[test]
fn duplicate_keys_point_back_at_the_first_occurrence() {
    let text = r#"{"a": 1, "b": {"a": [1, {"a": 2}], "c": 3, "c": 4}, "a": 5, "a": 6}"#;
    let parsed = parse(text).unwrap();
    let issues: Vec<(usize, Option<usize>)> = parsed.issues.iter().map(|i| (i.offset, i.related)).collect();
    let inner_c = text.find(r#""c": 3"#).unwrap();
    let second_c = text.find(r#""c": 4"#).unwrap();
    let a5 = text.find(r#""a": 5"#).unwrap();
    let a6 = text.find(r#""a": 6"#).unwrap();
    assert_eq!(issues, vec![(second_c, Some(inner_c)), (a5, Some(1)), (a6, Some(1))]);
    assert_eq!(parsed.value["a"], 6);
    assert_eq!(parsed.value["b"]["c"], 4);
}

#[test]
fn arrays_are_allocated_at_their_length() {
    let parsed = parse(r#"[[1, [2, 3, 4]], [], ["x", "y", "z", "w", "v"]]"#).unwrap();
    let outer = parsed.value.as_array().unwrap();
    assert_eq!(outer.capacity(), 3);
    assert_eq!(outer[2].as_array().unwrap().capacity(), 5);
    assert_eq!(outer[0][1].as_array().unwrap().len(), 3);
}

#[test]
fn strings_with_and_without_escapes() {
    let parsed = parse(r#"["plain é", "tab\there \"q\" \u00e9 \ud83d\ude00", ""]"#).unwrap();
    assert_eq!(parsed.value, serde_json::json!(["plain é", "tab\there \"q\" é 😀", ""]));
    assert_eq!(parse("[\"a\nb\"]").unwrap_err().kind, FatalKind::Syntax);
    assert_eq!(parse("[\"abc").unwrap_err().message, "unterminated string");
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-1_000_000i64..1_000_000).prop_map(Value::from),
        "[ -~é\"\\\\\t\n]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,4}", inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Whatever serde_json writes (compact or pretty), we read back as the same value,
    /// with no issues.
    #[test]
    fn reads_what_serde_json_writes(v in arb_json()) {
        for text in [serde_json::to_string(&v).unwrap(), serde_json::to_string_pretty(&v).unwrap()] {
            let parsed = parse(&text).unwrap();
            prop_assert!(parsed.issues.is_empty());
            prop_assert_eq!(&parsed.value, &v);
        }
    }
}
