//! The page's Web Workers for programs' pools: each is this same module, started as a module
//! worker (`playground-engine_loader.js`), and runs the functions a program sends to
//! `to_thread` / `run_in_executor` for real, on its own thread. Worker `i` of a run is slot
//! `i`. A call abandoned before it ends (Stop) terminates its worker; a fresh one takes the slot.
//! Calls begin in the order they were sent, as a Python pool's queue hands them out: the next
//! is posted once the worker of the one before has begun it.

use crate::protocol::{FromWorker, ToWorker};
use playground_core::aio::LocalFuture;
use playground_python::{WorkerHost, WorkerLine};
use std::cell::{Cell, RefCell};
use std::future::poll_fn;
use std::rc::Rc;
use std::task::{Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker's loader, written by Trunk beside `index.html`.
const SCRIPT: &str = "./playground-engine_loader.js";

type OnLine = Rc<dyn Fn(WorkerLine)>;

#[derive(Default)]
struct State {
    ready: bool,
    failed: Option<String>,
    call: Option<(u32, OnLine)>,
    result: Option<Result<String, String>>,
}

struct Slot {
    worker: Option<Worker>,
    state: Rc<RefCell<State>>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Some(worker) = &self.worker {
            worker.set_onmessage(None);
            worker.set_onerror(None);
            worker.terminate();
        }
    }
}

/// Calls waiting to be posted (slot, call, message), and the call posted but not yet begun.
#[derive(Default)]
struct Outbox {
    queue: std::collections::VecDeque<(usize, u32, String)>,
    posted: Option<u32>,
}

/// The pool of the page's program workers.
#[derive(Default)]
pub struct Pool {
    slots: RefCell<Vec<Slot>>,
    wakers: Rc<RefCell<Vec<Waker>>>,
    next_call: Cell<u32>,
    outbox: Rc<RefCell<Outbox>>,
}

thread_local! {
    static POOL: Rc<Pool> = Rc::new(Pool::default());
}

/// The page's pool.
pub fn pool() -> Rc<Pool> {
    POOL.with(Rc::clone)
}

fn wake_all(wakers: &RefCell<Vec<Waker>>) {
    for waker in wakers.borrow_mut().drain(..) {
        waker.wake();
    }
}

/// `performance.timeOrigin` of this page.
pub fn time_origin() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.time_origin())
}

fn on_message(state: &RefCell<State>, outbox: &RefCell<Outbox>, event: &MessageEvent) {
    let Some(wire) = event.data().as_string() else { return };
    let message = match FromWorker::decode(&wire) {
        Ok(m) => m,
        Err(e) => return web_sys::console::error_1(&e.to_string().into()),
    };
    let mut st = state.borrow_mut();
    match message {
        FromWorker::Ready => st.ready = true,
        FromWorker::Started { call } => {
            let mut out = outbox.borrow_mut();
            if out.posted == Some(call) {
                out.posted = None;
            }
        }
        FromWorker::Line { call, stderr, at, line, text } => {
            let heard = st.call.as_ref().filter(|(c, _)| *c == call).map(|(_, f)| f.clone());
            drop(st);
            if let Some(on_line) = heard {
                on_line(WorkerLine { stderr, text, at: at - time_origin(), line });
            }
        }
        FromWorker::Done { call, reply } => {
            if st.call.as_ref().is_some_and(|(c, _)| *c == call) {
                st.call = None;
                st.result = Some(Ok(reply));
            }
        }
    }
}

impl Pool {
    fn start(&self) -> Slot {
        let state = Rc::new(RefCell::new(State::default()));
        let (s, w, o) = (state.clone(), self.wakers.clone(), self.outbox.clone());
        let on_msg = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            on_message(&s, &o, &event);
            wake_all(&w);
            pump();
        });
        let (s, w, o) = (state.clone(), self.wakers.clone(), self.outbox.clone());
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            let mut st = s.borrow_mut();
            let message = format!("the Web Worker died ({})", event.message());
            st.failed = Some(message.clone());
            if let Some((call, _)) = st.call.take() {
                st.result = Some(Err(message));
                let mut out = o.borrow_mut();
                if out.posted == Some(call) {
                    out.posted = None;
                }
            }
            drop(st);
            wake_all(&w);
            pump();
        });
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = match Worker::new_with_options(SCRIPT, &options) {
            Ok(worker) => {
                worker.set_onmessage(Some(on_msg.as_ref().unchecked_ref()));
                worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
                Some(worker)
            }
            Err(e) => {
                state.borrow_mut().failed = Some(format!("the browser refused to start one ({e:?})"));
                None
            }
        };
        Slot { worker, state, _on_message: on_msg, _on_error: on_error }
    }

    /// Makes sure slots `0..n` hold a live worker (starting or replacing dead ones).
    fn fill(&self, n: usize) {
        for i in 0..n {
            let dead = self.slots.borrow().get(i).map(|s| s.state.borrow().failed.is_some());
            match dead {
                None => {
                    let slot = self.start();
                    self.slots.borrow_mut().push(slot);
                }
                Some(true) => self.replace(i),
                Some(false) => {}
            }
        }
    }

    fn replace(&self, i: usize) {
        let fresh = self.start();
        if let Some(slot) = self.slots.borrow_mut().get_mut(i) {
            *slot = fresh; // the old one is terminated as it is dropped
        }
    }

    /// Starts workers until there are at least `n`, and waits until the first `n` are ready:
    /// the ms it took, or the first failure.
    pub async fn warm(self: Rc<Self>, n: usize) -> Result<f64, String> {
        let started = js_sys::Date::now();
        self.fill(n);
        self.ready(0..n).await?;
        Ok(js_sys::Date::now() - started)
    }

    async fn ready(&self, range: std::ops::Range<usize>) -> Result<(), String> {
        poll_fn(|cx| {
            let slots = self.slots.borrow();
            for slot in &slots[range.start.min(slots.len())..range.end.min(slots.len())] {
                let st = slot.state.borrow();
                if let Some(e) = &st.failed {
                    return Poll::Ready(Err(e.clone()));
                }
                if !st.ready {
                    self.wakers.borrow_mut().push(cx.waker().clone());
                    return Poll::Pending;
                }
            }
            Poll::Ready(Ok(()))
        })
        .await
    }

    /// Has the first `n` workers check `source`'s program now (they are ready).
    pub fn prepare(&self, n: usize, source: &str) {
        let wire = ToWorker::Prepare { source: source.into() }.encode();
        for slot in self.slots.borrow().iter().take(n) {
            if let Some(worker) = &slot.worker {
                let _ = worker.post_message(&wire.as_str().into());
            }
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
            self.fill(i + 1);
            self.ready(i..i + 1).await?;
            let call = self.next_call.get();
            self.next_call.set(call.wrapping_add(1));
            let state = self.slots.borrow()[i].state.clone();
            {
                let mut st = state.borrow_mut();
                st.call = Some((call, on_line));
                st.result = None;
            }
            let wire = ToWorker::Call { call, origin: time_origin(), source: source.to_string(), request }.encode();
            if self.slots.borrow()[i].worker.is_none() {
                state.borrow_mut().call = None;
                return Err("the Web Worker could not start".to_string());
            }
            self.outbox.borrow_mut().queue.push_back((i, call, wire));
            self.post_next();
            let _abandon = Abandon { pool: self.clone(), slot: i, state: state.clone() };
            let wakers = self.wakers.clone();
            poll_fn(move |cx| match state.borrow_mut().result.take() {
                Some(result) => Poll::Ready(result),
                None => {
                    wakers.borrow_mut().push(cx.waker().clone());
                    Poll::Pending
                }
            })
            .await
        })
    }
}

/// Posts the next waiting call, unless one was posted that has not begun yet.
fn pump() {
    pool().post_next();
}

impl Pool {
    fn post_next(&self) {
        let next = {
            let mut out = self.outbox.borrow_mut();
            if out.posted.is_some() {
                return;
            }
            let Some(next) = out.queue.pop_front() else { return };
            out.posted = Some(next.1);
            next
        };
        let (i, call, wire) = next;
        let posted = self.slots.borrow().get(i).and_then(|s| s.worker.clone()).map(|w| w.post_message(&wire.into()));
        if !matches!(posted, Some(Ok(()))) {
            // That worker is gone (stopped, replaced): its call ends with the slot's failure.
            let mut out = self.outbox.borrow_mut();
            if out.posted == Some(call) {
                out.posted = None;
            }
            drop(out);
            if let Some(slot) = self.slots.borrow().get(i) {
                let mut st = slot.state.borrow_mut();
                if st.call.as_ref().is_some_and(|(c, _)| *c == call) {
                    st.call = None;
                    st.result = Some(Err("the Web Worker refused the call".into()));
                }
            }
            wake_all(&self.wakers);
            self.post_next();
        }
    }
}

/// Terminates and replaces a worker whose call was abandoned before it ended.
struct Abandon {
    pool: Rc<Pool>,
    slot: usize,
    state: Rc<RefCell<State>>,
}

impl Drop for Abandon {
    fn drop(&mut self) {
        let Some((call, _)) = self.state.borrow_mut().call.take() else { return };
        {
            let mut out = self.pool.outbox.borrow_mut();
            out.queue.retain(|(_, c, _)| *c != call);
            if out.posted == Some(call) {
                out.posted = None;
            }
        }
        self.pool.replace(self.slot);
        self.pool.post_next();
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
