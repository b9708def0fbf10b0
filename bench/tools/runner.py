#!/usr/bin/env python3
"""Round-robin benchmark runner: every command once per round, rounds interleaved, so noise
on the shared machine is spread over all tools and ratios can be taken within a round.

Each run is `/usr/bin/time -f "%e %M %U %S" bash -c CMD` (peak RSS = ru_maxrss of the largest
process in the tree, user+sys CPU); wall time comes from a blocking wait (a polling wait would
add up to 50 ms). Same method as peer-bench/run_bench.py of perf-anchors.md.

usage: runner.py DATA_DIR OUT_JSON --isca BIN --floor BIN --peers DIR
                 [--rounds 3] [--slow-rounds 3] [--only a,b] [--skip a,b] [--timeout 1800]
"""
import argparse
import json
import os
import signal
import statistics
import subprocess
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TABLES = ["agreements", "events", "parties", "sources", "threat_categories"]
# Peers that take minutes at 1M events; --slow-rounds caps their rounds.
SLOW = {"frictionless", "check-jsonschema files", "check-jsonschema array", "ajv files"}


def measures(a, has_build):
    """(name, group, input, what it checks, command, exit codes that count as success).
    Commands run with cwd = DATA_DIR."""
    isca, floor = a.isca, a.floor
    jl = " ".join(f"jsonl/dataset/{t}/{t}.jsonl" for t in TABLES)
    jl_s = " ".join(f"jsonl/dataset/{t}/{t}.jsonl=jsonl/schema/{t}.schema.json" for t in TABLES)
    fl_s = " ".join(f"files/dataset/{t}=files/schema/{t}.schema.json" for t in TABLES)
    schema = "[S] only"
    full = "strict parse, [S], [PK], [FK], every cross-reference rule"
    m = [
        ("isca validate files", "isca", "files", full, f"{isca} validate files", (0,)),
        ("isca validate jsonl", "isca", "jsonl", full, f"{isca} validate jsonl", (0,)),
        ("isca validate files 1% faulty", "isca", "files", full + "; exit 1 expected",
         f"{isca} validate files-faulty > /dev/null", (1,)),
        ("isca validate jsonl 1% faulty", "isca", "jsonl", full + "; exit 1 expected",
         f"{isca} validate jsonl-faulty > /dev/null", (1,)),
        ("floor parse 2T", "floor", "jsonl", "serde_json::Value parse, rayon 2 threads", f"{floor} --threads 2 {jl}", (0,)),
        ("floor parse+schema 1T", "floor", "jsonl", "parse + jsonschema is_valid, 1 thread", f"{floor} --threads 1 {jl_s}", (0,)),
        ("floor parse+schema 2T", "floor", "jsonl", "parse + jsonschema is_valid, 2 threads", f"{floor} --threads 2 {jl_s}", (0,)),
        ("floor files parse+schema 2T", "floor", "files", "read every file + parse + is_valid, 2 threads",
         f"{floor} --threads 2 {fl_s}", (0,)),
        ("frictionless", "peer", "csv", "types, constraints, [PK], [FK] on the CSVs + datapackage.json",
         f"{a.peers}/venv/bin/frictionless validate --json {a.datapackage} > /dev/null", (0,)),
        ("check-jsonschema files", "peer", "files", schema, f"bash {HERE}/check-jsonschema.sh files {a.peers}", (0,)),
        ("check-jsonschema array", "peer", "array", schema, f"bash {HERE}/check-jsonschema.sh array {a.peers}", (0,)),
        ("ajv files", "peer", "files", schema, f"bash {HERE}/ajv.sh files {a.peers}", (0,)),
        ("ajv array", "peer", "array", schema, f"bash {HERE}/ajv.sh array {a.peers}", (0,)),
        ("jsonschema-cli files", "peer", "files", schema, f"bash {HERE}/jsonschema-cli.sh files {a.peers}", (0,)),
        ("jsonschema-cli array", "peer", "array", schema, f"bash {HERE}/jsonschema-cli.sh array {a.peers}", (0,)),
        ("duckdb jsonl->parquet", "export", "jsonl", "typed read + zstd Parquet, 5 tables (no checks)",
         f"rm -rf out/duckdb && {a.peers}/venv/bin/python {HERE}/export_duckdb.py jsonl out/duckdb", (0,)),
    ]
    # qsv is built by install-peers.sh unless ISCA_BENCH_NO_QSV=1 (a 15-minute build).
    if a.peers and os.path.exists(os.path.join(a.peers, "cargo", "bin", "qsv")):
        m.append(("qsv validate", "peer", "csv",
                  "row JSON Schema (types, enum, pattern, lengths, uri) + [FK] by dynamicEnum + [PK] by "
                  "uniqueCombinedWith, per CSV table; all cores", f"bash {HERE}/qsv.sh {a.peers}", (0,)))
    if has_build:
        m += [
            ("isca build files", "isca", "files", "validate + CSV, JSON, Parquet, datapackage, codebook",
             f"rm -rf out/build-files && {isca} build files --out out/build-files > /dev/null", (0,)),
            ("isca build jsonl", "isca", "jsonl", "validate + CSV, JSON, Parquet, datapackage, codebook",
             f"rm -rf out/build-jsonl && {isca} build jsonl --out out/build-jsonl > /dev/null", (0,)),
            # The data files alone, as DuckDB writes them: the site is measured by bench/site.sh.
            ("isca build jsonl --no-site", "isca", "jsonl", "validate + every data file (no website)",
             f"rm -rf out/build-jsonl && {isca} build jsonl --no-site --out out/build-jsonl > /dev/null", (0,)),
        ]
    out = [dict(name=n, group=g, layout=l, checks=c, cmd=cmd, ok=list(ok)) for n, g, l, c, cmd, ok in m]
    # Each command's input is re-read (untimed) just before each of its runs: this VM's page
    # cache holds only ~2 GB whatever the free memory, so inputs read a few commands earlier
    # are gone again, and the run would time the disk instead of the tool.
    for x in out:
        faulty = "-faulty" if "faulty" in x["name"] else ""
        x["warm"] = {"files": f"files{faulty}", "jsonl": f"jsonl{faulty}", "csv": "peer/csv",
                     "array": "peer/array"}[x["layout"]]
    return out


def warm(data, folder):
    subprocess.run(f"find {folder} -type f -print0 | xargs -0 -s 2000000 cat > /dev/null", shell=True, cwd=data)


def run_direct(argv, cwd):
    """Wall time of an exec'd command, nothing in between (no shell, no time wrapper): for
    runs of a few milliseconds, where those would be most of what is measured."""
    t0 = time.perf_counter()
    rc = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    return {"wall": round(time.perf_counter() - t0, 5), "rc": rc}


def run_once(cmd, cwd, timeout):
    if isinstance(cmd, list):
        return run_direct(cmd, cwd)
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf, \
            tempfile.NamedTemporaryFile("w+", suffix=".err") as err:
        full = ["/usr/bin/time", "-f", "%e %M %U %S", "-o", tf.name, "bash", "-c", cmd]
        timed_out = []

        def kill(p):
            timed_out.append(True)
            os.killpg(p.pid, signal.SIGKILL)

        t0 = time.perf_counter()
        p = subprocess.Popen(full, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        timer = threading.Timer(timeout, kill, (p,))
        timer.start()
        rc = p.wait()
        wall = time.perf_counter() - t0
        timer.cancel()
        tf.seek(0)
        parts = (tf.read().strip().splitlines() or [""])[-1].split()
        err.seek(0)
        tail = err.read()[-600:]
    r = {"wall": round(wall, 4), "rc": "timeout" if timed_out else rc}
    if len(parts) == 4:
        r.update(rss_kb=int(parts[1]), user=float(parts[2]), sys=float(parts[3]))
    if r["rc"] != 0:
        r["stderr_tail"] = tail
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("out")
    ap.add_argument("--isca", required=True)
    ap.add_argument("--floor")
    ap.add_argument("--peers")
    ap.add_argument("--bundled", action="store_true", help="DATA_DIR is a repo root: time `isca validate` on it")
    ap.add_argument("--datapackage", default="peer/csv/datapackage.json")
    ap.add_argument("--build", action="store_true", help="isca has a build command: time it")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--slow-rounds", type=int, default=None)
    ap.add_argument("--only", default="")
    ap.add_argument("--skip", default="")
    ap.add_argument("--commit", default="unknown", help="the isca commit measured, stamped on every run")
    ap.add_argument("--timeout", type=int, default=1800)
    ap.add_argument("--files-disk-bound", action="store_true",
                    help="one file per record does not fit the page cache: no warm-up, --slow-rounds rounds")
    a = ap.parse_args()
    data = os.path.abspath(a.data)
    only = [s for s in a.only.split(",") if s]
    skip = [s for s in a.skip.split(",") if s]
    if a.bundled:
        all_ms = [dict(name="isca validate bundled", group="isca", layout="files", checks="the whole check; exec'd directly",
                       cmd=[a.isca, "validate", "."], ok=[0]),
                  dict(name="isca validate bundled (bash + time)", group="isca", layout="files",
                       checks="the same under bash -c and /usr/bin/time, for peak RSS",
                       cmd=f"{a.isca} validate . > /dev/null", ok=[0])]
        sizes = {"files": sum(len(f) for _, _, f in os.walk(os.path.join(data, "dataset")))}
    else:
        all_ms = measures(a, a.build)
        with open(os.path.join(data, "sizes.json")) as f:
            sizes = json.load(f)
    ms = [m for m in all_ms if (not only or m["name"] in only) and m["name"] not in skip]
    # A copy: the old measures merged in below are reported, never run again (their commands
    # may name data that is gone; running them recorded failures).
    res = {"data": data, "sizes": sizes, "rounds": a.rounds, "measures": list(ms), "runs": {},
           "files_disk_bound": a.files_disk_bound,
           "host": {"nproc": os.cpu_count(), "uname": " ".join(os.uname())}}
    if os.path.exists(a.out):  # merge with earlier runs of other commands
        with open(a.out) as f:
            old = json.load(f)
        res["runs"] = {k: v for k, v in old.get("runs", {}).items() if k not in [m["name"] for m in ms]}
        known = {m["name"] for m in ms}
        res["measures"] += [m for m in old.get("measures", []) if m["name"] not in known]
    stamp = time.strftime("%Y%m%dT%H%M%S")
    for r in range(a.rounds):
        batch = f"{stamp}-r{r + 1}"
        for m in ms:
            slow = m["name"] in SLOW or (a.files_disk_bound and m["layout"] == "files")
            if a.slow_rounds is not None and slow and r >= a.slow_rounds:
                continue
            if m.get("warm") and not (a.files_disk_bound and m["layout"] == "files"):
                warm(data, m["warm"])
            x = run_once(m["cmd"], data, a.timeout)
            x["batch"] = batch
            x["commit"] = a.commit
            x["ok"] = x["rc"] in m["ok"]
            res["runs"].setdefault(m["name"], []).append(x)
            print(f"[{batch}] {m['name']:<32} wall={x['wall']:9.3f}s rss={x.get('rss_kb', 0) / 1024:8.1f}MiB "
                  f"rc={x['rc']}{'' if x['ok'] else ' FAILED'}", flush=True)
            with open(a.out, "w") as f:
                json.dump(res, f, indent=1)
    for m in res["measures"]:
        ok = [x for x in res["runs"].get(m["name"], []) if x["ok"]]
        if ok:
            m["summary"] = {"n_ok": len(ok), "n_runs": len(res["runs"][m["name"]]),
                            "wall_median": statistics.median(x["wall"] for x in ok),
                            "wall_min": min(x["wall"] for x in ok), "wall_max": max(x["wall"] for x in ok),
                            "rss_kb_max": max(x.get("rss_kb", 0) for x in ok),
                            "cpu_median": statistics.median(x.get("user", 0) + x.get("sys", 0) for x in ok)}
    with open(a.out, "w") as f:
        json.dump(res, f, indent=1)


if __name__ == "__main__":
    main()
