//! The cases. `n_`/`i_` names follow JSONTestSuite (Seriot, "Parsing JSON is a Minefield");
//! the texts are written here, not copied. Record files go to `dataset/events/evt-x.json`.

use super::Case;

const EVT: &str = "dataset/events/evt-x.json";

/// A valid event with `extra` spliced in as the first member (nothing when empty).
fn event_with(extra: &str) -> Vec<u8> {
    let extra = if extra.is_empty() { String::new() } else { format!("{extra}, ") };
    format!("{{{extra}\"id\": \"evt-x\", \"title\": \"T\", \"kind\": \"meeting\", \"certainty\": \"confirmed\", \"sources\": [{{\"source\": \"src-example-article\", \"locator\": \"p. 1\"}}]}}\n").into_bytes()
}

trait Kind {
    /// The event with its `kind` replaced by `json_text` (the inside of a JSON string).
    fn replace_kind(self, json_text: &str) -> Vec<u8>;
}

impl Kind for Vec<u8> {
    fn replace_kind(self, json_text: &str) -> Vec<u8> {
        String::from_utf8(self)
            .unwrap()
            .replace("\"kind\": \"meeting\"", &format!("\"kind\": \"{json_text}\""))
            .into_bytes()
    }
}

fn record(name: &'static str, bytes: impl Into<Vec<u8>>, rule: &'static str, line: u32) -> Case {
    Case {
        name,
        files: vec![(EVT.to_string(), bytes.into())],
        args: &["validate"],
        exit: 1,
        finding: Some((rule, EVT.to_string(), line)),
        stderr: None,
    }
}

/// A schema edit that must stop every command with exit 2 and `stderr` in the message.
fn schema(
    name: &'static str,
    args: &'static [&'static str],
    edit: fn(&mut serde_json::Value),
    stderr: &'static str,
) -> Case {
    let path = format!("{}/schema/events.schema.json", crate::common::REPO);
    let mut s: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    edit(&mut s);
    Case {
        name,
        files: vec![("schema/events.schema.json".into(), serde_json::to_vec_pretty(&s).unwrap())],
        args,
        exit: 2,
        finding: None,
        stderr: Some(stderr),
    }
}

pub fn all() -> Vec<Case> {
    let mut c = vec![
        // n_: must be rejected, at line 1 unless the text spans lines.
        record("n_array_1_true_without_comma", "[1 true]", "L004", 1),
        record("n_array_extra_comma", "[\"\",]", "L004", 1),
        record("n_array_double_comma", "[1,,2]", "L004", 1),
        record("n_array_unclosed", "[\"asd", "L004", 1),
        record("n_object_trailing_comma", "{\"id\": \"evt-x\",}", "L004", 1),
        record("n_object_single_quote", "{'a': 0}", "L004", 1),
        record("n_object_unquoted_key", "{a: 0}", "L004", 1),
        record("n_object_missing_colon", "{\"a\" 1}", "L004", 1),
        record("n_object_missing_value", "{\"a\":}", "L004", 1),
        record("n_object_non_string_key", "{1: 1}", "L004", 1),
        record("n_number_leading_zero", "[012]", "L004", 1),
        record("n_number_plus", "[+1]", "L004", 1),
        record("n_number_dot_first", "[.1]", "L004", 1),
        record("n_number_trailing_dot", "[1.]", "L004", 1),
        record("n_number_exp_empty", "[1e]", "L004", 1),
        record("n_number_nan", "[NaN]", "L004", 1),
        record("n_number_infinity", "[-Infinity]", "L004", 1),
        record("n_number_hex", "[0x1]", "L004", 1),
        record("n_number_minus_space", "[- 1]", "L004", 1),
        record("n_string_single_quote", "['a']", "L004", 1),
        record("n_string_unescaped_tab", "[\"a\tb\"]", "L004", 1),
        record("n_string_unescaped_newline", "{\n\"a\": \"b\nc\"}", "L004", 2),
        record("n_string_invalid_escape", "[\"\\x\"]", "L004", 1),
        record("n_string_bad_unicode_escape", "[\"\\u00G0\"]", "L004", 1),
        record("n_string_lone_high_surrogate", "[\"\\uD800\"]", "L004", 1),
        record("n_string_incomplete_surrogate_pair", "[\"\\uD800\\u\"]", "L004", 1),
        record("n_literal_capitalised", "[True]", "L004", 1),
        record("n_literal_truncated", "tru", "L004", 1),
        record("n_structure_comment", "{\"a\": 1 /* c */}", "L004", 1),
        record("n_structure_close_unopened", "]", "L004", 1),
        record("n_structure_trailing_garbage", "{\"id\": \"evt-x\"} x", "L008", 1),
        record("n_structure_two_documents", "{}\n{}", "L008", 2),
        record("n_structure_nul_after_document", b"{}\0".to_vec(), "L008", 1),
        record("n_structure_100000_open_arrays", "[".repeat(100_000), "L006", 1),
        record("n_structure_100000_open_objects", "{\"a\":".repeat(100_000), "L006", 1),
        record("n_empty_file", "", "L003", 1),
        record("n_whitespace_only", " \n\t\r\n ", "L003", 1),
        record("n_bom_only", b"\xEF\xBB\xBF".to_vec(), "L003", 1),
        record("n_utf16le_with_bom", b"\xFF\xFE{\0}\0".to_vec(), "L001", 1),
        record("n_invalid_utf8_in_string", b"{\"a\": \"\xFF\"}".to_vec(), "L001", 1),
        // i_: implementation-defined; isca's choice is documented by its rule.
        record("i_number_huge_exp", "{\"n\": 1e400}", "L007", 1),
        record("i_number_very_big_negative_int", "{\"n\": -123123123123123123123123123123}", "L007", 1),
        record("i_number_too_precise", "{\"n\": 3.14159265358979323846264338}", "L020", 1),
        record("i_number_underflow", "{\"n\": 1e-400}", "L020", 1),
        record("i_object_key_lone_2nd_surrogate", "{\"\\uDFAA\": 0}", "L004", 1),
        record("i_string_overlong_utf8", b"[\"\xC0\xAF\"]".to_vec(), "L001", 1),
        record("i_string_utf8_surrogate_bytes", b"[\"\xED\xA0\x80\"]".to_vec(), "L001", 1),
        record("i_string_escaped_nul", event_with("\"notes\": \"a\\u0000b\""), "X013", 1),
        // Found by cargo fuzz: a sign in a \u escape was taken; a long wide key panicked.
        record("n_string_unicode_escape_with_sign", "[\"\\u+610\"]", "L004", 1),
        record("wide_repeated_key", event_with(&format!("\"{0}\": 1, \"{0}\": 2", "홭".repeat(30))), "L005", 1),
        record("i_structure_500_nested_arrays", format!("{}{}", "[".repeat(500), "]".repeat(500)), "L006", 1),
        // Time and memory: quadratic or unbounded before, linear and capped now.
        record("dos_10000_duplicate_keys", duplicate_keys(10_000), "L021", 1),
        record(
            "dos_20000_unsafe_numbers_on_one_line",
            format!("{{\"n\": [{}]}}", vec!["1e400"; 20_000].join(",")),
            "L021",
            1,
        ),
        record(
            "dos_one_mebibyte_dangling_id",
            event_with(&format!("\"parties\": [\"pty-{}\"]", "a".repeat(1 << 20))),
            "X003",
            1,
        ),
        record(
            "dos_100000_wrong_items",
            event_with(&format!("\"parties\": [{}]", vec!["1"; 100_000].join(","))),
            "L021",
            1,
        ),
        // Terminal injection: raw controls decoded from escapes, in values the messages quote.
        record("tty_escape_in_enum_value", event_with("").replace_kind("\\u001b]0;pwned\\u0007\\u001b[2J"), "S004", 1),
        record("tty_bidi_override_in_enum_value", event_with("").replace_kind("\\u202econfirmed\\u2066"), "S004", 1),
        record("tty_c1_in_enum_value", event_with("").replace_kind("\\u009b2J"), "S004", 1),
        record("tty_c1_csi_in_text", event_with("\"notes\": \"\\u009b31m red\""), "X013", 1),
        Case {
            name: "tty_escape_in_file_name",
            files: vec![("dataset/events/evt-\u{1b}[2J\u{1b}]0;x\u{7}.json".into(), event_with("\"notes\": \"n\""))],
            args: &["validate"],
            exit: 1,
            finding: None,
            stderr: None,
        },
        Case {
            name: "jsonl_line_with_20000_duplicates",
            files: vec![(
                "dataset/events/bulk.jsonl".into(),
                format!(
                    "{}\n{}\n",
                    String::from_utf8(event_with("\"notes\": \"n\"")).unwrap().trim_end().replace("evt-x", "evt-y"),
                    duplicate_keys(20_000)
                )
                .into_bytes(),
            )],
            args: &["validate"],
            exit: 1,
            finding: Some(("L021", "dataset/events/bulk.jsonl".into(), 2)),
            stderr: None,
        },
        // fmt keeps every number or refuses the file, which it leaves untouched.
        Case {
            name: "fmt_refuses_an_inexact_number",
            files: vec![(EVT.into(), event_with("\"n\": 3.14159265358979323846264338"))],
            args: &["fmt"],
            exit: 1,
            finding: None,
            stderr: None,
        },
        Case {
            name: "fmt_refuses_an_underflowing_number",
            files: vec![(EVT.into(), event_with("\"n\": 1e-400"))],
            args: &["fmt", "--check"],
            exit: 1,
            finding: None,
            stderr: None,
        },
        // Schemas that lie: refused at load time, the same way by every command.
        schema("schema_ref_cycle_validate", &["validate"], ref_cycle, "`$ref` cycle: /$defs/a → /$defs/b → /$defs/a"),
        schema("schema_ref_cycle_build", &["build"], ref_cycle, "`$ref` cycle"),
        schema("schema_ref_cycle_fmt", &["fmt", "--check"], ref_cycle, "`$ref` cycle"),
        schema("schema_self_ref_root", &["validate"], |s| s["$ref"] = "#".into(), "`$ref` cycle:  → "),
        schema(
            "schema_unknown_draft",
            &["validate"],
            |s| s["$schema"] = "http://json-schema.org/draft-04/schema#".into(),
            "unsupported `$schema`",
        ),
        schema(
            "schema_unknown_draft_build",
            &["build"],
            |s| s["$schema"] = "https://example.org/my-draft".into(),
            "unsupported `$schema`",
        ),
        schema("schema_references_typo", &["validate"], references_typo, "names \"partys\", which is not a table"),
        schema("schema_references_typo_build", &["build"], references_typo, "which is not a table"),
        schema(
            "schema_primary_key_missing",
            &["validate"],
            |s| s["x-primary-key"] = "key".into(),
            "primary key `key` is not a property",
        ),
        schema(
            "schema_primary_key_not_required",
            &["build"],
            |s| {
                s["required"] = serde_json::json!(["title"]);
            },
            "must be listed in `required`",
        ),
        Case {
            name: "schema_unpublishable_table_name",
            files: vec![(
                "schema/Bad Name.schema.json".into(),
                std::fs::read(format!("{}/schema/sources.schema.json", crate::common::REPO)).unwrap(),
            )],
            args: &["validate"],
            exit: 2,
            finding: None,
            stderr: Some("`Bad Name` cannot be a table name"),
        },
    ];
    // A reference back into a definition through `properties` is structure, not a bare cycle.
    let mut through = schema(
        "schema_recursion_through_properties_accepted",
        &["validate"],
        |s| {
            s["$defs"]["r"] =
                serde_json::json!({"type": ["string", "object"], "properties": {"again": {"$ref": "#/$defs/r"}}});
            s["properties"]["notes"] = serde_json::json!({"$ref": "#/$defs/r", "description": "n"});
        },
        "",
    );
    through.exit = 0;
    through.stderr = None;
    c.push(through);
    // A recursive schema is a legitimate tree: accepted, and a deep value validates.
    let mut recursive = schema(
        "schema_recursive_items_accepted",
        &["validate"],
        |s| {
            s["$defs"]["tree"] = serde_json::json!({"type": "array", "items": {"$ref": "#/$defs/tree"}});
            s["properties"]["tree"] = serde_json::json!({"$ref": "#/$defs/tree", "description": "a tree"});
        },
        "",
    );
    recursive.exit = 0;
    recursive.stderr = None;
    recursive.files.push((EVT.into(), event_with("\"tree\": [[[]], [[[[[[]]]]]]]")));
    c.push(recursive);
    c
}

fn ref_cycle(s: &mut serde_json::Value) {
    s["$defs"]["a"] = serde_json::json!({"$ref": "#/$defs/b"});
    s["$defs"]["b"] = serde_json::json!({"$ref": "#/$defs/a"});
    s["properties"]["notes"] = serde_json::json!({"$ref": "#/$defs/a"});
}

fn references_typo(s: &mut serde_json::Value) {
    s["properties"]["parties"]["items"]["x-references"] = "partys".into();
}

/// One object, one line, `n` keys each given twice: `n` duplicates, about 24 bytes each.
fn duplicate_keys(n: usize) -> String {
    let keys: Vec<String> = (0..n).map(|i| format!("\"k{i:05}\":0")).collect();
    format!("{{\"id\":\"evt-x\",{},{}}}", keys.join(","), keys.join(","))
}
