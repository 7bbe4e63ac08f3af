//! Where the money left behind shows on its pages: selectors and wordings, kept as data beside
//! the fixtures in `tests/fixtures/site/` that prove them.
//!
//! Nobody here has seen these pages' markup (`docs/site-facts.md`, "Account and money pages"): every selector is [G], made
//! of plain words from class names (never hashed ones). When none matches, the assistant says
//! it couldn't read the page and asks the user to check and confirm.

/// Where the user checks each asset [H: `docs/site-facts.md`, "Account and money pages"]. Gift cards have no known page
/// in the current site; their balance is expected in the wallet [G].
pub const WALLET_URL: &str = "https://www.aliexpress.com/p/wallet-ui/index.html";
/// The coin balance page.
pub const COINS_URL: &str = "https://www.aliexpress.com/p/coin-pc-index/mycoin.html";
/// The user's coupons.
pub const COUPONS_URL: &str = "https://www.aliexpress.com/p/my-coupons/index.html";

/// How to read one page.
#[derive(Debug)]
pub struct AssetRule {
    /// Elements whose text is the amount (a number, or money with a currency), tried in order.
    pub amount: &'static [&'static str],
    /// Elements counted as one item each (coupons), tried in order.
    pub items: &'static [&'static str],
    /// Lower-case text that means the page holds nothing ("no coupons").
    pub empty_texts: &'static [&'static str],
}

/// The coin balance on `/p/coin-pc-index/mycoin.html` ("729" [V: a coin extension's test
/// values]; its element [G]).
pub static COINS: AssetRule = AssetRule {
    amount: &[
        "[class*=\"coin-count\"]",
        "[class*=\"coin-num\"]",
        "[class*=\"coinNum\"]",
        "[class*=\"coin-amount\"]",
        "[class*=\"coin-balance\"]",
        "[class*=\"coinBalance\"]",
    ],
    items: &[],
    empty_texts: &[],
};

/// The coupon list on `/p/my-coupons/index.html` and the old `listView.htm` [G].
pub static COUPONS: AssetRule = AssetRule {
    amount: &[],
    items: &[
        "[class*=\"coupon-card\"]",
        "[class*=\"coupon-item\"]",
        "[class*=\"couponItem\"]",
        ".coupon-list > li",
    ],
    empty_texts: &[
        "no coupons",
        "you don't have any coupons",
        "you have no coupons",
        "no available coupons",
        "keine gutscheine",
        "keine coupons",
        "no tienes cupones",
        "no hay cupones",
        "aucun coupon",
        "vous n'avez pas de coupon",
        "nenhum cupom",
        "você não tem cupons",
        "нет купонов",
        "brak kuponów",
        "nie masz kuponów",
        "쿠폰이 없습니다",
    ],
};

/// The wallet balance on `/p/wallet-ui/index.html`: its markup is unknown (`docs/site-facts.md`,
/// "Account and money pages"), so these are guesses, and an unreadable page is expected.
pub static WALLET: AssetRule = AssetRule {
    amount: &[
        "[class*=\"balance-amount\"]",
        "[class*=\"balance-num\"]",
        "[class*=\"balanceAmount\"]",
        "[class*=\"wallet-balance\"]",
    ],
    items: &[],
    empty_texts: &[],
};
