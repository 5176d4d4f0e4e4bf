//! [`PageCtx`]: what every page needs to know about the request it answers (language,
//! translations, settings, the signed-in person, the CSRF token, the current path). The
//! handlers build it (`web::context`); views only read it, and nothing in it reaches the
//! store.

use std::sync::Arc;

use crate::access::Actor;
use crate::config::Config;
use crate::i18n::{Args, Lang, Translator};

/// The request as pages see it.
#[derive(Debug, Clone)]
pub struct PageCtx {
    /// The language the page is rendered in.
    pub lang: Lang,
    /// Path and query of the page the visitor is on (for a form's answer, the page that
    /// held the form), to come back to after switching language.
    pub path: String,
    /// The signed-in person, if any.
    pub viewer: Option<Actor>,
    /// The token this page's forms carry as `csrf_token`.
    pub csrf: String,
    /// Every language's messages.
    pub i18n: Arc<Translator>,
    /// The instance's settings (branding, limits pages state).
    pub config: Arc<Config>,
}

impl PageCtx {
    /// The message `id` in the page's language.
    pub fn t(&self, id: &str) -> String {
        self.i18n.t(self.lang, id)
    }

    /// The message `id` with arguments.
    pub fn t_args(&self, id: &str, args: &Args<'_>) -> String {
        self.i18n.t_args(self.lang, id, args)
    }
}
