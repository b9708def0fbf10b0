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

/// Every escape JSON has decodes to its character (`\/` is common in URLs written by other
/// tools); any other letter after a backslash is refused. Surviving mutants deleted the `/`, `b`
/// and `f` arms.
#[test]
fn every_json_escape_decodes_to_its_character() {
    let parsed = parse(r#"["\" \\ \/ \b \f \n \r \t \u0041", "https:\/\/example.org\/a"]"#).unwrap();
    assert_eq!(parsed.value, serde_json::json!(["\" \\ / \u{8} \u{c} \n \r \t A", "https://example.org/a"]));
    for bad in [r#""\a""#, r#""\x41""#, r#""\'""#, r#""\0""#, r#""\U0041""#] {
        assert_eq!(parse(bad).unwrap_err().kind, FatalKind::Syntax, "{bad}");
    }
}

/// The fast path for escape-free strings must stop at the first quote, backslash or control
/// character. A string that starts with an escape (`"\"q\""`) is where a fast path that skipped
/// backslashes would end the string early (a cargo-mutants survivor at `c == b'\\'`); the
/// mutants of the `'"'` test and of `< 0x20` into `<= 0x20` only send more strings down the slow
/// path and are equivalent.
#[test]
fn strings_that_start_with_an_escape_or_hold_a_raw_control() {
    let parsed = parse(r#"["\"q\"", "\\", "\\\"", "\n", "a b"]"#).unwrap();
    assert_eq!(parsed.value, serde_json::json!(["\"q\"", "\\", "\\\"", "\n", "a b"]));
    for c in ['\u{1}', '\t', '\u{1f}'] {
        let text = format!("[\"x{c}y\"]");
        assert_eq!(parse(&text).unwrap_err().kind, FatalKind::Syntax, "{text:?}");
    }
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

#[test]
fn same_decimal_compares_values_not_spelling() {
    for (a, b) in
        [("1.50", "1.5"), ("15e-1", "1.5"), ("100", "1E2"), ("0.0", "-0"), ("1e21", "1000000000000000000000.0")]
    {
        assert!(same_decimal(a, b), "{a} {b}");
    }
    for (a, b) in
        [("0.1", "0.1000000000000000055"), ("1e-400", "0.0"), ("-1.5", "1.5"), ("1e99999999999999999999", "1")]
    {
        assert!(!same_decimal(a, b), "{a} {b}");
    }
}

#[test]
fn numbers_a_float_cannot_hold_are_inexact() {
    let kinds = |t: &str| parse(t).unwrap().issues.iter().map(|i| i.kind).collect::<Vec<_>>();
    assert_eq!(kinds("3.14159265358979323846264338"), [IssueKind::InexactNumber]);
    assert_eq!(kinds("1e-400"), [IssueKind::InexactNumber]);
    assert_eq!(kinds("[0.1, 1.50, 2.5e3, -0.0, 1E2, 123456.789]"), []);
    assert_eq!(kinds("1e400"), [IssueKind::UnsafeNumber]);
}

/// A leading zero is a syntax error; a lone zero, and zero before a fraction, are not.
#[test]
fn leading_zeros_are_refused() {
    for bad in ["012", "-01", "[00]", "{\"a\": 01.5}"] {
        let fatal = parse(bad).unwrap_err();
        assert_eq!((fatal.kind, fatal.message.contains("leading zeros")), (FatalKind::Syntax, true), "{bad}");
    }
    for good in ["0", "-0", "0.5", "[0, 10, 100]"] {
        assert!(parse(good).is_ok(), "{good}");
    }
}

/// A number needs a digit before and after its point and in its exponent; without one it is a
/// syntax error at any position in the text, never a panic (a surviving mutant counted digits
/// as `pos + from`, which is not zero past the first byte).
#[test]
fn numbers_without_digits_are_refused() {
    for bad in ["-", "[-]", "[1, -]", "1.", "[1.]", "[1.e5]", "[1e]", "[1e+]", "[2E-]", "[-.5]", "[.5]", "[--1]"] {
        assert_eq!(parse(bad).unwrap_err().kind, FatalKind::Syntax, "{bad}");
    }
    for good in ["[1.0]", "[1e5]", "[1E+5]", "[-2e-3]", "[0.0e0]"] {
        assert!(parse(good).is_ok(), "{good}");
    }
}

/// L007 at its bounds: a magnitude up to 2^53 is safe, one past it is not, for integers (whose
/// float rounds back to 2^53) and floats alike; a literal of up to 40 characters is judged by
/// its value, a longer one is refused whatever it says.
#[test]
fn unsafe_numbers_at_their_bounds() {
    let kinds = |t: &str| parse(t).unwrap().issues.iter().map(|i| i.kind).collect::<Vec<_>>();
    for safe in ["9007199254740992", "-9007199254740992", "9007199254740992.0", "-9007199254740992.0"] {
        assert_eq!(kinds(safe), [], "{safe}");
    }
    for unsafe_ in ["9007199254740993", "-9007199254740993", "9007199254740994.0", "18446744073709551615"] {
        assert_eq!(kinds(unsafe_), [IssueKind::UnsafeNumber], "{unsafe_}");
    }
    let forty = format!("0.1{}", "0".repeat(37));
    assert_eq!(forty.len(), 40);
    assert_eq!(kinds(&forty), []);
    assert_eq!(kinds(&format!("{forty}0")), [IssueKind::UnsafeNumber]);
}

#[test]
fn many_duplicate_keys_are_found_in_linear_time_and_capped() {
    let keys: Vec<String> = (0..20_000).map(|i| format!("\"k{i}\": {i}")).collect();
    let text = format!("{{{}, {}}}", keys.join(", "), keys.join(", "));
    let started = std::time::Instant::now();
    let parsed = parse(&text).unwrap();
    assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
    assert_eq!(parsed.issues.len(), MAX_ISSUES);
    assert_eq!(parsed.dropped, 20_000 - MAX_ISSUES);
    assert_eq!(parsed.issues[0].related, Some(1));
    let second = text.find("\"k1\":").unwrap();
    assert_eq!(parsed.issues[1].related, Some(second));
    assert_eq!(parsed.value.as_object().unwrap().len(), 20_000);
}

/// Found by `cargo fuzz run parse_locate`: `-0` came out as the integer 0.
#[test]
fn negative_zero_reads_as_serde_json_reads_it() {
    for text in ["-0", "[-0, 0, -0.0, -0e0]"] {
        let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(parse(text).unwrap().value, theirs, "{text}");
    }
}

/// Found by `cargo fuzz run parse_locate`: `\u+610` was read as U+0610.
#[test]
fn a_unicode_escape_is_four_hex_digits_without_a_sign() {
    for text in [r#""\u+610""#, r#""\u-610""#, r#""\ud83d\u+e00""#] {
        assert!(parse(text).is_err(), "{text}");
        assert!(serde_json::from_str::<serde_json::Value>(text).is_err(), "{text}");
    }
    assert_eq!(parse(r#""\u0610""#).unwrap().value, serde_json::json!("\u{610}"));
}

/// Found by `cargo fuzz run parse_locate`: the message of a repeated key longer than 24 bytes
/// cut the key at byte 20, inside a character, and panicked.
#[test]
fn a_long_repeated_key_of_wide_characters_is_shortened_by_characters() {
    let key = "홭".repeat(30);
    let parsed = parse(&format!("{{\"{key}\": 1, \"{key}\": 2}}")).unwrap();
    assert_eq!(parsed.issues.len(), 1);
    assert!(parsed.issues[0].message.contains(&format!("{}…", "홭".repeat(19))), "{}", parsed.issues[0].message);
}

#[test]
fn content_after_the_value_is_an_issue_and_whitespace_is_not() {
    let kinds = |t: &str| parse(t).unwrap().issues.iter().map(|i| (i.kind, i.offset)).collect::<Vec<_>>();
    assert_eq!(kinds("{} x"), [(IssueKind::TrailingContent, 3)]);
    assert_eq!(kinds("{}  \n"), []);
}

#[test]
fn nesting_is_allowed_to_the_limit_and_refused_past_it() {
    let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert!(parse(&nested(super::MAX_DEPTH)).is_ok());
    let e = parse(&nested(super::MAX_DEPTH + 1)).unwrap_err();
    assert_eq!(e.kind, FatalKind::TooDeep);
}
