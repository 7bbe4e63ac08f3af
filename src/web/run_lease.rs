//! The running tab's side of one writer per backup (`core::lease`): it holds its site's lease
//! from start to end, renews it on a heartbeat, writes only while the lease is its own and the
//! backup still exists, and gives the lease back when it is dropped.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Interval;
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::spawn_local;

use crate::core::backup::{storage_key, Backup};
use crate::core::lease::{held_by_other, lease_key, owner_tab, tab_owner, Lease, RENEW_EVERY_MS};
use crate::core::message::ToBackground;
use crate::core::run_end::Ending;

use super::error::WebError;
use super::ext_api;
use super::saved::{prepare, write};

/// Why a run may not write (or start).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Another tab's run holds the lease.
    Elsewhere,
    /// The backup was deleted since this run saved it.
    Deleted,
}

impl Refused {
    /// How a run that may no longer write ends.
    pub fn ending(self) -> Ending {
        match self {
            Refused::Elsewhere => Ending::Elsewhere,
            Refused::Deleted => Ending::Deleted,
        }
    }
}

/// A run's hold on its site's backup. Dropping it gives the lease back.
pub struct Writer {
    site: String,
    me: String,
    saved_once: bool,
    heartbeat: Option<Interval>,
    /// Set when the run gives the lease back: a heartbeat already on its way renews nothing
    /// after that, so the lease can't come back once given.
    released: Rc<Cell<bool>>,
}

impl Writer {
    /// Takes the site's lease for the run `me`, unless another run holds a live one.
    pub async fn take(site: &str, me: &str) -> Result<Result<Writer, Refused>, WebError> {
        let stored: Option<Lease> = ext_api::storage_get(&lease_key(site)).await?;
        if holds_against(stored.as_ref(), me).await {
            return Ok(Err(Refused::Elsewhere));
        }
        renew(site, me).await?;
        let released = Rc::new(Cell::new(false));
        let (site_for_beat, me_for_beat) = (site.to_owned(), me.to_owned());
        let released_for_beat = released.clone();
        let heartbeat = Interval::new(RENEW_EVERY_MS, move || {
            let (site, me) = (site_for_beat.clone(), me_for_beat.clone());
            let released = released_for_beat.clone();
            spawn_local(async move {
                // Only a lease still this run's is renewed: one taken over stays taken, and
                // one given back stays given.
                let stored: Option<Lease> =
                    ext_api::storage_get(&lease_key(&site)).await.ok().flatten();
                if released.get() || stored.is_none_or(|l| l.owner != me) {
                    return;
                }
                let _ = renew(&site, &me).await;
                // Given back while this renewal was on its way: give it back again.
                if released.get() {
                    give_back(&site, &me).await;
                }
            });
        });
        Ok(Ok(Writer {
            site: site.to_owned(),
            me: me.to_owned(),
            saved_once: false,
            heartbeat: Some(heartbeat),
            released,
        }))
    }

    /// Saves the backup, unless the run may no longer write.
    pub async fn save(&mut self, backup: &mut Backup) -> Result<Result<(), Refused>, WebError> {
        let items = prepare(backup)?;
        self.write(items).await
    }

    /// Writes what `saved::prepare` made, with the lease renewed, unless another run holds
    /// the lease or the backup was deleted since this run saved it: then nothing is written,
    /// so no head comes back without its chunks and no chunk of another run's is overwritten.
    pub async fn write(&mut self, items: Object) -> Result<Result<(), Refused>, WebError> {
        let keys: js_sys::Array = [storage_key(&self.site), lease_key(&self.site)]
            .into_iter()
            .map(JsValue::from)
            .collect();
        let stored = ext_api::storage_get_raw(&keys).await?;
        let lease = Reflect::get(&stored, &lease_key(&self.site).into())?;
        let lease: Option<Lease> = if lease.is_undefined() {
            None
        } else {
            serde_wasm_bindgen::from_value(lease).ok()
        };
        if holds_against(lease.as_ref(), &self.me).await {
            return Ok(Err(Refused::Elsewhere));
        }
        let head = Reflect::get(&stored, &storage_key(&self.site).into())?;
        if self.saved_once && head.is_undefined() {
            return Ok(Err(Refused::Deleted));
        }
        let renewed = Lease::new(&self.me, js_sys::Date::now());
        Reflect::set(
            &items,
            &lease_key(&self.site).into(),
            &ext_api::to_js(&renewed)?,
        )?;
        write(items).await?;
        self.saved_once = true;
        Ok(Ok(()))
    }
}

impl Writer {
    /// Gives the lease back now: the run ends here (the old layout's "Next" loads a page
    /// whose run must find it free).
    pub async fn release(&mut self) {
        self.released.set(true);
        if self.heartbeat.take().is_some() {
            give_back(&self.site, &self.me).await;
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.released.set(true);
        if self.heartbeat.take().is_some() {
            let (site, me) = (self.site.clone(), self.me.clone());
            spawn_local(async move { give_back(&site, &me).await });
        }
    }
}

/// Removes the site's lease if it is still `me`'s.
async fn give_back(site: &str, me: &str) {
    let stored: Option<Lease> = ext_api::storage_get(&lease_key(site)).await.ok().flatten();
    if stored.is_some_and(|l| l.owner == me) {
        let _ = ext_api::storage_remove_all(&[lease_key(site)]).await;
    }
}

async fn renew(site: &str, me: &str) -> Result<(), WebError> {
    ext_api::storage_set(&lease_key(site), &Lease::new(me, js_sys::Date::now())).await
}

/// This tab's name as a lease's owner; a random one if the background can't say.
pub async fn this_tab() -> String {
    match ext_api::ask_background::<_, Option<i32>>(&ToBackground::WhoAmI).await {
        Ok(Some(tab)) => tab_owner(tab),
        _ => format!(
            "run:{:x}",
            (js_sys::Math::random() * f64::from(u32::MAX)) as u32
        ),
    }
}

/// Whether a stored lease holds the site against `me`: another tab's, live, and that tab
/// still open (a closed tab's run is gone with it).
pub async fn holds_against(stored: Option<&Lease>, me: &str) -> bool {
    if !held_by_other(stored, me, js_sys::Date::now()) {
        return false;
    }
    match stored.and_then(|l| owner_tab(&l.owner)) {
        Some(tab) => ext_api::ask_background::<_, bool>(&ToBackground::TabAlive { tab })
            .await
            .unwrap_or(true),
        None => true,
    }
}

/// On a page's start: a lease of this very tab is stale (its run died with the page before),
/// and is freed. Returns the lease that still stands, if another tab's.
pub async fn free_own_stale(site: &str) -> Result<Option<Lease>, WebError> {
    let Some(stored): Option<Lease> = ext_api::storage_get(&lease_key(site)).await? else {
        return Ok(None);
    };
    let me = this_tab().await;
    if stored.owner == me {
        ext_api::storage_remove_all(&[lease_key(site)]).await?;
        return Ok(None);
    }
    Ok(holds_against(Some(&stored), &me).await.then_some(stored))
}
