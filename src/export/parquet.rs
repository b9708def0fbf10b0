//! `parquet/<table>.parquet`: an explicit Arrow schema derived from the model, one record batch,
//! `ArrowWriter`, and the mandatory `close()` that writes the footer.
//!
//! Types follow what pandas, polars, DuckDB, Spark and R read natively: `Utf8` strings,
//! `Dictionary(Int32, Utf8)` enums (categoricals), `Date32` dates, `List<Utf8>` and
//! `List<Struct>` arrays with the spec's `element` child name. Each field's schema description
//! sits in its Arrow field metadata (kept in the file's `ARROW:schema`) and in the Spark schema
//! (`spark.rs`); the table's description, licence and citation are file metadata. The bytes are
//! reproducible: pinned `created_by`, zstd level 3, rows in id order, and no timestamps.

use std::io::Write;
use std::ops::Range;
use std::sync::Arc;

use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, DictionaryArray, Float64Array, Int32Array, Int64Array, ListArray, RecordBatch,
    StringArray, StructArray,
};
use arrow_buffer::{NullBuffer, OffsetBuffer};
use arrow_schema::{ArrowError, DataType, Field, FieldRef, Fields, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::errors::ParquetError;
use parquet::file::metadata::KeyValue;
use parquet::file::properties::{EnabledStatistics, WriterProperties};

use super::table::{Column, Frame, Model, Spans, Values};
use super::{about, spark};

/// The `created_by` of every file: parquet-rs would put its own version here, so a dependency
/// bump alone would change the bytes.
pub const CREATED_BY: &str = "isca";

/// File key-value metadata keys.
pub const VERSION_KEY: &str = "isca.version";
pub const SCHEMA_HASH_KEY: &str = "isca.schema_sha256";
pub const TABLE_KEY: &str = "isca.table";
pub const DESCRIPTION_TABLE_KEY: &str = "isca.description";
pub const LICENSE_KEY: &str = "isca.license";
pub const LICENSE_URL_KEY: &str = "isca.license_url";
pub const CITATION_KEY: &str = "isca.citation";

/// Field metadata key of a column's description.
pub const DESCRIPTION_KEY: &str = "description";

/// Name of a list's child field, as the Parquet spec and pyarrow have it.
const ELEMENT: &str = "element";

/// Rows per row group. Readers prune whole row groups by their statistics, so a million-row
/// table must not be one group; 128 Ki rows keeps groups large enough to compress well.
/// Tables this small (the bundled dataset) stay one group, so their bytes do not change.
pub const ROW_GROUP_ROWS: usize = 128 * 1024;

/// Writes `frame` as one Parquet file into `out`.
pub fn write<W: Write + Send>(model: &Model, frame: &Frame, out: W) -> Result<(), ParquetError> {
    write_grouped(model, frame, out, ROW_GROUP_ROWS)
}

/// [`write`] with row groups of at most `group_rows` rows.
fn write_grouped<W: Write + Send>(model: &Model, frame: &Frame, out: W, group_rows: usize) -> Result<(), ParquetError> {
    let citation = about::citation(&model.version);
    let metadata = [
        (VERSION_KEY, model.version.as_str()),
        (SCHEMA_HASH_KEY, model.schema_sha256.as_str()),
        (TABLE_KEY, frame.name.as_str()),
        (DESCRIPTION_TABLE_KEY, frame.description.as_str()),
        (LICENSE_KEY, about::LICENSE_ID),
        (LICENSE_URL_KEY, about::LICENSE_URL),
        (CITATION_KEY, citation.as_str()),
    ];
    // In the Arrow schema for pyarrow and polars (`schema.metadata`), and in the file's
    // key-value metadata for readers without Arrow (DuckDB's `parquet_kv_metadata`).
    let fields = frame.columns.iter().map(field).collect::<Vec<_>>();
    let schema = Arc::new(Schema::new(fields).with_metadata(metadata));
    let mut metadata: Vec<KeyValue> =
        metadata.iter().map(|(k, v)| KeyValue::new(k.to_string(), v.to_string())).collect();
    // For Spark, which reads column descriptions from its own schema only.
    metadata.push(KeyValue::new(spark::ROW_METADATA_KEY.to_string(), spark::schema(&frame.columns)));
    let props = WriterProperties::builder()
        .set_created_by(CREATED_BY.to_string())
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(3)?))
        // Spec names for list children (`element`), so every reader agrees on the layout.
        .set_coerce_types(true)
        .set_key_value_metadata(Some(metadata))
        .set_max_row_group_row_count(Some(group_rows))
        // Min/max per column chunk and per page, for predicate pushdown (the default, stated
        // because readers' pruning depends on it).
        .set_statistics_enabled(EnabledStatistics::Page)
        .build();
    let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(props))?;
    // Batches are built just before they are written, so the Arrow copy of the table is one
    // batch at a time, not the whole table (a gigabyte at a million events). A batch is an
    // eighth of a group, never across a group boundary: the writer encodes each batch into
    // the group's pages as it comes, so the groups are the same as from one batch per group.
    let batch = (group_rows / 8).max(1);
    let mut start = 0;
    loop {
        let end = frame.rows.min(start + batch);
        let arrays = frame.columns.iter().map(|c| array(&c.values, start..end)).collect::<Result<Vec<_>, _>>()?;
        writer.write(&RecordBatch::try_new(schema.clone(), arrays)?)?;
        start = end;
        if start >= frame.rows {
            break;
        }
    }
    writer.close()?;
    Ok(())
}

/// The Arrow field of a column, its description in the field metadata.
pub fn field(column: &Column) -> Field {
    let f = Field::new(&column.name, data_type(&column.values), !column.required);
    if column.description.is_empty() { f } else { f.with_metadata([(DESCRIPTION_KEY, column.description.as_str())]) }
}

fn data_type(values: &Values) -> DataType {
    match values {
        Values::Text(_) | Values::Json(_) => DataType::Utf8,
        Values::Enum { .. } => DataType::Dictionary(Box::new(DataType::Int32), Box::new(DataType::Utf8)),
        Values::Date(_) => DataType::Date32,
        Values::Integer(_) => DataType::Int64,
        Values::Number(_) => DataType::Float64,
        Values::Boolean(_) => DataType::Boolean,
        Values::List { items, .. } => DataType::List(element(item_type(&items.values))),
        Values::Objects { members, .. } => DataType::List(element(DataType::Struct(members_fields(members)))),
    }
}

/// Lists of scalars are `List<Utf8>`, enums included: a dictionary inside a list is a
/// layout that not every reader restores.
fn item_type(values: &Values) -> DataType {
    match values {
        Values::Enum { .. } => DataType::Utf8,
        other => data_type(other),
    }
}

fn element(data_type: DataType) -> FieldRef {
    Arc::new(Field::new(ELEMENT, data_type, false))
}

fn members_fields(members: &[Column]) -> Fields {
    members.iter().map(field).collect()
}

/// The Arrow array of rows `at` of a column.
fn array(values: &Values, at: Range<usize>) -> Result<ArrayRef, ArrowError> {
    Ok(match values {
        Values::Text(v) => Arc::new(StringArray::from_iter(v.range(at))),
        Values::Json(_) => Arc::new(StringArray::from_iter(at.map(|i| values.text(i)))),
        Values::Enum { categories, keys } => {
            let keys = keys.range(at).map(|k| k.map(|k| k as i32)).collect::<Int32Array>();
            let dictionary = Arc::new(StringArray::from_iter_values(categories));
            Arc::new(DictionaryArray::<Int32Type>::try_new(keys, dictionary)?)
        }
        Values::Date(v) => Arc::new(Date32Array::from_iter(v.range(at))),
        Values::Integer(v) => Arc::new(Int64Array::from_iter(v.range(at))),
        Values::Number(v) => Arc::new(Float64Array::from_iter(v.range(at))),
        Values::Boolean(v) => Arc::new(BooleanArray::from_iter(v.range(at))),
        Values::List { rows, items } => {
            let inner = rows.elements_of(at.clone());
            let child = match &items.values {
                Values::Enum { .. } => Arc::new(StringArray::from_iter(inner.map(|i| items.values.text(i)))),
                other => array(other, inner)?,
            };
            list(rows, at, element(item_type(&items.values)), child)?
        }
        Values::Objects { rows, members } => {
            let inner = rows.elements_of(at.clone());
            let arrays = members.iter().map(|m| array(&m.values, inner.clone())).collect::<Result<Vec<_>, _>>()?;
            let structs = StructArray::try_new_with_length(members_fields(members), arrays, None, inner.len())?;
            list(rows, at, element(DataType::Struct(members_fields(members))), Arc::new(structs))?
        }
    })
}

/// The list array of rows `at`, whose elements are `child`.
fn list(rows: &Spans, at: Range<usize>, field: FieldRef, child: ArrayRef) -> Result<ArrayRef, ArrowError> {
    let spans = || at.clone().map(|i| rows.get(i));
    let lengths = spans().map(|r| r.map_or(0, |r| r.len()));
    let offsets = OffsetBuffer::<i32>::try_from_lengths(lengths)
        .map_err(|_| ArrowError::InvalidArgumentError("more list elements than i32 offsets hold".into()))?;
    let nulls = spans().any(|r| r.is_none()).then(|| NullBuffer::from_iter(spans().map(|r| r.is_some())));
    Ok(Arc::new(ListArray::try_new(field, offsets, child, nulls)?))
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use std::io::{Seek, SeekFrom};

    use parquet::file::reader::{FileReader, SerializedFileReader};

    use super::*;

    /// Row groups built one at a time read back as the whole table, nested columns (lists,
    /// lists of objects) included, whatever the group size.
    #[test]
    fn groups_written_one_at_a_time_read_back_as_the_whole_table() {
        use parquet::arrow::arrow_reader::ParquetRecordBatchReader;
        let v = crate::validate(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
        let model = Model::build(&v.catalog, &v.dataset).unwrap();
        for frame in &model.tables {
            for group_rows in [1, 7, ROW_GROUP_ROWS] {
                let mut file = tempfile::tempfile().unwrap();
                write_grouped(&model, frame, &mut file, group_rows).unwrap();
                file.seek(SeekFrom::Start(0)).unwrap();
                let batches: Vec<RecordBatch> =
                    ParquetRecordBatchReader::try_new(file, 1 << 20).unwrap().map(Result::unwrap).collect();
                let schema = batches[0].schema();
                let read = arrow_select::concat::concat_batches(&schema, &batches).unwrap();
                assert_eq!(read.num_rows(), frame.rows, "{} in groups of {group_rows}", frame.name);
                for (c, column) in frame.columns.iter().enumerate() {
                    let whole = array(&column.values, 0..frame.rows).unwrap();
                    assert_eq!(read.column(c).as_ref(), whole.as_ref(), "{}.{}", frame.name, column.name);
                }
            }
        }
    }

    /// Big tables are split into bounded row groups, each with min/max statistics, so readers
    /// can skip groups; a table under the bound stays one group.
    #[test]
    fn row_groups_are_bounded_and_carry_statistics() {
        let v = crate::validate(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap();
        let model = Model::build(&v.catalog, &v.dataset).unwrap();
        let frame = model.tables.iter().max_by_key(|t| t.rows).unwrap();
        assert!(frame.rows > 20, "the bundled dataset has a table of more than 20 rows");
        for (group_rows, groups) in [(10, frame.rows.div_ceil(10)), (ROW_GROUP_ROWS, 1)] {
            let mut file = tempfile::tempfile().unwrap();
            write_grouped(&model, frame, &mut file, group_rows).unwrap();
            file.seek(SeekFrom::Start(0)).unwrap();
            let reader = SerializedFileReader::new(file).unwrap();
            let meta = reader.metadata();
            assert_eq!(meta.num_row_groups(), groups, "row groups of {group_rows} rows");
            for g in meta.row_groups() {
                assert!(g.num_rows() as usize <= group_rows);
                let id = g.column(0);
                let stats = id.statistics().expect("the id column has statistics");
                assert!(stats.min_bytes_opt().is_some() && stats.max_bytes_opt().is_some());
            }
        }
    }
}
