//! What the backup does not hold, said plainly wherever it is offered: the panel and the
//! offline report (issue 16, point 7). The guides this product was born from list messages,
//! payment details and dispute evidence among what goes with the account
//! (`../shared/seeds/`); none of them is read, so each gets a line and a link to the page
//! where the user can look for it before closing. Where each page is: `docs/site-facts.md`,
//! "Not in the backup".

use super::asset_rules::WALLET_URL;
use super::page_rules::ORDER_LIST_URL;
use super::text::Text;

/// The message centre: conversations with sellers [V: reference §1.2, "Messages"].
pub const MESSAGES_URL: &str = "https://www.aliexpress.com/p/message/index.html";

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
    /// The same two lines in English, for the offline report (English until it follows the
    /// user's language, issue 16 point 5).
    pub report_en: (&'static str, &'static str),
}

/// Everything the backup leaves out, in the order the panel lists it.
pub const NOT_KEPT: [NotKept; 3] = [
    NotKept {
        id: "messages",
        what: Text::NotKeptMessages,
        advice: Text::NotKeptMessagesAdvice,
        url: MESSAGES_URL,
        report_en: (
            "Messages with sellers",
            "Open the message centre and copy or screenshot what you want to keep.",
        ),
    },
    NotKept {
        id: "payment_cards",
        what: Text::NotKeptCards,
        advice: Text::NotKeptCardsAdvice,
        url: WALLET_URL,
        report_en: (
            "Saved payment cards",
            "The wallet lists the cards saved to the account. Note which you used, and remove them before you close it.",
        ),
    },
    NotKept {
        id: "dispute_evidence",
        what: Text::NotKeptDisputes,
        advice: Text::NotKeptDisputesAdvice,
        url: ORDER_LIST_URL,
        report_en: (
            "Photos and messages in refunds and disputes",
            "The backup keeps each order's refund or dispute note, not what was sent in it. Open the order from the list, and save what you need.",
        ),
    },
];
