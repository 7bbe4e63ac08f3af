//! Unit tests of `guide.rs`, kept apart so the code reads on its own.

use super::*;
use crate::core::guide_controls::is_plain_id;

#[test]
fn names_are_normalised_lower_case() {
    for step in GUIDE_STEPS {
        for name in step.control.names {
            assert_eq!(normalise(name), *name, "{:?}", step.id);
        }
    }
    assert_eq!(normalise("  Delete\n My  Account › "), "delete my account");
}

#[test]
fn every_closing_page_has_one_last_step_at_most() {
    for page in [PageKind::DeleteAccount, PageKind::DeactivateAccount] {
        let last: Vec<_> = steps_on(page).filter(|s| s.last).collect();
        assert_eq!(last.len(), 1, "{page:?}");
        assert!(steps_on(page).last().is_some_and(|s| s.last));
    }
    assert!(steps_on(PageKind::AccountSettings).all(|s| !s.last));
}

#[test]
fn plain_ids_only() {
    assert!(is_plain_id("agree-field"));
    assert!(!is_plain_id("a b"));
    assert!(!is_plain_id("1x"));
    assert!(!is_plain_id("x\"],y"));
}
