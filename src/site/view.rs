//! The site's one entry point into the published table model (`export::table::Model`): record
//! ids, labels, the fields a page shows (partial dates as written, not their derived columns),
//! and every reference in both directions, resolved once.
//!
//! Nothing else in `src/site/` looks at `Values` directly, so that the redesign of the model
//! (issue 11) changes this file only.

use crate::dates::Day;
use crate::export::table::{Column, Frame, Model, Values};
use crate::hash::FastMap;

/// A record: its table (index into `model.tables`) and row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rec {
    pub table: usize,
    pub row: usize,
}

/// One field of a table as pages show it: the column holding it and, for a partial date,
/// the columns of its first and last day.
#[derive(Debug, Clone)]
pub struct FieldCol {
    pub column: usize,
    pub span: Option<(usize, usize)>,
}

/// A value as a page shows it.
#[derive(Debug, Clone)]
pub enum Shown<'m> {
    Text(&'m str),
    /// A partial date, as written.
    Date(&'m str),
    /// A value from the schema's closed vocabulary.
    Word(&'m str),
    Other(String),
    /// An id of another record; `None` when it resolves to nothing (never in a valid dataset).
    Ref(&'m str, Option<Rec>),
    List(Vec<Shown<'m>>),
    /// Arrays of objects (citations): each object's members, by name.
    Objects(Vec<Vec<(&'m str, Shown<'m>)>>),
}

/// A record that points at another one: from `from`, through field `field` (a column name),
/// with the citation's locator when the reference is a citation.
#[derive(Debug, Clone)]
pub struct Back<'m> {
    pub from: Rec,
    pub field: &'m str,
    pub locator: Option<&'m str>,
}

pub struct View<'m> {
    pub model: &'m Model<'m>,
    pub fields: Vec<Vec<FieldCol>>,
    ids: FastMap<&'m str, Rec>,
    /// `[table][row]`: who points here, in table, row and field order.
    back: Vec<Vec<Vec<Back<'m>>>>,
}

impl<'m> View<'m> {
    pub fn new(model: &'m Model) -> View<'m> {
        let fields = model.tables.iter().map(field_cols).collect();
        let mut ids = FastMap::default();
        for (t, frame) in model.tables.iter().enumerate() {
            if let Some(Values::Text(keys)) = key_column(frame).map(|c| &c.values) {
                for (row, id) in keys.iter().enumerate() {
                    if let Some(id) = id {
                        ids.insert(id, Rec { table: t, row });
                    }
                }
            }
        }
        let mut view = View { model, fields, ids, back: Vec::new() };
        view.back = view.reverse();
        view
    }

    pub fn frame(&self, table: usize) -> &'m Frame<'m> {
        &self.model.tables[table]
    }

    pub fn table_index(&self, name: &str) -> Option<usize> {
        self.model.tables.iter().position(|t| t.name == name)
    }

    pub fn resolve(&self, id: &str) -> Option<Rec> {
        self.ids.get(id).copied()
    }

    pub fn id(&self, r: Rec) -> &'m str {
        match key_column(self.frame(r.table)).map(|c| &c.values) {
            Some(Values::Text(v)) => v.get(r.row).unwrap_or(""),
            _ => "",
        }
    }

    /// Path of the record's page, relative to the site root.
    pub fn href(&self, r: Rec) -> String {
        format!("{}/{}", self.frame(r.table).name, self.file_name(r))
    }

    /// Name of the record's page in its table's folder.
    pub fn file_name(&self, r: Rec) -> String {
        format!("{}.html", self.id(r))
    }

    /// The record's full title: its `name` or `title`, else its id.
    pub fn title(&self, r: Rec) -> &'m str {
        self.first_text(r, &["name", "title"]).unwrap_or_else(|| self.id(r))
    }

    /// A short label for charts and lists: `short_name` or `abbreviation`, else the title.
    pub fn short(&self, r: Rec) -> &'m str {
        self.first_text(r, &["short_name", "abbreviation"]).unwrap_or_else(|| self.title(r))
    }

    pub fn first_text(&self, r: Rec, names: &[&str]) -> Option<&'m str> {
        names.iter().find_map(|n| self.text(r, n))
    }

    /// A flat text or enum value of the field `name`.
    pub fn text(&self, r: Rec, name: &str) -> Option<&'m str> {
        let c = self.column(r.table, name)?;
        match &c.values {
            Values::Text(v) => v.get(r.row),
            Values::Enum { categories, keys } => keys.get(r.row).map(|k| categories[k as usize].as_str()),
            _ => None,
        }
    }

    pub fn column(&self, table: usize, name: &str) -> Option<&'m Column<'m>> {
        self.frame(table).columns.iter().find(|c| c.name == name)
    }

    /// The first partial-date field of the table, if it has one.
    pub fn date_field(&self, table: usize) -> Option<&FieldCol> {
        self.fields[table].iter().find(|f| f.span.is_some())
    }

    /// The record's first partial date: as written, first day, last day.
    pub fn date(&self, r: Rec) -> Option<(&'m str, Day, Day)> {
        let f = self.date_field(r.table)?;
        let (s, e) = f.span?;
        let cols = &self.frame(r.table).columns;
        let text = match &cols[f.column].values {
            Values::Text(v) => v.get(r.row)?,
            _ => return None,
        };
        match (&cols[s].values, &cols[e].values) {
            (Values::Date(a), Values::Date(b)) => Some((text, a.get(r.row)?, b.get(r.row)?)),
            _ => None,
        }
    }

    /// The value of field `f` of record `r`, or `None` when the record has none.
    pub fn value(&self, r: Rec, f: &FieldCol) -> Option<Shown<'m>> {
        let c = &self.frame(r.table).columns[f.column];
        if f.span.is_some() {
            return match &c.values {
                Values::Text(v) => v.get(r.row).map(Shown::Date),
                _ => None,
            };
        }
        self.cell(c, r.row)
    }

    /// Element `i` of column `c` (a row, or an element of a nested column).
    fn cell(&self, c: &'m Column<'m>, i: usize) -> Option<Shown<'m>> {
        let shown = match &c.values {
            Values::Text(v) => {
                let s = v.get(i)?;
                match &c.references {
                    Some(_) => Shown::Ref(s, self.resolve(s)),
                    None => Shown::Text(s),
                }
            }
            Values::Enum { categories, keys } => Shown::Word(&categories[keys.get(i)? as usize]),
            Values::List { rows, items } => {
                let span = rows.get(i)?;
                Shown::List(span.filter_map(|j| self.cell(items, j)).collect())
            }
            Values::Objects { rows, members } => {
                let span = rows.get(i)?;
                Shown::Objects(
                    span.map(|j| members.iter().filter_map(|m| Some((m.name.as_str(), self.cell(m, j)?))).collect())
                        .collect(),
                )
            }
            other => Shown::Other(other.text(i)?),
        };
        Some(shown)
    }

    /// Every record pointing at `r`.
    pub fn back(&self, r: Rec) -> &[Back<'m>] {
        &self.back[r.table][r.row]
    }

    fn reverse(&self) -> Vec<Vec<Vec<Back<'m>>>> {
        let mut back: Vec<Vec<Vec<Back<'m>>>> = self.model.tables.iter().map(|t| vec![Vec::new(); t.rows]).collect();
        for (t, frame) in self.model.tables.iter().enumerate() {
            for c in &frame.columns {
                for row in 0..frame.rows {
                    let from = Rec { table: t, row };
                    for (id, locator) in references(c, row) {
                        if let Some(to) = self.resolve(id) {
                            back[to.table][to.row].push(Back { from, field: &c.name, locator });
                        }
                    }
                }
            }
        }
        back
    }
}

fn text<'a>(v: &'a Values<'_>, i: usize) -> Option<&'a str> {
    match v {
        Values::Text(v) => v.get(i),
        _ => None,
    }
}

/// The ids that row `row` of column `c` references, with the locator of a citation.
fn references<'a>(c: &'a Column<'_>, row: usize) -> Vec<(&'a str, Option<&'a str>)> {
    match &c.values {
        Values::Text(v) if c.references.is_some() => v.get(row).map(|s| (s, None)).into_iter().collect(),
        Values::List { rows, items } if items.references.is_some() => {
            rows.get(row).into_iter().flatten().filter_map(|j| text(&items.values, j).map(|s| (s, None))).collect()
        }
        Values::Objects { rows, members } => {
            let Some(key) = members.iter().find(|m| m.references.is_some()) else { return Vec::new() };
            let locator = members.iter().find(|m| m.references.is_none());
            rows.get(row)
                .into_iter()
                .flatten()
                .filter_map(|j| Some((text(&key.values, j)?, locator.and_then(|l| text(&l.values, j)))))
                .collect()
        }
        _ => Vec::new(),
    }
}

fn key_column<'a, 'd>(frame: &'a Frame<'d>) -> Option<&'a Column<'d>> {
    let key = frame.primary_key.first()?;
    frame.columns.iter().find(|c| &c.name == key)
}

/// The fields of a frame: every column but the derived `_start`, `_end` and `_precision` of a
/// partial date, which travel with the date's text column.
fn field_cols(frame: &Frame) -> Vec<FieldCol> {
    let cols = &frame.columns;
    let find = |name: String| cols.iter().position(|c| c.name == name);
    let mut out = Vec::new();
    let mut skip = Vec::new();
    for (i, c) in cols.iter().enumerate() {
        if skip.contains(&i) {
            continue;
        }
        let start = find(format!("{}_start", c.name)).filter(|&s| matches!(cols[s].values, Values::Date(_)));
        let end = find(format!("{}_end", c.name));
        let span = match (start, end) {
            (Some(s), Some(e)) => {
                skip.extend([s, e]);
                skip.extend(find(format!("{}_precision", c.name)));
                Some((s, e))
            }
            _ => None,
        };
        out.push(FieldCol { column: i, span });
    }
    out
}
