//! The page's Web Workers for programs' pools: each is this same module, started as a module
//! worker (`playground-engine_loader.js`), and runs the functions a program sends to
//! `to_thread` / `run_in_executor` for real, on its own thread. Worker `i` of a run is slot
//! `i` (`playground_runtime::slots`). A call abandoned before it ends (Stop) terminates its
//! worker; a fresh one takes the slot. Calls begin in the order they were sent, as a Python
//! pool's queue hands them out: the next is posted once the worker of the one before has begun it.

use crate::protocol::{FromWorker, ToWorker};
use playground_core::aio::LocalFuture;
use playground_python::{WorkerHost, WorkerLine};
use playground_runtime::slots::{time_origin, Calls, SlotState, Slots};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// The worker's loader, written by Trunk beside `index.html`.
const SCRIPT: &str = "./playground-engine_loader.js";

type OnLine = Rc<dyn Fn(WorkerLine)>;

/// What a program worker says: beside a call under way, who hears its lines; a call's reply
/// is the worker's answer. It also says when it began a call.
#[derive(Default)]
pub struct State {
    /// The last call the worker said it began.
    begun: Option<u32>,
}

impl SlotState for State {
    type Call = OnLine;
    type Reply = String;

    fn heard(&mut self, calls: &mut Calls<OnLine, String>, data: &JsValue) {
        let Some(wire) = data.as_string() else { return };
        match FromWorker::decode(&wire) {
            Ok(FromWorker::Ready) => calls.ready = true,
            Ok(FromWorker::Started { call }) => self.begun = Some(call),
            Ok(FromWorker::Line { call, stderr, at, line, text }) => {
                if let Some(on_line) = calls.current(call) {
                    on_line(WorkerLine { stderr, text, at: at - time_origin(), line });
                }
            }
            Ok(FromWorker::Done { call, reply }) => calls.end(call, Ok(reply)),
            Err(e) => web_sys::console::error_1(&e.to_string().into()),
        }
    }
}

/// Calls waiting to be posted (slot, call, message), and the call posted (slot, call) that
/// its worker has not said it began yet.
#[derive(Default)]
struct Outbox {
    queue: VecDeque<(usize, u32, String)>,
    posted: Option<(usize, u32)>,
}

/// The pool of the page's program workers.
pub struct Pool {
    slots: Slots<State>,
    outbox: RefCell<Outbox>,
}

thread_local! {
    static POOL: Rc<Pool> = Rc::new(Pool {
        slots: Slots::new(SCRIPT, true, || pool().post_next()),
        outbox: RefCell::default(),
    });
}

/// The page's pool.
pub fn pool() -> Rc<Pool> {
    POOL.with(Rc::clone)
}

impl Pool {
    /// Starts workers until there are at least `n`, and waits until the first `n` are ready:
    /// the ms it took, or the first failure.
    pub async fn warm(self: Rc<Self>, n: usize) -> Result<f64, String> {
        self.slots.warm(n).await
    }

    /// Has the first `n` workers check `source`'s program now (they are ready).
    pub fn prepare(&self, n: usize, source: &str) {
        let wire: JsValue = ToWorker::Prepare { source: source.into() }.encode().into();
        for i in 0..n.min(self.slots.len()) {
            let _ = self.slots.post(i, &wire);
        }
    }

    /// Runs `request` of `source`'s program on worker `i` (starting it if need be).
    fn call(
        self: Rc<Self>,
        i: usize,
        source: Rc<str>,
        request: String,
        on_line: OnLine,
    ) -> LocalFuture<Result<String, String>> {
        Box::pin(async move {
            let send = |call| {
                let wire = ToWorker::Call { call, origin: time_origin(), source: source.to_string(), request }.encode();
                self.outbox.borrow_mut().queue.push_back((i, call, wire));
                self.post_next();
                Ok(())
            };
            let abandoned = |call| {
                self.outbox.borrow_mut().queue.retain(|(_, c, _)| *c != call);
                self.post_next();
            };
            self.slots.call(i, on_line, send, abandoned).await
        })
    }

    /// Posts the next waiting call, once the one posted before it has begun (or ended).
    fn post_next(&self) {
        loop {
            let next = {
                let mut out = self.outbox.borrow_mut();
                if let Some((slot, call)) = out.posted {
                    let state = self.slots.state(slot);
                    let waiting = state.is_some_and(|s| {
                        let st = s.borrow();
                        st.own.begun != Some(call) && st.calls.is_current(call)
                    });
                    if waiting {
                        return;
                    }
                    out.posted = None;
                }
                let Some(next) = out.queue.pop_front() else { return };
                out.posted = Some((next.0, next.1));
                next
            };
            let (i, call, wire) = next;
            if let Err(e) = self.slots.post(i, &wire.into()) {
                // That worker is gone: its call ends with why, and the next one goes.
                if let Some(state) = self.slots.state(i) {
                    state.borrow_mut().calls.end(call, Err(e));
                }
                self.slots.wake();
            }
        }
    }
}

/// A program's runs' host: its pools' calls go to the page's program workers.
pub struct BrowserHost {
    source: Rc<str>,
}

impl BrowserHost {
    /// The host of `source`'s runs.
    pub fn new(source: &str) -> BrowserHost {
        BrowserHost { source: source.into() }
    }
}

impl WorkerHost for BrowserHost {
    fn call(&self, worker: usize, request: String, on_line: OnLine) -> LocalFuture<Result<String, String>> {
        pool().call(worker, self.source.clone(), request, on_line)
    }
}
