//! Link tables: each array column of a table laid out flat, one row per element, so that every
//! relation in the CSV files is a plain join.
//!
//! `agreements.parties` becomes `agreement_parties` (`agreement_id`, `party_id`, `position`);
//! an array of objects gets one column per member (`agreement_sources`: `agreement_id`,
//! `source_id`, `locator`, `position`). The values are the nested column's own, so the link
//! table and the nested column cannot disagree.

use super::table::{Cells, Column, Constraints, Frame, POSITION, Texts, Values};
use crate::catalog::Catalog;

/// The table an array column belongs to, for naming and filling its link table.
pub(super) struct Parent<'p, 'a> {
    pub table: &'p str,
    pub key: &'p str,
    /// The table's id column, one id per row.
    pub ids: &'p Texts<'a>,
}

/// The link table of an array column: `<singular table>_<field>` with the parent's key, the
/// values (one column, or one per object member) and their 1-based position in the array.
pub(super) fn link<'a>(catalog: &Catalog, parent: &Parent<'_, 'a>, column: &Column<'a>) -> Option<Frame<'a>> {
    let (rows, values): (_, Vec<&Column<'a>>) = match &column.values {
        Values::List { rows, items } => (rows, vec![items.as_ref()]),
        Values::Objects { rows, members } => (rows, members.iter().collect()),
        _ => return None,
    };
    let one = singular(parent.table);
    let parent_key = format!("{one}_{}", parent.key);
    // One row per element, which keeps the row of the record it is in; the parent's id and
    // the element's position are read through it, not stored again.
    let parents = rows.parents();
    let counting = (1..=rows.longest() as i64).map(Some).collect();
    let ids = Texts::parent(parent.ids, parents.clone());
    let positions = Cells::position(counting, parents, rows.clone());
    let mut columns = vec![Column {
        name: parent_key.clone(),
        description: format!(
            "Id of the {} (`{}.{}`) whose `{}` this row belongs to.",
            one.replace('_', " "),
            parent.table,
            parent.key,
            column.name
        ),
        required: true,
        references: Some(parent.table.to_string()),
        constraints: Constraints::default(),
        values: Values::Text(ids),
    }];
    for v in values {
        let name = match &v.references {
            Some(target) => {
                let key = catalog.table(target).map_or("id", |t| t.primary_key.as_str());
                format!("{}_{key}", singular(target))
            }
            None if matches!(column.values, Values::List { .. }) => singular(&column.name),
            None => v.name.clone(),
        };
        // Two columns may not share a name (`agreement_builds_on`: agreement_id twice).
        let name = if name == parent_key || name == POSITION { format!("{}_{name}", column.name) } else { name };
        let description = if v.description.is_empty() { column.description.clone() } else { v.description.clone() };
        columns.push(Column { name, description, ..v.clone() });
    }
    columns.push(Column {
        name: POSITION.to_string(),
        description: format!("Position of the value in the record's `{}` array, from 1.", column.name),
        required: true,
        references: None,
        constraints: Constraints { minimum: Some(1.into()), ..Constraints::default() },
        values: Values::Integer(positions),
    });
    Some(Frame {
        name: format!("{one}_{}", column.name),
        title: String::new(),
        description: format!("One row per element of `{}.{}`: {}", parent.table, column.name, column.description),
        primary_key: vec![parent_key, POSITION.to_string()],
        rows: columns[0].values.len(),
        columns,
        links: Vec::new(),
    })
}

/// The singular of a plural snake_case table or field name: `parties` → `party`,
/// `threat_categories` → `threat_category`, `sources` → `source`. Plain English rules suffice
/// for names chosen to be plain English.
pub fn singular(name: &str) -> String {
    if let Some(stem) = name.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = name.strip_suffix('s').filter(|s| !s.ends_with('s')) {
        stem.to_string()
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singulars_of_our_names() {
        let got: Vec<String> =
            ["parties", "threat_categories", "sources", "agreements", "builds_on", "signatories", "address"]
                .iter()
                .map(|n| singular(n))
                .collect();
        assert_eq!(got, ["party", "threat_category", "source", "agreement", "builds_on", "signatory", "address"]);
    }
}
