#!/usr/bin/env python3
"""Derives the peers' input layouts from an `isca synth --layout jsonl` root, so every tool
reads the same records:

  OUT/csv/<table>.csv + link tables   one CSV per table; every array field becomes a link
                                      table <table>_<field> (parent, value | citation, position)
  OUT/csv/datapackage.json            Frictionless descriptor from our schemas: types, required,
                                      enum, pattern, min/maxLength, format uri, primary keys,
                                      foreign keys for every x-references (link tables included)
  OUT/array/<table>.json              one JSON array per table (the best case of the
                                      single-document JSON Schema CLIs)
  OUT/schemas/<table>.array.schema.json  our record schema wrapped as {"type": "array"}
  OUT/qsv/<csv table>.schema.json     one CSV row's JSON Schema for `qsv validate`, from the
                                      same field descriptors: pattern, enum, lengths, uri,
                                      required; `dynamicEnum` (the target CSV's id column) for
                                      every foreign key, `uniqueCombinedWith` for the primary key

This stands in for `isca build`'s CSV + datapackage.json until that command exists; run.sh
uses isca build's output instead when it finds the command.

usage: prepare.py JSONL_ROOT OUT
"""
import csv
import json
import os
import sys


def load_schemas(root):
    out = {}
    for name in sorted(os.listdir(os.path.join(root, "schema"))):
        if name.endswith(".schema.json"):
            with open(os.path.join(root, "schema", name), encoding="utf-8") as f:
                out[name[: -len(".schema.json")]] = json.load(f)
    return out


def resolve(schema, prop):
    """The property's schema with a local $ref merged in (the property's own keys win)."""
    ref = prop.get("$ref", "")
    if ref.startswith("#/$defs/"):
        merged = dict(resolve(schema, schema["$defs"][ref[len("#/$defs/"):]]))
        merged.update({k: v for k, v in prop.items() if k != "$ref"})
        return merged
    return prop


def fields(schema):
    """(name, resolved schema) in declaration order."""
    return [(k, resolve(schema, v)) for k, v in schema["properties"].items()]


def constraints(s, required):
    c = {"required": True} if required else {}
    for key in ("enum", "pattern", "minLength", "maxLength"):
        if key in s:
            c[key] = s[key]
    return c


def field_desc(name, s, required):
    d = {"name": name, "type": "string"}
    if s.get("format") == "uri":
        d["format"] = "uri"
    c = constraints(s, required)
    if c:
        d["constraints"] = c
    return d


def layout(schemas):
    """Per CSV table: (columns, field descriptors, primary key, foreign keys, row maker)."""
    tables = {}
    for t, schema in schemas.items():
        req = set(schema.get("required", []))
        scalars = [(n, s) for n, s in fields(schema) if s.get("type") != "array"]
        fks = [{"fields": [n], "reference": {"resource": "" , "fields": ["id"]}
                if s["x-references"] == t else {"resource": s["x-references"], "fields": ["id"]}}
               for n, s in scalars if "x-references" in s]
        tables[t] = dict(columns=[n for n, _ in scalars],
                         fields=[field_desc(n, s, n in req) for n, s in scalars],
                         pk=["id"], fks=fks, source=(t, None, None))
        for n, s in fields(schema):
            if s.get("type") != "array":
                continue
            item = resolve(schema, s["items"])
            link = f"{t}_{n}"
            parent = {"fields": ["parent"], "reference": {"resource": t, "fields": ["id"]}}
            pos = {"name": "position", "type": "integer", "constraints": {"required": True, "minimum": 0}}
            par = {"name": "parent", "type": "string", "constraints": {"required": True}}
            if item.get("type") == "object":
                subs = list(item["properties"].items())
                cols = ["parent"] + [k for k, _ in subs] + ["position"]
                fl = [par] + [field_desc(k, v, k in item.get("required", [])) for k, v in subs] + [pos]
                fk = [parent] + [{"fields": [k], "reference": {"resource": v["x-references"], "fields": ["id"]}}
                                 for k, v in subs if "x-references" in v]
            else:
                cols = ["parent", "value", "position"]
                fl = [par, field_desc("value", item, True), pos]
                fk = [parent]
                if "x-references" in item:
                    fk.append({"fields": ["value"], "reference": {"resource": item["x-references"], "fields": ["id"]}})
            tables[link] = dict(columns=cols, fields=fl, pk=["parent", "position"], fks=fk, source=(t, n, item))
    return tables


def qsv_schema(name, spec, csv_dir):
    """The JSON Schema (2020-12) `qsv validate` checks each row of one CSV table against. qsv
    reads an empty cell as null, so an optional column also admits null."""
    props, required = {}, []
    targets = {fk["fields"][0]: fk["reference"]["resource"] or name for fk in spec["fks"]}
    for f in spec["fields"]:
        c = f.get("constraints", {})
        js = {"type": "integer"} if f["type"] == "integer" else {"type": "string"}
        for key in ("enum", "pattern", "minLength", "maxLength", "minimum"):
            if key in c:
                js[key] = c[key]
        if f.get("format") == "uri":
            js["format"] = "uri"
        if c.get("required"):
            required.append(f["name"])
        else:
            js["type"] = [js["type"], "null"]
            if "enum" in js:
                js["enum"] = js["enum"] + [None]
        if f["name"] in targets:
            lookup = os.path.join(csv_dir, targets[f["name"]] + ".csv") + "|id"
            if c.get("required"):
                js["dynamicEnum"] = lookup
            else:
                # qsv 16.1's dynamicEnum panics on a null (an empty optional cell): look up strings only.
                js["if"] = {"type": "string"}
                js["then"] = {"dynamicEnum": lookup}
        props[f["name"]] = js
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
            "properties": props, "required": required, "uniqueCombinedWith": spec["pk"]}


def main():
    root, out = sys.argv[1], sys.argv[2]
    schemas = load_schemas(root)
    tables = layout(schemas)
    for d in ("csv", "array", "schemas", "qsv"):
        os.makedirs(os.path.join(out, d), exist_ok=True)
    writers, handles = {}, []
    for name, spec in tables.items():
        f = open(os.path.join(out, "csv", name + ".csv"), "w", encoding="utf-8", newline="")
        handles.append(f)
        w = csv.writer(f, lineterminator="\n")
        w.writerow(spec["columns"])
        writers[name] = w
    for t, schema in schemas.items():
        links = [(name, spec) for name, spec in tables.items() if spec["source"][0] == t and spec["source"][1]]
        cols = tables[t]["columns"]
        src = os.path.join(root, "dataset", t, t + ".jsonl")
        with open(src, encoding="utf-8") as f, open(os.path.join(out, "array", t + ".json"), "w", encoding="utf-8") as arr:
            arr.write("[\n")
            first = True
            for line in f:
                if not line.strip():
                    continue
                arr.write(("" if first else ",\n") + line.rstrip("\n"))
                first = False
                rec = json.loads(line)
                writers[t].writerow([rec.get(c, "") for c in cols])
                for name, spec in links:
                    field, item = spec["source"][1], spec["source"][2]
                    for i, v in enumerate(rec.get(field, [])):
                        if item.get("type") == "object":
                            writers[name].writerow([rec["id"]] + [v.get(c, "") for c in spec["columns"][1:-1]] + [i])
                        else:
                            writers[name].writerow([rec["id"], v, i])
            arr.write("\n]\n")
        wrapped = {"$schema": schema["$schema"], "$defs": schema.get("$defs", {}), "type": "array",
                   "items": {k: v for k, v in schema.items() if k not in ("$schema", "$id", "$defs")}}
        with open(os.path.join(out, "schemas", t + ".array.schema.json"), "w", encoding="utf-8") as f:
            json.dump(wrapped, f, indent=2)
    for f in handles:
        f.close()
    resources = []
    for name, spec in tables.items():
        s = {"fields": spec["fields"], "primaryKey": spec["pk"]}
        if spec["fks"]:
            s["foreignKeys"] = spec["fks"]
        resources.append({"name": name, "path": name + ".csv", "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": s})
    with open(os.path.join(out, "csv", "datapackage.json"), "w", encoding="utf-8") as f:
        json.dump({"name": "isca-synthetic", "profile": "tabular-data-package", "resources": resources}, f, indent=2)
    csv_dir = os.path.abspath(os.path.join(out, "csv"))
    for name, spec in tables.items():
        with open(os.path.join(out, "qsv", name + ".schema.json"), "w", encoding="utf-8") as f:
            json.dump(qsv_schema(name, spec, csv_dir), f, indent=2)


if __name__ == "__main__":
    main()
