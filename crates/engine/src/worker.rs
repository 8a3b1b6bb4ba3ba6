//! This module as a Web Worker of a program's pools: each call is a function the program
//! sent to `to_thread` / `run_in_executor`, run to its end by the Python engine on this
//! worker's own thread. A `time.sleep` in it holds this worker, which takes no other call
//! meanwhile, without using its CPU, as an OS thread's sleep does: the call waits on this
//! worker's timer (a real busy wait only where the call cannot suspend, as in a `key=`
//! function). Its lines go to the page as they are written, with this worker's time.

use crate::protocol::{FromWorker, ToWorker};
use playground_core::aio::{busy_wait, LocalFuture};
use playground_python::{check, serve, Program, WorkerEnv, WorkerLine};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Performance};

fn send(scope: &DedicatedWorkerGlobalScope, message: &FromWorker) {
    let _ = scope.post_message(&message.encode().into());
}

/// A call's environment: the page's clock, this worker's timers and a real blocking sleep,
/// lines posted as written.
struct Env {
    scope: DedicatedWorkerGlobalScope,
    performance: Performance,
    /// The page's `performance.timeOrigin`: times are sent on the page's clock.
    origin: f64,
    call: u32,
}

impl Env {
    fn absolute(&self) -> f64 {
        self.performance.time_origin() + self.performance.now()
    }
}

impl WorkerEnv for Env {
    fn now(&self) -> f64 {
        self.absolute() - self.origin
    }
    fn sleep(&self, ms: f64) -> LocalFuture<()> {
        Box::pin(playground_runtime::timers::sleep(ms))
    }
    fn block(&self, ms: f64) {
        busy_wait(ms, || self.performance.now());
    }
    fn write(&self, l: WorkerLine) {
        let line =
            FromWorker::Line { call: self.call, stderr: l.stderr, at: l.at + self.origin, line: l.line, text: l.text };
        send(&self.scope, &line);
    }
    fn stack(&self) -> Option<usize> {
        Some(WORKER_STACK)
    }
}

/// Bytes of stack a function's nested calls may use in a Web Worker before `RecursionError`:
/// half the page's, as Chromium gives a worker about half the page's native stack (plain
/// recursion overflowed it after 400 to 500 calls, in the page after 850 to 900).
const WORKER_STACK: usize = playground_python::interp::call::MAX_STACK / 2;

/// Whether this module runs as a Web Worker (rather than in the page).
pub fn in_worker() -> bool {
    js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>().is_ok()
}

/// Serves calls until the page terminates this worker.
pub fn serve_calls() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let Some(performance) = scope.performance() else {
        wasm_bindgen::throw_str("this worker has no performance.now() clock");
    };
    // The last program checked, by its source: a run's calls all share it.
    let checked: RefCell<Option<(String, Program)>> = RefCell::new(None);
    let replies = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let wire = event.data().as_string().unwrap_or_default();
        let (call, origin, source, request) = match ToWorker::decode(&wire) {
            Ok(ToWorker::Call { call, origin, source, request }) => (call, origin, source, request),
            Ok(ToWorker::Prepare { source }) => return prepare(&checked, source),
            Err(e) => wasm_bindgen::throw_str(&e.to_string()),
        };
        send(&replies, &FromWorker::Started { call });
        prepare(&checked, source);
        let program = checked.borrow().as_ref().map(|(_, p)| p.clone());
        let Some(program) = program else { return };
        let env = Rc::new(Env { scope: replies.clone(), performance: performance.clone(), origin, call });
        let replies = replies.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let reply = serve(&program, &request, env).await;
            send(&replies, &FromWorker::Done { call, reply });
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    warm_up();
    send(&scope, &FromWorker::Ready);
}

/// Checks `source`'s program, unless it is the one checked last.
fn prepare(checked: &RefCell<Option<(String, Program)>>, source: String) {
    if checked.borrow().as_ref().is_some_and(|(s, _)| *s == source) {
        return;
    }
    match check(&source) {
        Ok(program) => *checked.borrow_mut() = Some((source, program)),
        Err(e) => wasm_bindgen::throw_str(&format!("the program does not check in its worker: {e}")),
    }
}

/// A program like those sent to pools, run once before the worker says it is ready: the
/// engine's code is compiled then, so that a run's first call starts on time.
const WARM_UP: &str = "import time\n\n\ndef work(n, *rest, **named):\n    total = sum(i * i for i in range(n))\n    \
                       print(f'work {n}: {total}', rest, named)\n    time.sleep(0)\n    return [total, str(n), {'n': n}]\n\n\n\
                       for k in range(3):\n    work(10 + k, 'x', key=k)\n";

fn warm_up() {
    let _ = playground_python::run_virtual(WARM_UP, 1000.0, 1);
}
