//! Documentation of the load rules (`L` codes): problems that stop a file becoming records.

use crate::diagnostic::{RuleDoc, Severity};

pub static INVALID_UTF8: RuleDoc = RuleDoc {
    code: "L001",
    name: "invalid-utf8",
    severity: Severity::Error,
    summary: "The file is not valid UTF-8.",
    explanation: "## What it does\nReports the first byte where the file stops being valid UTF-8.\n\n## Why is this bad?\nJSON text exchanged between systems must be UTF-8 (RFC 8259 §8.1). A file in Latin-1 or UTF-16, or one cut in the middle of a character, is read differently by every tool.\n\n## Example\nA file saved as Windows-1252 with `Tehran–Moscow` in it: the en dash is byte 0x96, which is not UTF-8. Re-save the file as UTF-8.",
};

pub static BOM: RuleDoc = RuleDoc {
    code: "L002",
    name: "utf8-bom",
    severity: Severity::Error,
    summary: "The file starts with a UTF-8 byte-order mark.",
    explanation: "## What it does\nReports a file that starts with the bytes EF BB BF (a byte-order mark). The rest of the file is still checked.\n\n## Why is this bad?\nRFC 8259 forbids emitting a BOM in JSON, and many parsers (serde_json, Python's json.loads) reject it. Records are stored as UTF-8 without BOM.\n\n## Example\nA file saved by an editor set to \"UTF-8 with BOM\". Run `isca fmt`, which rewrites it without the mark.",
};

pub static EMPTY: RuleDoc = RuleDoc {
    code: "L003",
    name: "empty-file",
    severity: Severity::Error,
    summary: "The file holds no JSON value.",
    explanation: "## What it does\nReports a record file that is empty or holds only whitespace.\n\n## Why is this bad?\nA record file must hold exactly one record. An empty file is usually a failed save or an unfinished `isca new`.\n\n## Example\n`dataset/events/evt-2021-x.json` of 0 bytes. Delete it or fill it in.",
};

pub static SYNTAX: RuleDoc = RuleDoc {
    code: "L004",
    name: "json-syntax",
    severity: Severity::Error,
    summary: "The file is not well-formed JSON.",
    explanation: "## What it does\nReports the first syntax error and where it is: a missing comma, a trailing comma, an unquoted key, a comment, an invalid escape or a lone surrogate.\n\n## Why is this bad?\nNothing after a syntax error can be trusted, so the file is skipped; the rest of the dataset is still checked.\n\n## Example\n```json\n{\"id\": \"evt-x\", \"kind\": \"signing\",}\n```\nThe trailing comma before `}` is not JSON.",
};

pub static DUPLICATE_KEY: RuleDoc = RuleDoc {
    code: "L005",
    name: "duplicate-key",
    severity: Severity::Error,
    summary: "An object has the same key twice.",
    explanation: "## What it does\nReports the second occurrence of a key in one object and says where the first one is.\n\n## Why is this bad?\nMost parsers keep the last value silently (serde_json, Python, JavaScript), some keep the first; either way one of the two values is lost without a word (I-JSON, RFC 7493 §2.3).\n\n## Example\n```json\n{\"id\": \"agr-x\", \"status\": \"signed\", \"status\": \"proposed\"}\n```\nKeep one `status`.",
};

pub static TOO_DEEP: RuleDoc = RuleDoc {
    code: "L006",
    name: "nesting-too-deep",
    severity: Severity::Error,
    summary: "Arrays or objects are nested deeper than the fixed limit.",
    explanation: "## What it does\nStops reading a file whose arrays and objects nest deeper than 64 levels.\n\n## Why is this bad?\nNo record needs more than a few levels. Absurd nesting is a corrupted or hostile file, and unbounded recursion would crash the reader.\n\n## Example\n`[[[[[[…]]]]]]` with thousands of brackets.",
};

pub static UNSAFE_NUMBER: RuleDoc = RuleDoc {
    code: "L007",
    name: "unsafe-number",
    severity: Severity::Error,
    summary: "A number is outside ±2^53 and cannot be represented exactly.",
    explanation: "## What it does\nReports numbers whose magnitude exceeds 2^53 (9007199254740992), including ones too large for a 64-bit float.\n\n## Why is this bad?\nJavaScript, pandas float columns and many JSON readers round such numbers silently (I-JSON, RFC 7493 §2.2), so the published value would differ from the record.\n\n## Example\n`\"votes\": 123456789012345678901`. If the value is an identifier, store it as a string.",
};

pub static TRAILING: RuleDoc = RuleDoc {
    code: "L008",
    name: "trailing-content",
    severity: Severity::Error,
    summary: "There is content after the end of the record.",
    explanation: "## What it does\nReports anything but whitespace after the record's closing brace.\n\n## Why is this bad?\nA record file holds exactly one record. Trailing content is usually a bad merge or two records pasted into one file; some parsers ignore it and some fail.\n\n## Example\n```json\n{\"id\": \"pty-rus\"}\n{\"id\": \"pty-irn\"}\n```\nPut each record in its own file (or use a `.jsonl` file, one record per line).",
};

pub static UNREADABLE: RuleDoc = RuleDoc {
    code: "L009",
    name: "unreadable-file",
    severity: Severity::Error,
    summary: "A file in the dataset could not be read.",
    explanation: "## What it does\nReports a record file that exists but cannot be read (permissions, I/O error) or is larger than the 64 MiB limit for one record file, or that changed into a link or a special file while the run was reading it.\n\n## Why is this bad?\nIts records would silently be missing from the checks and the published data.\n\n## Example\nA file with mode 000. Fix its permissions.",
};

pub static STRAY_FILE: RuleDoc = RuleDoc {
    code: "L010",
    name: "stray-file",
    severity: Severity::Warning,
    summary: "A file or folder under dataset/ is not a record.",
    explanation: "## What it does\nWarns about files and folders under `dataset/` that are not read: files without a `.json` or `.jsonl` extension, folders inside a table folder, folders that are not a table, files at the top of `dataset/`.\n\n## Why is this bad?\nA record saved as `evt-x.JSON` or `evt-x.json.bak`, or a table folder with a typo, would be silently left out of the dataset.\n\n## Example\n`dataset/event/evt-x.json`: there is no table `event` (did you mean `events`?).",
};

pub static SYMLINK: RuleDoc = RuleDoc {
    code: "L011",
    name: "symbolic-link",
    severity: Severity::Error,
    summary: "A symbolic link under dataset/ or schema/; it is not followed.",
    explanation: "## What it does\nReports every symbolic link inside `dataset/` or `schema/` (a record, a `.jsonl` file, a table folder or a schema) and never follows it, whether it points inside the root, outside it, or nowhere.\n\n## Why is this bad?\nThe dataset comes from contributions validated in CI. A link reads a file that is not part of the contribution: `evt-x.json -> /proc/self/environ` would print the CI secrets in the report, and a record outside the root would be published as if it were reviewed. Records are plain files in the repository.\n\n## Example\n`dataset/events/evt-env.json -> /proc/self/environ`. Replace the link with the record file itself.",
};

pub static SPECIAL_FILE: RuleDoc = RuleDoc {
    code: "L012",
    name: "special-file",
    severity: Severity::Error,
    summary: "A FIFO, socket or device under dataset/ or schema/; it is not opened.",
    explanation: "## What it does\nReports a named pipe (FIFO), socket, or block or character device inside `dataset/` or `schema/`, without opening it.\n\n## Why is this bad?\nReading a FIFO waits for a writer that never comes, so the run would hang; a device such as `/dev/zero` never ends. Only regular files hold records.\n\n## Example\n`mkfifo dataset/events/evt-x.json`. Delete it.",
};

pub static TABLE_FOLDER: RuleDoc = RuleDoc {
    code: "L013",
    name: "missing-table-folder",
    severity: Severity::Error,
    summary: "A table declared in schema/ has no folder in dataset/, or it is not a folder.",
    explanation: "## What it does\nReports a table that has a schema `schema/<table>.schema.json` but no folder `dataset/<table>/`, or where `dataset/<table>` is a file.\n\n## Why is this bad?\nThe table would be published empty without a word: a deleted or renamed folder would silently remove every record of that table from the release.\n\n## Example\n`dataset/events` renamed to `dataset/Events`. Rename it back; an empty table is an empty folder (with a `.gitkeep`).",
};

pub static EXTENSION_CASE: RuleDoc = RuleDoc {
    code: "L014",
    name: "extension-case",
    severity: Severity::Error,
    summary: "A record file's extension is not in lower case (`.JSON`, `.Jsonl`).",
    explanation: "## What it does\nReports a file in a table folder whose extension is `json` or `jsonl` in any case but lower case.\n\n## Why is this bad?\nOnly `.json` and `.jsonl` files are read, so the record would be left out of the checks and the release; on a case-insensitive file system it would also clash with the lower-case name.\n\n## Example\n`dataset/events/evt-2021-x.JSON`. Rename it to `evt-2021-x.json`.",
};

pub static HIDDEN_RECORD: RuleDoc = RuleDoc {
    code: "L015",
    name: "hidden-record",
    severity: Severity::Error,
    summary: "A record file's name starts with a dot, so it is hidden and not read.",
    explanation: "## What it does\nReports a file in `dataset/` whose name starts with a dot and ends in `.json` or `.jsonl` (in any case). Other hidden files, such as `.gitkeep`, are ignored.\n\n## Why is this bad?\nHidden files are not read, so the record would silently be missing from the checks and the release, while reviewers may not see it in a file listing.\n\n## Example\n`dataset/events/.evt-2021-x.json`. Rename it to `evt-2021-x.json`.",
};

pub static EMPTY_DATASET: RuleDoc = RuleDoc {
    code: "L016",
    name: "empty-dataset",
    severity: Severity::Error,
    summary: "dataset/ holds no record file at all.",
    explanation: "## What it does\nReports a `dataset/` folder in which no table folder holds a `.json` or `.jsonl` file.\n\n## Why is this bad?\nA release of nothing replaces the previous one; an empty dataset is a broken checkout or a wrong root, not data.\n\n## Example\n`isca validate` run in a fresh clone whose records are Git LFS pointers that were never fetched, or with the wrong folder as ROOT.",
};

pub static LINE_TOO_LONG: RuleDoc = RuleDoc {
    code: "L017",
    name: "line-too-long",
    severity: Severity::Error,
    summary: "A line of a JSON Lines file is longer than the 64 MiB limit for one record.",
    explanation: "## What it does\nReports a line of a `.jsonl` file longer than 64 MiB and skips it, without holding it in memory; the following lines are still read.\n\n## Why is this bad?\nNo record is that large; such a line is a corrupted file, a binary pasted in, or an attempt to exhaust the validator's memory. The same limit applies to a `.json` record file.\n\n## Example\nA `.jsonl` file holding a disk image with no line break.",
};

pub static INEXACT_NUMBER: RuleDoc = RuleDoc {
    code: "L020",
    name: "inexact-number",
    severity: Severity::Error,
    summary: "A number has more digits than a 64-bit float keeps.",
    explanation: "## What it does\nReports a number whose decimal value a 64-bit float (IEEE 754 double) cannot hold: more than about 17 significant digits, or an exponent so small that it reads as zero. `isca fmt` leaves such a file untouched.\n\n## Why is this bad?\nEvery reader of the published data (JavaScript, pandas, DuckDB, Parquet's DOUBLE) and `isca fmt` itself would store the nearest float instead, so the value would change silently between the record and the release.\n\n## Example\n`\"share\": 3.14159265358979323846264338` reads as `3.141592653589793`. Round it, or store it as a string if every digit matters.",
};

pub static TOO_MANY: RuleDoc = RuleDoc {
    code: "L021",
    name: "too-many-findings",
    severity: Severity::Error,
    summary: "A record has more findings than are reported; this one counts the rest.",
    explanation: "## What it does\nAfter the first 50 findings of one record (a `.json` file, or a line of a `.jsonl` file), reports one summary finding at the start of the record, \"N more findings in this record not listed\", instead of the rest. Its severity is the worst of the findings it stands for, so the exit code is the same as if every finding were listed.\n\n## Why is this bad?\nA record with thousands of findings is usually one mistake repeated (a pasted block, a generated file); listing each one would only bury the first, and would let a hostile file make the report, and the memory it takes, as large as it likes.\n\n## Example\nA file with the same key 20,000 times: 50 `L005` findings, and one `L021`: `19,950 more findings in this record not listed: only the first 50 are`.",
};

pub static ALL: &[&RuleDoc] = &[
    &INVALID_UTF8,
    &BOM,
    &EMPTY,
    &SYNTAX,
    &DUPLICATE_KEY,
    &TOO_DEEP,
    &UNSAFE_NUMBER,
    &TRAILING,
    &UNREADABLE,
    &STRAY_FILE,
    &SYMLINK,
    &SPECIAL_FILE,
    &TABLE_FOLDER,
    &EXTENSION_CASE,
    &HIDDEN_RECORD,
    &EMPTY_DATASET,
    &LINE_TOO_LONG,
    &INEXACT_NUMBER,
    &TOO_MANY,
];
