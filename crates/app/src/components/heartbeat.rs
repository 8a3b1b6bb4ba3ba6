//! The event loop's heartbeat: driven by the page's own animation frames, so it
//! visibly stops while the loop is blocked; after a run, the longest stall, measured.

use crate::address::reduced_motion;
use crate::state::{use_playground, RunStatus};
use leptos::prelude::*;

const DOTS: u32 = 8;

/// The heartbeat and the measured stall.
#[component]
pub fn Heartbeat() -> impl IntoView {
    let playground = use_playground();
    // With reduced motion the beat moves twice a second instead of fifteen times.
    let every = if reduced_motion() { 30 } else { 4 };
    let lit = move || (playground.live.with(|l| l.frames) / every) % DOTS;
    let dots = (0..DOTS).map(|i| view! { <span class="beat" class:lit=move || lit() == i></span> }).collect_view();
    let words = move || {
        let live = playground.live.get();
        playground.run.with(|r| match r.status {
            RunStatus::Finished | RunStatus::Stopped => {
                let unit = f64::from(r.scenario.unit);
                let throttled = if live.throttled { " The tab was hidden during the run, so the browser throttled its timers: these times are not the event loop's." } else { "" };
                if live.stall >= 50.0 {
                    format!("The event loop was blocked for {:.2} s (its longest stall, measured: {:.0} ms).{throttled}", live.stall / unit, live.stall)
                } else {
                    format!("The event loop never stalled: its longest gap between frames was {:.0} ms.{throttled}", live.stall)
                }
            }
            _ => "The heartbeat beats with every animation frame: it stops whenever the event loop is blocked.".into(),
        })
    };
    view! {
        <div class="heartbeat">
            <span class="beats" role="img" aria-label="Event loop heartbeat">{dots}</span>
            <p class="stall" aria-live="polite">{words}</p>
        </div>
    }
}
