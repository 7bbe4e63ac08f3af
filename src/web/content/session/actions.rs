//! Carrying out what the user asks of the panel: the core decides (`Session::act`), and this
//! does the effects it returns, in order.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen_futures::spawn_local;

use crate::core::assistant::AssistantPrefs;
use crate::core::message::ToBackground;
use crate::core::session::Effect;

use crate::web::content::downloads::save_via_background;
use crate::web::content::overlay::Dispatch;
use crate::web::error::log_failure;
use crate::web::ext_api;
use crate::web::i18n::ChromeI18n;

use super::guide::recheck_page;
use super::run::run_backup;
use super::state::{clock, warn, State};
use super::store::change_progress;
use super::view::render;

/// Turns overlay actions into effects. Runs them as tasks, after the event handler that
/// raised them has returned, so a re-render may freely drop that handler.
pub(super) fn dispatcher(weak: Weak<RefCell<State>>) -> Dispatch {
    Rc::new(move |action| {
        let weak = weak.clone();
        spawn_local(async move {
            let Some(state) = weak.upgrade() else { return };
            let effects = state.borrow_mut().session.act(action, &clock());
            for effect in effects {
                perform(&state, effect).await;
            }
        });
    })
}

async fn perform(state: &Rc<RefCell<State>>, effect: Effect) {
    match effect {
        Effect::Render(focus) => log_failure(render(state, focus)),
        Effect::RecheckPage => recheck_page(state),
        Effect::SavePrefs => {
            let prefs: AssistantPrefs = state.borrow().session.prefs;
            if let Err(error) = ext_api::storage_set(AssistantPrefs::STORAGE_KEY, &prefs).await {
                warn(&format!("could not save preferences: {error}"));
            }
        }
        Effect::StartRun(kind) => run_backup(state, kind).await,
        Effect::StopRun => {
            if let Some(stop) = &state.borrow().run_stop {
                stop.set(true);
            }
        }
        Effect::Download(kind) => {
            let site = state.borrow().session.site.clone();
            let saved = save_via_background(&site, kind).await;
            if let Err(error) = &saved {
                warn(&format!("download: {error}"));
            }
            if let Some(overlay) = &state.borrow().overlay {
                overlay.download_outcome(&ChromeI18n, saved.as_deref().map_err(drop));
            }
        }
        Effect::ChangeProgress(change) => change_progress(state, change).await,
        Effect::SavePageReport => {
            let (doc, kind) = {
                let guard = state.borrow();
                (guard.doc.clone(), guard.session.page.kind)
            };
            let saved = crate::web::content::page_report::save(&doc, kind).await;
            if let Err(error) = &saved {
                warn(&format!("page report: {error}"));
            }
            if let Some(overlay) = &state.borrow().overlay {
                overlay.report_outcome(&ChromeI18n, saved.as_deref().map_err(drop));
            }
        }
        Effect::SaveAddresses => {
            let (doc, site) = {
                let guard = state.borrow();
                (guard.doc.clone(), guard.session.site.clone())
            };
            let me = crate::web::run_lease::this_tab().await;
            match crate::web::content::addresses::save(&doc, &site, &me).await {
                Ok(Ok(())) => {}
                Ok(Err(ending)) => warn(&format!("addresses not saved: {ending:?}")),
                Err(error) => warn(&format!("addresses: {error}")),
            }
            // The head as saved now, so the panel says what the backup holds.
            match crate::web::saved::load_head(&site).await {
                Ok(head) => state.borrow_mut().session.saved = head,
                Err(error) => warn(&format!("addresses: {error}")),
            }
            log_failure(render(state, Some(".addresses-saved")));
        }
        Effect::ReadReviews(carry_on) => super::reviews::read_reviews(state, carry_on).await,
        Effect::StopReviews => {
            if let Some(stop) = &state.borrow().reviews_stop {
                stop.set(true);
            }
        }
        Effect::OpenLetter => {
            if let Err(error) = ext_api::send_to_background(&ToBackground::OpenLetter).await {
                warn(&format!("could not open the letter page: {error}"));
            }
        }
    }
}
