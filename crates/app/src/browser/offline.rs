//! Offline use: the page's service worker (`sw.js`) is registered by `self.__offline()`, a
//! function of `index.html`, when the playground has no run under way, so that caching the
//! whole site (fetches, storage, compiling its scripts) never competes with a run's timers.

use wasm_bindgen::JsCast;

/// Lets the page register its service worker now (once; `index.html` waits for its load
/// event, and does nothing where a frame cannot have one).
pub fn allow() {
    let Some(window) = web_sys::window() else { return };
    let register = js_sys::Reflect::get(&window, &"__offline".into()).ok();
    if let Some(register) = register.and_then(|r| r.dyn_into::<js_sys::Function>().ok()) {
        let _ = register.call0(&window);
    }
}
