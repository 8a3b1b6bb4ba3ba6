//! Runs that start by themselves (a link's `run=1`) take turns among the playgrounds of one
//! origin: the frames of a course page share the browser's thread, and one frame's run (its
//! drawing, its end) would land in another's. A turn is a Web Lock, held until the run ends.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const LOCK: &str = "asyncio-playground-autorun";

/// A turn: the others wait until it is dropped.
pub struct Turn {
    release: Option<js_sys::Function>,
}

impl Drop for Turn {
    fn drop(&mut self) {
        if let Some(release) = self.release.take() {
            let _ = release.call0(&JsValue::NULL);
        }
    }
}

/// Waits for this playground's turn. Where the browser has no Web Locks, or denies them, it is at once.
pub async fn take() -> Turn {
    let locks = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"locks".into()).ok())
        .filter(|l| !l.is_undefined());
    let request = locks.as_ref().and_then(|l| js_sys::Reflect::get(l, &"request".into()).ok());
    let (Some(locks), Some(request)) = (locks, request.and_then(|r| r.dyn_into::<js_sys::Function>().ok())) else {
        return Turn { release: None };
    };
    let release: Rc<RefCell<Option<js_sys::Function>>> = Rc::new(RefCell::new(None));
    let kept = release.clone();
    let granted = js_sys::Promise::new(&mut |granted, _| {
        let kept = kept.clone();
        let refused = granted.clone();
        // Called once the lock is ours: it stays ours until the promise returned here resolves.
        let on_grant = Closure::once_into_js(move |_lock: JsValue| -> js_sys::Promise {
            js_sys::Promise::new(&mut |release, _| {
                *kept.borrow_mut() = Some(release);
                let _ = granted.call0(&JsValue::NULL);
            })
        });
        // Where the browser denies Web Locks (a sandboxed frame), the turn is ours at once.
        match request.call2(&locks, &LOCK.into(), &on_grant) {
            Ok(pending) => wasm_bindgen_futures::spawn_local(async move {
                if JsFuture::from(js_sys::Promise::from(pending)).await.is_err() {
                    let _ = refused.call0(&JsValue::NULL);
                }
            }),
            Err(_) => drop(refused.call0(&JsValue::NULL)),
        }
    });
    let _ = JsFuture::from(granted).await;
    let release = release.borrow_mut().take();
    Turn { release }
}
