//! The kinds of page the assistant tells apart: what recognition (`core::page`) concludes and
//! what the rule tables (`core::page_rules`) name, kept apart from both so neither needs the
//! other's module to say it.

use serde::{Deserialize, Serialize};

use super::text::Text;

/// The kinds of page the assistant tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    /// The list of orders ("My orders").
    OrderList,
    /// One order's detail page.
    OrderDetail,
    /// A parcel's tracking page.
    Tracking,
    /// The wallet (balance, cards).
    Wallet,
    /// Coins.
    Coins,
    /// The user's coupons.
    Coupons,
    /// Saved shipping addresses.
    AddressBook,
    /// The reviews the user wrote ("feedback").
    Feedback,
    /// Account settings, the member profile or the account hub.
    AccountSettings,
    /// The privacy centre's delete-account request.
    DeleteAccount,
    /// The older deactivate-account page.
    DeactivateAccount,
    /// Sign-in pages.
    Login,
    /// Any other page on an AliExpress host.
    #[serde(rename = "other_aliexpress")]
    OtherAliExpress,
    /// Not an AliExpress host at all.
    #[serde(rename = "not_aliexpress")]
    NotAliExpress,
}

impl PageKind {
    /// Every kind, in display order.
    pub const ALL: [PageKind; 14] = [
        PageKind::OrderList,
        PageKind::OrderDetail,
        PageKind::Tracking,
        PageKind::Wallet,
        PageKind::Coins,
        PageKind::Coupons,
        PageKind::AddressBook,
        PageKind::Feedback,
        PageKind::AccountSettings,
        PageKind::DeleteAccount,
        PageKind::DeactivateAccount,
        PageKind::Login,
        PageKind::OtherAliExpress,
        PageKind::NotAliExpress,
    ];

    /// The kind's name in JSON, as serde writes it (`order_list`); `tests/messages.rs`
    /// checks that the two agree.
    pub const fn name(self) -> &'static str {
        match self {
            PageKind::OrderList => "order_list",
            PageKind::OrderDetail => "order_detail",
            PageKind::Tracking => "tracking",
            PageKind::Wallet => "wallet",
            PageKind::Coins => "coins",
            PageKind::Coupons => "coupons",
            PageKind::AddressBook => "address_book",
            PageKind::Feedback => "feedback",
            PageKind::AccountSettings => "account_settings",
            PageKind::DeleteAccount => "delete_account",
            PageKind::DeactivateAccount => "deactivate_account",
            PageKind::Login => "login",
            PageKind::OtherAliExpress => "other_aliexpress",
            PageKind::NotAliExpress => "not_aliexpress",
        }
    }

    /// The localised name of this kind of page.
    pub fn label(self) -> Text {
        match self {
            PageKind::OrderList => Text::PageOrderList,
            PageKind::OrderDetail => Text::PageOrderDetail,
            PageKind::Tracking => Text::PageTracking,
            PageKind::Wallet => Text::PageWallet,
            PageKind::Coins => Text::PageCoins,
            PageKind::Coupons => Text::PageCoupons,
            PageKind::AddressBook => Text::PageAddressBook,
            PageKind::Feedback => Text::PageFeedback,
            PageKind::AccountSettings => Text::PageAccountSettings,
            PageKind::DeleteAccount => Text::PageDeleteAccount,
            PageKind::DeactivateAccount => Text::PageDeactivateAccount,
            PageKind::Login => Text::PageLogin,
            PageKind::OtherAliExpress => Text::PageOtherAliExpress,
            PageKind::NotAliExpress => Text::PageNotAliExpress,
        }
    }
}
