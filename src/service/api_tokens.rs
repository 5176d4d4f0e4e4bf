//! Personal access tokens for the JSON API, as their owner handles them under "My access
//! data" (make one, shown once; list them with their last use; revoke one), and how the
//! API finds who a token acts for. Making and revoking are audited in the same unit of
//! work. A token acts for its owner only while the account is active: a blocked, removed
//! or erased account's tokens stop at once, as its sessions do.

use crate::access::{Actor, CompanyRole};
use crate::domain;
use crate::store::api_tokens::{ApiToken, ApiTokenInfo};
use crate::store::audit::Event;
use crate::store::companies::Company;
use crate::store::effects::Effects;
use crate::store::users::{User, UserStatus};
use crate::views::api_tokens::ApiTokenForm;
use crate::views::components::Errors;

use super::{Acting, Core, Failure};

/// What every token starts with, so that secret scanners and people recognise one.
pub const PREFIX: &str = "osc_";

/// How long a token may live, as the form offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifetime {
    /// This many days from its making.
    Days(u64),
    /// Until revoked.
    Unlimited,
}

impl Lifetime {
    /// The choices, in the form's order (the first is the default).
    pub const CHOICES: [(&'static str, Lifetime); 4] = [
        ("90", Lifetime::Days(90)),
        ("30", Lifetime::Days(30)),
        ("365", Lifetime::Days(365)),
        ("never", Lifetime::Unlimited),
    ];

    fn parse(value: &str) -> Result<Self, &'static str> {
        Self::CHOICES
            .iter()
            .find(|(v, _)| *v == value)
            .map(|(_, l)| *l)
            .ok_or("field-choose")
    }
}

/// A new token as its owner asked for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApiToken {
    pub name: String,
    pub read: bool,
    pub write: bool,
    pub company_wide: bool,
    pub lifetime: Lifetime,
}

impl NewApiToken {
    /// Checks the form for `actor`: a name, at least one scope, a lifetime offered, and
    /// company-wide only for a company's administrator.
    pub fn parse(form: &ApiTokenForm, actor: &Actor) -> Result<Self, Errors> {
        let mut e = Errors::new();
        let name = e.check("name", domain::required_text(&form.name, 60));
        let (read, write) = (form.read == "on", form.write == "on");
        if !read && !write {
            e.add("scopes", "api-token-no-scope");
        }
        let company_wide = form.company_wide == "on";
        if company_wide && !actor.is_company_admin() {
            e.add("company_wide", "api-token-company-wide-admins");
        }
        let lifetime = e.check("lifetime", Lifetime::parse(&form.lifetime));
        e.finish(|| {
            Some(NewApiToken {
                name: name?,
                read,
                write,
                company_wide,
                lifetime: lifetime?,
            })
        })
    }
}

/// How making a token ended.
#[derive(Debug)]
pub enum Made {
    /// The token, to show once (it is never shown again), and what was stored.
    Made { secret: String, token: ApiToken },
    /// The person holds the most tokens allowed already.
    TooMany,
}

/// Makes a token for the person acting.
pub fn create(core: &Core, by: &Acting<'_>, new: NewApiToken) -> Result<Made, Failure> {
    let now = core.clock.now();
    let (random, _) = crate::secrets::token::generate();
    let secret = format!("{PREFIX}{random}");
    let token = ApiToken {
        user_id: by.user.id,
        name: new.name,
        read: new.read,
        write: new.write,
        company_wide: new.company_wide,
        created_at: now,
        expires_at: match new.lifetime {
            Lifetime::Days(days) => Some(now.saturating_add(days * 86_400)),
            Lifetime::Unlimited => None,
        },
        last_used_at: None,
    };
    let mut entry = by.entry(now, Event::ApiTokenCreated, &token.name);
    entry.subject_user = Some(by.user.id);
    entry.detail = scopes_word(&token).to_owned();
    let stored =
        core.store
            .api_tokens()
            .create(hash(&secret), &token, Effects::default().audited(entry))?;
    Ok(match stored {
        true => Made::Made { secret, token },
        false => Made::TooMany,
    })
}

/// The scopes of a token as the audit log writes them.
fn scopes_word(token: &ApiToken) -> &'static str {
    match (token.read, token.write) {
        (true, true) => "read write",
        (false, true) => "write",
        _ => "read",
    }
}

/// The tokens of `user`, the newest first.
pub fn list(core: &Core, user: &User) -> Result<Vec<ApiTokenInfo>, Failure> {
    Ok(core.store.api_tokens().of_user(user.id)?)
}

/// Revokes the acting person's token named `handle`; `false` when they have none such
/// (revoked already, or never theirs).
pub fn revoke(core: &Core, by: &Acting<'_>, handle: &str) -> Result<bool, Failure> {
    let now = core.clock.now();
    let revoked = core.store.api_tokens().revoke(
        by.user.id,
        handle,
        Box::new(|token: &ApiToken| {
            let mut entry = by.entry(now, Event::ApiTokenRevoked, &token.name);
            entry.subject_user = Some(by.user.id);
            entry
        }),
    )?;
    Ok(revoked.is_some())
}

/// The hash the store keeps a token under.
fn hash(secret: &str) -> [u8; 32] {
    crate::secrets::token::hash(secret)
}

/// Whether `secret` looks like a token of ours: anything else is refused before the
/// store is asked.
fn is_well_formed(secret: &str) -> bool {
    secret
        .strip_prefix(PREFIX)
        .is_some_and(crate::secrets::token::is_well_formed)
}

/// Who a request of the API acts for, and what its token lets it do.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The token's owner.
    pub user: User,
    /// What the access rules let the token see and do: its owner's, narrowed to their
    /// own requests and assigned plants for a company administrator's token that is not
    /// company-wide.
    pub actor: Actor,
    /// The token, as stored.
    pub token: ApiToken,
    /// The token's hash (its rate limit and last use are kept by it).
    pub hash: [u8; 32],
}

impl Caller {
    /// The company of the token's owner, for installers and wholesalers.
    pub fn company(&self, core: &Core) -> Result<Option<Company>, Failure> {
        match self.user.company {
            Some((id, _)) => Ok(core.store.companies().get(id)?),
            None => Ok(None),
        }
    }
}

/// How often a token's last use is written, at most.
const TOUCH_EVERY_SECS: u64 = 60;

/// The caller a token acts for, or `None` for a token that is malformed, unknown,
/// expired or whose owner cannot log in (blocked, removed, erased).
pub fn caller(core: &Core, secret: &str) -> Result<Option<Caller>, Failure> {
    if !is_well_formed(secret) {
        return Ok(None);
    }
    let now = core.clock.now();
    let hash = hash(secret);
    let Some(token) = core.store.api_tokens().get(hash)? else {
        return Ok(None);
    };
    if !token.is_live(now) {
        return Ok(None);
    }
    let Some(user) = core.store.users().get(token.user_id)? else {
        return Ok(None);
    };
    if user.status != UserStatus::Active {
        return Ok(None);
    }
    if token
        .last_used_at
        .is_none_or(|at| now >= at.saturating_add(TOUCH_EVERY_SECS))
    {
        core.store.api_tokens().touch(hash, now)?;
    }
    let mut actor = user.actor();
    if let Some((company, CompanyRole::Admin)) = actor.company
        && !token.company_wide
    {
        actor.company = Some((company, CompanyRole::Member));
    }
    Ok(Some(Caller {
        user,
        actor,
        token,
        hash,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_tokens_are_well_formed() {
        let (random, _) = crate::secrets::token::generate();
        assert!(is_well_formed(&format!("{PREFIX}{random}")));
        assert!(!is_well_formed(&random));
        assert!(!is_well_formed("osc_../../etc/passwd"));
        assert!(!is_well_formed(""));
    }
}
