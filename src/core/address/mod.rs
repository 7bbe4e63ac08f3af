//! The saved shipping addresses of the address book (`addressList.htm`), kept beside the
//! site's backup (format 3). Two readers, as for the order list: the rule tables
//! (`address_rules`), then, where they find no address, the structure of the page alone
//! (`structural`). Neither panics on page data; what neither reads is said, not guessed.

mod structural;
mod table;
mod types;
mod view;

use super::address_rules::ADDRESS_BOOK;
use super::dom::DomNode;
use super::order::ReadBy;
use super::parse::clean_text;

pub use structural::is_phone;
pub use table::{address_row, address_rows, report_section, ADDRESS_COLUMNS};
pub use types::{AddressBook, SavedAddress};
pub use view::AddressView;

/// Reads every address on the page: by the rule tables, else by structure. An empty list
/// means neither found one.
pub fn read_addresses<N: DomNode + Clone>(root: &N) -> (Vec<SavedAddress>, ReadBy) {
    let by_rules: Vec<SavedAddress> = root
        .select_all(ADDRESS_BOOK.card)
        .iter()
        .map(by_rules)
        .filter(|a| !a.shown.is_empty())
        .collect();
    if by_rules.is_empty() {
        (structural::read(root), ReadBy::Structure)
    } else {
        (by_rules, ReadBy::Rules)
    }
}

fn by_rules<N: DomNode + Clone>(card: &N) -> SavedAddress {
    let rules = &ADDRESS_BOOK;
    let field = |selectors: &[&str]| {
        card.select_any(selectors)
            .map(|e| clean_text(&e.text()))
            .filter(|t| !t.is_empty())
    };
    SavedAddress {
        name: field(rules.name),
        phone: field(rules.phone),
        street: field(rules.street),
        city: field(rules.city),
        region: field(rules.region),
        postcode: field(rules.postcode),
        country: field(rules.country),
        is_default: card.select_any(rules.default_mark).is_some(),
        shown: structural::lines(card),
    }
}
