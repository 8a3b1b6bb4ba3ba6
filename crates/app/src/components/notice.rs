//! The notice listing what was wrong with the link the page was opened with.

use crate::state::use_playground;
use leptos::prelude::*;

/// A visible, dismissible list of the link's problems (values shown as text, never markup).
#[component]
pub fn LinkNotice() -> impl IntoView {
    let playground = use_playground();
    let items = move || playground.notices.with(|n| n.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view());
    view! {
        <Show when=move || playground.notices.with(|n| !n.is_empty())>
            <aside class="notice" role="alert" aria-label="Problems with this link">
                <p>"This link had problems; the playground opened with defaults in their place:"</p>
                <ul>{items}</ul>
                <button type="button" on:click=move |_| playground.notices.set(Vec::new())>"Dismiss"</button>
            </aside>
        </Show>
    }
}
