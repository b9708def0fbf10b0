//! `isca new TABLE ID`: scaffold `dataset/TABLE/ID.json` in canonical form, with a placeholder
//! in every required field. Refuses an unknown table, an invalid id and an id already used
//! anywhere in the dataset; never overwrites a file.

use std::io::Write;

use crate::catalog::Catalog;
use crate::cli::NewArgs;
use crate::error::{Error, Result};
use crate::index::Index;
use crate::text::did_you_mean;
use crate::{ExitStatus, atomic, canonical, fsio, load, scaffold, schema};

pub fn run(args: &NewArgs, out: &mut dyn Write) -> Result<ExitStatus> {
    let catalog = Catalog::load(&args.root.join("schema"))?;
    let Some(t) = catalog.index_of(&args.table) else {
        let names = catalog.names();
        let hint = match did_you_mean(&args.table, names.iter().copied()) {
            Some(s) => format!("did you mean `{s}`? "),
            None => String::new(),
        };
        return Err(Error::Usage(format!(
            "unknown table `{}`; {hint}the tables are: {}",
            args.table,
            names.join(", ")
        )));
    };
    let table = &catalog.tables[t];
    let id = args.id.as_str();
    scaffold::check_id(table, id).map_err(Error::Usage)?;

    let mut dataset = load::load(&args.root, &catalog)?.dataset;
    let used = |place: String| {
        Error::Usage(format!(
            "id `{id}` is already used by {place}; ids are unique across the dataset and never reused"
        ))
    };
    if let Some(r) = Index::build(&catalog, &dataset).get(id) {
        return Err(used(if r.line > 1 { format!("{}:{}", r.file, r.line) } else { r.file.to_string() }));
    }
    // A file of that name that does not parse holds no id the index could see.
    for other in &catalog.tables {
        let rel = format!("dataset/{}/{id}.json", other.name);
        // Anything of that name counts, a link or a FIFO included (`exists` would follow it).
        if std::fs::symlink_metadata(args.root.join(&rel)).is_ok() {
            return Err(used(rel));
        }
    }

    let rel = format!("dataset/{}/{id}.json", table.name);
    let validators = schema::Validators::compile(&catalog)?;
    let s = scaffold::scaffold(&catalog, &validators, &mut dataset, t, id, &rel);
    // The table folder is created if missing, but never followed if it is a link: the
    // loader reported it and read nothing there, and the record must land inside ROOT.
    let folder_rel = format!("dataset/{}", table.name);
    let folder = fsio::real_dir(&args.root, &folder_rel)
        .map_err(|e| Error::Unsafe { path: args.root.join(&folder_rel), reason: e.to_string() })?;
    let path = folder.join(format!("{id}.json"));
    atomic::create_new(&path, canonical::to_pretty(&s.value, &table.fields).as_bytes()).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists { used(rel.clone()) } else { Error::io(&path, e) }
    })?;

    let io = |e| Error::io("<stdout>", e);
    writeln!(out, "created {rel}").map_err(io)?;
    if !s.todo.is_empty() {
        writeln!(out, "fill in (`isca validate` flags each one until you do):").map_err(io)?;
        let width = s.todo.iter().map(|t| t.pointer.len()).max().unwrap_or(0);
        for todo in &s.todo {
            writeln!(out, "  {:<width$}  {}", todo.pointer, todo.hint).map_err(io)?;
        }
    }
    let optional: Vec<&str> = table.fields.iter().filter(|f| !f.required).map(|f| f.name.as_str()).collect();
    if !optional.is_empty() {
        writeln!(out, "optional fields: {}", optional.join(", ")).map_err(io)?;
    }
    writeln!(out, "then run `isca fmt` and `isca validate`").map_err(io)?;
    Ok(ExitStatus::Success)
}
