//! The event loop's heartbeat: driven by the page's own animation frames during a run,
//! so it visibly stops while the loop is blocked; still between runs. After a run it
//! names the program's blocking, measured by the runtime, apart from the browser's own.

use crate::browser::visibility::reduced_motion;
use crate::state::use_playground;
use leptos::prelude::*;
use playground_core::program_run::hold_words;
use playground_core::stalls::{browser_words, program_words};
use playground_core::Mode;

const DOTS: u32 = 8;

/// The heartbeat and what stalled the loop.
#[component]
pub fn Heartbeat() -> impl IntoView {
    let playground = use_playground();
    // With reduced motion the beat moves twice a second instead of fifteen times.
    let every = if reduced_motion() { 30 } else { 4 };
    let live = move || playground.run.with(|r| r.status.is_live());
    let lit = move || live().then(|| (playground.beat.get() / every) % DOTS);
    let dots =
        (0..DOTS).map(|i| view! { <span class="beat" class:lit=move || lit() == Some(i)></span> }).collect_view();
    let program = move || {
        playground.run.with(|r| {
            r.status.is_over().then(|| match &r.program {
                Some(trace) => hold_words(&trace.holds(), r.scenario.unit),
                None => program_words(&r.blocked, r.scenario.unit, r.scenario.mode == Mode::Sync),
            })?
        })
    };
    let blocked_ms =
        move || playground.run.with(|r| format!("{:.1}", r.blocked.iter().map(|b| b.to - b.from).sum::<f64>()));
    let browser = move || {
        let over = playground.run.with(|r| r.status.is_over());
        let live = playground.live.get();
        if !over {
            return "The heartbeat beats with every animation frame while a run is live: it stops whenever the event loop is blocked.".to_string();
        }
        let throttled = if live.throttled {
            " The tab was hidden during the run, so the browser throttled its timers: these times are not the event loop's."
        } else {
            ""
        };
        format!("{}{throttled}", browser_words(live.browser_stall))
    };
    view! {
        <div class="heartbeat">
            <span class="beats" role="img" aria-label="Event loop heartbeat">{dots}</span>
            <p class="stall program-stall" aria-live="polite" data-blocked-ms=blocked_ms hidden=move || program().is_none()>{program}</p>
            <p class="stall browser-stall" aria-live="polite"
                data-browser-ms=move || format!("{:.1}", playground.live.with(|l| l.browser_stall))>{browser}</p>
        </div>
    }
}
