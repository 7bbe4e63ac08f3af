//! What the backup does not hold (`core::not_kept`), folded under the backup section so it is
//! there whenever the backup is offered, without pushing the rest of the panel down.

use web_sys::Element;

use crate::core::not_kept::NOT_KEPT;
use crate::core::text::Text;
use crate::web::error::WebError;
use crate::web::i18n::Translate;
use crate::web::ui::{child, folding, text_child};

/// The folding list: each thing left out, what to do about it, and a link to its page.
pub(super) fn not_kept(section: &Element, t: &dyn Translate) -> Result<(), WebError> {
    let details = folding(section, "not-kept", &t.text(Text::NotKeptHeading, &[]))?;
    let list = child(&details, "ul", &[], None)?;
    for left_out in NOT_KEPT {
        let item = child(&list, "li", &[("data-not-kept", left_out.id)], None)?;
        child(
            &item,
            "a",
            &[("href", left_out.url), ("class", "look")],
            Some(&t.text(left_out.what, &[])),
        )?;
        text_child(&item, "span", "advice", &t.text(left_out.advice, &[]))?;
    }
    Ok(())
}
