//! The page's side of share links: the address bar and the clipboard.

use wasm_bindgen_futures::JsFuture;

/// The query string of the page's address (without `?`), or empty.
pub fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The page's address without its query.
pub fn base_url() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default())
}

/// Shows `query` in the address bar without adding a history entry.
pub fn replace_query(query: &str) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("?{query}")));
    }
}

/// Copies `text` to the clipboard; `false` where the browser refuses.
pub async fn copy(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    JsFuture::from(window.navigator().clipboard().write_text(text)).await.is_ok()
}

/// Whether the tab is hidden (the browser then throttles its timers).
pub fn tab_hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

/// Whether the reader asked for reduced motion.
pub fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Calls `f` with the time of every animation frame, for as long as the page lives.
pub fn every_frame(f: impl Fn(f64) + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    type Frame = Closure<dyn FnMut(f64)>;
    let slot: Rc<RefCell<Option<Frame>>> = Rc::new(RefCell::new(None));
    let again = slot.clone();
    let request = |slot: &Rc<RefCell<Option<Frame>>>| {
        if let (Some(window), Some(frame)) = (web_sys::window(), slot.borrow().as_ref()) {
            let _ = window.request_animation_frame(frame.as_ref().unchecked_ref());
        }
    };
    *slot.borrow_mut() = Some(Closure::new(move |t: f64| {
        f(t);
        request(&again);
    }));
    request(&slot);
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|e| format!("{e:?}"))?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The markup of the element with `id`, if any.
pub fn outer_html(id: &str) -> Option<String> {
    web_sys::window()?.document()?.get_element_by_id(id).map(|e| e.outer_html())
}

/// Calls `f` whenever the tab becomes hidden.
pub fn on_hidden(f: impl Fn() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let listener = Closure::<dyn Fn()>::new(move || {
        if tab_hidden() {
            f()
        }
    });
    let _ = document.add_event_listener_with_callback("visibilitychange", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// A banner over the page, made with the DOM alone (the app may be gone): what went
/// wrong, and a button to reload.
pub fn show_crash_banner(message: &str) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let (Ok(banner), Ok(text), Ok(button)) =
        (document.create_element("div"), document.create_element("p"), document.create_element("button"))
    else {
        return;
    };
    banner.set_class_name("crash-banner");
    let _ = banner.set_attribute("role", "alert");
    text.set_text_content(Some(&format!(
        "Something went wrong in the playground: {message}. Reloading starts it afresh."
    )));
    button.set_text_content(Some("Reload"));
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
    reload.forget();
    let _ = banner.append_child(&text);
    let _ = banner.append_child(&button);
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&banner);
    }
}
