//! Every user-visible string, named by its `_locales/*/messages.json` key.
//!
//! Core decides *what* to say; the browser layer looks the key up with `chrome.i18n`.
//! `tests/locales.rs` checks that every key exists in every locale.

/// A localised string, by message key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Text {
    /// Name of the extension.
    ExtName,
    /// Accessible name of the assistant dialog.
    AssistantTitle,
    /// Accessible name of the button that opens the assistant.
    OpenAssistant,
    /// Accessible name of the button that closes the assistant.
    CloseAssistant,
    /// "You are on: $PAGE$".
    YouAreOn,
    /// Heading over the list of closing steps.
    StepsHeading,
    /// Step 1.
    StepBackUp,
    /// Step 2.
    StepSettleOrders,
    /// Step 3.
    StepMoneyLeft,
    /// Step 4.
    StepCloseAccount,
    /// Step 5.
    StepAfterClosing,
    /// Shown on aliexpress.ru, whose order pages the assistant can't read yet.
    RussiaNotSupported,
    /// Notice title when the page's security policy stops the assistant.
    BlockedTitle,
    /// Notice body: what the user can do.
    BlockedHelp,
    /// Notice title when the assistant failed to start for another reason.
    FailedTitle,
    /// Accessible name of the notice's dismiss button.
    Dismiss,
    /// Popup: the current tab is an AliExpress page of the kind $PAGE$.
    PopupOnAliExpress,
    /// Popup: the current tab is not AliExpress.
    PopupNotAliExpress,
    /// Popup: AliExpress tab where the assistant is not running (page loaded before install).
    PopupNotRunning,
    /// Popup button: open the assistant on this tab.
    PopupOpenHere,
    /// Popup button: open the order list in a new tab.
    PopupGoToOrders,
    /// Heading of the backup section.
    BackupHeading,
    /// Button that starts or resumes the backup.
    BackUp,
    /// Button that stops the backup.
    Stop,
    /// Download button.
    DownloadJson,
    /// Download button.
    DownloadCsvOrders,
    /// Download button.
    DownloadCsvItems,
    /// Download button.
    DownloadReport,
    /// Accessible name of the progress bar.
    BackupProgressLabel,
    /// Progress while reading the list, count unknown.
    ProgressList,
    /// Progress while reading the list, count known.
    ProgressListOf,
    /// Progress while reading detail pages.
    ProgressDetails,
    /// Asks the user to solve the captcha.
    CaptchaPrompt,
    /// A run was interrupted.
    BackupInterrupted,
    /// Signed out during a run.
    SignedOutDuringBackup,
    /// Where to go to back up.
    BackupGoToList,
    /// A saved backup's size.
    SavedBackup,
    /// A saved incomplete backup's size.
    SavedBackupIncomplete,
    /// Summary of a complete backup.
    BackupComplete,
    /// Heading over what is missing.
    BackupIncomplete,
    /// Counts in the summary.
    SummaryCounts,
    /// Years in the summary.
    SummaryYears,
    /// Totals in the summary.
    SummaryTotals,
    /// The user stopped the run.
    BackupStopped,
    /// A run failed.
    BackupFailed,
    /// Title of the saved-backups page.
    BackupPageTitle,
    /// The saved-backups page when there is none.
    NoBackups,
    /// Heading of one saved backup.
    BackupOf,
    /// When a backup was last read.
    LastRead,
    /// Button that shows a backup's orders.
    ShowOrders,
    /// Accessible name of the order search box.
    SearchOrders,
    /// Button that asks to delete a backup.
    DeleteBackup,
    /// Asks to confirm deleting a backup.
    ConfirmDelete,
    /// Confirms deleting a backup.
    ConfirmDeleteYes,
    /// Cancels a question.
    Cancel,
    /// Said after a backup was deleted.
    BackupDeleted,
    /// Popup button that opens the saved-backups page.
    PopupOpenBackups,
    /// Table column.
    ColumnDate,
    /// Table column.
    ColumnOrder,
    /// Table column.
    ColumnStatus,
    /// Table column.
    ColumnStore,
    /// Table column.
    ColumnItems,
    /// Table column.
    ColumnTotal,
    /// Verdict: something must be settled first.
    VerdictBlocked,
    /// Verdict: unfinished orders.
    VerdictPending,
    /// Verdict: nothing blocks, but.
    VerdictWarnings,
    /// Verdict: no complete backup.
    VerdictNoBackup,
    /// Verdict: orders still under buyer protection.
    VerdictProtected,
    /// Verdict: ready to close.
    VerdictReady,
    /// More items than listed.
    VerdictMore,
    /// Page-kind names.
    PageOrderList,
    /// Page-kind name.
    PageOrderDetail,
    /// Page-kind name.
    PageTracking,
    /// Page-kind name.
    PageWallet,
    /// Page-kind name.
    PageCoins,
    /// Page-kind name.
    PageCoupons,
    /// Page-kind name.
    PageAddressBook,
    /// Page-kind name.
    PageAccountSettings,
    /// Page-kind name.
    PageDeleteAccount,
    /// Page-kind name.
    PageDeactivateAccount,
    /// Page-kind name.
    PageLogin,
    /// Page-kind name.
    PageOtherAliExpress,
    /// Page-kind name.
    PageNotAliExpress,
}

impl Text {
    /// Every key, for the locale tests.
    pub const ALL: [Text; 83] = [
        Text::ExtName,
        Text::AssistantTitle,
        Text::OpenAssistant,
        Text::CloseAssistant,
        Text::YouAreOn,
        Text::StepsHeading,
        Text::StepBackUp,
        Text::StepSettleOrders,
        Text::StepMoneyLeft,
        Text::StepCloseAccount,
        Text::StepAfterClosing,
        Text::RussiaNotSupported,
        Text::BlockedTitle,
        Text::BlockedHelp,
        Text::FailedTitle,
        Text::Dismiss,
        Text::PopupOnAliExpress,
        Text::PopupNotAliExpress,
        Text::PopupNotRunning,
        Text::PopupOpenHere,
        Text::PopupGoToOrders,
        Text::BackupHeading,
        Text::BackUp,
        Text::Stop,
        Text::DownloadJson,
        Text::DownloadCsvOrders,
        Text::DownloadCsvItems,
        Text::DownloadReport,
        Text::BackupProgressLabel,
        Text::ProgressList,
        Text::ProgressListOf,
        Text::ProgressDetails,
        Text::CaptchaPrompt,
        Text::BackupInterrupted,
        Text::SignedOutDuringBackup,
        Text::BackupGoToList,
        Text::SavedBackup,
        Text::SavedBackupIncomplete,
        Text::BackupComplete,
        Text::BackupIncomplete,
        Text::SummaryCounts,
        Text::SummaryYears,
        Text::SummaryTotals,
        Text::BackupStopped,
        Text::BackupFailed,
        Text::BackupPageTitle,
        Text::NoBackups,
        Text::BackupOf,
        Text::LastRead,
        Text::ShowOrders,
        Text::SearchOrders,
        Text::DeleteBackup,
        Text::ConfirmDelete,
        Text::ConfirmDeleteYes,
        Text::Cancel,
        Text::BackupDeleted,
        Text::PopupOpenBackups,
        Text::ColumnDate,
        Text::ColumnOrder,
        Text::ColumnStatus,
        Text::ColumnStore,
        Text::ColumnItems,
        Text::ColumnTotal,
        Text::VerdictBlocked,
        Text::VerdictPending,
        Text::VerdictWarnings,
        Text::VerdictNoBackup,
        Text::VerdictProtected,
        Text::VerdictReady,
        Text::VerdictMore,
        Text::PageOrderList,
        Text::PageOrderDetail,
        Text::PageTracking,
        Text::PageWallet,
        Text::PageCoins,
        Text::PageCoupons,
        Text::PageAddressBook,
        Text::PageAccountSettings,
        Text::PageDeleteAccount,
        Text::PageDeactivateAccount,
        Text::PageLogin,
        Text::PageOtherAliExpress,
        Text::PageNotAliExpress,
    ];

    /// The `messages.json` key.
    pub fn key(self) -> &'static str {
        match self {
            Text::ExtName => "extName",
            Text::AssistantTitle => "assistantTitle",
            Text::OpenAssistant => "openAssistant",
            Text::CloseAssistant => "closeAssistant",
            Text::YouAreOn => "youAreOn",
            Text::StepsHeading => "stepsHeading",
            Text::StepBackUp => "stepBackUp",
            Text::StepSettleOrders => "stepSettleOrders",
            Text::StepMoneyLeft => "stepMoneyLeft",
            Text::StepCloseAccount => "stepCloseAccount",
            Text::StepAfterClosing => "stepAfterClosing",
            Text::RussiaNotSupported => "russiaNotSupported",
            Text::BlockedTitle => "blockedTitle",
            Text::BlockedHelp => "blockedHelp",
            Text::FailedTitle => "failedTitle",
            Text::Dismiss => "dismiss",
            Text::PopupOnAliExpress => "popupOnAliExpress",
            Text::PopupNotAliExpress => "popupNotAliExpress",
            Text::PopupNotRunning => "popupNotRunning",
            Text::PopupOpenHere => "popupOpenHere",
            Text::PopupGoToOrders => "popupGoToOrders",
            Text::BackupHeading => "backupHeading",
            Text::BackUp => "backUp",
            Text::Stop => "stop",
            Text::DownloadJson => "downloadJson",
            Text::DownloadCsvOrders => "downloadCsvOrders",
            Text::DownloadCsvItems => "downloadCsvItems",
            Text::DownloadReport => "downloadReport",
            Text::BackupProgressLabel => "backupProgressLabel",
            Text::ProgressList => "progressList",
            Text::ProgressListOf => "progressListOf",
            Text::ProgressDetails => "progressDetails",
            Text::CaptchaPrompt => "captchaPrompt",
            Text::BackupInterrupted => "backupInterrupted",
            Text::SignedOutDuringBackup => "signedOutDuringBackup",
            Text::BackupGoToList => "backupGoToList",
            Text::SavedBackup => "savedBackup",
            Text::SavedBackupIncomplete => "savedBackupIncomplete",
            Text::BackupComplete => "backupComplete",
            Text::BackupIncomplete => "backupIncomplete",
            Text::SummaryCounts => "summaryCounts",
            Text::SummaryYears => "summaryYears",
            Text::SummaryTotals => "summaryTotals",
            Text::BackupStopped => "backupStopped",
            Text::BackupFailed => "backupFailed",
            Text::BackupPageTitle => "backupPageTitle",
            Text::NoBackups => "noBackups",
            Text::BackupOf => "backupOf",
            Text::LastRead => "lastRead",
            Text::ShowOrders => "showOrders",
            Text::SearchOrders => "searchOrders",
            Text::DeleteBackup => "deleteBackup",
            Text::ConfirmDelete => "confirmDelete",
            Text::ConfirmDeleteYes => "confirmDeleteYes",
            Text::Cancel => "cancel",
            Text::BackupDeleted => "backupDeleted",
            Text::PopupOpenBackups => "popupOpenBackups",
            Text::ColumnDate => "columnDate",
            Text::ColumnOrder => "columnOrder",
            Text::ColumnStatus => "columnStatus",
            Text::ColumnStore => "columnStore",
            Text::ColumnItems => "columnItems",
            Text::ColumnTotal => "columnTotal",
            Text::VerdictBlocked => "verdictBlocked",
            Text::VerdictPending => "verdictPending",
            Text::VerdictWarnings => "verdictWarnings",
            Text::VerdictNoBackup => "verdictNoBackup",
            Text::VerdictProtected => "verdictProtected",
            Text::VerdictReady => "verdictReady",
            Text::VerdictMore => "verdictMore",
            Text::PageOrderList => "pageOrderList",
            Text::PageOrderDetail => "pageOrderDetail",
            Text::PageTracking => "pageTracking",
            Text::PageWallet => "pageWallet",
            Text::PageCoins => "pageCoins",
            Text::PageCoupons => "pageCoupons",
            Text::PageAddressBook => "pageAddressBook",
            Text::PageAccountSettings => "pageAccountSettings",
            Text::PageDeleteAccount => "pageDeleteAccount",
            Text::PageDeactivateAccount => "pageDeactivateAccount",
            Text::PageLogin => "pageLogin",
            Text::PageOtherAliExpress => "pageOtherAliExpress",
            Text::PageNotAliExpress => "pageNotAliExpress",
        }
    }
}
