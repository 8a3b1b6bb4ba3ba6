//! The Terms lesson (terms.py): small live cells on real Rust futures.

mod awaitable;
mod coroutine;
mod future;
mod task;

use gloo_timers::callback::Interval;
use leptos::prelude::*;
use playground_core::aio::Rt;
use playground_runtime::BrowserRuntime;
use std::rc::Rc;

/// What every cell shares: the browser runtime and a clock tick that re-reads the
/// futures' real state (poll counts, wake-ups, outcomes) ten times a second.
#[derive(Clone)]
pub struct Cells {
    /// The page's event loop.
    pub rt: Rt,
    /// Bumped to re-read the cells' state.
    pub tick: RwSignal<u32>,
}

/// `async fn fetch_data(k)`: logs, sleeps 1 s for real, returns.
pub async fn fetch_data(rt: Rt, k: u32, log: RwSignal<Vec<String>>) -> Result<String, String> {
    let started = rt.now();
    log.update(|l| l.push(format!("fetch_data({k}) started")));
    rt.sleep(1000.0).await;
    let after = (rt.now() - started) / 1000.0;
    log.update(|l| l.push(format!("fetch_data({k}) returned \"Result of {k}\" after {after:.2} s")));
    Ok(format!("Result of {k}"))
}

/// The whole lesson.
#[component]
pub fn TermsLesson() -> impl IntoView {
    let tick = RwSignal::new(0u32);
    let interval = Interval::new(100, move || tick.update(|t| *t = t.wrapping_add(1)));
    let keep = StoredValue::new_local(Some(interval));
    on_cleanup(move || keep.update_value(|i| drop(i.take())));
    match BrowserRuntime::new() {
        Ok(rt) => {
            let cells = Cells { rt: Rc::new(rt), tick };
            view! {
                <div class="terms">
                    <coroutine::CoroutineCell cells=cells.clone()/>
                    <awaitable::AwaitableCell/>
                    <future::FutureCell cells=cells.clone()/>
                    <task::TaskCell cells=cells/>
                </div>
            }
            .into_any()
        }
        Err(e) => view! { <p class="notice" role="alert">{e.to_string()}</p> }.into_any(),
    }
}

/// A cell's frame: the term, its Python line and the Rust line that runs.
#[component]
pub fn Cell(term: &'static str, python: &'static str, rust: &'static str, children: Children) -> impl IntoView {
    view! {
        <section class="cell" aria-label=term>
            <h3>{term}</h3>
            <div class="cell-code">
                <pre tabindex="0" role="region" aria-label=format!("{term} in Python")><code>{python}</code></pre>
                <pre tabindex="0" role="region" aria-label=format!("{term} in Rust")><code>{rust}</code></pre>
            </div>
            {children()}
        </section>
    }
}

/// Lines a cell has printed.
#[component]
pub fn CellLog(log: RwSignal<Vec<String>>, label: String) -> impl IntoView {
    view! {
        <ol class="cell-log" aria-live="polite" aria-label=label>
            {move || log.get().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
        </ol>
    }
}
