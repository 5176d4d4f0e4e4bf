//! A ticket's thread and progress: messages from the requester's side and from the
//! service team (answers, internal notes), and the service team's changes of state.
//! Each is one unit of work with the e-mail it sends and its audit entry.

use crate::access::{self as policy};
use crate::domain::ticket::{self, TicketKind, TicketStatus};
use crate::domain::{self, SerialNumber};
use crate::mail::templates::compose;
use crate::store::audit::Event;
use crate::store::effects::Effects;
use crate::store::mail_queue::OutgoingMail;
use crate::store::tickets::{ChangeRefused, StatusUpdate, Ticket, TicketMessage, Upload};
use crate::views::components::Errors;
use crate::views::ticket_page::{MAX_FILES, MessageForm, StatusForm};

use super::{Acting, Core, Failure, warranty};

/// A message to add, checked.
#[derive(Debug)]
pub struct NewMessage {
    pub text: String,
    /// An internal note of the service team (nobody is e-mailed).
    pub internal: bool,
    pub uploads: Vec<Upload>,
}

impl NewMessage {
    /// Checks the form and its files (already checked one by one, or the reason they
    /// were refused); `staff` may write internal notes.
    pub fn check(
        form: &MessageForm,
        files: Result<Vec<Upload>, &'static str>,
        staff: bool,
    ) -> Result<Self, Errors> {
        let mut e = Errors::new();
        let text = e.check(
            "message",
            domain::required_text_multiline(&form.message, 5000),
        );
        let uploads = e.check(
            "file",
            files.and_then(|f| {
                if f.len() > MAX_FILES {
                    Err("upload-too-many")
                } else {
                    Ok(f)
                }
            }),
        );
        e.finish(|| {
            Some(Self {
                text: text?,
                internal: staff && form.internal == "on",
                uploads: uploads?,
            })
        })
    }
}

/// The link to a ticket in e-mails: only requesters with an account can open it.
pub fn ticket_link(core: &Core, t: &Ticket) -> String {
    if t.requester.is_some() {
        format!("{}/tickets/{}", core.config.public_url(), t.id)
    } else {
        String::new()
    }
}

/// Adds the message to the thread of `t`, which `who` may see. An answer of the service
/// team e-mails the requester and is audited; a note is audited only. The ticket as it is
/// now, or `None` if it is gone.
pub fn add_message(
    core: &Core,
    who: &Acting,
    t: &Ticket,
    new: NewMessage,
) -> Result<Option<Ticket>, Failure> {
    let staff = policy::can_handle_tickets(who.actor);
    let now = core.clock.now();
    let message = TicketMessage {
        at: now,
        author: Some(who.user.id),
        author_name: who.user.full_name(),
        from_staff: staff,
        internal: new.internal,
        text: new.text.clone(),
        attachments: Vec::new(),
    };
    let mails = if staff && !new.internal {
        vec![
            compose(
                core,
                t.language,
                &t.requester_email,
                "ticket-answered",
                &[
                    ("name", &t.requester_name),
                    ("number", &t.number),
                    ("subject", &t.subject),
                    ("text", &new.text),
                    ("link", &ticket_link(core, t)),
                ],
            )
            .in_thread(t.id),
        ]
    } else {
        Vec::new()
    };
    let files = new.uploads.len();
    let answered = staff.then(|| {
        who.entry(now, Event::TicketAnswered, &t.number)
            .detail(if new.internal {
                "internal-note"
            } else {
                "answer"
            })
    });
    let through_api = who.token_entry(now, format!("message added to {}", t.number));
    let effects = Effects {
        mails,
        audit: answered.into_iter().chain(through_api).collect(),
    };
    let changed = core
        .store
        .tickets()
        .add_message(t.id, message, new.uploads, effects)?;
    tracing::info!(
        event = "ticket_message",
        ticket = t.id,
        user_id = who.user.id,
        staff,
        internal = new.internal,
        files,
        "message added"
    );
    Ok(changed)
}

/// A change of state, checked against the ticket it moves.
#[derive(Debug)]
pub struct StatusChange {
    pub to: TicketStatus,
    /// The return authorisation number (approving a replacement).
    pub rma: Option<String>,
    /// The carrier's tracking number (shipping a replacement).
    pub tracking: Option<String>,
    /// The replacement's serial (shipping a replacement).
    pub new_serial: Option<u32>,
}

impl StatusChange {
    /// Checks the form against `t`: a transition its kind allows from where it is, and
    /// what that transition needs (docs/domain.md, "Replacement").
    pub fn check(form: &StatusForm, t: &Ticket) -> Result<Self, Errors> {
        let mut e = Errors::new();
        let to = e.check(
            "to",
            TicketStatus::from_slug(form.to.trim())
                .filter(|to| ticket::can_move(t.kind, t.status, *to))
                .ok_or(if form.to.trim().is_empty() {
                    "field-choose"
                } else {
                    "ticket-transition-refused"
                }),
        );
        let replacement = t.kind == TicketKind::Replacement;
        let rma = if replacement && to == Some(TicketStatus::Approved) {
            e.check("rma", domain::required_text(&form.rma, 40))
        } else {
            None
        };
        let (tracking, new_serial) = if replacement && to == Some(TicketStatus::Shipped) {
            let tracking = e.check("tracking", domain::required_text(&form.tracking, 60));
            let serial = e.check(
                "new_serial",
                SerialNumber::parse(&form.new_serial).and_then(|s| {
                    if Some(s.value()) == t.serial {
                        Err("ticket-new-serial-same")
                    } else {
                        Ok(s.value())
                    }
                }),
            );
            (tracking, serial)
        } else {
            (None, None)
        };
        e.finish(|| {
            Some(Self {
                to: to?,
                rma,
                tracking,
                new_serial,
            })
        })
    }
}

/// What a change of state led to.
#[derive(Debug)]
pub enum StatusChanged {
    /// Moved; the requester was e-mailed.
    Moved(Box<Ticket>),
    /// Someone moved the ticket meanwhile and the transition is no longer allowed.
    TransitionRefused,
    /// The replacement's serial is registered already.
    SerialTaken,
    /// The ticket is gone.
    Gone,
}

/// Moves `t` on, for the service team: a shipped replacement's serial goes to the device
/// record with the warranty it inherits; the requester is e-mailed; the change is
/// audited, all in one unit of work.
pub fn change_status(
    core: &Core,
    who: &Acting,
    t: &Ticket,
    change: StatusChange,
) -> Result<StatusChanged, Failure> {
    let warranty_end = match (change.new_serial, t.device) {
        (Some(_), Some(device)) => warranty::inherited_end(core, device)?,
        _ => None,
    };
    let now = core.clock.now();
    let update = StatusUpdate {
        to: Some(change.to),
        by: who.user.full_name(),
        at: now,
        rma: change.rma,
        tracking: change.tracking,
        new_serial: change.new_serial,
        warranty_end,
    };
    let link = ticket_link(core, t);
    let entry = who.entry(now, Event::TicketMoved, &t.number);
    let through_api = who.token_entry(now, format!("{} moved to {}", t.number, change.to.slug()));
    let changed = core.store.tickets().change_status(
        t.id,
        update,
        Box::new(|changed| vec![status_mail(core, changed, &link)]),
        (entry, through_api.into_iter().collect()),
    )?;
    Ok(match changed {
        None => StatusChanged::Gone,
        Some(Ok(changed)) => {
            tracing::info!(
                event = "ticket_status",
                ticket = t.id,
                user_id = who.user.id,
                from = t.status.slug(),
                to = changed.status.slug(),
                "ticket moved"
            );
            StatusChanged::Moved(Box::new(changed))
        }
        Some(Err(ChangeRefused::NotAllowed)) => StatusChanged::TransitionRefused,
        Some(Err(ChangeRefused::SerialTaken)) => StatusChanged::SerialTaken,
    })
}

/// The e-mail telling the requester about a new state, in his language.
fn status_mail(core: &Core, t: &Ticket, link: &str) -> OutgoingMail {
    let i18n = &core.i18n;
    let status = i18n.t(t.language, t.status.message_id());
    let detail = match (t.status, &t.replacement) {
        (TicketStatus::Approved, Some(r)) => i18n.t_args(
            t.language,
            "mail-ticket-status-approved",
            &crate::i18n::args(&[("rma", &r.rma)]),
        ),
        (TicketStatus::Shipped, Some(r)) => i18n.t_args(
            t.language,
            "mail-ticket-status-shipped",
            &crate::i18n::args(&[
                ("tracking", &r.tracking),
                (
                    "serial",
                    &r.new_serial.map(|s| s.to_string()).unwrap_or_default(),
                ),
            ]),
        ),
        (TicketStatus::AwaitingReturn, Some(_)) => i18n.t(t.language, "mail-ticket-status-return"),
        (TicketStatus::WaitingForCustomer, _) => i18n.t(t.language, "mail-ticket-status-waiting"),
        _ => String::new(),
    };
    compose(
        core,
        t.language,
        &t.requester_email,
        "ticket-status",
        &[
            ("name", &t.requester_name),
            ("number", &t.number),
            ("subject", &t.subject),
            ("status", &status),
            ("detail", &detail),
            ("link", link),
        ],
    )
    .in_thread(t.id)
}
