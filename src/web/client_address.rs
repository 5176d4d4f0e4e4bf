//! The client's address: the peer's, or, when the peer is one of the trusted reverse
//! proxies (`server.trusted_proxies`), the one the proxies' `X-Forwarded-For` (else
//! `Forwarded`) names. The chain is read from the right, skipping trusted proxies, so a
//! client cannot pass itself off as another address by sending the header itself.

use std::net::{IpAddr, SocketAddr};

use axum::http::HeaderMap;
use ipnet::IpNet;

/// The address a request comes from, as the throttles and the audit log see it.
pub fn of(peer: SocketAddr, headers: &HeaderMap, trusted: &[IpNet]) -> SocketAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|n| n.contains(ip));
    if !is_trusted(&peer.ip()) {
        return peer;
    }
    let mut chain = forwarded_for(headers);
    while let Some(hop) = chain.pop() {
        match hop {
            Some(ip) if is_trusted(&ip) => continue,
            Some(ip) => return SocketAddr::new(ip, 0),
            // A hop that is not an address: nothing left of it can be believed.
            None => break,
        }
    }
    peer
}

/// The addresses of `X-Forwarded-For`, else of `Forwarded`'s `for=`, in order; `None`
/// for an entry that is not an address (`unknown`, an obfuscated name, garbage).
fn forwarded_for(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let values = |name| {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect::<Vec<_>>()
    };
    let xff = values("x-forwarded-for");
    if !xff.is_empty() {
        return xff.into_iter().map(parse_hop).collect();
    }
    values("forwarded")
        .into_iter()
        .map(|element| {
            element
                .split(';')
                .filter_map(|pair| pair.trim().split_once('='))
                .find(|(k, _)| k.eq_ignore_ascii_case("for"))
                .and_then(|(_, v)| parse_hop(v))
        })
        .collect()
}

/// One hop: `192.0.2.1`, `192.0.2.1:4711`, `2001:db8::1`, `"[2001:db8::1]:4711"`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim().trim_matches('"');
    if let Ok(ip) = hop.parse() {
        return Some(ip);
    }
    if let Ok(sock) = hop.parse::<SocketAddr>() {
        return Some(sock.ip());
    }
    hop.strip_prefix('[')
        .and_then(|h| h.split_once(']'))
        .and_then(|(ip, _)| ip.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    const PROXY: &str = "10.0.0.5:40000";

    fn trusted() -> Vec<IpNet> {
        vec!["10.0.0.0/8".parse().unwrap()]
    }

    #[test]
    fn only_a_trusted_peer_is_believed() {
        let h = headers(&[("x-forwarded-for", "203.0.113.7")]);
        let direct: SocketAddr = "198.51.100.2:5000".parse().unwrap();
        assert_eq!(of(direct, &h, &trusted()), direct);
        let via = of(PROXY.parse().unwrap(), &h, &trusted());
        assert_eq!(via.ip(), "203.0.113.7".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn the_chain_is_read_from_the_right() {
        // The client sent a made-up first entry; the proxy appended the real address.
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.7, 10.0.0.9")]);
        let ip = of(PROXY.parse().unwrap(), &h, &trusted()).ip();
        assert_eq!(ip, "203.0.113.7".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn forwarded_and_odd_hops() {
        let h = headers(&[("forwarded", "for=\"[2001:db8::1]:4711\";proto=https")]);
        let ip = of(PROXY.parse().unwrap(), &h, &trusted()).ip();
        assert_eq!(ip, "2001:db8::1".parse::<IpAddr>().unwrap());
        let h = headers(&[("x-forwarded-for", "unknown")]);
        assert_eq!(
            of(PROXY.parse().unwrap(), &h, &trusted()),
            PROXY.parse().unwrap()
        );
        let none = HeaderMap::new();
        assert_eq!(
            of(PROXY.parse().unwrap(), &none, &trusted()),
            PROXY.parse().unwrap()
        );
    }
}
