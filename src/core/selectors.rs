//! Every CSS selector the rule tables hold, each named by where it sits, so that one test can
//! parse them all (`tests/dom_rules.rs` natively, `tests/web.rs` in the browsers). A typo in
//! a selector would otherwise match nothing and fail silently on the real site.
//!
//! Each table is taken apart field by field, without `..`: a field added to a table that is
//! not listed here stops the build.

use super::address_rules::{AddressBookRules, ADDRESS_BOOK};
use super::asset_rules::{AssetRule, COINS, COUPONS, WALLET};
use super::guide_controls::ROLE_SELECTORS;
use super::guide_rules::{ControlRule, GUIDE_STEPS};
use super::list_rules::{
    DetailExtras, DetailLayout, ItemFields, ListControls, ListLayout, StructureAnchors,
    DETAIL_LAYOUT, LIST_CONTROLS, LIST_LAYOUTS, STRUCTURE,
};
use super::page_rules::{DomRule, DOM_RULES};
use super::review_rules::{ReviewRules, REVIEWS};

/// Takes the selectors of one place in a table.
type Add<'a> = dyn FnMut(&str, &[&'static str]) + 'a;

/// `(where, selector)` for every selector of every rule table.
pub fn every_selector() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    let mut add = |place: &str, selectors: &[&'static str]| {
        out.extend(selectors.iter().map(|s| (place.to_owned(), *s)));
    };
    list_layouts(&mut add);
    list_controls(&mut add);
    page_tables(&mut add);
    out
}

/// The order list's layouts and the detail page's.
fn list_layouts(add: &mut Add) {
    for layout in LIST_LAYOUTS {
        let ListLayout {
            name,
            card,
            status,
            date,
            order_id,
            detail_link,
            store_link,
            store_name,
            total,
            item,
            thumbnails,
            track_link,
            detail_path: _,
            notes,
            item_fields,
        } = layout;
        let place = |field: &str| format!("LIST_LAYOUTS[{name}].{field}");
        add(&place("card"), &[card]);
        add(&place("status"), status);
        add(&place("date"), date);
        add(&place("order_id"), order_id);
        add(&place("detail_link"), detail_link);
        add(&place("store_link"), store_link);
        add(&place("store_name"), store_name);
        add(&place("total"), total);
        add(&place("item"), &[item]);
        add(&place("thumbnails"), &[thumbnails]);
        add(&place("track_link"), track_link);
        add(&place("notes"), &[notes]);
        items(add, &place("item_fields"), item_fields);
    }
    let DetailLayout {
        item,
        item_fields,
        status,
        store_name,
        tracking,
        extras:
            DetailExtras {
                price_row,
                price_label,
                price_value,
                price_pairs,
                price_unfold,
                ship_to,
                payment,
            },
    } = &DETAIL_LAYOUT;
    add("DETAIL_LAYOUT.item", &[item]);
    items(add, "DETAIL_LAYOUT.item_fields", item_fields);
    add("DETAIL_LAYOUT.status", status);
    add("DETAIL_LAYOUT.store_name", store_name);
    add("DETAIL_LAYOUT.tracking", tracking);
    add("DETAIL_LAYOUT.extras.price_row", &[price_row]);
    add("DETAIL_LAYOUT.extras.price_label", price_label);
    add("DETAIL_LAYOUT.extras.price_value", price_value);
    add(
        "DETAIL_LAYOUT.extras.price_pairs",
        &[price_pairs.0, price_pairs.1],
    );
    add("DETAIL_LAYOUT.extras.price_unfold", &[price_unfold]);
    add("DETAIL_LAYOUT.extras.ship_to", ship_to);
    add("DETAIL_LAYOUT.extras.payment", payment);
}

/// The list's own controls, and the structural reader's anchors.
fn list_controls(add: &mut Add) {
    let ListControls {
        view_more,
        view_more_names: _,
        next_page,
        time_filter,
        all_time_value: _,
        captcha,
        stated_count,
        tabs,
        active_tab_class: _,
        deleted_tab_names: _,
        page_size: _,
    } = &LIST_CONTROLS;
    add("LIST_CONTROLS.view_more", view_more);
    add("LIST_CONTROLS.next_page", next_page);
    add("LIST_CONTROLS.time_filter", time_filter);
    add("LIST_CONTROLS.captcha", captcha);
    add("LIST_CONTROLS.stated_count", stated_count);
    add("LIST_CONTROLS.tabs", &[tabs]);
    let StructureAnchors {
        order_links,
        order_id_keys: _,
        detail_key: _,
        tracking_key: _,
        item_links,
        item_path: _,
        store_links,
    } = &STRUCTURE;
    add("STRUCTURE.order_links", &[order_links]);
    add("STRUCTURE.item_links", &[item_links]);
    add("STRUCTURE.store_links", &[store_links]);
}

/// Page recognition, the closing guide (its fallbacks, and the roles it finds controls
/// by), and the money pages.
fn page_tables(add: &mut Add) {
    for rule in DOM_RULES {
        let DomRule {
            kind,
            sites: _,
            selectors,
            fixture: _,
        } = rule;
        add(&format!("DOM_RULES[{kind:?}]"), selectors);
    }
    for step in GUIDE_STEPS {
        let ControlRule {
            role: _,
            names: _,
            fallback,
        } = &step.control;
        add(&format!("GUIDE_STEPS[{:?}].fallback", step.id), fallback);
    }
    for (name, rule) in [
        ("COINS", &COINS),
        ("COUPONS", &COUPONS),
        ("WALLET", &WALLET),
    ] {
        let AssetRule {
            amount,
            items,
            empty_texts: _,
        } = rule;
        add(&format!("{name}.amount"), amount);
        add(&format!("{name}.items"), items);
    }
    for (name, selectors) in ROLE_SELECTORS {
        add(&format!("GUIDE_ROLES.{name}"), &[selectors]);
    }
    let AddressBookRules {
        card,
        name,
        phone,
        street,
        city,
        region,
        postcode,
        country,
        default_mark,
    } = &ADDRESS_BOOK;
    add("ADDRESS_BOOK.card", &[card]);
    for (field, selectors) in [
        ("name", name),
        ("phone", phone),
        ("street", street),
        ("city", city),
        ("region", region),
        ("postcode", postcode),
        ("country", country),
        ("default_mark", default_mark),
    ] {
        add(&format!("ADDRESS_BOOK.{field}"), selectors);
    }
    review_tables(add);
}

fn review_tables(add: &mut Add) {
    let ReviewRules {
        card,
        product,
        order,
        stars_text,
        star_lit,
        text,
        date,
        photo,
        next_page,
        next_disabled,
    } = &REVIEWS;
    add("REVIEWS.card", &[card, star_lit, photo]);
    for (field, selectors) in [
        ("product", product),
        ("order", order),
        ("stars_text", stars_text),
        ("text", text),
        ("date", date),
        ("next_page", next_page),
        ("next_disabled", next_disabled),
    ] {
        add(&format!("REVIEWS.{field}"), selectors);
    }
    add("REVIEWS.structure", &[crate::core::review::PRODUCT_LINK]);
}

fn items(add: &mut Add, place: &str, fields: &ItemFields) {
    let ItemFields {
        title,
        link,
        variant,
        price,
        quantity,
        image,
    } = fields;
    for (field, selectors) in [
        ("title", title),
        ("link", link),
        ("variant", variant),
        ("price", price),
        ("quantity", quantity),
        ("image", image),
    ] {
        add(&format!("{place}.{field}"), selectors);
    }
}
