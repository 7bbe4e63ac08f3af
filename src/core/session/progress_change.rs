//! One change to the shared closing progress. The browser layer applies it to the newest
//! copy in storage, not to its own, since another tab may have written since.

use crate::core::closing_progress::{AfterItem, ClosingProgress, DeletionRequest};
use crate::core::money_left::{Asset, Holding};

/// A change to the closing progress.
#[derive(Debug, Clone, PartialEq)]
pub enum ProgressChange {
    /// A reading of what an asset holds, from its page or from the user, on `on` (a date).
    Reading {
        /// The asset.
        asset: Asset,
        /// What it holds.
        holding: Holding,
        /// The user said so, rather than the page.
        by_user: bool,
        /// The day, `YYYY-MM-DD`.
        on: String,
    },
    /// The user asked to delete the account. The first click counts: a later one doesn't
    /// move the date.
    Request(DeletionRequest),
    /// Forget the recorded request.
    ForgetRequest,
    /// After-closing advice ticked (`true`) or unticked.
    After(AfterItem, bool),
}

impl ProgressChange {
    /// Applies the change. Returns whether anything changed, and so whether to save.
    pub fn apply(self, progress: &mut ClosingProgress) -> bool {
        match self {
            ProgressChange::Reading {
                asset,
                holding,
                by_user,
                on,
            } => progress.record(asset, holding, by_user, &on),
            ProgressChange::Request(request) => {
                let new = progress.request.is_none();
                if new {
                    progress.request = Some(request);
                }
                new
            }
            ProgressChange::ForgetRequest => progress.request.take().is_some(),
            ProgressChange::After(item, true) => progress.after_done.insert(item),
            ProgressChange::After(item, false) => progress.after_done.remove(&item),
        }
    }
}
