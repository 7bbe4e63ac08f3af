//! The shape of the code: no two files in `src/` use each other, directly or around a circle
//! (a folder's `mod.rs` that re-exports a file's items counts as using that file; one that
//! only declares its files doesn't), and no code file outgrows 300 lines except the data
//! tables the README names.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Files allowed past 300 lines: site knowledge and strings kept as data.
const DATA_TABLES: [&str; 4] = [
    "core/page_rules.rs",
    "core/list_rules.rs",
    "core/guide_rules.rs",
    "core/text.rs",
];

fn rust_files(dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.to_string_lossy().into_owned());
        }
    }
}

/// `src/core/parse/mod.rs` → `["core", "parse"]`.
fn module_of(file: &str) -> Vec<String> {
    let rel = file.split("/src/").nth(1).unwrap().trim_end_matches(".rs");
    let mut parts: Vec<String> = rel.split('/').map(str::to_owned).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The paths a file names: `crate::a::b` and `super::…::a::b`, resolved to modules.
fn paths_named(text: &str, me: &[String]) -> Vec<Vec<String>> {
    // Unit tests may use anything of their own file.
    let code = text
        .split("#[cfg(test)]\nmod tests {")
        .next()
        .unwrap_or(text);
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let word_start = i == 0
            || !(bytes[i - 1].is_ascii_alphanumeric()
                || bytes[i - 1] == b'_'
                || bytes[i - 1] == b':');
        if word_start && (rest.starts_with("crate::") || rest.starts_with("super::")) {
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            let segments: Vec<&str> = rest[..end].split("::").filter(|s| !s.is_empty()).collect();
            let ups = segments.iter().take_while(|s| **s == "super").count();
            let mut path: Vec<String> = if segments[0] == "crate" {
                Vec::new()
            } else {
                me[..me.len().saturating_sub(ups)].to_vec()
            };
            let skip = if segments[0] == "crate" { 1 } else { ups };
            path.extend(segments[skip..].iter().map(|s| (*s).to_owned()));
            found.push(path);
            i += end;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

#[test]
fn no_two_files_use_each_other_and_no_code_file_is_over_300_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let by_module: BTreeMap<Vec<String>, String> =
        files.iter().map(|f| (module_of(f), f.clone())).collect();
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut too_long = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        let rel = file.split("/src/").nth(1).unwrap();
        if text.lines().count() > 300 && !DATA_TABLES.contains(&rel) {
            too_long.push(format!("{rel}: {} lines", text.lines().count()));
        }
        let me = module_of(file);
        let named = uses.entry(file.clone()).or_default();
        // A `mod.rs` that re-exports its own file's items stands for that file: whoever uses
        // the re-export uses the file.
        for line in text.lines() {
            let Some(rest) = ["pub use ", "pub(crate) use ", "pub(super) use "]
                .iter()
                .find_map(|p| line.strip_prefix(p))
            else {
                continue;
            };
            let child = rest.split("::").next().unwrap_or_default();
            let mut path = me.clone();
            path.push(child.to_owned());
            if let Some(used) = by_module.get(&path) {
                named.insert(used.clone());
            }
        }
        for path in paths_named(&text, &me) {
            // The longest prefix of the path that is a file.
            if let Some(used) = (1..=path.len())
                .rev()
                .find_map(|n| by_module.get(&path[..n]))
            {
                if used != file {
                    named.insert(used.clone());
                }
            }
        }
    }
    assert!(too_long.is_empty(), "over 300 lines: {too_long:?}");
    // A circle: a file that reaches itself again through the files it uses.
    let mut circles = Vec::new();
    for start in &files {
        let mut seen = BTreeSet::new();
        let mut next: Vec<&String> = uses[start].iter().collect();
        while let Some(file) = next.pop() {
            if file == start {
                circles.push(start.split("/src/").nth(1).unwrap().to_owned());
                break;
            }
            if seen.insert(file.clone()) {
                next.extend(uses[file].iter());
            }
        }
    }
    assert!(circles.is_empty(), "files on a circle: {circles:?}");
}
