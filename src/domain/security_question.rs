//! The curated security questions used for password recovery. Stored by id; shown
//! through the translation `security-question-<id>`.

use super::FieldError;

/// The ids of the questions, in the order the form offers them.
pub const QUESTIONS: [&str; 8] = [
    "first-pet",
    "childhood-street",
    "first-school",
    "parents-met",
    "first-car",
    "childhood-friend",
    "first-job",
    "favourite-teacher",
];

/// Shortest answer accepted.
pub const MIN_ANSWER_CHARS: usize = 3;

/// One of [`QUESTIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecurityQuestion(&'static str);

impl SecurityQuestion {
    /// Parses a question id from a form.
    pub fn parse(id: &str) -> Result<Self, FieldError> {
        if id.trim().is_empty() {
            return Err("field-choose");
        }
        QUESTIONS
            .iter()
            .find(|q| **q == id.trim())
            .map(|q| SecurityQuestion(q))
            .ok_or("security-question-unknown")
    }

    /// The question's id.
    pub fn id(self) -> &'static str {
        self.0
    }

    /// The message id of the question's text.
    pub fn message_id(self) -> String {
        format!("security-question-{}", self.0)
    }

    /// The question a recovery form shows for an unknown e-mail: always the same one for
    /// the same address, so that asking twice reveals nothing, and drawn with the
    /// instance's secret `key`, so that nobody outside can compute it and tell a decoy
    /// from a real account's question.
    pub fn decoy_for(email: &str, key: &[u8; 32]) -> Self {
        use sha2::{Digest, Sha256};
        let digest = Sha256::new()
            .chain_update(key)
            .chain_update(email.trim().to_lowercase().as_bytes())
            .finalize();
        SecurityQuestion(QUESTIONS[usize::from(digest[0]) % QUESTIONS.len()])
    }
}

/// Checks an answer's length; the answer is compared folded (case and accents ignored).
pub fn parse_answer(answer: &str) -> Result<String, FieldError> {
    let folded = crate::domain::fold::fold(answer);
    if folded.is_empty() {
        return Err("field-required");
    }
    if folded.chars().count() < MIN_ANSWER_CHARS {
        return Err("security-answer-too-short");
    }
    if folded.chars().count() > 100 {
        return Err("field-too-long");
    }
    Ok(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_parse() {
        assert_eq!(
            SecurityQuestion::parse("first-pet").unwrap().id(),
            "first-pet"
        );
        assert_eq!(
            SecurityQuestion::parse("favourite-colour"),
            Err("security-question-unknown")
        );
    }

    #[test]
    fn decoy_is_stable_per_address_and_depends_on_the_key() {
        let key = [7; 32];
        assert_eq!(
            SecurityQuestion::decoy_for("x@example.com", &key),
            SecurityQuestion::decoy_for(" X@Example.com", &key)
        );
        let differing = (0..32u8)
            .filter(|i| {
                let email = format!("ghost{i}@example.com");
                SecurityQuestion::decoy_for(&email, &key)
                    != SecurityQuestion::decoy_for(&email, &[8; 32])
            })
            .count();
        assert!(differing > 16, "{differing} of 32");
    }

    #[test]
    fn answers_fold_and_need_three_characters() {
        assert_eq!(parse_answer("  Bäcker  Straße ").unwrap(), "backer strasse");
        assert_eq!(parse_answer("ab"), Err("security-answer-too-short"));
    }
}
