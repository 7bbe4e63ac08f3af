//! The saved-backups page (an extension page, reachable from the toolbar popup): lists the
//! backups saved in this browser, shows their orders, exports them, deletes one after
//! asking, and imports a backup file. It needs no AliExpress tab.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::core::backup::{Backup, BackupFileV1};
use crate::core::export::ExportKind;
use crate::core::import::{read_backup_file, ImportError};
use crate::core::order::Order;
use crate::core::parse::is_web_url;
use crate::core::text::Text;

use super::download::download_backup;
use crate::web::dom::{child, document};
use crate::web::error::{log_failure, WebError};
use crate::web::i18n::{summary_lines, ChromeI18n, Translate};
use crate::web::run_lease::{Refused, Writer};

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
            match import_file(file).await {
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

/// Checks a file and saves it as a new backup. Refuses, saying why, rather than touch a
/// backup already saved: `Err` is the message for the user.
async fn import_file(file: web_sys::File) -> Result<String, String> {
    let t = ChromeI18n;
    let failed = |error: WebError| t.text(Text::ImportFailed, &[&error.message]);
    if file.size() > crate::core::import::MAX_FILE_BYTES as f64 {
        let limit = (crate::core::import::MAX_FILE_BYTES / (1024 * 1024)).to_string();
        return Err(t.text(Text::ImportTooLarge, &[&limit]));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|e| failed(e.into()))?
        .as_string()
        .unwrap_or_default();
    let parsed = read_backup_file(&text).map_err(|error| match error {
        ImportError::NotJson => t.text(Text::ImportNotJson, &[]),
        ImportError::NotABackup => t.text(Text::ImportNotBackup, &[]),
        ImportError::NewerVersion(v) => t.text(Text::ImportNewer, &[&v.to_string()]),
        ImportError::Invalid(reason) => t.text(Text::ImportInvalid, &[&reason]),
    })?;
    // The file names a host; the saved backup it would become is its site's. The import is
    // that backup's one writer while it saves (`core::lease`): never while a run goes on.
    let site = crate::core::site::backup_site(&parsed.site);
    let running = || t.text(Text::ImportRunning, &[&site]);
    let me = format!(
        "import:{:x}",
        (js_sys::Math::random() * f64::from(u32::MAX)) as u32
    );
    let mut writer = match Writer::take(&site, &me).await {
        Ok(Ok(writer)) => writer,
        Ok(Err(_)) => return Err(running()),
        Err(error) => return Err(failed(error)),
    };
    let saved = save_new(&site, &parsed, &mut writer).await;
    writer.release().await;
    let backup = match saved {
        Ok(Ok(backup)) => backup,
        Ok(Err(Refused::Elsewhere | Refused::Deleted)) => return Err(running()),
        Err(Some(error)) => return Err(failed(error)),
        Err(None) => return Err(t.text(Text::ImportExists, &[&site])),
    };
    Ok(t.text(
        Text::ImportDone,
        &[&backup.site, &backup.orders.len().to_string()],
    ))
}

/// Saves the file as the site's backup, unless one is saved already (`Err(None)`). A saved
/// backup that can't be read is still the user's: it is never replaced either.
async fn save_new(
    site: &str,
    parsed: &BackupFileV1,
    writer: &mut Writer,
) -> Result<Result<Backup, Refused>, Option<WebError>> {
    if crate::web::saved::load(site).await?.is_some() {
        return Err(None);
    }
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    let mut backup = Backup::from_file(parsed, &now);
    Ok(writer.save(&mut backup).await?.map(|()| backup))
}

/// Listeners of this page live as long as the page.
fn on_click(target: &Element, handler: impl FnMut(&web_sys::Event) + 'static) {
    EventListener::new(target, "click", handler).forget();
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
        on_click(&button, move |_| {
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
        on_click(&show, move |_| {
            let open = orders.has_attribute("hidden");
            if open && orders.child_element_count() == 0 {
                log_failure(orders_table(&orders, backup.clone()));
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
        on_click(&delete, move |_| {
            let _ = confirm.remove_attribute("hidden");
            focus(&yes);
        });
    }
    {
        let (confirm, delete) = (confirm.clone(), delete.clone());
        on_click(&no, move |_| {
            let _ = confirm.set_attribute("hidden", "");
            focus(&delete);
        });
    }
    on_click(&yes, move |_| {
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

/// Rows drawn at a time. A 10,000-order backup is searched in full, but only this many rows
/// are drawn at once, with "Show more" for the next ones, so the page never stalls.
const ROWS_AT_A_TIME: usize = 100;

/// A search runs this long after the last keystroke, not at every one: each search redraws
/// the table.
const SEARCH_DELAY_MS: u32 = 150;

fn orders_table(container: &Element, backup: Rc<Backup>) -> Result<(), WebError> {
    let t = ChromeI18n;
    let search_label = t.text(Text::SearchOrders, &[]);
    let search: HtmlInputElement = child(
        container,
        "input",
        &[
            ("type", "search"),
            ("aria-label", &search_label),
            ("placeholder", &search_label),
        ],
        None,
    )?
    .dyn_into()
    .map_err(|_| WebError::new("not an input"))?;
    let status = child(
        container,
        "p",
        &[("class", "meta shown"), ("role", "status")],
        None,
    )?;
    let table = child(container, "table", &[], None)?;
    let thead = child(&table, "thead", &[], None)?;
    let head = child(&thead, "tr", &[], None)?;
    for column in [
        Text::ColumnDate,
        Text::ColumnOrder,
        Text::ColumnStatus,
        Text::ColumnStore,
        Text::ColumnItems,
        Text::ColumnTotal,
    ] {
        child(&head, "th", &[("scope", "col")], Some(&t.text(column, &[])))?;
    }
    let body = child(&table, "tbody", &[], None)?;
    let more = child(
        container,
        "button",
        &[("type", "button"), ("class", "more"), ("hidden", "")],
        Some(&t.text(Text::ShowMoreOrders, &[])),
    )?;
    // The table refers to the saved backup's orders by number rather than copying them.
    let ids = backup.sorted().iter().map(|s| s.order.id.clone()).collect();
    let view = Rc::new(TableView {
        backup,
        ids,
        texts: RefCell::new(Vec::new()),
        search: RefCell::new(None),
        matches: RefCell::new(Vec::new()),
        drawn: Cell::new(0),
        body: body.into(),
        status: status.into(),
        more: more.clone().into(),
    });
    view.filter("");
    let (input, on_input) = (search.clone(), Rc::downgrade(&view));
    EventListener::new(&search, "input", move |_| {
        let Some(view) = on_input.upgrade() else {
            return;
        };
        let (input, later) = (input.clone(), Rc::downgrade(&view));
        // Replacing the timer cancels the search it would have run.
        *view.search.borrow_mut() = Some(Timeout::new(SEARCH_DELAY_MS, move || {
            if let Some(view) = later.upgrade() {
                view.filter(&input.value().to_lowercase());
            }
        }));
    })
    .forget();
    on_click(&more, move |_| view.draw_more());
    Ok(())
}

/// The orders table: the backup, its order numbers newest first, and each order's search text
/// (made at the first search); the search waiting for typing to pause; the matches of the
/// current search; how many of them are drawn.
struct TableView {
    backup: Rc<Backup>,
    ids: Vec<String>,
    texts: RefCell<Vec<String>>,
    search: RefCell<Option<Timeout>>,
    matches: RefCell<Vec<usize>>,
    drawn: Cell<usize>,
    body: Element,
    status: Element,
    more: Element,
}

impl TableView {
    /// The order `i`th in the table.
    fn order(&self, i: usize) -> Option<&Order> {
        let id = self.ids.get(i)?;
        self.backup.orders.get(id).map(|s| &s.order)
    }

    fn filter(&self, query: &str) {
        let mut texts = self.texts.borrow_mut();
        if !query.is_empty() && texts.is_empty() {
            *texts = (0..self.ids.len())
                .map(|i| self.order(i).map(search_text).unwrap_or_default())
                .collect();
        }
        *self.matches.borrow_mut() = (0..self.ids.len())
            .filter(|&i| query.is_empty() || texts[i].contains(query))
            .collect();
        self.body.set_text_content(None);
        self.drawn.set(0);
        self.draw_more();
    }

    fn draw_more(&self) {
        let matches = self.matches.borrow();
        let from = self.drawn.get();
        let to = (from + ROWS_AT_A_TIME).min(matches.len());
        for order in matches[from..to].iter().filter_map(|&i| self.order(i)) {
            log_failure(order_row(&self.body, order));
        }
        self.drawn.set(to);
        let _ = if to < matches.len() {
            self.more.remove_attribute("hidden")
        } else {
            self.more.set_attribute("hidden", "")
        };
        self.status.set_text_content(Some(&ChromeI18n.text(
            Text::ShowingOrders,
            &[&to.to_string(), &matches.len().to_string()],
        )));
    }
}

/// What the search box looks in: number, status, store and titles.
fn search_text(order: &Order) -> String {
    format!(
        "{} {} {} {}",
        order.id,
        order.status,
        order.store.name,
        order
            .items
            .iter()
            .map(|i| i.title.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    )
    .to_lowercase()
}

fn order_row(body: &Element, order: &Order) -> Result<(), WebError> {
    let row = child(body, "tr", &[], None)?;
    child(
        &row,
        "td",
        &[],
        Some(order.placed_on.as_deref().unwrap_or("")),
    )?;
    link_cell(&row, Some(&order.detail_url), &order.id)?;
    child(&row, "td", &[], Some(&order.status))?;
    link_cell(&row, order.store.url.as_deref(), &order.store.name)?;
    let items_cell = child(&row, "td", &[], None)?;
    let items = child(&items_cell, "ul", &[], None)?;
    for item in &order.items {
        let li = child(&items, "li", &[], Some(&format!("{} × ", item.quantity)))?;
        match item.product_url.as_deref().filter(|u| is_web_url(u)) {
            Some(url) => drop(child(
                &li,
                "a",
                &[
                    ("href", url),
                    ("rel", "noopener noreferrer"),
                    ("target", "_blank"),
                ],
                Some(&item.title),
            )?),
            None => drop(li.append_with_str_1(&item.title)),
        }
    }
    child(
        &row,
        "td",
        &[("class", "num")],
        Some(order.total.as_ref().map_or("", |m| m.display.as_str())),
    )?;
    Ok(())
}

/// A cell with a link for http(s) URLs, plain text otherwise. Text is set as text.
fn link_cell(row: &Element, url: Option<&str>, text: &str) -> Result<(), WebError> {
    let cell = child(row, "td", &[], None)?;
    match url.filter(|u| is_web_url(u)) {
        Some(url) => drop(child(
            &cell,
            "a",
            &[
                ("href", url),
                ("rel", "noopener noreferrer"),
                ("target", "_blank"),
            ],
            Some(text),
        )?),
        None => cell.set_text_content(Some(text)),
    }
    Ok(())
}

fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let _ = element.focus();
    }
}
