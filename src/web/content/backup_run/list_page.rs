//! What a run reads of the list's page between its steps: what it shows, its own controls,
//! and the progress line that follows from the backup.

use web_sys::{Document, Element};

use crate::core::backup::Backup;
use crate::core::backup_view::{Activity, Progress};
use crate::core::collect::{self, ListObservation};
use crate::core::page::{recognise_url, PageKind};
use crate::core::text::Text;
use crate::web::dom::WebNode;

use super::list_scope::ListScope;

/// One of the list's own controls that the run is about to use, for the panel to ring.
pub struct UsedControl {
    /// Its name, for the ring's `data-step`.
    pub id: &'static str,
    /// What the ring's callout says.
    pub callout: Text,
    /// The control.
    pub element: Element,
}

impl UsedControl {
    pub(super) fn new(id: &'static str, callout: Text, element: Element) -> UsedControl {
        UsedControl {
            id,
            callout,
            element,
        }
    }
}

/// Where the run tells the panel which of the page's own controls it is about to use
/// (`None`: none now).
pub(super) type Point<'a> = dyn Fn(Option<UsedControl>) + 'a;

/// One of the list's own controls, as `find` (a `core::collect::controls` lookup) gives it,
/// looked for outside the cards.
pub(super) fn control(root: &Element, find: fn(&ListScope) -> Option<WebNode>) -> Option<Element> {
    find(&ListScope::around_cards(root)).map(|n| n.0)
}

/// The list's first card.
pub(super) fn first_card(root: &Element) -> Option<Element> {
    collect::controls::first_card(&WebNode(root.clone())).map(|n| n.0)
}

/// What the list shows now (`core::collect::observe`), its controls looked for outside the
/// cards.
pub(super) fn observe(doc: &Document, root: &Element) -> ListObservation {
    let url = crate::web::dom::document_url(doc);
    let signed_out = recognise_url(&url).kind == PageKind::Login;
    collect::observe(
        &WebNode(root.clone()),
        &ListScope::around_cards(root),
        signed_out,
    )
}

/// What the panel's progress line says, from the backup as it stands.
pub(super) fn progress(backup: &Backup, activity: Activity) -> Progress {
    Progress {
        read: backup.orders.len(),
        expected: backup.stated_count.map(|c| c as usize),
        activity,
    }
}
