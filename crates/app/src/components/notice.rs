//! The notice listing what was wrong with the link the page was opened with.

use leptos::prelude::*;

/// A visible, dismissible list of the link's problems (values shown as text, never markup).
#[component]
pub fn LinkNotice(problems: Vec<String>) -> impl IntoView {
    let open = RwSignal::new(!problems.is_empty());
    let items = move || problems.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view();
    view! {
        <Show when=move || open.get()>
            <aside class="notice" role="alert" aria-label="Problems with this link">
                <p>"This link had problems; the playground opened with defaults in their place:"</p>
                <ul>{items.clone()}</ul>
                <button type="button" on:click=move |_| open.set(false)>"Dismiss"</button>
            </aside>
        </Show>
    }
}
