//! A Web Worker of the playground's pool. Each message `[call, ms]` is a blocking
//! `time.sleep(ms)`: a real busy wait that holds this worker's own thread (never the
//! page's), after which it answers `call`. It answers `"ready"` once started, and a
//! message `"crash"` makes it fail (for the tests of a worker that dies).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let Some(performance) = scope.performance() else {
        wasm_bindgen::throw_str("this worker has no performance.now() clock");
    };
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        if data.as_string().as_deref() == Some("crash") {
            wasm_bindgen::throw_str("the worker was asked to crash");
        }
        let call = js_sys::Reflect::get_u32(&data, 0).ok().and_then(|v| v.as_f64()).unwrap_or(-1.0);
        let ms = js_sys::Reflect::get_u32(&data, 1).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
        let end = performance.now() + ms;
        while performance.now() < end {
            std::hint::spin_loop();
        }
        let _ = replies.post_message(&JsValue::from_f64(call));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
