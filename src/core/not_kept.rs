//! What the backup does not hold, said plainly wherever it is offered: the panel and the
//! offline report (issue 16, point 7). The guides this product was born from list messages,
//! payment details and dispute evidence among what goes with the account
//! (`../shared/seeds/`); none of them is read, so each gets a line and a link to the page
//! where the user can look for it before closing. Where each page is: `docs/site-facts.md`,
//! "Not in the backup".

use super::asset_rules::WALLET_URL;
use super::page_rules::{MESSAGES_URL, ORDER_LIST_URL};
use super::text::Text;

/// One kind of thing the backup leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotKept {
    /// A stable name, for the panel's markup and the tests.
    pub id: &'static str,
    /// What it is ("Messages with sellers").
    pub what: Text,
    /// What to do about it before closing.
    pub advice: Text,
    /// Where to look; opening it is the user's choice.
    pub url: &'static str,
}

/// Everything the backup leaves out, in the order the panel lists it.
pub const NOT_KEPT: [NotKept; 3] = [
    NotKept {
        id: "messages",
        what: Text::NotKeptMessages,
        advice: Text::NotKeptMessagesAdvice,
        url: MESSAGES_URL,
    },
    NotKept {
        id: "payment_cards",
        what: Text::NotKeptCards,
        advice: Text::NotKeptCardsAdvice,
        url: WALLET_URL,
    },
    NotKept {
        id: "dispute_evidence",
        what: Text::NotKeptDisputes,
        advice: Text::NotKeptDisputesAdvice,
        url: ORDER_LIST_URL,
    },
];
