//! The control socket's server side: listens on `<data_dir>/osc.sock` (mode 0600, so only
//! the server's user may connect), answers each connection's one request with
//! [`super::commands::run`], and removes the socket when the server stops.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::UnixListener;
use tokio::sync::watch;

use super::commands::{self, Target};
use super::{Reply, Request, SOCKET};

/// The largest request read (a staff account's fields and password fit many times).
const MAX_REQUEST: u64 = 64 * 1024;

/// Why the socket could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum ControlError {
    #[error("another osc server is running on {0} (its control socket answers)")]
    AlreadyRunning(PathBuf),
    #[error("cannot open the control socket {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Opens the socket in `data_dir`: a stale one of a server that died is removed first; one
/// that answers means another server runs there.
pub fn bind(data_dir: &Path) -> Result<UnixListener, ControlError> {
    let path = data_dir.join(SOCKET);
    let io = |source| ControlError::Io {
        path: path.clone(),
        source,
    };
    if path.exists() {
        if std::os::unix::net::UnixStream::connect(&path).is_ok() {
            return Err(ControlError::AlreadyRunning(path));
        }
        std::fs::remove_file(&path).map_err(io)?;
    }
    // Made owner-only before anyone can connect: bound inside a private (0700) directory,
    // narrowed to 0600, then moved into place.
    let private = tempfile::Builder::new()
        .prefix(".osc-control-")
        .tempdir_in(data_dir)
        .map_err(io)?;
    let inside = private.path().join(SOCKET);
    let listener = UnixListener::bind(&inside).map_err(io)?;
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&inside, std::fs::Permissions::from_mode(0o600)).map_err(io)?;
    }
    std::fs::rename(&inside, &path).map_err(io)?;
    Ok(listener)
}

/// Serves the socket of `data_dir` until `shutdown` turns true, then removes it.
pub async fn serve(
    (listener, data_dir): (UnixListener, PathBuf),
    target: Arc<Target>,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let target = target.clone();
                tokio::spawn(async move {
                    if let Err(e) = answer(stream, &target).await {
                        tracing::warn!(error = %e, "control socket: a command failed to answer");
                    }
                });
            }
            _ = shutdown.wait_for(|stop| *stop) => break,
        }
    }
    let _ = std::fs::remove_file(data_dir.join(SOCKET));
}

async fn answer(stream: tokio::net::UnixStream, target: &Target) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut line = String::new();
    BufReader::new(read.take(MAX_REQUEST))
        .read_line(&mut line)
        .await?;
    let reply = match serde_json::from_str::<Request>(&line) {
        Ok(request) => {
            // The request itself may hold a password: only its kind is logged.
            tracing::info!(command = request.name(), "control socket");
            commands::run(target, request).await
        }
        Err(_) => Reply::Failed("the control socket did not understand the request".to_owned()),
    };
    let mut out = serde_json::to_vec(&reply).unwrap_or_default();
    out.push(b'\n');
    write.write_all(&out).await?;
    write.shutdown().await
}
