//! Other playgrounds on the same page. The frames of one course page share the browser's
//! thread, so one frame's start-up (instantiating its wasm, drawing its first page) would
//! land in another frame's run. The page's inline script (`web/index.html`) says on a
//! `BroadcastChannel` when this playground begins to load, answers newcomers while it is
//! still loading, and records what it hears in `self.__siblings`; the app says when it has
//! started, and a run from a link waits as [`playground_core::siblings::wait_before_run`]
//! says.

use js_sys::Reflect;
use playground_core::siblings::{wait_before_run, Heard};
use wasm_bindgen::{JsCast, JsValue};

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// The inline script's record (`self.__siblings`), if the browser has `BroadcastChannel`.
fn board() -> Option<JsValue> {
    let window = web_sys::window()?;
    Reflect::get(&window, &"__siblings".into()).ok().filter(JsValue::is_object)
}

fn get(of: &JsValue, key: &str) -> JsValue {
    Reflect::get(of, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// What the inline script has heard so far.
fn heard(board: &JsValue) -> Heard {
    let last = get(board, "heard").as_f64().filter(|t| t.is_finite());
    let loading = get(board, "loading");
    let began =
        js_sys::Object::values(loading.unchecked_ref::<js_sys::Object>()).iter().filter_map(|t| t.as_f64()).collect();
    Heard { last, loading: began }
}

/// Says to the other playgrounds of this origin that this one has started (it no longer
/// answers newcomers as one still loading). Without the inline script's record (no
/// `BroadcastChannel`), nothing is said.
pub fn announce() {
    let Some(board) = board() else { return };
    let _ = Reflect::set(&board, &"started".into(), &JsValue::TRUE);
    let message = js_sys::Object::new();
    let _ = Reflect::set(&message, &"kind".into(), &"started".into());
    let _ = Reflect::set(&message, &"id".into(), &get(&board, "id"));
    if let Ok(channel) = get(&board, "channel").dyn_into::<web_sys::BroadcastChannel>() {
        let _ = channel.post_message(&message);
    }
}

/// Resolves once no sibling is still loading and none has spoken in the last
/// [`playground_core::siblings::QUIET_MS`].
pub async fn quiet() {
    let Some(board) = board() else { return };
    while let Some(wait) = wait_before_run(now(), &heard(&board)) {
        gloo_timers::future::TimeoutFuture::new(wait.ceil() as u32).await;
    }
}
