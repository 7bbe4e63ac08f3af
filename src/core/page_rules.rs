//! Site knowledge for page recognition, kept as data: each rule sits beside the example URLs
//! that prove it. `tests/recognise.rs` checks every example against every rule, so an example
//! must match its own rule and no rule of another kind.
//!
//! Sources: `docs/site-facts.md`, "Page addresses" (URLs) and "Markup"; the closing pages in
//! `docs/closing-guide.md`.

use super::page_kind::PageKind;
use super::site::{is_storefront_subdomain, Site, SiteHost};
use super::url::UrlParts;

/// The order list of the global site: where the popup's "Go to my orders" and the panel's
/// links about orders lead.
pub const ORDER_LIST_URL: &str = "https://www.aliexpress.com/p/order/index.html";

/// Which sites a rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sites {
    /// `aliexpress.com` and `aliexpress.us`, which share one front end.
    Global,
    /// `aliexpress.ru` only.
    Russia,
    /// All three.
    All,
}

impl Sites {
    /// Whether `site` is one of these.
    pub fn contains(self, site: Site) -> bool {
        match self {
            Sites::Global => site != Site::Russia,
            Sites::Russia => site == Site::Russia,
            Sites::All => true,
        }
    }
}

/// Which hosts of a site a rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostIs {
    /// The shopping front end: bare domain, `www`, `m`, language hosts.
    Storefront,
    /// One service host, by its subdomain (`trade`, `accounts`, `privacy`, …).
    Service(&'static str),
}

/// How a rule matches the URL path (case-sensitive, as servers treat it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathIs {
    /// Exactly this path.
    Exact(&'static str),
    /// This path or anything below it.
    Prefix(&'static str),
    /// This prefix followed by an order id (digits), with an optional trailing `/`.
    OrderIdAfter(&'static str),
    /// Any path.
    Any,
}

/// One URL rule: a page kind and the URLs that show it.
#[derive(Debug)]
pub struct PageRule {
    /// The page these URLs show.
    pub kind: PageKind,
    /// Sites the rule applies to.
    pub sites: Sites,
    /// Hosts the rule applies to.
    pub host: HostIs,
    /// The path test.
    pub path: PathIs,
    /// A required prefix of the fragment (hash routes of single-page apps), if any.
    pub fragment_prefix: Option<&'static str>,
    /// Real URLs of this page. Each must be recognised as `kind` by this rule and by no rule
    /// of another kind.
    pub examples: &'static [&'static str],
}

impl PageRule {
    /// Whether this rule covers a URL on `host`.
    pub fn matches(&self, host: SiteHost<'_>, url: &UrlParts<'_>) -> bool {
        self.sites.contains(host.site)
            && match self.host {
                HostIs::Storefront => is_storefront_subdomain(host.subdomain),
                HostIs::Service(name) => host.subdomain.eq_ignore_ascii_case(name),
            }
            && path_matches(self.path, url.path)
            && self
                .fragment_prefix
                .is_none_or(|prefix| url.fragment.starts_with(prefix))
    }
}

fn path_matches(rule: PathIs, path: &str) -> bool {
    match rule {
        PathIs::Exact(p) => path == p,
        PathIs::Prefix(p) => path.starts_with(p),
        PathIs::OrderIdAfter(p) => path.strip_prefix(p).is_some_and(|rest| {
            let id = rest.strip_suffix('/').unwrap_or(rest);
            !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())
        }),
        PathIs::Any => true,
    }
}

const fn rule(
    kind: PageKind,
    sites: Sites,
    host: HostIs,
    path: PathIs,
    examples: &'static [&'static str],
) -> PageRule {
    PageRule {
        kind,
        sites,
        host,
        path,
        fragment_prefix: None,
        examples: only_for_tests(examples),
    }
}

/// Example URLs are for the native tests; the shipped WASM leaves them out (a few KB that
/// every AliExpress page would load).
const fn only_for_tests(examples: &'static [&'static str]) -> &'static [&'static str] {
    if cfg!(target_arch = "wasm32") {
        &[]
    } else {
        examples
    }
}

use HostIs::{Service, Storefront};
use PageKind::*;
use PathIs::{Exact, OrderIdAfter, Prefix};

/// URL rules. The first match wins, but the examples test makes order irrelevant: no example
/// is matched by rules of two kinds.
pub static PAGE_RULES: &[PageRule] = &[
    rule(OrderList, Sites::Global, Storefront, Exact("/p/order/index.html"), &[
        "https://www.aliexpress.com/p/order/index.html",
        "https://www.aliexpress.com/p/order/index.html?spm=a2g0o.home.headerAcount.2",
        "https://ko.aliexpress.com/p/order/index.html",
        "https://pt.aliexpress.com/p/order/index.html?gatewayAdapt=glo2bra",
        "https://m.aliexpress.com/p/order/index.html",
        "https://www.aliexpress.us/p/order/index.html",
    ]),
    rule(OrderList, Sites::All, Service("trade"), Exact("/orderList.htm"), &[
        "https://trade.aliexpress.com/orderList.htm",
        "https://trade.aliexpress.com/orderList.htm?tracelog=ws_topbar",
        "https://trade.aliexpress.ru/orderList.htm",
    ]),
    rule(OrderList, Sites::Global, Service("trade"), Exact("/order_list.htm"), &[
        "https://trade.aliexpress.com/order_list.htm",
    ]),
    rule(OrderList, Sites::Russia, Storefront, Exact("/order-list"), &[
        "https://aliexpress.ru/order-list",
        "https://aliexpress.ru/order-list?filterName=archive",
    ]),
    rule(OrderDetail, Sites::Global, Storefront, Exact("/p/order/detail.html"), &[
        "https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322",
        "https://www.aliexpress.us/p/order/detail.html?orderId=3058607256425504",
    ]),
    rule(OrderDetail, Sites::Global, Service("trade"), Exact("/order_detail.htm"), &[
        "https://trade.aliexpress.com/order_detail.htm?orderId=81495464493633",
    ]),
    rule(OrderDetail, Sites::Russia, Storefront, OrderIdAfter("/order-list/"), &[
        "https://aliexpress.ru/order-list/5123456789012345",
    ]),
    rule(Tracking, Sites::Global, Storefront, Exact("/p/tracking/index.html"), &[
        "https://www.aliexpress.com/p/tracking/index.html?tradeOrderId=8212313961591322",
        "https://www.aliexpress.us/p/tracking/index.html?tradeOrderId=3058607256425504",
    ]),
    rule(Tracking, Sites::All, Service("track"), Exact("/logisticsdetail.htm"), &[
        "https://track.aliexpress.com/logisticsdetail.htm?tradeId=81495464493633",
    ]),
    rule(Wallet, Sites::Global, Storefront, Prefix("/p/wallet-ui/"), &[
        "https://www.aliexpress.com/p/wallet-ui/index.html",
    ]),
    rule(Wallet, Sites::Global, Storefront, Prefix("/p/wallet-ui-follow/"), &[
        "https://www.aliexpress.com/p/wallet-ui-follow/card-record.html?pha_manifest=wallet_card_record&bizScene=TRADE",
    ]),
    rule(Coins, Sites::Global, Storefront, Prefix("/p/coin-pc-index/"), &[
        "https://www.aliexpress.com/p/coin-pc-index/index.html",
        "https://www.aliexpress.com/p/coin-pc-index/mycoin.html",
    ]),
    rule(Coins, Sites::Global, Storefront, Prefix("/p/coin-index/"), &[
        "https://m.aliexpress.com/p/coin-index/index.html",
    ]),
    rule(Coupons, Sites::Global, Storefront, Prefix("/p/my-coupons/"), &[
        "https://www.aliexpress.com/p/my-coupons/index.html",
        "https://ko.aliexpress.com/p/my-coupons/index.html",
    ]),
    rule(Coupons, Sites::All, Service("coupon"), Exact("/buyer/coupon/listView.htm"), &[
        "https://coupon.aliexpress.com/buyer/coupon/listView.htm",
        "https://coupon.aliexpress.ru/buyer/coupon/listView.htm",
    ]),
    rule(AddressBook, Sites::All, Service("ilogisticsaddress"), Exact("/addressList.htm"), &[
        "https://ilogisticsaddress.aliexpress.com/addressList.htm",
        "https://ilogisticsaddress.aliexpress.com/addressList.htm?spm=a2g0o.new_account_index",
        "https://ilogisticsaddress.aliexpress.ru/addressList.htm",
    ]),
    rule(Feedback, Sites::All, Service("feedback"), Exact("/management/feedbackBuyerList.htm"), &[
        "https://feedback.aliexpress.com/management/feedbackBuyerList.htm",
        "https://feedback.aliexpress.com/management/feedbackBuyerList.htm?page=2",
        "https://feedback.aliexpress.ru/management/feedbackBuyerList.htm",
    ]),
    rule(AccountSettings, Sites::All, Service("accounts"), Exact("/user/organization/manage_person_profile.htm"), &[
        "https://accounts.aliexpress.com/user/organization/manage_person_profile.htm",
        "https://accounts.aliexpress.com/user/organization/manage_person_profile.htm?isEdit=true",
        "https://accounts.aliexpress.com/user/organization/manage_person_profile.htm?spm=a2g0o.account_setting",
    ]),
    rule(AccountSettings, Sites::Global, Storefront, Exact("/p/account/index.html"), &[
        "https://www.aliexpress.com/p/account/index.html",
        "https://www.aliexpress.us/p/account/index.html",
    ]),
    rule(AccountSettings, Sites::Global, Storefront, Exact("/account.html"), &[
        "https://m.aliexpress.com/account.html#/currency",
    ]),
    PageRule {
        kind: DeleteAccount,
        sites: Sites::All,
        host: Service("privacy"),
        path: PathIs::Any,
        fragment_prefix: Some("/request/delete"),
        examples: only_for_tests(&[
            "https://privacy.aliexpress.com/home#/request/delete",
            "https://privacy.aliexpress.com/home?spm=a2g0o.home#/request/delete?step=2",
        ]),
    },
    rule(DeactivateAccount, Sites::All, Service("accounts"), Exact("/user/organization/deactive_account.htm"), &[
        "https://accounts.aliexpress.com/user/organization/deactive_account.htm",
    ]),
    rule(Login, Sites::All, Service("login"), PathIs::Any, &[
        "https://login.aliexpress.com/",
        "https://login.aliexpress.com/buyer.htm",
        "https://login.aliexpress.com/?returnUrl=https%3A%2F%2Fwww.aliexpress.com%2Fp%2Forder%2Findex.html",
        "https://login.aliexpress.com/express/mulSiteLogin.htm?return=https://www.aliexpress.com/",
        "https://login.aliexpress.ru/",
        "https://login.aliexpress.us/",
    ]),
    rule(Login, Sites::Global, Storefront, Prefix("/p/ug-login-page/"), &[
        "https://www.aliexpress.com/p/ug-login-page/login.html",
        "https://www.aliexpress.com/p/ug-login-page/login.html?return_url=https%3A%2F%2Fwww.aliexpress.com%2Fp%2Forder%2Findex.html",
    ]),
];

/// Where the panel links to the address book, to save the addresses there.
pub const ADDRESS_BOOK_URL: &str = "https://ilogisticsaddress.aliexpress.com/addressList.htm";
/// Where the panel links to the reviews the user wrote, to save them there.
pub const FEEDBACK_URL: &str = "https://feedback.aliexpress.com/management/feedbackBuyerList.htm";
/// Where the panel and the report point for messages with sellers.
pub const MESSAGES_URL: &str = "https://www.aliexpress.com/p/message/index.html";

/// AliExpress URLs that no rule names: the assistant shows only its launcher there.
pub static OTHER_ALIEXPRESS_EXAMPLES: &[&str] = &[
    "https://www.aliexpress.com/",
    "https://aliexpress.com/",
    "https://he.aliexpress.com/?gatewayAdapt=glo2isr",
    "https://www.aliexpress.com/item/1005001234567890.html",
    "https://www.aliexpress.us/item/3256809840464144.html",
    "https://www.aliexpress.com/p/shoppingcart/index.html",
    "https://www.aliexpress.com/p/order/snapshot.html",
    "https://feedback.aliexpress.com/management/feedbackBuyerList.htm.bak",
    "https://msg.aliexpress.com/buyerMsgListNew.htm",
    "https://www.aliexpress.com/p/message/index.html?orderId=8212313961591322&fromCode=order",
    "https://privacy.aliexpress.com/home",
    "https://privacy.aliexpress.com/home#/request/download",
    "https://accounts.aliexpress.com/user/company/change_password_security_prompt.htm",
    "https://trade.aliexpress.com/orderList.htm.bak",
    "https://www.aliexpress.com/p/order/index.html/extra",
    "https://aliexpress.ru/",
    "https://aliexpress.ru/order-list/not-an-id",
    "http://www.aliexpress.com/p/wish-manage/detail.html",
];

/// URLs that are not AliExpress at all, look-alikes included: the extension injects nothing.
pub static NOT_ALIEXPRESS_EXAMPLES: &[&str] = &[
    "https://example.com/",
    "https://aliexpress.com.evil.example/p/order/index.html",
    "https://www.aliexpress.com@evil.example/p/order/index.html",
    "https://notaliexpress.com/p/order/index.html",
    "https://www.aliexpress.co/p/order/index.html",
    "https://example.com/?next=https://www.aliexpress.com/p/order/index.html",
    "ftp://www.aliexpress.com/p/order/index.html",
    "chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html",
    "about:blank",
    "",
];

/// A rule that recognises a page by what it shows, used only where the URL names no page.
#[derive(Debug)]
pub struct DomRule {
    /// The page these elements show.
    pub kind: PageKind,
    /// Sites the rule applies to.
    pub sites: Sites,
    /// CSS selectors; any one present is enough. Plain, unhashed class names only.
    pub selectors: &'static [&'static str],
    /// A fixture page (under `tests/fixtures/dom-rules/`) that shows this kind at a URL no
    /// URL rule names. The fixture test checks the selectors against it and against the others.
    pub fixture: &'static str,
}

/// DOM rules, checked in order.
pub static DOM_RULES: &[DomRule] = &[
    DomRule {
        kind: OrderList,
        sites: Sites::Global,
        // New layout cards, the "View orders" pager, and the old trade table [H]
        // (`docs/site-facts.md`, "Markup", "The old trade layout").
        selectors: &[
            ".order-item .order-item-header",
            "[data-pl=\"order_more\"]",
            "#buyer-ordertable",
        ],
        fixture: "order-list-elsewhere.html",
    },
    DomRule {
        kind: OrderDetail,
        sites: Sites::Global,
        selectors: &[".order-detail-info .info-row", "#TP_ProductTable"],
        fixture: "order-detail-elsewhere.html",
    },
    DomRule {
        kind: Login,
        sites: Sites::All,
        // [G] A sign-in form: a password field inside a form. No source names the login markup.
        selectors: &["form input[type=\"password\"]"],
        fixture: "login-elsewhere.html",
    },
];
