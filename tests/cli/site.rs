//! The website (`dist/site/`, `isca site`): one snapshot per kind of page on the base fixture,
//! a link check over the whole site, the escaping corpus rendered inert, byte-identical
//! rebuilds, `--no-site`, and the refusal of an invalid dataset.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::build::tree;
use crate::common::{REPO, Root, copy_dir};

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(&env!("CARGO_PKG_VERSION").replace('.', "\\."), "[VERSION]");
    s.add_filter(&isca::catalog::Catalog::load(&Root::base().file("schema")).unwrap().schema_sha256, "[SCHEMA_SHA256]");
    // The downloads table lists the other exports' sizes and hashes: their own tests pin those.
    s.add_filter(r"[0-9a-f]{64}", "[SHA256]");
    s.add_filter(r"\b\d+(\.\d)? (B|kB|MB)\b", "[SIZE]");
    s.add_filter(r"contentSize.:.\d+ B", "contentSize\":\"[SIZE]");
    s.set_omit_expression(true);
    s
}

fn built(root: &Root) -> BTreeMap<String, Vec<u8>> {
    let run = root.run(&["build"]);
    assert_eq!(run.code, 0, "{}", run.render());
    tree(&root.file("dist"))
}

/// One element per line, so that a snapshot diff shows what changed.
fn lines(html: &[u8]) -> String {
    std::str::from_utf8(html).expect("UTF-8").replace("><", ">\n<")
}

#[test]
fn one_page_of_each_kind() {
    let root = Root::base();
    let files = built(&root);
    for page in [
        "site/index.html",
        "site/codebook.html",
        "site/events/index.html",
        "site/events/search-0.js",
        "site/agreements/agr-example-2021-infosec.html",
        "site/parties/pty-rus.html",
        "site/sources/src-example-article.html",
    ] {
        let mut s = settings();
        s.set_snapshot_suffix(page.trim_start_matches("site/").replace('/', "__"));
        s.bind(|| insta::assert_snapshot!(lines(&files[page])));
    }
}

/// Every `href` and `src` of every page resolves to a file of the build (site or data), or is
/// an `http(s)` URL that the dataset itself holds, marked `noopener noreferrer`, or the data
/// licence's text.
#[test]
fn every_link_resolves() {
    let root = Root::base();
    let files = built(&root);
    let mut dataset_urls = urls_in(&root.file("dataset"));
    dataset_urls.insert(isca::export::about::LICENSE_URL.to_string());
    let ids = |html: &str| -> BTreeSet<String> { attrs(html, "id").into_iter().collect() };
    let mut checked = 0;
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = std::str::from_utf8(bytes).unwrap();
        for link in attrs(html, "href").into_iter().chain(attrs(html, "src")) {
            checked += 1;
            if link.starts_with("http://") || link.starts_with("https://") {
                assert!(dataset_urls.contains(&link), "{path}: external link {link} is not from the data");
                continue;
            }
            let (file, fragment) = link.split_once('#').unwrap_or((&link, ""));
            let target = if file.is_empty() { path.clone() } else { resolve(path, file) };
            let Some(bytes) = files.get(&target) else { panic!("{path}: {link} → {target} does not exist") };
            if !fragment.is_empty() && target.ends_with(".html") {
                let html = std::str::from_utf8(bytes).unwrap();
                assert!(ids(html).contains(fragment), "{path}: {link}: no id {fragment} in {target}");
            }
        }
        for a in html.split("<a ").skip(1).filter(|a| a.starts_with("class=\"ext\"")) {
            assert!(a.contains("rel=\"noopener noreferrer\""), "{path}: external link without rel: {a}");
        }
    }
    assert!(checked > 500, "only {checked} links checked");
}

/// The values of attribute `name` in `html`. maud always writes `name="value"`.
fn attrs(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.split(&needle).skip(1).map(|rest| unescape(&rest[..rest.find('"').unwrap()])).collect()
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// `file` seen from the page at `page` (both relative to `dist/`).
fn resolve(page: &str, file: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in file.split('/') {
        match part {
            ".." => {
                assert!(parts.pop().is_some(), "{page}: {file} leaves dist/");
            }
            "." => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn urls_in(dataset: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, bytes) in tree(dataset) {
        let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        if let Some(url) = value.get("url").and_then(|u| u.as_str()) {
            out.insert(url.to_string());
        }
    }
    out
}

/// A root holding the escaping corpus: the base fixture with `<script>`, `"><img onerror=…>`,
/// bidi controls in every text field and `javascript:` URLs.
fn escaping_root() -> Root {
    let root = Root::empty();
    copy_dir(&Path::new(REPO).join("tests/fixtures/site-escaping/dataset"), &root.file("dataset"));
    root
}

#[test]
fn the_escaping_corpus_renders_inert() {
    let root = escaping_root();
    let run = root.run(&["site", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.render());
    let files = tree(&root.file("out"));
    let bidi =
        |c: char| matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    let mut payloads = 0;
    for (path, bytes) in &files {
        let text = std::str::from_utf8(bytes).unwrap();
        assert!(!text.chars().any(bidi), "{path}: a raw bidi control");
        if !path.ends_with(".html") {
            continue;
        }
        let lower = text.to_lowercase();
        payloads += lower.matches("&lt;script&gt;window.__pwned").count();
        assert!(!lower.contains("<img"), "{path}: an img element");
        assert!(!lower.contains("__pwned=1</script"), "{path}: a script element from the data");
        assert!(!lower.contains("href=\"javascript:"), "{path}: a javascript: link");
        // The site's own script, and on the home page the JSON-LD block: nothing else.
        let scripts = lower.matches("<script").count();
        let expected = if path == "index.html" { 2 } else { 1 };
        assert_eq!(scripts, expected, "{path}: {scripts} script elements");
        if path == "index.html" {
            let ld = &text[text.find("application/ld+json").unwrap()..];
            let ld = &ld[ld.find('>').unwrap() + 1..ld.find("</script>").unwrap()];
            assert!(!ld.contains('<'), "JSON-LD holds a raw `<`");
        }
    }
    assert!(payloads > 50, "the payload is shown (escaped) {payloads} times only");
    let record = std::str::from_utf8(&files["sources/src-example-article.html"]).unwrap();
    assert!(record.contains("[U+202E]evil"), "bidi controls are shown as code points");
}

#[test]
fn two_sites_are_byte_identical() {
    let (a, b) = (Root::base(), Root::base());
    assert_eq!(a.run(&["site"]).code, 0);
    assert_eq!(b.run(&["site", "--out", "elsewhere/site"]).code, 0);
    let first = tree(&a.file("site"));
    assert!(tree(&b.file("elsewhere/site")) == first, "a site in another root differs");
    assert_eq!(a.run(&["site"]).code, 0, "a second run replaces the first");
    assert!(tree(&a.file("site")) == first, "a rebuild differs");
    assert!(first.contains_key("SHA256SUMS") && first.contains_key("index.html"));
}

#[test]
fn no_site_publishes_the_data_only() {
    let root = Root::base();
    let run = root.run(&["build", "--no-site"]);
    assert_eq!(run.code, 0, "{}", run.render());
    let files = tree(&root.file("dist"));
    assert!(files.keys().all(|p| !p.starts_with("site/")), "a site was written");
    assert!(files.contains_key("csv/agreements.csv"));
    let with_site = built(&root);
    assert!(with_site.contains_key("site/index.html"));
    assert!(root.read("dist/SHA256SUMS").contains("  site/index.html\n"), "the site is in SHA256SUMS");
}

#[test]
fn refuses_an_invalid_dataset() {
    let root = Root::base();
    let bad = root.read("dataset/events/evt-example-2021-01-26-signing.json").replace("\"pty-rus\"", "\"pty-nowhere\"");
    root.write("dataset/events/evt-example-2021-01-26-signing.json", bad);
    let run = root.run(&["site"]);
    assert_eq!(run.code, 1, "{}", run.render());
    assert!(run.stdout.contains("no site written"), "{}", run.render());
    assert!(!root.file("site").exists(), "a site was written");
}
