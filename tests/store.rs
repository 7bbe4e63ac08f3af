//! The store listings (`store/<locale>.md`): one per locale the extension speaks, each with a
//! short description that is the manifest's own (the Chrome Web Store shows the manifest's
//! description as the summary) and a long description within the stores' limits.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The text under `# heading` in `markdown`, up to the next top-level heading.
fn section<'a>(markdown: &'a str, heading: &str) -> Option<&'a str> {
    let start = markdown.find(&format!("# {heading}\n"))? + heading.len() + 3;
    let rest = &markdown[start..];
    let end = rest.find("\n# ").unwrap_or(rest.len());
    Some(rest[..end].trim())
}

fn locales() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(Path::new(ROOT).join("extension/_locales"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn every_locale_has_a_listing_whose_summary_is_the_manifests_description() {
    let locales = locales();
    assert_eq!(locales.len(), 8, "{locales:?}");
    for locale in &locales {
        let path = Path::new(ROOT).join(format!("store/{locale}.md"));
        let listing =
            fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let messages: serde_json::Value = serde_json::from_str(
            &fs::read_to_string(
                Path::new(ROOT).join(format!("extension/_locales/{locale}/messages.json")),
            )
            .unwrap(),
        )
        .unwrap();
        let short = section(&listing, "Short description").expect("a short description");
        assert_eq!(short, messages["extDescription"]["message"], "{locale}");
        // The Chrome Web Store's limit for the summary.
        assert!(short.chars().count() <= 132, "{locale}: {short}");
        let long = section(&listing, "Long description").expect("a long description");
        // Long enough to say what it does, inside both stores' limits (16,000 characters).
        let length = long.chars().count();
        assert!(
            (800..=16_000).contains(&length),
            "{locale}: {length} characters"
        );
        // Every listing says it is not AliExpress's own tool.
        assert!(
            long.contains("AliExpress") && long.contains("Alibaba"),
            "{locale}"
        );
    }
}
