//! Web Workers kept in numbered slots: the one owner of a pool's bookkeeping, for the
//! lessons' pool (`workers`) and for the Python engine's. A slot's worker is started,
//! heard, replaced when it died or when its call was abandoned (terminated first, its
//! handlers unset), and waited for until it says it is ready. What a worker says, and what
//! a call is, is each pool's own ([`SlotState`]).

use std::cell::{Cell, RefCell};
use std::future::poll_fn;
use std::ops::Range;
use std::rc::Rc;
use std::task::{Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

pub use crate::calls::Calls;

/// What each pool's workers say, and what a call is: each pool's own.
pub trait SlotState: Default + 'static {
    /// What the pool keeps with a call under way.
    type Call: 'static;
    /// A call's reply.
    type Reply: 'static;
    /// A message from the worker; `calls` is the slot's bookkeeping.
    fn heard(&mut self, calls: &mut Calls<Self::Call, Self::Reply>, data: &JsValue);
}

/// A slot's state: the bookkeeping every pool has, and the pool's own.
pub struct SlotData<S: SlotState> {
    /// The slot's calls.
    pub calls: Calls<S::Call, S::Reply>,
    /// The pool's own.
    pub own: S,
}

impl<S: SlotState> Default for SlotData<S> {
    fn default() -> Self {
        SlotData { calls: Calls::default(), own: S::default() }
    }
}

/// `performance.timeOrigin` of this page: a worker's absolute times minus this are page ms.
pub fn time_origin() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.time_origin())
}

struct Slot<S: SlotState> {
    worker: Option<Worker>,
    state: Rc<RefCell<SlotData<S>>>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

impl<S: SlotState> Drop for Slot<S> {
    /// Ends the worker. Its handlers are unset first: a message it had already sent may
    /// still be delivered, and must not reach closures that are about to be dropped.
    fn drop(&mut self) {
        if let Some(worker) = &self.worker {
            worker.set_onmessage(None);
            worker.set_onerror(None);
            worker.terminate();
        }
    }
}

/// A pool's workers, in slots.
pub struct Slots<S: SlotState> {
    script: &'static str,
    next_call: Cell<u32>,
    module: bool,
    slots: RefCell<Vec<Slot<S>>>,
    wakers: Rc<RefCell<Vec<Waker>>>,
    /// Runs after each message or error has been heard (and the waiting futures woken).
    after: fn(),
}

fn wake_all(wakers: &RefCell<Vec<Waker>>) {
    for waker in wakers.borrow_mut().drain(..) {
        waker.wake();
    }
}

/// A thrown JavaScript value in words: an Error's (or DOMException's) name and message.
pub fn js_error(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", String::from(error.name()), String::from(error.message())),
        None => e.as_string().unwrap_or_else(|| format!("{e:?}")),
    }
}

impl<S: SlotState> Slots<S> {
    /// Slots of workers running `script` (a module worker's if `module`); `after` runs once
    /// each of their messages and errors has been heard.
    pub fn new(script: &'static str, module: bool, after: fn()) -> Slots<S> {
        Slots { script, next_call: Cell::new(0), module, slots: RefCell::new(Vec::new()), wakers: Rc::default(), after }
    }

    fn start(&self) -> Slot<S> {
        let state = Rc::new(RefCell::new(SlotData::<S>::default()));
        let (s, w, after) = (state.clone(), self.wakers.clone(), self.after);
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let mut st = s.borrow_mut();
            let SlotData { calls, own } = &mut *st;
            own.heard(calls, &event.data());
            drop(st);
            wake_all(&w);
            after();
        });
        let (s, w, after) = (state.clone(), self.wakers.clone(), self.after);
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            s.borrow_mut().calls.died(format!("the Web Worker died ({})", event.message()));
            wake_all(&w);
            after();
        });
        let options = WorkerOptions::new();
        if self.module {
            options.set_type(WorkerType::Module);
        }
        let worker = match Worker::new_with_options(self.script, &options) {
            Ok(worker) => {
                worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
                Some(worker)
            }
            Err(e) => {
                state.borrow_mut().calls.died(format!("the browser refused to start one ({})", js_error(&e)));
                None
            }
        };
        Slot { worker, state, _on_message: on_message, _on_error: on_error }
    }

    /// Replaces the worker of slot `i` with a fresh one (it died, or was stopped mid-call).
    pub fn replace(&self, i: usize) {
        let fresh = self.start();
        if let Some(slot) = self.slots.borrow_mut().get_mut(i) {
            *slot = fresh; // the old one is terminated as it is dropped
        }
    }

    /// Makes slots `0..n` hold a live worker: starts the missing ones, replaces dead ones.
    pub fn fill(&self, n: usize) {
        for i in 0..n {
            let dead = self.slots.borrow().get(i).map(|s| s.state.borrow().calls.failed.is_some());
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

    /// Ends the workers of the slots from `keep` on (terminated as they are dropped).
    pub fn truncate(&self, keep: usize) {
        self.slots.borrow_mut().truncate(keep);
    }

    /// Waits until the workers of `range` are ready, or one of them failed.
    pub async fn ready(&self, range: Range<usize>) -> Result<(), String> {
        poll_fn(|cx| {
            let slots = self.slots.borrow();
            for slot in &slots[range.start.min(slots.len())..range.end.min(slots.len())] {
                let st = slot.state.borrow();
                if let Some(e) = &st.calls.failed {
                    return Poll::Ready(Err(e.clone()));
                }
                if !st.calls.ready {
                    self.wakers.borrow_mut().push(cx.waker().clone());
                    return Poll::Pending;
                }
            }
            Poll::Ready(Ok(()))
        })
        .await
    }

    /// Waits until `f` gives a value, asking again after each message or error heard.
    pub async fn until<T>(&self, mut f: impl FnMut() -> Option<T>) -> T {
        let wakers = self.wakers.clone();
        poll_fn(move |cx| match f() {
            Some(value) => Poll::Ready(value),
            None => {
                wakers.borrow_mut().push(cx.waker().clone());
                Poll::Pending
            }
        })
        .await
    }

    /// Makes slots `0..n` hold a live worker and waits until they are ready: the ms it took,
    /// or the first failure.
    pub async fn warm(&self, n: usize) -> Result<f64, String> {
        let started = js_sys::Date::now();
        self.fill(n);
        self.ready(0..n).await?;
        Ok(js_sys::Date::now() - started)
    }

    /// Runs a call on slot `i`'s worker (started if need be, waited for until ready), with
    /// `kept` kept beside it: `send` posts it under its id; the call ends as the worker's
    /// answers (or its death) end it. Dropping the future while the call is under way (Stop)
    /// terminates the worker, puts a fresh one in its slot, and tells `abandoned` the call's id.
    pub async fn call(
        &self,
        i: usize,
        kept: S::Call,
        send: impl FnOnce(u32) -> Result<(), String>,
        abandoned: impl FnOnce(u32),
    ) -> Result<S::Reply, String> {
        self.fill(i + 1);
        self.ready(i..i + 1).await?;
        let call = self.next_call.get();
        self.next_call.set(call.wrapping_add(1));
        let state = self.state(i).ok_or("the Web Worker could not start")?;
        {
            let mut st = state.borrow_mut();
            st.calls.call = Some((call, kept));
            st.calls.result = None;
        }
        if let Err(e) = send(call) {
            state.borrow_mut().calls.call = None;
            return Err(e);
        }
        let _abandon = Abandon { slots: self, slot: i, state: state.clone(), call, abandoned: Some(abandoned) };
        self.until(|| state.borrow_mut().calls.result.take()).await
    }

    /// Slot `i`'s state.
    pub fn state(&self, i: usize) -> Option<Rc<RefCell<SlotData<S>>>> {
        self.slots.borrow().get(i).map(|s| s.state.clone())
    }

    /// Posts `message` to slot `i`'s worker.
    pub fn post(&self, i: usize, message: &JsValue) -> Result<(), String> {
        match self.slots.borrow().get(i).and_then(|s| s.worker.clone()) {
            Some(worker) => {
                worker.post_message(message).map_err(|e| format!("the Web Worker refused the call ({})", js_error(&e)))
            }
            None => Err("the Web Worker could not start".into()),
        }
    }

    /// How many slots the pool holds.
    pub fn len(&self) -> usize {
        self.slots.borrow().len()
    }

    /// Whether the pool holds no slot.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Wakes whoever waits on the pool (after a change made here rather than heard).
    pub fn wake(&self) {
        wake_all(&self.wakers);
    }
}

/// Terminates and replaces a worker whose call was abandoned before it ended.
struct Abandon<'a, S: SlotState, F: FnOnce(u32)> {
    slots: &'a Slots<S>,
    slot: usize,
    state: Rc<RefCell<SlotData<S>>>,
    call: u32,
    abandoned: Option<F>,
}

impl<S: SlotState, F: FnOnce(u32)> Drop for Abandon<'_, S, F> {
    fn drop(&mut self) {
        if !self.state.borrow().calls.is_current(self.call) {
            return;
        }
        self.state.borrow_mut().calls.call = None;
        self.slots.replace(self.slot); // the old worker is terminated as it is dropped
        if let Some(abandoned) = self.abandoned.take() {
            abandoned(self.call);
        }
    }
}
