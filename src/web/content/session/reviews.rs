//! Reading every page of the user's reviews (`Effect::ReadReviews`): read the page, keep it,
//! press "Next" at the order list's human pace, and again, until the last page. A "Next" that
//! redraws the list in place is waited for here; one that loads a new page ends this page's
//! reading, and the new page's assistant carries on (`ReviewLog::paging_since_ms`). Each page
//! is saved as it is read, so a stop, a reload or a closed tab loses nothing, and the backup
//! says the reading is incomplete until it reaches the last page.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use web_sys::Document;

use crate::core::review::{Review, ReviewLog};

use crate::web::content::backup_run::pace::{now, MIN_PACE_MS, PACE_JITTER_MS, STEP_TIMEOUT_MS};
use crate::web::content::reviews::{next_control, on_page, save};
use crate::web::content::wait::{sleep, until};
use crate::web::error::log_failure;
use crate::web::saved;

use super::state::{warn, State};
use super::view::render;

/// How long a page that just loaded may take to show its reviews.
const FILL_TIMEOUT_MS: u32 = 10_000;

/// What tells one page of reviews from the next: every review's lines.
fn signature(reviews: &[Review]) -> Vec<Vec<String>> {
    reviews.iter().map(|r| r.shown.clone()).collect()
}

/// Reads the reviews from this page to the last. `carry_on`: the page before pressed "Next"
/// and this is the page it loaded, so the reading goes on rather than starting over.
pub(super) async fn read_reviews(state: &Rc<RefCell<State>>, carry_on: bool) {
    if state.borrow().reviews_stop.is_some() {
        return;
    }
    let stop = Rc::new(Cell::new(false));
    let (doc, site) = {
        let mut guard = state.borrow_mut();
        guard.reviews_stop = Some(stop.clone());
        (guard.doc.clone(), guard.session.site.clone())
    };
    let me = crate::web::run_lease::this_tab().await;
    // The reviews saved so far: a reading adds to them. Where they can't be read, nothing is
    // written, so a storage error never replaces them with this page's alone.
    match saved::load_head(&site).await {
        Ok(head) => {
            let mut log = head.and_then(|b| b.reviews).unwrap_or_default();
            if !carry_on || log.pages == 0 {
                log.restart(&now());
            }
            // The page being read, before it is: a page that carries on shows it at once.
            state.borrow_mut().reviews_reading = Some((log.pages + 1, log.reviews.len()));
            log_failure(render(state, None));
            if let Err(error) = read_pages(state, &doc, &site, &me, &mut log, &stop).await {
                warn(&format!("reviews: {error}"));
            }
            // Wherever it stopped, no later page should think it carries on.
            if log.paging_since_ms.take().is_some() {
                log_failure(save(&site, &me, &log).await.map(drop));
            }
        }
        Err(error) => warn(&format!("reviews not read: {error}")),
    }
    {
        let mut guard = state.borrow_mut();
        guard.reviews_stop = None;
        guard.reviews_reading = None;
    }
    match saved::load_head(&site).await {
        Ok(head) => state.borrow_mut().session.saved = head,
        Err(error) => warn(&format!("reviews: {error}")),
    }
    log_failure(render(state, Some(".reviews-saved")));
}

async fn read_pages(
    state: &Rc<RefCell<State>>,
    doc: &Document,
    site: &str,
    me: &str,
    log: &mut ReviewLog,
    stop: &Rc<Cell<bool>>,
) -> Result<(), crate::web::error::WebError> {
    let Some(root) = doc.document_element() else {
        return Ok(());
    };
    // A page that just loaded may still be filling its list in.
    let filled = {
        let (doc, stop) = (doc.clone(), stop.clone());
        move || stop.get() || !on_page(&doc).0.is_empty()
    };
    until(&root, FILL_TIMEOUT_MS, filled).await?;
    loop {
        let (found, read_by) = on_page(doc);
        if found.is_empty() {
            // Nothing to read: the panel says so, and offers the page report.
            return Ok(());
        }
        let seen = signature(&found);
        log.add_page(found, read_by, &now());
        log.complete = next_control(doc).is_none();
        state.borrow_mut().reviews_reading = Some((log.pages, log.reviews.len()));
        log_failure(render(state, None));
        if let Err(ending) = save(site, me, log).await? {
            warn(&format!("reviews not saved: {ending:?}"));
            return Ok(());
        }
        if log.complete || stop.get() {
            return Ok(());
        }
        sleep((MIN_PACE_MS + js_sys::Math::random() * PACE_JITTER_MS) as u32).await;
        // Looked for again: the page may have changed during the pause.
        let Some(next) = next_control(doc) else {
            log.complete = true;
            save(site, me, log).await?.ok();
            return Ok(());
        };
        if stop.get() {
            return Ok(());
        }
        // Should the press load a new page, that page carries on from here.
        log.paging_since_ms = Some(js_sys::Date::now() as u64);
        if let Err(ending) = save(site, me, log).await? {
            warn(&format!("reviews not saved: {ending:?}"));
            return Ok(());
        }
        next.click();
        let turned = {
            let (doc, stop) = (doc.clone(), stop.clone());
            move || {
                let (now_shown, _) = on_page(&doc);
                stop.get() || (!now_shown.is_empty() && signature(&now_shown) != seen)
            }
        };
        if !until(&root, STEP_TIMEOUT_MS, turned).await? || stop.get() {
            // The page did not turn: the reading stays incomplete, and says so.
            return Ok(());
        }
    }
}
