//! Reading the detail pages a backup needs, each in a hidden frame of its own, at a human
//! pace, saving after each.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlIFrameElement};

use crate::core::backup::Backup;
use crate::core::backup_view::{Activity, Progress};
use crate::core::detail_handoff::{detail_urls, frame_name, handoff_key, is_detail_of, HandOff};
use crate::core::parse::DetailPage;
use crate::web::error::WebError;
use crate::web::ext_api;
use crate::web::run_lease::Writer;
use crate::web::ui::element;

use super::super::wait::sleep;
use super::list_page::progress;
use super::pace::{
    now, performance_now, DETAIL_POLL_MS, DETAIL_TIMEOUT_MS, MIN_PACE_MS, PACE_JITTER_MS,
};
use crate::core::run_end::Ending;

/// Which detail pages a run reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Depth {
    /// Those the backup needs: items the list hides, parcels on their way.
    Needed,
    /// Every order's not read yet: the deep backup.
    Every,
}

/// Reads the detail pages `depth` asks for, newest first, one at a time at a human pace,
/// saving after each. A page that doesn't answer is left for the next run.
pub(super) async fn read_details(
    doc: &Document,
    list_url: &str,
    depth: Depth,
    backup: &mut Backup,
    writer: &mut Writer,
    stop: &Rc<Cell<bool>>,
    report: &impl Fn(&Backup, Progress),
) -> Result<Ending, WebError> {
    let pending = match depth {
        Depth::Needed => backup.pending_details(),
        Depth::Every => backup.pending_deep(),
    };
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
            return Ok(refused.ending());
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
