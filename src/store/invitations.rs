//! Invitations of collaborators: a single-use link, valid for a number of days, that
//! lets the invited person create an account in the inviting company.

use super::Txn;
use super::effects::MailsFor;
use super::engine::ReadableTable;
use serde::{Deserialize, Serialize};

use super::sessions::{self, Session, SessionOrigin};
use super::users::{self, User};
use super::{Store, StoreError, companies, tables};
use crate::access::{CompanyRole, CompanyScope};

crate::codes::stored_variants! {
    /// Where an invitation stands.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum InvitationState {
        /// Waiting for the invited person.
        Pending = 0,
        /// Used to create an account.
        Accepted { user_id: u64, at: u64 } = 1,
        /// Withdrawn by an administrator.
        Revoked { at: u64 } = 2,
    }
}

/// An invitation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    /// Id.
    pub id: u64,
    /// The inviting company.
    pub company_id: u64,
    /// The invited address (normalized).
    pub email: String,
    /// The role offered.
    pub role: CompanyRole,
    /// Who invited.
    pub invited_by: u64,
    /// When it was (last) sent.
    pub sent_at: u64,
    /// When the link stops working.
    pub expires_at: u64,
    /// SHA-256 of the current link's token.
    pub token_hash: [u8; 32],
    /// Pending, accepted or revoked.
    pub state: InvitationState,
}

/// Why an invitation was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InviteRefused {
    /// The address already has an account (in this or any company).
    HasAccount,
    /// A pending invitation for the address exists: resend it instead.
    AlreadyInvited,
    /// The policy said no (message id).
    Policy(&'static str),
}

fn get_in(txn: &Txn, id: u64) -> Result<Option<Invitation>, StoreError> {
    tables::INVITATIONS.get(&txn, id)
}

fn put_in(txn: &Txn, invitation: &Invitation) -> Result<(), StoreError> {
    tables::INVITATIONS.put_in(txn, invitation.id, invitation)?;
    Ok(())
}

fn pending_from(
    index: &impl ReadableTable<(u64, u64), ()>,
    invitations: &impl ReadableTable<u64, &'static [u8]>,
    company_id: u64,
) -> Result<Vec<Invitation>, StoreError> {
    let mut out = Vec::new();
    for row in index.range((company_id, 0)..=(company_id, u64::MAX))? {
        let id = row?.0.value().1;
        if let Some(bytes) = invitations.get(id)? {
            let i: Invitation = tables::INVITATIONS.decode(bytes.value())?;
            if i.state == InvitationState::Pending {
                out.push(i);
            }
        }
    }
    Ok(out)
}

fn pending_in(txn: &Txn, company_id: u64) -> Result<Vec<Invitation>, StoreError> {
    pending_from(
        &txn.open_table(tables::COMPANY_INVITATIONS)?,
        &txn.open_table(tables::INVITATIONS.def())?,
        company_id,
    )
}

/// The invitations to join a company.
///
/// Each write is one unit of work: the change and the effects handed to it (mails, audit
/// entries, index changes) commit together or not at all.
pub trait Invitations: Send + Sync {
    /// Invites `email` as `role`. `decide` is the policy, given the administrators plus the
    /// pending administrator invitations; `mails` composes the invitation for the new
    /// invitation.
    #[allow(clippy::too_many_arguments)]
    fn create(
        &self,
        scope: CompanyScope,
        email: &str,
        role: CompanyRole,
        invited_by: u64,
        token_hash: [u8; 32],
        expires_at: u64,
        now: u64,
        decide: Box<dyn FnOnce(usize) -> Result<(), &'static str> + '_>,
        mails: MailsFor<'_, Invitation>,
        audit: super::audit::Entry,
    ) -> Result<Result<Invitation, InviteRefused>, StoreError>;

    /// The company's pending invitations, newest first.
    fn pending(&self, scope: CompanyScope) -> Result<Vec<Invitation>, StoreError>;

    /// Sends a pending invitation again with a new link (the old one stops working).
    fn resend(
        &self,
        scope: CompanyScope,
        id: u64,
        token_hash: [u8; 32],
        expires_at: u64,
        now: u64,
        mails: MailsFor<'_, Invitation>,
    ) -> Result<Option<Invitation>, StoreError>;

    /// Withdraws a pending invitation.
    fn revoke(&self, scope: CompanyScope, id: u64, now: u64) -> Result<bool, StoreError>;

    /// The invitation behind a link's token hash.
    fn by_token(&self, token_hash: [u8; 32]) -> Result<Option<Invitation>, StoreError>;

    /// Creates the invited person's account in the company (as administrator only while the
    /// company has fewer than `max_admins`), marks the invitation used and opens a session.
    fn accept(
        &self,
        token_hash: [u8; 32],
        user: User,
        session_hash: [u8; 32],
        origin: &SessionOrigin,
        max_admins: usize,
        now: u64,
    ) -> Result<Accepted, StoreError>;
}

/// What accepting an invitation led to.
#[derive(Debug, Clone)]
pub enum Accepted {
    /// The account exists and is signed in.
    Joined(Box<User>),
    /// The link is not (or no longer) usable.
    Unusable,
    /// The address got an account meanwhile.
    HasAccount,
}

impl Invitations for Store {
    fn create(
        &self,
        scope: CompanyScope,
        email: &str,
        role: CompanyRole,
        invited_by: u64,
        token_hash: [u8; 32],
        expires_at: u64,
        now: u64,
        decide: Box<dyn FnOnce(usize) -> Result<(), &'static str> + '_>,
        mails: MailsFor<'_, Invitation>,
        audit: super::audit::Entry,
    ) -> Result<Result<Invitation, InviteRefused>, StoreError> {
        let txn = self.write()?;
        if users::find_by_email_in(&txn, email)?.is_some() {
            return Ok(Err(InviteRefused::HasAccount));
        }
        let pending = pending_in(&txn, scope.company_id())?;
        if pending.iter().any(|i| i.email == email) {
            return Ok(Err(InviteRefused::AlreadyInvited));
        }
        let admins = companies::admins_in(&txn, scope.company_id())?
            + pending
                .iter()
                .filter(|i| i.role == CompanyRole::Admin)
                .count();
        if let Err(refusal) = decide(admins) {
            return Ok(Err(InviteRefused::Policy(refusal)));
        }
        let id = tables::INVITATIONS.next_id_in(&txn)?;
        let invitation = Invitation {
            id,
            company_id: scope.company_id(),
            email: email.to_owned(),
            role,
            invited_by,
            sent_at: now,
            expires_at,
            token_hash,
            state: InvitationState::Pending,
        };
        put_in(&txn, &invitation)?;
        txn.open_table(tables::INVITATION_BY_TOKEN)?
            .insert(token_hash, id)?;
        txn.open_table(tables::COMPANY_INVITATIONS)?
            .insert((scope.company_id(), id), ())?;
        users::queue_all(&txn, mails(&invitation))?;
        super::audit::record_in(&txn, audit)?;
        txn.commit()?;
        Ok(Ok(invitation))
    }

    fn pending(&self, scope: CompanyScope) -> Result<Vec<Invitation>, StoreError> {
        let txn = self.read()?;
        let mut out = pending_from(
            &txn.open_table(tables::COMPANY_INVITATIONS)?,
            &txn.open_table(tables::INVITATIONS.def())?,
            scope.company_id(),
        )?;
        out.sort_by_key(|i| std::cmp::Reverse(i.sent_at));
        Ok(out)
    }

    fn resend(
        &self,
        scope: CompanyScope,
        id: u64,
        token_hash: [u8; 32],
        expires_at: u64,
        now: u64,
        mails: MailsFor<'_, Invitation>,
    ) -> Result<Option<Invitation>, StoreError> {
        let txn = self.write()?;
        let Some(mut invitation) = get_in(&txn, id)?
            .filter(|i| i.company_id == scope.company_id() && i.state == InvitationState::Pending)
        else {
            return Ok(None);
        };
        {
            let mut by_token = txn.open_table(tables::INVITATION_BY_TOKEN)?;
            by_token.remove(invitation.token_hash)?;
            by_token.insert(token_hash, id)?;
        }
        invitation.token_hash = token_hash;
        invitation.sent_at = now;
        invitation.expires_at = expires_at;
        put_in(&txn, &invitation)?;
        users::queue_all(&txn, mails(&invitation))?;
        txn.commit()?;
        Ok(Some(invitation))
    }

    fn revoke(&self, scope: CompanyScope, id: u64, now: u64) -> Result<bool, StoreError> {
        let txn = self.write()?;
        let Some(mut invitation) = get_in(&txn, id)?
            .filter(|i| i.company_id == scope.company_id() && i.state == InvitationState::Pending)
        else {
            return Ok(false);
        };
        invitation.state = InvitationState::Revoked { at: now };
        put_in(&txn, &invitation)?;
        txn.commit()?;
        Ok(true)
    }

    fn by_token(&self, token_hash: [u8; 32]) -> Result<Option<Invitation>, StoreError> {
        let txn = self.read()?;
        let Some(id) = txn
            .open_table(tables::INVITATION_BY_TOKEN)?
            .get(token_hash)?
            .map(|v| v.value())
        else {
            return Ok(None);
        };
        tables::INVITATIONS.get(&txn, id)
    }

    fn accept(
        &self,
        token_hash: [u8; 32],
        mut user: User,
        session_hash: [u8; 32],
        origin: &SessionOrigin,
        max_admins: usize,
        now: u64,
    ) -> Result<Accepted, StoreError> {
        let txn = self.write()?;
        let id = txn
            .open_table(tables::INVITATION_BY_TOKEN)?
            .get(token_hash)?
            .map(|v| v.value());
        let Some(mut invitation) = id.map(|id| get_in(&txn, id)).transpose()?.flatten() else {
            return Ok(Accepted::Unusable);
        };
        if invitation.state != InvitationState::Pending || now >= invitation.expires_at {
            return Ok(Accepted::Unusable);
        }
        if users::find_by_email_in(&txn, &invitation.email)?.is_some() {
            return Ok(Accepted::HasAccount);
        }
        let role = if invitation.role == CompanyRole::Admin
            && companies::admins_in(&txn, invitation.company_id)? < max_admins
        {
            CompanyRole::Admin
        } else {
            CompanyRole::Member
        };
        let company = companies::get_in(&txn, invitation.company_id)?;
        user.email = invitation.email.clone();
        user.company = Some((invitation.company_id, role));
        if let Some(c) = company {
            user.kind = c.kind;
        }
        user.last_login_at = Some(now);
        let user = users::create_active_in(&txn, user)?;
        companies::add_member_in(&txn, invitation.company_id, user.id)?;
        invitation.state = InvitationState::Accepted {
            user_id: user.id,
            at: now,
        };
        put_in(&txn, &invitation)?;
        sessions::insert(
            &txn,
            session_hash,
            &Session {
                user_id: user.id,
                created_at: now,
                last_seen: now,
            },
            origin,
        )?;
        txn.commit()?;
        Ok(Accepted::Joined(Box::new(user)))
    }
}
