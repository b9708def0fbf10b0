#!/usr/bin/env python3
"""Record counts and bytes of each layout of one size's data folder, as JSON (for the report).
usage: sizes.py DATA_DIR"""
import json
import os
import sys


def tree(path, ext=None):
    total, files = 0, 0
    for root, _, names in os.walk(path):
        for n in names:
            if ext is None or n.endswith(ext):
                total += os.path.getsize(os.path.join(root, n))
                files += 1
    return {"bytes": total, "files": files}


d = sys.argv[1]
with open(os.path.join(d, "jsonl", "faults.json")) as f:
    clean = json.load(f)
out = {"events": clean["events"], "records": clean["records"], "records_total": sum(clean["records"].values()),
       "layouts": {"files": tree(os.path.join(d, "files", "dataset")),
                   "jsonl": tree(os.path.join(d, "jsonl", "dataset")),
                   "csv": tree(os.path.join(d, "peer", "csv"), ".csv"),
                   "array": tree(os.path.join(d, "peer", "array"))},
       "faulty": {}}
for layout in ("files", "jsonl"):
    with open(os.path.join(d, f"{layout}-faulty", "faults.json")) as f:
        m = json.load(f)
    out["faulty"][layout] = {"faults": len(m["faults"]), "per_kind": m["faults_per_kind"],
                             "share": len(m["faults"]) / out["records_total"]}
print(json.dumps(out, indent=1))
