//! One order card read by structure: the order's id from its links, each field from the
//! smallest piece of text with that field's shape, and the items from the product links.

use crate::core::date::parse_date;
use crate::core::dom::DomNode;
use crate::core::list_rules::{LIST_LAYOUTS, STRUCTURE};
use crate::core::money::{parse_money, Money};
use crate::core::order::{Item, Order, ReadBy, Store, Warning};
use crate::core::status::{classify_status, OrderState};

use super::super::records::{warn_of_gaps, ListedOrder};
use super::super::shapes::{absolute_url, clean, href_of, origin, quantity_of};
use super::anchors::{
    ids_under, image_in, is_date, is_money, is_quantity, is_variant, item_id_of, order_id_of,
    pieces, smallest, Piece, CONTROLS, ITEM_LINKS, ORDER_LINKS, STORE_LINKS,
};

/// Reads one card; `None` when no link in it names an order. Warnings about the order go
/// into `warnings` and, from format 2 on, with the order too.
pub(super) fn read_card<N: DomNode + Clone>(
    card: &N,
    page_url: &str,
    warnings: &mut Vec<Warning>,
) -> Option<ListedOrder> {
    let id = ids_under(card, ORDER_LINKS, order_id_of)
        .into_iter()
        .next()?;
    let before = warnings.len();
    let text = CardText::of(card);
    let products = Products::of(card);
    let status = text.status();
    let state = classify_status(&status);
    let placed_on = smallest(&text.pieces, is_date)
        .first()
        .and_then(|&i| parse_date(&text.pieces[i].text));
    let moneys = smallest(&text.pieces, is_money);
    // Looks every product's title up: once per card.
    let titled = products.titled();
    let (item_prices, total_at) = split_prices(&moneys, products.ids.len(), titled);
    let total = total_at.and_then(|i| parse_money(&text.pieces[i].text));
    warn_of_gaps(
        warnings,
        &id,
        &status,
        state,
        placed_on.is_some(),
        total.is_some(),
    );
    let items = if titled {
        products.items(&text, item_prices, page_url)
    } else {
        Vec::new()
    };
    let needs_detail = items.is_empty() || products.ids.len() > items.len();
    let order = Order {
        placed_on,
        status,
        state,
        store: store_of(card, page_url),
        total,
        items,
        tracking_numbers: Vec::new(),
        detail_url: detail_link(card, &id, page_url),
        notes: total_at.map_or_else(Vec::new, |at| text.notes_after(at)),
        warnings: warnings[before..].to_vec(),
        read_by: Some(ReadBy::Structure),
        deleted: false,
        details: None,
        id,
    };
    Some(ListedOrder {
        order,
        needs_detail,
    })
}

/// The items' prices and the total, among the card's prices. The total is the last price
/// when the card shows more than its items' prices. An old order shows only its line's
/// price: then there is no total, never a guessed one. A card whose items have no titles
/// gives no item prices.
fn split_prices(moneys: &[usize], items: usize, titled: bool) -> (&[usize], Option<usize>) {
    if titled && moneys.len() > items {
        (&moneys[..moneys.len() - 1], moneys.last().copied())
    } else if titled {
        (moneys, None)
    } else {
        (&moneys[..0], moneys.last().copied())
    }
}

/// The card's store, from its store link.
fn store_of<N: DomNode>(card: &N, page_url: &str) -> Store {
    let link = card.select(STORE_LINKS);
    Store {
        name: link.as_ref().map(|l| clean(&l.text())).unwrap_or_default(),
        url: link
            .and_then(|l| l.attr("href"))
            .and_then(|h| absolute_url(&h, page_url)),
    }
}

/// The card's text, taken apart once: its pieces in document order, and which of them are
/// leaves with words.
struct CardText<'a, N> {
    card: &'a N,
    pieces: Vec<Piece<N>>,
    leaves: Vec<usize>,
}

impl<'a, N: DomNode + Clone> CardText<'a, N> {
    fn of(card: &'a N) -> Self {
        let pieces = pieces(card);
        let leaves = (0..pieces.len())
            .filter(|&i| pieces[i].leaf && !clean(&pieces[i].text).is_empty())
            .collect();
        CardText {
            card,
            pieces,
            leaves,
        }
    }

    fn words(&self, i: usize) -> String {
        clean(&self.pieces[i].text)
    }

    /// The status: the first words the assistant knows as one, else the card's first words.
    fn status(&self) -> String {
        self.leaves
            .iter()
            .map(|&i| self.words(i))
            .find(|t| classify_status(t) != OrderState::Unknown)
            .or_else(|| self.leaves.first().map(|&i| self.words(i)))
            .unwrap_or_default()
    }

    /// Whether a piece is a control's label (unless the whole card is a link).
    fn in_control(&self, i: usize) -> bool {
        self.pieces[i].node.within(CONTROLS) && !self.card.within(CONTROLS)
    }

    /// The first piece written the way a variant is (`Color: Black`).
    fn variant(&self) -> Option<String> {
        self.leaves
            .iter()
            .copied()
            .find(|&i| !self.in_control(i) && is_variant(&self.pieces[i].text))
            .map(|i| self.words(i))
    }

    /// Notes under the card (a refund, a dispute): words after the total at `at` that no
    /// control says. (The total's own pieces follow it in document order: they are not
    /// notes.)
    fn notes_after(&self, at: usize) -> Vec<String> {
        let end = at + self.pieces[at].node.select_all("*").len();
        self.leaves
            .iter()
            .copied()
            .filter(|&i| i > end && !self.in_control(i))
            .map(|i| self.words(i))
            .collect()
    }
}

/// The products a card links to, by id, in page order, with their links.
struct Products<N> {
    ids: Vec<String>,
    links: Vec<N>,
}

impl<N: DomNode + Clone> Products<N> {
    fn of(card: &N) -> Self {
        Products {
            ids: ids_under(card, ITEM_LINKS, item_id_of),
            links: card.select_all(ITEM_LINKS),
        }
    }

    fn links_of(&self, item: &str) -> Vec<&N> {
        self.links
            .iter()
            .filter(|a| a.attr("href").and_then(|h| item_id_of(&h)).as_deref() == Some(item))
            .collect()
    }

    /// A product's title: the longest text (or `title` attribute) among its links.
    fn title_of(&self, item: &str) -> Option<String> {
        self.links_of(item)
            .iter()
            .flat_map(|a| {
                let titled = a.select("[title]").and_then(|t| t.attr("title"));
                [titled, Some(a.text())]
            })
            .flatten()
            .map(|t| clean(&t))
            .max_by_key(String::len)
            .filter(|t| !t.is_empty())
    }

    /// Whether every product has a title: only then are the items read from the card.
    fn titled(&self) -> bool {
        !self.ids.is_empty() && self.ids.iter().all(|i| self.title_of(i).is_some())
    }

    /// The items, the n-th product with the n-th quantity and item price.
    fn items(&self, text: &CardText<N>, prices: &[usize], page_url: &str) -> Vec<Item> {
        let quantities = smallest(&text.pieces, is_quantity);
        let only = self.ids.len() == 1;
        self.ids
            .iter()
            .enumerate()
            .map(|(n, item)| {
                let links = self.links_of(item);
                let unit_price: Option<Money> = prices
                    .get(n)
                    .and_then(|&i| parse_money(&text.pieces[i].text));
                Item {
                    title: self.title_of(item).unwrap_or_default(),
                    variant: if only { text.variant() } else { None },
                    quantity: quantities
                        .get(n)
                        .and_then(|&i| quantity_of(&text.pieces[i].text))
                        .unwrap_or(1),
                    unit_price,
                    product_url: href_of(links.first().copied(), page_url),
                    image_url: image_in(&links, page_url).or_else(|| {
                        if only {
                            image_in(&[text.card], page_url)
                        } else {
                            None
                        }
                    }),
                }
            })
            .collect()
    }
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
