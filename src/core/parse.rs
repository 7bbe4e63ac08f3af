//! Reading orders from the order list and detail pages. Total: whatever the page holds, the
//! result is records plus warnings, never a panic or an error.

use serde::{Deserialize, Serialize};

use super::date::parse_date;
use super::dom::DomNode;
use super::list_rules::{ItemFields, ListLayout, DETAIL_LAYOUT, LIST_LAYOUTS};
use super::money::parse_money;
use super::order::{Item, Order, Store, Warning};
use super::status::{classify_status, OrderState};
use super::url::split_url;

/// Order numbers are 14 (before 2020) to 16 digits; real scrapers accept 10 to 20.
const ORDER_ID_DIGITS: std::ops::RangeInclusive<usize> = 10..=20;

/// One order as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedOrder {
    /// What the list shows.
    pub order: Order,
    /// The list shows only thumbnails for some items: read them on the detail page.
    pub needs_detail: bool,
}

impl ListedOrder {
    /// Whether the backup reads this order's detail page too: when the list hides some items,
    /// and for parcels on their way, whose tracking numbers only the detail page shows.
    pub fn opens_detail(&self) -> bool {
        self.needs_detail || self.order.state == OrderState::AwaitingDelivery
    }
}

/// Which reader read a page.
pub use super::order::ReadBy as Reader;

/// What one read of the order list gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListPage {
    /// Which reader found the cards.
    pub reader: Reader,
    /// Orders, in page order.
    pub orders: Vec<ListedOrder>,
    /// Cards that could not be read, and fields that were missing.
    pub warnings: Vec<Warning>,
    /// How many cards the page holds, read or skipped.
    pub cards: usize,
    /// Where the next reading starts: the place after the last card read.
    pub next: usize,
}

/// Reads every order card under `root`, in whichever known layout the page uses.
pub fn parse_order_list<N: DomNode + Clone>(root: &N, page_url: &str) -> ListPage {
    parse_order_list_from(root, page_url, 0)
}

/// Reads the order cards under `root` after the first `skip`: the list only grows at its
/// end, so a backup step reads only what "View orders" added (a 10,000-order list must not
/// be parsed whole at every step). A list shorter than `skip` was re-rendered, and is read
/// from its start.
pub fn parse_order_list_from<N: DomNode + Clone>(
    root: &N,
    page_url: &str,
    skip: usize,
) -> ListPage {
    parse_order_list_range(root, page_url, skip, usize::MAX)
}

/// Like [`parse_order_list_from`], reading at most `max` cards: a long step is split into
/// short tasks, so the page's thread is never held for long. Where no layout of the rule
/// tables finds a card (a redesign renamed the classes), the structural reader reads the page.
pub fn parse_order_list_range<N: DomNode + Clone>(
    root: &N,
    page_url: &str,
    skip: usize,
    max: usize,
) -> ListPage {
    let mut page = ListPage::default();
    let Some((layout, (count, cards))) = LIST_LAYOUTS
        .iter()
        .map(|l| (l, root.select_after(l.card, skip, max)))
        .find(|(_, (count, _))| *count > 0)
    else {
        let mut page = super::structural::parse_structural_range(root, page_url, skip, max);
        page.reader = Reader::Structure;
        return page;
    };
    page.cards = count;
    // Fewer than `skip` cards: the list was re-rendered, and is read from its first card.
    let first = if skip > count { 0 } else { skip };
    page.next = first + cards.len();
    read_cards(
        &mut page,
        cards.iter().enumerate().map(|(i, c)| (first + i, c)),
        layout,
        page_url,
    );
    page
}

/// Reads cards into `page`; `index` is each card's place on the list, for warnings.
fn read_cards<'a, N: DomNode + 'a>(
    page: &mut ListPage,
    cards: impl Iterator<Item = (usize, &'a N)>,
    layout: &ListLayout,
    page_url: &str,
) {
    for (index, card) in cards {
        match parse_card(card, layout, page_url, &mut page.warnings) {
            Some(order) => page.orders.push(order),
            None => page.warnings.push(Warning::new(
                "unreadable_card",
                format!(
                    "order card {} has no order number; it was skipped",
                    index + 1
                ),
            )),
        }
    }
}

fn parse_card<N: DomNode>(
    card: &N,
    layout: &ListLayout,
    page_url: &str,
    warnings: &mut Vec<Warning>,
) -> Option<ListedOrder> {
    // What goes wrong from here on is this order's: kept with it too (format 2).
    let before = warnings.len();
    // On the narrow (mobile) list the card itself is the link (docs/site-facts.md, "Links").
    let detail_href = card
        .select_any(layout.detail_link)
        .and_then(|a| a.attr("href"))
        .or_else(|| card.attr("href").filter(|h| h.contains("orderId=")));
    let track_href = card
        .select_any(layout.track_link)
        .and_then(|a| a.attr("href"));
    let id = detail_href
        .as_deref()
        .and_then(|h| query_digits(h, "orderId="))
        .or_else(|| {
            track_href.as_deref().and_then(|h| {
                query_digits(h, "tradeOrderId=").or_else(|| query_digits(h, "tradeId="))
            })
        })
        .or_else(|| {
            card.select_any(layout.order_id)
                .and_then(|e| longest_digit_run(&e.text()))
        })?;

    let status = text_of(card, layout.status).unwrap_or_default();
    let state = classify_status(&status);
    if state == OrderState::Unknown {
        warnings.push(Warning::new(
            "unknown_status",
            format!("order {id}: status \"{status}\" is not one the assistant knows"),
        ));
    }
    let placed_on = text_of(card, layout.date).and_then(|t| parse_date(&t));
    if placed_on.is_none() {
        warnings.push(Warning::new(
            "unreadable_date",
            format!("order {id}: the order date could not be read"),
        ));
    }
    // The name cell wins: on the old layout the link's text is "View store", not the name.
    let link = card.select_any(layout.store_link);
    let name = text_of(card, layout.store_name)
        .or_else(|| link.as_ref().map(|l| clean(&l.text())))
        .unwrap_or_default();
    let store = Store {
        name,
        url: link
            .and_then(|l| l.attr("href"))
            .and_then(|h| absolute_url(&h, page_url)),
    };
    let total = text_of(card, layout.total).and_then(|t| parse_money(&t));
    if total.is_none() {
        warnings.push(Warning::new(
            "missing_total",
            format!("order {id}: the page shows no readable total"),
        ));
    }
    let items: Vec<Item> = card
        .select_all(layout.item)
        .iter()
        .map(|e| parse_item(e, &layout.item_fields, page_url))
        .collect();
    let thumbnails = card.select_all(layout.thumbnails).len();
    let detail_url = detail_href
        .and_then(|h| absolute_url(&h, page_url))
        .or_else(|| origin(page_url).map(|o| format!("{o}{}{id}", layout.detail_path)))
        .unwrap_or_default();
    let needs_detail = thumbnails > items.len() || items.is_empty();
    let order = Order {
        id,
        placed_on,
        status,
        state,
        store,
        total,
        items,
        tracking_numbers: Vec::new(),
        detail_url,
        notes: card
            .select_all(layout.notes)
            .iter()
            .map(|n| clean(&n.text()))
            .filter(|n| !n.is_empty())
            .collect(),
        warnings: warnings[before..].to_vec(),
        read_by: Some(Reader::Rules),
        deleted: false,
    };
    Some(ListedOrder {
        order,
        needs_detail,
    })
}

fn parse_item<N: DomNode>(node: &N, fields: &ItemFields, page_url: &str) -> Item {
    let title_node = node.select_any(fields.title);
    let title = title_node
        .as_ref()
        .and_then(|t| t.attr("title").filter(|t| !t.trim().is_empty()))
        .or_else(|| title_node.map(|t| t.text()))
        .map(|t| clean(&t))
        .unwrap_or_default();
    let quantity = text_of(node, fields.quantity)
        .and_then(|q| quantity_of(&q))
        .unwrap_or(1);
    let image = node.select_any(fields.image);
    let image_url = image
        .as_ref()
        .and_then(|i| {
            i.attr("src")
                .or_else(|| i.attr("style").and_then(|s| background_image(&s)))
        })
        .and_then(|u| absolute_url(&u, page_url));
    Item {
        title,
        variant: text_of(node, fields.variant),
        quantity,
        unit_price: text_of(node, fields.price).and_then(|p| parse_money(&p)),
        product_url: node
            .select_any(fields.link)
            .and_then(|a| a.attr("href"))
            .and_then(|h| absolute_url(&h, page_url)),
        image_url,
    }
}

/// What an order's detail page adds: every item, and tracking numbers. Handed from the
/// detail page's frame back to the list's page as JSON (`core::detail_handoff`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DetailPage {
    /// Every line item.
    pub items: Vec<Item>,
    /// Tracking numbers shown.
    pub tracking_numbers: Vec<String>,
    /// The status as the detail page shows it (it can be newer than the list's).
    pub status: Option<String>,
    /// What could not be read.
    pub warnings: Vec<Warning>,
}

/// Whether a detail page shows its items yet: items by the rule tables, or product links for
/// the structural reader (a redesign).
pub fn detail_shows_items<N: DomNode>(root: &N) -> bool {
    root.select(DETAIL_LAYOUT.item).is_some()
        || root.select(super::structural::ITEM_LINKS).is_some()
}

/// Reads an order's detail page; where the rule tables find no item, the structural reader
/// reads it.
pub fn parse_order_detail<N: DomNode + Clone>(root: &N, page_url: &str) -> DetailPage {
    let by_rules = parse_detail_by_rules(root, page_url);
    if !by_rules.items.is_empty() {
        return by_rules;
    }
    let by_structure = super::structural::parse_detail_structural(root, page_url);
    if by_structure.items.is_empty() {
        by_rules
    } else {
        by_structure
    }
}

/// Reads a detail page by the rule tables alone.
pub fn parse_detail_by_rules<N: DomNode>(root: &N, page_url: &str) -> DetailPage {
    let layout = &DETAIL_LAYOUT;
    let items: Vec<Item> = root
        .select_all(layout.item)
        .iter()
        .map(|e| parse_item(e, &layout.item_fields, page_url))
        .collect();
    let mut tracking_numbers: Vec<String> = Vec::new();
    for selector in layout.tracking {
        for node in root.select_all(selector) {
            let number = node
                .attr("data-clipboard-text")
                .unwrap_or_else(|| node.text());
            let number = clean(&number);
            if !number.is_empty() && !tracking_numbers.contains(&number) {
                tracking_numbers.push(number);
            }
        }
    }
    DetailPage::new(items, tracking_numbers, text_of(root, layout.status))
}

impl DetailPage {
    /// What a detail page gave, with a warning when it showed no item.
    pub fn new(items: Vec<Item>, tracking_numbers: Vec<String>, status: Option<String>) -> Self {
        let warnings = if items.is_empty() {
            vec![Warning::new(
                "detail_without_items",
                "the order's detail page shows no items",
            )]
        } else {
            Vec::new()
        };
        DetailPage {
            items,
            tracking_numbers,
            status,
            warnings,
        }
    }
}

/// Completes a listed order with its detail page: the detail's items replace the list's,
/// and its tracking numbers are added.
pub fn merge_detail(order: &mut Order, detail: &DetailPage) {
    if !detail.items.is_empty() {
        order.items = detail.items.clone();
    }
    for number in &detail.tracking_numbers {
        if !order.tracking_numbers.contains(number) {
            order.tracking_numbers.push(number.clone());
        }
    }
}

pub(crate) fn text_of<N: DomNode>(node: &N, selectors: &[&str]) -> Option<String> {
    node.select_any(selectors)
        .map(|e| clean(&e.text()))
        .filter(|t| !t.is_empty())
}

/// Collapses white space; page text keeps its words, never its layout.
pub(crate) fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn query_digits(href: &str, key: &str) -> Option<String> {
    let after = &href[href.find(key)? + key.len()..];
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    ORDER_ID_DIGITS.contains(&digits.len()).then_some(digits)
}

pub(crate) fn longest_digit_run(text: &str) -> Option<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| ORDER_ID_DIGITS.contains(&run.len()))
        .max_by_key(|run| run.len())
        .map(str::to_owned)
}

/// A quantity as shown (`x2`): its first number, if it is at least 1. An order has no line
/// of no units; an `x0` is no quantity the assistant can read, and every backup it writes
/// imports back (`docs/backup-format.schema.json`: at least 1).
pub(crate) fn quantity_of(text: &str) -> Option<u32> {
    first_number(text).filter(|&q| q > 0)
}

pub(crate) fn first_number(text: &str) -> Option<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|s| !s.is_empty())?
        .parse()
        .ok()
}

/// The URL inside `background-image: url("…")`.
pub(crate) fn background_image(style: &str) -> Option<String> {
    let start = style.find("url(")? + 4;
    let rest = &style[start..];
    let end = rest.find(')')?;
    Some(rest[..end].trim().trim_matches(['"', '\'']).to_owned()).filter(|u| !u.is_empty())
}

pub(crate) fn origin(page_url: &str) -> Option<String> {
    let parts = split_url(page_url)?;
    Some(format!("{}://{}", parts.scheme, parts.host))
}

/// Whether a URL may become a link: http(s) only, never `javascript:` or `data:`.
pub fn is_web_url(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// Makes a link absolute against the page: `//host/x` and `/x` become `https://…`. Anything
/// that is not http(s) (`javascript:`, `data:`) is dropped, so it can never reach a report.
pub fn absolute_url(href: &str, page_url: &str) -> Option<String> {
    let href = href.trim();
    let absolute = if let Some(rest) = href.strip_prefix("//") {
        format!("https://{rest}")
    } else if href.starts_with('/') {
        format!("{}{href}", origin(page_url)?)
    } else {
        href.to_owned()
    };
    let parts = split_url(&absolute)?;
    matches!(parts.scheme, "https" | "http").then_some(absolute)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_made_absolute_and_only_http_survives() {
        let page = "https://www.aliexpress.com/p/order/index.html";
        let cases = [
            (
                "//www.aliexpress.com/store/1105843321",
                Some("https://www.aliexpress.com/store/1105843321"),
            ),
            (
                "/p/order/detail.html?orderId=1",
                Some("https://www.aliexpress.com/p/order/detail.html?orderId=1"),
            ),
            (
                "https://ae-pic-a1.aliexpress-media.com/kf/S1.jpg",
                Some("https://ae-pic-a1.aliexpress-media.com/kf/S1.jpg"),
            ),
            ("javascript:alert(1)", None),
            ("data:text/html,<script>", None),
            ("", None),
        ];
        for (href, want) in cases {
            assert_eq!(absolute_url(href, page).as_deref(), want, "{href}");
        }
    }

    #[test]
    fn small_readers() {
        assert_eq!(
            query_digits(
                "//www.aliexpress.com/p/order/detail.html?orderId=8212313961591322&x=1",
                "orderId="
            )
            .as_deref(),
            Some("8212313961591322")
        );
        assert_eq!(query_digits("?orderId=12", "orderId="), None);
        assert_eq!(
            longest_digit_run("Date: Sep 15, 2026Ref. Number: 8190000000000001Copy").as_deref(),
            Some("8190000000000001")
        );
        assert_eq!(first_number("x2"), Some(2));
        assert_eq!(first_number("X 10"), Some(10));
        assert_eq!(quantity_of("x0"), None);
        assert_eq!(quantity_of("x3"), Some(3));
        assert_eq!(
            background_image("background-image: url(\"https://a/b.jpg\")").as_deref(),
            Some("https://a/b.jpg")
        );
        assert_eq!(
            background_image("background-image:url(//a/b_220x220.jpg);width:80px").as_deref(),
            Some("//a/b_220x220.jpg")
        );
    }
}
