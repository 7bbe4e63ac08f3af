//! Money left behind: the wallet balance, coins, coupons and gift cards, read on their own
//! pages or confirmed by the user where the page can't be read.

use serde::{Deserialize, Serialize};

use super::asset_rules::{AssetRule, COINS, COINS_URL, COUPONS, COUPONS_URL, WALLET, WALLET_URL};
use super::dom::DomNode;
use super::lowercase::lower;
use super::money::parse_money;
use super::page::PageKind;
use super::text::Text;

/// Something of value that closing the account would lose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Asset {
    /// The wallet balance (refunds to the wallet, credit).
    Wallet,
    /// Coins.
    Coins,
    /// Coupons.
    Coupons,
    /// Gift cards.
    GiftCards,
}

impl Asset {
    /// Every asset, in the order the panel lists them.
    pub const ALL: [Asset; 4] = [
        Asset::Wallet,
        Asset::Coins,
        Asset::Coupons,
        Asset::GiftCards,
    ];

    /// Its name.
    pub fn label(self) -> Text {
        match self {
            Asset::Wallet => Text::AssetWallet,
            Asset::Coins => Text::AssetCoins,
            Asset::Coupons => Text::AssetCoupons,
            Asset::GiftCards => Text::AssetGiftCards,
        }
    }

    /// Where the user checks it (the URLs are rules data, in `asset_rules`).
    pub fn page_url(self) -> &'static str {
        match self {
            Asset::Wallet | Asset::GiftCards => WALLET_URL,
            Asset::Coins => COINS_URL,
            Asset::Coupons => COUPONS_URL,
        }
    }

    /// The asset a page shows and how to read it; `None` for other pages.
    pub fn on_page(page: PageKind) -> Option<(Asset, &'static AssetRule)> {
        match page {
            PageKind::Wallet => Some((Asset::Wallet, &WALLET)),
            PageKind::Coins => Some((Asset::Coins, &COINS)),
            PageKind::Coupons => Some((Asset::Coupons, &COUPONS)),
            _ => None,
        }
    }

    /// The name used in storage and in `data-asset` attributes.
    pub fn name(self) -> &'static str {
        match self {
            Asset::Wallet => "wallet",
            Asset::Coins => "coins",
            Asset::Coupons => "coupons",
            Asset::GiftCards => "gift_cards",
        }
    }
}

/// What a page (or the user) says about an asset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "holding", rename_all = "snake_case")]
pub enum Holding {
    /// Nothing left.
    Zero,
    /// Something left: the amount as shown (`729`, `US $12.50`, `3`), or empty when the user
    /// said so without an amount.
    NonZero {
        /// The amount as shown.
        shown: String,
    },
    /// The page is there but the assistant can't find the amount.
    Unreadable,
}

/// What the user last learnt about an asset. Stored flat, as
/// `{"holding": "non_zero", "shown": "729", "by_user": false, "on": "2026-11-20"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredCheck", into = "StoredCheck")]
pub struct AssetCheck {
    /// What it holds.
    pub holding: Holding,
    /// The user said so (the page couldn't be read).
    pub by_user: bool,
    /// When (`YYYY-MM-DD`).
    pub on: String,
}

/// [`AssetCheck`] as stored. A plain struct rather than `#[serde(flatten)]` over the tagged
/// [`Holding`]: the same JSON, without serde's buffering of the whole object, which cost
/// every AliExpress page about 10 KB of WASM (gzipped).
#[derive(Serialize, Deserialize)]
struct StoredCheck {
    holding: HoldingKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    shown: Option<String>,
    #[serde(default)]
    by_user: bool,
    on: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum HoldingKind {
    Zero,
    NonZero,
    Unreadable,
}

impl From<StoredCheck> for AssetCheck {
    fn from(stored: StoredCheck) -> Self {
        let holding = match stored.holding {
            HoldingKind::Zero => Holding::Zero,
            HoldingKind::NonZero => Holding::NonZero {
                shown: stored.shown.unwrap_or_default(),
            },
            HoldingKind::Unreadable => Holding::Unreadable,
        };
        AssetCheck {
            holding,
            by_user: stored.by_user,
            on: stored.on,
        }
    }
}

impl From<AssetCheck> for StoredCheck {
    fn from(check: AssetCheck) -> Self {
        let (holding, shown) = match check.holding {
            Holding::Zero => (HoldingKind::Zero, None),
            Holding::NonZero { shown } => (HoldingKind::NonZero, Some(shown)),
            Holding::Unreadable => (HoldingKind::Unreadable, None),
        };
        StoredCheck {
            holding,
            shown,
            by_user: check.by_user,
            on: check.on,
        }
    }
}

/// Reads an asset's page. Never fails: markup it doesn't know gives [`Holding::Unreadable`].
///
/// ```
/// use exit_assistant::core::asset_rules::COINS;
/// use exit_assistant::core::money_left::{read_asset, Holding};
/// # use exit_assistant::core::dom::DomNode;
/// # #[derive(Clone)] struct Page(&'static str);
/// # impl DomNode for Page {
/// #     fn select_all(&self, s: &str) -> Vec<Self> {
/// #         if s.contains("coin-count") { vec![Page(self.0)] } else { vec![] }
/// #     }
/// #     fn text(&self) -> String { self.0.into() }
/// #     fn attr(&self, _: &str) -> Option<String> { None }
/// #     fn within(&self, _: &str) -> bool { false }
/// # }
/// assert_eq!(read_asset(&COINS, &Page("1,204")), Holding::NonZero { shown: "1,204".into() });
/// assert_eq!(read_asset(&COINS, &Page("0")), Holding::Zero);
/// ```
pub fn read_asset<N: DomNode>(rule: &AssetRule, root: &N) -> Holding {
    for selector in rule.amount {
        for node in root.select_all(selector) {
            let shown = node.text().split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some(zero) = amount_is_zero(&shown) {
                return if zero {
                    Holding::Zero
                } else {
                    Holding::NonZero { shown }
                };
            }
        }
    }
    for selector in rule.items {
        let count = root.select_all(selector).len();
        if count > 0 {
            return Holding::NonZero {
                shown: count.to_string(),
            };
        }
    }
    let text = lower(&root.text()).replace('\u{2019}', "'");
    if rule.empty_texts.iter().any(|t| text.contains(t)) {
        return Holding::Zero;
    }
    Holding::Unreadable
}

/// Whether an amount is zero: money (`US $0.00`) or a bare count (`1,204`). `None` when the
/// text is neither.
fn amount_is_zero(text: &str) -> Option<bool> {
    if let Some(money) = parse_money(text) {
        return Some(money.amount.bytes().all(|b| b == b'0' || b == b'.'));
    }
    let bare: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    (!bare.is_empty() && bare.bytes().all(|b| b.is_ascii_digit()))
        .then(|| bare.bytes().all(|b| b == b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_is_told_apart_from_amounts() {
        assert_eq!(amount_is_zero("US $0.00"), Some(true));
        assert_eq!(amount_is_zero("R$ 0,00"), Some(true));
        assert_eq!(amount_is_zero("US $12.50"), Some(false));
        assert_eq!(amount_is_zero("0"), Some(true));
        assert_eq!(amount_is_zero("1 204"), Some(false));
        assert_eq!(amount_is_zero("Collect"), None);
        assert_eq!(amount_is_zero(""), None);
    }

    #[test]
    fn every_asset_has_a_page_to_check() {
        for asset in Asset::ALL {
            assert!(asset
                .page_url()
                .starts_with("https://www.aliexpress.com/p/"));
        }
    }
}
