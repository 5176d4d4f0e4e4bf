//! The e-mails the portal writes, in the recipient's language. Each is a pair of Fluent
//! messages `mail-<name>-subject` and `mail-<name>-body`; every body ends with the same
//! signature naming the team and the instance.

use crate::config::Config;
use crate::i18n::{Lang, Translator, args};
use crate::store::mail_queue::OutgoingMail;

/// What composing a mail needs: the translations and the settings (branding, sender).
pub trait MailContext {
    /// Every language's messages.
    fn translator(&self) -> &Translator;
    /// The instance's settings.
    fn settings(&self) -> &Config;
}

/// `text` with at most one blank line between paragraphs: a placeable left empty (a link
/// a mail has not) leaves no gap.
fn paragraphs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines() {
        let empty = line
            .trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{2068}' | '\u{2069}'))
            .is_empty();
        if empty {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

/// Composes the mail `name` to `to` in `lang`; `values` fill the body's placeables
/// (`instance` and `team` are always available).
pub fn compose(
    state: &impl MailContext,
    lang: Lang,
    to: &str,
    name: &str,
    values: &[(&str, &str)],
) -> OutgoingMail {
    let (i18n, config) = (state.translator(), state.settings());
    let branding = &config.branding;
    let mut all: Vec<(&str, &str)> = vec![
        ("instance", branding.instance_name.as_str()),
        ("team", branding.team_name.as_str()),
        ("contact", branding.contact_email.as_str()),
    ];
    all.extend_from_slice(values);
    let a = args(&all);
    let subject = i18n.t_args(lang, &format!("mail-{name}-subject"), &a);
    let body = paragraphs(&i18n.t_args(lang, &format!("mail-{name}-body"), &a));
    let signature = i18n.t_args(lang, "mail-signature", &a);
    OutgoingMail {
        from: config.mail.from.clone(),
        to: to.to_owned(),
        subject,
        text: format!("{body}\n\n-- \n{signature}\n"),
        thread: None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_empty_placeable_leaves_one_blank_line() {
        let text = "Hello Anna,\n\nwe have it.\n\n\u{2068}\u{2069}\n\nPlease quote it.\n";
        assert_eq!(
            super::paragraphs(text),
            "Hello Anna,\n\nwe have it.\n\nPlease quote it."
        );
    }
}
