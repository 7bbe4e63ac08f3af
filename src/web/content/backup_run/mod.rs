//! Running a backup on the order list: observe the page, ask the core collector what to do,
//! do it with the page's own controls at a human pace, save every batch as it is read.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::{Document, Element};

use crate::core::backup::Backup;
use crate::core::backup_view::Progress;
use crate::core::collect::{self, ListObservation};
use crate::core::page::{recognise_url, PageKind};
use crate::core::site::backup_site;
use crate::core::text::Text;

use crate::web::dom::WebNode;
use crate::web::error::WebError;
use crate::web::run_lease::{Refused, Writer};
use crate::web::saved::load;

mod details;
mod list;

use list::ListRun;

/// Where the run tells the panel which of the page's own controls it is about to use.
type Point<'a> = dyn Fn(Option<(&'static str, Text, Element)>) + 'a;

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
    let url = crate::web::dom::document_url(doc);
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

/// Takes the site's lease, reads the list to its end, then the detail pages it needs, and
/// saves at every step; the last save marks a run cut short as interrupted.
async fn run_to_end(
    doc: Document,
    me: &str,
    stop: Rc<Cell<bool>>,
    report: impl Fn(&Backup, Progress),
    point: &Point<'_>,
) -> Result<(Backup, Ending), WebError> {
    let url = crate::web::dom::document_url(&doc);
    // One backup per site: `pt.` and `www.` are one account's `aliexpress.com`.
    let site = backup_site(
        &doc.location()
            .and_then(|l| l.host().ok())
            .unwrap_or_default(),
    );
    let root = doc
        .document_element()
        .ok_or_else(|| WebError::new("no page"))?;
    // One writer per backup: none while another tab's run holds it.
    let mut writer = match Writer::take(&site, me).await? {
        Ok(writer) => writer,
        Err(refused) => return Ok((Backup::new(&site, &now()), ending_of(refused))),
    };
    let mut backup = load(&site)
        .await?
        .unwrap_or_else(|| Backup::new(&site, &now()));
    // A run on the next page of the old layout continues the same pass.
    if !backup.continue_paging {
        backup.begin_pass();
    }
    backup.continue_paging = false;
    backup.in_progress = true;
    if let Err(refused) = writer.save(&mut backup).await? {
        return Ok((backup, ending_of(refused)));
    }

    let mut list = ListRun::new(doc, root, url, stop, point, backup, writer);
    let ending = list.read_to_end(&report).await?;
    let ListRun {
        doc,
        url,
        stop,
        mut backup,
        mut writer,
        ..
    } = list;
    if matches!(ending, Ending::Deleted | Ending::Elsewhere) {
        return Ok((backup, ending));
    }
    if let Err(refused) = writer.save(&mut backup).await? {
        return Ok((backup, ending_of(refused)));
    }

    let ending = if ending == Ending::Finished {
        details::read_details(&doc, &url, &mut backup, &mut writer, &stop, &report).await?
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
