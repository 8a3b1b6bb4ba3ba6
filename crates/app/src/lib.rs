//! The asyncio playground's front end: lessons, controls, and runs that really
//! happen on the browser's event loop, their output appearing as it happens.

mod browser;
mod components;
mod lessons;
mod state;

use components::embed_page::EmbedPage;
use components::full_page::FullPage;
use leptos::prelude::*;
use playground_core::link::{from_link, to_link, LinkState};
use playground_core::program;
use playground_core::scenario::MAX_JOBS;
use state::Playground;

thread_local! {
    static PLAYGROUND: std::cell::Cell<Option<Playground>> = const { std::cell::Cell::new(None) };
}

/// The scenario API (for the benchmark; links stay limited to 12 jobs): runs `jobs`
/// jobs of `seconds` each, in the scenario the link `query` describes.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = runScenario)]
pub fn run_scenario(query: &str, jobs: u32, seconds: f64) -> Result<(), wasm_bindgen::JsValue> {
    let playground = PLAYGROUND.with(|p| p.get()).ok_or("the playground is not mounted")?;
    let (state, _) = from_link(query);
    let tenths = (seconds * 10.0).round().clamp(1.0, 100.0) as u16;
    let mut scenario = state.scenario.clone();
    scenario.jobs = vec![playground_core::Job::ok(tenths); jobs.max(1) as usize];
    scenario.order = playground_core::Scenario::identity_order(scenario.jobs.len());
    playground.edit(|l| *l = LinkState { scenario, ..state.clone() });
    playground.start();
    Ok(())
}

/// Adds a `performance.mark(name)` (for the benchmark).
pub fn mark(name: &str) {
    let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into());
    if let Ok(performance) = performance {
        if let Ok(mark) = js_sys::Reflect::get(&performance, &"mark".into()) {
            let _ = js_sys::Function::from(mark).call1(&performance, &name.into());
        }
    }
}

/// Shows a banner with a reload button if the app panics, or an error escapes it
/// (its state is gone either way), and logs a panic to the console.
pub fn install_panic_banner() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.as_str().into());
        browser::crash::show_crash_banner(&message);
    }));
    browser::crash::on_uncaught_error(|message| browser::crash::show_crash_banner(&message));
    browser::crash::clear_not_started();
}

/// The whole page, opened with the state its address describes.
#[component]
pub fn App() -> impl IntoView {
    let (state, problems) = from_link(&browser::address::current_query());
    let (run_on_load, embed) = (state.run, state.embed);
    let has_code = state.code.is_some();
    let playground = Playground::new(LinkState { run: false, ..state });
    playground.notices.set(problems.iter().map(ToString::to_string).collect());
    provide_context(playground);
    // A link with a program needs the Python engine at once; the address follows the
    // program's edits, shortly after each (its `code` is the engine's to write).
    if has_code {
        playground.load_engine();
    }
    Effect::new(move |_| {
        let _edited = (playground.edits.get(), playground.program.with(|p| p.as_ref().map(String::len)));
        let _ready = playground.engine.get();
        let handle = set_timeout_with_handle(move || playground.write_code(), std::time::Duration::from_millis(400));
        on_cleanup(move || {
            if let Ok(handle) = handle {
                handle.clear();
            }
        });
    });
    PLAYGROUND.with(|p| p.set(Some(playground)));
    browser::visibility::on_hidden(move || playground.tab_hidden());
    // The address bar follows the state, without a history entry per change.
    // (Scenario-API runs of more jobs than a link may hold leave the address as it was.)
    Effect::new(move |_| {
        if let Some(link) = playground.link.with(|l| (l.scenario.jobs.len() <= MAX_JOBS).then(|| to_link(l))) {
            browser::address::replace_query(&link)
        }
    });
    // The page's colours follow the link's theme.
    Effect::new(move |_| browser::theme::apply(playground.link.with(|l| l.theme)));
    // Workers start when the lesson or sleep kind asks for them, before any run.
    let pool_size =
        Memo::new(move |_| playground.link.with(|l| program::pool_size(&l.scenario, playground_runtime::cores())));
    Effect::new(move |_| {
        // Reading the value (not just tracking) makes the memo recompute and notify.
        let _size = pool_size.get();
        playground.warm_workers();
    });
    // Replay's cursor, in a program's run, is drawn by the engine's view.
    Effect::new(move |_| playground.show_cursor(playground.cursor.get()));
    // Inside a frame: the host page is told the content's height, and may ask for links and runs.
    browser::host::report_size();
    browser::host::on_request(move |request| playground.answer_host(request));
    browser::siblings::announce();
    if run_on_load {
        playground.start_when_settled(); // the site is cached for offline use once the run is over
    } else {
        browser::offline::allow();
    }
    if embed {
        view! { <EmbedPage/> }.into_any()
    } else {
        view! { <FullPage/> }.into_any()
    }
}
