//! Other playgrounds on the same page. The frames of one course page share the browser's
//! thread, so one frame's start-up (instantiating its wasm, drawing its first page) would
//! land in another frame's run. Each playground says on a `BroadcastChannel` when it has
//! started, and a run from a link waits until its siblings have been quiet for a while.

use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

const CHANNEL: &str = "asyncio-playground";
/// How long (ms) the siblings must have been quiet before a run from a link starts.
pub const QUIET_MS: f64 = 300.0;

/// The channel, and its handler (kept alive with it).
type Open = (web_sys::BroadcastChannel, Closure<dyn FnMut()>);

thread_local! {
    static LAST_HEARD: Cell<f64> = const { Cell::new(f64::NEG_INFINITY) };
    static CHANNEL_OPEN: RefCell<Option<Open>> = const { RefCell::new(None) };
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Says to the other playgrounds of this origin that this one has started, and listens
/// for theirs. Where the browser has no `BroadcastChannel`, nothing is said or heard.
pub fn announce() {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else { return };
    let heard = Closure::<dyn FnMut()>::new(|| LAST_HEARD.with(|l| l.set(now())));
    channel.set_onmessage(Some(heard.as_ref().unchecked_ref()));
    let _ = channel.post_message(&"started".into());
    CHANNEL_OPEN.with(|c| *c.borrow_mut() = Some((channel, heard)));
}

/// Resolves once no sibling has started in the last [`QUIET_MS`].
pub async fn quiet() {
    loop {
        let since = now() - LAST_HEARD.with(Cell::get);
        if since >= QUIET_MS {
            return;
        }
        gloo_timers::future::TimeoutFuture::new((QUIET_MS - since).ceil() as u32).await;
    }
}
