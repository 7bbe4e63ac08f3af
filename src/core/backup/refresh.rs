//! Bringing a complete backup up to date without reading the whole history again.
//!
//! People back up, wait for their last orders to arrive, and back up again just before they
//! delete the account. The second run reads the list from its newest order, as any run
//! does, and stops early once both of these hold:
//! - every saved order that could still change has been read again: the unfinished ones,
//!   those with an open refund or dispute, and finished ones inside the dispute window (the
//!   orders the verdict may flag, `readiness::may_flag`);
//! - the last [`KNOWN_IN_A_ROW`] orders it read were saved already, finished, and read the
//!   same.
//!
//! What lies beyond is what the last full read saved. The panel says so, and offers a full
//! read. One thing only a full read sees: an order finished before the dispute window
//! whose page changed afterwards.

use std::collections::BTreeSet;

use super::record::{Backup, RefreshNote};
use crate::core::order::Order;
use crate::core::parse::ListedOrder;
use crate::core::readiness::may_flag;
use crate::core::status::OrderState;

/// Saved, finished orders read the same in a row, after which the rest of the list is taken
/// as the last full read saved it: two presses of "View orders".
pub const KNOWN_IN_A_ROW: usize = 20;

/// A refresh under way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refresh {
    /// Saved orders that could still change, not read again yet.
    to_see: BTreeSet<String>,
    /// Every order read so far (a step reads the last page's worth again).
    seen: BTreeSet<String>,
    /// Saved, finished orders read the same, in a row, on the tab being read.
    known_in_a_row: usize,
}

impl Refresh {
    /// A refresh of `backup`, if it may be one: only a complete backup is brought up to
    /// date; any other is read in full. `today` is `YYYY-MM-DD`.
    pub fn start(backup: &Backup, today: &str) -> Option<Refresh> {
        if backup.orders.is_empty() || !backup.is_complete() {
            return None;
        }
        let to_see = backup
            .orders
            .values()
            .filter(|s| may_flag(&s.order, today))
            .map(|s| s.order.id.clone())
            .collect();
        Some(Refresh {
            to_see,
            ..Refresh::default()
        })
    }

    /// Takes in cards just read, before they are merged into `backup`.
    pub fn saw(&mut self, listed: &[ListedOrder], backup: &Backup) {
        for entry in listed {
            let id = &entry.order.id;
            if !self.seen.insert(id.clone()) {
                continue;
            }
            self.to_see.remove(id);
            let known = backup
                .orders
                .get(id)
                .is_some_and(|saved| finished_and_same(&saved.order, &entry.order));
            self.known_in_a_row = if known { self.known_in_a_row + 1 } else { 0 };
        }
    }

    /// The list moved to another tab ("Deleted orders"): a run of known orders starts anew.
    pub fn new_tab(&mut self) {
        self.known_in_a_row = 0;
    }

    /// Whether the rest of the tab being read is what the last full read saved.
    pub fn caught_up(&self) -> bool {
        self.to_see.is_empty() && self.known_in_a_row >= KNOWN_IN_A_ROW
    }

    /// What this refresh read, and what it kept, in `backup` as it is now.
    pub fn note(&self, backup: &Backup) -> RefreshNote {
        RefreshNote {
            read: self.seen.len(),
            kept: backup.orders.len().saturating_sub(self.seen.len()),
        }
    }
}

/// A finished order whose new reading says what the saved one does.
fn finished_and_same(saved: &Order, read: &Order) -> bool {
    matches!(read.state, OrderState::Completed | OrderState::Closed)
        && saved.status == read.status
        && saved.state == read.state
        && saved.total == read.total
        && saved.notes == read.notes
        && saved.deleted == read.deleted
        && saved.placed_on == read.placed_on
}
