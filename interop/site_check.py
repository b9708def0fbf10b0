"""Open the generated website in headless Chromium (Debian's) and check what a reader gets.

    site_check.py SITE DATASET [--escaping] [--axe AXE_JS] [--shots DIR]

For the bundled dataset: the home page, every list page and one record page per table, from
file://. On each: no console error, no failed request, no request leaving file://, axe-core
finds no serious or critical violation; the timeline and network have as many marks as the
dataset says; each list's facets and search box change the visible rows to the count computed
here from the records themselves. A screenshot of each kind of page goes to --shots.

With --escaping (the escaping corpus): every page is opened; no dialog opens, no script from
the data runs (window.__pwned stays unset), no img element exists, no javascript: link.
"""

import argparse
import itertools
import json
import pathlib
import sys
import time

from playwright.sync_api import sync_playwright

TIMELINE = {"agreements": "signed", "events": "date"}  # table: its date field
MAX_NODES = 60  # src/site/network.rs
MAX_MARKS = 1500  # src/site/timeline.rs


def records(dataset):
    out = {}
    for table in sorted(p for p in dataset.iterdir() if p.is_dir()):
        rows = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(table.glob("*.json"))]
        out[table.name] = rows
    return out


def expected_marks(data):
    dated = sum(1 for t, field in TIMELINE.items() for r in data.get(t, []) if r.get(field))
    assert dated <= MAX_MARKS, "the bundled dataset is drawn one mark per record"
    count = {}
    pairs = set()
    for a in data.get("agreements", []):
        parties = sorted(set(a["parties"]))
        for p in parties:
            count[p] = count.get(p, 0) + 1
    nodes = sorted(count, key=lambda p: (-count[p], p))[:MAX_NODES]
    drawn = set(nodes)
    for a in data.get("agreements", []):
        parties = sorted(set(a["parties"]) & drawn)
        pairs.update(itertools.combinations(parties, 2))
    return dated, len(nodes), len(pairs)


class Watch:
    """Everything a page does that the check must see: console errors, requests, dialogs."""

    def __init__(self, page):
        self.errors, self.external, self.failed, self.dialogs = [], [], [], []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: r.url.startswith("file://") or self.external.append(r.url))
        page.on("requestfailed", lambda r: self.failed.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def check(self, where):
        problems = {
            "console errors": self.errors,
            "external requests": self.external,
            "failed requests": self.failed,
            "dialogs": self.dialogs,
        }
        for what, items in problems.items():
            assert not items, f"{where}: {what}: {items}"


def axe(page, source, where):
    page.evaluate(source)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations'], preload: false})")
    bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
    summary = [f"{v['id']} ({v['impact']}): {v['help']} ×{len(v['nodes'])}" for v in bad]
    assert not bad, f"{where}: axe: {summary}"
    return len(result["violations"])


def wait_until(page, predicate, arg=None, timeout=5000):
    """Polls `predicate` with page.evaluate until it holds. Not page.wait_for_function: once its
    first try fails, Playwright re-evaluates the predicate inside the page with eval, which the
    site's Content-Security-Policy forbids (it failed CI that way); page.evaluate is exempt."""
    deadline = time.monotonic() + timeout / 1000
    while not page.evaluate(predicate, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} ms waiting for {predicate} ({arg!r})")
        time.sleep(0.02)


def visible_rows(page):
    return page.locator("table.list tbody:visible tr").count()


def check_filters(page, table, rows):
    """Each enum facet, then the search box, gives the rows the records say it should."""
    total = len(rows)
    assert visible_rows(page) == min(total, 500), f"{table}: {visible_rows(page)} rows before filtering"
    for select in page.locator("select[data-column='1']").all():
        field = select.get_attribute("id").removeprefix("f-").replace("-", "_")
        for option in select.locator("option").all()[1:3]:
            label = option.get_attribute("data-label")
            want = sum(1 for r in rows if r.get(field) == label)
            select.select_option(option.get_attribute("value"))
            wait_until(page, "n => document.querySelectorAll('#results tr').length === n", min(want, 500))
            got = visible_rows(page)
            assert got == want, f"{table}: {field} = {label}: {got} rows, the records say {want}"
        select.select_option("")
    assert visible_rows(page) == min(total, 500), f"{table}: clearing the facets does not restore the list"
    term = rows[len(rows) // 2]["id"]
    page.fill("#q", term)
    want = sum(1 for r in rows if term in r["id"])
    wait_until(page, "n => document.querySelectorAll('#results tr').length === n", want)
    status = page.text_content("#status")
    assert status.startswith(f"{want} of {total}"), f"{table}: search {term}: status {status!r}"
    page.keyboard.press("Escape")
    page.click("#reset")
    wait_until(page, "() => !document.querySelector('#rows').hidden")


def bundled(browser, site, data, axe_js, shots):
    dated, nodes, edges = expected_marks(data)
    pages = [("home", site / "index.html"), ("codebook", site / "codebook.html")]
    pages += [(f"list-{t}", site / t / "index.html") for t in data]
    pages += [(f"record-{t}", site / t / f"{sorted(r['id'] for r in data[t])[0]}.html") for t in data]
    for name, path in pages:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        watch = Watch(page)
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        assert page.locator("h1").count() == 1, f"{name}: not one h1"
        if name == "home":
            marks = page.locator("#timeline a.mark").count()
            assert marks == dated, f"timeline: {marks} marks, {dated} dated records"
            got = (page.locator("#network a.node").count(), page.locator("#network line.edge").count())
            assert got == (nodes, edges), f"network: {got} nodes and edges, expected {(nodes, edges)}"
        if name.startswith("list-"):
            table = name.removeprefix("list-")
            check_filters(page, table, data[table])
        violations = axe(page, axe_js, name)
        if shots:
            page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
        watch.check(name)
        print(f"site: {name}: ok ({violations} minor axe findings)")
        page.close()


def escaping(browser, site):
    opened = 0
    for path in sorted(site.rglob("*.html")):
        page = browser.new_page()
        watch = Watch(page)
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        if page.locator("#q").count():
            # Rows drawn by site.js from the search index must be as inert as the page's own.
            page.fill("#q", "<script>")
            wait_until(page, "() => /match/.test(document.querySelector('#status').textContent)")
        where = path.relative_to(site)
        assert page.evaluate("() => window.__pwned") is None, f"{where}: a script from the data ran"
        assert page.locator("img").count() == 0, f"{where}: an img element"
        assert page.locator("a[href^='javascript:' i]").count() == 0, f"{where}: a javascript: link"
        watch.check(where)
        opened += 1
        page.close()
    print(f"site: escaping corpus: {opened} pages inert")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site", type=pathlib.Path)
    ap.add_argument("dataset", type=pathlib.Path)
    ap.add_argument("--escaping", action="store_true")
    ap.add_argument("--axe", type=pathlib.Path)
    ap.add_argument("--shots", type=pathlib.Path)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    site = args.site.resolve()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
        if args.escaping:
            escaping(browser, site)
        else:
            if args.shots:
                args.shots.mkdir(parents=True, exist_ok=True)
            bundled(browser, site, records(args.dataset.resolve()), args.axe.read_text(encoding="utf-8"), args.shots)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
