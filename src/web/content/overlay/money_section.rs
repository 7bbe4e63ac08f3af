//! The panel's money section: what each asset holds, read on its page or said by the user.
//! Amounts are page text, set only as text.

use web_sys::Element;

use crate::core::money_left::{Asset, Holding};
use crate::core::readiness::{MoneyFinding, Readiness};
use crate::core::session::Action;
use crate::core::text::Text;
use crate::web::error::WebError;
use crate::web::i18n::Translate;
use crate::web::ui::{box_child, child, headed_section, text_child};

use super::builder::PanelBuilder;

impl PanelBuilder<'_> {
    /// Each asset: what is known, where to check, and, where the page can't be read, the
    /// user's own answer.
    pub fn money(&mut self, panel: &Element, readiness: &Readiness) -> Result<(), WebError> {
        let heading = self.text(Text::MoneyHeading, &[]);
        let section = headed_section(panel, "money", "ea-money", &heading)?;
        let list = child(&section, "ul", &[], None)?;
        for finding in &readiness.money {
            let item = child(
                &list,
                "li",
                &[
                    ("data-asset", finding.asset.name()),
                    ("data-holding", holding_name(finding)),
                ],
                None,
            )?;
            text_child(&item, "span", "status", &money_line(self.t, finding))?;
            let name = self.text(finding.asset.label(), &[]);
            child(
                &item,
                "a",
                &[("href", finding.asset.page_url()), ("class", "check")],
                Some(&self.text(Text::MoneyOpenPage, &[&name])),
            )?;
            let ask = finding.holding == Some(Holding::Unreadable)
                || (finding.asset == Asset::GiftCards && finding.holding.is_none());
            if ask || finding.by_user {
                let row = box_child(&item, "span", "confirm")?;
                for (label, class, zero) in [
                    (Text::ConfirmZero, "small zero", true),
                    (Text::ConfirmNotZero, "small not-zero", false),
                ] {
                    let label = self.text(label, &[]);
                    self.button(
                        &row,
                        &label,
                        class,
                        Action::ConfirmAsset(finding.asset, zero),
                    )?;
                }
            }
        }
        Ok(())
    }
}

fn money_line(t: &dyn Translate, finding: &MoneyFinding) -> String {
    let name = t.text(finding.asset.label(), &[]);
    match &finding.holding {
        Some(Holding::Zero) if finding.by_user => t.text(Text::MoneyZeroByUser, &[&name]),
        Some(Holding::Zero) => t.text(Text::MoneyZero, &[&name]),
        Some(Holding::NonZero { shown }) if shown.is_empty() => {
            t.text(Text::MoneyHeldByUser, &[&name])
        }
        Some(Holding::NonZero { shown }) => t.text(Text::MoneyHeld, &[&name, shown]),
        Some(Holding::Unreadable) => t.text(Text::MoneyUnreadable, &[&name]),
        None if finding.asset == Asset::GiftCards => t.text(Text::MoneyGiftCardsHelp, &[]),
        None => t.text(Text::MoneyUnchecked, &[&name]),
    }
}

fn holding_name(finding: &MoneyFinding) -> &'static str {
    match finding.holding {
        Some(Holding::Zero) => "zero",
        Some(Holding::NonZero { .. }) => "non_zero",
        Some(Holding::Unreadable) => "unreadable",
        None => "unchecked",
    }
}
