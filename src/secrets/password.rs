//! Password (and security-answer) hashing with argon2id at the OWASP parameters
//! (m = 19 MiB, t = 2, p = 1), on blocking threads, behind a semaphore sized to the cores
//! so a log-in storm queues log-ins and leaves every other page fast.

use std::sync::Arc;

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use tokio::sync::{OnceCell, Semaphore};

/// Hashes and verifies; cheap to clone.
#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    /// A real hash of a random password: verifying against it costs what a real
    /// verification costs, so unknown accounts take as long as known ones. Computed in
    /// the background at start, so start-up does not wait for it.
    dummy: Arc<OnceCell<String>>,
}

impl std::fmt::Debug for Hasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hasher")
            .field("available", &self.permits.available_permits())
            .finish()
    }
}

impl Hasher {
    /// `concurrency` hashes at once (0 = one per core).
    pub fn new(concurrency: usize) -> Self {
        let n = if concurrency == 0 {
            std::thread::available_parallelism().map_or(2, |n| n.get())
        } else {
            concurrency
        };
        let hasher = Self {
            permits: Arc::new(Semaphore::new(n)),
            dummy: Arc::new(OnceCell::new()),
        };
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let warm = hasher.clone();
            runtime.spawn(async move {
                warm.dummy_hash().await;
            });
        }
        hasher
    }

    async fn dummy_hash(&self) -> String {
        self.dummy
            .get_or_init(|| async {
                let (random, _) = crate::secrets::token::generate();
                tokio::task::spawn_blocking(move || hash_blocking(&random))
                    .await
                    .ok()
                    .and_then(Result::ok)
                    .unwrap_or_default()
            })
            .await
            .clone()
    }

    /// Hashes `secret` into a PHC string.
    pub async fn hash(&self, secret: String) -> Result<String, String> {
        let _permit = self.permits.acquire().await.map_err(|e| e.to_string())?;
        tokio::task::spawn_blocking(move || hash_blocking(&secret))
            .await
            .map_err(|e| e.to_string())?
    }

    /// Whether `secret` matches `phc`; with `None` it verifies against the dummy hash
    /// and returns false, taking the same time.
    pub async fn verify(&self, secret: String, phc: Option<String>) -> bool {
        let Ok(_permit) = self.permits.acquire().await else {
            return false;
        };
        let known = phc.is_some();
        let phc = match phc {
            Some(p) => p,
            None => self.dummy_hash().await,
        };
        let matched = tokio::task::spawn_blocking(move || {
            Argon2::default()
                .verify_password(secret.as_bytes(), phc.as_str())
                .is_ok()
        })
        .await
        .unwrap_or(false);
        known && matched
    }
}

/// Hashes `secret` on the calling thread (command-line tools; the server uses
/// [`Hasher::hash`]).
pub fn hash_blocking(secret: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(secret.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_unknown_never_matches() {
        let hasher = Hasher::new(1);
        let phc = hasher.hash("Kranich-Dachrinne-47".into()).await.unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(
            hasher
                .verify("Kranich-Dachrinne-47".into(), Some(phc.clone()))
                .await
        );
        assert!(!hasher.verify("wrong".into(), Some(phc)).await);
        assert!(!hasher.verify("anything".into(), None).await);
    }
}
