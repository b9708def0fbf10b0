//! Where a diagnostic's rule code links to: the root's `docs/rules/CODE.md` (the pages
//! `isca rules --markdown docs/rules` generates, which SARIF's `helpUri` points at too), or a
//! URL the client configures.

use std::path::Path;
use std::str::FromStr;

use lsp_types::Uri;

use super::document::uri_of;

/// The link for rule `code` (`name`): the client's `rulesUrl` template (`{code}` and `{name}`
/// replaced), else the root's `docs/rules/CODE.md`, if that page exists.
pub fn rule_url(template: Option<&str>, root: &Path, code: &str, name: &str) -> Option<Uri> {
    if let Some(t) = template {
        return Uri::from_str(&t.replace("{code}", code).replace("{name}", name)).ok();
    }
    let page = root.join("docs/rules").join(format!("{code}.md"));
    page.is_file().then(|| uri_of(&page))
}
