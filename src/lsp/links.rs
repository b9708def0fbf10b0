//! Where a diagnostic's rule code links to: `docs/rules.md` of the root (generated from the
//! rule registry, the text `isca rules --explain` prints), or a URL the client configures.

use std::path::Path;
use std::str::FromStr;

use lsp_types::Uri;

use super::document::uri_of;

/// The link for rule `code` (`name`): the client's `rulesUrl` template (`{code}` and `{name}`
/// replaced), else the root's `docs/rules.md` at the rule's heading, if that file exists.
pub fn rule_url(template: Option<&str>, root: &Path, code: &str, name: &str) -> Option<Uri> {
    if let Some(t) = template {
        return Uri::from_str(&t.replace("{code}", code).replace("{name}", name)).ok();
    }
    let doc = root.join("docs/rules.md");
    if !doc.is_file() {
        return None;
    }
    Uri::from_str(&format!("{}#{}", uri_of(&doc).as_str(), anchor(code, name))).ok()
}

/// The anchor GitHub and most Markdown renderers give the heading `CODE name`.
fn anchor(code: &str, name: &str) -> String {
    format!("{}-{}", code.to_lowercase(), name)
}

/// `docs/rules.md`: every rule's documentation, in code order, under a `## CODE name` heading.
pub fn rules_markdown() -> String {
    let mut out = String::from(
        "# isca rules\n\nGenerated from the rule registry (`isca rules --explain CODE` prints the same text); \
         do not edit by hand. Regenerate with `ISCA_UPDATE_DOCS=1 cargo test --test cli rules_doc`.\n",
    );
    for d in crate::rules::docs() {
        let explanation = d.explanation.replace("\n## ", "\n### ");
        let explanation = explanation.strip_prefix("## ").map_or(explanation.clone(), |e| format!("### {e}"));
        out.push_str(&format!(
            "\n## {} {}\n\n{} Severity: {}.\n\n{}\n",
            d.code,
            d.name,
            d.summary,
            d.severity.as_str(),
            explanation.trim_end()
        ));
    }
    out
}
