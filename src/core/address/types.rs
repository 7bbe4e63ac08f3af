//! The saved addresses as the backup keeps them (format 3): their field names are a contract
//! (`docs/backup-format.md`).

use serde::{Deserialize, Serialize};

use crate::core::order::ReadBy;

/// One saved address, as the address book shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedAddress {
    /// The recipient's name.
    pub name: Option<String>,
    /// The phone number, as shown.
    pub phone: Option<String>,
    /// Street and number, with any second line.
    pub street: Option<String>,
    /// City.
    pub city: Option<String>,
    /// State, province or region.
    pub region: Option<String>,
    /// Postcode.
    pub postcode: Option<String>,
    /// Country.
    pub country: Option<String>,
    /// Marked as the default address.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub is_default: bool,
    /// Every line of the address as shown, in page order: whatever the fields above could
    /// not tell apart is here.
    pub shown: Vec<String>,
}

/// The addresses one read of the address book gave, and which reader read them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressBook {
    /// Every address, in page order.
    pub addresses: Vec<SavedAddress>,
    /// When they were read (ISO timestamp).
    pub read_at: String,
    /// Which reader read them.
    pub read_by: ReadBy,
}

impl SavedAddress {
    /// The address on one line, as shown.
    pub fn one_line(&self) -> String {
        self.shown.join(", ")
    }
}
