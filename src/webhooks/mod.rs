//! Sending webhook deliveries (docs/webhooks.md): which addresses a delivery may reach
//! ([`address`]), the signature receivers check ([`signature`]) and the HTTP client that
//! posts them ([`sender`]). The deliveries themselves, their queue and their retries are
//! the store's and the service's; this module only talks to the network.

pub mod address;
pub mod sender;
pub mod signature;
