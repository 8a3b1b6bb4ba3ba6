//! Animation frames: the heartbeat's beat (only while a run needs it), and knowing when
//! the page has settled after loading, so a run started from a link starts on a quiet loop.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Two frames this close together (ms) mean the page is drawing, not working.
const QUIET_FRAME_MS: f64 = 20.0;
/// Most frames to wait for quiet ones (about a second at 60 Hz).
const MAX_SETTLE_FRAMES: u32 = 60;
/// Longest wait for an idle moment, in ms.
const IDLE_TIMEOUT_MS: u32 = 300;

type Frame = Closure<dyn FnMut(f64)>;

/// Calls `f` with the time of each animation frame for as long as it returns `true`.
pub fn frames_while(f: impl Fn(f64) -> bool + 'static) {
    let slot: Rc<RefCell<Option<Frame>>> = Rc::new(RefCell::new(None));
    let again = slot.clone();
    *slot.borrow_mut() = Some(Closure::new(move |t: f64| {
        if f(t) {
            request(&again);
        } else {
            again.borrow_mut().take(); // ends the loop (and frees this closure)
        }
    }));
    request(&slot);
}

fn request(slot: &Rc<RefCell<Option<Frame>>>) {
    if let (Some(window), Some(frame)) = (web_sys::window(), slot.borrow().as_ref()) {
        let _ = window.request_animation_frame(frame.as_ref().unchecked_ref());
    }
}

/// The next animation frame's time.
async fn next_frame() -> f64 {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(&resolve);
        }
    });
    JsFuture::from(promise).await.ok().and_then(|t| t.as_f64()).unwrap_or(0.0)
}

/// A promise-valued property of `target` at `path`, awaited (nothing if absent).
async fn await_property(target: &JsValue, path: &[&str]) {
    let mut value = target.clone();
    for key in path {
        value = js_sys::Reflect::get(&value, &(*key).into()).unwrap_or(JsValue::UNDEFINED);
    }
    if let Ok(promise) = value.dyn_into::<js_sys::Promise>() {
        let _ = JsFuture::from(promise).await;
    }
}

/// Resolves once the page has drawn what is pending: after the next animation frame
/// and the paint that follows it.
pub async fn after_paint() {
    next_frame().await;
    yield_to_browser().await;
}

/// Resolves in a task of its own: whatever was queued before (the view's updates) has run.
pub async fn yield_to_browser() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Resolves once the page has settled: fonts loaded, no other playground of the page still
/// starting up, two quiet frames in a row (first paint done, no start-up work between
/// them), and an idle moment of the browser.
pub async fn settled() {
    let Some(window) = web_sys::window() else { return };
    await_property(&window, &["document", "fonts", "ready"]).await;
    super::siblings::quiet().await;
    let (mut last, mut quiet) = (next_frame().await, 0);
    for _ in 0..MAX_SETTLE_FRAMES {
        let t = next_frame().await;
        quiet = if t - last <= QUIET_FRAME_MS { quiet + 1 } else { 0 };
        last = t;
        if quiet >= 2 {
            break;
        }
    }
    let idle = js_sys::Promise::new(&mut |resolve, _| {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeout".into(), &IDLE_TIMEOUT_MS.into());
        let request = js_sys::Reflect::get(&window, &"requestIdleCallback".into()).ok();
        match request.and_then(|r| r.dyn_into::<js_sys::Function>().ok()) {
            Some(request) => {
                let _ = request.call2(&window, &resolve, &options);
            }
            None => {
                let _ = window.set_timeout_with_callback(&resolve);
            }
        }
    });
    let _ = JsFuture::from(idle).await;
}
