#!/usr/bin/env python3
"""Latency of `isca lsp` (issue 14): start-up, and fresh diagnostics after an edit.

    bench/lsp_latency.py ISCA ROOT RECORD [--rounds N] [--incremental]

ROOT is a dataset root, RECORD a clean `.json` record under it holding a reference to
`pty-rus`. The script starts `ISCA lsp` on ROOT and measures:

- start-up: from spawning the server to the answer of the first request that needs the
  loaded root (a hover sent right after `initialized`);
- the server's CPU time per edit (user + system, all threads, from /proc), which a loaded
  machine does not inflate the way it inflates wall time;
- edit -> diagnostics: the record is opened, then alternately broken (`pty-rus` becomes a
  dangling id) and repaired with a full-text `didChange`; the time from sending each change
  to receiving the `publishDiagnostics` that reflects it (one X003, then none). Each change
  sends the whole text, or with `--incremental` only the edited range, as editors do.

Only the standard library; medians and ranges over the rounds are printed as JSON."""

import json
import os
import pathlib
import statistics
import subprocess
import sys
import time


def cpu_seconds(pid):
    """User + system CPU time of a process so far (Linux /proc), all threads included."""
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def read(out):
    length = None
    while True:
        line = out.readline()
        if not line:
            raise SystemExit("server closed its output")
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(out.read(length))


def main():
    isca, root, record = sys.argv[1], pathlib.Path(sys.argv[2]).resolve(), sys.argv[3]
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 10
    path = root / record
    uri = path.as_uri()
    text = path.read_text()
    assert '"pty-rus"' in text, "the record must reference pty-rus"
    broken = text.replace('"pty-rus"', '"pty-rus-zz"', 1)
    # Where the reference is, in LSP positions (UTF-16 code units), for range edits.
    at = text.index('"pty-rus"')
    line = text.count("\n", 0, at)
    column = len(text[text.rfind("\n", 0, at) + 1:at].encode("utf-16-le")) // 2
    incremental = "--incremental" in sys.argv

    def change(want_errors):
        if not incremental:
            return {"text": broken if want_errors else text}
        old, new = ('"pty-rus"', '"pty-rus-zz"') if want_errors else ('"pty-rus-zz"', '"pty-rus"')
        span = {"start": {"line": line, "character": column},
                "end": {"line": line, "character": column + len(old)}}
        return {"range": span, "text": new}

    t0 = time.perf_counter()
    p = subprocess.Popen([isca, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    send = lambda m: (p.stdin.write(frame(m)), p.stdin.flush())
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
          "params": {"processId": None, "rootUri": root.as_uri(), "capabilities": {},
                     "workspaceFolders": [{"uri": root.as_uri(), "name": "root"}]}})
    while read(p.stdout).get("id") != 1:
        pass
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover",
          "params": {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 10}}})
    while read(p.stdout).get("id") != 2:
        pass
    startup = time.perf_counter() - t0

    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}})
    latencies = []
    cpu0 = cpu_seconds(p.pid)
    for i in range(rounds * 2):
        want_errors = i % 2 == 0
        t = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": i + 2}, "contentChanges": [change(want_errors)]}})
        while True:
            m = read(p.stdout)
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                if bool(m["params"]["diagnostics"]) == want_errors:
                    break
        latencies.append((time.perf_counter() - t) * 1000)
    cpu_per_edit = (cpu_seconds(p.pid) - cpu0) / (rounds * 2) * 1000
    send({"jsonrpc": "2.0", "id": 3, "method": "shutdown", "params": None})
    while read(p.stdout).get("id") != 3:
        pass
    send({"jsonrpc": "2.0", "method": "exit", "params": None})
    p.wait(timeout=30)
    print(json.dumps({
        "root": str(root), "record": record, "rounds": rounds, "incremental": incremental,
        "startup_s": round(startup, 3),
        "edit_to_diagnostics_ms": {"median": round(statistics.median(latencies), 1),
                                   "min": round(min(latencies), 1), "max": round(max(latencies), 1)},
        "server_cpu_ms_per_edit": round(cpu_per_edit, 1),
        "load_average": os.getloadavg()[0],
    }))


if __name__ == "__main__":
    main()
