//! The scenario's controls: mode, sleep kind, await order, pool size, linger, speed.
//! Combinations that make no sense are disabled, with the reason shown.

use super::jobs::Jobs;
use crate::state::{use_playground, PoolStatus};
use leptos::prelude::*;
use playground_core::scenario::{speed_warning, tenths_from_field, MAX_LINGER_TENTHS, UNIT_MS, WORKERS};
use playground_core::{Lesson, Mode, SleepKind};

/// What each mode means, for its option.
fn mode_label(mode: Mode) -> &'static str {
    match mode {
        Mode::Sync => "sync: plain functions, no event loop",
        Mode::Await => "await: await each coroutine in turn",
        Mode::Tasks => "tasks: create_task, then await in order",
        Mode::Gather => "gather: asyncio.gather(...)",
        Mode::GatherRx => "gather-rx: gather(..., return_exceptions=True)",
        Mode::Group => "group: asyncio.TaskGroup()",
    }
}

fn sleep_label(kind: SleepKind) -> &'static str {
    match kind {
        SleepKind::Async => "async: await asyncio.sleep(d)",
        SleepKind::Blocking => "blocking: time.sleep(d)",
        SleepKind::Thread => "thread: await asyncio.to_thread(time.sleep, d)",
        SleepKind::Process => "process: a process pool's run_in_executor",
    }
}

/// All the scenario controls.
#[component]
pub fn Controls() -> impl IntoView {
    let playground = use_playground();
    let scenario = move || playground.link.with(|l| l.scenario.clone());
    let hidden = move || playground.link.with(|l| l.lesson == Lesson::Terms);
    let sync_mode = move || scenario().mode == Mode::Sync;
    let no_workers = move || !scenario().sleep.uses_workers() || sync_mode();
    let pool_status = move || match playground.pool.get() {
        PoolStatus::Unused => String::new(),
        PoolStatus::Starting(n) => format!("Starting {n} Web Workers…"),
        PoolStatus::Ready(n, ms) => {
            format!("{n} Web Workers ready (they took {ms} ms to start, before any run)")
        }
        PoolStatus::Failed(e) => format!("The Web Workers could not start: {e}"),
    };
    let mode_options =
        Mode::ALL.iter().map(|m| view! { <option value=m.name()>{mode_label(*m)}</option> }).collect_view();
    let sleep_options =
        SleepKind::ALL.iter().map(|k| view! { <option value=k.name()>{sleep_label(*k)}</option> }).collect_view();
    view! {
        <form class="controls" hidden=hidden on:submit=|ev| ev.prevent_default() aria-label="Scenario">
            <div class="field">
                <label for="mode">"Mode"</label>
                <select id="mode" prop:value=move || scenario().mode.name()
                    on:change=move |ev| if let Some(m) = Mode::from_name(&event_target_value(&ev)) {
                        playground.edit(|l| l.scenario.mode = m)
                    }>
                    {mode_options}
                </select>
            </div>
            <div class="field">
                <label for="sleep">"Sleep kind"</label>
                <select id="sleep" disabled=sync_mode aria-describedby="sleep-note" prop:value=move || scenario().sleep.name()
                    on:change=move |ev| if let Some(k) = SleepKind::from_name(&event_target_value(&ev)) {
                        playground.edit(|l| l.scenario.sleep = k)
                    }>
                    {sleep_options}
                </select>
                <p class="note" id="sleep-note" hidden=move || !sync_mode()>
                    "In sync mode there is no event loop, so every sleep blocks."
                </p>
            </div>
            <div class="field">
                <label for="workers">"Workers"</label>
                <input id="workers" type="number" min=*WORKERS.start() max=*WORKERS.end() placeholder="like Python"
                    disabled=no_workers aria-describedby="workers-note"
                    prop:value=move || scenario().workers.map(|w| w.to_string()).unwrap_or_default()
                    on:change={move |ev| {
                        let w = event_target_value(&ev).trim().parse::<u8>().ok().map(|w| w.clamp(*WORKERS.start(), *WORKERS.end()));
                        playground.edit(|l| l.scenario.workers = w)
                    }}/>
                <p class="note" id="workers-note" hidden=move || !no_workers()>"Only thread and process sleeps use a pool."</p>
                <p class="note pool-status" role="status" aria-label="Worker pool" hidden=no_workers>{pool_status}</p>
            </div>
            <div class="field">
                <label for="linger">"Linger (s)"</label>
                <input id="linger" type="number" min="0" max="10" step="0.1"
                    prop:value=move || format!("{}", f64::from(scenario().linger_tenths) / 10.0)
                    on:change=move |ev| if let Some(t) = tenths_from_field(&event_target_value(&ev), 0..=MAX_LINGER_TENTHS) {
                        playground.edit(|l| l.scenario.linger_tenths = t)
                    }/>
            </div>
            <div class="field">
                <label for="unit">"Speed (ms per second)"</label>
                <input id="unit" type="number" min=*UNIT_MS.start() max=*UNIT_MS.end() step="10"
                    aria-describedby="unit-note"
                    prop:value=move || scenario().unit.to_string()
                    on:change={move |ev| if let Ok(u) = event_target_value(&ev).trim().parse::<u16>() {
                        playground.edit(|l| l.scenario.unit = u.clamp(*UNIT_MS.start(), *UNIT_MS.end()))
                    }}/>
                <p class="note warning" id="unit-note" role="note" hidden=move || speed_warning(scenario().unit).is_none()>
                    {move || speed_warning(scenario().unit)}
                </p>
            </div>
            <Jobs/>
        </form>
    }
}
