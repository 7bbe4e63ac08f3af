//! One writer per backup. A save rewrites the head and whole chunks from the saving tab's own
//! copy, so two tabs running one site's backup from one saved state would each overwrite the
//! other's orders. A run therefore holds its site's lease in storage (`lease:{site}`) while it
//! works, renewed on a heartbeat, in the name of its tab. A tab that is closed holds nothing,
//! and a page reloaded in the tab frees its tab's lease; any other lease lapses when its tab
//! stops renewing it.
//!
//! - A run starts only where no other run holds a live lease, and other tabs say that a
//!   backup is running elsewhere instead of offering a second start.
//! - Before each write, a run checks that the lease is still its own: if another run took it
//!   over (this tab was asleep past the lapse), it stops without writing.

use serde::{Deserialize, Serialize};

/// How long a lease lives without renewal: longer than any wait of a run between two
/// heartbeats.
pub const LEASE_MS: f64 = 60_000.0;

/// How often a running tab renews its lease.
pub const RENEW_EVERY_MS: u32 = 15_000;

/// A run's hold on its site's backup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lease {
    /// The run that holds it: an id drawn when the run starts.
    pub owner: String,
    /// When it lapses (milliseconds since the epoch).
    pub until_ms: f64,
}

/// A lease's owner: the tab whose run holds it. A reloaded page in that tab knows the lease
/// for its own (and frees it: the run that held it died with the old page), and a lease whose
/// tab was closed holds nothing.
pub fn tab_owner(tab: i32) -> String {
    format!("tab:{tab}")
}

/// The tab a lease's owner names.
pub fn owner_tab(owner: &str) -> Option<i32> {
    owner.strip_prefix("tab:")?.parse().ok()
}

/// The storage key of a site's lease.
pub fn lease_key(site: &str) -> String {
    format!("lease:{site}")
}

impl Lease {
    /// A lease for `owner`, from `now` on.
    pub fn new(owner: &str, now: f64) -> Self {
        Lease {
            owner: owner.to_owned(),
            until_ms: now + LEASE_MS,
        }
    }

    /// Whether it is live at `now`.
    pub fn is_live(&self, now: f64) -> bool {
        self.until_ms > now
    }

    /// How long a page that another tab's lease holds back waits before it looks again: until
    /// the lease would lapse (a tab that died stops renewing it), plus a moment, and never
    /// longer than an hour.
    pub fn look_again_in_ms(&self, now: f64) -> u32 {
        (self.until_ms - now).clamp(0.0, 3_600_000.0) as u32 + 500
    }
}

/// Whether another run holds a live lease on the site: `me` may not start, or write.
pub fn held_by_other(stored: Option<&Lease>, me: &str, now: f64) -> bool {
    stored.is_some_and(|l| l.owner != me && l.is_live(now))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_lease_of_another_run_blocks_and_a_lapsed_one_does_not() {
        let a = Lease::new("a", 1_000.0);
        assert!(!held_by_other(None, "b", 1_000.0));
        assert!(held_by_other(Some(&a), "b", 1_000.0 + LEASE_MS - 1.0));
        assert!(!held_by_other(Some(&a), "b", 1_000.0 + LEASE_MS));
        assert!(!held_by_other(Some(&a), "a", 1_000.0), "its own lease");
        assert!(
            f64::from(RENEW_EVERY_MS) * 3.0 < LEASE_MS,
            "renewed well before it lapses"
        );
    }

    #[test]
    fn a_page_held_back_looks_again_just_after_the_lease_would_lapse() {
        let lease = Lease::new("tab:7", 1_000.0);
        assert_eq!(lease.look_again_in_ms(1_000.0), LEASE_MS as u32 + 500);
        assert_eq!(
            lease.look_again_in_ms(1_000.0 + LEASE_MS * 2.0),
            500,
            "lapsed: at once"
        );
        let far = Lease {
            owner: "tab:7".into(),
            until_ms: 1e15,
        };
        assert_eq!(
            far.look_again_in_ms(0.0),
            3_600_500,
            "a clock far off waits an hour"
        );
    }
}
