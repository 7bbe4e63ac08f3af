//! What the panel says of saved addresses: on the address book, how many the page shows and
//! how they were read; everywhere, what the backup holds, or where to save them.

use crate::core::order::ReadBy;

use super::types::{AddressBook, SavedAddress};

/// The panel's lines on saved addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddressView {
    /// On the address book: how many addresses the readers found, and whether by structure
    /// (their fields not told apart). `None` on other pages.
    pub on_page: Option<(usize, bool)>,
    /// How many addresses the backup holds, and the day they were read (`YYYY-MM-DD`).
    pub saved: Option<(usize, String)>,
}

impl AddressView {
    /// What the backup holds, off the address book.
    pub fn of_saved(saved: Option<&AddressBook>) -> Self {
        AddressView {
            on_page: None,
            saved: saved.map(|b| {
                let day = b.read_at.get(..10).unwrap_or(&b.read_at).to_owned();
                (b.addresses.len(), day)
            }),
        }
    }

    /// On the address book: what its readers found there.
    pub fn with_page(self, found: &[SavedAddress], read_by: ReadBy) -> Self {
        AddressView {
            on_page: Some((found.len(), read_by == ReadBy::Structure)),
            ..self
        }
    }
}
