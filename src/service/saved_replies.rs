//! The service team's saved replies: kept and changed in the service desk, picked on a
//! request's page and inserted in the requester's language with its placeholders filled
//! (`{name}`, `{number}`, `{serial}`, `{rma}`, `{tracking}`), to be edited before it is
//! sent; a reply may move the request on when it is sent.

use crate::access as policy;
use crate::domain::{self, ticket::TicketStatus};
use crate::i18n::Lang;
use crate::store::saved_replies::SavedReply;
use crate::store::tickets::Ticket;
use crate::views::components::Errors;
use crate::views::service::replies::ReplyForm;

use super::{Acting, Core, Failure};

/// The states a saved reply may move a request to: those that need nothing more (an RMA
/// number, a tracking number) than the reply itself.
pub const THEN: [TicketStatus; 3] = [
    TicketStatus::InProgress,
    TicketStatus::WaitingForCustomer,
    TicketStatus::Closed,
];

/// A saved reply's content, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplyData {
    pub title: String,
    pub texts: Vec<(Lang, String)>,
    pub then: Option<TicketStatus>,
}

impl ReplyData {
    /// Checks the form: a title, the text in every language, a state offered or none.
    pub fn check(form: &ReplyForm) -> Result<Self, Errors> {
        let mut e = Errors::new();
        let title = e.check("title", domain::required_text(&form.title, 120));
        let mut texts = Vec::new();
        for lang in Lang::ALL {
            let field = ReplyForm::text_field(lang);
            if let Some(text) = e.check(
                field,
                domain::required_text_multiline(form.text(lang), 5000),
            ) {
                texts.push((lang, text));
            }
        }
        let then = e.check(
            "then",
            match form.then.as_str() {
                "" => Ok(None),
                slug => THEN
                    .into_iter()
                    .find(|s| s.slug() == slug)
                    .map(Some)
                    .ok_or("field-choose"),
            },
        );
        e.finish(|| {
            (texts.len() == Lang::ALL.len()).then_some(())?;
            Some(Self {
                title: title?,
                texts,
                then: then?,
            })
        })
    }
}

/// Whether `who` keeps saved replies (the service team).
fn allowed(who: &Acting) -> bool {
    policy::can_handle_tickets(who.actor)
}

/// Every saved reply, by title; `None` for anyone but the service team.
pub fn list(core: &Core, who: &Acting) -> Result<Option<Vec<(u64, SavedReply)>>, Failure> {
    if !allowed(who) {
        return Ok(None);
    }
    Ok(Some(core.store.saved_replies().list()?))
}

/// One saved reply, for the service team.
pub fn get(core: &Core, who: &Acting, id: u64) -> Result<Option<SavedReply>, Failure> {
    if !allowed(who) {
        return Ok(None);
    }
    Ok(core.store.saved_replies().get(id)?)
}

fn reply_of(core: &Core, who: &Acting, data: ReplyData) -> SavedReply {
    SavedReply {
        title: data.title,
        texts: data.texts,
        then: data.then,
        updated_by: who.user.id,
        updated_at: core.clock.now(),
    }
}

/// Keeps a new saved reply; its id (`None` for anyone but the service team).
pub fn create(core: &Core, who: &Acting, data: ReplyData) -> Result<Option<u64>, Failure> {
    if !allowed(who) {
        return Ok(None);
    }
    Ok(Some(
        core.store
            .saved_replies()
            .create(&reply_of(core, who, data))?,
    ))
}

/// Saves a changed saved reply; `false` when there is none (or `who` may not).
pub fn save(core: &Core, who: &Acting, id: u64, data: ReplyData) -> Result<bool, Failure> {
    if !allowed(who) {
        return Ok(false);
    }
    Ok(core
        .store
        .saved_replies()
        .update(id, &reply_of(core, who, data))?)
}

/// Deletes a saved reply.
pub fn delete(core: &Core, who: &Acting, id: u64) -> Result<bool, Failure> {
    if !allowed(who) {
        return Ok(false);
    }
    Ok(core.store.saved_replies().delete(id)?)
}

/// The reply's text for `t`: in the requester's language, its placeholders filled from
/// the request (an unknown value is left empty).
pub fn fill(reply: &SavedReply, t: &Ticket) -> String {
    let serial = t.serial.map(|s| s.to_string()).unwrap_or_default();
    let (rma, tracking) = t
        .replacement
        .as_ref()
        .map_or(("", ""), |r| (r.rma.as_str(), r.tracking.as_str()));
    let values = [
        ("{name}", t.requester_name.as_str()),
        ("{number}", t.number.as_str()),
        ("{serial}", serial.as_str()),
        ("{rma}", rma),
        ("{tracking}", tracking),
    ];
    let mut text = reply.text(t.language).to_owned();
    for (placeholder, value) in values {
        text = text.replace(placeholder, value);
    }
    text
}
