//! `croissant.json`: the MLCommons Croissant 1.1 description (JSON-LD on schema.org/Dataset)
//! that dataset catalogues and `mlcroissant` read.
//!
//! The distribution is the CSV files, each with its SHA-256; there is one record set per table
//! and link table, with a field per flat column (its type, description and source column), the
//! primary key as the record set's `key` and every declared reference as the field's
//! `references`. CSV rather than Parquet because it is flat: lists are the link tables, as in the
//! Data Package, so the two descriptions agree on every relation.

use serde_json::{Map, Value, json};

use super::about;
use super::datapackage::{DESCRIPTION, TITLE, csv_path};
use super::sqlite::{foreign_keys, frames};
use super::staging::Written;
use super::table::{Column, Frame, Model, Values};

/// The Croissant version the description conforms to.
pub const CONFORMS_TO: &str = "http://mlcommons.org/croissant/1.1";

/// The JSON-LD context of the Croissant 1.1 specification.
fn context() -> Value {
    json!({
        "@language": "en",
        "@vocab": "https://schema.org/",
        "citeAs": "cr:citeAs",
        "column": "cr:column",
        "conformsTo": "dct:conformsTo",
        "cr": "http://mlcommons.org/croissant/",
        "rai": "http://mlcommons.org/croissant/RAI/",
        "data": { "@id": "cr:data", "@type": "@json" },
        "dataType": { "@id": "cr:dataType", "@type": "@vocab" },
        "dct": "http://purl.org/dc/terms/",
        "equivalentProperty": "cr:equivalentProperty",
        "examples": { "@id": "cr:examples", "@type": "@json" },
        "extract": "cr:extract",
        "field": "cr:field",
        "fileProperty": "cr:fileProperty",
        "fileObject": "cr:fileObject",
        "fileSet": "cr:fileSet",
        "format": "cr:format",
        "includes": "cr:includes",
        "isLiveDataset": "cr:isLiveDataset",
        "jsonPath": "cr:jsonPath",
        "key": "cr:key",
        "md5": "cr:md5",
        "parentField": "cr:parentField",
        "path": "cr:path",
        "recordSet": "cr:recordSet",
        "references": "cr:references",
        "regex": "cr:regex",
        "repeated": "cr:repeated",
        "replace": "cr:replace",
        "samplingRate": "cr:samplingRate",
        "sc": "https://schema.org/",
        "separator": "cr:separator",
        "source": "cr:source",
        "subField": "cr:subField",
        "transform": "cr:transform"
    })
}

/// The description, given the CSV files already written (for their hashes).
pub fn describe(model: &Model, written: &[Written]) -> Value {
    let distribution: Vec<Value> = frames(model)
        .filter_map(|f| written.iter().find(|w| w.path == csv_path(f)))
        .map(|w| {
            json!({
                "@type": "cr:FileObject",
                "@id": w.path,
                "name": w.path,
                "contentUrl": w.path,
                "contentSize": format!("{} B", w.bytes),
                "encodingFormat": "text/csv",
                "sha256": w.sha256,
            })
        })
        .collect();
    let record_sets: Vec<Value> = frames(model).map(|f| record_set(model, f)).collect();
    json!({
        "@context": context(),
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": "isca",
        "alternateName": TITLE,
        "description": DESCRIPTION,
        "version": model.version,
        "license": about::LICENSE_SPDX_URL,
        "url": about::HOMEPAGE,
        "creator": { "@type": "sc:Organization", "name": about::CREATOR, "url": about::HOMEPAGE },
        "citeAs": about::citation(&model.version),
        "keywords": ["information security", "international cooperation", "agreements", "treaties"],
        "distribution": distribution,
        "recordSet": record_sets,
    })
}

fn record_set(model: &Model, frame: &Frame) -> Value {
    let id = |column: &str| format!("{}/{column}", frame.name);
    // mlcroissant orders record sets by their references and fails on a cycle, which a
    // self-reference (`parties.parent`) is: those are left to `isca validate` and the other files.
    let references: Vec<(&str, String)> = foreign_keys(model, frame)
        .into_iter()
        .filter(|(_, target, _)| *target != frame.name)
        .map(|(c, target, key)| (c.name.as_str(), format!("{target}/{key}")))
        .collect();
    let fields: Vec<Value> = frame
        .columns
        .iter()
        .filter(|c| c.values.is_flat())
        .map(|c| {
            let mut f = field(frame, c, &id(&c.name));
            if let Some((_, target)) = references.iter().find(|(name, _)| *name == c.name) {
                f.insert("references".into(), json!({ "field": { "@id": target } }));
            }
            Value::Object(f)
        })
        .collect();
    let key: Vec<Value> = frame.primary_key.iter().map(|k| json!({ "@id": id(k) })).collect();
    json!({
        "@type": "cr:RecordSet",
        "@id": frame.name,
        "name": frame.name,
        "description": frame.description,
        "key": if key.len() == 1 { key[0].clone() } else { Value::Array(key) },
        "field": fields,
    })
}

fn field(frame: &Frame, c: &Column, id: &str) -> Map<String, Value> {
    let data_type = match c.values {
        Values::Date(_) => "sc:Date",
        Values::Integer(_) => "sc:Integer",
        Values::Number(_) => "sc:Float",
        Values::Boolean(_) => "sc:Boolean",
        _ => "sc:Text",
    };
    let mut f = Map::new();
    f.insert("@type".into(), json!("cr:Field"));
    f.insert("@id".into(), json!(id));
    f.insert("name".into(), json!(c.name));
    f.insert("description".into(), json!(c.description));
    f.insert("dataType".into(), json!(data_type));
    let source = json!({ "fileObject": { "@id": csv_path(frame) }, "extract": { "column": c.name } });
    f.insert("source".into(), source);
    f
}
