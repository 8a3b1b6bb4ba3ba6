//! The crash banner: what went wrong, and a button to reload.

/// A banner over the page, made with the DOM alone (the app may be gone): what went
/// wrong, and a button to reload.
pub fn show_crash_banner(message: &str) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.query_selector(".crash-banner").ok().flatten().is_some() {
        return; // one banner says it
    }
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

/// Calls `f` with the message of every error that escapes to the window (an exception
/// thrown through the app's code leaves its state broken, as a panic does).
pub fn on_uncaught_error(f: impl Fn(String) + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else { return };
    let listener = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| f(event.message()));
    let _ = window.add_event_listener_with_callback("error", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Removes the message `web/index.html` shows when the app has not started after 15 s
/// (a very slow network): the app did start, late.
pub fn clear_not_started() {
    if let Some(message) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("not-started"))
    {
        message.remove();
    }
}
