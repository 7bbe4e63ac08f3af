//! The saved-backups page (an extension page, reachable from the toolbar popup): lists the
//! backups saved in this browser, shows their orders, exports them, deletes one after
//! asking, and imports a backup file. It needs no AliExpress tab.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Document, DocumentFragment, Element, HtmlElement, HtmlInputElement};

use crate::core::backup::Backup;
use crate::core::export::ExportKind;
use crate::core::text::Text;

use super::download::download_backup;
use crate::web::dom::document;
use crate::web::error::{log_failure, WebError};
use crate::web::i18n::{summary_lines, ChromeI18n, Translate};
use crate::web::ui::{child, text_child};

/// Fills the page with every saved backup.
pub async fn run() -> Result<(), WebError> {
    let (_, main) = super::page_main(Text::BackupPageTitle, "backups")?;
    // Per-host backups of an earlier version, if the background has not merged them yet.
    if let Err(error) = crate::web::saved::merge_host_backups().await {
        web_sys::console::warn_1(
            &format!("[Exit Assistant] per-host backups not merged: {error}").into(),
        );
    }
    let backups = crate::web::saved::load_all().await?;
    render(&main, backups, None)
}

/// The whole page; `said` is the import's last word, kept across the re-render it causes.
fn render(main: &Element, backups: Vec<Backup>, said: Option<&str>) -> Result<(), WebError> {
    let doc = document()?;
    let page = super::from_template(&doc, "backups-page")?;
    if !backups.is_empty() {
        remove(&page, ".empty")?;
    }
    let import = part(&page, "section.import")?;
    for backup in backups {
        let entry = backup_entry(&doc, Rc::new(backup))?;
        page.insert_before(&entry, Some(&import))?;
    }
    main.set_text_content(None);
    main.append_child(&page)?;
    wire_import(main, &import, said)
}

/// The import form: a file picker that imports a JSON backup, and a status line that says
/// what happened.
fn wire_import(main: &Element, section: &Element, said: Option<&str>) -> Result<(), WebError> {
    let input: HtmlInputElement = part(section, "#import-file")?
        .dyn_into()
        .map_err(|_| WebError::new("not an input"))?;
    let status = part(section, ".import-status")?;
    if let Some(said) = said {
        status.set_text_content(Some(said));
        focus(&status);
    }
    let main = main.clone();
    let picker = input.clone();
    EventListener::new(&input, "change", move |_| {
        let Some(file) = picker.files().and_then(|files| files.get(0)) else {
            return;
        };
        picker.set_value("");
        let (main, status) = (main.clone(), status.clone());
        spawn_local(async move {
            match super::import::import_file(file).await {
                Ok(done) => {
                    let backups = crate::web::saved::load_all().await.unwrap_or_default();
                    log_failure(render(&main, backups, Some(&done)));
                }
                Err(refused) => {
                    let _ = status.class_list().add_1("error");
                    status.set_text_content(Some(&refused));
                    focus(&status);
                }
            }
        });
    })
    .forget();
    Ok(())
}

/// One saved backup: what it holds, whether it is complete, its exports, its orders (shown
/// on asking) and its deletion (after asking).
fn backup_entry(doc: &Document, backup: Rc<Backup>) -> Result<Element, WebError> {
    let t = ChromeI18n;
    let section = part(
        &super::from_template(doc, "backup-entry")?,
        "section.backup",
    )?;
    section.set_attribute("data-site", &backup.site)?;
    say(&section, "h2", &t.text(Text::BackupOf, &[&backup.site]))?;
    let summary = summary_lines(&t, &backup.summary()).join(" · ");
    say(&section, ".counts", &summary)?;
    let when = backup
        .updated_at
        .get(..16)
        .unwrap_or(&backup.updated_at)
        .replace('T', " ");
    say(&section, ".when", &t.text(Text::LastRead, &[&when]))?;
    match backup.refreshed {
        // The last run brought it up to date: say what it did not read again.
        Some(note) => {
            let (read, kept) = (note.read.to_string(), note.kept.to_string());
            say(
                &section,
                ".refreshed",
                &t.text(Text::BackupRefreshed, &[&read, &kept]),
            )?;
        }
        None => remove(&section, ".refreshed")?,
    }
    let gaps = backup.gaps();
    if gaps.is_empty() {
        remove(&section, ".gaps")?;
    } else {
        remove(&section, ".complete")?;
        let list = part(&section, ".gaps ul")?;
        for gap in gaps {
            text_child(&list, "li", "", &crate::core::warning_text::say(&gap, &t))?;
        }
    }
    match &backup.address_book {
        Some(book) => super::records_table::addresses_table(&part(&section, ".addresses")?, book)?,
        None => remove(&section, ".addresses")?,
    }
    match &backup.reviews {
        Some(log) => super::records_table::reviews_table(&part(&section, ".reviews")?, log)?,
        None => remove(&section, ".reviews")?,
    }
    let show = part(&section, "button.show")?;
    for kind in ExportKind::ALL {
        let button = doc.create_element("button")?;
        button.set_attribute("type", "button")?;
        button.set_text_content(Some(&t.text(kind.label(), &[])));
        section.insert_before(&button, Some(&show))?;
        let backup = backup.clone();
        super::on_click(&button, move |_| {
            log_failure(download_backup(&backup, kind))
        });
    }
    wire_orders(&section, &backup)?;
    wire_delete(&section, backup)?;
    Ok(section)
}

/// "Show orders" unfolds the orders table, drawn the first time it is asked for.
fn wire_orders(section: &Element, backup: &Rc<Backup>) -> Result<(), WebError> {
    let show = part(section, "button.show")?;
    let orders = part(section, ".orders")?;
    let (backup, show_button) = (backup.clone(), show.clone());
    super::on_click(&show, move |_| {
        let open = orders.has_attribute("hidden");
        if open && orders.child_element_count() == 0 {
            log_failure(super::orders_table::orders_table(&orders, backup.clone()));
        }
        let _ = if open {
            orders.remove_attribute("hidden")
        } else {
            orders.set_attribute("hidden", "")
        };
        let _ = show_button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    });
    Ok(())
}

/// "Delete" asks first; only "Yes, delete" deletes, and the section then says it did.
fn wire_delete(section: &Element, backup: Rc<Backup>) -> Result<(), WebError> {
    let delete = part(section, "button.delete")?;
    let confirm = part(section, ".confirm")?;
    let question = part(&confirm, ".question")?;
    let (yes, no) = (part(&confirm, "button.yes")?, part(&confirm, "button.no")?);
    // The question names the alert dialog, as well as describing it.
    let id = format!("confirm-{}", backup.site);
    question.set_attribute("id", &id)?;
    confirm.set_attribute("aria-labelledby", &id)?;
    confirm.set_attribute("aria-describedby", &id)?;
    {
        let (confirm, yes) = (confirm.clone(), yes.clone());
        super::on_click(&delete, move |_| {
            let _ = confirm.remove_attribute("hidden");
            focus(&yes);
        });
    }
    super::on_click(&no, move |_| {
        let _ = confirm.set_attribute("hidden", "");
        focus(&delete);
    });
    let section = section.clone();
    super::on_click(&yes, move |_| {
        let (backup, section) = (backup.clone(), section.clone());
        spawn_local(async move {
            match crate::web::saved::delete(&backup).await {
                Ok(()) => {
                    section.set_text_content(None);
                    let _ = child(
                        &section,
                        "p",
                        &[("class", "deleted"), ("tabindex", "-1")],
                        Some(&ChromeI18n.text(Text::BackupDeleted, &[])),
                    )
                    .map(|p| focus(&p));
                }
                Err(error) => log_failure(Err(error)),
            }
        });
    });
    Ok(())
}

/// The part of the page's markup that `selector` names: the HTML and this code go together
/// (`tests/static_pages.rs`), so a missing part is an error, not a silent gap.
fn part(parent: &impl AsRef<web_sys::Node>, selector: &str) -> Result<Element, WebError> {
    let node: &web_sys::Node = parent.as_ref();
    let found = if let Some(element) = node.dyn_ref::<Element>() {
        element.query_selector(selector)?
    } else if let Some(fragment) = node.dyn_ref::<DocumentFragment>() {
        fragment.query_selector(selector)?
    } else {
        None
    };
    found.ok_or_else(|| WebError::new(format!("backup.html lacks {selector}")))
}

fn say(parent: &Element, selector: &str, text: &str) -> Result<(), WebError> {
    part(parent, selector)?.set_text_content(Some(text));
    Ok(())
}

fn remove(parent: &impl AsRef<web_sys::Node>, selector: &str) -> Result<(), WebError> {
    part(parent, selector)?.remove();
    Ok(())
}

fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let _ = element.focus();
    }
}
