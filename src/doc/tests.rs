//! A `Doc` reads back exactly the `Value` it was built from, whatever the value.

use proptest::prelude::*;
use serde_json::{Value, json};

use super::{Doc, Keys, Kind};

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(("[a-d]{0,3}", inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Every method of a node agrees with the same method of the value.
fn agrees(node: super::Node<'_>, v: &Value) {
    assert_eq!(node.as_str(), v.as_str());
    assert_eq!(node.as_bool(), v.as_bool());
    assert_eq!(node.is_null(), v.is_null());
    assert_eq!(node.as_i64(), v.as_i64());
    assert_eq!(node.as_u64(), v.as_u64());
    assert_eq!(node.as_f64().map(f64::to_bits), v.as_f64().map(f64::to_bits));
    assert_eq!(node.is_array(), v.is_array());
    assert_eq!(node.is_object(), v.is_object());
    match (node.kind(), v) {
        (Kind::Array(items), Value::Array(vs)) => {
            assert_eq!(items.len(), vs.len());
            for (i, (n, v)) in items.zip(vs).enumerate() {
                agrees(n, v);
                agrees(items.get(i).expect("an item at each index"), v);
            }
            assert!(items.get(vs.len()).is_none());
        }
        (Kind::Object(members), Value::Object(map)) => {
            assert_eq!(members.len(), map.len());
            for ((k, n), (mk, mv)) in members.zip(map) {
                assert_eq!(k, mk);
                agrees(n, mv);
                agrees(node.get(k).expect("every key is found"), mv);
            }
            assert!(node.get("not a key in any test value").is_none());
        }
        (Kind::Array(_) | Kind::Object(_), _) => panic!("a container where the value is {v}"),
        _ => assert!(!v.is_array() && !v.is_object()),
    }
}

/// `Node::field` finds what `Node::get` finds, with the name resolved against the doc's own key
/// set, against another set, or not in the set at all.
fn fields_agree(node: super::Node<'_>, v: &Value) {
    let sets = [Keys::intern(["a", "b", "ab", "dd"]), Keys::intern(["b", "c"])];
    match v {
        Value::Object(map) => {
            for set in sets {
                for k in map.keys().map(String::as_str).chain(["a", "c", "not a key"]) {
                    let by_field = node.field(set.field(k)).map(|n| n.to_value());
                    assert_eq!(by_field, node.get(k).map(|n| n.to_value()), "field {k:?}");
                }
            }
            for (k, child) in map {
                fields_agree(node.get(k).expect("every key is found"), child);
            }
        }
        Value::Array(items) => {
            for (n, child) in node.as_array().expect("an array").zip(items) {
                fields_agree(n, child);
            }
        }
        _ => assert!(node.field(sets[0].field("a")).is_none()),
    }
}

proptest! {
    #[test]
    fn reads_back_what_it_was_built_from(v in value()) {
        let doc = Doc::from_value(&v);
        prop_assert_eq!(doc.to_value(), v.clone());
        prop_assert_eq!(serde_json::to_string(&doc).unwrap(), serde_json::to_string(&v).unwrap());
        prop_assert_eq!(doc.root().to_string(), v.to_string());
        agrees(doc.root(), &v);
        // With a table's key names shared, some keys are stored as indexes: the same reads.
        let shared = Doc::with_keys(&v, Keys::intern(["a", "b", "ab", "dd"]));
        prop_assert_eq!(shared.to_value(), v.clone());
        prop_assert_eq!(shared.root().to_string(), v.to_string());
        agrees(shared.root(), &v);
        fields_agree(doc.root(), &v);
        fields_agree(shared.root(), &v);
    }
}

#[test]
fn shared_keys_leave_the_record_text_and_are_interned_once() {
    let v = json!({"id": "x", "sources": [{"source": "a"}], "other": 1});
    let keys = Keys::intern(["id", "sources", "source"]);
    assert!(std::ptr::eq(keys, Keys::intern(["id", "sources", "source"])));
    let doc = Doc::with_keys(&v, keys);
    assert_eq!(&*doc.text, "xaother1");
    assert_eq!(doc.to_value(), v);
    assert_eq!(doc.root().get("sources").and_then(|s| s.as_array()?.get(0)?.get("source")?.as_str()), Some("a"));
}

#[test]
fn keys_shared_between_objects_are_stored_once() {
    let v = json!({"sources": [{"source": "a", "locator": "p. 1"}, {"source": "b", "locator": "p. 2"}]});
    let doc = Doc::from_value(&v);
    // "sources", "source", "locator" once each, then the four values.
    assert_eq!(&*doc.text, "sourcessourcealocatorp. 1bp. 2");
    assert_eq!(doc.to_value(), v);
}

#[test]
fn an_object_of_many_distinct_keys_is_kept_whole() {
    let map: serde_json::Map<String, Value> = (0..1000).map(|i| (format!("k{i}"), json!(i))).collect();
    let v = Value::Object(map);
    let doc = Doc::from_value(&v);
    assert_eq!(doc.to_value(), v);
    assert_eq!(doc.root().get("k999").and_then(|n| n.as_i64()), Some(999));
}

#[test]
fn numbers_keep_their_type() {
    for v in [json!(0), json!(-0.0), json!(1.0), json!(u64::MAX), json!(i64::MIN), json!(1e300), json!(0.1)] {
        let doc = Doc::from_value(&v);
        assert_eq!(doc.to_value(), v);
        assert_eq!(doc.root().as_number(), v.as_number().cloned());
    }
}
