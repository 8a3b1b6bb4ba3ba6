//! Coroutine function and coroutine object: calling creates, awaiting runs.

use super::{fetch_data, Cell, CellLog, Cells};
use leptos::prelude::*;
use leptos::task::spawn_local;
use playground_core::aio::probe::{probe, ProbeStats, Probed};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

type Coroutine = Probed<Pin<Box<dyn Future<Output = Result<String, String>>>>>;

/// The coroutine cell.
#[component]
pub fn CoroutineCell(cells: Cells) -> impl IntoView {
    let log = RwSignal::new(Vec::<String>::new());
    let caller = RwSignal::new(String::from("main has not called fetch_data yet"));
    let coroutine = StoredValue::new_local(None::<Coroutine>);
    let stats = StoredValue::new_local(None::<Rc<ProbeStats>>);
    let rt = StoredValue::new_local(cells.rt.clone());
    let create = move |_| {
        let rt = rt.get_value();
        let body: Pin<Box<dyn Future<Output = Result<String, String>>>> = Box::pin(fetch_data(rt.clone(), 1, log));
        let (probed, probe_stats) = probe(body);
        coroutine.set_value(Some(probed));
        stats.set_value(Some(probe_stats));
        log.set(Vec::new());
        caller.set("main called fetch_data(1): it got a coroutine object, and nothing ran".into());
    };
    let await_it = move |_| {
        if let Some(coro) = coroutine.try_update_value(Option::take).flatten() {
            caller.set("main is awaiting coro: it waits right here until coro finishes".into());
            spawn_local(async move {
                let result = coro.await;
                caller.set(format!("main got {result:?}: await ran the coroutine to its end"));
            });
        }
    };
    let tick = cells.tick;
    let state = move || {
        tick.track();
        stats.with_value(|s| match s {
            Some(s) => format!("poll count {} · woken {} times · {}", s.polls(), s.wakes(), s.state().label()),
            None => "no coroutine object yet".into(),
        })
    };
    let can_await = move || {
        tick.track();
        coroutine.with_value(Option::is_some)
    };
    view! {
        <Cell term="Coroutine function and coroutine object"
            python="coro = fetch_data(1)   # a coroutine object: nothing runs\nresult = await coro     # runs it to its end, right here"
            rust="let (coro, stats) = probe(fetch_data(rt, 1, log)); // a future: nothing runs\nlet result = coro.await;  // polled until Ready">
            <div class="cell-actions">
                <button type="button" on:click=create>"coro = fetch_data(1)"</button>
                <button type="button" disabled=move || !can_await() on:click=await_it>"await coro"</button>
            </div>
            <p class="cell-state" data-cell="coroutine" aria-live="polite">{state}</p>
            <p class="cell-caller">{move || caller.get()}</p>
            <CellLog log=log label="Coroutine output".into()/>
        </Cell>
    }
}
