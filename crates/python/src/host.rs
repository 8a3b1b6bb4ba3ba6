//! The loop's side of pools: how a call sent to a pool's worker runs ([`WorkerHost`]), the
//! virtual loop's host ([`VirtualHost`]), and the messages (see [`crate::worker`]).

use crate::interp::exc::{exc_class, make_exc};
use crate::interp::{Cx, Interp};
use crate::portable::{Decoder, Encoder, Reader, Unsendable, WireError};
use crate::value::{Args, Class, Value};
use crate::worker::{serve, WorkerEnv, WorkerLine, REPLY, REQUEST};
use crate::Program;
use playground_core::aio::{LocalFuture, Rt};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Runs calls on the workers of a run's pools.
pub trait WorkerHost {
    /// Runs `request` (wire) on worker `worker` of the run; `on_line` hears each line as
    /// written (its `at` in ms on the run's clock, the loop runtime's `now`); the future gives
    /// the reply (wire), or an error if the worker died. Dropping the future abandons the call
    /// (the browser host then terminates and replaces that worker).
    fn call(
        &self,
        worker: usize,
        request: String,
        on_line: Rc<dyn Fn(WorkerLine)>,
    ) -> LocalFuture<Result<String, String>>;
}

/// The host on a runtime with no workers of its own (the virtual loop): a call runs
/// [`serve`] at once when its worker takes it, on a clock of its own that starts then and
/// advances only by the function's `time.sleep`s; then each line is written at its own time
/// and the reply comes at the end, through the runtime's timers (`rt.sleep`), so the loop
/// runs meanwhile.
pub struct VirtualHost {
    rt: Rt,
    program: Program,
}

impl VirtualHost {
    /// The virtual host of `program`'s runs on `rt`.
    pub fn new(rt: Rt, program: Program) -> VirtualHost {
        VirtualHost { rt, program }
    }
}

enum Event {
    Line(WorkerLine),
    Block(f64),
}

/// A worker's environment on a local clock, recording what the call did.
struct Recorder {
    clock: Cell<f64>,
    events: RefCell<Vec<Event>>,
}

impl WorkerEnv for Recorder {
    fn now(&self) -> f64 {
        self.clock.get()
    }
    fn sleep(&self, ms: f64) -> LocalFuture<()> {
        self.block(ms);
        Box::pin(std::future::ready(()))
    }
    fn block(&self, ms: f64) {
        self.clock.set(self.clock.get() + ms);
        self.events.borrow_mut().push(Event::Block(ms));
    }
    fn write(&self, line: WorkerLine) {
        self.events.borrow_mut().push(Event::Line(line));
    }
}

impl WorkerHost for VirtualHost {
    fn call(&self, _: usize, request: String, on_line: Rc<dyn Fn(WorkerLine)>) -> LocalFuture<Result<String, String>> {
        let (rt, program) = (self.rt.clone(), self.program.clone());
        Box::pin(async move {
            let env = Rc::new(Recorder { clock: Cell::new(rt.now()), events: RefCell::new(Vec::new()) });
            let reply = serve(&program, &request, env.clone()).await;
            let events = env.events.take();
            for event in events {
                match event {
                    Event::Line(line) => on_line(line),
                    Event::Block(ms) => rt.sleep(ms).await,
                }
            }
            Ok(reply)
        })
    }
}

/// A run's host and program, kept by its interpreter for its pools.
#[derive(Clone)]
pub struct Hosting {
    /// Runs the calls.
    pub host: Rc<dyn WorkerHost>,
    /// The program (to read replies: functions are named by their definition).
    pub program: Program,
}

fn call_part(e: &mut Encoder, process: bool, f: &Value, args: &Args) -> Result<(), Unsendable> {
    e.set_pickle(process);
    e.value(f)?;
    e.w.num(args.pos.len());
    args.pos.iter().try_for_each(|a| e.value(a))?;
    e.w.num(args.kw.len());
    for (k, v) in &args.kw {
        e.w.text(k);
        e.value(v)?;
    }
    e.drain()?;
    e.set_pickle(false);
    Ok(())
}

/// Whether the call `f(*args)` can be sent to a pool's worker.
pub(crate) fn check(cx: &Cx, process: bool, f: &Value, args: &Args) -> Result<(), Unsendable> {
    call_part(&mut Encoder::new(cx), process, f, args)
}

/// The request for `f(*args)` with a copy of the globals as they are now; and the program's
/// classes and functions it sends, in order (the reply names them by index).
pub(crate) fn request(cx: &Cx, process: bool, f: &Value, args: &Args) -> Result<(String, Vec<Value>), Unsendable> {
    let interp = &cx.interp;
    let mut e = Encoder::new(cx);
    e.w.0.push_str(REQUEST);
    e.w.tag(if process { 'p' } else { 't' });
    for x in [interp.unit, interp.t0] {
        e.w.num(format_args!("{:x}", x.to_bits()));
    }
    e.w.num(interp.max_ops.get());
    e.w.num(interp.max_depth.get());
    e.w.num(interp.max_stack.get());
    e.w.num(interp.rt.cores());
    crate::worker::write_random(&mut e.w, &interp.random.borrow());
    call_part(&mut e, process, f, args)?;
    let globals = crate::portable::sorted(&interp.globals.vars.borrow());
    e.attrs(globals, true)?;
    e.drain()?;
    let sent = std::mem::take(&mut e.sent);
    Ok((e.finish(), sent))
}

/// How a call ended, as its reply says.
pub(crate) enum Outcome {
    /// It returned.
    Result(Value),
    /// It raised (or its result could not be sent back).
    Raised(Value),
    /// The run must stop.
    Fatal(String),
}

/// Reads a reply; `sent`: the classes and functions of its request.
pub(crate) fn reply(
    cx: &Cx,
    hosting: &Hosting,
    wire: &str,
    sent: &[Value],
    process: bool,
) -> Result<Outcome, WireError> {
    let mut d = Decoder::new(cx, &hosting.program, Reader::new(wire), sent);
    REPLY.bytes().try_for_each(|b| d.r.expect(b)).map_err(|_| WireError::Version)?;
    let drawn = match d.r.peek() {
        Some(b'g') => {
            d.r.tag()?;
            Some(crate::worker::read_random(&mut d.r)?)
        }
        _ => None,
    };
    let at = d.r.pos();
    let out = match d.r.tag()? {
        b'r' => Outcome::Result(d.value()?),
        b'e' => {
            let exc = d.value()?;
            let text = match d.r.peek() {
                Some(b'_') => d.r.tag().map(|_| None)?,
                _ => Some(d.r.text()?),
            };
            d.drain()?;
            let Value::Instance(i) = &exc else { return Err(WireError::Unexpected(at + 1)) };
            if exc_class(&exc).is_none() {
                return Err(WireError::Unexpected(at + 1));
            }
            if let Some(text) = text {
                i.attrs.borrow_mut().insert("__cause__".into(), remote_traceback(&cx.interp, text));
            }
            Outcome::Raised(exc)
        }
        b'u' => {
            let class = d.r.text()?;
            let class = ["TypeError", "AttributeError", "ValueError", "RecursionError", "PicklingError"]
                .into_iter()
                .find(|c| *c == class)
                .ok_or_else(|| WireError::Unknown(class.into()))?;
            Outcome::Raised(unsendable(cx, &Unsendable { class, msg: d.r.text()?.into() }, process))
        }
        b'w' => Outcome::Raised(cx.exc("RuntimeError", d.r.text()?)),
        b'x' => Outcome::Fatal(d.r.text()?.into()),
        _ => return Err(WireError::Unexpected(at)),
    };
    d.drain()?;
    d.r.end()?;
    if let Some(mt) = drawn {
        *cx.interp.random.borrow_mut() = mt;
    }
    Ok(out)
}

fn adhoc_class(interp: &Interp, name: &str, module: &'static str) -> Rc<Class> {
    let attrs = RefCell::new(Default::default());
    Rc::new(Class {
        name: name.into(),
        module,
        bases: vec![interp.class("Exception")],
        attrs,
        is_exception: true,
        ctor: None,
    })
}

/// CPython's `_RemoteTraceback`: the text of an exception's traceback in a process.
fn remote_traceback(interp: &Interp, text: &str) -> Value {
    let class = adhoc_class(interp, "_RemoteTraceback", "concurrent.futures.process");
    make_exc(&class, vec![Value::Str(text.into())])
}

/// The exception for a call or result that cannot be sent; for a process pool, with the
/// `_RemoteTraceback` cause CPython gives its pickling errors.
pub(crate) fn unsendable(cx: &Cx, why: &Unsendable, process: bool) -> Value {
    let class = match why.class {
        "PicklingError" => adhoc_class(&cx.interp, "PicklingError", "_pickle"),
        name => cx.interp.class(name),
    };
    let exc = make_exc(&class, vec![Value::Str(why.msg.as_str().into())]);
    if let (true, Value::Instance(i)) = (process, &exc) {
        let text = format!("\n\"\"\"\n{}: {}\n\"\"\"", class.qualified(), why.msg);
        i.attrs.borrow_mut().insert("__cause__".into(), remote_traceback(&cx.interp, &text));
    }
    exc
}
