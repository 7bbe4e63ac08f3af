//! Unit tests of `scramble.rs`, kept apart so the code reads on its own.

use super::*;

#[test]
fn numbers_keep_their_length_and_stay_valid_dates() {
    let s = Scrambler::new(7);
    for n in [
        "0",
        "1",
        "7",
        "05",
        "12",
        "31",
        "99",
        "2025",
        "1995",
        "8181234567890123",
    ] {
        let out = s.number(n);
        assert_eq!(out.len(), n.len(), "{n} → {out}");
        assert!(out.chars().all(|c| c.is_ascii_digit()));
        assert_eq!(out.starts_with('0'), n.starts_with('0'), "{n} → {out}");
    }
    for n in ["01", "09", "10", "12"] {
        assert!(
            (1..=12).contains(&s.number(n).parse::<u32>().unwrap()),
            "a month stays one"
        );
    }
    for n in ["13", "29", "31"] {
        assert!(
            (13..=28).contains(&s.number(n).parse::<u32>().unwrap()),
            "a day stays one"
        );
    }
    assert!((2000..=2025).contains(&s.number("2025").parse::<u32>().unwrap()));
    assert_ne!(s.number("8181234567890123"), "8181234567890123");
    assert_eq!(s.number("8181234567890123"), s.number("8181234567890123"));
    assert_ne!(
        Scrambler::new(8).number("8181234567890123"),
        s.number("8181234567890123"),
        "another key, another number"
    );
}

#[test]
fn letters_keep_script_and_case_and_the_site_words_stay() {
    let s = Scrambler::new(7);
    let out = s.text("Anna Kowalska, ул. Ленина 5, 서울 강남구 — Awaiting delivery");
    assert!(!out.contains("Anna") && !out.contains("Kowalska") && !out.contains("Ленина"));
    assert!(out.ends_with("— Awaiting delivery"), "{out}");
    let shape = |t: &str| -> Vec<(bool, bool, bool, bool)> {
        t.chars()
            .map(|c| {
                (
                    c.is_ascii_digit(),
                    c.is_uppercase(),
                    ('\u{400}'..='\u{4FF}').contains(&c),
                    ('\u{AC00}'..='\u{D7A3}').contains(&c),
                )
            })
            .collect()
    };
    assert_eq!(
        shape(&out),
        shape("Anna Kowalska, ул. Ленина 5, 서울 강남구 — Awaiting delivery")
    );
    assert_eq!(
        s.text("US $12.99"),
        format!("US ${}.{}", s.number("12"), s.number("99"))
    );
    assert!(s.text("December 31, 2025").starts_with("Dec"));
    assert_eq!(s.text("취소"), "취소");
    assert!(s.text("주문 취소").contains("취소"));
}

#[test]
fn links_keep_their_routes_and_lose_their_values() {
    let s = Scrambler::new(7);
    let id = s.number("8181234567890123");
    assert_eq!(
        s.link("https://www.aliexpress.com/p/order/detail.html?orderId=8181234567890123"),
        format!("https://www.aliexpress.com/p/order/detail.html?orderId={id}")
    );
    let item = s.link("//www.aliexpress.com/item/1005001234567890.html");
    assert!(item.starts_with("//www.aliexpress.com/item/") && item.ends_with(".html"));
    assert!(!item.contains("1005001234567890"));
    let mail = s.link("mailto:anna@example.com");
    assert!(mail.starts_with("mailto:") && !mail.contains("anna") && mail.contains('@'));
    assert!(!s.link("/x?name=Anna#Kowalska").contains("Anna"));
    assert!(s.link("/x?name=Anna#Kowalska").starts_with("/x?name="));
}
