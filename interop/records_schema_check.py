"""Independent check of the records against the schemas, with python-jsonschema.

isca validates records with the Rust `jsonschema` crate; this script re-checks every record
with a different implementation (python-jsonschema, draft 2020-12, formats asserted) so a bug
in either one shows up as a disagreement. Usage: python records_schema_check.py [ROOT]
"""

import json
import pathlib
import sys

from jsonschema import Draft202012Validator


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    errors = records = 0
    for schema_path in sorted((root / "schema").glob("*.schema.json")):
        table = schema_path.name.removesuffix(".schema.json")
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        folder = root / "dataset" / table
        for path in sorted(folder.glob("*.json")):
            records += 1
            for error in validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))):
                errors += 1
                print(f"{path}: {error.json_path}: {error.message}")
        for path in sorted(folder.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    records += 1
                    for error in validator.iter_errors(json.loads(line)):
                        errors += 1
                        print(f"{path}: {error.json_path}: {error.message}")
    print(f"python-jsonschema: {records} records, {errors} errors")
    return 1 if errors or not records else 0


if __name__ == "__main__":
    sys.exit(main())
