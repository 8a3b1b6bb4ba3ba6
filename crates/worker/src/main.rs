//! A Web Worker of the playground's pool. It speaks the typed protocol of
//! `playground_core::worker_protocol`: each `Sleep` is a blocking `time.sleep`, a real
//! busy wait that holds this worker's own thread (never the page's), announced when it
//! begins and answered when it ends, both with this worker's own clock. It says
//! `Ready` once started. Anything else is refused with an error, which the page sees
//! as this worker dying.

use playground_core::aio::busy_wait;
use playground_core::worker_protocol::{FromWorker, ToWorker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn send(scope: &DedicatedWorkerGlobalScope, message: FromWorker) {
    let wire: Vec<f64> = message.encode().to_vec();
    let _ = scope.post_message(&js_sys::Float64Array::from(&wire[..]).into());
}

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let Some(performance) = scope.performance() else {
        wasm_bindgen::throw_str("this worker has no performance.now() clock");
    };
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let wire = js_sys::Float64Array::new(&event.data()).to_vec();
        let now = || performance.time_origin() + performance.now();
        match ToWorker::decode(&wire) {
            Ok(ToWorker::Sleep { call, ms }) => {
                send(&replies, FromWorker::Started { call, at: now() });
                busy_wait(ms, || performance.now());
                send(&replies, FromWorker::Done { call, at: now() });
            }
            Err(e) => wasm_bindgen::throw_str(&e.to_string()),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    send(&scope, FromWorker::Ready);
}
