//! The controls of each closing step, kept as data beside the fixture pages in
//! `tests/fixtures/site/` that prove them (`tests/guide.rs` walks each fixture's stages).
//!
//! Controls are found by role and by their name in the page's language, never by class names
//! (AliExpress's are hashed and change). Names are lower-case. English names are [V-doc]
//! (`docs/closing-guide.md`, "Sources": websparkpk.com, etechshout.com, asapguide.com); the
//! Polish phrase "Dezaktywuj moje konto" is [V-doc] (geekssquads.net); the other translations
//! are [G].

use super::page::PageKind;
use super::text::Text;

/// What kind of control a step uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A button (or anything acting as one).
    Button,
    /// A link to the next page.
    Link,
    /// A text field.
    TextBox,
    /// A drop-down.
    Select,
    /// A tick box.
    Checkbox,
}

/// How a step's control is found.
#[derive(Debug)]
pub struct ControlRule {
    /// Its role.
    pub role: Role,
    /// Its name in each language: a button's or link's whole name, or words a field's label
    /// contains.
    pub names: &'static [&'static str],
    /// CSS selectors tried when no name matches: ids, `name` and `type` attributes, never class
    /// names.
    pub fallback: &'static [&'static str],
}

/// When a step counts as done while its control is still on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoneWhen {
    /// Once a later step's control shows (links and buttons).
    Passed,
    /// The field holds one of these words (case-insensitive).
    Holds(&'static [&'static str]),
    /// The field is filled (or the box ticked).
    Filled,
    /// The next step's field is filled ("Get code" is done once a code is typed).
    NextFilled,
}

/// Names for one step of the guide, for `data-step` and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepId {
    /// Account hub: Settings.
    OpenSettings,
    /// Settings: Edit profile.
    EditProfile,
    /// Edit profile: Deactivate account.
    DeactivateLink,
    /// Privacy centre: Delete my account.
    OpenDelete,
    /// Type "agree".
    TypeAgree,
    /// Delete (after "agree").
    ConfirmAgree,
    /// Get code.
    GetCode,
    /// Type the code.
    EnterCode,
    /// Verify.
    Verify,
    /// Tick "Yes, I want to permanently close my account".
    TickConfirm,
    /// Delete account: the last, irreversible click.
    FinalDelete,
    /// Older page: e-mail.
    DeactivateEmail,
    /// Older page: the phrase.
    DeactivatePhrase,
    /// Older page: the reason.
    DeactivateReason,
    /// Older page: Deactivate My Account, the last click.
    FinalDeactivate,
}

/// One step: where it happens, its control, and what to tell the user.
#[derive(Debug)]
pub struct GuideStep {
    /// Its name.
    pub id: StepId,
    /// The page it happens on.
    pub page: PageKind,
    /// Its control.
    pub control: ControlRule,
    /// When it counts as done.
    pub done_when: DoneWhen,
    /// The callout beside the ring.
    pub callout: Text,
    /// The irreversible last click. The assistant never clicks anything; this one it also
    /// watches, to note the date of the request when the user clicks it.
    pub last: bool,
}

const AGREE: &[&str] = &[
    "agree",
    "zustimmen",
    "acepto",
    "accepter",
    "concordo",
    "согласен",
    "zgadzam się",
    "동의",
];

const DEACTIVATE_PHRASES: &[&str] = &[
    "deactivate my account",
    "mein konto deaktivieren",
    "desactivar mi cuenta",
    "désactiver mon compte",
    "desativar minha conta",
    "деактивировать мой аккаунт",
    "dezaktywuj moje konto",
    "내 계정 비활성화",
];

const fn step(
    id: StepId,
    page: PageKind,
    role: Role,
    names: &'static [&'static str],
    done_when: DoneWhen,
    callout: Text,
) -> GuideStep {
    GuideStep {
        id,
        page,
        control: ControlRule {
            role,
            names,
            fallback: &[],
        },
        done_when,
        callout,
        last: false,
    }
}

use DoneWhen::{Filled, Holds, NextFilled, Passed};
use PageKind::{AccountSettings, DeactivateAccount, DeleteAccount};
use Role::{Button, Checkbox, Link, Select, TextBox};

/// Every step, in order within each page.
pub static GUIDE_STEPS: &[GuideStep] = &[
    // Account → Settings → Edit profile → "Deactivate account" [V-doc websparkpk.com].
    step(
        StepId::OpenSettings,
        AccountSettings,
        Link,
        &[
            "settings",
            "account settings",
            "einstellungen",
            "kontoeinstellungen",
            "ajustes",
            "configuración",
            "paramètres",
            "configurações",
            "настройки",
            "ustawienia",
            "설정",
        ],
        Passed,
        Text::GuideOpenSettings,
    ),
    step(
        StepId::EditProfile,
        AccountSettings,
        Link,
        &[
            "edit profile",
            "edit member profile",
            "profil bearbeiten",
            "editar perfil",
            "modifier le profil",
            "редактировать профиль",
            "edytuj profil",
            "프로필 편집",
        ],
        Passed,
        Text::GuideEditProfile,
    ),
    step(
        StepId::DeactivateLink,
        AccountSettings,
        Link,
        &[
            "deactivate account",
            "konto deaktivieren",
            "desactivar cuenta",
            "désactiver le compte",
            "desativar conta",
            "деактивировать аккаунт",
            "dezaktywuj konto",
            "계정 비활성화",
        ],
        Passed,
        Text::GuideDeactivateLink,
    ),
    // privacy.aliexpress.com/home#/request/delete [V JDM; the stages V-doc websparkpk.com].
    step(
        StepId::OpenDelete,
        DeleteAccount,
        Button,
        &[
            "delete my account",
            "mein konto löschen",
            "eliminar mi cuenta",
            "supprimer mon compte",
            "excluir minha conta",
            "удалить мой аккаунт",
            "usuń moje konto",
            "내 계정 삭제",
        ],
        Passed,
        Text::GuideOpenDelete,
    ),
    step(
        StepId::TypeAgree,
        DeleteAccount,
        TextBox,
        AGREE,
        Holds(AGREE),
        Text::GuideTypeAgree,
    ),
    step(
        StepId::ConfirmAgree,
        DeleteAccount,
        Button,
        &[
            "delete",
            "löschen",
            "eliminar",
            "supprimer",
            "excluir",
            "удалить",
            "usuń",
            "삭제",
        ],
        Passed,
        Text::GuideConfirmAgree,
    ),
    step(
        StepId::GetCode,
        DeleteAccount,
        Button,
        &[
            "get code",
            "send code",
            "code anfordern",
            "code senden",
            "obtener código",
            "enviar código",
            "obtenir le code",
            "envoyer le code",
            "obter código",
            "получить код",
            "отправить код",
            "pobierz kod",
            "wyślij kod",
            "인증번호 받기",
            "코드 받기",
        ],
        NextFilled,
        Text::GuideGetCode,
    ),
    step(
        StepId::EnterCode,
        DeleteAccount,
        TextBox,
        &["code", "código", "код", "kod", "코드", "인증번호"],
        Filled,
        Text::GuideEnterCode,
    ),
    step(
        StepId::Verify,
        DeleteAccount,
        Button,
        &[
            "verify",
            "bestätigen",
            "verifizieren",
            "verificar",
            "vérifier",
            "подтвердить",
            "zweryfikuj",
            "potwierdź",
            "확인",
            "인증",
        ],
        Passed,
        Text::GuideVerify,
    ),
    // The app's wording [V-doc etechshout.com]; the web page may show the same box.
    step(
        StepId::TickConfirm,
        DeleteAccount,
        Checkbox,
        &[
            "permanently",
            "dauerhaft",
            "permanentemente",
            "définitivement",
            "навсегда",
            "trwale",
            "영구",
        ],
        Filled,
        Text::GuideTickConfirm,
    ),
    GuideStep {
        last: true,
        ..step(
            StepId::FinalDelete,
            DeleteAccount,
            Button,
            &[
                "delete account",
                "konto löschen",
                "eliminar cuenta",
                "supprimer le compte",
                "excluir conta",
                "удалить аккаунт",
                "usuń konto",
                "계정 삭제",
            ],
            Passed,
            Text::GuideFinalDelete,
        )
    },
    // accounts.aliexpress.com/user/organization/deactive_account.htm [V JDM 2020–2021; the
    // form V-doc asapguide.com].
    GuideStep {
        control: ControlRule {
            role: TextBox,
            names: &["e-mail", "email", "correo", "courriel", "почта", "이메일"],
            fallback: &["input[type=\"email\"]", "input[name=\"email\"]"],
        },
        ..step(
            StepId::DeactivateEmail,
            DeactivateAccount,
            TextBox,
            &[],
            Filled,
            Text::GuideDeactivateEmail,
        )
    },
    step(
        StepId::DeactivatePhrase,
        DeactivateAccount,
        TextBox,
        DEACTIVATE_PHRASES,
        Holds(DEACTIVATE_PHRASES),
        Text::GuideDeactivatePhrase,
    ),
    GuideStep {
        control: ControlRule {
            role: Select,
            names: &[
                "reason",
                "grund",
                "motivo",
                "raison",
                "причина",
                "powód",
                "사유",
                "이유",
            ],
            fallback: &["select"],
        },
        ..step(
            StepId::DeactivateReason,
            DeactivateAccount,
            Select,
            &[],
            Filled,
            Text::GuideDeactivateReason,
        )
    },
    GuideStep {
        last: true,
        ..step(
            StepId::FinalDeactivate,
            DeactivateAccount,
            Button,
            DEACTIVATE_PHRASES,
            Passed,
            Text::GuideFinalDeactivate,
        )
    },
];
