//! The legal route: a deletion request (GDPR Art. 17 / CCPA) or a data-access request
//! (GDPR Art. 15) to AliExpress's privacy contact, written in English, the language the
//! contact asks for.

use serde::{Deserialize, Serialize};

/// AliExpress's privacy contact [V: datarequests.org's company record for AliExpress, from
/// AliExpress's privacy policy, `rule.alibaba.com/rule/detail/2034.htm`]. The user can edit it.
pub const PRIVACY_CONTACT: &str = "dataprotection.ae@aliexpress.com";
/// Where the contact comes from, shown to the user.
pub const PRIVACY_CONTACT_SOURCE: &str = "https://rule.alibaba.com/rule/detail/2034.htm";
/// The postal address from the same record.
pub const PRIVACY_POSTAL: &str = "AliExpress.com, c/o Alibaba.com Singapore E-Commerce Private Limited, 10 Collyer Quay, #10-01 Ocean Financial Centre, Singapore 049315, Republic of Singapore";

/// Which request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LetterKind {
    /// Delete my account and data.
    Erasure,
    /// Send me a copy of my data.
    Access,
}

/// Where the user lives, which decides the law the letter cites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// The EU or EEA: the GDPR.
    Eea,
    /// The United Kingdom: the UK GDPR.
    Uk,
    /// California: the CCPA as amended by the CPRA.
    California,
    /// Elsewhere: the letter asks under the law that applies, citing the GDPR as the model.
    Other,
}

impl Region {
    /// Every region, in the order the form lists them.
    pub const ALL: [Region; 4] = [Region::Eea, Region::Uk, Region::California, Region::Other];

    /// The value in the form.
    pub fn name(self) -> &'static str {
        match self {
            Region::Eea => "eea",
            Region::Uk => "uk",
            Region::California => "california",
            Region::Other => "other",
        }
    }

    /// The region named `name`, if any.
    pub fn from_name(name: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.name() == name)
    }
}

/// What the user filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterInput {
    /// Which request.
    pub kind: LetterKind,
    /// Their region.
    pub region: Region,
    /// The account's e-mail address, as the user typed or confirmed it.
    pub email: String,
    /// Their name, if they give it.
    pub name: String,
    /// The recipient (defaults to [`PRIVACY_CONTACT`]).
    pub to: String,
}

/// A letter ready to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// Recipient.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Body, plain text.
    pub body: String,
}

impl Letter {
    /// The letter as one text, for copying and downloading.
    pub fn full_text(&self) -> String {
        format!(
            "To: {}\nSubject: {}\n\n{}",
            self.to, self.subject, self.body
        )
    }
}

/// Writes the letter. `today` is `YYYY-MM-DD`.
///
/// ```
/// use exit_assistant::core::letter::*;
/// let letter = write_letter(&LetterInput {
///     kind: LetterKind::Erasure,
///     region: Region::Eea,
///     email: "jane@example.com".into(),
///     name: String::new(),
///     to: PRIVACY_CONTACT.into(),
/// }, "2026-11-22");
/// assert!(letter.subject.contains("Article 17"));
/// assert!(letter.body.contains("jane@example.com"));
/// ```
pub fn write_letter(input: &LetterInput, today: &str) -> Letter {
    let email = one_line(&input.email);
    let name = one_line(&input.name);
    let (law, deadline) = match input.region {
        Region::Eea => ("the General Data Protection Regulation (GDPR)", GDPR_DEADLINE),
        Region::Uk => ("the UK General Data Protection Regulation (UK GDPR)", GDPR_DEADLINE),
        Region::California => (
            "the California Consumer Privacy Act (CCPA), as amended by the CPRA",
            "Please respond within 45 days, as Cal. Civ. Code § 1798.130 requires.",
        ),
        Region::Other => (
            "the data-protection law that applies to me, and in line with the GDPR, which your privacy policy recognises",
            GDPR_DEADLINE,
        ),
    };
    let (subject, request) = match (input.kind, input.region) {
        (LetterKind::Erasure, Region::California) => (
            "Request to delete personal information (CCPA, Cal. Civ. Code § 1798.105)",
            "I request that you delete all personal information you have collected about me, under Cal. Civ. Code § 1798.105, close my AliExpress account, and direct your service providers and contractors to delete it too.",
        ),
        (LetterKind::Erasure, _) => (
            "Request for erasure of personal data (Article 17 GDPR)",
            "I request the erasure of all personal data you hold about me, under Article 17 of the GDPR, and the closure of my AliExpress account. Please also tell every recipient to whom my data was disclosed (Article 19).",
        ),
        (LetterKind::Access, Region::California) => (
            "Request to know personal information (CCPA, Cal. Civ. Code § 1798.110)",
            "I request a copy of the specific pieces of personal information you have collected about me, the categories of sources, the purposes, and the categories of third parties you disclosed it to, under Cal. Civ. Code § 1798.110.",
        ),
        (LetterKind::Access, _) => (
            "Request for access to personal data (Article 15 GDPR)",
            "I request a copy of all personal data you hold about me, under Article 15 of the GDPR, together with the purposes of the processing, the recipients, the storage period, and the source of any data not collected from me.",
        ),
    };
    let signature = if name.is_empty() {
        email.clone()
    } else {
        format!("{name}\n{email}")
    };
    let body = format!(
        "Dear AliExpress data protection team,\n\n\
         I am writing under {law}, about the AliExpress account registered to the e-mail address {email}.\n\n\
         {request}\n\n\
         {deadline} If you need to confirm my identity, please reply to this address: it is the one registered to the account.\n\n\
         Yours faithfully,\n{signature}\n{today}\n"
    );
    Letter {
        to: one_line(&input.to),
        subject: subject.to_owned(),
        body,
    }
}

const GDPR_DEADLINE: &str = "Please respond without undue delay and within one month of receiving this request, as Article 12(3) requires.";

/// Text fit for one line of a letter header: control characters (a typed line break could add
/// mail headers) become spaces.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: LetterKind, region: Region) -> LetterInput {
        LetterInput {
            kind,
            region,
            email: "jane@example.com\r\nBcc: evil@example.com".into(),
            name: "Jane Doe".into(),
            to: PRIVACY_CONTACT.into(),
        }
    }

    #[test]
    fn each_region_cites_its_law() {
        let cases = [
            (Region::Eea, "Article 17", "one month"),
            (Region::Uk, "UK GDPR", "one month"),
            (Region::California, "1798.105", "45 days"),
            (Region::Other, "applies to me", "one month"),
        ];
        for (region, law, deadline) in cases {
            let letter = write_letter(&input(LetterKind::Erasure, region), "2026-11-22");
            let text = letter.full_text();
            assert!(text.contains(law), "{region:?}: {text}");
            assert!(text.contains(deadline), "{region:?}");
            assert!(text.contains("Jane Doe"));
        }
        let access = write_letter(&input(LetterKind::Access, Region::Eea), "2026-11-22");
        assert!(access.subject.contains("Article 15"));
        let know = write_letter(&input(LetterKind::Access, Region::California), "2026-11-22");
        assert!(know.subject.contains("1798.110"));
    }

    #[test]
    fn typed_line_breaks_cannot_add_headers() {
        let letter = write_letter(&input(LetterKind::Erasure, Region::Eea), "2026-11-22");
        assert!(!letter.body.contains("\r"));
        assert!(letter
            .body
            .contains("jane@example.com Bcc: evil@example.com"));
        assert_eq!(letter.to, PRIVACY_CONTACT);
    }
}
