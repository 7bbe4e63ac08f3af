//! The backup page's table of orders: newest first, searchable by number, status, store and
//! titles, drawn a hundred rows at a time so a 10,000-order backup never stalls the page.
//! Page text is set only as text; a link is made only of an http(s) URL.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use crate::core::backup::Backup;
use crate::core::order::Order;
use crate::core::parse::is_web_url;
use crate::core::text::Text;
use crate::web::error::{log_failure, WebError};
use crate::web::i18n::{ChromeI18n, Translate};
use crate::web::ui::{child, role_child, text_child};

/// Rows drawn at a time. A 10,000-order backup is searched in full, but only this many rows
/// are drawn at once, with "Show more" for the next ones, so the page never stalls.
const ROWS_AT_A_TIME: usize = 100;

/// Rows drawn in one task. A hundred in one held Firefox's thread for 58 ms when the table of
/// a 10,000-order backup opened (`docs/benchmarks.md`); the rest follow in the next tasks.
const ROWS_PER_TASK: usize = 25;

/// A search runs this long after the last keystroke, not at every one: each search redraws
/// the table.
const SEARCH_DELAY_MS: u32 = 150;

pub fn orders_table(container: &Element, backup: Rc<Backup>) -> Result<(), WebError> {
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
    let status = role_child(container, "p", "meta shown", "status")?;
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
        target: Cell::new(0),
        generation: Cell::new(0),
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
    super::on_click(&more, move |_| view.draw_more());
    Ok(())
}

/// The orders table: the backup, its order numbers newest first, and each order's search text
/// (made at the first search); the search waiting for typing to pause; the matches of the
/// current search; how many of them are drawn, and how many are to be; which search's
/// matches the rows being drawn are (a new search stops the drawing of the last one's).
struct TableView {
    backup: Rc<Backup>,
    ids: Vec<String>,
    texts: RefCell<Vec<String>>,
    search: RefCell<Option<Timeout>>,
    matches: RefCell<Vec<usize>>,
    drawn: Cell<usize>,
    target: Cell<usize>,
    generation: Cell<u32>,
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

    fn filter(self: &Rc<Self>, query: &str) {
        {
            let mut texts = self.texts.borrow_mut();
            if !query.is_empty() && texts.is_empty() {
                *texts = (0..self.ids.len())
                    .map(|i| self.order(i).map(search_text).unwrap_or_default())
                    .collect();
            }
            *self.matches.borrow_mut() = (0..self.ids.len())
                .filter(|&i| query.is_empty() || texts[i].contains(query))
                .collect();
        }
        self.body.set_text_content(None);
        self.drawn.set(0);
        self.target.set(0);
        self.generation.set(self.generation.get().wrapping_add(1));
        self.draw_more();
    }

    /// Draws the next hundred matches, a few rows a task. A press while rows are still being
    /// drawn asks for a hundred more.
    fn draw_more(self: &Rc<Self>) {
        let drawing = self.target.get() > self.drawn.get();
        let len = self.matches.borrow().len();
        self.target
            .set((self.target.get() + ROWS_AT_A_TIME).min(len));
        if !drawing {
            self.draw_slice(self.generation.get());
        }
    }

    /// Draws up to [`ROWS_PER_TASK`] rows, and the rest in a later task; once all asked for
    /// are drawn, says how many show and whether there are more. `generation`: the search
    /// the rows belong to.
    fn draw_slice(self: &Rc<Self>, generation: u32) {
        if generation != self.generation.get() {
            return;
        }
        let from = self.drawn.get();
        let to = (from + ROWS_PER_TASK).min(self.target.get());
        {
            let matches = self.matches.borrow();
            for order in matches[from..to].iter().filter_map(|&i| self.order(i)) {
                log_failure(order_row(&self.body, order));
            }
        }
        self.drawn.set(to);
        if to < self.target.get() {
            let later = Rc::downgrade(self);
            Timeout::new(0, move || {
                if let Some(view) = later.upgrade() {
                    view.draw_slice(generation);
                }
            })
            .forget();
            return;
        }
        let len = self.matches.borrow().len();
        let _ = if to < len {
            self.more.remove_attribute("hidden")
        } else {
            self.more.set_attribute("hidden", "")
        };
        self.status.set_text_content(Some(
            &ChromeI18n.text(Text::ShowingOrders, &[&to.to_string(), &len.to_string()]),
        ));
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
    text_child(&row, "td", "", order.placed_on.as_deref().unwrap_or(""))?;
    link_cell(&row, Some(&order.detail_url), &order.id)?;
    text_child(&row, "td", "", &order.status)?;
    link_cell(&row, order.store.url.as_deref(), &order.store.name)?;
    let items_cell = child(&row, "td", &[], None)?;
    let items = child(&items_cell, "ul", &[], None)?;
    for item in &order.items {
        let li = text_child(&items, "li", "", &format!("{} × ", item.quantity))?;
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
    text_child(
        &row,
        "td",
        "num",
        order.total.as_ref().map_or("", |m| m.display.as_str()),
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
