//! The two code panels: the Python asyncio program of the current configuration,
//! and the Rust that actually runs (cut from the compiled source files).

use crate::state::use_playground;
use leptos::prelude::*;
use playground_core::python::python_program;
use playground_core::source::rust_program;

/// Python beside Rust, following every control.
#[component]
pub fn CodePanels() -> impl IntoView {
    let playground = use_playground();
    let python = move || playground.link.with(|l| python_program(&l.scenario));
    let rust = move || playground.link.with(|l| rust_program(&l.scenario));
    view! {
        <div class="code-panels">
            <section class="code" aria-labelledby="python-title">
                <h3 id="python-title">"Python (asyncio)"</h3>
                <pre tabindex="0" aria-label="Python program"><code>{python}</code></pre>
            </section>
            <section class="code" aria-labelledby="rust-title">
                <h3 id="rust-title">"Rust (what runs)"</h3>
                <pre tabindex="0" aria-label="Rust program"><code>{rust}</code></pre>
            </section>
        </div>
    }
}
