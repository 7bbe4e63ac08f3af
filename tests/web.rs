//! Tier (b): the browser layer in a real browser (headless Chromium and Firefox), through
//! wasm-bindgen-test. These run outside an extension, so strings come from a stub translator.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use exit_assistant::core::backup_view::{BackupView, PanelView};
use exit_assistant::core::closing_progress::ClosingProgress;
use exit_assistant::core::closing_view::ClosingView;
use exit_assistant::core::guide_rules::GUIDE_STEPS;
use exit_assistant::core::page::{recognise, PageKind, Recognition};
use exit_assistant::core::readiness::Readiness;
use exit_assistant::core::site::Site;
use exit_assistant::core::text::Text;
use exit_assistant::web::content::overlay::{Action, Overlay, HOST_ID};
use exit_assistant::web::content::pointer::Pointer;
use exit_assistant::web::dom::{document, page_shows};
use exit_assistant::web::i18n::Translate;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/orders.rs"]
mod orders;
use orders::listed;

/// Returns the key, so tests can assert on it; `youAreOn` carries its substitution.
struct Keys;
impl Translate for Keys {
    fn text(&self, text: Text, subs: &[&str]) -> String {
        match subs {
            [] => text.key().to_owned(),
            _ => format!("{}({})", text.key(), subs.join(",")),
        }
    }
}

/// A translator whose strings are markup, to prove they are rendered as text.
struct Hostile;
impl Translate for Hostile {
    fn text(&self, _: Text, _: &[&str]) -> String {
        "<img src=x onerror=\"window.__pwned = 1\"><b>bold</b>".to_owned()
    }
}

fn view(notice: Option<Text>) -> PanelView {
    PanelView {
        page: ORDERS,
        notice,
        backup: BackupView::Idle {
            can_start: true,
            notice: None,
            saved: None,
        },
        readiness: Readiness::default(),
        closing: ClosingView::new(
            PageKind::OrderList,
            &Readiness::default(),
            &ClosingProgress::default(),
            None,
            0.0,
            None,
        ),
        addresses: exit_assistant::core::address::AddressView::of_saved(None),
        reviews: exit_assistant::core::review::ReviewView::of_saved(None),
    }
}

const ORDERS: Recognition = Recognition {
    site: Some(Site::Global),
    kind: PageKind::OrderList,
};

fn shadow_query(selector: &str) -> Option<Element> {
    let host = document().unwrap().get_element_by_id(HOST_ID)?;
    // The root is closed: the page (and `host.shadowRoot`) can't reach it; the overlay can.
    assert!(host.shadow_root().is_none(), "the shadow root is closed");
    exit_assistant::web::content::overlay::mounted_root()?
        .query_selector(selector)
        .ok()
        .flatten()
}

fn counter() -> (
    Rc<Cell<Vec<Action>>>,
    exit_assistant::web::content::overlay::Dispatch,
) {
    let seen = Rc::new(Cell::new(Vec::new()));
    let sink = seen.clone();
    let dispatch = Rc::new(move |a| {
        let mut v = sink.take();
        v.push(a);
        sink.set(v);
    });
    (seen, dispatch)
}

#[wasm_bindgen_test]
fn panel_is_a_named_non_modal_dialog_in_a_closed_shadow_root() {
    let doc = document().unwrap();
    let (_, dispatch) = counter();
    let mut overlay = Overlay::mount(&doc).unwrap();
    overlay
        .show_panel(&doc, &Keys, &view(None), dispatch)
        .unwrap();

    let host = doc.get_element_by_id(HOST_ID).expect("host mounted");
    assert!(
        host.shadow_root().is_none(),
        "the shadow root is closed to the page"
    );
    let dialog = shadow_query("[role=dialog]").expect("dialog");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("false"));
    let title_id = dialog.get_attribute("aria-labelledby").unwrap();
    let title = shadow_query(&format!("#{title_id}")).unwrap();
    assert_eq!(title.text_content().unwrap(), "assistantTitle");
    assert_eq!(
        shadow_query(".where").unwrap().text_content().unwrap(),
        "youAreOn(pageOrderList)"
    );
    let steps: Vec<String> = (0..5)
        .map(|i| {
            shadow_query(&format!("ol.steps li:nth-child({}) .label", i + 1))
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(
        steps,
        [
            "stepBackUp",
            "stepSettleOrders",
            "stepMoneyLeft",
            "stepCloseAccount",
            "stepAfterClosing"
        ]
    );
    assert_eq!(
        shadow_query(".close")
            .unwrap()
            .get_attribute("aria-label")
            .as_deref(),
        Some("closeAssistant")
    );
}

#[wasm_bindgen_test]
fn dropping_the_overlay_removes_everything_it_created() {
    let doc = document().unwrap();
    let (_, dispatch) = counter();
    let mut overlay = Overlay::mount(&doc).unwrap();
    overlay
        .show_panel(&doc, &Keys, &view(None), dispatch.clone())
        .unwrap();
    assert!(doc.get_element_by_id(HOST_ID).is_some());
    drop(overlay);
    assert!(doc.get_element_by_id(HOST_ID).is_none(), "host removed");
    // Every listener was the overlay's: a dispatcher held by nothing else is free again.
    assert_eq!(
        Rc::strong_count(&dispatch),
        1,
        "the listeners were released"
    );
}

/// A page's script can reach the panel's controls, but its clicks and keys are not the
/// person's (`isTrusted` is false): none of them does anything. The person's own input is
/// driven end to end, over WebDriver.
#[wasm_bindgen_test]
fn script_clicks_and_keys_dispatch_nothing() {
    let doc = document().unwrap();
    let (seen, dispatch) = counter();
    let mut overlay = Overlay::mount(&doc).unwrap();
    overlay
        .show_launcher(&doc, &Keys, dispatch.clone())
        .unwrap();
    let launcher: HtmlElement = shadow_query("button.launcher").unwrap().dyn_into().unwrap();
    assert_eq!(
        launcher.get_attribute("aria-label").as_deref(),
        Some("openAssistant")
    );
    launcher.click();
    overlay
        .show_panel(&doc, &Keys, &view(None), dispatch)
        .unwrap();
    assert!(
        shadow_query("button.launcher").is_none(),
        "launcher replaced by the panel"
    );
    let buttons = overlay.layer().query_selector_all("button").unwrap();
    assert!(buttons.length() >= 3, "the panel's buttons");
    for i in 0..buttons.length() {
        let button: HtmlElement = buttons.get(i).unwrap().dyn_into().unwrap();
        button.click();
        let click = web_sys::Event::new_with_event_init_dict("click", &{
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init
        })
        .unwrap();
        button.dispatch_event(&click).unwrap();
    }
    let escape = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Escape");
        init.set_bubbles(true);
        init
    })
    .unwrap();
    shadow_query("#ea-title")
        .unwrap()
        .dispatch_event(&escape)
        .unwrap();
    assert_eq!(seen.take(), [], "no action from a script");
}

#[wasm_bindgen_test]
fn mounting_twice_leaves_one_host() {
    let doc = document().unwrap();
    let first = Overlay::mount(&doc).unwrap();
    let second = Overlay::mount(&doc).unwrap();
    assert_eq!(
        doc.query_selector_all(&format!("#{HOST_ID}"))
            .unwrap()
            .length(),
        1
    );
    drop(first); // its host was already replaced: dropping it must not touch the new one
    assert_eq!(
        doc.query_selector_all(&format!("#{HOST_ID}"))
            .unwrap()
            .length(),
        1
    );
    drop(second);
    assert!(doc.get_element_by_id(HOST_ID).is_none());
}

#[wasm_bindgen_test]
fn strings_are_rendered_as_text_never_as_html() {
    let doc = document().unwrap();
    let (_, dispatch) = counter();
    let mut overlay = Overlay::mount(&doc).unwrap();
    overlay
        .show_panel(
            &doc,
            &Hostile,
            &view(Some(Text::RussiaNotSupported)),
            dispatch,
        )
        .unwrap();
    let layer = overlay.layer();
    assert!(
        layer.query_selector("img, b").unwrap().is_none(),
        "markup in strings became elements"
    );
    assert!(shadow_query(".where")
        .unwrap()
        .text_content()
        .unwrap()
        .contains("<img"));
}

#[wasm_bindgen_test]
fn styles_apply_inside_the_shadow_root_only() {
    let doc = document().unwrap();
    let (_, dispatch) = counter();
    let mut overlay = Overlay::mount(&doc).unwrap();
    overlay
        .show_panel(&doc, &Keys, &view(None), dispatch)
        .unwrap();
    let window = web_sys::window().unwrap();
    let layer = shadow_query(".layer").unwrap();
    let style = window.get_computed_style(&layer).unwrap().unwrap();
    assert_eq!(style.get_property_value("position").unwrap(), "fixed");
    // The same class on the page is untouched by the assistant's CSS.
    let outside = doc.create_element("div").unwrap();
    outside.set_class_name("layer");
    doc.body().unwrap().append_child(&outside).unwrap();
    let outside_style = window.get_computed_style(&outside).unwrap().unwrap();
    assert_eq!(
        outside_style.get_property_value("position").unwrap(),
        "static"
    );
    outside.remove();
}

#[wasm_bindgen_test]
fn dom_probe_recognises_fixture_markup_like_the_native_one() {
    let doc = document().unwrap();
    let url = "https://www.aliexpress.com/p/some-future-page/index.html";
    let cases = [
        (
            include_str!("fixtures/dom-rules/order-list-elsewhere.html"),
            PageKind::OrderList,
        ),
        (
            include_str!("fixtures/dom-rules/order-detail-elsewhere.html"),
            PageKind::OrderDetail,
        ),
        (
            include_str!("fixtures/dom-rules/login-elsewhere.html"),
            PageKind::Login,
        ),
    ];
    for (html, want) in cases {
        let container = doc.create_element("div").unwrap();
        // Test-only: trusted fixture markup from this repository.
        container.set_inner_html(html);
        doc.body().unwrap().append_child(&container).unwrap();
        assert_eq!(recognise(url, |s| page_shows(&doc, s)).kind, want);
        container.remove();
    }
    assert_eq!(
        recognise(url, |s| page_shows(&doc, s)).kind,
        PageKind::OtherAliExpress
    );
    assert!(
        !page_shows(&doc, "[[[not a selector"),
        "invalid selectors count as absent"
    );
}

#[wasm_bindgen_test]
async fn web_nodes_read_a_same_origin_frame() {
    use exit_assistant::core::dom::DomNode;
    use exit_assistant::core::parse::parse_order_detail;
    use exit_assistant::web::content::wait::sleep;
    use exit_assistant::web::dom::WebNode;

    // The backup reads detail pages in a hidden frame. Their elements belong to the frame's
    // realm, where an `instanceof Element` check of this realm fails: reading must not rely
    // on one.
    let doc = document().unwrap();
    let frame: web_sys::HtmlIFrameElement =
        doc.create_element("iframe").unwrap().dyn_into().unwrap();
    frame.set_srcdoc(
        include_str!("fixtures/dom-rules/order-detail-elsewhere.html")
            .replace("</body>", DETAIL_ITEMS)
            .as_str(),
    );
    doc.body().unwrap().append_child(&frame).unwrap();
    for _ in 0..40 {
        if frame
            .content_document()
            .and_then(|d| d.query_selector(".item-title").ok().flatten())
            .is_some()
        {
            break;
        }
        sleep(50).await;
    }
    let root = WebNode(
        frame
            .content_document()
            .unwrap()
            .document_element()
            .unwrap(),
    );
    assert_eq!(root.select_all(".order-detail-item-content").len(), 2);
    let detail = parse_order_detail(
        &root,
        "https://www.aliexpress.com/p/order/detail.html?orderId=8212313961591322",
    );
    let titles: Vec<&str> = detail.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["First thing", "Second thing"]);
    assert_eq!(detail.tracking_numbers, ["LP00123456789012"]);
    frame.remove();
}

const DETAIL_ITEMS: &str = r#"<div class="order-detail-item"><div class="order-detail-item-content"><div class="item-title"><a href="//www.aliexpress.com/item/1005000000000001.html">First thing</a></div><div class="item-price"><div>US $1.00</div><span class="item-price-quantity">x1</span></div></div><div class="order-detail-item-content"><div class="item-title"><a href="//www.aliexpress.com/item/1005000000000002.html">Second thing</a></div><div class="item-price"><div>US $2.00</div><span class="item-price-quantity">x2</span></div></div><span class="copy-track-num" data-clipboard-text="LP00123456789012">LP00123456789012</span></div></body>"#;

#[wasm_bindgen_test]
async fn waiting_resolves_on_a_page_change_and_times_out_without_one() {
    use exit_assistant::web::content::wait::until;

    let doc = document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    let target = root.clone();
    gloo_timers::callback::Timeout::new(50, move || {
        let p = document().unwrap().create_element("p").unwrap();
        target.append_child(&p).unwrap();
    })
    .forget();
    let probe = root.clone();
    assert!(
        until(&root, 5_000, move || probe.child_element_count() > 0)
            .await
            .unwrap(),
        "a change ends the wait"
    );
    assert!(
        !until(&root, 100, || false).await.unwrap(),
        "no change: the wait times out"
    );
    root.remove();
}

#[wasm_bindgen_test]
fn the_ring_surrounds_its_control_takes_no_clicks_and_goes_when_dropped() {
    let doc = document().unwrap();
    let body = doc.body().unwrap();
    let button: HtmlElement = doc.create_element("button").unwrap().dyn_into().unwrap();
    button.set_text_content(Some("Delete account"));
    button
        .set_attribute(
            "style",
            "position: fixed; left: 100px; top: 120px; width: 140px; height: 30px",
        )
        .unwrap();
    body.append_child(&button).unwrap();
    let overlay = Overlay::mount(&doc).unwrap();
    let last = GUIDE_STEPS.iter().find(|s| s.last).unwrap();
    let clicked = Rc::new(Cell::new(0));
    let seen = clicked.clone();
    let pointer = Pointer::new(
        overlay.pointer_layer(),
        last.id.name(),
        button.clone().into(),
        "<b>press it yourself</b>",
        Some(Box::new(move || seen.set(seen.get() + 1))),
    )
    .unwrap();
    let ring = shadow_query(".ring").expect("a ring");
    let (r, t) = (
        ring.get_bounding_client_rect(),
        button.get_bounding_client_rect(),
    );
    assert!(
        r.left() < t.left()
            && r.top() < t.top()
            && r.right() > t.right()
            && r.bottom() > t.bottom()
    );
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&ring)
        .unwrap()
        .unwrap();
    assert_eq!(style.get_property_value("pointer-events").unwrap(), "none");
    let callout = shadow_query(".callout").unwrap();
    assert_eq!(
        callout.text_content().unwrap(),
        "<b>press it yourself</b>",
        "the callout is text"
    );
    assert!(callout.first_element_child().is_none());
    assert_eq!(clicked.get(), 0, "nothing is clicked by the assistant");
    button.click();
    assert_eq!(
        clicked.get(),
        0,
        "a script's click on the last control records no request (the person's own click is \
         noticed end to end)"
    );
    // It follows the control.
    button.style().set_property("top", "300px").unwrap();
    pointer.place();
    let moved = shadow_query(".ring").unwrap().get_bounding_client_rect();
    assert!(
        moved.top() > 280.0 && moved.top() < 300.0,
        "{}",
        moved.top()
    );
    drop(pointer);
    assert!(
        shadow_query(".ring").is_none(),
        "the ring goes with its owner"
    );
    assert!(shadow_query(".callout").is_none());

    drop(overlay);
    button.remove();
}

#[wasm_bindgen_test]
fn a_failure_takes_the_panel_off_and_hands_over_to_the_loaders_notice() {
    use exit_assistant::web::content::crash;
    let doc = document().unwrap();
    let global = js_sys::global();
    let key = wasm_bindgen::JsValue::from_str("exitAssistantFailed");
    // Outside the content script there is no loader: reporting must still not throw.
    js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &key).unwrap();
    let overlay = Overlay::mount(&doc).unwrap();
    crash::report("first");
    assert!(
        doc.get_element_by_id(HOST_ID).is_none(),
        "the panel is gone"
    );
    drop(overlay);
    // The panel is taken off by the overlay's own reference: a page's element that carries
    // the same id stays.
    let fake = doc.create_element("div").unwrap();
    fake.set_id(HOST_ID);
    doc.body().unwrap().append_child(&fake).unwrap();
    crash::report("second");
    assert!(fake.is_connected(), "the page's own element stays");
    fake.remove();

    let recorder = js_sys::Function::new_with_args("detail", "globalThis.__failedWith = detail");
    js_sys::Reflect::set(&global, &key, &recorder).unwrap();
    let _overlay = Overlay::mount(&doc).unwrap();
    crash::report("panicked at src/x.rs: boom");
    assert!(doc.get_element_by_id(HOST_ID).is_none());
    let seen = js_sys::Reflect::get(&global, &"__failedWith".into()).unwrap();
    assert_eq!(
        seen.as_string().as_deref(),
        Some("panicked at src/x.rs: boom")
    );
    js_sys::Reflect::delete_property(global.unchecked_ref::<js_sys::Object>(), &key).unwrap();
}

#[wasm_bindgen_test]
fn combinator_selectors_match_below_the_element_as_the_browser_would() {
    use exit_assistant::core::dom::DomNode;
    use exit_assistant::web::dom::WebNode;
    let doc = document().unwrap();
    let outer = doc.create_element("div").unwrap();
    outer.set_inner_html(
        r#"<div class="card"><div class="head"><div>first</div><div>second</div></div>
           <span class="store"><a href="/s/1">Store</a></span>
           <div class="imgs"><i class="img"></i><i class="img"></i><b><i class="img"></i></b></div>
           <a href="/p/order/detail.html?orderId=12 34">detail</a></div>"#,
    );
    doc.body().unwrap().append_child(&outer).unwrap();
    let card = WebNode(outer.query_selector(".card").unwrap().unwrap());
    let native = |sel: &str| -> Vec<String> {
        let list = card.0.query_selector_all(sel).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
            .collect()
    };
    for selector in [
        ".head > div:first-child",
        ".head>div",
        ".store a",
        ".imgs .img",
        ".imgs > .img",
        "div.imgs   b  .img",
        "a[href*=\"orderId=12 34\"]",
        ".head div, .store a",
        ".missing .img",
    ] {
        let ours: Vec<String> = card.select_all(selector).iter().map(|n| n.text()).collect();
        assert_eq!(ours, native(selector), "{selector}");
        assert_eq!(
            card.select(selector).map(|n| n.text()),
            native(selector).first().cloned(),
            "{selector}"
        );
    }
    outer.remove();
}

#[wasm_bindgen_test]
fn select_after_gives_the_count_and_at_most_max_cards_after_skip() {
    use exit_assistant::core::dom::DomNode;
    use exit_assistant::web::dom::WebNode;
    let doc = document().unwrap();
    let outer = doc.create_element("div").unwrap();
    outer.set_inner_html(
        r#"<p class="c">0</p><p class="c">1</p><p>x</p><p class="c">2</p><p class="c">3</p><p class="c">4</p>"#,
    );
    doc.body().unwrap().append_child(&outer).unwrap();
    let root = WebNode(outer.clone());
    let read = |skip: usize, max: usize| {
        let (count, nodes) = root.select_after(".c", skip, max);
        (count, nodes.iter().map(|n| n.text()).collect::<Vec<_>>())
    };
    assert_eq!(read(1, 2), (5, vec!["1".to_owned(), "2".to_owned()]));
    assert_eq!(
        read(3, usize::MAX),
        (5, vec!["3".to_owned(), "4".to_owned()])
    );
    assert_eq!(read(5, 10), (5, vec![]), "nothing after the last card");
    assert_eq!(
        read(7, 2),
        (5, vec!["0".to_owned(), "1".to_owned()]),
        "fewer cards than skipped: the list was re-rendered, read from the first"
    );
    outer.remove();
}

#[wasm_bindgen_test]
fn a_list_snapshot_reads_every_slice_from_the_list_it_took_first() {
    use exit_assistant::core::dom::DomNode;
    use exit_assistant::web::dom::WebNode;
    use exit_assistant::web::list_snapshot::ListSnapshot;
    let doc = document().unwrap();
    let outer = doc.create_element("div").unwrap();
    outer.set_inner_html(r#"<p class="c">0</p><p class="c">1</p><p class="c">2</p>"#);
    doc.body().unwrap().append_child(&outer).unwrap();
    let root = WebNode(outer.clone());
    let read = |skip: usize, max: usize| {
        let (count, nodes) = root.select_after(".c", skip, max);
        (count, nodes.iter().map(|n| n.text()).collect::<Vec<_>>())
    };
    let add_card = |text: &str| {
        let p = doc.create_element("p").unwrap();
        p.set_class_name("c");
        p.set_text_content(Some(text));
        outer.append_child(&p).unwrap();
    };
    let snapshot = ListSnapshot::take();
    assert_eq!(read(0, 2), (3, vec!["0".to_owned(), "1".to_owned()]));
    add_card("3");
    assert_eq!(
        read(2, 10),
        (3, vec!["2".to_owned()]),
        "the card added since the snapshot was taken is not seen"
    );
    drop(snapshot);
    assert_eq!(
        read(2, 10),
        (4, vec!["2".to_owned(), "3".to_owned()]),
        "without a snapshot, each call sees the page as it is"
    );
    outer.remove();
}

#[wasm_bindgen_test]
async fn storage_keys_come_from_get_keys_or_else_from_every_item() {
    use exit_assistant::web::ext_api::storage_keys;
    // A stand-in for `chrome.storage.local`: `getKeys` where the browser has it (Chrome 130,
    // Firefox 143), and `get(null)`, which reads every item, elsewhere.
    js_sys::Function::new_no_args(
        r#"const items = { "backup:a": {}, "orders:a:0": "[]", "watch:a": "[]" };
        globalThis.__reads = 0;
        globalThis.chrome = { runtime: {}, storage: { local: {
          get(keys, callback) { globalThis.__reads += 1; callback(keys === null ? items : {}); },
          getKeys() { return Promise.resolve(Object.keys(items)); },
        } } };"#,
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    let reads = || {
        js_sys::Reflect::get(&js_sys::global(), &"__reads".into())
            .unwrap()
            .as_f64()
            .unwrap()
    };
    let want = ["backup:a", "orders:a:0", "watch:a"];
    assert_eq!(storage_keys().await.unwrap(), want);
    assert_eq!(reads(), 0.0, "getKeys reads no item");
    js_sys::Function::new_no_args("delete globalThis.chrome.storage.local.getKeys;")
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
    assert_eq!(storage_keys().await.unwrap(), want);
    assert_eq!(reads(), 1.0, "without getKeys, every item is read once");
    js_sys::Function::new_no_args("delete globalThis.chrome; delete globalThis.__reads;")
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap();
}

/// An AliExpress page reads its own site's backup head and watch list, by their keys, and
/// nothing else: no chunk of a 10,000-order backup, no listing of every item (browsers without
/// `storage.getKeys`, such as Firefox 140 ESR, would read them all), and no other site's backup.
#[wasm_bindgen_test]
async fn a_page_reads_only_its_own_sites_head_and_watch_list() {
    use exit_assistant::core::backup::Backup;
    use exit_assistant::web::saved::{head_for_page, prepare};
    let mut items = js_sys::Object::new();
    for (site, count) in [("aliexpress.com", 10_000), ("aliexpress.ru", 3)] {
        let mut backup = Backup::new(site, "2026-11-20T09:30:00.000Z");
        backup.add_listed(&listed(0, count), "2026-11-20T09:30:00.000Z");
        backup.list_exhausted = true;
        items = js_sys::Object::assign(&items, &prepare(&mut backup).unwrap());
    }
    js_sys::Reflect::set(&js_sys::global(), &"__items".into(), &items).unwrap();
    // `chrome.storage.local` without `getKeys`, recording every key asked for.
    js_sys::Function::new_no_args(
        r#"globalThis.__asked = [];
        globalThis.chrome = { runtime: {}, storage: { local: {
          get(keys, callback) {
            const list = keys === null ? ["<every item>"] : [].concat(keys);
            globalThis.__asked.push(...list);
            const out = {};
            for (const k of keys === null ? Object.keys(__items) : list) if (k in __items) out[k] = __items[k];
            callback(out);
          },
        } } };"#,
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    let head = head_for_page("aliexpress.com")
        .await
        .unwrap()
        .expect("the site's backup");
    assert_eq!(
        head.order_count(),
        10_000,
        "its digest stands for every order"
    );
    assert!(head.orders.is_empty(), "no order read");
    let asked: Vec<String> =
        js_sys::Array::from(&js_sys::Reflect::get(&js_sys::global(), &"__asked".into()).unwrap())
            .iter()
            .filter_map(|k| k.as_string())
            .collect();
    assert_eq!(asked, ["backup:aliexpress.com", "watch:aliexpress.com"]);
    js_sys::Function::new_no_args(
        "delete globalThis.chrome; delete globalThis.__asked; delete globalThis.__items;",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
}

/// A storage write that fails (the browser's storage or the disk is full) in the middle of a
/// run: the run's save fails with the browser's error, whose ending tells the user the
/// storage is full; what storage holds is the last good save, whole, and still marked as in
/// progress, so the next page says the backup was interrupted. A save is one write: a
/// failure can't leave a head without its chunks.
#[wasm_bindgen_test]
async fn a_write_that_fails_keeps_the_last_good_backup() {
    use exit_assistant::core::backup::Backup;
    use exit_assistant::core::run_end::Ending;
    use exit_assistant::web::run_lease::Writer;
    use exit_assistant::web::saved::load;
    const SITE: &str = "aliexpress.com";
    const NOW: &str = "2026-11-20T09:30:00.000Z";
    // `chrome.storage.local` as Chrome keeps it: one `set` is applied whole or not at all,
    // and a failed one sets `runtime.lastError` for its callback.
    js_sys::Function::new_no_args(
        r#"const items = {};
        globalThis.__sets = [];
        globalThis.__full = false;
        globalThis.chrome = { runtime: {}, storage: { local: {
          get(keys, callback) {
            const out = {};
            for (const k of keys === null ? Object.keys(items) : [].concat(keys)) if (k in items) out[k] = structuredClone(items[k]);
            callback(out);
          },
          set(values, callback) {
            globalThis.__sets.push(Object.keys(values));
            if (globalThis.__full) {
              chrome.runtime.lastError = { message: "QUOTA_BYTES quota exceeded" };
              callback();
              delete chrome.runtime.lastError;
              return;
            }
            Object.assign(items, structuredClone(values));
            callback();
          },
          remove(keys, callback) { for (const k of [].concat(keys)) delete items[k]; callback(); },
        } } };"#,
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
    let global = |name: &str| js_sys::Reflect::get(&js_sys::global(), &name.into()).unwrap();
    let mut writer = Writer::take(SITE, "run:fault").await.unwrap().unwrap();
    let mut backup = Backup::new(SITE, NOW);
    backup.add_listed(&listed(0, 250), NOW);
    backup.in_progress = true;
    writer.save(&mut backup).await.unwrap().unwrap();
    let good = load(SITE).await.unwrap().expect("the first save");
    assert_eq!(good.order_count(), 250);

    // The run reads on; its next save finds the storage full.
    backup.add_listed(&listed(250, 400), NOW);
    js_sys::Reflect::set(&js_sys::global(), &"__full".into(), &true.into()).unwrap();
    let sets_before = js_sys::Array::from(&global("__sets")).length();
    let error = writer
        .save(&mut backup)
        .await
        .expect_err("the failed write is the run's error, not swallowed");
    assert_eq!(
        Ending::of_failure(&error.to_string()),
        Ending::StorageFull,
        "{error}"
    );
    let sets = js_sys::Array::from(&global("__sets"));
    assert_eq!(sets.length(), sets_before + 1, "the save is one write");
    let written: Vec<String> = js_sys::Array::from(&sets.get(sets.length() - 1))
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    assert!(
        written.contains(&"backup:aliexpress.com".to_owned())
            && written
                .iter()
                .any(|k| k.starts_with("orders:aliexpress.com:")),
        "the head and its chunks go in that one write: {written:?}"
    );

    js_sys::Reflect::set(&js_sys::global(), &"__full".into(), &false.into()).unwrap();
    let kept = load(SITE).await.unwrap().expect("the last good save");
    assert_eq!(kept.order_count(), 250, "the last good save, whole");
    assert_eq!(kept.orders, good.orders);
    assert!(kept.in_progress, "still marked as interrupted");
    writer.release().await;
    js_sys::Function::new_no_args(
        "delete globalThis.chrome; delete globalThis.__sets; delete globalThis.__full;",
    )
    .call0(&wasm_bindgen::JsValue::NULL)
    .unwrap();
}

/// Every selector of every rule table is one the browser accepts: `querySelector` throws on
/// any it can't parse, where the backup would otherwise find nothing, silently.
#[wasm_bindgen_test]
fn every_selector_of_every_rule_table_is_one_the_browser_accepts() {
    let doc = document().unwrap();
    let all = exit_assistant::core::selectors::every_selector();
    assert!(all.len() > 50, "{} selectors", all.len());
    for (place, selector) in all {
        if let Err(error) = doc.query_selector(selector) {
            panic!("{place}: {selector}: {error:?}");
        }
    }
}

#[wasm_bindgen_test]
fn the_list_controls_are_found_outside_the_cards_as_in_the_whole_page() {
    use exit_assistant::core::collect::{observe, DeletedTab, Find, MoreButton, StatusTab};
    use exit_assistant::web::content::backup_run::list_scope::ListScope;
    use exit_assistant::web::dom::WebNode;

    // The 2025–2026 list's shape (docs/site-facts.md): tabs and time filter above, the cards
    // in one container, "View orders" after them; here also a notice before the cards and the
    // pager inside the container, after the last card, and a captcha at the end.
    let card = r#"<div class="order-item"><a href="/p/order/detail.html?orderId=1">Order details</a><button>Track order</button><button>View orders</button></div>"#;
    let doc = document().unwrap();
    let root = doc.create_element("div").unwrap();
    root.set_inner_html(&format!(
        r#"<div class="order-header"><div class="comet-tabs-nav"><div class="comet-tabs-nav-item comet-tabs-nav-item-active">View all</div><div class="comet-tabs-nav-item">To pay (2)</div><div class="comet-tabs-nav-item">Processing (1)</div><div class="comet-tabs-nav-item">Deleted orders</div></div><select class="order-header-time-select"><option value="1y">Last year</option><option value="all" selected>All</option></select></div><div class="order-content"><div class="comet-checkbox-group"><p class="notice">Orders</p>{card}{card}{card}<div class="order-more"><button>View orders</button></div></div></div><div class="baxia-dialog">Slide to verify</div>"#
    ));
    doc.body().unwrap().append_child(&root).unwrap();
    let whole = WebNode(root.clone());
    let scope = ListScope::around_cards(&root);

    assert!(
        scope.all(".order-item").is_empty(),
        "the cards are left out"
    );
    assert_eq!(scope.all("button").len(), 1, "only the pager's button");
    assert!(
        scope.first(".order-more button").is_some(),
        "a part may be the pager itself"
    );
    assert!(
        scope.first(".notice").is_some(),
        "what precedes the first card is kept"
    );
    assert!(scope.first("[[[not a selector").is_none());
    let seen = observe(&whole, &scope, false);
    assert_eq!(seen, observe(&whole, &whole, false));
    assert_eq!(
        (
            seen.cards,
            seen.more,
            seen.captcha,
            seen.tab,
            seen.deleted_tab
        ),
        (
            3,
            MoreButton::Ready,
            true,
            StatusTab::AllOrders,
            DeletedTab::Present
        )
    );
    assert_eq!(seen.stated.unfinished, Some(3));

    // The list's end: "View orders" is gone, and the cards' own buttons named alike don't
    // count.
    root.query_selector(".order-more")
        .unwrap()
        .unwrap()
        .remove();
    let seen = observe(&whole, &ListScope::around_cards(&root), false);
    assert_eq!(seen.more, MoreButton::Absent);

    // No card: the scope is the whole page.
    while let Some(card) = root.query_selector(".order-item").unwrap() {
        card.remove();
    }
    assert!(ListScope::around_cards(&root).first(".notice").is_some());
    root.remove();
}
