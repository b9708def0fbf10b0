"""Load a published dist/ with the real downstream clients and check what analysts rely on.

    python interop/check.py DIST [--dataset DATASET]

- pyarrow: Parquet types (date32 dates, dictionary enums, list arrays with `element` children,
  plain `string`), descriptions in field metadata, version and schema hash in file metadata,
  and row counts equal to the record counts of DATASET (or of the JSON files without it);
- DuckDB: every foreign key of datapackage.json joins with zero orphans, every primary key is
  unique, every Parquet file reads with its key-value metadata;
- polars: reads every Parquet, CSV and JSON Lines file, with the same row counts;
- frictionless: `frictionless validate DIST/datapackage.json` reports the package valid;
- SHA256SUMS matches every file.

Prints one line per client (`ok` or a `FAIL` line per problem) and exits 1 if any check failed.
"""

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
    return ok


def table_resources(package):
    """The CSV tables of the package; its other resources are plain files (Parquet, SQLite, …)."""
    return [r for r in package["resources"] if r.get("type") == "table"]


def sql_string(path):
    return "'" + str(path).replace("'", "''") + "'"


def dataset_counts(dataset):
    """Records per table in the source dataset: one per .json file, one per .jsonl line."""
    counts = {}
    for table in sorted(p for p in dataset.iterdir() if p.is_dir() and not p.name.startswith(".")):
        n = 0
        for f in table.iterdir():
            if f.suffix == ".json":
                n += 1
            elif f.suffix == ".jsonl":
                n += sum(1 for line in f.read_text(encoding="utf-8").splitlines() if line.strip())
        counts[table.name] = n
    return counts


def check_pyarrow(dist, package, tables, expected):
    fields_of = {r["name"]: {f["name"]: f for f in r["schema"]["fields"]} for r in table_resources(package)}
    for table in tables:
        path = dist / "parquet" / f"{table}.parquet"
        t = pq.read_table(path)
        meta = t.schema.metadata or {}
        check(b"isca.version" in meta and b"isca.schema_sha256" in meta, f"pyarrow: {path.name}: no version/schema hash")
        check(t.num_rows == expected[table], f"pyarrow: {path.name}: {t.num_rows} rows, {expected[table]} records")
        records = json.loads((dist / "json" / f"{table}.json").read_text(encoding="utf-8"))
        csv_fields = fields_of[table]
        for field in t.schema:
            where = f"pyarrow: {table}.{field.name}"
            check(b"description" in (field.metadata or {}), f"{where}: no description in field metadata")
            spec = csv_fields.get(field.name)
            values = [r[field.name] for r in records if field.name in r]
            if spec is None:
                # Not a CSV column: an array, published as a link table in CSV.
                if not check(pa.types.is_list(field.type), f"{where}: {field.type}, expected a list"):
                    continue
                check(field.type.value_field.name == "element", f"{where}: list child is not named `element`")
                item = field.type.value_type
                if any(isinstance(x, dict) for v in values for x in v):
                    check(pa.types.is_struct(item), f"{where}: {field.type}, expected list<struct>")
                else:
                    check(item == pa.string(), f"{where}: {field.type}, expected list<string>")
            elif spec["type"] == "date":
                check(field.type == pa.date32(), f"{where}: {field.type}, expected date32")
            elif "categories" in spec:
                ok = pa.types.is_dictionary(field.type) and field.type.value_type == pa.string()
                check(ok, f"{where}: {field.type}, expected dictionary<string>")
            elif spec["type"] == "string":
                check(field.type == pa.string(), f"{where}: {field.type}, expected string")
    return "pyarrow", (f"{len(tables)} Parquet files: date32, dictionary, list<element> types, "
                       f"descriptions, metadata; {sum(expected.values())} rows = records")


def check_duckdb(dist, package):
    con = duckdb.connect()
    csv = {r["name"]: dist / r["path"] for r in table_resources(package)}
    for name, path in csv.items():
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_csv({sql_string(path)}, header = true, all_varchar = true)")
    keys = joins = 0
    for r in table_resources(package):
        schema = r["schema"]
        pk = ", ".join(schema["primaryKey"])
        dupes = con.execute(f"SELECT count(*) FROM (SELECT {pk} FROM {r['name']} GROUP BY {pk} HAVING count(*) > 1)").fetchone()[0]
        check(dupes == 0, f"duckdb: {r['name']}: {dupes} duplicate primary keys ({pk})")
        keys += 1
        for fk in schema.get("foreignKeys", []):
            (column,), (target_key,) = fk["fields"], fk["reference"]["fields"]
            target = fk["reference"].get("resource") or r["name"]
            orphans = con.execute(
                f"SELECT count(*) FROM {r['name']} c WHERE c.{column} IS NOT NULL AND NOT EXISTS "
                f"(SELECT 1 FROM {target} p WHERE p.{target_key} = c.{column})"
            ).fetchone()[0]
            check(orphans == 0, f"duckdb: {r['name']}.{column} → {target}.{target_key}: {orphans} orphans")
            joins += 1
    for path in sorted((dist / "parquet").glob("*.parquet")):
        rows = con.execute(f"SELECT count(*) FROM read_parquet({sql_string(path)})").fetchone()[0]
        kv = con.execute(f"SELECT key FROM parquet_kv_metadata({sql_string(path)})").fetchall()
        check(rows >= 0 and (b"isca.version",) in kv, f"duckdb: {path.name}: no isca.version metadata")
    return "duckdb", f"{joins} foreign keys join with 0 orphans; {keys} primary keys unique; Parquet metadata read"


def check_polars(dist, package, tables, expected):
    fields_of = {r["name"]: {f["name"]: f for f in r["schema"]["fields"]} for r in table_resources(package)}
    for table in tables:
        df = pl.read_parquet(dist / "parquet" / f"{table}.parquet")
        check(df.height == expected[table], f"polars: {table}.parquet: {df.height} rows, {expected[table]} records")
        for column, dtype in df.schema.items():
            spec = fields_of[table].get(column, {})
            if spec.get("type") == "date":
                check(dtype == pl.Date, f"polars: {table}.{column}: {dtype}, expected Date")
            elif "categories" in spec:
                check(dtype == pl.Categorical, f"polars: {table}.{column}: {dtype}, expected Categorical")
        lines = pl.read_ndjson(dist / "json" / f"{table}.jsonl")
        check(lines.height == expected[table], f"polars: {table}.jsonl: {lines.height} rows")
    csvs = sorted((dist / "csv").glob("*.csv"))
    for path in csvs:
        df = pl.read_csv(path, infer_schema_length=0)
        table = path.stem
        if table in expected:
            check(df.height == expected[table], f"polars: {path.name}: {df.height} rows, {expected[table]} records")
    return "polars", (f"{len(tables)} Parquet (Date, Categorical), {len(tables)} JSON Lines, {len(csvs)} CSV files "
                      "read; row counts match")


def check_frictionless(dist):
    # Any attempt to reach the network fails: validation must work offline.
    env = dict(os.environ, http_proxy="http://127.0.0.1:9", https_proxy="http://127.0.0.1:9",
               HTTP_PROXY="http://127.0.0.1:9", HTTPS_PROXY="http://127.0.0.1:9")
    frictionless = Path(sys.executable).parent / "frictionless"
    run = subprocess.run([str(frictionless), "validate", "--json", "datapackage.json"], cwd=dist, env=env,
                         capture_output=True, text=True)
    try:
        result = json.loads(run.stdout)
    except json.JSONDecodeError:
        result = {}
    valid = run.returncode == 0 and result.get("valid") is True
    if not check(valid, "frictionless: datapackage.json is not valid"):
        errors = [e for task in result.get("tasks", []) for e in task.get("errors", [])]
        for e in errors[:20]:
            print(f"     frictionless: {e.get('type')}: {e.get('message')}")
        if not errors:
            print(run.stdout[-2000:] + run.stderr[-2000:])
        return "frictionless", "invalid"
    tasks = result.get("tasks", [])
    return "frictionless", f"`frictionless validate datapackage.json`: valid ({len(tasks)} resources, offline)"


def check_sums(dist):
    lines = (dist / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    listed = set()
    for line in lines:
        digest, path = line.split("  ", 1)
        listed.add(path)
        check(hashlib.sha256((dist / path).read_bytes()).hexdigest() == digest, f"SHA256SUMS: {path} differs")
    files = {p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file()} - {"SHA256SUMS"}
    check(listed == files, f"SHA256SUMS: lists {sorted(listed ^ files)} wrongly")
    return "sha256", f"SHA256SUMS matches all {len(lines)} files"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path)
    parser.add_argument("--dataset", type=Path, help="the source dataset/ folder, for record counts")
    args = parser.parse_args()
    dist = args.dist
    package = json.loads((dist / "datapackage.json").read_text(encoding="utf-8"))
    tables = sorted(p.stem for p in (dist / "parquet").glob("*.parquet"))
    if args.dataset:
        expected = dataset_counts(args.dataset)
        check(sorted(expected) == tables, f"tables: dataset has {sorted(expected)}, dist has {tables}")
    else:
        expected = {t: len(json.loads((dist / "json" / f"{t}.json").read_text(encoding="utf-8"))) for t in tables}
    print(f"checking {dist} ({len(tables)} tables, {sum(expected.values())} records) with pyarrow {pa.__version__}, "
          f"duckdb {duckdb.__version__}, polars {pl.__version__}")
    steps = [
        lambda: check_pyarrow(dist, package, tables, expected),
        lambda: check_duckdb(dist, package),
        lambda: check_polars(dist, package, tables, expected),
        lambda: check_frictionless(dist),
        lambda: check_sums(dist),
    ]
    for step in steps:
        before = len(failures)
        try:
            client, summary = step()
        except Exception as e:  # a client that cannot even read the files is a failure too
            check(False, f"{type(e).__name__}: {e}")
        for message in failures[before:]:
            print(f"FAIL {message}")
        if len(failures) == before:
            print(f"ok   {client:12} {summary}")
    if failures:
        print(f"interop: {len(failures)} check(s) failed")
        return 1
    print("interop: all checks passed")
    return 0

if __name__ == "__main__":
    sys.exit(main())
