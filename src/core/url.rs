//! Splitting a URL into the parts that page recognition looks at, without allocating.
//!
//! Recognition runs on every AliExpress page load, so this borrows slices of the input
//! instead of building a `Url`. It is total: anything it can't read gives `None`.

/// The parts of an absolute URL, borrowed from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrlParts<'a> {
    /// Scheme without `:`, e.g. `https`.
    pub scheme: &'a str,
    /// Host without user info, port or trailing dot, as written (not lower-cased).
    pub host: &'a str,
    /// Path, starting with `/` (`/` when the URL has none).
    pub path: &'a str,
    /// Query without `?` (empty when absent).
    pub query: &'a str,
    /// Fragment without `#` (empty when absent).
    pub fragment: &'a str,
}

/// Splits `url` into its parts.
///
/// ```
/// use exit_assistant::core::url::split_url;
/// let u = split_url("https://user@www.aliexpress.com:443/p/order/index.html?a=1#top").unwrap();
/// assert_eq!((u.host, u.path, u.query, u.fragment), ("www.aliexpress.com", "/p/order/index.html", "a=1", "top"));
/// ```
pub fn split_url(url: &str) -> Option<UrlParts<'_>> {
    // A scheme holds no `:`, so this finds what `split_once("://")` would, and it needs no
    // substring searcher (about 2 KB of the launcher's WASM).
    let (scheme, rest) = url.split_once(':')?;
    let rest = rest.strip_prefix("//")?;
    if scheme.is_empty()
        || !scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.')
    {
        return None;
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, rest) = rest.split_at_checked(authority_end)?;
    // `user:pass@host`: the host is what follows the last `@`, which defeats
    // `https://www.aliexpress.com@evil.example/` look-alikes.
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host_port,
    };
    let host = host.strip_suffix('.').unwrap_or(host);
    if host.is_empty() {
        return None;
    }
    let (before_fragment, fragment) = rest.split_once('#').unwrap_or((rest, ""));
    let (path, query) = before_fragment
        .split_once('?')
        .unwrap_or((before_fragment, ""));
    let path = if path.is_empty() { "/" } else { path };
    Some(UrlParts {
        scheme,
        host,
        path,
        query,
        fragment,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_part() {
        let cases = [
            (
                "https://www.aliexpress.com",
                Some(("https", "www.aliexpress.com", "/", "", "")),
            ),
            (
                "https://WWW.AliExpress.com./p?x#y",
                Some(("https", "WWW.AliExpress.com", "/p", "x", "y")),
            ),
            (
                "https://a.b:8443/c?d=e",
                Some(("https", "a.b", "/c", "d=e", "")),
            ),
            (
                "https://x@evil.example/",
                Some(("https", "evil.example", "/", "", "")),
            ),
            (
                "https://privacy.aliexpress.com/home#/request/delete",
                Some((
                    "https",
                    "privacy.aliexpress.com",
                    "/home",
                    "",
                    "/request/delete",
                )),
            ),
            (
                "https://h/p#f?notquery",
                Some(("https", "h", "/p", "", "f?notquery")),
            ),
            ("about:blank", None),
            ("https://", None),
            ("://host/", None),
            ("not a url", None),
        ];
        for (input, want) in cases {
            let got = split_url(input).map(|u| (u.scheme, u.host, u.path, u.query, u.fragment));
            assert_eq!(got, want, "{input}");
        }
    }
}
