//! Site knowledge as data: where the address book (`addressList.htm`) shows each saved
//! address's fields. **All guesses [G]**: no capture or scraper of the page is known
//! (`docs/site-facts.md`, "Address book"). The structural reader (`core::address`) reads the
//! page where these find nothing; the fixtures `address-book*.html` prove both.

/// Where the address book shows each address and its fields.
#[derive(Debug)]
pub struct AddressBookRules {
    /// One element per saved address.
    pub card: &'static str,
    /// Within a card: the recipient's name.
    pub name: &'static [&'static str],
    /// The phone number.
    pub phone: &'static [&'static str],
    /// Street and number.
    pub street: &'static [&'static str],
    /// City.
    pub city: &'static [&'static str],
    /// State, province or region.
    pub region: &'static [&'static str],
    /// Postcode.
    pub postcode: &'static [&'static str],
    /// Country.
    pub country: &'static [&'static str],
    /// The mark on the default address.
    pub default_mark: &'static [&'static str],
}

/// The address book [G]: the names follow the order detail's `addressVO` fields
/// (`contactName`, `fullPhoneNo`, `detailAddress`, `postCode`, `countryCode`; [V] in
/// `order-detail.json`), and the old detail page's `ul#user-shipping-list` with
/// `span[i18entitle]` ([H], 2014–2021).
pub static ADDRESS_BOOK: AddressBookRules = AddressBookRules {
    card: ".address-item, #user-shipping-list li.long, [data-address-id]",
    name: &[
        ".address-item-name",
        "[i18entitle=\"Contact Name\"]",
        ".contact-name",
    ],
    phone: &[
        ".address-item-phone",
        "[i18entitle=\"Mobile\"]",
        ".contact-phone",
    ],
    street: &[
        ".address-item-detail",
        "[i18entitle=\"Address\"]",
        ".detail-address",
    ],
    city: &[".address-item-city", "[i18entitle=\"City\"]"],
    region: &[
        ".address-item-region",
        "[i18entitle=\"State/Province/Region\"]",
        ".region-address",
    ],
    postcode: &[
        ".address-item-zip",
        "[i18entitle=\"Zip Code\"]",
        ".post-code",
    ],
    country: &[".address-item-country", "[i18entitle=\"Country/Region\"]"],
    default_mark: &[".address-item-default", ".default-tag"],
};
