//! The repository's own CI: the workflow runs every command of `.ci/run`, and the workflow and
//! the pre-commit manifest are valid YAML of the right shape (checked by
//! `.ci/check-workflows.py` where Python has PyYAML; CI installs it and runs the script too).

use std::path::Path;
use std::process::Command;

use crate::common::REPO;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(REPO).join(rel)).unwrap()
}

#[test]
fn workflow_runs_every_command_of_ci_run() {
    let workflow = read(".github/workflows/ci.yml");
    let commands: Vec<String> = read(".ci/run")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !["#", "set ", "cd ", "export "].iter().any(|p| l.starts_with(p)))
        .map(String::from)
        .collect();
    assert!(commands.iter().any(|c| c.starts_with("cargo test")), "{commands:?}");
    for command in commands {
        assert!(
            workflow.lines().any(|l| l.trim().trim_start_matches("run: ").starts_with(&command)),
            "ci.yml does not run `{command}` from .ci/run"
        );
    }
    for needed in ["isca validate --format sarif", "isca fmt --check", "isca build", "bash interop/run.sh"] {
        assert!(workflow.contains(needed), "ci.yml does not run `{needed}`");
    }
}

#[test]
fn workflow_and_hooks_are_valid_yaml() {
    let python = |args: &[&str]| Command::new("python3").args(args).current_dir(REPO).output();
    if !python(&["-c", "import yaml"]).is_ok_and(|o| o.status.success()) {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("skipped: python3 with PyYAML is not available (CI runs .ci/check-workflows.py itself)");
        }
        return;
    }
    let out = python(&[".ci/check-workflows.py"]).unwrap();
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}
