#!/usr/bin/env python3
"""Checks that the CI workflow and the pre-commit manifest are valid YAML of the right shape,
and that the workflow runs every command of .ci/run. Needs PyYAML."""
import pathlib
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent


def fail(message):
    sys.exit(f"check-workflows: {message}")


def main():
    ci = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    triggers = ci.get("on", ci.get(True))  # YAML 1.1 reads a bare `on` as true
    if not isinstance(triggers, dict) or "pull_request" not in triggers or "push" not in triggers:
        fail("ci.yml must run on pull_request and push")
    if "v*" not in (triggers["push"] or {}).get("tags", []):
        fail("ci.yml must run on tags v*")
    runs, uses = [], []
    for name, job in ci["jobs"].items():
        for step in job.get("steps", []):
            if ("run" in step) == ("uses" in step):
                fail(f"job {name}: a step needs exactly one of run/uses: {step}")
            runs.append(step.get("run", ""))
            uses.append(step.get("uses", "").split("@")[0])
    script = "\n".join(runs)
    for line in (ROOT / ".ci/run").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "set ", "cd ", "export ")):
            continue
        if line not in script:
            fail(f"ci.yml does not run `{line}` from .ci/run")
    for action in ["actions/checkout", "github/codeql-action/upload-sarif", "actions/upload-artifact"]:
        if action not in uses:
            fail(f"ci.yml does not use {action}")

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    if not isinstance(hooks, list):
        fail(".pre-commit-hooks.yaml must be a list of hooks")
    for hook in hooks:
        missing = {"id", "name", "entry", "language"} - hook.keys()
        if missing:
            fail(f"hook {hook.get('id')} lacks {sorted(missing)}")
    expected = {"isca-fmt", "isca-validate", "isca-fmt-system", "isca-validate-system"}
    if {h["id"] for h in hooks} != expected:
        fail(f"expected the hooks {sorted(expected)}")
    for hook in hooks:
        # Installed-binary hooks run `isca`; the others build it with the lock file.
        if hook["id"].endswith("-system"):
            if hook["language"] != "system" or not hook["entry"].startswith("isca "):
                fail(f"hook {hook['id']} must run the installed isca (language: system)")
        elif hook["language"] != "script" or not hook["entry"].startswith("hooks/isca-locked "):
            fail(f"hook {hook['id']} must build isca with --locked (hooks/isca-locked)")
    if "--locked" not in (ROOT / "hooks/isca-locked").read_text(encoding="utf-8"):
        fail("hooks/isca-locked must build with --locked")
    print("ok: ci.yml and .pre-commit-hooks.yaml")


if __name__ == "__main__":
    main()
