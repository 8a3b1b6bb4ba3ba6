//! Awaitable: what `await` accepts, and what it refuses.

use super::Cell;
use leptos::prelude::*;

/// The awaitable cell: the three kinds of awaitable, and the classic mistake.
#[component]
pub fn AwaitableCell() -> impl IntoView {
    view! {
        <Cell term="Awaitable"
            python="await coro       # a coroutine object\nawait fut        # a Future\nawait task       # a Task\nawait time.sleep(1)"
            rust="coro.await;      // any value that implements Future\nfut.wait().await;\ntask.wait().await;\nrt.block(1000.0).await;">
            <p>
                "await accepts three kinds of object: coroutines, Futures and Tasks (a Task is a Future with a \
                 coroutine inside). time.sleep(1) is none of them: it is a plain function that blocks for a second \
                 and returns None, and only then does await find out."
            </p>
            <dl class="refusals">
                <dt>"Python, at run time, after blocking 1 s:"</dt>
                <dd><code>"TypeError: object NoneType can't be used in 'await' expression"</code></dd>
                <dt>"Rust, at compile time (the playground would not even build):"</dt>
                <dd><code>"error[E0277]: `()` is not a future"</code></dd>
            </dl>
        </Cell>
    }
}
