//! What the assistant shows on a page: the panel, only its launcher, or nothing.

use serde::{Deserialize, Serialize};

use super::page::{PageKind, Recognition};
use super::site::Site;
use super::text::Text;

/// How much of the assistant a page gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// Nothing at all (not AliExpress).
    Hidden,
    /// Only the small "Open assistant" button.
    Launcher,
    /// The open panel.
    Panel,
}

/// Pages where the panel opens by itself: where a step of closing the account happens.
pub const AUTO_OPEN: [PageKind; 4] = [
    PageKind::OrderList,
    PageKind::AccountSettings,
    PageKind::DeleteAccount,
    PageKind::DeactivateAccount,
];

/// Pages where the whole assistant starts with the page, before anyone asks for it: the panel
/// opens by itself there ([`AUTO_OPEN`]), or the assistant reads the page by itself (the money
/// pages, [`crate::core::money_left::Asset::on_page`], and the closing steps it points at,
/// [`crate::core::guide::is_step_page`]), or a reading it started on the page before goes on
/// there (the feedback page, whose "Next" may load a new page). Every other AliExpress page (products, search, the
/// cart, an order's detail…) loads only the launcher, and the rest when the person opens it.
///
/// A list rather than those three questions, because the launcher's small WASM answers it on
/// every page and should not carry the guide's and the money pages' rule tables;
/// `unasked_pages_are_the_working_ones` below checks that it is exactly their answer.
pub const WORKS_UNASKED: [PageKind; 8] = [
    PageKind::OrderList,
    PageKind::Feedback,
    PageKind::AccountSettings,
    PageKind::DeleteAccount,
    PageKind::DeactivateAccount,
    PageKind::Wallet,
    PageKind::Coins,
    PageKind::Coupons,
];

/// What the launcher's small WASM does on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// Nothing: not AliExpress.
    Nothing,
    /// Show only the launcher; load the whole assistant when the person opens it.
    Launcher,
    /// Load the whole assistant now ([`WORKS_UNASKED`]); it decides between panel and launcher.
    Whole,
}

/// What the launcher's small WASM does on `page`.
///
/// ```
/// use exit_assistant::core::{assistant::{start, Start}, page::recognise_url};
/// assert_eq!(start(recognise_url("https://www.aliexpress.com/item/1005001.html")), Start::Launcher);
/// assert_eq!(start(recognise_url("https://www.aliexpress.com/p/order/index.html")), Start::Whole);
/// assert_eq!(start(recognise_url("https://example.com/")), Start::Nothing);
/// ```
pub fn start(page: Recognition) -> Start {
    match page.kind {
        PageKind::NotAliExpress => Start::Nothing,
        kind if WORKS_UNASKED.contains(&kind) => Start::Whole,
        _ => Start::Launcher,
    }
}

/// Whether the panel is open on this page by the user's own choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum UserChoice {
    /// The user did nothing on this page yet.
    #[default]
    None,
    /// The user opened the panel here (launcher or popup).
    Opened,
    /// The user closed the panel here.
    Closed,
}

/// Decides the presence on a page. `dismissed` is the user's choice to close the panel, which
/// is remembered across pages until they open it again; `here` is what they did on this page.
///
/// ```
/// use exit_assistant::core::{assistant::{presence, Presence, UserChoice}, page::recognise_url};
/// let orders = recognise_url("https://www.aliexpress.com/p/order/index.html");
/// assert_eq!(presence(orders, false, UserChoice::None), Presence::Panel);
/// assert_eq!(presence(orders, true, UserChoice::None), Presence::Launcher);
/// let wallet = recognise_url("https://www.aliexpress.com/p/wallet-ui/index.html");
/// assert_eq!(presence(wallet, false, UserChoice::Opened), Presence::Panel);
/// ```
pub fn presence(page: Recognition, dismissed: bool, here: UserChoice) -> Presence {
    match (page.kind, here) {
        (PageKind::NotAliExpress, _) => Presence::Hidden,
        (_, UserChoice::Opened) => Presence::Panel,
        (_, UserChoice::Closed) => Presence::Launcher,
        (kind, UserChoice::None) if AUTO_OPEN.contains(&kind) && !dismissed => Presence::Panel,
        _ => Presence::Launcher,
    }
}

/// The steps of closing an account, in order. Later features fill each one in.
pub const CLOSING_STEPS: [Text; 5] = [
    Text::StepBackUp,
    Text::StepSettleOrders,
    Text::StepMoneyLeft,
    Text::StepCloseAccount,
    Text::StepAfterClosing,
];

/// A notice the panel adds for this site, if any.
pub fn site_notice(page: Recognition) -> Option<Text> {
    (page.site == Some(Site::Russia)).then_some(Text::RussiaNotSupported)
}

/// Where the user keeps the assistant's own settings (`chrome.storage.local`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistantPrefs {
    /// The user closed the panel; show only the launcher until they open it again.
    #[serde(default)]
    pub panel_dismissed: bool,
}

impl AssistantPrefs {
    /// The storage key the preferences live under.
    pub const STORAGE_KEY: &'static str = "assistant_prefs";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::page::recognise_url;

    #[test]
    fn presence_table() {
        use UserChoice::{Closed, Opened};
        let orders = "https://www.aliexpress.com/p/order/index.html";
        let wallet = "https://www.aliexpress.com/p/wallet-ui/index.html";
        let cases = [
            (orders, false, UserChoice::None, Presence::Panel),
            (orders, true, UserChoice::None, Presence::Launcher),
            (orders, true, Opened, Presence::Panel),
            (orders, false, Closed, Presence::Launcher),
            (
                "https://accounts.aliexpress.com/user/organization/manage_person_profile.htm",
                false,
                UserChoice::None,
                Presence::Panel,
            ),
            (
                "https://privacy.aliexpress.com/home#/request/delete",
                false,
                UserChoice::None,
                Presence::Panel,
            ),
            (
                "https://accounts.aliexpress.com/user/organization/deactive_account.htm",
                false,
                UserChoice::None,
                Presence::Panel,
            ),
            (wallet, false, UserChoice::None, Presence::Launcher),
            (wallet, false, Opened, Presence::Panel),
            (
                "https://www.aliexpress.com/",
                false,
                UserChoice::None,
                Presence::Launcher,
            ),
            (
                "https://login.aliexpress.com/",
                false,
                UserChoice::None,
                Presence::Launcher,
            ),
            (
                "https://example.com/",
                false,
                UserChoice::None,
                Presence::Hidden,
            ),
            ("https://example.com/", false, Opened, Presence::Hidden),
        ];
        for (url, dismissed, here, want) in cases {
            assert_eq!(
                presence(recognise_url(url), dismissed, here),
                want,
                "{url} dismissed={dismissed} {here:?}"
            );
        }
    }

    #[test]
    fn unasked_pages_are_the_working_ones() {
        use crate::core::guide::is_step_page;
        use crate::core::money_left::Asset;
        for kind in PageKind::ALL {
            let works = AUTO_OPEN.contains(&kind)
                || Asset::on_page(kind).is_some()
                || is_step_page(kind)
                || kind == PageKind::Feedback;
            assert_eq!(WORKS_UNASKED.contains(&kind), works, "{kind:?}");
        }
    }

    #[test]
    fn russia_gets_a_notice() {
        assert_eq!(
            site_notice(recognise_url("https://aliexpress.ru/order-list")),
            Some(Text::RussiaNotSupported)
        );
        assert_eq!(
            site_notice(recognise_url(
                "https://www.aliexpress.com/p/order/index.html"
            )),
            None
        );
    }

    #[test]
    fn prefs_tolerate_missing_fields() {
        let prefs: AssistantPrefs = serde_json::from_str("{}").unwrap();
        assert_eq!(prefs, AssistantPrefs::default());
    }
}
