//! Replay (step through a finished run's events) and export (trace JSON, timeline SVG).

use crate::browser::export::{download, outer_html};
use crate::state::use_playground;
use leptos::prelude::*;
use playground_core::program_run;
use playground_core::trace::to_json;

/// Step buttons, a scrubber and the downloads, shown once a run has ended.
#[component]
pub fn Replay() -> impl IntoView {
    let playground = use_playground();
    let count = move || {
        playground.run.with(|r| match &r.program {
            _ if !r.status.is_over() => 0,
            Some(trace) => trace.replay_len(),
            None => r.events.len(),
        })
    };
    let step = move |delta: i64| {
        let n = count() as i64;
        if n == 0 {
            return;
        }
        playground.cursor.update(|c| {
            let at = c.map_or(if delta > 0 { -1 } else { n }, |c| c as i64) + delta;
            *c = Some(at.clamp(0, n - 1) as usize);
        });
    };
    let position = move || playground.cursor.get().map(|c| c.to_string()).unwrap_or_default();
    let current = move || {
        playground.cursor.get().and_then(|i| {
            playground.run.with(|r| match &r.program {
                Some(trace) => {
                    let n = trace.replay_len();
                    Some(match trace.lines.get(i) {
                        Some(l) => format!(
                            "Line {} of {n}: {} wrote “{}” (line {} of the program)",
                            i + 1,
                            l.who,
                            l.text,
                            l.line
                        ),
                        None => format!("Line {} of {n}: the run is over", i + 1),
                    })
                }
                None => r.events.get(i).map(|e| format!("Event {} of {}: {}", i + 1, r.events.len(), e.detail)),
            })
        })
    };
    let export_json = move |_| {
        let json = playground.run.with_untracked(|r| match &r.program {
            Some(trace) => program_run::to_json(trace),
            None => to_json(&r.events),
        });
        let _ = download("asyncio-playground-trace.json", "application/json", &json);
    };
    let export_svg = move |_| {
        if let Some(svg) = outer_html("timeline-svg") {
            let _ = download("asyncio-playground-timeline.svg", "image/svg+xml", &svg);
        }
    };
    view! {
        <div class="replay" hidden=move || count() == 0
            on:keydown=move |ev| match ev.key().as_str() {
                "ArrowLeft" => { ev.prevent_default(); step(-1) }
                "ArrowRight" => { ev.prevent_default(); step(1) }
                _ => {}
            }>
            <button type="button" on:click=move |_| step(-1)>"◀ Step back"</button>
            <button type="button" on:click=move |_| step(1)>"Step forward ▶"</button>
            <label class="scrub">
                <span>"Replay position"</span>
                <input type="range" min="0" max=move || count().saturating_sub(1) prop:value=position
                    on:input=move |ev| playground.cursor.set(event_target_value(&ev).parse().ok())/>
            </label>
            <p class="replay-current" aria-live="polite">{current}</p>
            <button type="button" on:click=export_json>"Download trace (JSON)"</button>
            <button type="button" on:click=export_svg>"Download timeline (SVG)"</button>
        </div>
    }
}
