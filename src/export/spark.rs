//! The Spark schema of a Parquet file, for the file's key-value metadata under Spark's own
//! row-metadata key: Spark ignores Arrow's `ARROW:schema`, but restores a column's `metadata`
//! from this key, so `df.schema["x"].metadata["comment"]` and `DESCRIBE` show the descriptions.
//!
//! The types are the ones Spark infers from the Parquet columns themselves (a dictionary-encoded
//! enum is a `string`, `Date32` a `date`, `Int64` a `long`), so the two can never disagree.

use serde_json::{Value, json};

use super::table::{Column, Values};

/// The key Spark writes its schema under, and reads it back from.
pub const ROW_METADATA_KEY: &str = "org.apache.spark.sql.parquet.row.metadata";

/// Spark's `StructType.json` for `columns`.
pub fn schema(columns: &[Column]) -> String {
    struct_type(columns).to_string()
}

fn struct_type(columns: &[Column]) -> Value {
    json!({ "type": "struct", "fields": columns.iter().map(field).collect::<Vec<_>>() })
}

fn field(c: &Column) -> Value {
    let metadata = if c.description.is_empty() { json!({}) } else { json!({ "comment": c.description }) };
    json!({ "name": c.name, "type": data_type(&c.values), "nullable": !c.required, "metadata": metadata })
}

fn data_type(values: &Values) -> Value {
    match values {
        Values::Text(_) | Values::Json(_) | Values::Enum { .. } => json!("string"),
        Values::Date(_) => json!("date"),
        Values::Integer(_) => json!("long"),
        Values::Number(_) => json!("double"),
        Values::Boolean(_) => json!("boolean"),
        // List elements are non-null (`element` is required in the Parquet schema).
        Values::List { items, .. } => {
            json!({ "type": "array", "elementType": data_type(&items.values), "containsNull": false })
        }
        Values::Objects { members, .. } => {
            json!({ "type": "array", "elementType": struct_type(members), "containsNull": false })
        }
    }
}
