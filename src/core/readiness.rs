//! Readiness to close the account: which orders would be left hanging, which are still under
//! buyer protection, and the verdict the panel always shows.

use serde::Serialize;

use std::collections::BTreeMap;

use super::money_left::{Asset, AssetCheck, Holding};
use super::order::{self, Order};
use super::status::{is_open_case_note, OrderState};

/// A dispute can be opened within 90 days after the order was placed [V: the detail page's
/// reminder in `tests/fixtures/samples`, "you can open a dispute within 90 days after order
/// was placed"].
pub const DISPUTE_WINDOW_DAYS: i64 = 90;

/// An order the user should look at before closing, with where to do it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderFinding {
    /// The order number.
    pub id: String,
    /// The status as shown.
    pub status: String,
    /// The normalised state.
    pub state: OrderState,
    /// When it was placed.
    pub placed_on: Option<String>,
    /// Its detail page.
    pub detail_url: String,
    /// A note saying a refund or dispute is still open, if any.
    pub open_case: Option<String>,
}

impl OrderFinding {
    fn of(order: &Order) -> Self {
        OrderFinding {
            id: order.id.clone(),
            status: order.status.clone(),
            state: order.state,
            placed_on: order.placed_on.clone(),
            detail_url: order.detail_url.clone(),
            open_case: order.notes.iter().find(|n| is_open_case_note(n)).cloned(),
        }
    }
}

/// What the user should settle before closing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Readiness {
    /// Orders not finished: unpaid, unshipped, on their way, with an open refund or dispute,
    /// or with a status the assistant doesn't know (better asked about than lost). Blockers.
    pub pending: Vec<OrderFinding>,
    /// Completed orders still inside the dispute window. A warning: closing gives up the
    /// right to dispute them.
    pub under_protection: Vec<OrderFinding>,
    /// A complete backup exists.
    pub backup_complete: bool,
    /// Each asset and what it holds, when known ([`Readiness::check_money`]); empty until
    /// checked.
    pub money: Vec<MoneyFinding>,
}

/// An asset and what the user's pages (or the user) said it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MoneyFinding {
    /// The asset.
    pub asset: Asset,
    /// What it holds; `None` until its page is visited or the user says.
    pub holding: Option<Holding>,
    /// The user said so.
    pub by_user: bool,
}

impl MoneyFinding {
    /// Something is left: a blocker.
    pub fn is_held(&self) -> bool {
        matches!(self.holding, Some(Holding::NonZero { .. }))
    }

    /// Not known yet: a warning that asks the user to check.
    pub fn is_unknown(&self) -> bool {
        matches!(self.holding, None | Some(Holding::Unreadable))
    }
}

/// The verdict the panel always shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Something must be settled first.
    Blocked,
    /// Nothing blocks, but the user should know something.
    Warnings,
    /// Ready to close.
    Ready,
}

impl Readiness {
    /// Adds what is known of every asset.
    pub fn check_money(&mut self, assets: &BTreeMap<Asset, AssetCheck>) {
        self.money = Asset::ALL
            .into_iter()
            .map(|asset| MoneyFinding {
                asset,
                holding: assets.get(&asset).map(|c| c.holding.clone()),
                by_user: assets.get(&asset).is_some_and(|c| c.by_user),
            })
            .collect();
    }

    /// Blocked by pending orders, open refunds or disputes, or money left; warned by a missing
    /// backup, protected orders or money not checked yet; else ready.
    pub fn verdict(&self) -> Verdict {
        if !self.pending.is_empty() || self.money.iter().any(MoneyFinding::is_held) {
            Verdict::Blocked
        } else if !self.backup_complete
            || !self.under_protection.is_empty()
            || self.money.iter().any(MoneyFinding::is_unknown)
        {
            Verdict::Warnings
        } else {
            Verdict::Ready
        }
    }
}

/// Assesses orders on `today` (`YYYY-MM-DD`).
///
/// ```
/// use exit_assistant::core::readiness::{assess, Verdict};
/// assert_eq!(assess(&[], true, "2026-11-22").verdict(), Verdict::Ready);
/// assert_eq!(assess(&[], false, "2026-11-22").verdict(), Verdict::Warnings);
/// ```
pub fn assess(orders: &[Order], backup_complete: bool, today: &str) -> Readiness {
    let today = day_number(today);
    let mut readiness = Readiness {
        backup_complete,
        ..Readiness::default()
    };
    for order in orders {
        if order.notes.iter().any(|n| is_open_case_note(n)) {
            // An open refund or dispute blocks whatever the status says.
            readiness.pending.push(OrderFinding::of(order));
            continue;
        }
        match order.state {
            OrderState::AwaitingPayment
            | OrderState::AwaitingShipment
            | OrderState::AwaitingDelivery
            | OrderState::Unknown => {
                readiness.pending.push(OrderFinding::of(order));
            }
            OrderState::Completed => {
                let placed = order.placed_on.as_deref().and_then(day_number);
                if let (Some(placed), Some(today)) = (placed, today) {
                    if (0..=DISPUTE_WINDOW_DAYS).contains(&(today - placed)) {
                        readiness.under_protection.push(OrderFinding::of(order));
                    }
                }
            }
            OrderState::Closed => {}
        }
    }
    // Newest first, as the order list shows them.
    for findings in [&mut readiness.pending, &mut readiness.under_protection] {
        let order = {
            let keys: Vec<(Option<&str>, u64)> = (0u64..)
                .zip(findings.iter())
                .map(|(i, f)| (f.placed_on.as_deref(), i))
                .collect();
            order::newest_first(&keys)
        };
        *findings = order::in_order(std::mem::take(findings), &order);
    }
    readiness
}

/// Could [`assess`] list this order on `day` (`YYYY-MM-DD`) or any day after? Open cases,
/// unfinished and unknown orders always; completed ones only while their dispute window is
/// open, and it only closes as days pass; closed orders never. A saved backup keeps these in
/// its digest (`Backup::digest`), so a page can give the verdict without reading every order.
/// One day of slack allows for a clock that reads a day earlier than the save did.
pub fn may_flag(order: &Order, day: &str) -> bool {
    if order.notes.iter().any(|n| is_open_case_note(n)) {
        return true;
    }
    match order.state {
        OrderState::AwaitingPayment
        | OrderState::AwaitingShipment
        | OrderState::AwaitingDelivery
        | OrderState::Unknown => true,
        OrderState::Completed => {
            let placed = order.placed_on.as_deref().and_then(day_number);
            match (placed, day_number(day)) {
                (Some(placed), Some(day)) => day - placed <= DISPUTE_WINDOW_DAYS + 1,
                // No date of the order: never under protection. No date of the save: keep it.
                (None, _) => false,
                (Some(_), None) => true,
            }
        }
        OrderState::Closed => false,
    }
}

/// Days since 1970-01-01 for an ISO date, exactly (proleptic Gregorian), or `None`.
/// <https://howardhinnant.github.io/date_algorithms.html#days_from_civil>
fn day_number(iso: &str) -> Option<i64> {
    let mut parts = iso.get(..10)?.split('-');
    let (y, m, d): (i64, i64, i64) = (
        parts.next()?.parse().ok()?,
        parts.next()?.parse().ok()?,
        parts.next()?.parse().ok()?,
    );
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_are_exact() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(
            day_number("2024-03-01")
                .zip(day_number("2024-02-28"))
                .map(|(a, b)| a - b),
            Some(2),
            "leap year"
        );
        assert_eq!(
            day_number("2026-11-22")
                .zip(day_number("2026-08-24"))
                .map(|(a, b)| a - b),
            Some(90)
        );
        assert_eq!(day_number("not a date"), None);
        assert_eq!(day_number("2026-13-01"), None);
    }
}
