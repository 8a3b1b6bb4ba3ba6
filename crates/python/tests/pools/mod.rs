//! Helpers of the pools' tests: runs on the virtual loop through a host that can change
//! requests and replies on their way, and an environment whose clock stands still.
#![allow(dead_code)]

use playground_core::aio::{LocalFuture, Rt};
use playground_core::virtual_loop::VirtualLoop;
use playground_python::{check, run_hosted, Limits, TraceLine, VirtualHost, WorkerEnv, WorkerHost, WorkerLine};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The end of the messages about what cannot be sent.
pub const WHY: &str = "the playground runs functions given to pools in a Web Worker, with a copy of the program's data";

/// A debug build takes much more native stack per Python call than a release build.
pub fn big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(256 << 20).spawn(f).expect("a thread").join().expect("no panic")
}

/// A host that changes requests and replies on their way (`None`: the virtual host as is).
pub type Tamper = Option<Rc<dyn Fn(String) -> String>>;

/// A virtual host that changes requests and replies on their way, and records requests.
pub struct TestHost {
    inner: VirtualHost,
    request: Tamper,
    reply: Tamper,
    /// Requests seen, with the worker each was sent to.
    seen: Rc<RefCell<Vec<(usize, String)>>>,
}

impl WorkerHost for TestHost {
    fn call(
        &self,
        worker: usize,
        request: String,
        on_line: Rc<dyn Fn(WorkerLine)>,
    ) -> LocalFuture<Result<String, String>> {
        self.seen.borrow_mut().push((worker, request.clone()));
        let request = match &self.request {
            Some(f) => f(request),
            None => request,
        };
        let call = self.inner.call(worker, request, on_line);
        let reply = self.reply.clone();
        Box::pin(async move {
            let r = call.await?;
            Ok(match reply {
                Some(f) => f(r),
                None => r,
            })
        })
    }
}

/// Runs `src` on the virtual loop with a test host; returns `who: text` lines and the requests.
pub fn run_with(src: &str, request: Tamper, reply: Tamper) -> (Vec<String>, Vec<(usize, String)>) {
    let program = check(src).expect("the program is accepted");
    let vloop = Rc::new(VirtualLoop::with_cores(4));
    let rt: Rt = vloop.clone();
    let seen = Rc::new(RefCell::new(Vec::new()));
    let host =
        Rc::new(TestHost { inner: VirtualHost::new(rt.clone(), program.clone()), request, reply, seen: seen.clone() });
    let lines = Rc::new(RefCell::new(Vec::new()));
    let sink_lines = lines.clone();
    let sink: Rc<dyn Fn(TraceLine)> = Rc::new(move |l| sink_lines.borrow_mut().push(format!("{}: {}", l.who, l.text)));
    rt.spawn(run_hosted(&program, rt.clone(), 1000.0, sink, Limits { max_ops: 2_000_000, ..Limits::default() }, host));
    vloop.run().expect("the loop runs to its end");
    let out = lines.borrow().clone();
    let requests = seen.borrow().clone();
    (out, requests)
}

pub fn run(src: &str) -> Vec<String> {
    let src = src.to_string();
    big_stack(move || run_with(&src, None, None).0)
}

pub const PRELUDE: &str = "import asyncio, time, random, sys\nfrom concurrent.futures import ProcessPoolExecutor\n\n\
                       def ident(x):\n    return x\n\n";

pub fn main_of(body: &str) -> String {
    let body: String = body.lines().map(|l| format!("    {l}\n")).collect();
    format!("{PRELUDE}async def main():\n{body}\nasyncio.run(main())\n")
}

pub fn task_lines(lines: &[String]) -> Vec<&str> {
    lines.iter().filter_map(|l| l.strip_prefix("Task-1: ")).collect()
}

/// An environment whose clock stands still at `now`: it keeps the lines written, and the ms
/// the call slept (on the worker's timer) and blocked (where it could not suspend).
#[derive(Default)]
pub struct Still {
    pub now: f64,
    pub lines: RefCell<Vec<WorkerLine>>,
    pub slept: Cell<f64>,
    pub blocked: Cell<f64>,
}

impl WorkerEnv for Still {
    fn now(&self) -> f64 {
        self.now
    }
    fn sleep(&self, ms: f64) -> LocalFuture<()> {
        self.slept.set(self.slept.get() + ms);
        Box::pin(std::future::ready(()))
    }
    fn block(&self, ms: f64) {
        self.blocked.set(self.blocked.get() + ms);
    }
    fn write(&self, line: WorkerLine) {
        self.lines.borrow_mut().push(line);
    }
}

/// The output of a future that is ready when first polled (a worker's call on a still clock).
pub fn at_once<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    match f.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
        std::task::Poll::Ready(out) => out,
        std::task::Poll::Pending => panic!("the call suspended on a still clock"),
    }
}
