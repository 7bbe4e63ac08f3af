//! Orders for the tests that need many and care only about their number: the storage, lease
//! and fault tests, natively (`tests/writers.rs`) and in the browsers (`tests/web.rs`).

use exit_assistant::core::order::{Order, Store};
use exit_assistant::core::parse::ListedOrder;
use exit_assistant::core::status::OrderState;

/// `count` completed orders as the list reader gives them, numbered from `from`.
pub fn listed(from: usize, count: usize) -> Vec<ListedOrder> {
    (from..from + count)
        .map(|n| ListedOrder {
            order: Order {
                id: format!("8{n:015}"),
                placed_on: Some("2025-01-02".into()),
                status: "Completed".into(),
                state: OrderState::Completed,
                store: Store::default(),
                total: None,
                items: vec![],
                tracking_numbers: vec![],
                detail_url: String::new(),
                notes: vec![],
                warnings: vec![],
                read_by: None,
                deleted: false,
                details: None,
            },
            needs_detail: false,
        })
        .collect()
}
