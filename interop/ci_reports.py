"""Reads isca's CI reports with the clients CI users run: sarif-tools (the `sarif` package) for
SARIF, checked too against the official SARIF 2.1.0 schema with Python's jsonschema, and
junitparser for JUnit XML. Called by interop/ci.sh with a folder of reports it made:

    multi.json  multi.sarif  multi.junit  multi-capped.junit     the multi-problem fixture
    big.json    big.sarif    big-all.sarif                        5,049 synthetic faults
"""
import json
import pathlib
import sys

import jsonschema
from junitparser import Failure, JUnitXml
from sarif import loader

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "tests/fixtures/sarif/sarif-schema-2.1.0.json"


def fail(message):
    sys.exit(f"ci_reports: {message}")


def check_sarif(path, findings, expect_results, expect_note):
    log = json.loads(path.read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    if errors:
        fail(f"{path.name}: not valid SARIF 2.1.0: {errors[0].message} at {list(errors[0].path)}")

    sarif = loader.load_sarif_file(str(path))
    count = sarif.get_result_count()
    if count != expect_results:
        fail(f"{path.name}: sarif-tools counts {count} results, expected {expect_results}")
    records = sarif.get_records()
    if len(records) != count:
        fail(f"{path.name}: {len(records)} records for {count} results")
    report = sarif.get_report()
    by_level = {level: report.get_issue_count_for_severity(level) for level in report.get_severities()}
    errors_seen = by_level.get("error", 0)
    # Every record names the rule and the file and line it is about.
    for record in records:
        if not record.get("Code") or not record.get("Location") or not record.get("Line"):
            fail(f"{path.name}: sarif-tools sees a result without rule, file or line: {record}")
    want_errors = sum(1 for f in findings if f["severity"] == "error")
    # The cap keeps errors first, so the shown errors are min(cap, all errors).
    if errors_seen != min(want_errors, expect_results):
        fail(f"{path.name}: {errors_seen} error results, expected {min(want_errors, expect_results)}")

    run = log["runs"][0]
    driver = run["tool"]["driver"]
    if not driver.get("informationUri", "").startswith("https://"):
        fail(f"{path.name}: no informationUri")
    for rule in driver["rules"]:
        if not rule.get("helpUri", "").endswith(f"/docs/rules/{rule['id']}.md"):
            fail(f"{path.name}: rule {rule['id']} has no helpUri to docs/rules")
        if not (ROOT / "docs/rules" / f"{rule['id']}.md").is_file():
            fail(f"{path.name}: docs/rules/{rule['id']}.md does not exist")
    for result in run["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        if region["endLine"] < region["startLine"] or (
            region["endLine"] == region["startLine"] and region["endColumn"] < region["startColumn"]
        ):
            fail(f"{path.name}: region ends before it starts: {region}")
    notes = run["invocations"][0].get("toolExecutionNotifications", [])
    if expect_note and not any(f"and {len(findings) - expect_results} more findings" in n["message"]["text"] for n in notes):
        fail(f"{path.name}: no 'and N more' notification: {notes}")
    if not expect_note and notes:
        fail(f"{path.name}: unexpected notifications {notes}")
    print(f"ok: {path.name}: {count} results read by sarif-tools {by_level}, valid SARIF 2.1.0")


def check_junit(path, findings, capped):
    xml = JUnitXml.fromfile(str(path))
    cases = [case for suite in xml for case in suite]
    failing_files = {f["file"] for f in findings if f["severity"] == "error"}
    failed = {case.name for case in cases if any(isinstance(r, Failure) for r in case.result)}
    if {pathlib.PurePosixPath(f).name for f in failing_files} != failed:
        fail(f"{path.name}: failing cases {sorted(failed)} are not the files with errors")
    total = sum(suite.tests for suite in xml)
    if total != len(cases):
        fail(f"{path.name}: tests={total} but {len(cases)} test cases")
    shown = path.read_text(encoding="utf-8").count("not shown")
    if capped != (shown > 0):
        fail(f"{path.name}: 'not shown' notes: {shown}, capped: {capped}")
    print(f"ok: {path.name}: {len(cases)} test cases, {len(failed)} failing, read by junitparser")


def main():
    reports = pathlib.Path(sys.argv[1])
    multi = json.loads((reports / "multi.json").read_text(encoding="utf-8"))["findings"]
    big = json.loads((reports / "big.json").read_text(encoding="utf-8"))["findings"]
    if len(big) <= 5000:
        fail(f"the synthetic dataset has only {len(big)} findings; it must exceed the SARIF cap")
    check_sarif(reports / "multi.sarif", multi, len(multi), expect_note=False)
    check_sarif(reports / "big.sarif", big, 5000, expect_note=True)
    check_sarif(reports / "big-all.sarif", big, len(big), expect_note=False)
    check_junit(reports / "multi.junit", multi, capped=False)
    check_junit(reports / "multi-capped.junit", multi, capped=True)


if __name__ == "__main__":
    main()
