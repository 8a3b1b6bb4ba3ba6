//! A Web Worker of the playground's pool. It speaks the typed protocol of
//! `playground_core::worker_protocol`: each `Sleep` is a `time.sleep` in a thread or a
//! process, which holds this worker (the pool sends it no other call meanwhile) without
//! using its CPU, as an OS thread's sleep does: a timer on this worker's own heap
//! (`playground_runtime::timers`), announced when it begins and answered when it ends,
//! both with this worker's own clock. It says `Ready` once started. Anything else is
//! refused with an error, which the page sees as this worker dying.

use playground_core::worker_protocol::{FromWorker, ToWorker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Performance};

fn send(scope: &DedicatedWorkerGlobalScope, message: FromWorker) {
    let wire: Vec<f64> = message.encode().to_vec();
    let _ = scope.post_message(&js_sys::Float64Array::from(&wire[..]).into());
}

/// This worker's clock in ms since the Unix epoch, as the page reads it.
fn now(performance: &Performance) -> f64 {
    performance.time_origin() + performance.now()
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let Some(performance) = scope.performance() else {
        wasm_bindgen::throw_str("this worker has no performance.now() clock");
    };
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let wire = js_sys::Float64Array::new(&event.data()).to_vec();
        match ToWorker::decode(&wire) {
            Ok(ToWorker::Sleep { call, ms }) => {
                send(&replies, FromWorker::Started { call, at: now(&performance) });
                let (replies, performance) = (replies.clone(), performance.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    playground_runtime::timers::sleep(ms).await;
                    send(&replies, FromWorker::Done { call, at: now(&performance) });
                });
            }
            Err(e) => wasm_bindgen::throw_str(&e.to_string()),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    send(&scope, FromWorker::Ready);
}
