//! What the toolbar popup says about the current tab.

use serde::Serialize;

use super::message::{AssistantState, StatusReply};
use super::page::{recognise_url, PageKind};
use super::text::Text;

/// Where "Go to my orders" leads.
pub use super::page_rules::ORDER_LIST_URL;

/// The popup's state, also exposed as `data-state` for styling and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PopupState {
    /// The assistant runs on the tab.
    Running,
    /// The page's CSP stopped the assistant.
    BlockedByPage,
    /// The assistant failed to start.
    Failed,
    /// An AliExpress tab without the assistant (loaded before install or update).
    NotRunning,
    /// Not an AliExpress tab.
    #[serde(rename = "not-aliexpress")]
    NotAliExpress,
}

/// Buttons the popup offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PopupAction {
    /// Ask the tab's content script to open the panel.
    OpenAssistantHere,
    /// Open the order list in a new tab.
    GoToOrders,
    /// Open the saved-backups page (always offered: it needs no AliExpress tab).
    OpenBackups,
    /// Open the letter page (always offered, like the backups).
    OpenLetter,
}

/// Everything the popup shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PopupView {
    /// The state.
    pub state: PopupState,
    /// The main line; takes the page name as `$1` when `page` is set.
    pub headline: Text,
    /// The page kind named in the headline.
    pub page: Option<PageKind>,
    /// A second paragraph, if any.
    pub detail: Option<Text>,
    /// Buttons, in order.
    pub actions: Vec<PopupAction>,
}

/// Decides the popup from the content script's reply (`None` when nothing answered) and the
/// tab's URL (`None` when the browser doesn't reveal it, i.e. not an AliExpress host).
pub fn popup_view(reply: Option<StatusReply>, tab_url: Option<&str>) -> PopupView {
    let view = |state, headline, page, detail, actions: &[PopupAction]| PopupView {
        state,
        headline,
        page,
        detail,
        actions: actions
            .iter()
            .copied()
            .chain([PopupAction::OpenBackups, PopupAction::OpenLetter])
            .collect(),
    };
    match reply {
        Some(StatusReply {
            state: AssistantState::Running,
            page: Some(page),
        }) if page.kind != PageKind::NotAliExpress => view(
            PopupState::Running,
            Text::PopupOnAliExpress,
            Some(page.kind),
            None,
            &[PopupAction::OpenAssistantHere],
        ),
        Some(StatusReply {
            state: AssistantState::BlockedByPage,
            ..
        }) => view(
            PopupState::BlockedByPage,
            Text::BlockedTitle,
            None,
            Some(Text::BlockedHelp),
            &[],
        ),
        Some(StatusReply {
            state: AssistantState::Failed,
            ..
        }) => view(
            PopupState::Failed,
            Text::FailedTitle,
            None,
            Some(Text::BlockedHelp),
            &[],
        ),
        _ => {
            let page = tab_url
                .map(recognise_url)
                .filter(|p| p.kind != PageKind::NotAliExpress);
            match page {
                Some(page) => view(
                    PopupState::NotRunning,
                    Text::PopupOnAliExpress,
                    Some(page.kind),
                    Some(Text::PopupNotRunning),
                    &[],
                ),
                None => view(
                    PopupState::NotAliExpress,
                    Text::PopupNotAliExpress,
                    None,
                    None,
                    &[PopupAction::GoToOrders],
                ),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::page::Recognition;
    use crate::core::site::Site;

    const ORDERS: Recognition = Recognition {
        site: Some(Site::Global),
        kind: PageKind::OrderList,
    };

    #[test]
    fn popup_table() {
        let running = StatusReply {
            state: AssistantState::Running,
            page: Some(ORDERS),
        };
        let blocked = StatusReply {
            state: AssistantState::BlockedByPage,
            page: None,
        };
        let failed = StatusReply {
            state: AssistantState::Failed,
            page: None,
        };
        let cases = [
            (
                Some(running),
                None,
                PopupState::Running,
                Some(PageKind::OrderList),
            ),
            (
                Some(blocked),
                Some(ORDER_LIST_URL),
                PopupState::BlockedByPage,
                None,
            ),
            (Some(failed), None, PopupState::Failed, None),
            (
                None,
                Some("https://www.aliexpress.com/p/wallet-ui/index.html"),
                PopupState::NotRunning,
                Some(PageKind::Wallet),
            ),
            (
                None,
                Some("https://example.com/"),
                PopupState::NotAliExpress,
                None,
            ),
            (None, None, PopupState::NotAliExpress, None),
        ];
        for (reply, url, state, page) in cases {
            let view = popup_view(reply, url);
            assert_eq!((view.state, view.page), (state, page), "{reply:?} {url:?}");
        }
    }

    #[test]
    fn only_running_tabs_offer_to_open_and_only_foreign_tabs_offer_orders() {
        let running = popup_view(
            Some(StatusReply {
                state: AssistantState::Running,
                page: Some(ORDERS),
            }),
            None,
        );
        assert_eq!(
            running.actions,
            [
                PopupAction::OpenAssistantHere,
                PopupAction::OpenBackups,
                PopupAction::OpenLetter
            ]
        );
        assert_eq!(
            popup_view(None, None).actions,
            [
                PopupAction::GoToOrders,
                PopupAction::OpenBackups,
                PopupAction::OpenLetter
            ]
        );
        assert_eq!(
            popup_view(None, Some(ORDER_LIST_URL)).actions,
            [PopupAction::OpenBackups, PopupAction::OpenLetter]
        );
    }
}
