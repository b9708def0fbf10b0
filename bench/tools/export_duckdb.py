#!/usr/bin/env python3
"""DuckDB baseline: read each table's JSONL with column types declared from our schemas
(VARCHAR, VARCHAR[] and STRUCT(source, locator)[] for citations), write zstd Parquet.
Same method as the peer-bench anchor (tools/export_duckdb.py there).

usage: export_duckdb.py JSONL_ROOT OUT_DIR"""
import os
import sys

import duckdb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from prepare import fields, load_schemas, resolve  # noqa: E402


def column_type(schema, s):
    if s.get("type") != "array":
        return "VARCHAR"
    item = resolve(schema, s["items"])
    if item.get("type") == "object":
        return "STRUCT(" + ", ".join(f"{k} VARCHAR" for k in item["properties"]) + ")[]"
    return "VARCHAR[]"


def main():
    root, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    con = duckdb.connect()
    for t, schema in load_schemas(root).items():
        spec = "{" + ", ".join(f"'{n}': '{column_type(schema, s)}'" for n, s in fields(schema)) + "}"
        src = os.path.join(root, "dataset", t, t + ".jsonl")
        dst = os.path.join(out, t + ".parquet")
        con.execute(f"COPY (SELECT * FROM read_json('{src}', format='newline_delimited', columns={spec})) "
                    f"TO '{dst}' (FORMAT parquet, COMPRESSION zstd)")


main()
