"""Run the README's client snippets exactly as written, so that none of them can rot.

    python interop/snippets.py README.md WORK [--spark PYTHON]

Every fenced block preceded by a line `<!-- interop: KIND -->` runs in WORK (the folder that
holds `dist/`): `python` with this interpreter, `r` with Rscript, `sh` with bash (this venv's
`bin/` first on PATH, for the DuckDB CLI), `spark` with the Python given by `--spark` (skipped,
and said so, without it). A snippet passes when it exits 0 and prints something.
"""

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

MARK = re.compile(r"^<!-- interop: (\w+) -->$")


def snippets(readme):
    lines = readme.read_text(encoding="utf-8").splitlines()
    found = []
    for i, line in enumerate(lines):
        m = MARK.match(line.strip())
        if not m:
            continue
        fence = lines[i + 1]
        if not fence.startswith("```"):
            raise SystemExit(f"{readme}:{i + 2}: an interop mark must precede a fenced block")
        end = next(j for j in range(i + 2, len(lines)) if lines[j].startswith("```"))
        found.append((m.group(1), i + 2, "\n".join(lines[i + 2:end]) + "\n"))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("readme", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("--spark", help="a Python with pyspark, for the spark snippets")
    args = parser.parse_args()
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    runners = {"python": [sys.executable, "-"], "r": ["Rscript", "-"], "sh": ["bash", "-euo", "pipefail", "-s"]}
    if args.spark:
        runners["spark"] = [args.spark, "-"]
    failed = ran = 0
    for kind, line, code in snippets(args.readme):
        where = f"{args.readme.name}:{line} ({kind})"
        if kind not in runners:
            print(f"skip {where}: no {kind} client here")
            continue
        run = subprocess.run(runners[kind], input=code, cwd=args.work, env=env, capture_output=True, text=True)
        ran += 1
        if run.returncode != 0 or not run.stdout.strip():
            failed += 1
            print(f"FAIL {where}: exit {run.returncode}\n{run.stdout[-1500:]}{run.stderr[-1500:]}")
        else:
            print(f"ok   {where}: {run.stdout.strip().splitlines()[0][:90]}")
    print(f"README snippets: {ran - failed} passed, {failed} failed")
    return 1 if failed or not ran else 0


if __name__ == "__main__":
    sys.exit(main())
