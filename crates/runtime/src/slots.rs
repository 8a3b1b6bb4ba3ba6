//! Web Workers kept in numbered slots: the one owner of a pool's bookkeeping, for the
//! lessons' pool (`workers`) and for the Python engine's. A slot's worker is started,
//! heard, replaced when it died or when its call was abandoned (terminated first, its
//! handlers unset), and waited for until it says it is ready. What a worker says, and what
//! a call is, is each pool's own ([`SlotState`]).

use std::cell::RefCell;
use std::future::poll_fn;
use std::ops::Range;
use std::rc::Rc;
use std::task::{Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

/// What a slot knows of its worker: each pool's own.
pub trait SlotState: Default + 'static {
    /// A message from the worker.
    fn heard(&mut self, data: &JsValue);
    /// The worker died (`why`, in words); a call under way fails with it.
    fn died(&mut self, why: String);
    /// Whether it said it is ready.
    fn is_ready(&self) -> bool;
    /// Why it cannot run calls, if it cannot (it died, or could not start).
    fn failure(&self) -> Option<String>;
}

struct Slot<S> {
    worker: Option<Worker>,
    state: Rc<RefCell<S>>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

impl<S> Drop for Slot<S> {
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
pub struct Slots<S> {
    script: &'static str,
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
        Slots { script, module, slots: RefCell::new(Vec::new()), wakers: Rc::default(), after }
    }

    fn start(&self) -> Slot<S> {
        let state = Rc::new(RefCell::new(S::default()));
        let (s, w, after) = (state.clone(), self.wakers.clone(), self.after);
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            s.borrow_mut().heard(&event.data());
            wake_all(&w);
            after();
        });
        let (s, w, after) = (state.clone(), self.wakers.clone(), self.after);
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            s.borrow_mut().died(format!("the Web Worker died ({})", event.message()));
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
                state.borrow_mut().died(format!("the browser refused to start one ({})", js_error(&e)));
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
            let dead = self.slots.borrow().get(i).map(|s| s.state.borrow().failure().is_some());
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
                if let Some(e) = st.failure() {
                    return Poll::Ready(Err(e));
                }
                if !st.is_ready() {
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

    /// Slot `i`'s state.
    pub fn state(&self, i: usize) -> Option<Rc<RefCell<S>>> {
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
