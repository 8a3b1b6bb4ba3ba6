//! Small helpers on the page's markup, shared by the page and the Python engine's module.

use web_sys::Element;

/// Marks the element of `container` whose `data-i` is `current` as the one replay is on
/// (class `current`, `aria-current="step"`), and unmarks `previous`'s.
pub fn mark_current(container: &Element, previous: Option<usize>, current: Option<usize>) {
    let item = |i: usize| container.query_selector(&format!("[data-i=\"{i}\"]")).ok().flatten();
    if let Some(el) = previous.and_then(item) {
        let _ = el.class_list().remove_1("current");
        let _ = el.remove_attribute("aria-current");
    }
    if let Some(el) = current.and_then(item) {
        let _ = el.class_list().add_1("current");
        let _ = el.set_attribute("aria-current", "step");
    }
}
