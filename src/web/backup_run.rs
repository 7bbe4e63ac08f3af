//! Running a backup on the order list: observe the page, ask the core collector what to do,
//! do it with the page's own controls at a human pace, save every batch as it is read.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlIFrameElement, HtmlSelectElement};

use crate::core::backup::Backup;
use crate::core::backup_view::{Activity, Progress};
use crate::core::collect::{
    self, controls, Collector, DeletedTab, ListObservation, Next, Phase, StatusTab, TimeFilter,
};
use crate::core::detail_handoff::{detail_urls, frame_name, handoff_key, is_detail_of, HandOff};
use crate::core::order::Warning;
use crate::core::page::{recognise_url, PageKind};
use crate::core::parse::{parse_order_list_range, DetailPage};
use crate::core::site::backup_site;
use crate::core::text::Text;

use super::dom::{element, ListSnapshot, WebNode};
use super::error::WebError;
use super::ext_api;
use super::perf;
use super::run_lease::{Refused, Writer};
use super::saved::{load, prepare};
use super::wait::{sleep, until};

/// AliExpress shows a slider captcha to fast clients: at least this long between presses.
const MIN_PACE_MS: f64 = 1_500.0;
/// Plus up to this much random jitter, so the rhythm is not mechanical.
const PACE_JITTER_MS: f64 = 700.0;
/// Cards read in one task: a step that found more reads them over several tasks, so that no
/// task holds the page's thread for long. The step finds the cards once (a `ListSnapshot`):
/// on a 10,000-card list that search is 5–7 ms, and reading 10 cards then takes a task of
/// about 2 ms in Chromium and 5 ms in Firefox (median).
const CARDS_PER_TASK: usize = 10;
/// How long one press, or one re-render, may take before it counts as no change.
const STEP_TIMEOUT_MS: u32 = 20_000;
/// How long a detail frame may take to hand its reading back: longer than the frame's own
/// wait for the page's items (`web::detail_frame`), plus loading.
const DETAIL_TIMEOUT_MS: u32 = 25_000;
/// How often the list's page looks for the frame's reading.
const DETAIL_POLL_MS: u32 = 250;
/// How long a list may show no order and no "View orders" before the backup says it can't
/// read the page.
const UNREADABLE_AFTER_MS: f64 = 8_000.0;
/// Waits in a row without any change before the backup says the page stopped responding.
const MAX_IDLE_WAITS: u32 = 3;
/// How long the user has to solve a captcha before the backup pauses for good.
const CAPTCHA_TIMEOUT_MS: u32 = 15 * 60_000;

pub use crate::core::run_end::Ending;

/// How a run that may no longer write ends.
fn ending_of(refused: Refused) -> Ending {
    match refused {
        Refused::Elsewhere => Ending::Elsewhere,
        Refused::Deleted => Ending::Deleted,
    }
}

fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

fn performance_now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// One of the list's own controls, as `find` (a `core::collect::controls` lookup) gives it.
fn control(root: &Element, find: fn(&WebNode) -> Option<WebNode>) -> Option<Element> {
    find(&WebNode(root.clone())).map(|n| n.0)
}

/// What the list shows now (`core::collect::observe`).
fn observe(doc: &Document, root: &Element) -> ListObservation {
    let url = doc
        .location()
        .and_then(|l| l.href().ok())
        .unwrap_or_default();
    let signed_out = recognise_url(&url).kind == PageKind::Login;
    collect::observe(&WebNode(root.clone()), signed_out)
}

/// Reads the order list to its end, then the detail pages it needs, saving as it goes.
/// `point` is told which of the page's own controls the run is about to use (`None` when
/// it is done), so the user can see it: the time filter, then "View orders" or "Next".
/// `me` names the run, for its lease (`web::run_lease`).
pub async fn run(
    doc: Document,
    me: &str,
    stop: Rc<Cell<bool>>,
    report: impl Fn(&Backup, Progress),
    point: impl Fn(Option<(&'static str, Text, Element)>),
) -> Result<(Backup, Ending), WebError> {
    let result = run_to_end(doc, me, stop, report, &point).await;
    point(None);
    result
}

async fn run_to_end(
    doc: Document,
    me: &str,
    stop: Rc<Cell<bool>>,
    report: impl Fn(&Backup, Progress),
    point: &impl Fn(Option<(&'static str, Text, Element)>),
) -> Result<(Backup, Ending), WebError> {
    let url = doc
        .location()
        .and_then(|l| l.href().ok())
        .unwrap_or_default();
    // One backup per site: `pt.` and `www.` are one account's `aliexpress.com`.
    let host = backup_site(
        &doc.location()
            .and_then(|l| l.host().ok())
            .unwrap_or_default(),
    );
    let root = doc
        .document_element()
        .ok_or_else(|| WebError::new("no page"))?;
    // One writer per backup: none while another tab's run holds it.
    let mut writer = match Writer::take(&host, me).await? {
        Ok(writer) => writer,
        Err(refused) => return Ok((Backup::new(&host, &now()), ending_of(refused))),
    };
    let mut backup = load(&host)
        .await?
        .unwrap_or_else(|| Backup::new(&host, &now()));
    // A run on the next page of the old layout continues the same pass.
    if !backup.continue_paging {
        backup.begin_pass();
    }
    backup.continue_paging = false;
    backup.in_progress = true;
    if let Err(refused) = writer.save(&mut backup).await? {
        return Ok((backup, ending_of(refused)));
    }

    let mut collector = Collector::default();
    // Cards already read: each step reads only what was added since, plus the last page's
    // worth again (a card may have finished rendering after it was read).
    let mut read_cards: usize = 0;
    let mut last_press = f64::NEG_INFINITY;
    let mut idle_waits = 0;
    let started = performance_now();
    let progress = |backup: &Backup, activity| Progress {
        read: backup.orders.len(),
        expected: backup.stated_count.map(|c| c as usize),
        activity,
    };
    let ending = loop {
        // A step runs in a task of its own: the wait below wakes inside the page's own task
        // (a MutationObserver answers in the task that changed the DOM), and the page's work
        // plus ours in one task would hold its main thread twice as long.
        sleep(0).await;
        if stop.get() {
            break Ending::Stopped;
        }
        perf::mark("exit-assistant:step-start");
        let seen = observe(&doc, &root);
        if seen.time_filter != TimeFilter::Shorter && seen.tab != StatusTab::Other {
            let page = WebNode(root.clone());
            backup.stated_count = collect::stated_count(&page).or(backup.stated_count);
            backup.unfinished_stated =
                collect::unfinished_stated(&page).or(backup.unfinished_stated);
        }
        let mut next = read_cards.saturating_sub(controls::PAGE_SIZE);
        let mut added = 0;
        // One `querySelectorAll` of the cards for the whole step, not one per task.
        let snapshot = ListSnapshot::take();
        // Between "View all" and "Deleted orders" the list is neither for sure: no reading.
        let on_deleted_tab = seen.deleted_tab == DeletedTab::Active;
        if collector.phase == Phase::AllOrders || on_deleted_tab {
            loop {
                let mut page =
                    parse_order_list_range(&WebNode(root.clone()), &url, next, CARDS_PER_TASK);
                // What "Deleted orders" shows, the user deleted from the list: kept, marked.
                if on_deleted_tab {
                    for listed in &mut page.orders {
                        listed.order.deleted = true;
                    }
                }
                added += backup.add_listed(&page.orders, &now());
                read_cards = page.next;
                if page.next >= page.cards || page.next <= next {
                    break;
                }
                next = page.next;
                perf::measure("exit-assistant:step-read", "exit-assistant:step-start");
                sleep(0).await;
                perf::mark("exit-assistant:step-start");
            }
        }
        drop(snapshot);
        perf::measure("exit-assistant:step-read", "exit-assistant:step-start");
        // Preparing the save (the changed chunks, made into JSON) takes a task of its own.
        if added > 0 {
            sleep(0).await;
            perf::mark("exit-assistant:step-start");
            let changes = prepare(&mut backup)?;
            perf::measure("exit-assistant:step-save", "exit-assistant:step-start");
            if let Err(refused) = writer.write(changes).await? {
                break ending_of(refused);
            }
        }
        perf::mark_wasm_memory();
        report(&backup, progress(&backup, Activity::ReadingList));
        let stop_for_wait = stop.clone();
        let doc_for_wait = doc.clone();
        let root_for_wait = root.clone();
        let changed = move || stop_for_wait.get() || observe(&doc_for_wait, &root_for_wait) != seen;
        match collector.next(&seen, controls::PAGE_SIZE) {
            Next::Wait => {
                // Neither reader finds an order, nor "View orders": say so soon, rather than
                // count "0 orders so far" for as long as the tab stays open.
                if !seen.rendered && performance_now() - started > UNREADABLE_AFTER_MS {
                    backup.events.push(Warning::new(
                        "page_unreadable",
                        "the assistant can't read this order list: it finds no order on it, by its known layouts or by its structure. If you have orders, AliExpress may have changed the page: \"Save a page report\", at the foot of this panel, makes a file you can attach to a bug report",
                    ));
                    break Ending::Finished;
                }
                let wait = if seen.rendered {
                    STEP_TIMEOUT_MS
                } else {
                    UNREADABLE_AFTER_MS as u32
                };
                if until(&root, wait, changed).await? {
                    idle_waits = 0;
                } else {
                    idle_waits += 1;
                    if idle_waits >= MAX_IDLE_WAITS {
                        backup.events.push(Warning::new("page_not_responding", "the order list stopped responding; press Back up order history to try again"));
                        break Ending::Stalled;
                    }
                }
            }
            Next::ChooseAllTime => {
                let Some(select) = control(&root, controls::time_filter)
                    .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
                else {
                    continue;
                };
                let old_first_card = control(&root, controls::first_card);
                point(Some((
                    "time_filter",
                    Text::GuideTimeFilter,
                    select.clone().into(),
                )));
                select.set_value(controls::ALL_TIME);
                let change = web_sys::Event::new_with_event_init_dict("change", &{
                    let init = web_sys::EventInit::new();
                    init.set_bubbles(true);
                    init
                })?;
                select.dispatch_event(&change)?;
                read_cards = 0;
                // The list re-renders for the new period: wait until the old cards are gone.
                if let Some(card) = old_first_card {
                    until(&root, STEP_TIMEOUT_MS, move || !card.is_connected()).await?;
                }
            }
            Next::PressMore => {
                if let Some(control) = collect::view_more_control(&WebNode(root.clone()))
                    .map(|n| n.0)
                    .or_else(|| control(&root, controls::next_page))
                {
                    point(Some(("view_orders", Text::GuideViewOrders, control)));
                }
                let pause = last_press + MIN_PACE_MS + js_sys::Math::random() * PACE_JITTER_MS
                    - performance_now();
                if pause > 0.0 {
                    sleep(pause as u32).await;
                }
                if stop.get() {
                    break Ending::Stopped;
                }
                if let Some(button) = collect::view_more_control(&WebNode(root.clone()))
                    .and_then(|b| b.0.dyn_into::<HtmlElement>().ok())
                {
                    last_press = performance_now();
                    button.click();
                    until(&root, STEP_TIMEOUT_MS, changed).await?;
                } else if let Some(next) = control(&root, controls::next_page)
                    .and_then(|b| b.dyn_into::<HtmlElement>().ok())
                {
                    // The old layout loads the next page: this run ends with this page, and
                    // the next page's assistant carries on (see `continue_paging`).
                    backup.continue_paging = true;
                    if let Err(refused) = writer.save(&mut backup).await? {
                        break ending_of(refused);
                    }
                    writer.release().await;
                    last_press = performance_now();
                    next.click();
                    until(&root, STEP_TIMEOUT_MS, changed).await?;
                    backup.continue_paging = false;
                }
            }
            Next::SolveCaptcha => {
                report(&backup, progress(&backup, Activity::Captcha));
                let page = WebNode(root.clone());
                let stop_for_captcha = stop.clone();
                let solved = until(&root, CAPTCHA_TIMEOUT_MS, move || {
                    stop_for_captcha.get() || !controls::captcha_shown(&page)
                })
                .await?;
                if !solved {
                    backup.events.push(Warning::new(
                        "captcha_unsolved",
                        "AliExpress asked for a captcha that was not solved; the backup paused",
                    ));
                    break Ending::Stalled;
                }
                // Give the page a human moment after the puzzle before pressing again.
                last_press = performance_now();
            }
            Next::SignedOut => {
                backup.events.push(Warning::new(
                    "signed_out",
                    "you were signed out of AliExpress during the backup",
                ));
                break Ending::Stalled;
            }
            Next::ChooseAllOrders => {
                let tab = control(&root, controls::all_orders_tab)
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok());
                let Some(tab) = tab else { continue };
                point(Some((
                    "all_orders_tab",
                    Text::GuideAllOrdersTab,
                    tab.clone().into(),
                )));
                last_press = performance_now();
                switch_tab(&doc, &root, tab, |seen| seen.tab != StatusTab::Other).await?;
                read_cards = 0;
            }
            Next::WrongTab => {
                backup.events.push(Warning::new(
                    "not_all_orders",
                    "the order list stayed on a status tab that shows only some orders; choose \"View all\" and press Back up order history again",
                ));
            }
            Next::OpenDeletedTab => {
                let tab = collect::deleted_tab_control(&WebNode(root.clone()))
                    .and_then(|t| t.0.dyn_into::<HtmlElement>().ok());
                let Some(tab) = tab else { continue };
                point(Some((
                    "deleted_tab",
                    Text::GuideDeletedTab,
                    tab.clone().into(),
                )));
                let pause = last_press + MIN_PACE_MS - performance_now();
                if pause > 0.0 {
                    sleep(pause as u32).await;
                }
                last_press = performance_now();
                switch_tab(&doc, &root, tab, |seen| {
                    seen.deleted_tab == DeletedTab::Active
                })
                .await?;
                read_cards = 0;
            }
            Next::ReadDetails => {
                backup.list_exhausted = true;
                backup.deleted_tab_found = collector.deleted_tab_found;
                backup.all_time_confirmed = collector.all_time_confirmed;
                break Ending::Finished;
            }
        }
    };
    backup.short_pages += collector
        .events
        .iter()
        .filter(|e| e.code == "short_page")
        .count() as u32;
    if matches!(ending, Ending::Deleted | Ending::Elsewhere) {
        return Ok((backup, ending));
    }
    if let Err(refused) = writer.save(&mut backup).await? {
        return Ok((backup, ending_of(refused)));
    }

    let ending = if ending == Ending::Finished {
        read_details(
            &doc,
            &url,
            &mut backup,
            &mut writer,
            &stop,
            &report,
            progress,
        )
        .await?
    } else {
        ending
    };
    // A stalled run (sign-out, unsolved captcha, a page that stopped responding) stays "in
    // progress", so the next page the user opens says it was interrupted.
    backup.in_progress = ending == Ending::Stalled;
    if matches!(ending, Ending::Deleted | Ending::Elsewhere) {
        return Ok((backup, ending));
    }
    if let Err(refused) = writer.save(&mut backup).await? {
        return Ok((backup, ending_of(refused)));
    }
    writer.release().await;
    Ok((backup, ending))
}

/// Presses one of the list's status tabs and waits until the list shows it (`shows`) with
/// the old cards gone. A tab only filters the list: it changes nothing, like "View orders".
async fn switch_tab(
    doc: &Document,
    root: &Element,
    tab: HtmlElement,
    shows: fn(&ListObservation) -> bool,
) -> Result<(), WebError> {
    let old_first_card = control(root, controls::first_card);
    tab.click();
    let probe = root.clone();
    let doc = doc.clone();
    until(root, STEP_TIMEOUT_MS, move || {
        shows(&observe(&doc, &probe)) && old_first_card.as_ref().is_none_or(|c| !c.is_connected())
    })
    .await?;
    Ok(())
}

async fn read_details(
    doc: &Document,
    list_url: &str,
    backup: &mut Backup,
    writer: &mut Writer,
    stop: &Rc<Cell<bool>>,
    report: &impl Fn(&Backup, Progress),
    progress: impl Fn(&Backup, Activity) -> Progress,
) -> Result<Ending, WebError> {
    let pending = backup.pending_details();
    let total = pending.len();
    let mut last = f64::NEG_INFINITY;
    let mut route = DetailRoute::default();
    for (done, id) in pending.iter().enumerate() {
        report(
            backup,
            progress(backup, Activity::ReadingDetails(done, total)),
        );
        let pause =
            last + MIN_PACE_MS + js_sys::Math::random() * PACE_JITTER_MS - performance_now();
        if pause > 0.0 {
            sleep(pause as u32).await;
        }
        if stop.get() {
            return Ok(Ending::Stopped);
        }
        last = performance_now();
        let Some(url) = backup.orders.get(id).map(|s| s.order.detail_url.clone()) else {
            continue;
        };
        match read_detail(doc, id, &url, list_url, &mut route).await {
            Ok(detail) => backup.add_detail(id, &detail, &now()),
            Err(error) => {
                web_sys::console::warn_1(&format!("[Exit Assistant] detail {id}: {error}").into())
            }
        }
        if let Err(refused) = writer.save(backup).await? {
            return Ok(ending_of(refused));
        }
    }
    report(
        backup,
        progress(backup, Activity::ReadingDetails(total, total)),
    );
    Ok(Ending::Finished)
}

/// What this run learnt about where detail pages open: once the link's own host answered
/// where the list's host did not, later orders go there first.
#[derive(Default)]
struct DetailRoute {
    link_first: bool,
}

/// Reads one order's detail page, trying each place it may open (`detail_urls`) in turn.
async fn read_detail(
    doc: &Document,
    id: &str,
    detail_url: &str,
    list_url: &str,
    route: &mut DetailRoute,
) -> Result<DetailPage, WebError> {
    let mut urls = detail_urls(detail_url, list_url, id);
    if route.link_first {
        urls.reverse();
    }
    let mut failure = WebError::new("the order has no detail link on AliExpress");
    for (attempt, url) in urls.iter().enumerate() {
        match read_in_frame(doc, id, url).await {
            Ok(detail) if !detail.items.is_empty() => {
                // The link is always the last candidate: it answered where the first did not.
                if attempt > 0 && url == detail_url {
                    route.link_first = true;
                }
                return Ok(detail);
            }
            Ok(_) => failure = WebError::new(format!("{url} showed no items")),
            Err(error) => failure = error,
        }
    }
    Err(failure)
}

/// Opens a detail page in a hidden frame named for the order, and waits for the content
/// script inside it to hand its reading back (`web::detail_frame`). The frame may be on
/// another origin, which this page could not read itself.
async fn read_in_frame(doc: &Document, id: &str, url: &str) -> Result<DetailPage, WebError> {
    let key = handoff_key(id);
    // A reading left by an earlier run that was cut short is not this page's.
    ext_api::storage_remove_all(std::slice::from_ref(&key)).await?;
    let name = frame_name(id);
    let frame: HtmlIFrameElement = element(
        doc,
        "iframe",
        &[
            ("name", &name),
            ("src", url),
            ("aria-hidden", "true"),
            ("tabindex", "-1"),
            ("title", ""),
        ],
        None,
    )?
    .dyn_into()
    .map_err(|_| WebError::new("not a frame"))?;
    frame.style().set_css_text("position:absolute;left:-10000px;top:0;width:1024px;height:768px;border:0;visibility:hidden");
    doc.document_element()
        .ok_or_else(|| WebError::new("no page"))?
        .append_child(&frame)?;
    // The frame is ours: remove it whatever happens.
    struct Remove(HtmlIFrameElement);
    impl Drop for Remove {
        fn drop(&mut self) {
            self.0.remove();
        }
    }
    let _frame = Remove(frame);
    // The frame's answer arrives in storage, which no DOM change announces: poll gently.
    let mut waited = 0;
    while waited < DETAIL_TIMEOUT_MS {
        sleep(DETAIL_POLL_MS).await;
        waited += DETAIL_POLL_MS;
        if let Some(handoff) = ext_api::storage_get::<HandOff>(&key).await? {
            ext_api::storage_remove_all(std::slice::from_ref(&key)).await?;
            // Only a reading of this order's own detail page counts.
            if is_detail_of(&handoff.url, id) {
                return Ok(handoff.detail);
            }
        }
    }
    Err(WebError::new(format!("{url} did not answer")))
}
