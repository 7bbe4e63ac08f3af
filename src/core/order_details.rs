//! What only an order's detail page shows: the price breakdown, where the order went and how
//! it was paid, each as the page shows it (`docs/site-facts.md`, "Detail page"). Kept with the
//! order once its detail page was read (`format_version: 3`).

use serde::{Deserialize, Serialize};

use super::money::{parse_money, Money};

/// What an order's detail page showed beyond its items and tracking numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDetails {
    /// The price breakdown's rows in page order: subtotal, shipping, coupons, coins, tax,
    /// total, under whatever names the page gives them.
    #[serde(default)]
    pub price_lines: Vec<PriceLine>,
    /// The shipping address block, line by line as shown: the name and phone, then the
    /// address.
    #[serde(default)]
    pub ship_to: Vec<String>,
    /// The payment method as shown ("Credit/Debit card").
    #[serde(default)]
    pub payment_method: Option<String>,
}

/// One row of the price breakdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceLine {
    /// The row's name as shown ("Shipping", "Store Coupon").
    pub label: String,
    /// The row's value as shown ("US $1.20", "-US $0.50", "Free shipping").
    pub shown: String,
    /// The value as money, where it is one. Always the size of the amount: a deduction says
    /// so in `deducted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// The page shows the value with a minus sign: a coupon, coins, a discount.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deducted: bool,
}

impl PriceLine {
    /// A row from its name and value as shown.
    pub fn read(label: &str, shown: &str) -> Self {
        let before_digits = shown.split(|c: char| c.is_ascii_digit()).next();
        PriceLine {
            label: label.to_owned(),
            shown: shown.to_owned(),
            amount: parse_money(shown),
            deducted: before_digits.is_some_and(|s| s.contains(['-', '−'])),
        }
    }

    /// `Label: value`, as a spreadsheet cell or a report line shows it.
    pub fn as_text(&self) -> String {
        format!("{}: {}", self.label, self.shown)
    }
}

impl OrderDetails {
    /// Whether the page showed none of it.
    pub fn is_empty(&self) -> bool {
        self.price_lines.is_empty() && self.ship_to.is_empty() && self.payment_method.is_none()
    }

    /// What the page left out, for the order's warning: each part's JSON name and its English
    /// words.
    pub fn missing(&self) -> Vec<(&'static str, &'static str)> {
        let mut missing = Vec::new();
        if self.price_lines.is_empty() {
            missing.push(("price_lines", "price breakdown"));
        }
        if self.ship_to.is_empty() {
            missing.push(("ship_to", "shipping address"));
        }
        if self.payment_method.is_none() {
            missing.push(("payment_method", "payment method"));
        }
        missing
    }

    /// The price breakdown on one line: `Subtotal: US $9.00; Shipping: Free shipping`.
    pub fn price_text(&self) -> String {
        let lines: Vec<String> = self.price_lines.iter().map(PriceLine::as_text).collect();
        lines.join("; ")
    }

    /// The shipping address on one line.
    pub fn ship_to_text(&self) -> String {
        self.ship_to.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_keeps_its_words_and_reads_its_amount_and_sign() {
        let coupon = PriceLine::read("Store Coupon", "-US $0.50");
        assert_eq!(
            coupon.amount.as_ref().map(|m| m.amount.as_str()),
            Some("0.50")
        );
        assert!(coupon.deducted);
        let shipping = PriceLine::read("Shipping", "Free shipping");
        assert_eq!((shipping.amount, shipping.deducted), (None, false));
        let euro = PriceLine::read("Zwischensumme", "12,34 €");
        assert_eq!(euro.amount.map(|m| m.currency), Some("EUR".to_owned()));
        assert!(!euro.deducted);
        assert_eq!(
            PriceLine::read("Coins", "−€ 0,20").as_text(),
            "Coins: −€ 0,20"
        );
    }
}
