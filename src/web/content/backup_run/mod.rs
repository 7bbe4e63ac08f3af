//! Running a backup on the order list: observe the page, ask the core collector what to do,
//! do it with the page's own controls at a human pace, save every batch as it is read.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::Document;

use crate::core::backup::{Backup, Refresh};
use crate::core::backup_view::Progress;
use crate::core::site::backup_site;

use crate::web::error::WebError;
use crate::web::run_lease::Writer;
use crate::web::saved::load;

mod details;
mod list;
mod list_controls;
mod list_page;
pub mod list_scope;
pub(crate) mod pace;

use list::ListRun;
use list_page::Point;
pub use list_page::UsedControl;
use pace::now;

pub use crate::core::run_end::{Ending, RunKind};
use details::Depth;

/// Reads the order list to its end, then the detail pages it needs, saving as it goes.
/// `point` is told which of the page's own controls the run is about to use (`None` when
/// it is done), so the user can see it: the time filter, then "View orders" or "Next".
/// `me` names the run, for its lease (`web::run_lease`). Over a complete backup, the run
/// only brings it up to date (`core::backup::Refresh`), unless `kind` asks for every order,
/// or for the deep backup: every detail page not read yet, and not the list.
pub async fn run(
    doc: Document,
    me: &str,
    kind: RunKind,
    stop: Rc<Cell<bool>>,
    report: impl Fn(&Backup, Progress),
    point: impl Fn(Option<UsedControl>),
) -> Result<(Backup, Ending), WebError> {
    let result = run_to_end(doc, me, kind, stop, report, &point).await;
    point(None);
    result
}

/// Takes the site's lease, reads the list to its end, then the detail pages it needs, and
/// saves at every step; the last save marks a run cut short as interrupted.
async fn run_to_end(
    doc: Document,
    me: &str,
    kind: RunKind,
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
        Err(refused) => return Ok((Backup::new(&site, &now()), refused.ending())),
    };
    let mut backup = load(&site)
        .await?
        .unwrap_or_else(|| Backup::new(&site, &now()));
    if kind == RunKind::Deep {
        // Not a pass over the list: what the list gave stands, and a deep run cut short
        // leaves the backup as complete as it was, to be carried on later.
        let ending = details::read_details(
            &doc,
            &url,
            Depth::Every,
            &mut backup,
            &mut writer,
            &stop,
            &report,
        )
        .await?;
        if !matches!(ending, Ending::Deleted | Ending::Elsewhere) {
            writer.release().await;
        }
        return Ok((backup, ending));
    }
    let full = kind == RunKind::Full;
    // A run on the next page of the old layout continues the same pass, and reads on: a
    // refresh's count of known orders doesn't survive the page load.
    let today = now().get(..10).unwrap_or_default().to_owned();
    let refresh = (!full && !backup.continue_paging)
        .then(|| Refresh::start(&backup, &today))
        .flatten();
    if !backup.continue_paging {
        backup.begin_pass();
    }
    backup.continue_paging = false;
    backup.in_progress = true;
    if let Err(refused) = writer.save(&mut backup).await? {
        return Ok((backup, refused.ending()));
    }

    let mut list = ListRun::new(doc, root, url, stop, point, backup, writer);
    list.refresh = refresh;
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
        return Ok((backup, refused.ending()));
    }

    let ending = if ending == Ending::Finished {
        details::read_details(
            &doc,
            &url,
            Depth::Needed,
            &mut backup,
            &mut writer,
            &stop,
            &report,
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
        return Ok((backup, refused.ending()));
    }
    writer.release().await;
    Ok((backup, ending))
}
