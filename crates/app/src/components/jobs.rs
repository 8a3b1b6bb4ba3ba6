//! The jobs (add, remove, duration, failure) and the order `main` awaits them in.

use crate::state::use_playground;
use leptos::prelude::*;
use playground_core::scenario::JobId;
use playground_core::scenario::{tenths_from_field, Job, DURATION_TENTHS, MAX_JOBS};

/// The jobs table and the await order.
#[component]
pub fn Jobs() -> impl IntoView {
    let playground = use_playground();
    let scenario = move || playground.link.with(|l| l.scenario.clone());
    // Scenarios from the scenario API may hold thousands of jobs: those are described, not listed.
    let editable = move || playground.link.with(|l| l.scenario.jobs.len() <= MAX_JOBS);
    let rows = move || {
        let s = scenario();
        if s.jobs.len() > MAX_JOBS {
            return Vec::new();
        }
        s.jobs.into_iter().enumerate().map(|(i, j)| (i as JobId + 1, j)).collect::<Vec<_>>()
    };
    let many = move || {
        playground.link.with(|l| {
            let n = l.scenario.jobs.len();
            (n > MAX_JOBS).then(|| {
                format!("{n} jobs, set through the scenario API (links and these controls hold up to {MAX_JOBS}).")
            })
        })
    };
    let order_unused = move || !scenario().mode.uses_order();
    let order = move || {
        let s = scenario();
        if s.order.len() > MAX_JOBS {
            return Vec::new();
        }
        s.order.into_iter().enumerate().collect::<Vec<_>>()
    };
    let move_job = move |position: usize, earlier: bool| {
        playground.edit(|l| {
            l.scenario.move_in_order(position, earlier);
        })
    };
    view! {
        <fieldset class="jobs">
            <legend>"Jobs: fetch_data(k)"</legend>
            <p class="note" hidden=editable>{many}</p>
            <For each=rows key=|(k, j)| (*k, *j) let((k, job))>
                <div class="job">
                    <label for=format!("job-{k}-duration")>{format!("Job {k} sleeps (s)")}</label>
                    <input id=format!("job-{k}-duration") type="number" step="0.1"
                        min=f64::from(*DURATION_TENTHS.start()) / 10.0 max=f64::from(*DURATION_TENTHS.end()) / 10.0
                        prop:value=format!("{}", job.seconds())
                        on:change=move |ev| if let Some(t) = tenths_from_field(&event_target_value(&ev), DURATION_TENTHS) {
                            playground.edit(|l| l.scenario.jobs[(k as usize) - 1].tenths = t)
                        }/>
                    <label class="check">
                        <input type="checkbox" prop:checked=job.fails
                            on:change=move |ev| { let fails = event_target_checked(&ev); playground.edit(|l| l.scenario.jobs[(k as usize) - 1].fails = fails) }/>
                        {format!("Job {k} raises")}
                    </label>
                    <button type="button" disabled={move || scenario().jobs.len() <= 1}
                        on:click=move |_| playground.edit(|l| { l.scenario.remove_job(k); })>
                        {format!("Remove job {k}")}
                    </button>
                </div>
            </For>
            <button type="button" disabled={move || scenario().jobs.len() >= MAX_JOBS}
                on:click=move |_| playground.edit(|l| { l.scenario.push_job(Job::ok(10)); })>"Add job"</button>
        </fieldset>
        <fieldset class="order" disabled=order_unused aria-describedby="order-note">
            <legend>"Await order"</legend>
            <p class="note" id="order-note" hidden=move || !order_unused()>
                "gather and TaskGroup hand results back in argument order: await order applies to sync, await and tasks."
            </p>
            <ol>
                <For each=order key=|(p, k)| (*p, *k) let((position, k))>
                    <li>
                        {format!("job {k} ")}
                        <button type="button" aria-label=format!("Await job {k} earlier") on:click=move |_| move_job(position, true)>"↑"</button>
                        <button type="button" aria-label=format!("Await job {k} later") on:click=move |_| move_job(position, false)>"↓"</button>
                    </li>
                </For>
            </ol>
        </fieldset>
    }
}
