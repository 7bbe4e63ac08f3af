//! A locale's `_locales/<locale>/messages.json` as a `Translate`, substituting as
//! `chrome.i18n.getMessage` does: each `$NAME$` becomes its placeholder's content (`$1`…),
//! and each `$n` the n-th substitution. For the native tests of what the core writes in the
//! user's language (the offline report).

use exit_assistant::core::text::{Text, Translate};
use serde_json::Value;

pub struct Messages(Value);

impl Messages {
    pub fn load(locale: &str) -> Messages {
        let path = format!(
            "{}/extension/_locales/{locale}/messages.json",
            env!("CARGO_MANIFEST_DIR")
        );
        Messages(serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap())
    }
}

impl Translate for Messages {
    fn text(&self, text: Text, substitutions: &[&str]) -> String {
        let entry = &self.0[text.key()];
        let mut message = entry["message"].as_str().unwrap_or_default().to_owned();
        if let Some(placeholders) = entry["placeholders"].as_object() {
            for (name, placeholder) in placeholders {
                let content = placeholder["content"].as_str().unwrap_or_default();
                message = message.replace(&format!("${}$", name.to_uppercase()), content);
            }
        }
        // Highest first, so `$1` doesn't eat the start of `$10`.
        for (n, value) in substitutions.iter().enumerate().rev() {
            message = message.replace(&format!("${}", n + 1), value);
        }
        message
    }
}
