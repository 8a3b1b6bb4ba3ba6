//! A pool's worker: runs one call sent by the loop in an interpreter of its own for the
//! same program, whose globals are a copy of the program's (as a process has), without
//! running the module's code again. There is no event loop in a worker: asyncio calls that
//! need one raise `RuntimeError: no running event loop`. `time.sleep` holds the worker
//! without using its CPU ([`WorkerEnv::sleep`]); lines are written as they are
//! ([`WorkerEnv::write`]); `time`'s clocks follow [`WorkerEnv::now`] from the run's start, as
//! on the loop; `random` starts from a copy of the loop's generator (a thread's comes back
//! with the reply). The operations limit of the loop's steps holds for the call (its fatal
//! error ends the run).
//!
//! The request (written by the host, [`crate::host`]): `W1`, `t` or `p` (thread or process),
//! the unit, the run's start, `max_ops`, `max_depth`, `max_stack`, cores, `random`'s state; then the
//! function, its arguments and keyword arguments, and the globals (a left-out one as `X`
//! and why), in the [`crate::portable`] format. The reply: `V1`, for a thread that used
//! `random` `g` and its generator's state, and `r` a result, `e` an
//! exception and (for a process) its traceback's text, `u` an exception's class and message
//! (a result that cannot be sent back), `w` why the request could not be read, or `x` the
//! fatal error that stops the run.

use crate::interp::{Ctrl, Cx, Interp, Place};
use crate::portable::{Decoder, Encoder, Reader, WireError, Writer};
use crate::random::{Mt, WORDS};
use crate::trace::{TraceEvent, TraceLine};
use crate::value::{identity, Args, Instance, Value};
use crate::Program;
use playground_core::aio::{LocalFuture, Rt, Runtime};
use std::rc::Rc;

/// A line a function in a worker wrote.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkerLine {
    /// Standard error (else standard output).
    pub stderr: bool,
    /// The line, without its newline.
    pub text: String,
    /// When, in ms on the run's clock.
    pub at: f64,
    /// The program's line that wrote it.
    pub line: usize,
}

/// What a worker runs on: its host's clock, blocking and output.
pub trait WorkerEnv {
    /// Now, in ms on the run's clock: the loop runtime's `now` (the page converts its
    /// worker's clock).
    fn now(&self) -> f64;
    /// `time.sleep` in the worker: the worker is held for `ms` without using its CPU, as an
    /// OS thread sleeps (a timer in a Web Worker; on the virtual loop, a local clock
    /// advanced at once).
    fn sleep(&self, ms: f64) -> LocalFuture<()>;
    /// `time.sleep` where the call cannot suspend (in a `key=` function, a `__repr__`...):
    /// really blocks the worker's thread (a busy wait in a Web Worker; on the virtual loop it
    /// advances the local clock).
    fn block(&self, ms: f64);
    /// A line written by the function, as it is written.
    fn write(&self, line: WorkerLine);
    /// Bytes of stack the function's nested calls may use before `RecursionError`, if this
    /// thread's differ from the caller's (a Web Worker's native stack is smaller than the
    /// page's); by default the caller's.
    fn stack(&self) -> Option<usize> {
        None
    }
}

/// The worker's runtime: its host's clock, sleeps and blocking; nothing is ever scheduled.
struct EnvRt {
    env: Rc<dyn WorkerEnv>,
    cores: usize,
}

impl Runtime for EnvRt {
    fn now(&self) -> f64 {
        self.env.now()
    }
    fn sleep(&self, ms: f64) -> LocalFuture<()> {
        self.env.sleep(ms)
    }
    fn block(&self, ms: f64) {
        self.env.block(ms);
    }
    fn spawn(&self, _: LocalFuture<()>) {}
    fn cores(&self) -> usize {
        self.cores
    }
}

/// Runs the call `request` (a wire string) of `program` to its end; gives the reply. The
/// call suspends only in its `time.sleep`s ([`WorkerEnv::sleep`]).
pub async fn serve(program: &Program, request: &str, env: Rc<dyn WorkerEnv>) -> String {
    run(program, request, env).await.unwrap_or_else(|e| {
        let mut w = Writer(REPLY.into());
        w.tag('w');
        w.text(&format!("the worker could not read the call: {e}"));
        w.0
    })
}

/// The start of a request.
pub(crate) const REQUEST: &str = "W1";
/// The start of a reply.
pub(crate) const REPLY: &str = "V1";

async fn run(program: &Program, request: &str, env: Rc<dyn WorkerEnv>) -> Result<String, WireError> {
    let mut r = Reader::new(request);
    REQUEST.bytes().try_for_each(|b| r.expect(b)).map_err(|_| WireError::Version)?;
    let process = match r.tag()? {
        b't' => false,
        b'p' => true,
        _ => return Err(WireError::Unexpected(r.pos() - 1)),
    };
    let (unit, start) = (f64::from_bits(r.hex()?), f64::from_bits(r.hex()?));
    let (max_ops, max_depth, max_stack, cores): (u64, usize, usize, usize) = (r.num()?, r.num()?, r.num()?, r.num()?);
    let mt = read_random(&mut r)?;
    let before = mt.clone();
    let stack = env.stack().unwrap_or(max_stack);
    let rt: Rt = Rc::new(EnvRt { env: env.clone(), cores: cores.max(1) });
    let sink: Rc<dyn Fn(TraceLine)> = Rc::new(move |l| {
        env.write(WorkerLine { stderr: l.event == TraceEvent::Stderr, text: l.text, at: start + l.t, line: l.line })
    });
    let interp = Interp::starting_at(rt, unit, sink, &program.source, start);
    interp.max_ops.set(max_ops);
    interp.max_depth.set(max_depth);
    interp.max_stack.set(stack);
    interp.guard_time.set(false);
    *interp.random.borrow_mut() = mt;
    let cx = Cx { place: if process { Place::Process(0) } else { Place::Thread(0) }, ..Cx::module(&interp) };
    let mut d = Decoder::new(&cx, program, r, &[]);
    let f = d.value()?;
    let n: usize = d.r.num()?;
    let pos = (0..n).map(|_| d.value()).collect::<Result<Vec<_>, _>>()?;
    let n: usize = d.r.num()?;
    let mut kw = Vec::new();
    for _ in 0..n {
        kw.push((d.r.text()?.into(), d.value()?));
    }
    d.drain()?;
    let globals = d.attrs(true)?;
    d.drain()?;
    d.r.end()?;
    interp.globals.vars.borrow_mut().extend(globals);
    let received = std::mem::take(&mut d.received);
    drop(d);
    interp.step_started();
    let outcome = cx.call(f, Args { pos, kw }).await;
    interp.flush();
    let after = interp.random.borrow().clone();
    let drawn = (!process && after != before).then_some(after);
    let reply = reply(&cx, outcome, process, &received, drawn.as_ref());
    interp.flush();
    crate::aio::timer::cancel_all(&interp);
    let globals = std::mem::take(&mut *interp.globals.vars.borrow_mut());
    drop(globals);
    Ok(reply)
}

/// `random`'s state.
pub(crate) fn write_random(w: &mut Writer, mt: &Mt) {
    let (state, index) = mt.state();
    w.num(index);
    state.iter().for_each(|word| w.num(format_args!("{word:x}")));
}

/// `random`'s state, as [`write_random`] writes it.
pub(crate) fn read_random(r: &mut Reader) -> Result<Mt, WireError> {
    let index: usize = r.num()?;
    let mut state = [0u32; WORDS];
    for word in state.iter_mut() {
        let at = r.pos();
        *word = u32::try_from(r.hex()?).map_err(|_| WireError::BadNumber(at))?;
    }
    Mt::from_state(state, index).ok_or(WireError::BadNumber(r.pos()))
}

/// The reply for the call's outcome; `drawn`: a thread's generator, if it was used (the
/// loop's goes on from there, as if they shared it).
fn reply(cx: &Cx, outcome: Result<Value, Ctrl>, process: bool, received: &[Value], drawn: Option<&Mt>) -> String {
    let encoder = || {
        let mut e = Encoder::new(cx);
        e.set_pickle(process);
        e.known = received.iter().enumerate().map(|(k, v)| (identity(v), k)).collect();
        e.w.0.push_str(REPLY);
        if let Some(mt) = drawn {
            e.w.tag('g');
            write_random(&mut e.w, mt);
        }
        e
    };
    let mut e = encoder();
    let sent = match outcome {
        Ok(v) | Err(Ctrl::Return(v)) => {
            e.w.tag('r');
            e.value(&v)
        }
        Err(Ctrl::Exc(exc)) => {
            e.w.tag('e');
            let text = process.then(|| crate::interp::exc::format_exception(&cx.interp, &exc));
            if let (Some(_), Value::Instance(i)) = (&text, &exc) {
                strip(i);
            }
            e.value(&exc).map(|()| match &text {
                Some(t) => e.w.text(&format!("\n\"\"\"\n{t}\n\"\"\"")),
                None => e.w.tag('_'),
            })
        }
        Err(Ctrl::Fatal(m)) => {
            e.w.tag('x');
            e.w.text(&m);
            Ok(())
        }
        Err(Ctrl::Break | Ctrl::Continue) => {
            e.w.tag('r');
            e.w.tag('N');
            Ok(())
        }
    };
    match sent.and_then(|()| e.drain()) {
        Ok(()) => e.finish(),
        Err(why) => {
            let mut e = encoder();
            e.w.tag('u');
            e.w.text(why.class);
            e.w.text(&why.msg.replacen(" to a worker", " back from a worker", 1));
            e.finish()
        }
    }
}

/// What CPython's pickle keeps of an exception sent back by a process: its class, arguments
/// and attributes, not its traceback, cause or context (the text of its traceback is sent
/// beside it, and becomes its cause on the loop, as a `_RemoteTraceback`).
fn strip(i: &Instance) {
    i.traceback.borrow_mut().clear();
    let mut attrs = i.attrs.borrow_mut();
    for name in ["__cause__", "__context__", "__suppress_context__"] {
        attrs.remove(name);
    }
}
