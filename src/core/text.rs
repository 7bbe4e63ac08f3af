//! Every user-visible string, named by its `_locales/*/messages.json` key.
//!
//! Core decides *what* to say; the browser layer looks the key up with `chrome.i18n`.
//! `tests/locales.rs` checks that every key exists in every locale.

/// A source of localised strings. The extension uses `chrome.i18n` (`web::i18n`); native and
/// browser tests, which run outside an extension, pass their own. The core takes one where it
/// writes words into a file (the offline report), so the file is in the user's language.
pub trait Translate {
    /// The string for `text`, with `$1`… replaced by `substitutions`.
    fn text(&self, text: Text, substitutions: &[&str]) -> String;
}

macro_rules! texts {
    ($($(#[doc = $doc:literal])* $name:ident => $key:literal,)*) => {
        /// A localised string, by message key.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text {
            $($(#[doc = $doc])* $name,)*
        }

        impl Text {
            /// Every key, for the locale tests.
            pub const ALL: &'static [Text] = &[$(Text::$name,)*];

            /// The `messages.json` key. `const`, so that code which names one text (the
            /// launcher's `OpenAssistant`) carries only that key, not the whole table.
            pub const fn key(self) -> &'static str {
                match self {
                    $(Text::$name => $key,)*
                }
            }
        }
    };
}

texts! {
    /// Name of the extension.
    ExtName => "extName",
    /// Accessible name of the assistant dialog.
    AssistantTitle => "assistantTitle",
    /// Accessible name of the button that opens the assistant.
    OpenAssistant => "openAssistant",
    /// Accessible name of the button that closes the assistant.
    CloseAssistant => "closeAssistant",
    /// "You are on: $PAGE$".
    YouAreOn => "youAreOn",
    /// Heading over the list of closing steps.
    StepsHeading => "stepsHeading",
    /// Step 1.
    StepBackUp => "stepBackUp",
    /// Step 2.
    StepSettleOrders => "stepSettleOrders",
    /// Step 3.
    StepMoneyLeft => "stepMoneyLeft",
    /// Step 4.
    StepCloseAccount => "stepCloseAccount",
    /// Step 5.
    StepAfterClosing => "stepAfterClosing",
    /// Shown on aliexpress.ru, whose order pages the assistant can't read yet.
    RussiaNotSupported => "russiaNotSupported",
    /// Notice title when the page's security policy stops the assistant.
    BlockedTitle => "blockedTitle",
    /// Notice body: what the user can do.
    BlockedHelp => "blockedHelp",
    /// Notice title when the assistant failed to start for another reason.
    FailedTitle => "failedTitle",
    /// Accessible name of the notice's dismiss button.
    Dismiss => "dismiss",
    /// Popup: the current tab is an AliExpress page of the kind $PAGE$.
    PopupOnAliExpress => "popupOnAliExpress",
    /// Popup: the current tab is not AliExpress.
    PopupNotAliExpress => "popupNotAliExpress",
    /// Popup: AliExpress tab where the assistant is not running (page loaded before install).
    PopupNotRunning => "popupNotRunning",
    /// Popup button: open the assistant on this tab.
    PopupOpenHere => "popupOpenHere",
    /// Popup button: open the order list in a new tab.
    PopupGoToOrders => "popupGoToOrders",
    /// Heading of the backup section.
    BackupHeading => "backupHeading",
    /// Button that starts or resumes the backup.
    BackUp => "backUp",
    /// Button that reads the whole history again, instead of bringing a complete backup up
    /// to date.
    BackUpFully => "backUpFully",
    /// Said after a run that brought a complete backup up to date: what it read, what it
    /// kept.
    BackupRefreshed => "backupRefreshed",
    /// Button that stops the backup.
    Stop => "stop",
    /// Download button.
    DownloadJson => "downloadJson",
    /// Download button.
    DownloadCsvOrders => "downloadCsvOrders",
    /// Download button.
    DownloadCsvItems => "downloadCsvItems",
    /// Download button.
    DownloadReport => "downloadReport",
    /// Button: download the spreadsheet (.xlsx).
    DownloadXlsx => "downloadXlsx",
    /// Accessible name of the progress bar.
    BackupProgressLabel => "backupProgressLabel",
    /// Progress while reading the list, count unknown.
    ProgressList => "progressList",
    /// Progress while reading the list, count known.
    ProgressListOf => "progressListOf",
    /// Progress while reading detail pages.
    ProgressDetails => "progressDetails",
    /// The deep backup, offered: what it reads, how many orders are left, and how long.
    DeepOffer => "deepOffer",
    /// The deep backup, done.
    DeepDone => "deepDone",
    /// Button that starts the deep backup.
    DeepStart => "deepStart",
    /// Asks the user to solve the captcha.
    CaptchaPrompt => "captchaPrompt",
    /// A run was interrupted.
    BackupInterrupted => "backupInterrupted",
    /// Signed out during a run.
    SignedOutDuringBackup => "signedOutDuringBackup",
    /// Where to go to back up.
    BackupGoToList => "backupGoToList",
    /// A saved backup's size.
    SavedBackup => "savedBackup",
    /// A saved incomplete backup's size.
    SavedBackupIncomplete => "savedBackupIncomplete",
    /// Summary of a complete backup.
    BackupComplete => "backupComplete",
    /// Heading over what is missing.
    BackupIncomplete => "backupIncomplete",
    /// Counts in the summary.
    SummaryCounts => "summaryCounts",
    /// Years in the summary.
    SummaryYears => "summaryYears",
    /// Totals in the summary.
    SummaryTotals => "summaryTotals",
    /// Orders with something that could not be read.
    SummaryOrderWarnings => "summaryOrderWarnings",
    /// Orders read on "Deleted orders".
    SummaryDeleted => "summaryDeleted",
    /// No time filter confirmed that the list covered every year.
    SummaryAllTimeUnconfirmed => "summaryAllTimeUnconfirmed",
    /// The "Deleted orders" tab was not found.
    SummaryDeletedTabMissing => "summaryDeletedTabMissing",
    /// The user stopped the run.
    BackupStopped => "backupStopped",
    /// A run failed.
    BackupFailed => "backupFailed",
    /// A run stopped because storage is full; the last good save is kept.
    BackupStorageFull => "backupStorageFull",
    /// Title of the saved-backups page.
    BackupPageTitle => "backupPageTitle",
    /// Heading of one saved backup.
    BackupOf => "backupOf",
    /// When a backup was last read.
    LastRead => "lastRead",
    /// Accessible name of the order search box.
    SearchOrders => "searchOrders",
    /// Said after a backup was deleted.
    BackupDeleted => "backupDeleted",
    /// Button that draws the next rows of a long orders table.
    ShowMoreOrders => "showMoreOrders",
    /// "Showing $SHOWN$ of $TOTAL$ orders."
    ShowingOrders => "showingOrders",
    /// "Imported the backup of $SITE$: $COUNT$ orders."
    ImportDone => "importDone",
    /// The file is not JSON.
    ImportNotJson => "importNotJson",
    /// Another tab runs this site's backup.
    BackupRunningElsewhere => "backupRunningElsewhere",
    /// The backup was deleted (on the saved-backups page) while a run went on.
    BackupDeletedWhileRunning => "backupDeletedWhileRunning",
    /// The file is over the import's size limit: "$LIMIT$" megabytes.
    ImportTooLarge => "importTooLarge",
    /// JSON, but not one of this assistant's backups.
    ImportNotBackup => "importNotBackup",
    /// A backup from a newer version ($VERSION$).
    ImportNewer => "importNewer",
    /// A damaged backup; $REASON$ says where.
    ImportInvalid => "importInvalid",
    /// A backup of the same site is already saved ($SITE$).
    ImportExists => "importExists",
    /// An import refused because a backup of that site is running in a tab.
    ImportRunning => "importRunning",
    /// The file could not be read or saved ($REASON$).
    ImportFailed => "importFailed",
    /// Popup button that opens the saved-backups page.
    PopupOpenBackups => "popupOpenBackups",
    /// Table column.
    ColumnDate => "columnDate",
    /// Table column.
    ColumnOrder => "columnOrder",
    /// Table column.
    ColumnStatus => "columnStatus",
    /// Table column.
    ColumnStore => "columnStore",
    /// Table column.
    ColumnItems => "columnItems",
    /// Table column.
    ColumnTotal => "columnTotal",
    /// Verdict: something must be settled first.
    VerdictBlocked => "verdictBlocked",
    /// Verdict: unfinished orders.
    VerdictPending => "verdictPending",
    /// Verdict: nothing blocks, but.
    VerdictWarnings => "verdictWarnings",
    /// Verdict: no complete backup.
    VerdictNoBackup => "verdictNoBackup",
    /// Verdict: orders still under buyer protection.
    VerdictProtected => "verdictProtected",
    /// Verdict: ready to close.
    VerdictReady => "verdictReady",
    /// More items than listed.
    VerdictMore => "verdictMore",
    /// Page-kind names.
    PageOrderList => "pageOrderList",
    /// Page-kind name.
    PageOrderDetail => "pageOrderDetail",
    /// Page-kind name.
    PageTracking => "pageTracking",
    /// Page-kind name.
    PageWallet => "pageWallet",
    /// Page-kind name.
    PageCoins => "pageCoins",
    /// Page-kind name.
    PageCoupons => "pageCoupons",
    /// Page-kind name.
    PageAddressBook => "pageAddressBook",
    /// Page-kind name.
    PageAccountSettings => "pageAccountSettings",
    /// Page-kind name.
    PageDeleteAccount => "pageDeleteAccount",
    /// Page-kind name.
    PageDeactivateAccount => "pageDeactivateAccount",
    /// Page-kind name.
    PageLogin => "pageLogin",
    /// Page-kind name.
    PageOtherAliExpress => "pageOtherAliExpress",
    /// Page-kind name.
    PageNotAliExpress => "pageNotAliExpress",
    /// Asset name.
    AssetWallet => "assetWallet",
    /// Asset name.
    AssetCoins => "assetCoins",
    /// Asset name.
    AssetCoupons => "assetCoupons",
    /// Asset name.
    AssetGiftCards => "assetGiftCards",
    /// After-closing advice.
    AfterClearSiteData => "afterClearSiteData",
    /// After-closing advice.
    AfterChangePasswords => "afterChangePasswords",
    /// After-closing advice.
    AfterWatchStatements => "afterWatchStatements",
    /// Callout: account hub.
    GuideOpenSettings => "guideOpenSettings",
    /// Callout.
    GuideEditProfile => "guideEditProfile",
    /// Callout.
    GuideDeactivateLink => "guideDeactivateLink",
    /// Callout.
    GuideOpenDelete => "guideOpenDelete",
    /// Callout.
    GuideTypeAgree => "guideTypeAgree",
    /// Callout.
    GuideConfirmAgree => "guideConfirmAgree",
    /// Callout.
    GuideGetCode => "guideGetCode",
    /// Callout.
    GuideEnterCode => "guideEnterCode",
    /// Callout.
    GuideVerify => "guideVerify",
    /// Callout.
    GuideTickConfirm => "guideTickConfirm",
    /// Callout: the last click, which the user makes.
    GuideFinalDelete => "guideFinalDelete",
    /// Callout.
    GuideDeactivateEmail => "guideDeactivateEmail",
    /// Callout.
    GuideDeactivatePhrase => "guideDeactivatePhrase",
    /// Callout.
    GuideDeactivateReason => "guideDeactivateReason",
    /// Callout: the last click, which the user makes.
    GuideFinalDeactivate => "guideFinalDeactivate",
    /// Callout while the backup sets the time filter.
    GuideTimeFilter => "guideTimeFilter",
    /// Callout while the backup switches to the tab with every order.
    GuideAllOrdersTab => "guideAllOrdersTab",
    /// Callout while the backup opens "Deleted orders".
    GuideDeletedTab => "guideDeletedTab",
    /// Callout while the backup presses "View orders".
    GuideViewOrders => "guideViewOrders",
    /// Two controls could be the next step, and nothing tells them apart.
    GuideAmbiguous => "guideAmbiguous",
    /// The next control can't be found on this page.
    GuideNotFound => "guideNotFound",
    /// Added to the last step's callout while something blocks.
    GuideStillBlocked => "guideStillBlocked",
    /// Heading of the guide section.
    GuideHeading => "guideHeading",
    /// Route name.
    RoutePrivacy => "routePrivacy",
    /// Route name.
    RouteDeactivate => "routeDeactivate",
    /// Route name.
    RouteApp => "routeApp",
    /// Route name.
    RouteLetter => "routeLetter",
    /// Route in words.
    RoutePrivacyWords => "routePrivacyWords",
    /// Route in words.
    RouteDeactivateWords => "routeDeactivateWords",
    /// Route in words.
    RouteAppWords => "routeAppWords",
    /// Route in words.
    RouteLetterWords => "routeLetterWords",
    /// App step.
    AppStepSettings => "appStepSettings",
    /// App step.
    AppStepDelete => "appStepDelete",
    /// App step.
    AppStepCode => "appStepCode",
    /// App step.
    AppStepTick => "appStepTick",
    /// App step.
    AppStepConfirm => "appStepConfirm",
    /// Heading of the routes section.
    RoutesHeading => "routesHeading",
    /// Link that opens a route's page.
    OpenRoute => "openRoute",
    /// Button that opens the letter page.
    WriteLetter => "writeLetter",
    /// Pointer to AliExpress's own data download.
    DownloadDataPointer => "downloadDataPointer",
    /// Button: the user made the request another way.
    MarkRequested => "markRequested",
    /// Button: forget the recorded request.
    ForgetRequest => "forgetRequest",
    /// When the request was made.
    RequestSent => "requestSent",
    /// Still signed in 72 hours after the request.
    RequestOverdue => "requestOverdue",
    /// Next step.
    NextStepSupport => "nextStepSupport",
    /// Next step.
    NextStepFollowUp => "nextStepFollowUp",
    /// Next step.
    NextStepEscalate => "nextStepEscalate",
    /// Heading of the after-closing checklist.
    AfterHeading => "afterHeading",
    /// Heading of the money section.
    MoneyHeading => "moneyHeading",
    /// Asset holds nothing.
    MoneyZero => "moneyZero",
    /// Asset holds nothing, as the user said.
    MoneyZeroByUser => "moneyZeroByUser",
    /// Asset holds something.
    MoneyHeld => "moneyHeld",
    /// Asset holds something, as the user said.
    MoneyHeldByUser => "moneyHeldByUser",
    /// Asset not checked.
    MoneyUnchecked => "moneyUnchecked",
    /// Asset page unreadable.
    MoneyUnreadable => "moneyUnreadable",
    /// Gift cards: no page to read.
    MoneyGiftCardsHelp => "moneyGiftCardsHelp",
    /// Link to an asset's page.
    MoneyOpenPage => "moneyOpenPage",
    /// The report's language tag (BCP 47), for its `html lang`.
    ReportLang => "reportLang",
    /// Title of the offline report; $1 is the day it was saved.
    ReportTitle => "reportTitle",
    /// Report: how many orders, from which site, saved when and by what.
    ReportLead => "reportLead",
    /// Report: the backup is complete.
    ReportComplete => "reportComplete",
    /// Report: the backup is incomplete (bold).
    ReportIncomplete => "reportIncomplete",
    /// Report: before the list of what is missing.
    ReportMissing => "reportMissing",
    /// Report heading: what the backup does not hold.
    ReportNotKeptHeading => "reportNotKeptHeading",
    /// Report heading over the totals table.
    ReportTotalsHeading => "reportTotalsHeading",
    /// Report column.
    ReportYear => "reportYear",
    /// Report column.
    ReportCurrency => "reportCurrency",
    /// Report column and heading: orders.
    ReportOrders => "reportOrders",
    /// Report column: an order's total.
    ReportTotal => "reportTotal",
    /// Report heading over the spending charts.
    ReportSpendingHeading => "reportSpendingHeading",
    /// Report chart title; $1 is a currency code.
    ReportSpendingPerYear => "reportSpendingPerYear",
    /// Report chart title; $1 is a currency code.
    ReportSpendingPerMonth => "reportSpendingPerMonth",
    /// Report: no chart can be drawn.
    ReportNoSpending => "reportNoSpending",
    /// Report heading and chart title.
    ReportTopStores => "reportTopStores",
    /// Report heading and chart title.
    ReportByStatus => "reportByStatus",
    /// Report chart figure: exactly one order.
    ReportOneOrder => "reportOneOrder",
    /// Report chart figure: $1 orders (never 1).
    ReportOrderCount => "reportOrderCount",
    /// Report: an order state.
    ReportStateCompleted => "reportStateCompleted",
    /// Report: an order state.
    ReportStateClosed => "reportStateClosed",
    /// Report: an order state.
    ReportStateAwaitingPayment => "reportStateAwaitingPayment",
    /// Report: an order state.
    ReportStateAwaitingShipment => "reportStateAwaitingShipment",
    /// Report: an order state.
    ReportStateAwaitingDelivery => "reportStateAwaitingDelivery",
    /// Report: an order state.
    ReportStateUnknown => "reportStateUnknown",
    /// Report: accessible name of the search box.
    ReportSearchLabel => "reportSearchLabel",
    /// Report: placeholder of the search box.
    ReportSearchPlaceholder => "reportSearchPlaceholder",
    /// Report column: the day an order was placed.
    ReportDate => "reportDate",
    /// Report column: the order number.
    ReportOrder => "reportOrder",
    /// Report column.
    ReportStatus => "reportStatus",
    /// Report column.
    ReportStore => "reportStore",
    /// Report column.
    ReportItems => "reportItems",
    /// Spreadsheet and CSV column: the order number.
    ColOrderId => "colOrderId",
    /// Spreadsheet and CSV column: the order's state as the JSON names it.
    ColState => "colState",
    /// Spreadsheet and CSV column.
    ColStoreLink => "colStoreLink",
    /// Spreadsheet and CSV column: the total as the page showed it.
    ColTotalAsShown => "colTotalAsShown",
    /// Spreadsheet and CSV column.
    ColTracking => "colTracking",
    /// Spreadsheet and CSV column: the order's detail page.
    ColOrderLink => "colOrderLink",
    /// Spreadsheet and CSV column: refund and dispute notes.
    ColNotes => "colNotes",
    /// Spreadsheet and CSV column: what could not be read.
    ColWarnings => "colWarnings",
    /// Column heading and report label: the payment method the detail page shows.
    ColPaymentMethod => "colPaymentMethod",
    /// Column heading and report label: the shipping address the detail page shows.
    ColShipTo => "colShipTo",
    /// Column heading and report label: the detail page's price breakdown.
    ColPriceBreakdown => "colPriceBreakdown",
    /// Column heading (addresses): the recipient's name.
    ColName => "colName",
    /// Column heading (addresses): the phone number.
    ColPhone => "colPhone",
    /// Column heading (addresses): street.
    ColStreet => "colStreet",
    /// Column heading (addresses): city.
    ColCity => "colCity",
    /// Column heading (addresses): state, province or region.
    ColRegion => "colRegion",
    /// Column heading (addresses): postcode.
    ColPostcode => "colPostcode",
    /// Column heading (addresses): country.
    ColCountry => "colCountry",
    /// Column heading (addresses): the default address.
    ColDefault => "colDefault",
    /// Column heading (addresses): every line as shown.
    ColAsShown => "colAsShown",
    /// Button: the addresses as CSV.
    DownloadCsvAddresses => "downloadCsvAddresses",
    /// The report's and the spreadsheet's saved addresses.
    ReportAddresses => "reportAddresses",
    /// Panel heading on the address book.
    AddressesHeading => "addressesHeading",
    /// How many addresses the address book shows.
    AddressesFound => "addressesFound",
    /// Button: save the page's addresses into the backup.
    AddressesSave => "addressesSave",
    /// How many addresses the backup holds, and when read.
    AddressesSaved => "addressesSaved",
    /// Neither reader found an address.
    AddressesUnreadable => "addressesUnreadable",
    /// The addresses were read by structure, line by line.
    AddressesStructure => "addressesStructure",
    /// Off the address book: no saved address in the backup yet.
    AddressesNotYet => "addressesNotYet",
    /// Link to the address book.
    AddressesOpen => "addressesOpen",
    /// Page kind.
    PageFeedback => "pageFeedback",
    /// Column heading (reviews): the product's id.
    ColProductId => "colProductId",
    /// Column heading (reviews): the stars given, 1 to 5.
    ColStars => "colStars",
    /// Column heading (reviews): what the user wrote.
    ColReviewText => "colReviewText",
    /// Column heading (reviews): how many photos the review shows.
    ColPhotos => "colPhotos",
    /// Button: download the saved reviews as CSV.
    DownloadCsvReviews => "downloadCsvReviews",
    /// Heading of the report's and the spreadsheet's reviews (sheet name: at most 31 characters).
    ReportReviews => "reportReviews",
    /// Panel section heading on the feedback page.
    ReviewsHeading => "reviewsHeading",
    /// Panel, feedback page: how many reviews this page shows.
    ReviewsFound => "reviewsFound",
    /// Button: read every page of the user's reviews into the backup.
    ReviewsSave => "reviewsSave",
    /// Panel, feedback page: what the save button does.
    ReviewsPaging => "reviewsPaging",
    /// Panel: a reading of every review page is under way.
    ReviewsReading => "reviewsReading",
    /// Button: stop reading the review pages.
    ReviewsStop => "reviewsStop",
    /// Panel: how many reviews the backup holds, and when they were read.
    ReviewsSaved => "reviewsSaved",
    /// Panel and report: the last reading of the reviews stopped before the last page.
    ReviewsPartial => "reviewsPartial",
    /// Panel, feedback page: neither reader found a review.
    ReviewsUnreadable => "reviewsUnreadable",
    /// Panel, feedback page: the reviews were read by structure only.
    ReviewsStructure => "reviewsStructure",
    /// Panel, off the feedback page: the backup holds no review yet.
    ReviewsNotYet => "reviewsNotYet",
    /// Link to the feedback page, where the reviews can be saved.
    ReviewsOpen => "reviewsOpen",

    /// The backup warning `list_not_finished`.
    WarnListNotFinished => "warnListNotFinished",
    /// The backup warning `details_missing`.
    WarnDetailsMissing => "warnDetailsMissing",
    /// The backup warning `count_mismatch`.
    WarnCountMismatch => "warnCountMismatch",
    /// The backup warning `unfinished_count_mismatch`.
    WarnUnfinishedCountMismatch => "warnUnfinishedCountMismatch",
    /// The backup warning `orders_without_items`.
    WarnOrdersWithoutItems => "warnOrdersWithoutItems",
    /// The backup warning `signed_out`.
    WarnSignedOut => "warnSignedOut",
    /// The backup warning `not_all_orders`.
    WarnNotAllOrders => "warnNotAllOrders",
    /// The backup warning `captcha_unsolved`.
    WarnCaptchaUnsolved => "warnCaptchaUnsolved",
    /// The backup warning `page_not_responding`.
    WarnPageNotResponding => "warnPageNotResponding",
    /// The backup warning `page_unreadable`.
    WarnPageUnreadable => "warnPageUnreadable",
    /// The order warning `unknown_status`.
    WarnUnknownStatus => "warnUnknownStatus",
    /// The order warning `unreadable_date`.
    WarnUnreadableDate => "warnUnreadableDate",
    /// The order warning `missing_total`.
    WarnMissingTotal => "warnMissingTotal",
    /// The order warning `details_incomplete`.
    WarnDetailsIncomplete => "warnDetailsIncomplete",
    /// Spreadsheet and CSV column (items).
    ColOrderStatus => "colOrderStatus",
    /// Spreadsheet and CSV column: the product's title.
    ColTitle => "colTitle",
    /// Spreadsheet and CSV column: colour, size…
    ColVariant => "colVariant",
    /// Spreadsheet and CSV column.
    ColQuantity => "colQuantity",
    /// Spreadsheet and CSV column.
    ColUnitPrice => "colUnitPrice",
    /// Spreadsheet and CSV column: the unit price as the page showed it.
    ColUnitPriceAsShown => "colUnitPriceAsShown",
    /// Spreadsheet and CSV column.
    ColProductLink => "colProductLink",
    /// Spreadsheet and CSV column: the product picture's address.
    ColPictureLink => "colPictureLink",
    /// Link to the privacy policy, on the popup and the saved-backups page.
    PrivacyPolicy => "privacyPolicy",
    /// Folding line over what the backup leaves out (`core::not_kept`).
    NotKeptHeading => "notKeptHeading",
    /// Left out: conversations with sellers.
    NotKeptMessages => "notKeptMessages",
    /// What to do about the messages.
    NotKeptMessagesAdvice => "notKeptMessagesAdvice",
    /// Left out: payment cards saved to the account.
    NotKeptCards => "notKeptCards",
    /// What to do about the cards.
    NotKeptCardsAdvice => "notKeptCardsAdvice",
    /// Left out: what was sent in refunds and disputes.
    NotKeptDisputes => "notKeptDisputes",
    /// What to do about dispute evidence.
    NotKeptDisputesAdvice => "notKeptDisputesAdvice",
    /// Button: the user says it is zero.
    ConfirmZero => "confirmZero",
    /// Button: the user says something is left.
    ConfirmNotZero => "confirmNotZero",
    /// Verdict line: money left.
    VerdictMoney => "verdictMoney",
    /// Verdict line: money not checked.
    VerdictUnchecked => "verdictUnchecked",
    /// Verdict: an order's refund or dispute is open.
    VerdictOpenCase => "verdictOpenCase",
    /// Step state, for screen readers.
    StepStateDone => "stepStateDone",
    /// Step state, for screen readers.
    StepStateCurrent => "stepStateCurrent",
    /// Letter page title.
    LetterPageTitle => "letterPageTitle",
    /// Where the address comes from.
    LetterToSource => "letterToSource",
    /// Said after copying.
    LetterCopied => "letterCopied",
    /// The e-mail is missing.
    LetterEmailNeeded => "letterEmailNeeded",
    /// Popup button: open the letter page.
    PopupOpenLetter => "popupOpenLetter",
    /// The page report, in a sentence, above its button.
    PageReportIntro => "pageReportIntro",
    /// Button: save a page report.
    SavePageReport => "savePageReport",
    /// Said once the report is saved: "$NAME$".
    PageReportSaved => "pageReportSaved",
    /// Said when it couldn't be made.
    PageReportFailed => "pageReportFailed",
    /// Said after the panel saved a backup file to the downloads.
    FileSaved => "fileSaved",
    /// Said when the browser refused to save a backup file.
    FileSaveFailed => "fileSaveFailed",
}
