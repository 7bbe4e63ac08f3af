//! The backup file's JSON Schema (`docs/backup-format.schema.json`), for the tests that check
//! files against it.

use std::fs;

use serde_json::Value;

/// The schema's validator.
pub fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/docs/backup-format.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// What the schema finds wrong with `file`, each with where: nothing for a valid one.
pub fn errors(file: &Value) -> Vec<String> {
    validator()
        .iter_errors(file)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}
