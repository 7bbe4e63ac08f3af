//! Every user-visible string, named by its `_locales/*/messages.json` key.
//!
//! Core decides *what* to say; the browser layer looks the key up with `chrome.i18n`.
//! `tests/locales.rs` checks that every key exists in every locale.

/// A localised string, by message key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Text {
    /// Name of the extension.
    ExtName,
    /// Accessible name of the assistant dialog.
    AssistantTitle,
    /// Accessible name of the button that opens the assistant.
    OpenAssistant,
    /// Accessible name of the button that closes the assistant.
    CloseAssistant,
    /// "You are on: $PAGE$".
    YouAreOn,
    /// Heading over the list of closing steps.
    StepsHeading,
    /// Step 1.
    StepBackUp,
    /// Step 2.
    StepSettleOrders,
    /// Step 3.
    StepMoneyLeft,
    /// Step 4.
    StepCloseAccount,
    /// Step 5.
    StepAfterClosing,
    /// Shown on aliexpress.ru, whose order pages the assistant can't read yet.
    RussiaNotSupported,
    /// Notice title when the page's security policy stops the assistant.
    BlockedTitle,
    /// Notice body: what the user can do.
    BlockedHelp,
    /// Notice title when the assistant failed to start for another reason.
    FailedTitle,
    /// Accessible name of the notice's dismiss button.
    Dismiss,
    /// Popup: the current tab is an AliExpress page of the kind $PAGE$.
    PopupOnAliExpress,
    /// Popup: the current tab is not AliExpress.
    PopupNotAliExpress,
    /// Popup: AliExpress tab where the assistant is not running (page loaded before install).
    PopupNotRunning,
    /// Popup button: open the assistant on this tab.
    PopupOpenHere,
    /// Popup button: open the order list in a new tab.
    PopupGoToOrders,
    /// Page-kind names.
    PageOrderList,
    /// Page-kind name.
    PageOrderDetail,
    /// Page-kind name.
    PageTracking,
    /// Page-kind name.
    PageWallet,
    /// Page-kind name.
    PageCoins,
    /// Page-kind name.
    PageCoupons,
    /// Page-kind name.
    PageAddressBook,
    /// Page-kind name.
    PageAccountSettings,
    /// Page-kind name.
    PageDeleteAccount,
    /// Page-kind name.
    PageDeactivateAccount,
    /// Page-kind name.
    PageLogin,
    /// Page-kind name.
    PageOtherAliExpress,
    /// Page-kind name.
    PageNotAliExpress,
}

impl Text {
    /// Every key, for the locale tests.
    pub const ALL: [Text; 34] = [
        Text::ExtName,
        Text::AssistantTitle,
        Text::OpenAssistant,
        Text::CloseAssistant,
        Text::YouAreOn,
        Text::StepsHeading,
        Text::StepBackUp,
        Text::StepSettleOrders,
        Text::StepMoneyLeft,
        Text::StepCloseAccount,
        Text::StepAfterClosing,
        Text::RussiaNotSupported,
        Text::BlockedTitle,
        Text::BlockedHelp,
        Text::FailedTitle,
        Text::Dismiss,
        Text::PopupOnAliExpress,
        Text::PopupNotAliExpress,
        Text::PopupNotRunning,
        Text::PopupOpenHere,
        Text::PopupGoToOrders,
        Text::PageOrderList,
        Text::PageOrderDetail,
        Text::PageTracking,
        Text::PageWallet,
        Text::PageCoins,
        Text::PageCoupons,
        Text::PageAddressBook,
        Text::PageAccountSettings,
        Text::PageDeleteAccount,
        Text::PageDeactivateAccount,
        Text::PageLogin,
        Text::PageOtherAliExpress,
        Text::PageNotAliExpress,
    ];

    /// The `messages.json` key.
    pub fn key(self) -> &'static str {
        match self {
            Text::ExtName => "extName",
            Text::AssistantTitle => "assistantTitle",
            Text::OpenAssistant => "openAssistant",
            Text::CloseAssistant => "closeAssistant",
            Text::YouAreOn => "youAreOn",
            Text::StepsHeading => "stepsHeading",
            Text::StepBackUp => "stepBackUp",
            Text::StepSettleOrders => "stepSettleOrders",
            Text::StepMoneyLeft => "stepMoneyLeft",
            Text::StepCloseAccount => "stepCloseAccount",
            Text::StepAfterClosing => "stepAfterClosing",
            Text::RussiaNotSupported => "russiaNotSupported",
            Text::BlockedTitle => "blockedTitle",
            Text::BlockedHelp => "blockedHelp",
            Text::FailedTitle => "failedTitle",
            Text::Dismiss => "dismiss",
            Text::PopupOnAliExpress => "popupOnAliExpress",
            Text::PopupNotAliExpress => "popupNotAliExpress",
            Text::PopupNotRunning => "popupNotRunning",
            Text::PopupOpenHere => "popupOpenHere",
            Text::PopupGoToOrders => "popupGoToOrders",
            Text::PageOrderList => "pageOrderList",
            Text::PageOrderDetail => "pageOrderDetail",
            Text::PageTracking => "pageTracking",
            Text::PageWallet => "pageWallet",
            Text::PageCoins => "pageCoins",
            Text::PageCoupons => "pageCoupons",
            Text::PageAddressBook => "pageAddressBook",
            Text::PageAccountSettings => "pageAccountSettings",
            Text::PageDeleteAccount => "pageDeleteAccount",
            Text::PageDeactivateAccount => "pageDeactivateAccount",
            Text::PageLogin => "pageLogin",
            Text::PageOtherAliExpress => "pageOtherAliExpress",
            Text::PageNotAliExpress => "pageNotAliExpress",
        }
    }
}
