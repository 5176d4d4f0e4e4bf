//! How a reply finds its request: every message the portal sends gets a Message-ID that
//! names it (and the ticket whose thread it belongs to), the thread's messages point at
//! one root id in `In-Reply-To` and `References`, and carry a per-request reply address
//! (`service+t42.1f2e3d4c5b@example.com`) when a service address is set. Each id and
//! address carries a tag, an HMAC of what it names under the instance's key, so an id
//! cannot be made up to reach another request's thread; the domain is not trusted.

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The instance's threading key and the domain its ids are made in.
#[derive(Clone)]
pub struct Threading {
    key: [u8; 32],
    domain: String,
    /// The service address as local part and domain, when one is set.
    service: Option<(String, String)>,
}

impl std::fmt::Debug for Threading {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Threading")
            .field("domain", &self.domain)
            .field("service", &self.service)
            .finish_non_exhaustive()
    }
}

/// Hex digits of the tag: 40 bits, enough that guessing one is hopeless.
const TAG_LEN: usize = 10;

/// The local part and domain of an address (`Name <a@b>` or `a@b`).
fn split_address(address: &str) -> Option<(String, String)> {
    let bare = match (address.rfind('<'), address.rfind('>')) {
        (Some(a), Some(b)) if a < b => &address[a + 1..b],
        _ => address,
    };
    let (local, domain) = bare.trim().rsplit_once('@')?;
    (!local.is_empty() && !domain.is_empty())
        .then(|| (local.to_owned(), domain.to_ascii_lowercase()))
}

impl Threading {
    /// Ids made in the domain of `from` (the portal's sender), reply addresses derived
    /// from `service_address` (none when it is empty).
    pub fn new(key: [u8; 32], from: &str, service_address: &str) -> Self {
        let service = split_address(service_address);
        let domain = split_address(from)
            .map(|(_, d)| d)
            .or_else(|| service.as_ref().map(|(_, d)| d.clone()))
            .unwrap_or_else(|| "localhost".to_owned());
        Self {
            key,
            domain,
            service,
        }
    }

    fn tag(&self, what: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("any key length");
        mac.update(what.as_bytes());
        let mut tag = hex::encode(mac.finalize().into_bytes());
        tag.truncate(TAG_LEN);
        tag
    }

    fn signed(&self, what: &str) -> String {
        format!("{what}.{}", self.tag(what))
    }

    /// `what` if `signed` is `what.<its tag>`, whatever the case (mail programs may
    /// change it).
    fn verified(&self, signed: &str) -> Option<String> {
        let signed = signed.to_ascii_lowercase();
        let (what, tag) = signed.rsplit_once('.')?;
        (tag.len() == TAG_LEN && tag == self.tag(what)).then(|| what.to_owned())
    }

    /// The Message-ID every message of ticket `ticket`'s thread refers to.
    pub fn thread_id(&self, ticket: u64) -> String {
        format!(
            "<osc.{}@{}>",
            self.signed(&format!("t{ticket}")),
            self.domain
        )
    }

    /// The Message-ID of queued message `mail` (of `thread`'s ticket, if any).
    pub fn message_id(&self, mail: u64, thread: Option<u64>) -> String {
        let what = match thread {
            Some(t) => format!("m{mail}-t{t}"),
            None => format!("m{mail}"),
        };
        format!("<osc.{}@{}>", self.signed(&what), self.domain)
    }

    /// The address replies about ticket `ticket` go to, when a service address is set.
    pub fn reply_address(&self, ticket: u64) -> Option<String> {
        let (local, domain) = self.service.as_ref()?;
        let local = local.split('+').next().unwrap_or(local);
        Some(format!(
            "{local}+{}@{domain}",
            self.signed(&format!("t{ticket}"))
        ))
    }

    /// The service address itself, if set.
    pub fn is_service_address(&self, address: &str) -> bool {
        match (&self.service, split_address(address)) {
            (Some((local, domain)), Some((l, d))) => {
                l.split('+')
                    .next()
                    .unwrap_or(&l)
                    .eq_ignore_ascii_case(local)
                    && d == *domain
            }
            _ => false,
        }
    }

    /// What one of our Message-IDs names: `(mail, ticket)`, either may be absent.
    fn parse_id(&self, id: &str) -> Option<(Option<u64>, Option<u64>)> {
        let id = id.trim().trim_start_matches('<').trim_end_matches('>');
        let (local, _) = id.rsplit_once('@')?;
        let what = self.verified(local.strip_prefix("osc.")?)?;
        let mut mail = None;
        let mut ticket = None;
        for part in what.split('-') {
            if let Some(n) = part.strip_prefix('m') {
                mail = Some(n.parse().ok()?);
            } else if let Some(n) = part.strip_prefix('t') {
                ticket = Some(n.parse().ok()?);
            } else {
                return None;
            }
        }
        Some((mail, ticket))
    }

    /// The ticket one of our Message-IDs (a thread's or a message's) belongs to.
    pub fn ticket_of_id(&self, id: &str) -> Option<u64> {
        self.parse_id(id)?.1
    }

    /// The queued message one of our Message-IDs names.
    pub fn mail_of_id(&self, id: &str) -> Option<u64> {
        self.parse_id(id)?.0
    }

    /// The ticket a per-request reply address names.
    pub fn ticket_of_address(&self, address: &str) -> Option<u64> {
        let (local, _) = split_address(address)?;
        let (_, token) = local.split_once('+')?;
        self.verified(token)?.strip_prefix('t')?.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn threading() -> Threading {
        Threading::new(
            [7; 32],
            "Online Service Center <noreply@example.com>",
            "service@example.com",
        )
    }

    #[test]
    fn ids_name_their_message_and_thread_and_cannot_be_made_up() {
        let t = threading();
        let id = t.message_id(12, Some(42));
        assert!(id.starts_with("<osc.m12-t42.") && id.ends_with("@example.com>"));
        assert_eq!(t.ticket_of_id(&id), Some(42));
        assert_eq!(t.mail_of_id(&id), Some(12));
        assert_eq!(t.ticket_of_id(&t.thread_id(42)), Some(42));
        assert_eq!(t.mail_of_id(&t.message_id(5, None)), Some(5));
        // Another ticket's number with this tag, another instance's key, a stranger's id.
        let forged = id.replace("t42", "t43");
        assert_eq!(t.ticket_of_id(&forged), None);
        let other = Threading::new([8; 32], "noreply@example.com", "");
        assert_eq!(other.ticket_of_id(&id), None);
        assert_eq!(t.ticket_of_id("<CAF=abc@mail.gmail.com>"), None);
    }

    #[test]
    fn reply_addresses_carry_the_request() {
        let t = threading();
        let address = t.reply_address(42).unwrap();
        assert!(address.starts_with("service+t42."), "{address}");
        assert_eq!(t.ticket_of_address(&address), Some(42));
        assert_eq!(
            t.ticket_of_address(&format!("Service <{}>", address.to_uppercase())),
            Some(42)
        );
        assert_eq!(
            t.ticket_of_address("service+t42.0000000000@example.com"),
            None
        );
        assert!(t.is_service_address("Service <SERVICE@example.com>"));
        assert!(t.is_service_address(&address));
        assert!(!t.is_service_address("anna@example.com"));
        let none = Threading::new([7; 32], "noreply@example.com", "");
        assert_eq!(none.reply_address(42), None);
    }
}
