//! Future: a state that someone else sets later (here, a timer callback after 1 s).

use super::{Cell, Cells};
use leptos::prelude::*;
use leptos::task::spawn_local;
use playground_core::aio::{AioFuture, Outcome};

/// The future cell.
#[component]
pub fn FutureCell(cells: Cells) -> impl IntoView {
    let future = StoredValue::new_local(None::<AioFuture<String, String>>);
    let waiter = RwSignal::new(String::new());
    let rt = StoredValue::new_local(cells.rt.clone());
    let create = move |_| {
        let rt = rt.get_value();
        let fut = AioFuture::new(&rt);
        let (setter, clock) = (fut.clone(), rt.clone());
        // The timer callback is someone else: it sets the result 1 s from now.
        spawn_local(async move {
            clock.sleep(1000.0).await;
            setter.set_result("set by a timer".into());
        });
        future.set_value(Some(fut));
        waiter.set(String::new());
    };
    let await_it = move |_| {
        if let Some(fut) = future.get_value() {
            waiter.set("main is awaiting fut…".into());
            spawn_local(async move {
                let outcome = fut.wait().await;
                waiter.set(format!("main got {outcome:?}"));
            });
        }
    };
    let tick = cells.tick;
    let state = move || {
        tick.track();
        future.with_value(|f| match f.as_ref().map(AioFuture::outcome) {
            None => "no future yet".to_string(),
            Some(None) => "pending: no result yet".to_string(),
            Some(Some(Outcome::Returned(v))) => format!("done: result {v:?}"),
            Some(Some(other)) => format!("done: {other:?}"),
        })
    };
    let exists = move || {
        tick.track();
        future.with_value(Option::is_some)
    };
    view! {
        <Cell term="Future"
            python="fut = loop.create_future()\nloop.call_later(1, fut.set_result, 'set by a timer')\nresult = await fut"
            rust="let fut = AioFuture::new(&rt);\nspawn_local(async move { rt.sleep(1000.0).await; setter.set_result(..) });\nlet outcome = fut.wait().await;">
            <div class="cell-actions">
                <button type="button" on:click=create>"fut = loop.create_future()"</button>
                <button type="button" disabled=move || !exists() on:click=await_it>"await fut"</button>
            </div>
            <p class="cell-state" data-cell="future" aria-live="polite">{state}</p>
            <p class="cell-caller">{move || waiter.get()}</p>
        </Cell>
    }
}
