//! Requests by e-mail: a reply to a notification lands in its request's thread, mail to
//! the service address opens a request, a delivery status report marks the returned mail,
//! and machines (auto-replies, lists) open nothing. Each message is one unit of work that
//! also records its Message-ID, so a second delivery adds nothing; a message that cannot
//! be processed is held aside and listed for the service desk with a retry.
//!
//! Who may write into a thread: the requester, a member of the requester's company who
//! may see the request, or (for a visitor's request) the address it was filed with. Any
//! other sender's reply becomes a new request of theirs that names the number, so nothing
//! leaks and nothing is lost.

use std::sync::Arc;
use std::time::Duration;

use crate::access::AccountKind;
use crate::clock::WindowCounts;
use crate::domain::upload;
use crate::domain::{Email, ticket::TicketKind};
use crate::i18n::{Lang, args};
use crate::mail::inbound::{self, Automatic, Incoming};
use crate::mail::mailbox::Mailbox;
use crate::mail::maildir::Waiting;
use crate::mail::quotes;
use crate::store::audit::Event;
use crate::store::file_content::FileContent;
use crate::store::inbox::{Arrival, HeldMessage, HoldReason, Received};
use crate::store::tickets::{Requester, Ticket, TicketMessage, Upload};
use crate::store::users::{User, UserStatus};

use super::requests::{confirmation, subject_of, year};
use super::{Acting, Core, Failure};

/// The longest text kept of a message in a thread (as on the page); the full original is
/// attached.
const MAX_TEXT: usize = 5000;

/// What one incoming message led to.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It went into the thread of the request with this number.
    Replied(String),
    /// It opened the request with this number.
    Filed(String),
    /// It was processed before.
    Again,
    /// A machine sent it (or the portal itself): nothing was opened or answered.
    Ignored,
    /// A delivery status report: the returned message was marked (`false`: not ours).
    Bounced(bool),
    /// It could not be processed; it is kept aside for the reason.
    Held(HoldReason),
}

/// Messages per sender address and hour, counted in memory since the start.
#[derive(Debug)]
pub struct SenderCounts(WindowCounts<String>);

impl Default for SenderCounts {
    fn default() -> Self {
        Self(WindowCounts::new(3600))
    }
}

/// Whether the incoming mailbox can be read: set by the reader each time it connects
/// or fails, shown on the service desk's "Incoming mail" page.
#[derive(Debug, Default)]
pub struct MailboxStatus(std::sync::Mutex<Option<Reachable>>);

/// The reader's last finding, since when (unix seconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reachable {
    /// Open and read.
    Since(u64),
    /// Not reachable, for this reason (the server's answer or the network's error).
    Failing(u64, String),
}

impl MailboxStatus {
    /// The last finding; `None` before the first attempt.
    pub fn get(&self) -> Option<Reachable> {
        self.0.lock().map_or(None, |s| s.clone())
    }

    fn reached(&self, now: u64) {
        if let Ok(mut s) = self.0.lock()
            && !matches!(*s, Some(Reachable::Since(_)))
        {
            *s = Some(Reachable::Since(now));
        }
    }

    fn failed(&self, now: u64, reason: String) {
        if let Ok(mut s) = self.0.lock() {
            let since = match &*s {
                Some(Reachable::Failing(since, _)) => *since,
                _ => now,
            };
            *s = Some(Reachable::Failing(since, reason));
        }
    }
}

/// Processes one message `raw`, received at `now`.
pub fn receive(core: &Core, counts: &SenderCounts, raw: &[u8]) -> Result<Outcome, Failure> {
    let settings = &core.config.mail_in;
    if raw.len() as u64 > settings.max_message_kb.saturating_mul(1024) {
        return Ok(Outcome::Held(HoldReason::TooLarge));
    }
    let Some(mail) = inbound::parse(raw) else {
        return Ok(Outcome::Held(HoldReason::Unreadable));
    };
    let seen = mail.seen_key(raw);
    if core.store.inbox().was_seen(seen)? {
        return Ok(Outcome::Again);
    }
    let now = core.clock.now();
    let threading = core.threading()?;
    let own = own_address(core);
    if mail.automatic.is_some() || mail.from == own || threading.is_service_address(&mail.from) {
        let arrival = match (mail.automatic, returned_mail(core, raw)?) {
            (Some(Automatic::Report), Some(id)) => Arrival::Bounce {
                mail: id,
                reason: mail
                    .report_reason
                    .clone()
                    .unwrap_or_else(|| "returned".to_owned()),
            },
            _ => Arrival::Ignored,
        };
        let received = core.store.inbox().receive(seen, now, arrival)?;
        tracing::info!(event = "mail_in_ignored", automatic = ?mail.automatic, "machine mail: nothing opened");
        return Ok(match received {
            Received::Again => Outcome::Again,
            Received::Bounced(marked) => Outcome::Bounced(marked),
            _ => Outcome::Ignored,
        });
    }
    if counts
        .0
        .bump_below(&mail.from, settings.per_sender_per_hour, now)
        .is_err()
    {
        return Ok(Outcome::Held(HoldReason::TooMany));
    }
    let sender = sender_account(core, &mail.from)?;
    let thread = thread_of(core, &mail)?;
    let arrival = match thread {
        Some(t) if may_write(core, sender.as_ref(), &mail.from, &t)? => {
            reply(core, sender.as_ref(), &mail, &t)
        }
        other => new_request(core, sender.as_ref(), &mail, other.as_ref()),
    };
    Ok(match core.store.inbox().receive(seen, now, arrival)? {
        Received::Again => Outcome::Again,
        Received::Replied(t) => {
            tracing::info!(
                event = "mail_in_reply",
                ticket = t.id,
                "reply added to its thread"
            );
            Outcome::Replied(t.number)
        }
        Received::Filed(t) => {
            tracing::info!(
                event = "mail_in_request",
                ticket = t.id,
                "request opened by mail"
            );
            Outcome::Filed(t.number)
        }
        // The thread's request was erased meanwhile: the next attempt opens a new one.
        Received::Gone => Outcome::Held(HoldReason::Failed),
        Received::Bounced(marked) => Outcome::Bounced(marked),
        Received::Ignored => Outcome::Ignored,
    })
}

/// The portal's own sender address, lower case.
fn own_address(core: &Core) -> String {
    core.config
        .mail
        .from
        .parse::<lettre::message::Mailbox>()
        .map(|m| m.email.to_string().to_ascii_lowercase())
        .unwrap_or_default()
}

/// The queued message a delivery status report returns, when it quotes one of ours.
fn returned_mail(core: &Core, raw: &[u8]) -> Result<Option<u64>, Failure> {
    let threading = core.threading()?;
    Ok(inbound::quoted_ids(raw)
        .iter()
        .find_map(|id| threading.mail_of_id(id)))
}

/// The active account of the sender's address, if any.
fn sender_account(core: &Core, from: &str) -> Result<Option<User>, Failure> {
    let Ok(email) = Email::parse(from) else {
        return Ok(None);
    };
    Ok(core
        .store
        .users()
        .find_by_email(&email)?
        .filter(|u| u.status == UserStatus::Active))
}

/// The request a message answers: by its per-request reply address, else by the
/// Message-IDs it answers; never by its subject.
fn thread_of(core: &Core, mail: &Incoming) -> Result<Option<Ticket>, Failure> {
    let threading = core.threading()?;
    let id = mail
        .recipients
        .iter()
        .find_map(|r| threading.ticket_of_address(r))
        .or_else(|| mail.answers.iter().find_map(|a| threading.ticket_of_id(a)));
    match id {
        Some(id) => Ok(core.store.tickets().by_ids(&[id])?.pop()),
        None => Ok(None),
    }
}

/// Whether the sender may write into `t`'s thread.
fn may_write(core: &Core, sender: Option<&User>, from: &str, t: &Ticket) -> Result<bool, Failure> {
    match sender {
        Some(user) => Ok(core.store.tickets().visible(&user.actor(), t.id)?.is_some()),
        None => Ok(t.requester.is_none() && t.requester_email.eq_ignore_ascii_case(from)),
    }
}

/// The message's files under the upload rules, and a line for each refused one.
fn files(core: &Core, mail: &Incoming, lang: Lang) -> (Vec<Upload>, Vec<String>) {
    let limit = core
        .config
        .uploads
        .max_document_mb
        .saturating_mul(1024 * 1024);
    let mut uploads = Vec::new();
    let mut refused = Vec::new();
    for part in &mail.files {
        let name = upload::safe_name(&part.name);
        let checked = if uploads.len() >= crate::views::ticket_page::MAX_FILES {
            Err("upload-too-many")
        } else if part.data.len() as u64 > limit {
            Err("upload-too-large")
        } else {
            upload::detect(&name, &part.data)
        };
        match checked {
            Ok(kind) => uploads.push(Upload {
                name,
                content_type: kind.content_type.to_owned(),
                content: FileContent::from_bytes(part.data.clone()),
            }),
            Err(reason) => refused.push(core.i18n.t_args(
                lang,
                "inbox-file-refused",
                &args(&[("name", &name), ("reason", &core.i18n.t(lang, reason))]),
            )),
        }
    }
    (uploads, refused)
}

/// What the thread shows of a message: its new part, the refused files listed; and the
/// full original attached when something was cut.
fn thread_text(core: &Core, mail: &Incoming, lang: Lang) -> (String, Vec<Upload>) {
    let (mut uploads, refused) = files(core, mail, lang);
    let full = mail.text.trim();
    let mut text = quotes::new_part(full);
    let cut = text.len() < full.len() || full.chars().count() > MAX_TEXT;
    if text.is_empty() {
        text = if mail.subject.is_empty() {
            "—".to_owned()
        } else {
            mail.subject.clone()
        };
    }
    if text.chars().count() > MAX_TEXT {
        text = text.chars().take(MAX_TEXT).collect::<String>() + "…";
    }
    if !refused.is_empty() {
        text = format!("{text}\n\n{}", refused.join("\n"));
    }
    if cut {
        uploads.push(Upload {
            name: core.i18n.t(lang, "inbox-original-file"),
            content_type: "text/plain; charset=utf-8".to_owned(),
            content: FileContent::from_bytes(full.as_bytes().to_vec()),
        });
    }
    (text, uploads)
}

fn sender_name(sender: Option<&User>, mail: &Incoming) -> String {
    match sender {
        Some(user) => user.full_name(),
        None => mail.from_name.clone().unwrap_or_else(|| mail.from.clone()),
    }
}

/// The message as the next one of `t`'s thread. A staff member's mail becomes an internal
/// note: nothing written by mail reaches a customer without the page.
fn reply<'a>(core: &Core, sender: Option<&User>, mail: &Incoming, t: &Ticket) -> Arrival<'a> {
    let (text, uploads) = thread_text(core, mail, t.language);
    let staff = sender.is_some_and(|u| u.kind == AccountKind::Staff);
    let message = TicketMessage {
        internal: staff,
        ..TicketMessage::new(
            core.clock.now(),
            sender.map(|u| u.id),
            sender_name(sender, mail),
            staff,
            text,
        )
    };
    Arrival::Reply {
        ticket: t.id,
        message,
        uploads,
        mails: Vec::new(),
    }
}

/// A new contact request of the sender's: tied to their account if they have one (it
/// shows in their Ticket Tracking), else a visitor's; `about` is the request another
/// sender's reply named, which the new one refers to by number.
fn new_request<'a>(
    core: &'a Core,
    sender: Option<&User>,
    mail: &Incoming,
    about: Option<&Ticket>,
) -> Arrival<'a> {
    let sender = sender.filter(|u| u.kind != AccountKind::Staff);
    let lang = sender.map_or(core.config.i18n.default_language, |u| u.language);
    let (mut text, uploads) = thread_text(core, mail, lang);
    if let Some(t) = about {
        let refers = core
            .i18n
            .t_args(lang, "inbox-refers-to", &args(&[("number", &t.number)]));
        text = format!("{refers}\n\n{text}");
    }
    let requester = match sender {
        Some(user) => Requester::of(user),
        None => Requester {
            user: None,
            name: sender_name(None, mail),
            email: mail.from.clone(),
            language: lang,
            company: None,
        },
    };
    let subject = if mail.subject.trim().is_empty() {
        subject_of(&text)
    } else {
        subject_of(&mail.subject)
    };
    let first = TicketMessage::new(
        core.clock.now(),
        sender.map(|u| u.id),
        requester.name.clone(),
        false,
        text,
    );
    let ticket = Ticket {
        topic: Some("other".to_owned()),
        ..Ticket::filed(TicketKind::Contact, requester, subject, first)
    };
    Arrival::Request {
        ticket: Box::new(ticket),
        year: year(core.clock.now()),
        uploads,
        compose: Box::new(confirmation(core, sender.is_some())),
    }
}

/// Held message `id` and the mailbox it is kept in, opened; `None` when it is not held.
async fn held_in_mailbox(core: &Core, id: u64) -> Result<Option<(HeldMessage, Mailbox)>, Failure> {
    let Some(held) = core.store.inbox().held_one(id)? else {
        return Ok(None);
    };
    let settings = &core.config.mail_in;
    let mailbox = Mailbox::open(settings, &core.config.storage.data_dir)
        .await
        .map_err(io_failure)?
        .ok_or_else(|| Failure::Mailbox("incoming mail is off (mail_in.source)".to_owned()))?;
    Ok(Some((held, mailbox)))
}

fn io_failure(e: std::io::Error) -> Failure {
    Failure::Mailbox(e.to_string())
}

/// Puts held message `id` back into the source for another attempt, audited; `false`
/// when it is not held (any more).
pub async fn retry(core: &Core, who: &Acting<'_>, id: u64) -> Result<bool, Failure> {
    let Some((held, mut mailbox)) = held_in_mailbox(core, id).await? else {
        return Ok(false);
    };
    // Moved back first: a crash before the record is forgotten leaves a stale line,
    // never a message nobody lists.
    let moved = mailbox.put_back(&held.file).await.map_err(io_failure);
    mailbox.close().await;
    let moved = moved?;
    let entry = who.entry(core.clock.now(), Event::InboxRetried, &held.file);
    core.store.inbox().release(id, entry)?;
    tracing::info!(
        event = "mail_in_retry",
        held = id,
        moved,
        "held message put back"
    );
    Ok(moved)
}

/// The held message `id`'s content, for the service desk to look at.
pub async fn held_content(core: &Core, id: u64) -> Result<Option<(HeldMessage, Vec<u8>)>, Failure> {
    let Some((held, mut mailbox)) = held_in_mailbox(core, id).await? else {
        return Ok(None);
    };
    let content = mailbox.held_content(&held.file).await.map_err(io_failure);
    mailbox.close().await;
    Ok(content?.map(|c| (held, c)))
}

/// Processes every message waiting in the mailbox, oldest first; how many were handled.
/// An error (the mailbox unreadable, the connection lost, the store refusing writes)
/// ends the pass: what is left is still waiting and read on the next one.
pub async fn process_waiting(
    core: &Arc<Core>,
    mailbox: &mut Mailbox,
    counts: &Arc<SenderCounts>,
) -> Result<usize, Failure> {
    let waiting = mailbox
        .waiting()
        .await
        .map_err(|e| Failure::Mailbox(format!("listing the waiting mail: {e}")))?;
    let mut handled = 0;
    for w in waiting {
        if process_one(core, mailbox, counts, &w).await? {
            handled += 1;
        }
    }
    Ok(handled)
}

/// One waiting message: processed and moved on, or held; `false` when it was left for
/// the next pass (still being written).
async fn process_one(
    core: &Arc<Core>,
    mailbox: &mut Mailbox,
    counts: &Arc<SenderCounts>,
    w: &Waiting,
) -> Result<bool, Failure> {
    let io = |step: &'static str| {
        let name = w.name.clone();
        move |e: std::io::Error| Failure::Mailbox(format!("{step} {name}: {e}"))
    };
    let too_large = w.size > core.config.mail_in.max_message_kb.saturating_mul(1024);
    let raw = if too_large {
        mailbox.head(w).await.map_err(io("reading"))?
    } else {
        mailbox.read(w).await.map_err(io("reading"))?
    };
    let (outcome, raw) = if too_large {
        (Ok(Outcome::Held(HoldReason::TooLarge)), raw)
    } else {
        let (c, n) = (core.clone(), counts.clone());
        tokio::task::spawn_blocking(move || (receive(&c, &n, &raw), raw))
            .await
            .map_err(|e| Failure::Task(e.to_string()))?
    };
    let outcome = match outcome {
        Ok(o) => o,
        Err(Failure::Store(e)) if !matches!(e, crate::store::StoreError::DiskFull(_)) => {
            tracing::error!(error = %e, file = %w.name, "storing an incoming message failed");
            Outcome::Held(HoldReason::Failed)
        }
        Err(e) => return Err(e),
    };
    match outcome {
        Outcome::Held(HoldReason::Unreadable) if w.fresh => return Ok(false),
        Outcome::Held(reason) => {
            let file = mailbox.held_name(w).await.map_err(io("holding"))?;
            // Read for the list only here: a message that is not held was parsed once,
            // by the use case.
            let (from, subject) = inbound::parse(&raw)
                .map(|m| (m.from, m.subject))
                .unwrap_or_default();
            let held = HeldMessage {
                at: core.clock.now(),
                file: file.clone(),
                from,
                subject,
                size: w.size,
                reason,
            };
            // Listed first, then moved: a crash in between lists a message that is still
            // waiting (processed again, the stale line retried to no effect).
            let c = core.clone();
            tokio::task::spawn_blocking(move || c.store.inbox().hold(held))
                .await
                .map_err(|e| Failure::Task(e.to_string()))??;
            mailbox.hold(w).await.map_err(io("holding"))?;
            tracing::warn!(event = "mail_in_held", file = %file, reason = reason.slug(), "incoming message held");
        }
        _ => mailbox.done(w).await.map_err(io("moving"))?,
    }
    Ok(true)
}

/// How often the Maildir is looked at.
const POLL: Duration = Duration::from_millis(500);

/// The longest wait before connecting to the IMAP server again.
const MAX_BACKOFF: Duration = Duration::from_secs(300);

/// Waits for `d`, or until `shutdown`; `false` when it is time to stop.
async fn pause(d: Duration, shutdown: &mut tokio::sync::watch::Receiver<bool>) -> bool {
    tokio::select! {
        () = tokio::time::sleep(d) => !*shutdown.borrow(),
        _ = shutdown.changed() => false,
    }
}

/// Reads the configured source until `shutdown`: from the Maildir, messages are picked
/// up within a second of their delivery; from IMAP, as soon as the server announces them
/// (else every `mail_in.poll_secs`), connecting again after a failure with a growing
/// pause.
pub async fn watch(core: Arc<Core>, mut shutdown: tokio::sync::watch::Receiver<bool>) {
    let settings = &core.config.mail_in;
    let counts = Arc::new(SenderCounts::default());
    let mut backoff = Duration::from_secs(1);
    loop {
        let opened = tokio::select! {
            opened = Mailbox::open(settings, &core.config.storage.data_dir) => opened,
            _ = shutdown.changed() => return,
        };
        let mut mailbox = match opened {
            Ok(Some(m)) => m,
            Ok(None) => return,
            Err(e) => {
                core.mailbox.failed(core.clock.now(), e.to_string());
                tracing::error!(error = %e, source = ?settings.source, "the incoming mailbox cannot be opened; trying again");
                if !pause(backoff, &mut shutdown).await {
                    return;
                }
                backoff = (backoff * 2).min(MAX_BACKOFF);
                continue;
            }
        };
        loop {
            match process_waiting(&core, &mut mailbox, &counts).await {
                Ok(_) => {
                    core.mailbox.reached(core.clock.now());
                    backoff = Duration::from_secs(1);
                }
                Err(e) => {
                    if let Failure::Mailbox(reason) = &e {
                        core.mailbox.failed(core.clock.now(), reason.clone());
                    }
                    tracing::warn!(error = %e, "incoming mail not all processed; will retry");
                    if matches!(mailbox, Mailbox::Imap(_)) {
                        break;
                    }
                }
            }
            let news = match &mut mailbox {
                Mailbox::Maildir(_) => pause(POLL, &mut shutdown).await.then_some(Ok(())),
                Mailbox::Imap(folder) => tokio::select! {
                    news = folder.wait_for_news() => Some(news),
                    _ = shutdown.changed() => None,
                },
            };
            match news {
                None => return,
                Some(Ok(())) => {}
                Some(Err(e)) => {
                    core.mailbox.failed(core.clock.now(), e.to_string());
                    tracing::warn!(error = %e, "the IMAP connection was lost; connecting again");
                    break;
                }
            }
        }
        if !pause(backoff, &mut shutdown).await {
            return;
        }
        backoff = (backoff * 2).min(MAX_BACKOFF);
    }
}
