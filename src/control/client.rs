//! The control socket's client side, for `osc`: sends a request to the server running on
//! the data directory, if one does.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;

use super::{Reply, Request, SOCKET};

/// Where a command runs.
pub enum Answered {
    /// A server runs there and answered.
    ByServer(Reply),
    /// No server runs there (a stale socket of a dead one was removed): run it directly.
    NoServer,
}

/// Sends `request` to the server of `data_dir`, if one runs.
pub fn send(data_dir: &Path, request: &Request) -> std::io::Result<Answered> {
    let path = data_dir.join(SOCKET);
    let mut stream = match UnixStream::connect(&path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Answered::NoServer),
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionRefused => {
            // The socket of a server that died without removing it.
            std::fs::remove_file(&path)?;
            return Ok(Answered::NoServer);
        }
        Err(e) => return Err(e),
    };
    let mut line = serde_json::to_vec(request).map_err(std::io::Error::other)?;
    line.push(b'\n');
    stream.write_all(&line)?;
    let mut answer = String::new();
    BufReader::new(stream).read_line(&mut answer)?;
    serde_json::from_str(&answer)
        .map(Answered::ByServer)
        .map_err(|_| std::io::Error::other("the server's answer could not be read"))
}
