//! The panel's closing sections: the routes to closing, the request, and the after-closing
//! checklist.

use web_sys::Element;

use crate::core::closing_progress::AfterItem;
use crate::core::closing_view::ClosingView;
use crate::core::guide::{Route, APP_STEPS, PRIVACY_CENTRE_URL};
use crate::core::session::Action;
use crate::core::text::Text;
use crate::web::error::WebError;
use crate::web::person::on_person;
use crate::web::ui::{box_child, child, folding, text_child};

use super::builder::PanelBuilder;

impl PanelBuilder<'_> {
    /// Every route to closing, the request, and AliExpress's own data download.
    pub fn routes(&mut self, panel: &Element, view: &ClosingView) -> Result<(), WebError> {
        let details = folding(panel, "routes", &self.text(Text::RoutesHeading, &[]))?;
        for route in Route::ALL {
            let block = child(
                &details,
                "div",
                &[("class", "route"), ("data-route", route_name(route))],
                None,
            )?;
            text_child(&block, "h4", "", &self.text(route.title(), &[]))?;
            text_child(&block, "p", "", &self.text(route.in_words(), &[]))?;
            if route == Route::App {
                let steps = child(&block, "ol", &[], None)?;
                for step in APP_STEPS {
                    text_child(&steps, "li", "", &self.text(step, &[]))?;
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
        let request = box_child(&details, "div", "request")?;
        match &view.request_date {
            Some(date) => {
                text_child(
                    &request,
                    "p",
                    "requested",
                    &self.text(Text::RequestSent, &[date]),
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
        let details = folding(panel, "after", &self.text(Text::AfterHeading, &[]))?;
        if view.progress.request.is_some() {
            details.set_attribute("open", "")?;
        }
        let list = box_child(&details, "ul", "checklist")?;
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
            text_child(&label, "span", "", &self.text(item.label(), &[]))?;
            let dispatch = self.dispatch.clone();
            self.listeners.push(on_person(&input, "change", move |_| {
                dispatch(Action::ToggleAfter(item, !done))
            }));
        }
        Ok(())
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
