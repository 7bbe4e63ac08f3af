//! The steps of a run that use the list's own controls: the time filter, "View orders" (or
//! the old layout's "Next"), the status tabs, and the person's captcha. None of them
//! changes anything: they only choose what the list shows.

use std::ops::ControlFlow;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlSelectElement};

use crate::core::backup::Backup;
use crate::core::backup_view::{Activity, Progress};
use crate::core::collect::{self, controls, DeletedTab, ListObservation, StatusTab};
use crate::core::run_end::Ending;
use crate::core::text::Text;
use crate::web::dom::WebNode;
use crate::web::error::WebError;

use super::super::wait::{sleep, until};
use super::list::{ListRun, Step, GO_ON};
use super::list_page::{control, first_card, observe, progress, UsedControl};
use super::list_scope::ListScope;
use super::pace::{
    performance_now, CAPTCHA_TIMEOUT_MS, MIN_PACE_MS, PACE_JITTER_MS, STEP_TIMEOUT_MS,
};

impl ListRun<'_> {
    /// The list shows another period or tab, from its first card: read it from there, and
    /// let a refresh count its known orders anew.
    fn list_shown_anew(&mut self) {
        self.read_cards = 0;
        if let Some(refresh) = self.refresh.as_mut() {
            refresh.new_tab();
        }
    }

    /// Sets the time filter to the whole history, and waits for the list to show it.
    pub(super) async fn choose_all_time(&mut self) -> Step {
        let Some(select) = control(&self.root, controls::time_filter)
            .and_then(|e| e.dyn_into::<HtmlSelectElement>().ok())
        else {
            return GO_ON;
        };
        let old_first_card = first_card(&self.root);
        (self.point)(Some(UsedControl::new(
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
        self.list_shown_anew();
        // The list re-renders for the new period: wait until the old cards are gone.
        if let Some(card) = old_first_card {
            until(&self.root, STEP_TIMEOUT_MS, move || !card.is_connected()).await?;
        }
        GO_ON
    }

    /// Presses "View orders" (or the old layout's "Next") at a human pace.
    pub(super) async fn press_more(&mut self, seen: ListObservation) -> Step {
        let scope = ListScope::around_cards(&self.root);
        if let Some(more) = collect::view_more_control(&scope)
            .or_else(|| controls::next_page(&scope))
            .map(|n| n.0)
        {
            (self.point)(Some(UsedControl::new(
                "view_orders",
                Text::GuideViewOrders,
                more,
            )));
        }
        let pause = self.last_press + MIN_PACE_MS + js_sys::Math::random() * PACE_JITTER_MS
            - performance_now();
        if pause > 0.0 {
            sleep(pause as u32).await;
        }
        if self.stop.get() {
            return Ok(ControlFlow::Break(Ending::Stopped));
        }
        // Looked for again: the page may have changed during the pause.
        let scope = ListScope::around_cards(&self.root);
        let press = |found: Option<WebNode>| found.and_then(|b| b.0.dyn_into::<HtmlElement>().ok());
        if let Some(button) = press(collect::view_more_control(&scope)) {
            self.last_press = performance_now();
            button.click();
            until(&self.root, STEP_TIMEOUT_MS, self.changed_since(seen)).await?;
        } else if let Some(next) = press(controls::next_page(&scope)) {
            // The old layout loads the next page: this run ends with this page, and the next
            // page's assistant carries on (see `continue_paging`).
            self.backup.continue_paging = true;
            if let Err(refused) = self.writer.save(&mut self.backup).await? {
                return Ok(ControlFlow::Break(refused.ending()));
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
    pub(super) async fn solve_captcha(&mut self, report: &dyn Fn(&Backup, Progress)) -> Step {
        report(&self.backup, progress(&self.backup, Activity::Captcha));
        let root = self.root.clone();
        let stop = self.stop.clone();
        let solved = until(&self.root, CAPTCHA_TIMEOUT_MS, move || {
            stop.get() || !controls::captcha_shown(&ListScope::around_cards(&root))
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
    pub(super) async fn choose_all_orders(&mut self) -> Step {
        let tab = control(&self.root, controls::all_orders_tab)
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        let Some(tab) = tab else { return GO_ON };
        (self.point)(Some(UsedControl::new(
            "all_orders_tab",
            Text::GuideAllOrdersTab,
            tab.clone().into(),
        )));
        self.last_press = performance_now();
        switch_tab(&self.doc, &self.root, tab, |seen| {
            seen.tab != StatusTab::Other
        })
        .await?;
        self.list_shown_anew();
        GO_ON
    }

    /// Opens "Deleted orders", once "View all" is read to its end.
    pub(super) async fn open_deleted_tab(&mut self) -> Step {
        let tab = control(&self.root, collect::deleted_tab_control)
            .and_then(|t| t.dyn_into::<HtmlElement>().ok());
        let Some(tab) = tab else { return GO_ON };
        (self.point)(Some(UsedControl::new(
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
        self.list_shown_anew();
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
    let old_first_card = first_card(root);
    tab.click();
    let probe = root.clone();
    let doc = doc.clone();
    until(root, STEP_TIMEOUT_MS, move || {
        shows(&observe(&doc, &probe)) && old_first_card.as_ref().is_none_or(|c| !c.is_connected())
    })
    .await?;
    Ok(())
}
