//! What a backup is missing, said plainly: the gaps that keep it from being complete.

use super::record::Backup;
use crate::core::order::Warning;
use crate::core::status::OrderState;

impl Backup {
    /// What is missing, said plainly. Empty exactly when the backup is complete.
    pub fn gaps(&self) -> Vec<Warning> {
        let mut gaps = self.events.clone();
        if !self.list_exhausted {
            gaps.push(Warning::with(
                "list_not_finished",
                format!(
                    "the order list was not read to its end: {} orders so far",
                    self.orders.len()
                ),
                vec![self.orders.len().to_string()],
            ));
        }
        let missing = self.pending_details();
        if !missing.is_empty() {
            gaps.push(Warning::with(
                "details_missing",
                format!(
                    "{} orders still need their detail page read (items or tracking): {}",
                    missing.len(),
                    missing.join(", ")
                ),
                vec![missing.len().to_string(), missing.join(", ")],
            ));
        }
        match self.stated_count {
            Some(stated) if self.list_exhausted && stated as usize != self.orders.len() => {
                gaps.push(Warning::with(
                    "count_mismatch",
                    format!(
                        "the page says {stated} orders, the backup holds {}",
                        self.orders.len()
                    ),
                    vec![stated.to_string(), self.orders.len().to_string()],
                ));
            }
            _ => {}
        }
        if let Some(stated) = self.unfinished_missing() {
            gaps.push(Warning::with(
                "unfinished_count_mismatch",
                format!("the page's \"To pay\", \"Processing\" and \"Processed\" tabs count {stated} orders, but the backup holds only {} orders that are not finished", self.unfinished_held()),
                vec![stated.to_string(), self.unfinished_held().to_string()],
            ));
        }
        let unreadable: Vec<&str> = self
            .orders
            .values()
            .filter(|s| s.order.items.is_empty())
            .map(|s| s.order.id.as_str())
            .collect();
        if !unreadable.is_empty() {
            gaps.push(Warning::with(
                "orders_without_items",
                format!("no items could be read for: {}", unreadable.join(", ")),
                vec![unreadable.join(", ")],
            ));
        }
        gaps
    }

    /// Complete: the list was exhausted and nothing is missing. Exactly when [`gaps`] is
    /// empty, without writing the gaps out: a save asks this at every step.
    ///
    /// [`gaps`]: Backup::gaps
    pub fn is_complete(&self) -> bool {
        let count_checked = self
            .stated_count
            .is_none_or(|stated| stated as usize == self.orders.len());
        self.events.is_empty()
            && self.list_exhausted
            && count_checked
            && self.unfinished_missing().is_none()
            && !self
                .orders
                .values()
                .any(|s| (s.opens_detail && !s.detailed) || s.order.items.is_empty())
    }

    /// Orders held that are not finished, or whose status the assistant doesn't know.
    fn unfinished_held(&self) -> usize {
        self.orders
            .values()
            .filter(|s| !matches!(s.order.state, OrderState::Completed | OrderState::Closed))
            .count()
    }

    /// The count the status tabs state, when the backup holds fewer unfinished orders than
    /// that: orders are missing. Holding more is no gap (a status read differently).
    fn unfinished_missing(&self) -> Option<u32> {
        let stated = self.unfinished_stated?;
        (self.list_exhausted && (stated as usize) > self.unfinished_held()).then_some(stated)
    }
}
