//! The page's pool of Web Workers (lesson 6): each runs blocking sleeps on its own
//! thread, so the page's event loop stays free. Workers don't share the page's
//! memory, so both Python's threads and its processes become workers here.

use playground_core::aio::LocalFuture;
use std::cell::{Cell, RefCell};
use std::future::poll_fn;
use std::rc::Rc;
use std::task::{Poll, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// The worker's loader, written by Trunk beside `index.html` (relative, for any host).
pub const SCRIPT: &str = "./playground-worker_loader.js";

#[derive(Default)]
struct State {
    ready: bool,
    failed: Option<String>,
    call: Option<Result<(), String>>,
    busy: bool,
}

struct Slot {
    worker: Option<Worker>,
    state: Rc<RefCell<State>>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

/// The pool of workers shared by every run of the page.
#[derive(Default)]
pub struct Workers {
    slots: RefCell<Vec<Slot>>,
    wakers: Rc<RefCell<Vec<Waker>>>,
    next_call: Cell<u32>,
}

thread_local! {
    static WORKERS: Rc<Workers> = Rc::new(Workers::default());
}

/// The page's pool.
pub fn workers() -> Rc<Workers> {
    WORKERS.with(Rc::clone)
}

fn wake_all(wakers: &RefCell<Vec<Waker>>) {
    for waker in wakers.borrow_mut().drain(..) {
        waker.wake();
    }
}

impl Workers {
    fn start(&self) -> Slot {
        let state = Rc::new(RefCell::new(State::default()));
        let (s, w) = (state.clone(), self.wakers.clone());
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let mut st = s.borrow_mut();
            if event.data().as_string().as_deref() == Some("ready") {
                st.ready = true;
            } else {
                st.call = Some(Ok(()));
                st.busy = false;
            }
            drop(st);
            wake_all(&w);
        });
        let (s, w) = (state.clone(), self.wakers.clone());
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            let mut st = s.borrow_mut();
            let message = format!("the Web Worker died ({})", event.message());
            st.failed = Some(message.clone());
            if st.busy {
                st.call = Some(Err(message));
                st.busy = false;
            }
            drop(st);
            wake_all(&w);
        });
        let worker = match Worker::new(SCRIPT) {
            Ok(worker) => {
                worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
                worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
                Some(worker)
            }
            Err(e) => {
                state.borrow_mut().failed = Some(format!("the Web Worker could not start: {e:?}"));
                None
            }
        };
        Slot { worker, state, _on_message: on_message, _on_error: on_error }
    }

    /// Slots that can take a call now or soon: started and not dead.
    fn usable(&self) -> Vec<usize> {
        self.slots
            .borrow()
            .iter()
            .enumerate()
            .filter(|(_, s)| s.state.borrow().failed.is_none())
            .map(|(i, _)| i)
            .collect()
    }

    /// Starts workers until `n` of them are alive and not busy, replacing dead ones,
    /// and waits until those are ready. Resolves with the milliseconds it took, or the
    /// first failure. Workers still sleeping for a stopped run finish their sleep and
    /// come back to the pool: they are neither killed nor counted.
    pub async fn warm(self: Rc<Self>, n: usize) -> Result<f64, String> {
        let started = js_sys::Date::now();
        let idle =
            |pool: &Workers| pool.usable().into_iter().filter(|&i| !pool.slots.borrow()[i].state.borrow().busy).count();
        {
            let mut slots = self.slots.borrow_mut();
            for slot in slots.iter_mut() {
                if slot.state.borrow().failed.is_some() {
                    if let Some(worker) = &slot.worker {
                        worker.terminate();
                    }
                    *slot = self.start();
                }
            }
        }
        while idle(&self) < n {
            let slot = self.start();
            self.slots.borrow_mut().push(slot);
        }
        let pool = self.clone();
        poll_fn(move |cx| {
            let slots = pool.slots.borrow();
            let mut ready = 0;
            for slot in slots.iter() {
                let st = slot.state.borrow();
                if let Some(e) = &st.failed {
                    return Poll::Ready(Err(e.clone()));
                }
                if st.ready && !st.busy {
                    ready += 1;
                }
            }
            if ready >= n {
                Poll::Ready(Ok(()))
            } else {
                pool.wakers.borrow_mut().push(cx.waker().clone());
                Poll::Pending
            }
        })
        .await?;
        Ok(js_sys::Date::now() - started)
    }

    /// Runs a blocking sleep of `ms` on an idle, ready worker (starting one if none is).
    /// The pool's own numbering (`_worker`) is the core's: any free worker will do.
    pub fn run(self: Rc<Self>, _worker: usize, ms: f64) -> LocalFuture<Result<(), String>> {
        Box::pin(async move {
            self.clone().warm(1).await?;
            let index = {
                let slots = self.slots.borrow();
                slots.iter().position(|s| {
                    let st = s.state.borrow();
                    st.ready && !st.busy && st.failed.is_none()
                })
            };
            let Some(index) = index else { return Err("no Web Worker is free".to_string()) };
            let state = self.slots.borrow()[index].state.clone();
            let call = self.next_call.get();
            self.next_call.set(call.wrapping_add(1));
            {
                let mut st = state.borrow_mut();
                st.busy = true;
                st.call = None;
            }
            let message: JsValue = if crash_requested() {
                "crash".into()
            } else {
                js_sys::Array::of2(&f64::from(call).into(), &ms.into()).into()
            };
            let posted = match &self.slots.borrow()[index].worker {
                Some(worker) => {
                    worker.post_message(&message).map_err(|e| format!("the Web Worker refused the call: {e:?}"))
                }
                None => Err("the Web Worker could not start".to_string()),
            };
            if let Err(e) = posted {
                state.borrow_mut().busy = false;
                return Err(e);
            }
            let wakers = self.wakers.clone();
            poll_fn(move |cx| match state.borrow_mut().call.take() {
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

/// A hidden switch for the tests: `globalThis.__playgroundCrashNextWorker = true`
/// makes the next call crash its worker.
fn crash_requested() -> bool {
    crate::debug_switch("__playgroundCrashNextWorker")
}
