//! Reading the order list to its end: one step at a time, each observing the page, asking the
//! core collector what to do, and doing it with the page's own controls at a human pace.

use std::cell::Cell;
use std::ops::ControlFlow;
use std::rc::Rc;

use web_sys::{Document, Element};

use crate::core::backup::{Backup, Refresh};
use crate::core::backup_view::{Activity, Progress};
use crate::core::collect::{
    controls, Collector, DeletedTab, ListObservation, Next, Phase, StatusTab, TimeFilter,
};
use crate::core::order::Warning;
use crate::core::parse::parse_order_list_range;
use crate::core::run_end::Ending;
use crate::web::dom::WebNode;
use crate::web::error::WebError;
use crate::web::list_snapshot::ListSnapshot;
use crate::web::run_lease::Writer;
use crate::web::saved::prepare;

use super::super::perf;
use super::super::wait::{sleep, until};
use super::list_page::{observe, progress, Point};
use super::pace::{
    now, performance_now, CARDS_PER_TASK, MAX_IDLE_WAITS, STEP_TIMEOUT_MS, UNREADABLE_AFTER_MS,
};

/// What a step decided: go on with the next step, or end the list with this ending.
pub(super) type Step = Result<ControlFlow<Ending>, WebError>;

pub(super) const GO_ON: Step = Ok(ControlFlow::Continue(()));

/// One run's reading of the list, and what it keeps between steps.
pub(super) struct ListRun<'a> {
    pub doc: Document,
    pub root: Element,
    pub url: String,
    pub stop: Rc<Cell<bool>>,
    pub point: &'a Point<'a>,
    pub backup: Backup,
    pub writer: Writer,
    pub collector: Collector,
    /// Cards already read: each step reads only what was added since, plus the last page's
    /// worth again (a card may have finished rendering after it was read).
    pub read_cards: usize,
    pub last_press: f64,
    pub idle_waits: u32,
    pub started: f64,
    /// Over a complete backup: the refresh that may end each tab early.
    pub refresh: Option<Refresh>,
    /// The refresh ended a tab early: the backup says what it did not read again.
    pub stopped_early: bool,
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
            refresh: None,
            stopped_early: false,
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
            // One `querySelectorAll` of the cards for the whole step, not one per task: the
            // observation counts them from it and the reading reads them from it.
            let snapshot = ListSnapshot::take();
            let seen = observe(&self.doc, &self.root);
            if let ControlFlow::Break(ending) = self.read_new_cards(&seen, snapshot).await? {
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
                    if self.stopped_early {
                        self.backup.refreshed = self.refresh.as_ref().map(|r| r.note(&self.backup));
                    }
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
    pub(super) fn end_with(&mut self, code: &str, message: &str, ending: Ending) -> Step {
        self.backup.events.push(Warning::new(code, message));
        Ok(ControlFlow::Break(ending))
    }

    /// Reads the cards added since the last step, a few per task, from the step's
    /// `snapshot` of them, and saves them.
    async fn read_new_cards(&mut self, seen: &ListObservation, snapshot: ListSnapshot) -> Step {
        let root = WebNode(self.root.clone());
        if seen.time_filter != TimeFilter::Shorter && seen.tab != StatusTab::Other {
            self.backup.stated_count = seen.stated.all.or(self.backup.stated_count);
            self.backup.unfinished_stated =
                seen.stated.unfinished.or(self.backup.unfinished_stated);
        }
        let mut next = self.read_cards.saturating_sub(controls::PAGE_SIZE);
        let mut added = 0;
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
                if let Some(refresh) = self.refresh.as_mut() {
                    refresh.saw(&page.orders, &self.backup);
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
        if self.refresh.as_ref().is_some_and(Refresh::caught_up) {
            // The rest of this tab is what the last full read saved.
            self.collector.caught_up = true;
            self.stopped_early = true;
        }
        perf::measure("exit-assistant:step-read", "exit-assistant:step-start");
        // Preparing the save (the changed chunks, made into JSON) takes a task of its own.
        if added > 0 {
            sleep(0).await;
            perf::mark("exit-assistant:step-start");
            let changes = prepare(&mut self.backup)?;
            perf::measure("exit-assistant:step-save", "exit-assistant:step-start");
            if let Err(refused) = self.writer.write(changes).await? {
                return Ok(ControlFlow::Break(refused.ending()));
            }
        }
        GO_ON
    }

    /// Whether the page shows something else than `seen` (or the user pressed Stop).
    pub(super) fn changed_since(&self, seen: ListObservation) -> impl Fn() -> bool + 'static {
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
}
