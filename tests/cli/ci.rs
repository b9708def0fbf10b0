//! What CI users and terminal users meet: `--max-findings` in every format and its defaults,
//! the rule pages SARIF links to (current with the rule docs), shell completions, colour under
//! `NO_COLOR`/`CLICOLOR_FORCE`/`--color`, and carets under wide characters.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::common::{REPO, Root};
use crate::formats::sarif_schema;
use crate::rules::overlay;

const FORMATS: [&str; 6] = ["text", "json", "github", "sarif", "junit", "markdown"];

fn multi() -> Root {
    let root = Root::base();
    overlay(&root, &Path::new(REPO).join("tests/fixtures/multi"));
    root
}

#[test]
fn max_findings_cuts_every_format_and_keeps_the_exit_code() {
    let root = multi();
    for format in FORMATS {
        let run = root.run(&["validate", "--format", format, "--max-findings", "3"]);
        assert_eq!(run.code, 1, "{format}: {}", run.render());
        assert!(run.stdout.contains("and 6 more findings not shown (--max-findings 3)"), "{format}: {}", run.stdout);
        let shown = run.render().replace(env!("CARGO_PKG_VERSION"), "[VERSION]");
        insta::with_settings!({ snapshot_suffix => format, omit_expression => true }, {
            insta::assert_snapshot!("capped", shown);
        });
    }
    // Zero findings shown still fails the run, and warnings never push out errors.
    let none = root.run(&["validate", "--format", "json", "--max-findings", "0"]);
    assert_eq!(none.code, 1);
    let report: Value = serde_json::from_str(&none.stdout).unwrap();
    assert_eq!(report["findings"].as_array().unwrap().len(), 0);
    assert_eq!(report["summary"]["errors"], 7);
    assert_eq!(report["omitted"]["findings"], 9);
    let seven = root.run(&["validate", "--format", "json", "--max-findings", "7"]);
    let report: Value = serde_json::from_str(&seven.stdout).unwrap();
    assert!(report["findings"].as_array().unwrap().iter().all(|f| f["severity"] == "error"));

    // The cut SARIF, with its notification, is still valid SARIF 2.1.0.
    let sarif: Value =
        serde_json::from_str(&root.run(&["validate", "--format", "sarif", "--max-findings", "3"]).stdout).unwrap();
    let errors: Vec<String> = sarif_schema().iter_errors(&sarif).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 3);

    let all = root.run(&["validate", "--format", "github", "--max-findings", "all"]);
    assert_eq!(all.stdout.lines().filter(|l| l.starts_with("::error") || l.starts_with("::warning")).count(), 9);
    assert!(!all.stdout.contains("not shown"));
    let bad = root.run(&["validate", "--max-findings", "lots"]);
    assert_eq!(bad.code, 2, "{}", bad.render());
    assert!(bad.stderr.contains("`lots` is not a number of findings or `all`"), "{}", bad.stderr);
}

/// A synthetic dataset with 120 faults of one kind or another: more than GitHub and Markdown
/// show, fewer than SARIF's 5,000 (checked at full size by `interop/ci.sh`).
#[test]
fn default_caps_fit_each_consumer() {
    let root = Root { dir: tempfile::tempdir().unwrap() };
    let run = root.run(&["synth", ".", "--events", "1000", "--layout", "jsonl", "--faults", "12"]);
    assert_eq!(run.code, 0, "{}", run.render());
    let json = root.run(&["validate", "--format", "json"]);
    let total = serde_json::from_str::<Value>(&json.stdout).unwrap()["findings"].as_array().unwrap().len();
    assert!(total > 100, "{total} findings");

    let github = root.run(&["validate", "--format", "github"]);
    assert_eq!(github.code, 1);
    let annotations = github.stdout.lines().filter(|l| l.starts_with("::error ") || l.starts_with("::warning "));
    assert_eq!(annotations.count(), 10);
    assert!(github.stdout.contains(&format!("::notice title=isca::and {} more findings not shown", total - 10)));

    let markdown = root.run(&["validate", "--format", "markdown"]);
    assert_eq!(markdown.stdout.lines().filter(|l| l.starts_with("| `dataset/")).count(), 100);

    let sarif: Value = serde_json::from_str(&root.run(&["validate", "--format", "sarif"]).stdout).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), total);
    assert!(sarif["runs"][0]["invocations"][0].get("toolExecutionNotifications").is_none());

    let text = root.run(&["validate"]);
    let headlines = text.stdout.lines().filter(|l| l.starts_with("error[") || l.starts_with("warning["));
    assert_eq!(headlines.count(), total);
    let junit = root.run(&["validate", "--format", "junit"]);
    assert!(!junit.stdout.contains("not shown"));
}

/// `docs/rules/` is what SARIF's `helpUri` points at; it must say what the binary says.
#[test]
fn rule_pages_are_current() {
    let out = tempfile::tempdir().unwrap();
    let run = Root::empty().run(&["rules", "--markdown", &out.path().to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.render());
    let listing = |dir: &Path| {
        let mut names: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    };
    let committed = Path::new(REPO).join("docs/rules");
    let fresh = listing(out.path());
    assert_eq!(listing(&committed), fresh, "regenerate with `isca rules --markdown docs/rules`");
    let codes = Root::empty().run(&["rules"]).stdout.lines().count();
    assert_eq!(fresh.len(), codes + 1, "one page per rule and README.md");
    for name in fresh {
        let want = std::fs::read_to_string(out.path().join(&name)).unwrap();
        let have = std::fs::read_to_string(committed.join(&name)).unwrap();
        assert_eq!(have, want, "docs/rules/{name} is stale: run `isca rules --markdown docs/rules`");
    }
    let page = std::fs::read_to_string(committed.join("X003.md")).unwrap();
    assert!(page.contains("# X003 dangling-reference") && page.contains("## Why is this bad?"), "{page}");
}

#[test]
fn completions_load_in_bash() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = Root::empty().run(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.render());
        assert!(run.stdout.contains("validate") && run.stdout.contains("max-findings"), "{shell}");
    }
    let script = format!("source <({} completions bash) && complete -p isca", env!("CARGO_BIN_EXE_isca"));
    let out = Command::new("bash").args(["-c", &script]).output().expect("bash");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("-F _isca isca"), "{:?}", out);
    assert_eq!(Root::empty().run(&["completions", "tcsh"]).code, 2);
}

/// Runs `isca validate` on the multi fixture, output piped, with exactly these variables.
fn coloured(root: &Root, args: &[&str], vars: &[(&str, &str)]) -> bool {
    let mut command = Command::new(env!("CARGO_BIN_EXE_isca"));
    command.arg("validate").args(args).current_dir(root.path()).env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    for (k, v) in vars {
        command.env(k, v);
    }
    let out = command.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    out.stdout.contains(&0x1b)
}

#[test]
fn colour_follows_the_flag_then_no_color_then_clicolor_force() {
    let root = multi();
    assert!(!coloured(&root, &[], &[]), "a pipe gets no colour");
    assert!(coloured(&root, &[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!coloured(&root, &[], &[("CLICOLOR_FORCE", "0")]));
    assert!(coloured(&root, &[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "")]), "an empty NO_COLOR is not set");
    assert!(!coloured(&root, &[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]));
    assert!(coloured(&root, &["--color", "always"], &[("NO_COLOR", "1")]), "the flag wins");
    assert!(!coloured(&root, &["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    // `build` prints the same report, and takes the same flag.
    let run = root.run(&["build", "--color", "always"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("\x1b[1;31merror"), "{}", run.stdout);
}

#[test]
fn carets_line_up_under_wide_characters() {
    let root = Root::base();
    let file = "dataset/parties/pty-rus.json";
    let wide = root.read(file).replace(
        "  \"name\": \"Russian Federation\",\n  \"kind\": \"state\",",
        "  \"name\": \"中华人民共和国\", \"kind\": \"stat\",",
    );
    root.write(file, wide);
    let run = root.run(&["validate"]);
    assert_eq!(run.code, 1, "{}", run.render());
    insta::assert_snapshot!(run.render());
}
