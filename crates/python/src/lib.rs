//! A Python interpreter for the asyncio playground's programs.
//!
//! [`check`] parses a program and refuses, before anything runs, every construct outside
//! the playground's language (the contract's `programs.md`); [`run`] runs a checked
//! program on an injected [`Runtime`](playground_core::aio::Runtime), writing
//! [`TraceLine`]s as it goes. [`run_virtual`] runs one on the core's virtual loop.

pub mod activity;
pub mod aio;
mod arity;
pub mod ast;
mod builtins;
pub mod checker;
mod classes;
mod clock;
pub mod control;
mod convert;
pub mod dictview;
pub mod error;
mod escapes;
mod floattext;
pub mod format;
mod hash;
pub mod host;
pub mod interp;
mod iterators;
pub mod lexer;
mod methodarity;
mod methods;
mod modules;
mod nesting;
pub mod parser;
mod percent;
pub mod portable;
pub mod random;
mod reprlib;
mod sampling;
mod scope;
mod setorder;
mod spec;
mod strformat;
mod strmethods;
mod strsearch;
mod syntaxwarn;
mod tables;
pub mod trace;
mod truediv;
mod underscores;
pub mod value;
pub mod worker;

/// The program's file name, as tracebacks, warnings and `__file__` give it.
pub const MAIN_FILE: &str = "main.py";

/// The program's module name (`__name__`, and where its classes and functions are from).
pub const MAIN_MODULE: &str = "__main__";

pub use activity::{Activity, TaskEnd};
pub use control::RunControl;
pub use error::{CheckError, Refusal, SyntaxError};
pub use host::{VirtualHost, WorkerHost};
pub use trace::{TraceEvent, TraceLine};
pub use worker::{serve, WorkerEnv, WorkerLine};

use interp::{Ctrl, Cx, Interp};
use playground_core::aio::{LocalFuture, Rt};
use std::cell::RefCell;
use std::rc::Rc;

/// A program that parsed and passed the checker, ready to run.
#[derive(Clone, Debug)]
pub struct Program {
    body: Rc<ast::Block>,
    source: Rc<str>,
    warnings: Rc<[checker::Warning]>,
}

/// Parses and checks a program: a syntax error as CPython reports it, or the first construct refused.
pub fn check(src: &str) -> Result<Program, CheckError> {
    let body = parser::parse_program(src).map_err(|e| match e.kind {
        "Refused" => CheckError::Refused(Refusal { construct: e.msg, line: e.line, col: e.col }),
        _ => CheckError::Syntax(e),
    })?;
    let warnings = checker::check_program(&body)?;
    Ok(Program { body: Rc::new(body), source: src.into(), warnings: warnings.into() })
}

/// Limits of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Operations one step may take before the program is stopped (besides the 5 real
    /// seconds of [`interp::STEP_LIMIT_MS`]): the guard against code that never yields.
    pub max_ops: u64,
    /// Python calls nested at once beyond which `RecursionError` is raised (CPython's 1000 by
    /// default).
    pub max_depth: usize,
    /// Bytes of stack nested Python calls may use before `RecursionError` is raised (3 MB by
    /// default, [`interp::call::MAX_STACK`]): the thread running the program must have more
    /// (a WebAssembly module links it: `-C link-arg=-zstack-size=...`, as the page's engine
    /// does; its default is 1 MB).
    pub max_stack: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_ops: interp::STEP_LIMIT_OPS,
            max_depth: interp::call::MAX_DEPTH,
            max_stack: interp::call::MAX_STACK,
        }
    }
}

/// Runs a checked program on `rt`, with `unit` real milliseconds per program second; every
/// line written goes to `sink` as it is written. The future ends when the program does.
pub fn run(program: &Program, rt: Rt, unit: f64, sink: Rc<dyn Fn(TraceLine)>) -> LocalFuture<()> {
    run_limited(program, rt, unit, sink, Limits::default())
}

/// [`run`] with other [`Limits`].
pub fn run_limited(
    program: &Program,
    rt: Rt,
    unit: f64,
    sink: Rc<dyn Fn(TraceLine)>,
    limits: Limits,
) -> LocalFuture<()> {
    let host = Rc::new(VirtualHost::new(rt.clone(), program.clone()));
    run_hosted(program, rt, unit, sink, limits, host)
}

/// [`run_limited`] with the functions sent to pools run by `host` (the page's Web Workers);
/// [`run`] uses a [`VirtualHost`].
pub fn run_hosted(
    program: &Program,
    rt: Rt,
    unit: f64,
    sink: Rc<dyn Fn(TraceLine)>,
    limits: Limits,
    host: Rc<dyn WorkerHost>,
) -> LocalFuture<()> {
    start(program, rt, unit, Sinks { lines: sink, activity: None }, limits, host).done
}

/// Who hears a run: every line written, and (for a timeline) its activity.
#[derive(Clone)]
pub struct Sinks {
    /// Each line, as it is written.
    pub lines: Rc<dyn Fn(TraceLine)>,
    /// Each task made, step run, blocking sleep and task ended, if anyone listens.
    pub activity: Option<Rc<dyn Fn(Activity)>>,
}

/// A run under way: the control Stop uses, and the future that ends with the run.
pub struct Running {
    /// Stop (Ctrl-C).
    pub control: RunControl,
    /// Spawn or await it: it ends when the program does.
    pub done: LocalFuture<()>,
}

/// Starts a checked program on `rt` with `unit` real ms per program second (the future
/// begins at its first poll), telling `sinks` what happens, with the functions sent to
/// pools run by `host`; Stop is [`RunControl::stop`].
pub fn start(program: &Program, rt: Rt, unit: f64, sinks: Sinks, limits: Limits, host: Rc<dyn WorkerHost>) -> Running {
    let program = program.clone();
    let control = RunControl::default();
    let ctl = control.clone();
    let done: LocalFuture<()> = Box::pin(async move {
        if ctl.stopped_early() {
            return ctl.end();
        }
        let interp = Interp::new(rt, unit, sinks.lines, &program.source);
        *interp.activity.borrow_mut() = sinks.activity;
        interp.max_ops.set(limits.max_ops);
        interp.max_depth.set(limits.max_depth);
        interp.max_stack.set(limits.max_stack);
        ctl.attach(&interp);
        *interp.hosting.borrow_mut() = Some(host::Hosting { host, program: program.clone() });
        for w in program.warnings.iter() {
            interp.warn_syntax(w);
        }
        let cx = Cx::module(&interp);
        let r = cx.exec_block(&program.body).await;
        drop(cx);
        interp.finalizing.set(true);
        report(&interp, r);
        aio::destroy::destroy_pending(&interp);
        finish(&interp);
        ctl.end();
    });
    Running { control, done }
}

fn report(interp: &Rc<Interp>, r: Result<(), Ctrl>) {
    match r {
        Err(Ctrl::Exc(e)) => {
            let text = interp::exc::format_uncaught(interp, &e) + "\n";
            interp.write(&text, true, "main");
        }
        Err(Ctrl::Fatal(m)) => interp.write(&format!("{m}\n"), true, "main"),
        _ => {}
    }
}

fn finish(interp: &Rc<Interp>) {
    aio::timer::cancel_all(interp);
    // Calls still running in workers (after Stop) are abandoned.
    let calls = std::mem::take(&mut *interp.pool_calls.borrow_mut());
    drop(calls);
    interp.hosting.borrow_mut().take();
    let vars = std::mem::take(&mut *interp.globals.vars.borrow_mut());
    drop(vars);
    aio::destroy::destroy_held(interp);
    let tasks = std::mem::take(&mut *interp.all_tasks.borrow_mut());
    drop(tasks);
    interp.flush();
}

/// Checks and runs a program on the core's virtual loop (no real time passes); returns its trace.
pub fn run_virtual(src: &str, unit: f64, cores: usize) -> Result<Vec<TraceLine>, CheckError> {
    run_virtual_limited(src, unit, cores, Limits::default())
}

/// [`run_virtual`] with other [`Limits`].
pub fn run_virtual_limited(src: &str, unit: f64, cores: usize, limits: Limits) -> Result<Vec<TraceLine>, CheckError> {
    let program = check(src)?;
    let lines = Rc::new(RefCell::new(Vec::new()));
    let vloop = Rc::new(playground_core::virtual_loop::VirtualLoop::with_cores(cores));
    let rt: Rt = vloop.clone();
    let sink_lines = lines.clone();
    let sink: Rc<dyn Fn(TraceLine)> = Rc::new(move |l| sink_lines.borrow_mut().push(l));
    rt.spawn(run_limited(&program, rt.clone(), unit, sink, limits));
    if let Err(e) = vloop.run() {
        lines.borrow_mut().push(TraceLine {
            event: TraceEvent::Stderr,
            text: e.to_string(),
            t: 0.0,
            who: "main".into(),
            line: 0,
        });
    }
    let out = lines.borrow().clone();
    Ok(out)
}
