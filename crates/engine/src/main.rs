//! The Python engine's WebAssembly module: the page loads it (a dynamic `import()`) when a
//! program is first opened, so that the page's first load stays small. It checks programs,
//! runs them on the browser's event loop (the same runtime as the lessons: `spawn_local`
//! steps, the page's timer heap, real blocking sleeps) and stops them as Ctrl-C does, and
//! hands what they write and do to the page in the core's wire form
//! (`playground_core::program_trace`).

mod examples;
mod page;
mod pool;
mod protocol;
mod view;
mod worker;

fn main() {
    // In the page nothing runs at start: the page calls the exported functions. As a worker
    // of a program's pools, it serves the calls the page sends.
    if worker::in_worker() {
        worker::serve_calls();
    }
}
