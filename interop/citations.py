"""Citation roles and multilateral parties, read back from a published dist/ with DuckDB.

Checks what an analyst would query: every citation link table (CSV) and every Parquet citation
struct carries a `role` from the closed list, the two agree row for row, a contradicting citation
sits on a record with notes, and "agreements Kazakhstan is party to" finds the CIS, CSTO and SCO
agreements through both the CSV link table and the Parquet list column.

    python interop/citations.py DIST
"""

import json
import sys
from pathlib import Path

import duckdb

ROLES = {"supports", "contradicts", "context"}
KAZAKHSTAN_EXPECTED = {"agr-cis-2013-infosec", "agr-csto-2017-infosec", "agr-sco-2009-iis"}


def fail(message):
    print(f"citations: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def main(dist):
    package = json.loads((dist / "datapackage.json").read_text())
    names = {r["name"] for r in package["resources"]}
    con = duckdb.connect()
    checked = 0
    for table in sorted(names):
        link = next((n for n in names if n.endswith("_sources") and n != table and n.startswith(singular(table))), None)
        if link is None or not (dist / "parquet" / f"{table}.parquet").exists():
            continue
        csv = dist / "csv" / f"{link}.csv"
        parquet = dist / "parquet" / f"{table}.parquet"
        key = f"{singular(table)}_id"
        got = con.execute(f"SELECT DISTINCT role FROM read_csv('{csv}', all_varchar=true)").fetchall()
        roles = {r[0] for r in got}
        if not roles <= ROLES or None in roles:
            fail(f"{link}.csv: roles {sorted(map(str, roles))} are not all in {sorted(ROLES)}")
        from_csv = con.execute(
            f"SELECT {key}, source_id, role FROM read_csv('{csv}', all_varchar=true) ORDER BY ALL"
        ).fetchall()
        from_parquet = con.execute(
            f"SELECT id, s.source, s.role FROM (SELECT id, unnest(sources) AS s FROM read_parquet('{parquet}')) ORDER BY ALL"
        ).fetchall()
        if from_csv != from_parquet:
            fail(f"{table}: the CSV link table and the Parquet struct disagree on citation roles")
        unexplained = con.execute(
            f"""SELECT DISTINCT c.{key} FROM read_csv('{csv}', all_varchar=true) c
                JOIN read_parquet('{parquet}') t ON t.id = c.{key}
                WHERE c.role = 'contradicts' AND coalesce(trim(t.notes), '') = ''"""
        ).fetchall()
        if unexplained:
            fail(f"{table}: contradicting citations without notes: {unexplained}")
        checked += 1
    if checked < 4:
        fail(f"expected citation tables in four tables, found {checked}")

    via_csv = {
        r[0]
        for r in con.execute(
            f"SELECT agreement_id FROM read_csv('{dist / 'csv' / 'agreement_parties.csv'}', all_varchar=true) "
            "WHERE party_id = 'pty-kaz'"
        ).fetchall()
    }
    via_parquet = {
        r[0]
        for r in con.execute(
            f"SELECT id FROM read_parquet('{dist / 'parquet' / 'agreements.parquet'}') WHERE list_contains(parties, 'pty-kaz')"
        ).fetchall()
    }
    if via_csv != via_parquet or not KAZAKHSTAN_EXPECTED <= via_csv:
        fail(f"agreements Kazakhstan is party to: CSV {sorted(via_csv)}, Parquet {sorted(via_parquet)}")
    print(f"citations: roles checked in {checked} tables (CSV = Parquet); Kazakhstan is party to {sorted(via_csv)}")


def singular(name):
    if name.endswith("ies"):
        return name[:-3] + "y"
    return name[:-1] if name.endswith("s") else name


if __name__ == "__main__":
    main(Path(sys.argv[1]))
