//! The e-mails the portal writes, in the recipient's language. Each is a pair of Fluent
//! messages `mail-<name>-subject` and `mail-<name>-body`; every body ends with the same
//! signature naming the team and the instance.

use crate::app::AppState;
use crate::i18n::{Lang, args};
use crate::store::mail_queue::OutgoingMail;

/// Composes the mail `name` to `to` in `lang`; `values` fill the body's placeables
/// (`instance` and `team` are always available).
pub fn compose(
    state: &AppState,
    lang: Lang,
    to: &str,
    name: &str,
    values: &[(&str, &str)],
) -> OutgoingMail {
    let branding = &state.config.branding;
    let mut all: Vec<(&str, &str)> = vec![
        ("instance", branding.instance_name.as_str()),
        ("team", branding.team_name.as_str()),
        ("contact", branding.contact_email.as_str()),
    ];
    all.extend_from_slice(values);
    let a = args(&all);
    let subject = state.i18n.t_args(lang, &format!("mail-{name}-subject"), &a);
    let body = state.i18n.t_args(lang, &format!("mail-{name}-body"), &a);
    let signature = state.i18n.t_args(lang, "mail-signature", &a);
    OutgoingMail {
        from: state.config.mail.from.clone(),
        to: to.to_owned(),
        subject,
        text: format!("{body}\n\n-- \n{signature}\n"),
    }
}
