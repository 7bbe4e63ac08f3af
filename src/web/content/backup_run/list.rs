//! Reading the order list to its end: one step at a time, each observing the page, asking the
//! core collector what to do, and doing it with the page's own controls at a human pace.

use std::cell::Cell;
use std::ops::ControlFlow;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlSelectElement};

use crate::core::backup::Backup;
use crate::core::backup_view::{Activity, Progress};
use crate::core::collect::{
    self, controls, Collector, DeletedTab, ListObservation, Next, Phase, StatusTab, TimeFilter,
};
use crate::core::order::Warning;
use crate::core::parse::parse_order_list_range;
use crate::core::text::Text;
use crate::web::dom::{ListSnapshot, WebNode};
use crate::web::error::WebError;
use crate::web::run_lease::Writer;
use crate::web::saved::prepare;

use super::super::perf;
use super::super::wait::{sleep, until};
use super::{
    control, ending_of, now, observe, performance_now, Ending, Point, CAPTCHA_TIMEOUT_MS,
    CARDS_PER_TASK, MAX_IDLE_WAITS, MIN_PACE_MS, PACE_JITTER_MS, STEP_TIMEOUT_MS,
    UNREADABLE_AFTER_MS,
};

/// What a step decided: go on with the next step, or end the list with this ending.
type Step = Result<ControlFlow<Ending>, WebError>;

const GO_ON: Step = Ok(ControlFlow::Continue(()));

/// One run's reading of the list, and what it keeps between steps.
pub(super) struct ListRun<'a> {
    pub doc: Document,
    pub root: Element,
    pub url: String,
    pub stop: Rc<Cell<bool>>,
    pub point: &'a Point<'a>,
    pub backup: Backup,
    pub writer: Writer,
    collector: Collector,
    /// Cards already read: each step reads only what was added since, plus the last page's
    /// worth again (a card may have finished rendering after it was read).
    read_cards: usize,
    last_press: f64,
    idle_waits: u32,
    started: f64,
}

/// What the panel's progress line says, from the backup as it stands.
pub(super) fn progress(backup: &Backup, activity: Activity) -> Progress {
    Progress {
        read: backup.orders.len(),
        expected: backup.stated_count.map(|c| c as usize),
        activity,
    }
}

impl<'a> ListRun<'a> {
    pub fn new(
        doc: Document,
        root: Element,
        url: String,
        stop: Rc<Cell<bool>>,
        point: &'a Point<'a>,
        backup: Backup,
        writer: Writer,
    ) -> Self {
        ListRun {
            doc,
            root,
            url,
            stop,
            point,
            backup,
            writer,
            collector: Collector::default(),
            read_cards: 0,
            last_press: f64::NEG_INFINITY,
            idle_waits: 0,
            started: performance_now(),
        }
    }

    /// Steps until the list ends, the user stops, or the page can't go on.
    pub async fn read_to_end(
        &mut self,
        report: &dyn Fn(&Backup, Progress),
    ) -> Result<Ending, WebError> {
        let ending = loop {
            // A step runs in a task of its own: the wait below wakes inside the page's own
            // task (a MutationObserver answers in the task that changed the DOM), and the
            // page's work plus ours in one task would hold its main thread twice as long.
            sleep(0).await;
            if self.stop.get() {
                break Ending::Stopped;
            }
            perf::mark("exit-assistant:step-start");
            let seen = observe(&self.doc, &self.root);
            if let ControlFlow::Break(ending) = self.read_new_cards(&seen).await? {
                break ending;
            }
            perf::mark_wasm_memory();
            report(&self.backup, progress(&self.backup, Activity::ReadingList));
            let step = match self.collector.next(&seen, controls::PAGE_SIZE) {
                Next::Wait => self.wait_for_change(seen).await,
                Next::ChooseAllTime => self.choose_all_time().await,
                Next::PressMore => self.press_more(seen).await,
                Next::SolveCaptcha => self.solve_captcha(report).await,
                Next::SignedOut => self.end_with(
                    "signed_out",
                    "you were signed out of AliExpress during the backup",
                    Ending::Stalled,
                ),
                Next::ChooseAllOrders => self.choose_all_orders().await,
                Next::WrongTab => {
                    self.backup.events.push(Warning::new(
                        "not_all_orders",
                        "the order list stayed on a status tab that shows only some orders; choose \"View all\" and press Back up order history again",
                    ));
                    GO_ON
                }
                Next::OpenDeletedTab => self.open_deleted_tab().await,
                Next::ReadDetails => {
                    self.backup.list_exhausted = true;
                    self.backup.deleted_tab_found = self.collector.deleted_tab_found;
                    self.backup.all_time_confirmed = self.collector.all_time_confirmed;
                    Ok(ControlFlow::Break(Ending::Finished))
                }
            };
            if let ControlFlow::Break(ending) = step? {
                break ending;
            }
        };
        self.backup.short_pages += self
            .collector
            .events
            .iter()
            .filter(|e| e.code == "short_page")
            .count() as u32;
        Ok(ending)
    }

    /// Notes why the run can't go on, and ends it.
    fn end_with(&mut self, code: &str, message: &str, ending: Ending) -> Step {
        self.backup.events.push(Warning::new(code, message));
        Ok(ControlFlow::Break(ending))
    }

    /// Reads the cards added since the last step, a few per task, and saves them.
    async fn read_new_cards(&mut self, seen: &ListObservation) -> Step {
        let root = WebNode(self.root.clone());
        if seen.time_filter != TimeFilter::Shorter && seen.tab != StatusTab::Other {
            self.backup.stated_count = collect::stated_count(&root).or(self.backup.stated_count);
            self.backup.unfinished_stated =
                collect::unfinished_stated(&root).or(self.backup.unfinished_stated);
        }
        let mut next = self.read_cards.saturating_sub(controls::PAGE_SIZE);
        let mut added = 0;
        // One `querySelectorAll` of the cards for the whole step, not one per task.
        let snapshot = ListSnapshot::take();
        // Between "View all" and "Deleted orders" the list is neither for sure: no reading.
        let on_deleted_tab = seen.deleted_tab == DeletedTab::Active;
        if self.collector.phase == Phase::AllOrders || on_deleted_tab {
            loop {
                let mut page = parse_order_list_range(&root, &self.url, next, CARDS_PER_TASK);
                // What "Deleted orders" shows, the user deleted from the list: kept, marked.
                if on_deleted_tab {
                    for listed in &mut page.orders {
                        listed.order.deleted = true;
                    }
                }
                added += self.backup.add_listed(&page.orders, &now());
                self.read_cards = page.next;
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
            let changes = prepare(&mut self.backup)?;
            perf::measure("exit-assistant:step-save", "exit-assistant:step-start");
            if let Err(refused) = self.writer.write(changes).await? {
                return Ok(ControlFlow::Break(ending_of(refused)));
            }
        }
        GO_ON
    }

    /// Whether the page shows something else than `seen` (or the user pressed Stop).
    fn changed_since(&self, seen: ListObservation) -> impl Fn() -> bool + 'static {
        let (stop, doc, root) = (self.stop.clone(), self.doc.clone(), self.root.clone());
        move || stop.get() || observe(&doc, &root) != seen
    }

    /// Nothing to do but wait for the page to change; a page that never shows an order, or
    /// stops changing, ends the run and says why.
    async fn wait_for_change(&mut self, seen: ListObservation) -> Step {
        // Neither reader finds an order, nor "View orders": say so soon, rather than count
        // "0 orders so far" for as long as the tab stays open.
        if !seen.rendered && performance_now() - self.started > UNREADABLE_AFTER_MS {
            return self.end_with(
                "page_unreadable",
                "the assistant can't read this order list: it finds no order on it, by its known layouts or by its structure. If you have orders, AliExpress may have changed the page: \"Save a page report\", at the foot of this panel, makes a file you can attach to a bug report",
                Ending::Finished,
            );
        }
        let wait = if seen.rendered {
            STEP_TIMEOUT_MS
        } else {
            UNREADABLE_AFTER_MS as u32
        };
        if until(&self.root, wait, self.changed_since(seen)).await? {
            self.idle_waits = 0;
        } else {
            self.idle_waits += 1;
            if self.idle_waits >= MAX_IDLE_WAITS {
                return self.end_with(
                    "page_not_responding",
                    "the order list stopped responding; press Back up order history to try again",
                    Ending::Stalled,
                );
            }
        }
        GO_ON
    }

    /// Sets the time filter to the whole history, and waits for the list to show it.
    async fn choose_all_time(&mut self) -> Step {
        let Some(select) = control(&self.root, controls::time_filter)
            .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        else {
            return GO_ON;
        };
        let old_first_card = control(&self.root, controls::first_card);
        (self.point)(Some((
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
        self.read_cards = 0;
        // The list re-renders for the new period: wait until the old cards are gone.
        if let Some(card) = old_first_card {
            until(&self.root, STEP_TIMEOUT_MS, move || !card.is_connected()).await?;
        }
        GO_ON
    }

    /// Presses "View orders" (or the old layout's "Next") at a human pace.
    async fn press_more(&mut self, seen: ListObservation) -> Step {
        let root = WebNode(self.root.clone());
        if let Some(more) = collect::view_more_control(&root)
            .map(|n| n.0)
            .or_else(|| control(&self.root, controls::next_page))
        {
            (self.point)(Some(("view_orders", Text::GuideViewOrders, more)));
        }
        let pause = self.last_press + MIN_PACE_MS + js_sys::Math::random() * PACE_JITTER_MS
            - performance_now();
        if pause > 0.0 {
            sleep(pause as u32).await;
        }
        if self.stop.get() {
            return Ok(ControlFlow::Break(Ending::Stopped));
        }
        if let Some(button) =
            collect::view_more_control(&root).and_then(|b| b.0.dyn_into::<HtmlElement>().ok())
        {
            self.last_press = performance_now();
            button.click();
            until(&self.root, STEP_TIMEOUT_MS, self.changed_since(seen)).await?;
        } else if let Some(next) =
            control(&self.root, controls::next_page).and_then(|b| b.dyn_into::<HtmlElement>().ok())
        {
            // The old layout loads the next page: this run ends with this page, and the next
            // page's assistant carries on (see `continue_paging`).
            self.backup.continue_paging = true;
            if let Err(refused) = self.writer.save(&mut self.backup).await? {
                return Ok(ControlFlow::Break(ending_of(refused)));
            }
            self.writer.release().await;
            self.last_press = performance_now();
            next.click();
            until(&self.root, STEP_TIMEOUT_MS, self.changed_since(seen)).await?;
            self.backup.continue_paging = false;
        }
        GO_ON
    }

    /// Waits for the person to solve the slider captcha; pauses the run if they don't.
    async fn solve_captcha(&mut self, report: &dyn Fn(&Backup, Progress)) -> Step {
        report(&self.backup, progress(&self.backup, Activity::Captcha));
        let page = WebNode(self.root.clone());
        let stop = self.stop.clone();
        let solved = until(&self.root, CAPTCHA_TIMEOUT_MS, move || {
            stop.get() || !controls::captcha_shown(&page)
        })
        .await?;
        if !solved {
            return self.end_with(
                "captcha_unsolved",
                "AliExpress asked for a captcha that was not solved; the backup paused",
                Ending::Stalled,
            );
        }
        // Give the page a human moment after the puzzle before pressing again.
        self.last_press = performance_now();
        GO_ON
    }

    /// Switches a run started on a status tab to "View all".
    async fn choose_all_orders(&mut self) -> Step {
        let tab = control(&self.root, controls::all_orders_tab)
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        let Some(tab) = tab else { return GO_ON };
        (self.point)(Some((
            "all_orders_tab",
            Text::GuideAllOrdersTab,
            tab.clone().into(),
        )));
        self.last_press = performance_now();
        switch_tab(&self.doc, &self.root, tab, |seen| {
            seen.tab != StatusTab::Other
        })
        .await?;
        self.read_cards = 0;
        GO_ON
    }

    /// Opens "Deleted orders", once "View all" is read to its end.
    async fn open_deleted_tab(&mut self) -> Step {
        let tab = collect::deleted_tab_control(&WebNode(self.root.clone()))
            .and_then(|t| t.0.dyn_into::<HtmlElement>().ok());
        let Some(tab) = tab else { return GO_ON };
        (self.point)(Some((
            "deleted_tab",
            Text::GuideDeletedTab,
            tab.clone().into(),
        )));
        let pause = self.last_press + MIN_PACE_MS - performance_now();
        if pause > 0.0 {
            sleep(pause as u32).await;
        }
        self.last_press = performance_now();
        switch_tab(&self.doc, &self.root, tab, |seen| {
            seen.deleted_tab == DeletedTab::Active
        })
        .await?;
        self.read_cards = 0;
        GO_ON
    }
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
