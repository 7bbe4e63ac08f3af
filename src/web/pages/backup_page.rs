//! The saved-backups page (an extension page, reachable from the toolbar popup): lists the
//! backups saved in this browser, shows their orders, exports them, deletes one after
//! asking, and imports a backup file. It needs no AliExpress tab.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::core::backup::Backup;
use crate::core::export::ExportKind;
use crate::core::text::Text;

use super::download::download_backup;
use crate::web::dom::{child, document};
use crate::web::error::{log_failure, WebError};
use crate::web::i18n::{summary_lines, ChromeI18n, Translate};

/// Fills the page with every saved backup.
pub async fn run() -> Result<(), WebError> {
    let doc = document()?;
    super::localise_page(&doc, Text::BackupPageTitle)?;
    let main = doc
        .get_element_by_id("backups")
        .ok_or_else(|| WebError::new("backup.html lacks #backups"))?;
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
    let t = ChromeI18n;
    main.set_text_content(None);
    child(main, "h1", &[], Some(&t.text(Text::BackupPageTitle, &[])))?;
    if backups.is_empty() {
        child(
            main,
            "p",
            &[("class", "empty")],
            Some(&t.text(Text::NoBackups, &[])),
        )?;
    }
    for backup in backups {
        backup_section(main, Rc::new(backup))?;
    }
    import_section(main, said)
}

/// A file picker that imports a JSON backup, and a status line that says what happened.
fn import_section(main: &Element, said: Option<&str>) -> Result<(), WebError> {
    let t = ChromeI18n;
    let section = child(main, "section", &[("class", "import")], None)?;
    child(&section, "h2", &[], Some(&t.text(Text::ImportTitle, &[])))?;
    child(
        &section,
        "p",
        &[("class", "meta")],
        Some(&t.text(Text::ImportHelp, &[])),
    )?;
    child(
        &section,
        "label",
        &[("for", "import-file")],
        Some(&t.text(Text::ImportChoose, &[])),
    )?;
    let input: HtmlInputElement = child(
        &section,
        "input",
        &[
            ("type", "file"),
            ("id", "import-file"),
            ("accept", ".json,application/json"),
        ],
        None,
    )?
    .dyn_into()
    .map_err(|_| WebError::new("not an input"))?;
    let status = child(
        &section,
        "p",
        &[
            ("class", "import-status"),
            ("role", "status"),
            ("tabindex", "-1"),
        ],
        said,
    )?;
    if said.is_some() {
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

fn backup_section(main: &Element, backup: Rc<Backup>) -> Result<(), WebError> {
    let t = ChromeI18n;
    let section = child(
        main,
        "section",
        &[("class", "backup"), ("data-site", &backup.site)],
        None,
    )?;
    child(
        &section,
        "h2",
        &[],
        Some(&t.text(Text::BackupOf, &[&backup.site])),
    )?;
    let summary = summary_lines(&t, &backup.summary()).join(" · ");
    child(&section, "p", &[("class", "meta counts")], Some(&summary))?;
    let when = backup
        .updated_at
        .get(..16)
        .unwrap_or(&backup.updated_at)
        .replace('T', " ");
    child(
        &section,
        "p",
        &[("class", "meta")],
        Some(&t.text(Text::LastRead, &[&when])),
    )?;
    let gaps = backup.gaps();
    if gaps.is_empty() {
        child(
            &section,
            "p",
            &[("class", "complete")],
            Some(&t.text(Text::BackupComplete, &[])),
        )?;
    } else {
        let box_ = child(&section, "div", &[("class", "gaps")], None)?;
        child(&box_, "p", &[], Some(&t.text(Text::BackupIncomplete, &[])))?;
        let list = child(&box_, "ul", &[], None)?;
        for gap in gaps {
            child(&list, "li", &[], Some(&gap.message))?;
        }
    }
    for kind in ExportKind::ALL {
        let button = child(
            &section,
            "button",
            &[("type", "button")],
            Some(&t.text(kind.label(), &[])),
        )?;
        let backup = backup.clone();
        super::on_click(&button, move |_| {
            log_failure(download_backup(&backup, kind))
        });
    }
    let show = child(
        &section,
        "button",
        &[
            ("type", "button"),
            ("aria-expanded", "false"),
            ("class", "show"),
        ],
        Some(&t.text(Text::ShowOrders, &[])),
    )?;
    let delete = child(
        &section,
        "button",
        &[("type", "button"), ("class", "danger delete")],
        Some(&t.text(Text::DeleteBackup, &[])),
    )?;
    let confirm = child(
        &section,
        "div",
        &[
            ("class", "confirm"),
            ("role", "alertdialog"),
            ("hidden", ""),
        ],
        None,
    )?;
    let question = child(
        &confirm,
        "p",
        &[("id", &format!("confirm-{}", backup.site))],
        Some(&t.text(Text::ConfirmDelete, &[])),
    )?;
    // The question names the alert dialog, as well as describing it.
    confirm.set_attribute("aria-labelledby", &question.id())?;
    confirm.set_attribute("aria-describedby", &question.id())?;
    let yes = child(
        &confirm,
        "button",
        &[("type", "button"), ("class", "danger yes")],
        Some(&t.text(Text::ConfirmDeleteYes, &[])),
    )?;
    let no = child(
        &confirm,
        "button",
        &[("type", "button"), ("class", "no")],
        Some(&t.text(Text::Cancel, &[])),
    )?;
    let orders = child(
        &section,
        "div",
        &[("class", "orders"), ("hidden", "")],
        None,
    )?;

    {
        let (orders, backup, show_button) = (orders.clone(), backup.clone(), show.clone());
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
    }
    {
        let (confirm, yes) = (confirm.clone(), yes.clone());
        super::on_click(&delete, move |_| {
            let _ = confirm.remove_attribute("hidden");
            focus(&yes);
        });
    }
    {
        let (confirm, delete) = (confirm.clone(), delete.clone());
        super::on_click(&no, move |_| {
            let _ = confirm.set_attribute("hidden", "");
            focus(&delete);
        });
    }
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

fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let _ = element.focus();
    }
}
