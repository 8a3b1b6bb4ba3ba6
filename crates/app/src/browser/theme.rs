//! The page's colours: `data-theme` on `<html>`, which the style sheet's colours follow.

use playground_core::link::Theme;

/// Sets `data-theme` on `<html>` (`auto` leaves it to `prefers-color-scheme`).
pub fn apply(theme: Theme) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", theme.name());
    }
}
