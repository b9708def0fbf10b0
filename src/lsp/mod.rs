//! `isca lsp`: the validator inside the editor, a Language Server Protocol server on the
//! same pipeline as `isca validate` (no second validator).
//!
//! `workspace` loads each dataset root with the loader and keeps it current one file at a
//! time from the editor's buffers; `diagnostics` turns the findings into LSP diagnostics;
//! `cursor` and `syntax` say what is under the cursor, for `definition`, `references`,
//! `hover`, `completion` and `rename`; `formatting` and `actions` reuse `isca fmt`'s plan and
//! `isca new`'s placeholders. `server` is the loop; it writes only to the connection.

mod actions;
mod capabilities;
mod completion;
mod cursor;
mod definition;
mod diagnostics;
mod document;
mod formatting;
mod hover;
mod lines;
mod links;
mod references;
mod rename;
mod server;
mod state;
mod syntax;
mod transport;
mod workspace;

pub use lsp_server::Connection;
pub use server::serve;
pub use transport::run as run_stdio;
