//! Which addresses a webhook may be sent to, so that an endpoint cannot make the portal
//! reach into its own network (server-side request forgery): only `http` and `https`,
//! and no loopback, private, link-local (the cloud metadata service at 169.254.169.254
//! among them), shared, multicast or unspecified address, checked on the addresses a
//! name resolves to, unless the host or its address is listed in `webhooks.allow`.

use std::net::IpAddr;

use ipnet::IpNet;

/// The hosts and ranges of `webhooks.allow`: an air-gapped site's own systems.
#[derive(Debug, Clone, Default)]
pub struct Allow {
    hosts: Vec<String>,
    nets: Vec<IpNet>,
}

impl Allow {
    /// The setting's entries: each an address, a CIDR range or a host name.
    pub fn new(entries: &[String]) -> Self {
        let mut allow = Allow::default();
        for entry in entries {
            let entry = entry.trim();
            if let Ok(net) = entry.parse::<IpNet>() {
                allow.nets.push(net);
            } else if let Ok(ip) = entry.parse::<IpAddr>() {
                allow.nets.push(IpNet::from(ip));
            } else if !entry.is_empty() {
                allow
                    .hosts
                    .push(entry.trim_end_matches('.').to_ascii_lowercase());
            }
        }
        allow
    }

    /// Whether `host` (a name from a URL) is listed by name.
    pub fn host(&self, host: &str) -> bool {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        self.hosts.contains(&host)
    }

    /// Whether `ip` may be reached: a public address, or one listed.
    pub fn ip(&self, ip: IpAddr) -> bool {
        !internal(ip) || self.nets.iter().any(|n| n.contains(&ip))
    }
}

/// Whether `ip` belongs to a network a webhook must not reach unless listed.
pub fn internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || a == 0
                // Shared address space (carrier-grade NAT), RFC 6598.
                || (a == 100 && (64..128).contains(&b))
                // IETF protocol assignments (192.0.0.0/24) and benchmarking (198.18.0.0/15).
                || (a == 192 && b == 0 && v4.octets()[2] == 0)
                || (a == 198 && (b == 18 || b == 19))
                || a >= 240
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return internal(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                // Unique local (fc00::/7, AWS's metadata fd00:ec2::254 among them).
                || (first & 0xfe00) == 0xfc00
                // Link-local (fe80::/10).
                || (first & 0xffc0) == 0xfe80
                // IPv4-compatible and NAT64 (64:ff9b::/96) forms of any address.
                || (v6.segments()[..6] == [0, 0, 0, 0, 0, 0])
                || (v6.segments()[..6] == [0x64, 0xff9b, 0, 0, 0, 0])
        }
    }
}

/// Why a URL cannot be an endpoint, before anything is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlRefused {
    /// Not an absolute `http` or `https` URL with a host.
    NotHttp,
    /// It carries a user name or password.
    Credentials,
    /// Its host is an address in a refused range.
    InternalAddress,
}

/// A webhook URL, checked as far as it can be without resolving its host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HookUrl {
    /// The URL as it will be requested.
    pub url: String,
    /// Its host: a name to resolve, or an address already checked.
    pub host: String,
}

/// Checks `typed` is an `http(s)` URL whose host, if an address, may be reached.
pub fn parse(typed: &str, allow: &Allow) -> Result<HookUrl, UrlRefused> {
    let url = reqwest::Url::parse(typed.trim()).map_err(|_| UrlRefused::NotHttp)?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(UrlRefused::NotHttp);
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlRefused::Credentials);
    }
    let host = match url.host() {
        Some(url::Host::Domain(d)) => d.to_owned(),
        Some(url::Host::Ipv4(ip)) => {
            check_ip(IpAddr::V4(ip), allow)?;
            ip.to_string()
        }
        Some(url::Host::Ipv6(ip)) => {
            check_ip(IpAddr::V6(ip), allow)?;
            ip.to_string()
        }
        None => return Err(UrlRefused::NotHttp),
    };
    Ok(HookUrl {
        url: url.to_string(),
        host,
    })
}

fn check_ip(ip: IpAddr, allow: &Allow) -> Result<(), UrlRefused> {
    if allow.ip(ip) {
        Ok(())
    } else {
        Err(UrlRefused::InternalAddress)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(ip: &str) -> bool {
        internal(ip.parse().unwrap())
    }

    #[test]
    fn internal_ranges_are_refused_and_public_ones_reached() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "::1",
            "::",
            "fd00:ec2::254",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "64:ff9b::a00:1",
        ] {
            assert!(refused(ip), "{ip} must be refused");
        }
        for ip in ["93.184.216.34", "1.1.1.1", "172.32.0.1", "2606:4700::1111"] {
            assert!(!refused(ip), "{ip} is public");
        }
    }

    #[test]
    fn urls_are_http_without_credentials_and_listed_ranges_pass() {
        let none = Allow::default();
        assert_eq!(parse("ftp://example.com/", &none), Err(UrlRefused::NotHttp));
        assert_eq!(parse("file:///etc/passwd", &none), Err(UrlRefused::NotHttp));
        assert_eq!(parse("not a url", &none), Err(UrlRefused::NotHttp));
        assert_eq!(
            parse("https://u:p@example.com/", &none),
            Err(UrlRefused::Credentials)
        );
        assert_eq!(
            parse("http://169.254.169.254/latest/meta-data", &none),
            Err(UrlRefused::InternalAddress)
        );
        assert_eq!(
            parse("http://[::1]:8080/", &none),
            Err(UrlRefused::InternalAddress)
        );
        assert_eq!(
            parse("http://2130706433/", &none),
            Err(UrlRefused::InternalAddress),
            "a decimal address is an address"
        );
        let ok = parse("https://hooks.example.com/osc?x=1", &none).unwrap();
        assert_eq!(ok.host, "hooks.example.com");
        let allow = Allow::new(&["10.0.0.0/8".into(), "ERP.local".into(), "127.0.0.1".into()]);
        assert!(parse("http://10.2.3.4/", &allow).is_ok());
        assert!(parse("http://127.0.0.1:9/", &allow).is_ok());
        assert!(allow.host("erp.local."));
        assert!(!allow.host("erp.example.com"));
        assert!(!allow.ip("192.168.1.1".parse().unwrap()));
    }
}
