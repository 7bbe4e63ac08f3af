//! One search of the order list's cards for a whole backup step.

use std::cell::RefCell;

use web_sys::{Element, NodeList};

thread_local! {
    /// While a [`ListSnapshot`] lives: each `querySelectorAll` that `select_after` made, by
    /// root and selector.
    static SNAPSHOT: RefCell<Option<Vec<(Element, String, NodeList)>>> = const { RefCell::new(None) };
}

/// While this lives, `select_after` takes each root's matches for a selector once and reads
/// every later slice from that list. On a 10,000-card order list, `querySelectorAll` is
/// nearly all of a task's work (about 5 ms in Chromium and 7 ms in Firefox, for reading
/// 10 cards that take under 1 ms), and it allocates a 10,000-entry list each time. A backup
/// step holds one while it reads the cards one press added, over several tasks, and drops it
/// before pressing again, so the next step sees the page as it is then.
pub struct ListSnapshot(());

impl ListSnapshot {
    /// Starts a snapshot; lists are taken as `select_after` first asks for them.
    pub fn take() -> Self {
        SNAPSHOT.with(|s| *s.borrow_mut() = Some(Vec::new()));
        ListSnapshot(())
    }
}

impl Drop for ListSnapshot {
    fn drop(&mut self) {
        SNAPSHOT.with(|s| *s.borrow_mut() = None);
    }
}

/// `root.querySelectorAll(selector)`, or the list a live [`ListSnapshot`] took of it.
pub(crate) fn matches_of(root: &Element, selector: &str) -> Option<NodeList> {
    SNAPSHOT.with(|s| {
        let mut snapshot = s.borrow_mut();
        let Some(taken) = snapshot.as_mut() else {
            return root.query_selector_all(selector).ok();
        };
        if let Some((_, _, list)) = taken
            .iter()
            .find(|(r, sel, _)| r == root && sel == selector)
        {
            return Some(list.clone());
        }
        let list = root.query_selector_all(selector).ok()?;
        taken.push((root.clone(), selector.to_owned(), list.clone()));
        Some(list)
    })
}
