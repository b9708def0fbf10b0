//! Formatting: the canonical form `isca fmt` writes, computed by the same plan, so a file the
//! editor formats is byte for byte what `isca fmt` would leave. A file `isca fmt` would refuse
//! (a syntax error, a duplicate key, a number that would lose digits) is refused here too.

use lsp_types::TextEdit;

use super::document::full_range;
use super::state::FileRef;
use super::workspace::source_file;
use crate::canonical;
use crate::load::{self, Dataset, Loaded};

/// The edit that makes the buffer canonical (none if it already is); `Err` says why not.
pub fn format(file: &FileRef<'_>) -> Result<Vec<TextEdit>, String> {
    let catalog = &file.checked.catalog;
    let source = source_file(catalog, &file.rel).ok_or("not a record file of this root")?;
    let (mut records, mut findings) = (Vec::new(), Vec::new());
    load::check_bytes(&source, file.text.as_bytes(), &|_, _, _| {}, &mut records, &mut findings);
    let loaded = Loaded { dataset: Dataset { records, files: 1 }, findings, checked: vec![source.rel.clone()] };
    let plan = canonical::plan(catalog, &loaded);
    if let Some(f) = plan.refused.first() {
        return Err(format!(
            "not formatted: line {}, column {}: {} [{}]; `isca fmt` leaves such a file as it is",
            f.line, f.column, f.message, f.rule
        ));
    }
    let text = plan.files.into_iter().next().map(|f| f.text).unwrap_or_default();
    if text == file.text {
        return Ok(Vec::new());
    }
    Ok(vec![TextEdit { range: full_range(&file.text), new_text: text }])
}
