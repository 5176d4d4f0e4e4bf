//! Password (and security-answer) hashing with argon2id at the OWASP parameters
//! (m = 19 MiB, t = 2, p = 1), on blocking threads, behind a semaphore sized to the cores
//! so a log-in storm queues log-ins and leaves every other page fast.

use std::sync::Arc;

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use tokio::sync::Semaphore;

/// Hashes and verifies; cheap to clone.
#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    /// A real hash of a random password: verifying against it costs what a real
    /// verification costs, so unknown accounts take as long as known ones.
    dummy: Arc<String>,
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
        let (random, _) = super::token::generate();
        let dummy = hash_blocking(&random).expect("argon2 hashes a random string");
        Self {
            permits: Arc::new(Semaphore::new(n)),
            dummy: Arc::new(dummy),
        }
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
        let phc = phc.unwrap_or_else(|| (*self.dummy).clone());
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

fn hash_blocking(secret: &str) -> Result<String, String> {
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
