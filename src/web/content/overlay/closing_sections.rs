//! The panel's closing sections: the step on this page, money left behind, the routes to
//! closing, the request and its follow-up, and the after-closing checklist. Page text (order
//! statuses, amounts) is only ever set as text.

use gloo_events::EventListener;
use web_sys::Element;

use crate::core::closing_progress::AfterItem;
use crate::core::closing_view::{ClosingView, GuideLine};
use crate::core::guide::{Route, APP_STEPS, PRIVACY_CENTRE_URL};
use crate::core::money_left::{Asset, Holding};
use crate::core::readiness::{MoneyFinding, Readiness};
use crate::core::text::Text;

use super::{Action, Dispatch};
use crate::web::content::person::on_person;
use crate::web::dom::child;
use crate::web::error::WebError;
use crate::web::i18n::Translate;

/// Builds the panel's sections: its buttons and links dispatch actions on the person's own
/// input, and each listener it adds is kept with the overlay.
pub struct PanelBuilder<'a> {
    /// Translations.
    pub t: &'a dyn Translate,
    /// Where actions go.
    pub dispatch: &'a Dispatch,
    /// The overlay's listeners, dropped with its next render.
    pub listeners: &'a mut Vec<EventListener>,
}

impl PanelBuilder<'_> {
    /// A button that dispatches `action`.
    pub fn button(
        &mut self,
        parent: &Element,
        label: &str,
        class: &str,
        action: Action,
    ) -> Result<Element, WebError> {
        let button = child(
            parent,
            "button",
            &[("type", "button"), ("class", class)],
            Some(label),
        )?;
        let dispatch = self.dispatch.clone();
        self.listeners
            .push(on_person(&button, "click", move |_| dispatch(action)));
        Ok(button.into())
    }

    fn text(&self, text: Text, subs: &[&str]) -> String {
        self.t.text(text, subs)
    }

    /// The follow-up when the user is still signed in 72 hours after the request.
    pub fn overdue(&mut self, panel: &Element, view: &ClosingView) -> Result<(), WebError> {
        if !view.overdue {
            return Ok(());
        }
        let date = view.request_date.clone().unwrap_or_default();
        let box_ = child(
            panel,
            "div",
            &[("class", "note overdue"), ("role", "note")],
            None,
        )?;
        child(
            &box_,
            "p",
            &[],
            Some(&self.text(Text::RequestOverdue, &[&date])),
        )?;
        let list = child(&box_, "ul", &[], None)?;
        for step in [
            Text::NextStepSupport,
            Text::NextStepFollowUp,
            Text::NextStepEscalate,
        ] {
            child(&list, "li", &[], Some(&self.text(step, &[])))?;
        }
        self.button(
            &box_,
            &self.text(Text::WriteLetter, &[]),
            "link-button",
            Action::OpenLetter,
        )?;
        Ok(())
    }

    /// The step to take on this closing page, or the route in words when its control can't
    /// be found.
    pub fn guide(&mut self, panel: &Element, line: &GuideLine) -> Result<(), WebError> {
        let section = child(
            panel,
            "section",
            &[("class", "guide"), ("aria-labelledby", "ea-guide")],
            None,
        )?;
        child(
            &section,
            "h3",
            &[("id", "ea-guide")],
            Some(&self.text(Text::GuideHeading, &[])),
        )?;
        child(
            &section,
            "p",
            &[("class", "guide-now"), ("aria-live", "polite")],
            Some(&guide_text(self.t, line)),
        )?;
        Ok(())
    }

    /// Each asset: what is known, where to check, and, where the page can't be read, the
    /// user's own answer.
    pub fn money(&mut self, panel: &Element, readiness: &Readiness) -> Result<(), WebError> {
        let section = child(
            panel,
            "section",
            &[("class", "money"), ("aria-labelledby", "ea-money")],
            None,
        )?;
        child(
            &section,
            "h3",
            &[("id", "ea-money")],
            Some(&self.text(Text::MoneyHeading, &[])),
        )?;
        let list = child(&section, "ul", &[], None)?;
        for finding in &readiness.money {
            let item = child(
                &list,
                "li",
                &[
                    ("data-asset", finding.asset.name()),
                    ("data-holding", holding_name(finding)),
                ],
                None,
            )?;
            child(
                &item,
                "span",
                &[("class", "status")],
                Some(&money_line(self.t, finding)),
            )?;
            let name = self.text(finding.asset.label(), &[]);
            child(
                &item,
                "a",
                &[("href", finding.asset.page_url()), ("class", "check")],
                Some(&self.text(Text::MoneyOpenPage, &[&name])),
            )?;
            let ask = finding.holding == Some(Holding::Unreadable)
                || (finding.asset == Asset::GiftCards && finding.holding.is_none());
            if ask || finding.by_user {
                let row = child(&item, "span", &[("class", "confirm")], None)?;
                self.button(
                    &row,
                    &self.text(Text::ConfirmZero, &[]),
                    "small zero",
                    Action::ConfirmAsset(finding.asset, true),
                )?;
                self.button(
                    &row,
                    &self.text(Text::ConfirmNotZero, &[]),
                    "small not-zero",
                    Action::ConfirmAsset(finding.asset, false),
                )?;
            }
        }
        Ok(())
    }

    /// Every route to closing, the request, and AliExpress's own data download.
    pub fn routes(&mut self, panel: &Element, view: &ClosingView) -> Result<(), WebError> {
        let details = child(
            panel,
            "details",
            &[("class", "routes"), ("data-id", "routes")],
            None,
        )?;
        child(
            &details,
            "summary",
            &[],
            Some(&self.text(Text::RoutesHeading, &[])),
        )?;
        for route in Route::ALL {
            let block = child(
                &details,
                "div",
                &[("class", "route"), ("data-route", route_name(route))],
                None,
            )?;
            child(&block, "h4", &[], Some(&self.text(route.title(), &[])))?;
            child(&block, "p", &[], Some(&self.text(route.in_words(), &[])))?;
            if route == Route::App {
                let steps = child(&block, "ol", &[], None)?;
                for step in APP_STEPS {
                    child(&steps, "li", &[], Some(&self.text(step, &[])))?;
                }
            }
            if let Some(url) = route.url() {
                child(
                    &block,
                    "a",
                    &[("href", url), ("class", "go")],
                    Some(&self.text(Text::OpenRoute, &[])),
                )?;
            }
            if route == Route::Letter {
                self.button(
                    &block,
                    &self.text(Text::WriteLetter, &[]),
                    "small letter",
                    Action::OpenLetter,
                )?;
            }
        }
        child(
            &details,
            "a",
            &[("href", PRIVACY_CENTRE_URL), ("class", "download-data")],
            Some(&self.text(Text::DownloadDataPointer, &[])),
        )?;
        let request = child(&details, "div", &[("class", "request")], None)?;
        match &view.request_date {
            Some(date) => {
                child(
                    &request,
                    "p",
                    &[("class", "requested")],
                    Some(&self.text(Text::RequestSent, &[date])),
                )?;
                self.button(
                    &request,
                    &self.text(Text::ForgetRequest, &[]),
                    "small forget",
                    Action::ForgetRequest,
                )?;
            }
            None => {
                self.button(
                    &request,
                    &self.text(Text::MarkRequested, &[]),
                    "small mark-requested",
                    Action::MarkRequested,
                )?;
            }
        }
        Ok(())
    }

    /// The after-closing checklist, ticked off as the user goes.
    pub fn after(&mut self, panel: &Element, view: &ClosingView) -> Result<(), WebError> {
        let details = child(
            panel,
            "details",
            &[("class", "after"), ("data-id", "after")],
            None,
        )?;
        if view.progress.request.is_some() {
            details.set_attribute("open", "")?;
        }
        child(
            &details,
            "summary",
            &[],
            Some(&self.text(Text::AfterHeading, &[])),
        )?;
        let list = child(&details, "ul", &[("class", "checklist")], None)?;
        for item in AfterItem::ALL {
            let li = child(&list, "li", &[], None)?;
            let label = child(&li, "label", &[], None)?;
            let done = view.progress.after_done.contains(&item);
            let class = format!("after-{item:?}");
            let mut attributes = vec![("type", "checkbox"), ("class", class.as_str())];
            if done {
                attributes.push(("checked", ""));
            }
            let input = child(&label, "input", &attributes, None)?;
            child(&label, "span", &[], Some(&self.text(item.label(), &[])))?;
            let dispatch = self.dispatch.clone();
            self.listeners.push(on_person(&input, "change", move |_| {
                dispatch(Action::ToggleAfter(item, !done))
            }));
        }
        Ok(())
    }
}

/// The guide's line: the callout, or "can't find it" and the route in words.
pub fn guide_text(t: &dyn Translate, line: &GuideLine) -> String {
    match line.callout {
        Some(Text::GuideAmbiguous) => format!(
            "{} {}",
            t.text(Text::GuideAmbiguous, &[]),
            t.text(line.route.in_words(), &[])
        ),
        Some(callout) if line.blocked_last => format!(
            "{} {}",
            t.text(callout, &[]),
            t.text(Text::GuideStillBlocked, &[])
        ),
        Some(callout) => t.text(callout, &[]),
        None => format!(
            "{} {}",
            t.text(Text::GuideNotFound, &[]),
            t.text(line.route.in_words(), &[])
        ),
    }
}

fn money_line(t: &dyn Translate, finding: &MoneyFinding) -> String {
    let name = t.text(finding.asset.label(), &[]);
    match &finding.holding {
        Some(Holding::Zero) if finding.by_user => t.text(Text::MoneyZeroByUser, &[&name]),
        Some(Holding::Zero) => t.text(Text::MoneyZero, &[&name]),
        Some(Holding::NonZero { shown }) if shown.is_empty() => {
            t.text(Text::MoneyHeldByUser, &[&name])
        }
        Some(Holding::NonZero { shown }) => t.text(Text::MoneyHeld, &[&name, shown]),
        Some(Holding::Unreadable) => t.text(Text::MoneyUnreadable, &[&name]),
        None if finding.asset == Asset::GiftCards => t.text(Text::MoneyGiftCardsHelp, &[]),
        None => t.text(Text::MoneyUnchecked, &[&name]),
    }
}

fn holding_name(finding: &MoneyFinding) -> &'static str {
    match finding.holding {
        Some(Holding::Zero) => "zero",
        Some(Holding::NonZero { .. }) => "non_zero",
        Some(Holding::Unreadable) => "unreadable",
        None => "unchecked",
    }
}

fn route_name(route: Route) -> &'static str {
    match route {
        Route::PrivacyCentre => "privacy_centre",
        Route::DeactivatePage => "deactivate_page",
        Route::App => "app",
        Route::Letter => "letter",
    }
}
