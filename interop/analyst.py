"""Load a published dist/ the way analysts do, with the real clients, and check what they see.

    python interop/analyst.py DIST

- licence: datapackage.json `licenses`, Parquet key-value metadata, CODEBOOK.md, croissant.json
  and the Datasette metadata all name CC BY 4.0; every published file is a Data Package resource;
- SQLite (Python's sqlite3): `PRAGMA foreign_key_check` and `integrity_check` clean, STRICT
  tables, row counts equal the JSON files', every table and column described in metadata.json;
- Datasette: serves the database on 127.0.0.1 with metadata.json; its JSON API answers a facet
  query with the counts SQLite gives, and shows the licence and a column description;
- DuckDB: `.read duckdb/load.sql` with the DuckDB CLI gives ENUM-typed, commented tables with
  the row counts of the Parquet files; the same script through the Python client agrees;
- Croissant: `mlcroissant validate` passes and every record set yields its rows;
- Parquet: the Spark row metadata parses and names a comment for every described column.

Prints one line per client (`ok` or a `FAIL` line per problem) and exits 1 if any check failed.
"""

import json
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

LICENSE = "CC-BY-4.0"
SPARK_KEY = b"org.apache.spark.sql.parquet.row.metadata"
failures = []
BIN = Path(sys.executable).parent


def check(ok, message):
    if not ok:
        failures.append(message)
    return ok


def json_counts(dist):
    return {p.stem: len(json.loads(p.read_text(encoding="utf-8"))) for p in sorted((dist / "json").glob("*.json"))}


def check_licence(dist):
    package = json.loads((dist / "datapackage.json").read_text(encoding="utf-8"))
    check([lic["name"] for lic in package.get("licenses", [])] == [LICENSE], "datapackage.json: licenses")
    for key in ("homepage", "sources", "contributors"):
        check(bool(package.get(key)), f"datapackage.json: no {key}")
    listed = {r["path"] for r in package["resources"]}
    # The data package describes the data files: not itself, the checksums, the build marker,
    # nor the website (`site/`), which is a view of the data rather than part of it.
    files = {p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file()}
    files = {f for f in files if not f.startswith("site/")} - {"SHA256SUMS", "datapackage.json", ".isca-build"}
    check(listed == files, f"datapackage.json: resources differ from files: {sorted(listed ^ files)}")
    check(all(r.get("bytes") and r.get("hash", "").startswith("sha256:") for r in package["resources"]),
          "datapackage.json: a resource without bytes or hash")
    for path in sorted((dist / "parquet").glob("*.parquet")):
        meta = pq.read_metadata(path).metadata
        check(meta.get(b"isca.license") == LICENSE.encode(), f"{path.name}: no isca.license")
        check(bool(meta.get(b"isca.description")), f"{path.name}: no table description")
    check("CC BY 4.0" in (dist / "CODEBOOK.md").read_text(encoding="utf-8")
          or LICENSE in (dist / "CODEBOOK.md").read_text(encoding="utf-8"), "CODEBOOK.md: no licence")
    croissant = json.loads((dist / "croissant.json").read_text(encoding="utf-8"))
    check(croissant.get("license", "").endswith("CC-BY-4.0.html"), "croissant.json: licence")
    return "licence", f"{LICENSE} in datapackage.json, Parquet metadata, CODEBOOK.md, croissant.json; {len(listed)} resources"


def check_sqlite(dist):
    con = sqlite3.connect(f"file:{dist / 'sqlite/isca.db'}?mode=ro", uri=True)
    check(con.execute("PRAGMA foreign_key_check").fetchall() == [], "sqlite: foreign_key_check not clean")
    check(con.execute("PRAGMA integrity_check").fetchall() == [("ok",)], "sqlite: integrity_check")
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")]
    strict = {r[1] for r in con.execute("PRAGMA table_list") if r[5] == 1 and r[0] == "main"}
    check(set(tables) == strict, f"sqlite: not STRICT: {sorted(set(tables) - strict)}")
    fks = sum(len(con.execute(f'PRAGMA foreign_key_list("{t}")').fetchall()) for t in tables)
    check(fks > 0, "sqlite: no foreign keys declared")
    for table, n in json_counts(dist).items():
        got = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        check(got == n, f"sqlite: {table}: {got} rows, {n} in json/{table}.json")
    meta = json.loads((dist / "sqlite/metadata.json").read_text(encoding="utf-8"))
    described = meta["databases"]["isca"]["tables"]
    for t in tables:
        if t == "isca_about":
            continue
        columns = [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')]
        spec = described.get(t, {})
        check(bool(spec.get("description")), f"metadata.json: {t} has no description")
        missing = [c for c in columns if not spec.get("columns", {}).get(c)]
        check(not missing, f"metadata.json: {t}: columns without description: {missing}")
    check(meta.get("license") == LICENSE, "metadata.json: licence")
    return "sqlite", f"{len(tables)} STRICT tables, {fks} foreign keys, foreign_key_check clean, all described"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.load(r)


def check_datasette(dist):
    port = free_port()
    # The README's command, on a free loopback port.
    command = [str(BIN / "datasette"), "sqlite/isca.db", "-m", "sqlite/metadata.json", "--host", "127.0.0.1",
               "--port", str(port)]
    server = subprocess.Popen(command, cwd=dist, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):  # up to 60 s for a cold start
            try:
                get_json(f"{base}/-/versions.json")
                break
            except OSError:
                if server.poll() is not None:
                    check(False, f"datasette exited: {server.stderr.read().decode()[-500:]}")
                    return "datasette", "did not start"
                time.sleep(0.5)
        data = get_json(f"{base}/isca/agreements.json?_facet=status&_size=0")
        facets = data["facet_results"]
        facets = facets.get("results", facets)  # 1.0 nests them under "results"
        got = {r["value"]: r["count"] for r in facets["status"]["results"]}
        con = sqlite3.connect(f"file:{dist / 'sqlite/isca.db'}?mode=ro", uri=True)
        want = dict(con.execute("SELECT status, count(*) FROM agreements GROUP BY status").fetchall())
        check(got == want, f"datasette: facet status {got}, SQLite says {want}")
        default = get_json(f"{base}/isca/events.json?_size=0")["facet_results"]
        default = default.get("results", default)
        check("kind" in default, f"datasette: events has no default facet `kind`: {list(default)}")
        meta = get_json(f"{base}/-/metadata.json")
        check(meta.get("license") == LICENSE, "datasette: /-/metadata.json has no licence")
        desc = meta["databases"]["isca"]["tables"]["agreements"]["columns"].get("status", "")
        check(bool(desc), "datasette: agreements.status has no description")
        html = urllib.request.urlopen(f"{base}/isca/agreements", timeout=10).read().decode()
        check(LICENSE in html, "datasette: the table page does not show the licence")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return "datasette", f"served on 127.0.0.1:{port}; facet status = {got}; licence and descriptions shown"


def check_duckdb(dist):
    db = Path(tempfile.mkdtemp()) / "isca.duckdb"
    run = subprocess.run([str(BIN / "duckdb"), str(db), "-c", ".read duckdb/load.sql"], cwd=dist,
                         capture_output=True, text=True)
    if not check(run.returncode == 0 and not run.stderr.strip(), f"duckdb CLI: .read failed: {run.stderr[-800:]}"):
        return "duckdb", "load.sql failed"
    con = duckdb.connect(str(db), read_only=True)
    enums = con.execute("SELECT count(*) FROM duckdb_types() WHERE logical_type = 'ENUM' AND NOT internal").fetchone()[0]
    check(enums > 0, "duckdb: no ENUM types")
    kind = con.execute("SELECT data_type FROM duckdb_columns() WHERE table_name = 'agreements' AND column_name = 'kind'"
                       ).fetchone()[0]
    check(kind.startswith("ENUM("), f"duckdb: agreements.kind is {kind}, not an ENUM")
    date = con.execute("SELECT data_type FROM duckdb_columns() WHERE table_name = 'agreements' "
                       "AND column_name = 'signed_start'").fetchone()[0]
    check(date == "DATE", f"duckdb: agreements.signed_start is {date}")
    bare = con.execute("SELECT table_name || '.' || column_name FROM duckdb_columns() WHERE NOT internal "
                       "AND (comment IS NULL OR comment = '') AND table_name <> 'isca_about'").fetchall()
    check(bare == [], f"duckdb: columns without COMMENT: {bare[:5]}")
    tables = con.execute("SELECT table_name, comment FROM duckdb_tables()").fetchall()
    check(all(c for _, c in tables), "duckdb: a table without COMMENT")
    keys = con.execute("SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'").fetchone()[0]
    fks = con.execute("SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY'").fetchone()[0]
    check(keys == len(tables), f"duckdb: {keys} primary keys for {len(tables)} tables")
    for path in sorted((dist / "parquet").glob("*.parquet")):
        n = pq.read_metadata(path).num_rows
        got = con.execute(f'SELECT count(*) FROM "{path.stem}"').fetchone()[0]
        check(got == n, f"duckdb: {path.stem}: {got} rows, {n} in the Parquet file")
    licence = con.execute("SELECT value FROM isca_about WHERE key = 'license'").fetchone()[0]
    check(licence == LICENSE, "duckdb: isca_about has no licence")
    version = subprocess.run([str(BIN / "duckdb"), "--version"], capture_output=True, text=True).stdout.split()[0]
    # The Python client reads the same script (without the CLI's dot command).
    py = duckdb.connect()
    py.execute(f"SET file_search_path = '{dist}'")
    py.execute((dist / "duckdb/load.sql").read_text(encoding="utf-8"))
    check(py.execute("SELECT count(*) FROM agreements").fetchone()[0] == con.execute(
        "SELECT count(*) FROM agreements").fetchone()[0], "duckdb (Python): row counts differ from the CLI")
    return "duckdb", (f"CLI {version} `.read duckdb/load.sql`: {len(tables)} tables, {enums} ENUM types, "
                      f"{keys} primary and {fks} foreign keys, every column commented")


def check_croissant(dist):
    run = subprocess.run([str(BIN / "mlcroissant"), "validate", "--jsonld", "croissant.json"], cwd=dist,
                         capture_output=True, text=True)
    check(run.returncode == 0, f"mlcroissant validate: exit {run.returncode}: {run.stderr[-800:]}")
    import mlcroissant as mlc

    dataset = mlc.Dataset(jsonld=str(dist / "croissant.json"))
    sets = json.loads((dist / "croissant.json").read_text(encoding="utf-8"))["recordSet"]
    counts = json_counts(dist)
    rows = 0
    for rs in sets:
        records = list(dataset.records(record_set=rs["name"]))
        rows += len(records)
        if rs["name"] in counts:
            check(len(records) == counts[rs["name"]], f"mlcroissant: {rs['name']}: {len(records)} records")
    return "croissant", f"`mlcroissant validate` ok; {len(sets)} record sets yield {rows} records"


def check_spark_metadata(dist):
    described = 0
    for path in sorted((dist / "parquet").glob("*.parquet")):
        meta = pq.read_metadata(path).metadata
        if not check(SPARK_KEY in meta, f"{path.name}: no Spark row metadata"):
            continue
        spark = json.loads(meta[SPARK_KEY])
        schema = pq.read_schema(path)
        check([f["name"] for f in spark["fields"]] == schema.names, f"{path.name}: Spark fields differ")
        for f in spark["fields"]:
            described += check(bool(f["metadata"].get("comment")), f"{path.name}: {f['name']}: no Spark comment")
    return "spark-meta", f"{described} columns carry a Spark `comment` in the row metadata"


def main():
    dist = Path(sys.argv[1]).resolve()
    steps = [
        lambda: check_licence(dist),
        lambda: check_sqlite(dist),
        lambda: check_datasette(dist),
        lambda: check_duckdb(dist),
        lambda: check_croissant(dist),
        lambda: check_spark_metadata(dist),
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
        print(f"analyst interop: {len(failures)} check(s) failed")
        return 1
    print("analyst interop: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
