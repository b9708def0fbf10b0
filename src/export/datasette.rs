//! `sqlite/metadata.json`: the Datasette metadata for `sqlite/isca.db`, so that
//! `datasette sqlite/isca.db -m sqlite/metadata.json` is a browsable, faceted, documented site:
//! title, licence and source for the instance, a description for every table and column, the
//! enum columns as default facets, and each catalogue table's label column for its links.

use serde_json::{Map, Value, json};

use super::about;
use super::datapackage::{DESCRIPTION, TITLE};
use super::sqlite::frames;
use super::table::{Frame, Model, Values};

/// The database name Datasette derives from the file name `isca.db`.
pub const DATABASE: &str = "isca";

/// The column Datasette shows for a row when another table links to it, where the table has one.
const LABELS: [&str; 3] = ["name", "title", "short_name"];

pub fn metadata(model: &Model) -> Value {
    let mut tables = Map::new();
    for frame in frames(model) {
        tables.insert(frame.name.clone(), table(frame));
    }
    json!({
        "title": TITLE,
        "description": DESCRIPTION,
        "license": about::LICENSE_ID,
        "license_url": about::LICENSE_URL,
        "source": format!("isca {} ({})", model.version, about::CREATOR),
        "source_url": about::HOMEPAGE,
        "databases": {
            DATABASE: {
                "description": format!("{DESCRIPTION} {}", about::ATTRIBUTION),
                "license": about::LICENSE_ID,
                "license_url": about::LICENSE_URL,
                "tables": tables,
            }
        }
    })
}

fn table(frame: &Frame) -> Value {
    let flat = frame.columns.iter().filter(|c| c.values.is_flat());
    let columns: Map<String, Value> = flat.clone().map(|c| (c.name.clone(), json!(c.description))).collect();
    let facets: Vec<&str> =
        flat.clone().filter(|c| matches!(c.values, Values::Enum { .. })).map(|c| c.name.as_str()).collect();
    let mut t = Map::new();
    if !frame.title.is_empty() {
        t.insert("title".into(), json!(frame.title));
    }
    t.insert("description".into(), json!(frame.description));
    t.insert("columns".into(), Value::Object(columns));
    if !facets.is_empty() {
        t.insert("facets".into(), json!(facets));
    }
    if let Some(label) = LABELS.iter().find(|l| flat.clone().any(|c| c.name == **l)) {
        t.insert("label_column".into(), json!(label));
    }
    Value::Object(t)
}
