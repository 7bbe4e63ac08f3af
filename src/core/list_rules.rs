//! Where each field sits on AliExpress's order pages: selectors, kept as data beside the
//! fixtures in `tests/fixtures/histories/` that prove them. Plain, unhashed class names and
//! `data-pl` attributes only (`docs/site-facts.md`, "Markup"); labels are never matched, because they
//! change by language and over time.

/// Selectors for one layout of the order list.
#[derive(Debug)]
pub struct ListLayout {
    /// A short name, used in warnings.
    pub name: &'static str,
    /// One card per order.
    pub card: &'static str,
    /// Status text.
    pub status: &'static [&'static str],
    /// Element whose text holds the order date.
    pub date: &'static [&'static str],
    /// Element whose text holds the order number.
    pub order_id: &'static [&'static str],
    /// Link to the order's detail page.
    pub detail_link: &'static [&'static str],
    /// Link to the store (its text is the store name).
    pub store_link: &'static [&'static str],
    /// Store name where it is not a link.
    pub store_name: &'static [&'static str],
    /// Order total.
    pub total: &'static [&'static str],
    /// One element per line item shown in full.
    pub item: &'static str,
    /// Thumbnails of a multi-item order, which shows no titles or prices on the list.
    pub thumbnails: &'static str,
    /// Tracking link, whose URL carries the order number.
    pub track_link: &'static [&'static str],
    /// Where an order's detail page is, on the list's host, when no link says: path + id.
    pub detail_path: &'static str,
    /// Refund and dispute notes under the card, one element each [H: `docs/site-facts.md`, "Refund and dispute notes"].
    pub notes: &'static str,
    /// Selectors within an item.
    pub item_fields: ItemFields,
}

/// Selectors within one line item.
#[derive(Debug)]
pub struct ItemFields {
    /// Title element: the `title` attribute wins over text.
    pub title: &'static [&'static str],
    /// Link to the product.
    pub link: &'static [&'static str],
    /// Variant text.
    pub variant: &'static [&'static str],
    /// Unit price.
    pub price: &'static [&'static str],
    /// Quantity (`x2`, `X1`).
    pub quantity: &'static [&'static str],
    /// Image: an `<img src>` or an element with a CSS `background-image`.
    pub image: &'static [&'static str],
}

/// The current layout (2022 onward, both header generations) and the old trade layout.
pub static LIST_LAYOUTS: &[ListLayout] = &[
    ListLayout {
        name: "new",
        card: ".order-item",
        status: &[
            ".order-item-header-status-text",
            "[data-pl=\"order_item_header_status\"]",
        ],
        date: &[
            ".order-item-header-right-info > div:first-child",
            "[data-pl=\"order_item_header_info\"]",
            "span.order-item-header-date",
        ],
        order_id: &[
            ".order-item-header-right-info",
            "[data-pl=\"order_item_header_info\"]",
        ],
        // Recent tools anchor on the `data-pl` link, whose href need not name the page
        // (docs/site-facts.md, "Detail links").
        detail_link: &[
            "a[data-pl=\"order_item_header_detail\"]",
            "a[href*=\"order/detail.html\"]",
            ".order-item-header-right a[href*=\"orderId=\"]",
        ],
        store_link: &[
            ".order-item-store-name a",
            "[data-pl=\"order_item_store_name\"] a",
        ],
        store_name: &[
            ".order-item-store-name",
            "[data-pl=\"order_item_store_name\"]",
        ],
        total: &[
            ".order-item-content-opt-price-total",
            "[data-pl=\"order_item_content_price_total\"]",
        ],
        item: ".order-item-content-body",
        thumbnails: ".order-item-content-img-list .order-item-content-img",
        track_link: &["a[href*=\"tradeOrderId=\"]"],
        detail_path: "/p/order/detail.html?orderId=",
        notes: ".expose-info-item-title",
        item_fields: ItemFields {
            title: &[
                ".order-item-content-info-name span[title]",
                ".order-item-content-info-name",
            ],
            link: &[".order-item-content-info-name a", "a[href*=\"/item/\"]"],
            variant: &[".order-item-content-info-sku"],
            price: &[".order-item-content-info-number > div"],
            quantity: &[".order-item-content-info-number-quantity"],
            image: &[".order-item-content-img"],
        },
    },
    ListLayout {
        name: "old-trade",
        card: "tbody.order-item-wraper",
        status: &["td.order-status .f-left", "td.order-status"],
        date: &["td.order-info p.second-row span.info-body"],
        order_id: &["td.order-info p.first-row span.info-body"],
        detail_link: &["a.view-detail-link", "a[href*=\"order_detail.htm\"]"],
        store_link: &["td.store-info p.second-row a"],
        store_name: &["td.store-info p.first-row span.info-body"],
        total: &["td.order-amount p.amount-num"],
        item: "td.product-sets",
        thumbnails: "td.product-sets .product-left img",
        track_link: &["a[href*=\"tradeId=\"]"],
        detail_path: "/order_detail.htm?orderId=",
        // The old layout showed refunds and disputes as statuses ("Dispute orders").
        notes: ".expose-info-item-title",
        item_fields: ItemFields {
            title: &["a.baobei-name[title]", "a.baobei-name"],
            link: &["a.baobei-name"],
            variant: &["p.product-property"],
            price: &["p.product-amount span:first-child"],
            quantity: &["p.product-amount span:nth-child(2)"],
            image: &[".product-left img"],
        },
    },
];

/// Selectors for the order detail page (new layout, 2022 onward).
#[derive(Debug)]
pub struct DetailLayout {
    /// One element per line item.
    pub item: &'static str,
    /// Selectors within an item.
    pub item_fields: ItemFields,
    /// Status text.
    pub status: &'static [&'static str],
    /// Store name.
    pub store_name: &'static [&'static str],
    /// Tracking numbers: elements whose `data-clipboard-text` or text is a tracking number.
    pub tracking: &'static [&'static str],
    /// What only the detail page shows: the price breakdown, the address, the payment.
    pub extras: DetailExtras,
}

/// Where the detail page shows its price breakdown, shipping address and payment method
/// (`docs/site-facts.md`, "Detail page": price rows, contact, payment).
#[derive(Debug)]
pub struct DetailExtras {
    /// One element per row of the price breakdown.
    pub price_row: &'static str,
    /// Within a row: its name.
    pub price_label: &'static [&'static str],
    /// Within a row: its value.
    pub price_value: &'static [&'static str],
    /// Names and values by their `data-pl` alone, paired in page order, where no row is found.
    pub price_pairs: (&'static str, &'static str),
    /// The control that unfolds the breakdown, which shows only its total until pressed.
    pub price_unfold: &'static str,
    /// The shipping address block's lines: name and phone, then the address.
    pub ship_to: &'static [&'static str],
    /// The order-info row with the payment method.
    pub payment: &'static [&'static str],
}

/// The detail page.
pub static DETAIL_LAYOUT: DetailLayout = DetailLayout {
    item: ".order-detail-item-content",
    item_fields: ItemFields {
        // The `data-pl` title of 2026 tools first (docs/site-facts.md, "Detail page").
        title: &[
            "[data-pl=\"order_detail_item_title\"]",
            ".item-title a",
            ".item-title",
        ],
        link: &[".item-title a", "a.order-detail-item-content-img"],
        variant: &[".item-sku-attr"],
        price: &[".item-price > div"],
        quantity: &[".item-price-quantity"],
        image: &[
            "a.order-detail-item-content-img",
            ".order-detail-item-content-img",
        ],
    },
    status: &[
        ".order-status .order-block-title",
        ".order-block-title",
        ".order-status-content",
    ],
    store_name: &[".store-name", ".order-detail-item-store"],
    tracking: &[
        ".copy-track-num[data-clipboard-text]",
        "[class*=\"mailNoValue\"]",
        ".order-detail-item-track-num",
    ],
    extras: DetailExtras {
        price_row: ".order-price .order-price-item",
        price_label: &["[data-pl=\"order_price_item_title\"]", ".left-col"],
        price_value: &["[data-pl=\"order_price_item_value\"]", ".right-col"],
        price_pairs: (
            "[data-pl=\"order_price_item_title\"]",
            "[data-pl=\"order_price_item_value\"]",
        ),
        price_unfold: ".order-price .comet-icon-arrowdown",
        ship_to: &[
            "[data-pl=\"contact_info\"]",
            "[data-pl=\"contact_info_address\"]",
        ],
        payment: &["[data-pl=\"order_detail_gray_payment\"]"],
    },
};

/// The order list's own controls, which the backup uses as a person would.
#[derive(Debug)]
pub struct ListControls {
    /// The "View orders" button that appends the next 10 orders [V].
    pub view_more: &'static [&'static str],
    /// Its name, lower-case, in the languages the assistant speaks: how it is found when no
    /// class name is left (English and Norwegian [V]; the others are the fixtures' wordings
    /// [G], `docs/site-facts.md`).
    pub view_more_names: &'static [&'static str],
    /// The old layout's "Next" link, which loads the next page [H: `docs/site-facts.md`, "The old trade layout"].
    pub next_page: &'static [&'static str],
    /// The time filter, a `<select>` whose option values are the page's codes (`all`, `6m`,
    /// `1y`, `2y` [V: list JSON]); the markup around them is [G].
    pub time_filter: &'static [&'static str],
    /// The time filter's value for the whole history [V].
    pub all_time_value: &'static str,
    /// The slider captcha [H: `docs/site-facts.md`, "Captcha"].
    pub captcha: &'static [&'static str],
    /// Where the page states how many orders it holds: the active tab, `View all (256)` [I].
    /// The 2025–2026 "View all" shows no count (docs/site-facts.md, "Tabs, counts and the
    /// time filter"), so this is read only where a layout shows one.
    pub stated_count: &'static [&'static str],
    /// The status tabs, in the page's order: "View all" first, then "To pay (N)",
    /// "Processing (N)", "Processed (N)", "Completed", "Deleted orders" (H).
    pub tabs: &'static str,
    /// The class the active tab carries.
    pub active_tab_class: &'static str,
    /// The "Deleted orders" tab's name, lower-case (English [V: `tailStatusTab` code
    /// `recycle`, title "Deleted orders"]; the others [G]).
    pub deleted_tab_names: &'static [&'static str],
    /// Orders one press adds [V: `pageSize: 10`].
    pub page_size: usize,
}

/// The order list's tab names and words, in the languages the assistant speaks [H: the
/// fixtures' wordings]. The tabs are found by class and place, never by these; a page report
/// keeps them readable (`core::page_report::vocabulary`), beside `view_more_names` and
/// `deleted_tab_names`.
pub const TAB_WORDS: &[&str] = &[
    "view all",
    "to pay",
    "processing",
    "processed",
    "completed",
    "order",
    "orders",
    "alle anzeigen",
    "ver todo",
    "tout afficher",
    "ver tudo",
    "wyświetl wszystkie",
    "посмотреть все",
    "전체 보기",
];

/// The new layout's controls.
pub static LIST_CONTROLS: ListControls = ListControls {
    view_more: &[".order-more button", "[data-pl=\"order_more\"] button"],
    view_more_names: &[
        "view orders",
        "view more",
        "vis ordrer",
        "se flere ordrer",
        "bestellungen anzeigen",
        "voir les commandes",
        "ver pedidos",
        "ver mais pedidos",
        "zobacz zamówienia",
        "показать заказы",
        "주문 보기",
    ],
    next_page: &[
        "#simple-pager a.ui-pagination-next:not(.ui-pagination-disabled)",
        "a.ui-pagination-next:not(.ui-pagination-disabled)",
    ],
    time_filter: &["select.order-header-time-select", ".order-header select"],
    all_time_value: "all",
    captcha: &[
        "#baxia-dialog-content",
        ".baxia-dialog",
        "#nc_1_wrapper",
        ".nc-container",
    ],
    stated_count: &[".comet-tabs-nav-item-active"],
    tabs: ".comet-tabs-nav-item",
    active_tab_class: "comet-tabs-nav-item-active",
    deleted_tab_names: &[
        "deleted orders",
        "gelöschte bestellungen",
        "commandes supprimées",
        "pedidos eliminados",
        "pedidos excluídos",
        "usunięte zamówienia",
        "удалённые заказы",
        "удаленные заказы",
        "삭제된 주문",
    ],
    page_size: 10,
};

/// What the structural reader (`core::parse::structural`) anchors on when no class name is left: the
/// links a page can't change without breaking itself (`docs/site-facts.md`, "Redesigns").
#[derive(Debug)]
pub struct StructureAnchors {
    /// Links that carry an order id: the detail link, the tracking link, a card that is a link.
    pub order_links: &'static str,
    /// The query keys whose digits are the order id, in the order tried.
    pub order_id_keys: &'static [&'static str],
    /// The query key of a detail link (a tracking link's key contains it too).
    pub detail_key: &'static str,
    /// The query key of a tracking link.
    pub tracking_key: &'static str,
    /// Links to a product.
    pub item_links: &'static str,
    /// The path part before a product's id (`/item/<id>.html`).
    pub item_path: &'static str,
    /// Links to a store.
    pub store_links: &'static str,
}

/// The anchors of the 2022–2026 pages [H: `a[href*="tradeOrderId="]` and `/item/<id>.html`
/// in a dozen tools; the detail link's `orderId=` in the list API's `orderDetailUrl`].
pub static STRUCTURE: StructureAnchors = StructureAnchors {
    order_links: "a[href*=\"rderId=\"], a[href*=\"tradeId=\"]",
    order_id_keys: &["orderId=", "tradeOrderId=", "tradeId="],
    detail_key: "orderId=",
    tracking_key: "tradeOrderId=",
    item_links: "a[href*=\"/item/\"]",
    item_path: "/item/",
    store_links: "a[href*=\"/store/\"]",
};
