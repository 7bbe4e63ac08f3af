//! The second reader: order cards and detail pages read without a single class name or
//! `data-pl`, for the day AliExpress renames them (as it did its cookie banner's in July 2026,
//! `docs/site-facts.md`). It anchors on what the page can't change without breaking itself:
//! links that carry the order id, `/item/<id>.html` and `/store/<id>` links, the shapes of
//! dates, money and quantities, and the order of things in a card.
//!
//! A card is the largest part of the page whose order links all name one order (or, when the
//! page holds a single order, the smallest part that holds its link, a date and a price).
//! Within it, each field is the smallest element whose text has that field's shape. Like the
//! rule tables' reader, it never panics and returns records plus warnings.

use super::date::parse_date;
use super::dom::DomNode;
use super::list_rules::{LIST_LAYOUTS, STRUCTURE};
use super::money::{parse_money, Money};
use super::order::{Item, Order, ReadBy, Store, Warning};
use super::parse::{
    absolute_url, background_image, clean, longest_digit_run, origin, quantity_of, query_digits,
    DetailPage, ListPage, ListedOrder,
};
use super::status::{classify_status, OrderState};

/// Links that carry an order id (`list_rules::STRUCTURE`, site knowledge as data).
const ORDER_LINKS: &str = STRUCTURE.order_links;
/// Links to a product.
pub const ITEM_LINKS: &str = STRUCTURE.item_links;
/// Links to a store.
const STORE_LINKS: &str = STRUCTURE.store_links;
/// What a person clicks rather than reads: text inside these is a control's label.
const CONTROLS: &str = "a, button";

type IdOf = fn(&str) -> Option<String>;

/// The order id a link carries.
fn order_id_of(href: &str) -> Option<String> {
    STRUCTURE
        .order_id_keys
        .iter()
        .find_map(|key| query_digits(href, key))
}

/// The product id of an `/item/<id>.html` link.
fn item_id_of(href: &str) -> Option<String> {
    let path = STRUCTURE.item_path;
    let after = &href[href.find(path)? + path.len()..];
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    (!digits.is_empty()).then_some(digits)
}

/// The distinct ids `id_of` finds in the links under `node` matching `links` (and in the node
/// itself, when it is such a link), in page order.
fn ids_under<N: DomNode>(node: &N, links: &str, id_of: IdOf) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let own = node.attr("href").and_then(|h| id_of(&h));
    let found = node
        .select_all(links)
        .into_iter()
        .filter_map(|a| a.attr("href").and_then(|h| id_of(&h)));
    for id in own.into_iter().chain(found) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// The largest parts of `node` whose links name exactly one id each, in page order.
fn partition<N: DomNode + Clone>(node: &N, links: &str, id_of: IdOf, out: &mut Vec<N>) {
    match ids_under(node, links, id_of).len() {
        0 => {}
        1 => out.push(node.clone()),
        _ => {
            for child in node.children() {
                partition(&child, links, id_of, out);
            }
        }
    }
}

/// Whether some element under `node` (or `node`) is the smallest to have a text `shape`.
fn holds<N: DomNode>(node: &N, shape: fn(&str) -> bool) -> bool {
    shape(&node.text())
}

fn is_date(text: &str) -> bool {
    parse_date(text).is_some()
}

fn is_money(text: &str) -> bool {
    parse_money(text).is_some()
}

/// A part that holds one order: narrowed from the largest part with its links down to the
/// smallest that still holds its link, a date and a price, so that a page with a single
/// order doesn't read its tabs and menus as the order.
fn narrow<N: DomNode + Clone>(part: N) -> N {
    let mut part = part;
    loop {
        let inner: Vec<N> = part
            .children()
            .into_iter()
            .filter(|c| ids_under(c, ORDER_LINKS, order_id_of).len() == 1)
            .collect();
        match inner.as_slice() {
            [only] if holds(only, is_date) && holds(only, is_money) => part = only.clone(),
            _ => return part,
        }
    }
}

/// Every order card under `root`, in page order.
pub fn find_cards<N: DomNode + Clone>(root: &N) -> Vec<N> {
    let mut parts = Vec::new();
    partition(root, ORDER_LINKS, order_id_of, &mut parts);
    if let [only] = parts.as_slice() {
        return vec![narrow(only.clone())];
    }
    parts
}

/// One element of a card, with its place in the card (document order) and text.
struct Piece<N> {
    node: N,
    text: String,
    leaf: bool,
}

/// The card's elements in document order, each with its text.
fn pieces<N: DomNode + Clone>(card: &N) -> Vec<Piece<N>> {
    card.select_all("*")
        .into_iter()
        .map(|node| Piece {
            text: node.text(),
            leaf: node.children().is_empty(),
            node,
        })
        .collect()
}

/// The places of the smallest elements whose text has `shape`: none of their children has it.
fn smallest<N: DomNode>(pieces: &[Piece<N>], shape: impl Fn(&str) -> bool) -> Vec<usize> {
    pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| shape(&p.text) && !p.node.children().iter().any(|c| shape(&c.text())))
        .map(|(i, _)| i)
        .collect()
}

/// `x2`, `X 1`, `×3`: a quantity.
fn is_quantity(text: &str) -> bool {
    let t = text.trim();
    let rest = t
        .strip_prefix(['x', 'X', '×'])
        .map(str::trim_start)
        .unwrap_or("");
    !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit())
}

/// `Color: Black`: a name and a value, the way a variant is written.
fn is_variant(text: &str) -> bool {
    let t = clean(text);
    t.split_once(':').is_some_and(|(name, value)| {
        !name.trim().is_empty()
            && !value.trim().is_empty()
            && !name.chars().any(|c| c.is_ascii_digit())
    }) && !is_date(&t)
        && !is_money(&t)
        && longest_digit_run(&t).is_none()
}

/// Reads the order cards under `root` as [`super::parse::parse_order_list_range`] does, by
/// structure alone.
pub fn parse_structural_range<N: DomNode + Clone>(
    root: &N,
    page_url: &str,
    skip: usize,
    max: usize,
) -> ListPage {
    let cards = find_cards(root);
    let mut page = ListPage {
        cards: cards.len(),
        ..ListPage::default()
    };
    let first = if skip > cards.len() { 0 } else { skip };
    for (index, card) in cards.iter().enumerate().skip(first).take(max) {
        match read_card(card, page_url, &mut page.warnings) {
            Some(order) => page.orders.push(order),
            None => page.warnings.push(Warning::new(
                "unreadable_card",
                format!(
                    "order card {} has no order number; it was skipped",
                    index + 1
                ),
            )),
        }
        page.next = index + 1;
    }
    page.next = page.next.max(first);
    page
}

fn read_card<N: DomNode + Clone>(
    card: &N,
    page_url: &str,
    warnings: &mut Vec<Warning>,
) -> Option<ListedOrder> {
    let id = ids_under(card, ORDER_LINKS, order_id_of)
        .into_iter()
        .next()?;
    // What goes wrong from here on is this order's: kept with it too (format 2).
    let before = warnings.len();
    let pieces = pieces(card);
    let leaves: Vec<usize> = (0..pieces.len())
        .filter(|&i| pieces[i].leaf && !clean(&pieces[i].text).is_empty())
        .collect();
    let dates = smallest(&pieces, is_date);
    let moneys = smallest(&pieces, is_money);
    let quantities = smallest(&pieces, is_quantity);

    // The status: the first words the assistant knows as one, else the card's first words.
    let status = leaves
        .iter()
        .map(|&i| clean(&pieces[i].text))
        .find(|t| classify_status(t) != OrderState::Unknown)
        .or_else(|| leaves.first().map(|&i| clean(&pieces[i].text)))
        .unwrap_or_default();
    let state = classify_status(&status);
    if state == OrderState::Unknown {
        warnings.push(Warning::new(
            "unknown_status",
            format!("order {id}: status \"{status}\" is not one the assistant knows"),
        ));
    }
    let placed_on = dates.first().and_then(|&i| parse_date(&pieces[i].text));
    if placed_on.is_none() {
        warnings.push(Warning::new(
            "unreadable_date",
            format!("order {id}: the order date could not be read"),
        ));
    }
    let store_link = card.select(STORE_LINKS);
    let store = Store {
        name: store_link
            .as_ref()
            .map(|l| clean(&l.text()))
            .unwrap_or_default(),
        url: store_link
            .and_then(|l| l.attr("href"))
            .and_then(|h| absolute_url(&h, page_url)),
    };

    let item_ids = ids_under(card, ITEM_LINKS, item_id_of);
    let links = card.select_all(ITEM_LINKS);
    let links_of = |item: &str| {
        links
            .iter()
            .filter(|a| a.attr("href").and_then(|h| item_id_of(&h)).as_deref() == Some(item))
            .collect::<Vec<_>>()
    };
    let title_of = |item: &str| {
        links_of(item)
            .iter()
            .flat_map(|a| {
                let titled = a.select("[title]").and_then(|t| t.attr("title"));
                [titled, Some(a.text())]
            })
            .flatten()
            .map(|t| clean(&t))
            .max_by_key(String::len)
            .filter(|t| !t.is_empty())
    };
    let shows_titles = !item_ids.is_empty() && item_ids.iter().all(|i| title_of(i).is_some());

    // The total is the last price, when the card shows more than its items' prices. An old
    // order shows only its line's price: then there is no total, never a guessed one.
    let (item_prices, total_at) = if shows_titles && moneys.len() > item_ids.len() {
        (&moneys[..moneys.len() - 1], moneys.last().copied())
    } else if shows_titles {
        (&moneys[..], None)
    } else {
        (&moneys[..0], moneys.last().copied())
    };
    let total = total_at.and_then(|i| parse_money(&pieces[i].text));
    if total.is_none() {
        warnings.push(Warning::new(
            "missing_total",
            format!("order {id}: the page shows no readable total"),
        ));
    }
    let in_control = |i: usize| pieces[i].node.within(CONTROLS) && !card.within(CONTROLS);
    let variants: Vec<usize> = leaves
        .iter()
        .copied()
        .filter(|&i| !in_control(i) && is_variant(&pieces[i].text))
        .collect();
    let items: Vec<Item> = if shows_titles {
        item_ids
            .iter()
            .enumerate()
            .map(|(n, item)| Item {
                title: title_of(item).unwrap_or_default(),
                variant: (item_ids.len() == 1)
                    .then(|| variants.first().map(|&i| clean(&pieces[i].text)))
                    .flatten(),
                quantity: quantities
                    .get(n)
                    .and_then(|&i| quantity_of(&pieces[i].text))
                    .unwrap_or(1),
                unit_price: item_prices
                    .get(n)
                    .and_then(|&i| parse_money(&pieces[i].text)),
                product_url: links_of(item)
                    .first()
                    .and_then(|a| a.attr("href"))
                    .and_then(|h| absolute_url(&h, page_url)),
                image_url: image_in(&links_of(item), page_url).or_else(|| {
                    (item_ids.len() == 1)
                        .then(|| image_in(&[card], page_url))
                        .flatten()
                }),
            })
            .collect()
    } else {
        Vec::new()
    };

    // Notes under the card (a refund, a dispute): words after the total that no control says.
    // (The total's own pieces follow it in document order: they are not notes.)
    let notes = match total_at {
        Some(at) => leaves
            .iter()
            .copied()
            .filter(|&i| i > at + pieces[at].node.select_all("*").len() && !in_control(i))
            .map(|i| clean(&pieces[i].text))
            .collect(),
        None => Vec::new(),
    };
    let detail_url = detail_link(card, &id, page_url);
    let needs_detail = items.is_empty() || item_ids.len() > items.len();
    Some(ListedOrder {
        order: Order {
            id,
            placed_on,
            status,
            state,
            store,
            total,
            items,
            tracking_numbers: Vec::new(),
            detail_url,
            notes,
            warnings: warnings[before..].to_vec(),
            read_by: Some(ReadBy::Structure),
            deleted: false,
        },
        needs_detail,
    })
}

/// The order's detail page: the card's own link, else its first link that isn't tracking,
/// else the page the list layout names for it.
fn detail_link<N: DomNode>(card: &N, id: &str, page_url: &str) -> String {
    let own = card.attr("href").into_iter();
    let links = card
        .select_all(ORDER_LINKS)
        .into_iter()
        .filter_map(|a| a.attr("href"));
    own.chain(links)
        .find(|h| h.contains(STRUCTURE.detail_key) && !h.contains(STRUCTURE.tracking_key))
        .and_then(|h| absolute_url(&h, page_url))
        .or_else(|| origin(page_url).map(|o| format!("{o}{}{id}", LIST_LAYOUTS[0].detail_path)))
        .unwrap_or_default()
}

/// The first image under `nodes`: an `<img src>`, or an element with a CSS background image.
fn image_in<N: DomNode>(nodes: &[&N], page_url: &str) -> Option<String> {
    nodes.iter().find_map(|n| {
        let own = n.attr("style").and_then(|s| background_image(&s));
        own.or_else(|| {
            n.select_all("img[src], [style*=\"background-image\"]")
                .into_iter()
                .find_map(|e| {
                    e.attr("src")
                        .or_else(|| e.attr("style").and_then(|s| background_image(&s)))
                })
        })
        .and_then(|u| absolute_url(&u, page_url))
    })
}

/// Tracking numbers as carriers write them: `LP00123456789012`, `RB123456789CN`.
fn is_tracking_number(text: &str) -> bool {
    let t = text.trim();
    let letters = t.bytes().take_while(u8::is_ascii_uppercase).count();
    let digits = t[letters..].bytes().take_while(u8::is_ascii_digit).count();
    let tail = &t[letters + digits..];
    (2..=4).contains(&letters)
        && (8..=20).contains(&digits)
        && (tail.is_empty() || (tail.len() == 2 && tail.bytes().all(|b| b.is_ascii_uppercase())))
}

/// Reads an order's detail page as [`super::parse::parse_order_detail`] does, by structure
/// alone: one part of the page per product link, each with its title, variant, price and
/// quantity; tracking numbers by their shape.
pub fn parse_detail_structural<N: DomNode + Clone>(root: &N, page_url: &str) -> DetailPage {
    let mut parts = Vec::new();
    item_lines(root, &mut parts);
    let items: Vec<Item> = parts
        .iter()
        .map(|part| detail_item(part, page_url))
        .collect();
    let mut tracking_numbers: Vec<String> = Vec::new();
    let copied = root
        .select_all("[data-clipboard-text]")
        .into_iter()
        .filter_map(|e| e.attr("data-clipboard-text"));
    let shown = root
        .select_all("*")
        .into_iter()
        .filter(|e| e.children().is_empty())
        .map(|e| e.text());
    for number in copied.chain(shown).map(|t| clean(&t)) {
        if is_tracking_number(&number) && !tracking_numbers.contains(&number) {
            tracking_numbers.push(number);
        }
    }
    DetailPage::new(items, tracking_numbers, None)
}

/// The detail page's item lines: the largest parts with one product's links and one quantity.
/// (One order may hold the same product twice, in two variants: two lines, one product id.)
fn item_lines<N: DomNode + Clone>(node: &N, out: &mut Vec<N>) {
    let quantities = node
        .select_all("*")
        .iter()
        .filter(|e| e.children().is_empty() && is_quantity(&e.text()))
        .count();
    match ids_under(node, ITEM_LINKS, item_id_of).len() {
        0 => {}
        1 if quantities <= 1 => out.push(node.clone()),
        _ => {
            for child in node.children() {
                item_lines(&child, out);
            }
        }
    }
}

fn detail_item<N: DomNode + Clone>(part: &N, page_url: &str) -> Item {
    let pieces = pieces(part);
    let links = part.select_all(ITEM_LINKS);
    let title = links
        .iter()
        .map(|a| clean(&a.text()))
        .max_by_key(String::len)
        .unwrap_or_default();
    let leaf_text = |shape: fn(&str) -> bool| {
        smallest(&pieces, shape)
            .first()
            .map(|&i| pieces[i].text.clone())
    };
    let variant = pieces
        .iter()
        .find(|p| p.leaf && !p.node.within(CONTROLS) && is_variant(&p.text))
        .map(|p| clean(&p.text));
    let unit_price: Option<Money> = leaf_text(is_money).and_then(|t| parse_money(&t));
    Item {
        title,
        variant,
        quantity: leaf_text(is_quantity)
            .and_then(|t| quantity_of(&t))
            .unwrap_or(1),
        unit_price,
        product_url: links
            .first()
            .and_then(|a| a.attr("href"))
            .and_then(|h| absolute_url(&h, page_url)),
        image_url: image_in(&links.iter().collect::<Vec<_>>(), page_url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        for q in ["x2", "X 10", "×3", " x1 "] {
            assert!(is_quantity(q), "{q}");
        }
        for q in ["x", "2", "xx2", "Box 2"] {
            assert!(!is_quantity(q), "{q}");
        }
        assert!(is_variant("Color: Black"));
        assert!(is_variant("Ships From: China"));
        for v in [
            "Total:",
            "Date: Sep 15, 2026",
            "Ref. Number: 8212313961591322",
            "Total:US $1.00",
            "12:30",
        ] {
            assert!(!is_variant(v), "{v}");
        }
        for t in ["LP00123456789012", "RB123456789CN", "LP38452596252996"] {
            assert!(is_tracking_number(t), "{t}");
        }
        for t in ["8212313961591322", "US $1.00", "LP12", "Lp0012345678901"] {
            assert!(!is_tracking_number(t), "{t}");
        }
        assert_eq!(
            item_id_of("//www.aliexpress.com/item/1005001.html").as_deref(),
            Some("1005001")
        );
        assert_eq!(
            order_id_of("//www.aliexpress.com/p/tracking/index.html?tradeOrderId=8212313961591322")
                .as_deref(),
            Some("8212313961591322")
        );
    }
}
