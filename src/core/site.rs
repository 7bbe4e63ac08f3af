//! Which AliExpress site a host belongs to, and what kind of host it is.

use serde::{Deserialize, Serialize};

/// An AliExpress storefront. `aliexpress.ru` runs a different front end, so it is its own site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Site {
    /// `aliexpress.com` and all its subdomains (language, mobile and service hosts).
    Global,
    /// `aliexpress.us`, the US storefront: same pages as Global, different item ids.
    Us,
    /// `aliexpress.ru`: a separate front end with its own order pages.
    Russia,
}

impl Site {
    /// Every site.
    pub const ALL: [Site; 3] = [Site::Global, Site::Us, Site::Russia];

    /// The site's name in JSON, as serde writes it (`global`); `tests/messages.rs` checks
    /// that the two agree.
    pub const fn name(self) -> &'static str {
        match self {
            Site::Global => "global",
            Site::Us => "us",
            Site::Russia => "russia",
        }
    }
}

/// Registrable domains, longest first is not needed: none is a suffix of another.
const SITE_DOMAINS: [(&str, Site); 3] = [
    ("aliexpress.com", Site::Global),
    ("aliexpress.us", Site::Us),
    ("aliexpress.ru", Site::Russia),
];

/// A host split into its site and the labels in front of the site's domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SiteHost<'a> {
    /// The site the host belongs to.
    pub site: Site,
    /// Labels before the registrable domain: `""` for `aliexpress.com`, `"www"`, `"m.it"`.
    pub subdomain: &'a str,
}

/// Finds the site of `host`, comparing without regard to ASCII case. `None` when the host is
/// not an AliExpress host, including look-alikes such as `aliexpress.com.evil.example`.
///
/// ```
/// use exit_assistant::core::site::{site_of_host, Site};
/// assert_eq!(site_of_host("ko.aliexpress.com").map(|h| (h.site, h.subdomain)), Some((Site::Global, "ko")));
/// assert!(site_of_host("notaliexpress.com").is_none());
/// ```
pub fn site_of_host(host: &str) -> Option<SiteHost<'_>> {
    SITE_DOMAINS.iter().find_map(|&(domain, site)| {
        let subdomain = strip_domain(host, domain)?;
        Some(SiteHost { site, subdomain })
    })
}

/// The name a host's orders are backed up under: its site's domain. `aliexpress.com` and all
/// its language, `m.`, `trade.` hosts are one site, so one backup, whichever host a run was on;
/// `aliexpress.us` and `aliexpress.ru` are others. A host of no AliExpress site names itself.
///
/// ```
/// use exit_assistant::core::site::backup_site;
/// assert_eq!(backup_site("pt.aliexpress.com"), "aliexpress.com");
/// assert_eq!(backup_site("WWW.AliExpress.us"), "aliexpress.us");
/// ```
pub fn backup_site(host: &str) -> String {
    match site_of_host(host) {
        Some(h) => SITE_DOMAINS
            .iter()
            .find(|&&(_, site)| site == h.site)
            .map_or(host, |&(domain, _)| domain)
            .to_owned(),
        None => host.to_owned(),
    }
}

/// `Some(labels before domain)` when `host` is `domain` or ends with `.domain`.
fn strip_domain<'a>(host: &'a str, domain: &str) -> Option<&'a str> {
    if host.len() == domain.len() {
        return host.eq_ignore_ascii_case(domain).then_some("");
    }
    // Checked splits only: recognition runs in the launcher's small WASM, where a slicing
    // panic's message machinery would cost several KB.
    let split = host.len().checked_sub(domain.len() + 1)?;
    let (front, tail) = host.split_at_checked(split)?;
    let tail = tail.strip_prefix('.')?;
    tail.eq_ignore_ascii_case(domain).then_some(front)
}

/// Whether a subdomain serves the shopping front end (the `/p/...` pages): the bare domain,
/// `www`, `m`, `best`, and the two-letter language hosts (`ko.`, `pt.`, `m.it.`).
///
/// The language of a host does not set the page language (the `aep_usuc_f` cookie does), so
/// nothing downstream may key on which language host this is.
pub fn is_storefront_subdomain(subdomain: &str) -> bool {
    let sub = match subdomain.split_at_checked(2) {
        Some((m, rest)) if m.eq_ignore_ascii_case("m.") => rest,
        _ => subdomain,
    };
    ["", "www", "m", "best"]
        .iter()
        .any(|s| sub.eq_ignore_ascii_case(s))
        || (sub.len() == 2 && sub.bytes().all(|b| b.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_lookalikes() {
        let cases = [
            ("aliexpress.com", Some((Site::Global, ""))),
            ("www.aliexpress.com", Some((Site::Global, "www"))),
            ("WWW.ALIEXPRESS.COM", Some((Site::Global, "WWW"))),
            ("m.it.aliexpress.com", Some((Site::Global, "m.it"))),
            ("trade.aliexpress.com", Some((Site::Global, "trade"))),
            ("www.aliexpress.us", Some((Site::Us, "www"))),
            ("aliexpress.ru", Some((Site::Russia, ""))),
            ("trade.aliexpress.ru", Some((Site::Russia, "trade"))),
            ("notaliexpress.com", None),
            ("aliexpress.com.evil.example", None),
            ("evil-aliexpress.com", None),
            ("aliexpress.co", None),
            ("é.aliexpress.com", Some((Site::Global, "é"))),
            ("", None),
        ];
        for (host, want) in cases {
            assert_eq!(
                site_of_host(host).map(|h| (h.site, h.subdomain)),
                want,
                "{host}"
            );
        }
    }

    #[test]
    fn storefront_subdomains() {
        for sub in ["", "www", "m", "best", "ko", "pt", "m.it", "WWW"] {
            assert!(is_storefront_subdomain(sub), "{sub}");
        }
        for sub in [
            "trade",
            "accounts",
            "privacy",
            "login",
            "msg",
            "ilogisticsaddress",
            "a.b",
            "k1",
        ] {
            assert!(!is_storefront_subdomain(sub), "{sub}");
        }
    }
}
