//! The theme control: light, dark, or the reader's system setting.

use crate::state::use_playground;
use leptos::prelude::*;
use playground_core::link::Theme;

fn theme_label(theme: Theme) -> &'static str {
    match theme {
        Theme::Auto => "Auto (system setting)",
        Theme::Light => "Light",
        Theme::Dark => "Dark",
    }
}

/// A labelled select of the page's colours, kept in the link.
#[component]
pub fn ThemePicker() -> impl IntoView {
    let playground = use_playground();
    let options = Theme::ALL.iter().map(|t| view! { <option value=t.name()>{theme_label(*t)}</option> }).collect_view();
    view! {
        <div class="theme-picker">
            <label for="theme">"Theme"</label>
            <select id="theme" prop:value=move || playground.link.with(|l| l.theme.name())
                on:change=move |ev| if let Some(t) = Theme::from_name(&event_target_value(&ev)) {
                    playground.set_theme(t)
                }>
                {options}
            </select>
        </div>
    }
}
