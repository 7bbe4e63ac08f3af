//! The detail page's price breakdown, shipping address and payment method, read by the rule
//! tables (`list_rules::DetailExtras`). Only the rules read them: a redesign that renames
//! the classes and drops `data-pl` leaves them unread, and the order's warning says so.

use crate::core::dom::DomNode;
use crate::core::list_rules::DetailExtras;
use crate::core::order_details::{OrderDetails, PriceLine};

use super::shapes::{clean, text_of};

/// Reads what the page shows of the three; what it doesn't show stays empty.
pub fn read_extras<N: DomNode>(root: &N, rules: &DetailExtras) -> OrderDetails {
    OrderDetails {
        price_lines: price_lines(root, rules),
        ship_to: rules
            .ship_to
            .iter()
            .filter_map(|s| root.select(s))
            .map(|e| clean(&e.text()))
            .filter(|t| !t.is_empty())
            .collect(),
        payment_method: text_of(root, rules.payment)
            .map(|t| without_label(&t).to_owned())
            .filter(|t| !t.is_empty()),
    }
}

/// Whether the breakdown is folded: its unfold control shows. Folded, it shows only some rows
/// (the total, the tax), and whether the others are in the page is not known.
pub fn price_folded<N: DomNode>(root: &N, rules: &DetailExtras) -> bool {
    root.select(rules.price_unfold).is_some()
}

fn price_lines<N: DomNode>(root: &N, rules: &DetailExtras) -> Vec<PriceLine> {
    let rows = root.select_all(rules.price_row);
    let pairs: Vec<(String, String)> = if rows.is_empty() {
        let (labels, values) = rules.price_pairs;
        root.select_all(labels)
            .iter()
            .zip(root.select_all(values).iter())
            .map(|(l, v)| (clean(&l.text()), clean(&v.text())))
            .collect()
    } else {
        rows.iter()
            .map(|row| {
                (
                    text_of(row, rules.price_label).unwrap_or_default(),
                    text_of(row, rules.price_value).unwrap_or_default(),
                )
            })
            .collect()
    };
    pairs
        .into_iter()
        .filter(|(label, value)| !label.is_empty() || !value.is_empty())
        .map(|(label, value)| {
            PriceLine::read(label.trim_end_matches([':', '：']).trim_end(), &value)
        })
        .collect()
}

/// `Payment method: Credit/Debit card` → `Credit/Debit card`; a row without a label is kept.
fn without_label(text: &str) -> &str {
    match text.split_once([':', '：']) {
        Some((_, rest)) if !rest.trim().is_empty() => rest.trim(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_goes_and_a_bare_value_stays() {
        assert_eq!(
            without_label("Payment method: Credit/Debit card"),
            "Credit/Debit card"
        );
        assert_eq!(without_label("PayPal"), "PayPal");
        assert_eq!(without_label("Zahlungsart："), "Zahlungsart：");
    }
}
