#!/usr/bin/env python3
"""Renders bench/results/*.json as Markdown: one side-by-side table per size, the same-round
ratios behind the targets of issue 6, growth across sizes, and the bundled-dataset time.

Ratios are taken within a round (A's wall ÷ B's wall in the same round), then the median over
rounds: on a shared machine that is steadier than a ratio of medians.

usage: report.py RESULTS_DIR"""
import glob
import json
import os
import statistics
import sys

MB = 1e6


def load(d):
    sizes = []
    for p in glob.glob(os.path.join(d, "n*.json")):
        with open(p) as f:
            sizes.append(json.load(f))
    sizes.sort(key=lambda r: r["sizes"]["events"])
    bundled = None
    if os.path.exists(os.path.join(d, "bundled.json")):
        with open(os.path.join(d, "bundled.json")) as f:
            bundled = json.load(f)
    return sizes, bundled


def ok_runs(res, name):
    return [x for x in res["runs"].get(name, []) if x.get("ok")]


def ratio(res, a, b):
    """Median over rounds of wall(a) / wall(b) in the same round, with min and max."""
    rb = {x["batch"]: x["wall"] for x in ok_runs(res, b)}
    rs = [x["wall"] / rb[x["batch"]] for x in ok_runs(res, a) if x["batch"] in rb]
    return (statistics.median(rs), min(rs), max(rs)) if rs else None


def fastest_peer_ratio(res, isca, group=("peer",)):
    """Per round: the fastest peer's wall ÷ isca's wall; the median over rounds."""
    peers = [m["name"] for m in res["measures"] if m["group"] in group]
    rb = {x["batch"]: x["wall"] for x in ok_runs(res, isca)}
    per_round = {}
    for p in peers:
        for x in ok_runs(res, p):
            if x["batch"] in rb:
                best = per_round.get(x["batch"])
                if best is None or x["wall"] < best[0]:
                    per_round[x["batch"]] = (x["wall"], p)
    rs = [(w / rb[b], p) for b, (w, p) in per_round.items()]
    if not rs:
        return None
    vals = sorted(r for r, _ in rs)
    return statistics.median(vals), min(vals), max(vals), sorted({p for _, p in rs})


def fmt_s(x):
    return f"{x:.3f}" if x < 10 else f"{x:.1f}"


def fmt_r(r):
    return "–" if r is None else f"{r[0]:.2f} ({r[1]:.2f}–{r[2]:.2f})"


def provenance(res):
    """Which commits and days the section's runs come from. A results file keeps the runs of
    commands that a later, narrower run (--only) did not repeat, so one section can mix runs of
    several commits: say so, rather than let old figures pass for new ones."""
    made = {}
    for runs in res["runs"].values():
        for x in runs:
            key = (x.get("commit", "unrecorded"), x["batch"][:8])
            made[key] = made.get(key, 0) + 1
    parts = [f"commit {c}, {d[:4]}-{d[4:6]}-{d[6:8]} ({n} runs)" for (c, d), n in sorted(made.items(), key=lambda kv: kv[0][1])]
    head = "Measured: " if len({c for c, _ in made}) <= 1 else "**Mixed runs** (compare rows of one commit only): "
    return head + "; ".join(parts) + "."


def size_table(res):
    s = res["sizes"]
    lay = s["layouts"]
    out = [f"### N = {s['events']:,} events ({s['records_total']:,} records)", "", provenance(res), ""]
    out.append(f"Input: JSONL {lay['jsonl']['bytes'] / MB:.1f} MB in {lay['jsonl']['files']} files; one file per "
               f"record {lay['files']['bytes'] / MB:.1f} MB in {lay['files']['files']:,} files; CSV "
               f"{lay['csv']['bytes'] / MB:.1f} MB in {lay['csv']['files']} files; arrays {lay['array']['bytes'] / MB:.1f} MB. "
               f"Faulty variants: {s['faulty']['files']['faults']} faults in the files layout, "
               f"{s['faulty']['jsonl']['faults']} in JSONL ({100 * s['faulty']['files']['share']:.2f}% / "
               f"{100 * s['faulty']['jsonl']['share']:.2f}% of records).")
    if res.get("files_disk_bound"):
        out.append("")
        out.append("**Rows marked (disk) read one file per record from disk**: the folder takes "
                   f"{lay['files']['files'] * 4096 / 1e9:.1f} GB of blocks and this machine's page cache holds about 2 GB, "
                   "so those runs time the disk, not the tool. They were run once, unwarmed.")
    out.append("")
    out.append("| group | tool | input | what it checks / does | wall median (min–max) s | ÷ isca files | ÷ isca jsonl "
               "| peak RSS MiB | CPU s | records/s | runs ok |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|")
    for m in res["measures"]:
        runs = res["runs"].get(m["name"], [])
        ok = [x for x in runs if x.get("ok")]
        if not runs:
            continue
        if not ok:
            out.append(f"| {m['group']} | {m['name']} | {m['layout']} | {m['checks']} | failed | | | | | | 0/{len(runs)} |")
            continue
        walls = [x["wall"] for x in ok]
        med = statistics.median(walls)
        rss = max(x.get("rss_kb", 0) for x in ok) / 1024
        cpu = statistics.median(x.get("user", 0) + x.get("sys", 0) for x in ok)
        rf = ratio(res, m["name"], "isca validate files")
        rj = ratio(res, m["name"], "isca validate jsonl")
        rate = s["records_total"] / med
        rate_s = f"{rate / 1e6:.2f} M" if rate >= 1e6 else f"{rate / 1e3:.1f} k"
        disk = " (disk)" if res.get("files_disk_bound") and m["layout"] == "files" else ""
        out.append(f"| {m['group']} | {m['name']}{disk} | {m['layout']} | {m['checks']} | {fmt_s(med)} "
                   f"({fmt_s(min(walls))}–{fmt_s(max(walls))}) | {fmt_r(rf).split(' ')[0] if rf else '–'} | "
                   f"{fmt_r(rj).split(' ')[0] if rj else '–'} | {rss:.0f} | {cpu:.2f} | {rate_s} | {len(ok)}/{len(runs)} |")
    out.append("")
    return out


TARGET_RATIOS = [
    ("frictionless", "isca validate files", "frictionless ÷ isca validate (files): ≥ 20 wanted"),
    ("frictionless", "isca validate jsonl", "frictionless ÷ isca validate (jsonl): ≥ 20 wanted"),
    ("jsonschema-cli files", "isca validate files", "jsonschema-cli ÷ isca, one file per record: > 1 wanted"),
    ("jsonschema-cli array", "isca validate jsonl", "jsonschema-cli array ÷ isca jsonl: > 1 wanted"),
    ("ajv files", "isca validate files", "ajv ÷ isca, one file per record"),
    ("ajv array", "isca validate jsonl", "ajv array ÷ isca jsonl"),
    ("check-jsonschema files", "isca validate files", "check-jsonschema ÷ isca, one file per record"),
    ("qsv validate", "isca validate jsonl", "qsv validate (CSV) ÷ isca validate jsonl"),
    ("qsv validate", "isca validate files", "qsv validate (CSV) ÷ isca validate files"),
    ("duckdb jsonl->parquet", "isca validate jsonl", "DuckDB JSONL→Parquet ÷ isca validate jsonl"),
    ("isca validate files", "floor files parse+schema 2T", "isca files ÷ floor (files, parse+schema 2T): ≤ 3 wanted"),
    ("isca validate jsonl", "floor parse+schema 2T", "isca jsonl ÷ floor (JSONL, parse+schema 2T): ≤ 3 wanted"),
    ("isca validate files 1% faulty", "isca validate files", "1% faulty ÷ clean (files): ≤ 2 wanted"),
    ("isca validate jsonl 1% faulty", "isca validate jsonl", "1% faulty ÷ clean (jsonl): ≤ 2 wanted"),
    ("isca build jsonl", "duckdb jsonl->parquet", "isca build jsonl ÷ DuckDB: < 4 wanted"),
    ("isca build files", "duckdb jsonl->parquet", "isca build files ÷ DuckDB: < 4 wanted"),
]


def ratios_table(sizes):
    head = "| ratio (same round, median (min–max)) | " + " | ".join(f"N={r['sizes']['events']:,}" for r in sizes) + " |"
    out = [head, "|---|" + "---|" * len(sizes)]
    for a, b, label in TARGET_RATIOS:
        cells = [fmt_r(ratio(r, a, b)) for r in sizes]
        if any(c != "–" for c in cells):
            out.append(f"| {label} | " + " | ".join(cells) + " |")
    for isca in ("isca validate files", "isca validate jsonl"):
        cells = []
        for r in sizes:
            f = fastest_peer_ratio(r, isca)
            cells.append("–" if f is None else f"{f[0]:.2f} ({f[1]:.2f}–{f[2]:.2f}), {', '.join(f[3])}")
        out.append(f"| fastest validating peer ÷ {isca}: > 1 wanted | " + " | ".join(cells) + " |")
    for name in ("isca validate jsonl", "isca validate files", "isca build jsonl", "isca build files"):
        cells = []
        for r in sizes:
            ok = ok_runs(r, name)
            if not ok:
                cells.append("–")
                continue
            rss = max(x.get("rss_kb", 0) for x in ok) * 1024
            cells.append(f"{rss / 2**20:.0f} MiB = {rss / r['sizes']['layouts']['jsonl']['bytes']:.2f}× JSONL")
        if any(c != "–" for c in cells):
            out.append(f"| peak RSS of {name} ÷ JSONL bytes: < 4 wanted at 1M | " + " | ".join(cells) + " |")
    out.append("")
    return out


def growth_table(sizes):
    names = ["isca validate files", "isca validate jsonl", "isca build jsonl", "floor parse+schema 2T",
             "floor files parse+schema 2T", "jsonschema-cli files", "qsv validate", "duckdb jsonl->parquet",
             "frictionless"]
    out = ["| µs per record (median wall ÷ records) | " + " | ".join(f"N={r['sizes']['events']:,}" for r in sizes) + " |",
           "|---|" + "---|" * len(sizes)]
    for n in names:
        cells = []
        for r in sizes:
            ok = ok_runs(r, n)
            cells.append("–" if not ok else f"{1e6 * statistics.median(x['wall'] for x in ok) / r['sizes']['records_total']:.2f}")
        if any(c != "–" for c in cells):
            out.append(f"| {n} | " + " | ".join(cells) + " |")
    out.append("")
    return out


def main():
    sizes, bundled = load(sys.argv[1])
    out = ["<!-- generated by bench/tools/report.py from bench/results/*.json; do not edit -->", ""]
    if bundled:
        ok = ok_runs(bundled, "isca validate bundled")
        wrapped = ok_runs(bundled, "isca validate bundled (bash + time)")
        if ok:
            w = sorted(x["wall"] for x in ok)
            line = (f"`isca validate` on the repository's own dataset ({bundled['sizes'].get('files', '?')} files), exec'd "
                    f"directly, process start included: median {1000 * statistics.median(w):.1f} ms (min "
                    f"{1000 * w[0]:.1f}, max {1000 * w[-1]:.1f}) over {len(w)} runs. Target: < 50 ms.")
            if wrapped:
                ww = sorted(x["wall"] for x in wrapped)
                line += (f" Under `bash -c` + `/usr/bin/time` (as every other row is run): median "
                         f"{1000 * statistics.median(ww):.1f} ms, peak RSS {max(x.get('rss_kb', 0) for x in wrapped) / 1024:.0f} MiB.")
            out += ["### The bundled dataset", "", line, ""]
    for r in sizes:
        out += size_table(r)
    if sizes:
        out += ["### Same-round ratios behind the targets", ""] + ratios_table(sizes)
        out += ["### Growth: cost per record across sizes (linear = flat rows)", ""] + growth_table(sizes)
    print("\n".join(out))


if __name__ == "__main__":
    main()
