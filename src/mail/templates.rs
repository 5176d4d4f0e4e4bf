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
    let body = i18n.t_args(lang, &format!("mail-{name}-body"), &a);
    let signature = i18n.t_args(lang, "mail-signature", &a);
    OutgoingMail {
        from: config.mail.from.clone(),
        to: to.to_owned(),
        subject,
        text: format!("{body}\n\n-- \n{signature}\n"),
    }
}
