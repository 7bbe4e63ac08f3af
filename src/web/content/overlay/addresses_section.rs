//! The backup section's lines on saved addresses: on the address book, how many it shows and
//! the button that saves them; everywhere, what the backup holds, or a link to save them.

use web_sys::Element;

use crate::core::address::AddressView;
use crate::core::page_rules::ADDRESS_BOOK_URL;
use crate::core::text::Text;

use crate::web::error::WebError;
use crate::web::ui::{box_child, child, text_child};

use super::builder::PanelBuilder;
use super::Action;

impl PanelBuilder<'_> {
    /// The saved addresses' part of the backup section.
    pub(super) fn addresses(
        &mut self,
        section: &Element,
        view: &AddressView,
    ) -> Result<(), WebError> {
        let part = box_child(section, "div", "addresses")?;
        if let Some((found, by_structure)) = view.on_page {
            child(
                &part,
                "h3",
                &[],
                Some(&self.text(Text::AddressesHeading, &[])),
            )?;
            if found == 0 {
                text_child(
                    &part,
                    "p",
                    "note",
                    &self.text(Text::AddressesUnreadable, &[]),
                )?;
            } else {
                let count = found.to_string();
                text_child(
                    &part,
                    "p",
                    "addresses-found",
                    &self.text(Text::AddressesFound, &[&count]),
                )?;
                if by_structure {
                    text_child(
                        &part,
                        "p",
                        "addresses-structure",
                        &self.text(Text::AddressesStructure, &[]),
                    )?;
                }
                let label = self.text(Text::AddressesSave, &[]);
                self.button(
                    &part,
                    &label,
                    "primary addresses-save",
                    Action::SaveAddresses,
                )?;
            }
        }
        match &view.saved {
            Some((count, day)) => {
                let line = self.text(Text::AddressesSaved, &[&count.to_string(), day]);
                child(
                    &part,
                    "p",
                    &[("class", "addresses-saved"), ("tabindex", "-1")],
                    Some(&line),
                )?;
            }
            None if view.on_page.is_none() => {
                let line = text_child(
                    &part,
                    "p",
                    "addresses-saved",
                    &self.text(Text::AddressesNotYet, &[]),
                )?;
                let _ = line.append_with_str_1(" ");
                child(
                    &line,
                    "a",
                    &[("href", ADDRESS_BOOK_URL), ("class", "look")],
                    Some(&self.text(Text::AddressesOpen, &[])),
                )?;
            }
            None => {}
        }
        Ok(())
    }
}
