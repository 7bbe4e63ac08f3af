//! Unit tests of `money.rs`, kept apart so the code reads on its own.

use super::*;

#[test]
fn reads_every_currency_and_separator_style() {
    let cases = [
        ("US $1.99", "1.99", "USD", "US $1.99"),
        ("Total:US $1.99", "1.99", "USD", "US $1.99"),
        ("$93.62", "93.62", "USD", "$93.62"),
        ("Total:$93.62", "93.62", "USD", "$93.62"),
        ("C$10.37", "10.37", "CAD", "C$10.37"),
        ("CDN$ 12.00", "12.00", "CAD", "CDN$ 12.00"),
        ("€ 1.234,56", "1234.56", "EUR", "€ 1.234,56"),
        ("12,99 €", "12.99", "EUR", "12,99 €"),
        ("1 234,56 €", "1234.56", "EUR", "1 234,56 €"),
        ("£7.50", "7.50", "GBP", "£7.50"),
        ("R$132,74", "132.74", "BRL", "R$132,74"),
        ("Total:R$1.132,74", "1132.74", "BRL", "R$1.132,74"),
        ("129,46zł", "129.46", "PLN", "129,46zł"),
        ("Razem: 1 029,46 zł", "1029.46", "PLN", "1 029,46 zł"),
        ("₩11,110", "11110", "KRW", "₩11,110"),
        ("₩1,234,000", "1234000", "KRW", "₩1,234,000"),
        ("₪45.90", "45.90", "ILS", "₪45.90"),
        ("1 299,00 ₽", "1299.00", "RUB", "1 299,00 ₽"),
        ("US $1,500", "1500", "USD", "US $1,500"),
        ("US $1,500.25", "1500.25", "USD", "US $1,500.25"),
        ("US $0.50", "0.50", "USD", "US $0.50"),
        ("US\u{a0}$\u{a0}26.70", "26.70", "USD", "US $ 26.70"),
        ("EUR 5,00", "5.00", "EUR", "EUR 5,00"),
        // The shapes of 2025–2026 captures (docs/site-facts.md, "Money").
        ("Total:10,451円", "10451", "JPY", "10,451円"),
        ("10,451円 x1", "10451", "JPY", "10,451円 x1"),
        ("Total: грн. 222.80", "222.80", "UAH", "грн. 222.80"),
        ("грн. 1 222,80", "1222.80", "UAH", "грн. 1 222,80"),
        // DKK, an empty spacer span, then the digits: the text has no space.
        ("Total:DKK145.89", "145.89", "DKK", "DKK145.89"),
        ("€48.88", "48.88", "EUR", "€48.88"),
        ("US$1.99", "1.99", "USD", "US$1.99"),
    ];
    for (text, amount, currency, display) in cases {
        let money = parse_money(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(
            (
                money.amount.as_str(),
                money.currency.as_str(),
                money.display.as_str()
            ),
            (amount, currency, display),
            "{text}"
        );
    }
}

#[test]
fn text_without_a_price_gives_none() {
    for text in ["", "Total:", "Free shipping", "12.50", "Europe"] {
        assert_eq!(parse_money(text), None, "{text}");
    }
}

#[test]
fn sums_exactly() {
    assert_eq!(sum_amounts(["0.10", "0.20"]), "0.30");
    assert_eq!(sum_amounts(["132.74", "87.82", "1"]), "221.56");
    assert_eq!(sum_amounts(["11110", "500"]), "11610");
    assert_eq!(sum_amounts(["0.5", "0.05"]), "0.55");
    assert_eq!(sum_amounts(["x", "1.00"]), "1.00");
    assert_eq!(sum_amounts(["999.99", "0.01"]), "1000.00");
    assert_eq!(sum_amounts(["007", "0.5"]), "7.5");
    assert_eq!(sum_amounts([]), "0");
    // Far beyond any integer type: still exact.
    let huge = "9".repeat(60);
    assert_eq!(
        sum_amounts([huge.as_str(), "1"]),
        format!("1{}", "0".repeat(60))
    );
    assert_eq!(
        sum_amounts([format!("{huge}.99").as_str(), "0.01"]),
        format!("1{}.00", "0".repeat(60))
    );
    assert_eq!(sum_amounts([]), "0");
}
