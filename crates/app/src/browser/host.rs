//! Messages to and from the page that embeds the playground (`window.parent`), as the
//! spec's Embedding section says: the content's height, a run's start and end, and the
//! host's requests to load a link or start a run. Nothing is sent when not embedded.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

const SIZE: &str = "asyncio-playground:size";
const RUN: &str = "asyncio-playground:run";
const LOAD: &str = "asyncio-playground:load";

/// What the host page asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Load the state of this link (as if the page had been opened from it).
    Load(String),
    /// Start a run.
    Run,
}

/// The embedding page's window, if the playground is in a frame.
fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

/// Posts `fields` as a plain object of `type` to the host page (any origin).
fn post(kind: &str, fields: &[(&str, JsValue)]) {
    let Some(parent) = parent() else { return };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &kind.into());
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&message, &(*key).into(), value);
    }
    let _ = parent.post_message(&message, "*");
}

/// Tells the host page that a run `status` (`started`, `finished`, `stopped`), of the
/// scenario `link` (a query string); on `finished`, with its trace as exported (`events`,
/// the JSON of `playground_core::trace::to_json`).
pub fn run_status(status: &str, link: &str, events: Option<&str>) {
    if parent().is_none() {
        return;
    }
    let mut fields = vec![("status", JsValue::from_str(status)), ("link", JsValue::from_str(&format!("?{link}")))];
    if let Some(json) = events.and_then(|e| js_sys::JSON::parse(e).ok()) {
        fields.push(("events", json));
    }
    post(RUN, &fields);
}

/// When embedded: tells the host page the content's height now and whenever it changes.
pub fn report_size() {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else {
        return;
    };
    if parent().is_none() {
        return;
    }
    let last = std::cell::Cell::new(0.0);
    let measured = root.clone();
    let measure = std::rc::Rc::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        if height != last.replace(height) {
            post(SIZE, &[("height", height.into())]);
        }
    });
    let on_resize = measure.clone();
    let observer = Closure::<dyn Fn()>::new(move || on_resize());
    if let Ok(resize) = web_sys::ResizeObserver::new(observer.as_ref().unchecked_ref()) {
        resize.observe(&root);
    }
    observer.forget();
    // Once the app has mounted, whether or not the frame renders: Chromium does not render (nor
    // observe) a cross-origin frame below the fold until it is scrolled into view.
    gloo_timers::callback::Timeout::new(0, move || measure()).forget();
}

/// When embedded: calls `f` with each request the host page sends; other messages are ignored.
pub fn on_request(f: impl Fn(Request) + 'static) {
    let Some(window) = web_sys::window() else { return };
    if parent().is_none() {
        return;
    }
    let listener = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        if let Some(request) = read_request(&event.data()) {
            f(request)
        }
    });
    let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// The request a message's data makes, if it is one.
fn read_request(data: &JsValue) -> Option<Request> {
    if !data.is_object() {
        return None;
    }
    let field = |key: &str| js_sys::Reflect::get(data, &key.into()).ok().and_then(|v| v.as_string());
    match field("type")?.as_str() {
        RUN if js_sys::Reflect::get(data, &"status".into()).ok()?.is_undefined() => Some(Request::Run),
        LOAD => field("link").map(Request::Load),
        _ => None,
    }
}
