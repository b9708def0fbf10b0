//! The stdio transport: LSP's framed messages read from an input on a thread of their own,
//! and the server's messages written to the `Write` the caller gives, here on the calling
//! thread. The binary's stdout stays where `main` put it; the library never prints.

use std::io::{BufReader, Read, Write};

use lsp_server::{Connection, Message};

use crate::error::{Error, Result};

/// Serves one client reading `input` and writing `out` until it sends `exit` or hangs up.
pub fn run(input: impl Read + Send + 'static, out: &mut dyn Write) -> Result<()> {
    let (to_server, from_client) = crossbeam_channel::unbounded();
    let (to_client, from_server) = crossbeam_channel::unbounded();
    // The reader is detached: it may sit in a blocking read after the server is done, and
    // the process ends without waiting for it.
    std::thread::spawn(move || {
        let mut input = BufReader::new(input);
        while let Ok(Some(message)) = Message::read(&mut input) {
            let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
            if to_server.send(message).is_err() || exit {
                break;
            }
        }
    });
    let connection = Connection { sender: to_client, receiver: from_client };
    let io = |e| Error::io("<stdout>", e);
    std::thread::scope(|scope| {
        let server = scope.spawn(move || super::serve(&connection));
        // Ends when the server drops its sender, that is when it returns.
        for message in from_server {
            message.write(&mut &mut *out).map_err(io)?;
            out.flush().map_err(io)?;
        }
        match server.join() {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(Error::Usage(format!("isca lsp: {e}"))),
            Err(_) => Err(Error::Usage("isca lsp: the server stopped on an internal error".into())),
        }
    })
}
