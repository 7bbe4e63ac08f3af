//! The background's half of a page report (`docs/page-report.md`): the pieces the content
//! script walked, scrambled into one file with a key drawn for it alone.

/// The background's side of [`ToBackground::PageReport`]: the report file, scrambled with a
/// key drawn for it alone and then forgotten.
///
/// [`ToBackground::PageReport`]: crate::core::message::ToBackground::PageReport
pub fn report_file(
    url: &str,
    found: crate::core::page_report::Reading,
    pieces: &[crate::core::page_report::Piece],
) -> Result<crate::core::message::ExportedFile, crate::web::error::WebError> {
    let now = String::from(js_sys::Date::new_0().to_iso_string());
    let today = now.get(..10).unwrap_or_default();
    // To the second, so two reports of one day don't share a name (`2026-12-03-174855`).
    let stamp = format!(
        "{today}-{}",
        now.get(11..19).unwrap_or_default().replace(':', "")
    );
    let report = crate::core::page_report::write_report(
        url,
        found,
        pieces,
        random_key(),
        super::download::GENERATOR,
        today,
    );
    Ok(crate::core::message::ExportedFile {
        name: format!("aliexpress-page-report-{stamp}.json"),
        mime: "application/json".to_owned(),
        content: serde_json::to_string_pretty(&report)
            .map_err(|e| crate::web::error::WebError::new(e.to_string()))?
            .into_bytes(),
    })
}

/// 64 random bits from `crypto.getRandomValues` (in windows and workers alike), else from
/// `Math.random`.
fn random_key() -> u64 {
    use wasm_bindgen::JsCast;
    let words = js_sys::Uint32Array::new_with_length(2);
    let filled = js_sys::Reflect::get(&js_sys::global(), &"crypto".into())
        .ok()
        .and_then(|crypto| {
            let fill = js_sys::Reflect::get(&crypto, &"getRandomValues".into()).ok()?;
            fill.dyn_into::<js_sys::Function>()
                .ok()?
                .call1(&crypto, &words)
                .ok()
        });
    if filled.is_none() {
        for i in 0..2 {
            words.set_index(i, (js_sys::Math::random() * f64::from(u32::MAX)) as u32);
        }
    }
    (u64::from(words.get_index(0)) << 32) | u64::from(words.get_index(1))
}
