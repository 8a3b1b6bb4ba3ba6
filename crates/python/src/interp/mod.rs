//! The tree-walking interpreter: its state, scopes, and the context code runs in.
//!
//! Evaluation is asynchronous all the way down (boxed recursive futures), so `await` is
//! the only place a coroutine gives control back: a Python coroutine is a Rust future
//! polled by its task's step (see [`crate::aio::future`]).

mod attr;
pub mod call;
mod carets;
mod comp;
mod eval;
pub mod exc;
mod exec;
pub mod generators;
mod genmethods;
mod groups;
mod handlers;
mod iter;
pub mod lazy;
pub mod notes;
pub mod ops;
pub mod richcmp;
mod slices;
mod suggest;

use crate::aio::future::FutureObj;
use crate::random::Mt;
use crate::trace::{TraceEvent, TraceLine};
use crate::value::{Class, Value};
use playground_core::aio::Rt;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

/// How control leaves a statement other than by falling through.
#[derive(Clone, Debug)]
pub enum Ctrl {
    /// An exception (an instance of an exception class).
    Exc(Value),
    /// `return`.
    Return(Value),
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// The run is stopped (an infinite loop, an internal limit): not catchable.
    Fatal(String),
}

/// The kind of a scope.
pub enum ScopeKind {
    /// The module's globals.
    Module,
    /// A function's locals.
    Function(Rc<crate::ast::FuncDef>),
    /// A comprehension's locals (its loop variables).
    Comp(std::collections::HashSet<String>),
    /// A class body.
    Class,
}

/// A scope of variables, chained to the one it is nested in.
pub struct Scope {
    /// Its variables.
    pub vars: RefCell<HashMap<Rc<str>, Value>>,
    /// The enclosing scope (the module's has none).
    pub parent: Option<Rc<Scope>>,
    /// What it is.
    pub kind: ScopeKind,
}

impl Scope {
    /// A fresh scope.
    pub fn new(parent: Option<Rc<Scope>>, kind: ScopeKind) -> Rc<Scope> {
        Rc::new(Scope { vars: RefCell::new(HashMap::new()), parent, kind })
    }
}

/// Where code runs: on the loop, or in a pool's worker.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Place {
    /// On the event loop (or before it starts).
    Loop,
    /// In a thread pool's worker (its index).
    Thread(usize),
    /// In a process pool's worker (its index).
    Process(usize),
}

/// Real milliseconds a step may run without yielding before the run is stopped.
pub const STEP_LIMIT_MS: f64 = 5000.0;
/// Operations a step may take before the run is stopped, by default (for clocks that do not
/// advance during computation, like the virtual loop's).
pub const STEP_LIMIT_OPS: u64 = 30_000_000;

/// A line being written: its text so far, who writes it, when it began, at which line.
type Partial = (String, String, f64, usize);

/// Who hears a run's activity.
pub type ActivitySink = Rc<dyn Fn(crate::activity::Activity)>;

/// The interpreter's state for one run.
pub struct Interp {
    /// Time and spawning.
    pub rt: Rt,
    /// Real milliseconds per program second.
    pub unit: f64,
    /// `rt.now()` when the run started.
    pub t0: f64,
    sink: Rc<dyn Fn(TraceLine)>,
    partial: RefCell<[Option<Partial>; 2]>,
    /// The module's globals.
    pub globals: Rc<Scope>,
    /// Built-in names.
    pub builtins: RefCell<HashMap<&'static str, Value>>,
    /// Built-in classes and exceptions by name.
    pub classes: RefCell<HashMap<&'static str, Rc<Class>>>,
    /// The task whose step is running.
    pub current_task: RefCell<Option<Rc<FutureObj>>>,
    /// Tasks made so far (for `Task-N` names).
    pub task_counter: Cell<usize>,
    /// Every task not yet freed.
    pub all_tasks: RefCell<Vec<Weak<FutureObj>>>,
    /// Whether `asyncio.run` is running.
    pub loop_running: Cell<bool>,
    /// Set while a task's first step starts its coroutine: the frame that starts then is
    /// called by the event loop (`Handle._run` in `asyncio/events.py`), not by the program.
    pub loop_frame: Cell<bool>,
    /// The line running now.
    pub line: Cell<usize>,
    /// The innermost expression an exception came out of, in the frame it is in (the
    /// exception, the frame's id, its line and span), until that frame's traceback entry is made.
    pub failed_at: RefCell<Option<(Value, usize, usize, crate::value::Span)>>,
    /// The program's lines, for tracebacks and warnings.
    pub lines: Vec<String>,
    /// `random`'s generator.
    pub random: RefCell<Mt>,
    /// When the current step started (`rt.now()`), time spent blocked in it, operations in it.
    pub step: Cell<(f64, f64, u64)>,
    /// Set when the run is stopped.
    pub fatal: RefCell<Option<String>>,
    /// Pools: busy flags of each pool's workers, and jobs waiting, by pool id.
    pub pools: RefCell<HashMap<usize, crate::aio::pool::PoolState>>,
    /// Next id of a pool.
    pub next_pool: Cell<usize>,
    /// Jobs running in pools (asyncio.run waits for them at shutdown).
    pub pool_jobs: Cell<usize>,
    /// Futures set once no pool call is running (`loop.shutdown_default_executor()` awaits one).
    pub idle_waiters: RefCell<Vec<Rc<FutureObj>>>,
    /// Plain generators dropped unfinished, to be closed (see [`generators::close_dropped`]).
    pub dropped_generators: RefCell<Vec<Rc<generators::GenBody>>>,
    /// The loop's gate, held while a step is blocked (see [`crate::aio::blocking`]).
    pub gate: crate::aio::blocking::Gate,
    /// Wakes the module's code when what it waits for (asyncio.run) may be done.
    pub main_waker: RefCell<Option<std::task::Waker>>,
    /// Timers still pending, by id (dropped to cancel them).
    pub timers: RefCell<HashMap<u64, playground_core::aio::LocalFuture<()>>>,
    /// Next timer id.
    pub next_timer: Cell<u64>,
    /// Operations a step may take before the run is stopped.
    pub max_ops: Cell<u64>,
    /// Nested calls beyond which `RecursionError` is raised.
    pub max_depth: Cell<usize>,
    /// Calls being polled, nested (see [`call::MAX_DEPTH`]).
    pub depth: Cell<usize>,
    /// Bytes of stack nested calls may use before `RecursionError` (see [`call::MAX_STACK`]).
    pub max_stack: Cell<usize>,
    /// Where the outermost call being polled had the stack (see [`call::MAX_STACK`]).
    pub stack_base: Cell<usize>,
    /// Warnings already shown (text, line): Python's default filter shows each once per place.
    pub warned: RefCell<std::collections::HashSet<(String, usize)>>,
    /// Whether the program's module has ended: what is dropped from then on goes at the
    /// interpreter's shutdown, where CPython's warnings name no line (`sys:1`).
    pub finalizing: Cell<bool>,
    /// The event loop policy's loop for the main thread (`asyncio.get_event_loop()`), and
    /// whether `set_event_loop` was called (then none is made).
    pub policy_loop: RefCell<Option<Value>>,
    /// See [`Interp::policy_loop`].
    pub policy_set: Cell<bool>,
    /// Tasks a closed loop left pending, freed at the program's end (`aio::destroy`).
    pub destroyed: RefCell<Vec<Rc<FutureObj>>>,
    /// Who hears the run's activity (the page's timeline), if anyone.
    pub activity: RefCell<Option<ActivitySink>>,
    /// The task `asyncio.run` made for `main()`, while it runs.
    pub main_task: RefCell<Option<Rc<FutureObj>>>,
    /// How many times Stop (Ctrl-C) was pressed.
    pub interrupts: Cell<u32>,
    /// A `KeyboardInterrupt` to raise where the program is (see [`crate::control`]).
    pub interrupt_pending: Cell<bool>,
    /// Where its pools' calls run (none in a pool's worker).
    pub hosting: RefCell<Option<crate::host::Hosting>>,
    /// Calls running in pools' workers, by id (dropped to abandon them).
    pub pool_calls: RefCell<HashMap<u64, PoolCall>>,
    /// Next pool call id.
    pub next_call: Cell<u64>,
    /// Calls sent to pools so far (their numbers in the run's activity).
    pub calls_sent: Cell<u32>,
    /// Whether a step that runs [`STEP_LIMIT_MS`] without yielding is stopped: on the loop;
    /// not in a pool's worker, whose computing does not hold the loop.
    pub guard_time: Cell<bool>,
    /// Calls under way that must end without suspending ([`call::run_sync`]: a `key=`
    /// function, a `__repr__`...): a `time.sleep` in a worker then blocks its thread
    /// instead of waiting on the worker's timer.
    pub unsuspendable: Cell<usize>,
}

/// A call running in a pool's worker: its reply, or why the worker failed.
pub type PoolCall = playground_core::aio::LocalFuture<Result<String, String>>;

/// The context code runs in: the interpreter, the scope, and where it runs.
#[derive(Clone)]
pub struct Cx {
    /// The interpreter.
    pub interp: Rc<Interp>,
    /// The current scope.
    pub scope: Rc<Scope>,
    /// On the loop or in a worker.
    pub place: Place,
    /// The name of the running function (`<module>` at top level).
    pub func: Rc<str>,
    /// The exceptions being handled (by `except` clauses) in this frame: a bare `raise` re-raises the last.
    pub handling: Rc<RefCell<Vec<Value>>>,
    /// In a generator's body: where its `yield` leaves the value.
    pub gen: Option<generators::Slot>,
    /// The line this frame is at (a task's repr shows its coroutine's).
    pub line: Rc<Cell<usize>>,
}

impl Interp {
    /// A fresh interpreter for `lines` of source.
    pub fn new(rt: Rt, unit: f64, sink: Rc<dyn Fn(TraceLine)>, src: &str) -> Rc<Interp> {
        let t0 = rt.now();
        Interp::starting_at(rt, unit, sink, src, t0)
    }

    /// A fresh interpreter whose run started at `t0` (`rt.now()`): a pool's worker's.
    pub fn starting_at(rt: Rt, unit: f64, sink: Rc<dyn Fn(TraceLine)>, src: &str, t0: f64) -> Rc<Interp> {
        let interp = Rc::new(Interp {
            rt,
            unit,
            t0,
            sink,
            partial: RefCell::new([None, None]),
            globals: Scope::new(None, ScopeKind::Module),
            builtins: RefCell::new(HashMap::new()),
            classes: RefCell::new(HashMap::new()),
            current_task: RefCell::new(None),
            task_counter: Cell::new(0),
            all_tasks: RefCell::new(Vec::new()),
            loop_running: Cell::new(false),
            loop_frame: Cell::new(false),
            line: Cell::new(0),
            failed_at: RefCell::new(None),
            lines: src.lines().map(String::from).collect(),
            random: RefCell::new(Mt::from_clock(t0)),
            step: Cell::new((t0, 0.0, 0)),
            fatal: RefCell::new(None),
            pools: RefCell::new(HashMap::new()),
            next_pool: Cell::new(0),
            pool_jobs: Cell::new(0),
            idle_waiters: RefCell::new(Vec::new()),
            dropped_generators: RefCell::new(Vec::new()),
            gate: Default::default(),
            main_waker: RefCell::new(None),
            timers: RefCell::new(HashMap::new()),
            next_timer: Cell::new(0),
            max_ops: Cell::new(STEP_LIMIT_OPS),
            max_depth: Cell::new(call::MAX_DEPTH),
            depth: Cell::new(0),
            max_stack: Cell::new(call::MAX_STACK),
            stack_base: Cell::new(0),
            warned: RefCell::new(std::collections::HashSet::new()),
            finalizing: Cell::new(false),
            policy_loop: RefCell::new(None),
            policy_set: Cell::new(false),
            destroyed: RefCell::new(Vec::new()),
            activity: RefCell::new(None),
            main_task: RefCell::new(None),
            interrupts: Cell::new(0),
            interrupt_pending: Cell::new(false),
            hosting: RefCell::new(None),
            pool_calls: RefCell::new(HashMap::new()),
            next_call: Cell::new(0),
            calls_sent: Cell::new(0),
            guard_time: Cell::new(true),
            unsuspendable: Cell::new(0),
        });
        crate::builtins::install(&interp);
        interp.globals.vars.borrow_mut().insert("__name__".into(), Value::Str(crate::MAIN_MODULE.into()));
        interp.globals.vars.borrow_mut().insert("__file__".into(), Value::Str(crate::MAIN_FILE.into()));
        interp
    }

    /// Tells the activity's listener, if any, what happened.
    pub fn note(&self, activity: crate::activity::Activity) {
        let listener = self.activity.borrow().clone();
        if let Some(listener) = listener {
            listener(activity);
        }
    }

    /// Whether anyone listens to the activity (so that it is not built for nothing).
    pub fn noting(&self) -> bool {
        self.activity.borrow().is_some()
    }

    /// Real ms since the run started.
    pub fn now_ms(&self) -> f64 {
        self.rt.now() - self.t0
    }

    /// Program seconds since the run started.
    pub fn elapsed(&self) -> f64 {
        (self.rt.now() - self.t0) / self.unit
    }

    /// A built-in class by name.
    pub fn class(&self, name: &str) -> Rc<Class> {
        self.classes.borrow().get(name).cloned().unwrap_or_else(|| {
            self.classes.borrow().get("Exception").cloned().expect("the built-in classes are installed")
        })
    }

    /// Marks the start of a loop step (for the no-yield guard).
    pub fn step_started(&self) {
        self.step.set((self.rt.now(), 0.0, 0));
    }

    /// Counts an operation; stops the run if a step has run too long without yielding.
    pub fn tick(&self) -> Result<(), Ctrl> {
        let (start, blocked, ops) = self.step.get();
        self.step.set((start, blocked, ops + 1));
        if self.interrupt_pending.get() && !self.loop_running.get() {
            self.interrupt_pending.set(false);
            return Err(Ctrl::Exc(exc::make_exc(&self.class("KeyboardInterrupt"), Vec::new())));
        }
        if ops % 4096 == 0 {
            // Real time where the clock moves with computation (the page); operations where it
            // does not (the virtual loop), so that a program that never yields ends there too.
            let msg = if self.guard_time.get() && self.rt.now() - start - blocked > STEP_LIMIT_MS {
                format!(
                    "the program ran for more than {} seconds without yielding to the event loop, so it was stopped",
                    STEP_LIMIT_MS / 1000.0
                )
            } else if ops > self.max_ops.get() {
                format!(
                    "the program ran {} operations in one step without yielding to the event loop, so it was stopped",
                    self.max_ops.get()
                )
            } else {
                return Ok(());
            };
            self.set_fatal(&msg);
            return Err(Ctrl::Fatal(msg));
        }
        Ok(())
    }

    /// Stops the run: every later step does nothing, and the module's code is woken to end it.
    pub fn set_fatal(&self, msg: &str) {
        if self.fatal.borrow().is_none() {
            *self.fatal.borrow_mut() = Some(msg.into());
        }
        self.wake_main();
    }

    /// Wakes the module's code (waiting in `asyncio.run`).
    pub fn wake_main(&self) {
        let waker = self.main_waker.borrow_mut().take();
        if let Some(w) = waker {
            w.wake();
        }
    }

    /// Records time spent in a blocking sleep (it does not count against the guard).
    pub fn blocked(&self, ms: f64) {
        let (start, blocked, ops) = self.step.get();
        self.step.set((start, blocked + ms, ops));
    }

    /// Who is writing: the current task's name, `main`, `thread` or `process`.
    pub fn who(&self, place: Place) -> String {
        match place {
            Place::Thread(_) => "thread".into(),
            Place::Process(_) => "process".into(),
            // What runs as the program ends runs in no task (a coroutine closed then).
            Place::Loop if self.finalizing.get() => "main".into(),
            Place::Loop => match self.current_task.try_borrow().ok().as_deref().and_then(|t| t.clone()) {
                Some(t) => t.task_name(),
                None => "main".into(),
            },
        }
    }

    /// Writes text to standard output (`stderr` false) or standard error, line by line.
    pub fn write(&self, text: &str, stderr: bool, who: &str) {
        self.write_at(text, stderr, who, self.rt.now() - self.t0);
    }

    /// A whole line a pool's worker wrote at `t` (ms since the run started), at the program's
    /// `line` (the worker's, not the loop's).
    pub fn write_line(&self, text: &str, stderr: bool, who: &str, t: f64, line: usize) {
        let event = if stderr { TraceEvent::Stderr } else { TraceEvent::Print };
        (self.sink)(TraceLine { event, text: text.to_string(), t, who: who.to_string(), line });
    }

    /// [`Interp::write`] at `t` (ms since the run started).
    pub fn write_at(&self, text: &str, stderr: bool, who: &str, t: f64) {
        let at = self.line.get();
        let k = stderr as usize;
        let mut out = Vec::new();
        if let Ok(mut partial) = self.partial.try_borrow_mut() {
            let mut rest = text;
            while let Some(nl) = rest.find('\n') {
                let (line, _, t0, at0) = partial[k].take().unwrap_or((String::new(), who.to_string(), t, at));
                out.push((line + &rest[..nl], t0, at0));
                rest = &rest[nl + 1..];
            }
            if !rest.is_empty() {
                let entry = partial[k].get_or_insert_with(|| (String::new(), who.to_string(), t, at));
                entry.0.push_str(rest);
            }
        }
        for (text, t, line) in out {
            let event = if stderr { TraceEvent::Stderr } else { TraceEvent::Print };
            (self.sink)(TraceLine { event, text, t, who: who.to_string(), line });
        }
    }

    /// Writes what is left of unfinished lines.
    pub fn flush(&self) {
        let pending: Vec<_> = self.partial.borrow_mut().iter_mut().map(Option::take).collect();
        for (k, p) in pending.into_iter().enumerate() {
            if let Some((text, who, t, line)) = p {
                let event = if k == 1 { TraceEvent::Stderr } else { TraceEvent::Print };
                (self.sink)(TraceLine { event, text, t, who, line });
            }
        }
    }

    /// The source text of a line, stripped.
    pub fn source_line(&self, line: usize) -> &str {
        self.lines.get(line.wrapping_sub(1)).map(|l| l.trim()).unwrap_or("")
    }

    /// Writes one of the compiler's `SyntaxWarning`s, as `warnings.showwarning` does.
    pub fn warn_syntax(&self, w: &crate::checker::Warning) {
        let mut text = format!("{}:{}: SyntaxWarning: {}\n", crate::MAIN_FILE, w.line, w.message);
        let src = self.source_line(w.line);
        if !src.is_empty() {
            text.push_str(&format!("  {src}\n"));
        }
        self.write(&text, true, &self.who(Place::Loop));
    }

    /// Writes CPython's `RuntimeWarning` for a coroutine dropped without being awaited.
    /// Once the module has ended (the coroutine goes with the last traceback or the globals),
    /// CPython writes it without a place: `sys:1: RuntimeWarning: ...`, one line.
    pub fn warn_never_awaited(&self, name: &str) {
        let finalizing = self.finalizing.get();
        let line = if finalizing { SHUTDOWN_LINE } else { self.line.get() };
        match self.warned.try_borrow_mut() {
            Ok(mut warned) => {
                if !warned.insert((name.to_string(), line)) {
                    return;
                }
            }
            Err(_) => return,
        }
        if finalizing {
            let text = format!("sys:1: RuntimeWarning: coroutine '{name}' was never awaited\n");
            return self.write(&text, true, &self.who(Place::Loop));
        }
        // Line 0: no frame of the program's is running (a task's coroutine ended, and its
        // variables went, in the loop's call of the task's step), so CPython names the loop's.
        let (file, line, src) = match line {
            0 => (format!("{}/events.py", crate::aio::futrepr::ASYNCIO_DIR), LOOP_LINE.0, LOOP_LINE.1),
            _ => (crate::MAIN_FILE.to_string(), line, self.source_line(line)),
        };
        let mut text = format!("{file}:{line}: RuntimeWarning: coroutine '{name}' was never awaited\n");
        if !src.is_empty() {
            text.push_str(&format!("  {src}\n"));
        }
        text.push_str("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
        self.write(&text, true, &self.who(Place::Loop));
    }
}

/// The place of warnings given at shutdown, in [`Interp::warned`] (no line of the program).
const SHUTDOWN_LINE: usize = usize::MAX;

/// Where the event loop runs a task's step (`Handle._run` in CPython 3.11's `events.py`): the
/// place of a warning given when no frame of the program's is running.
const LOOP_LINE: (usize, &str) = (80, "self._context.run(self._callback, *self._args)");

/// Calls a callable to its end without suspending (a loop callback, a `key=` function...).
pub fn call_sync(cx: &Cx, f: Value, args: crate::value::Args) -> Result<Value, Ctrl> {
    call::run_sync(&cx.interp, cx.call(f, args))
        .unwrap_or_else(|| Err(Ctrl::Fatal("internal error: a plain function call suspended".into())))
}

impl Cx {
    /// The qualified name of the running function (`Class.method`).
    pub fn func_qualname(&self) -> &str {
        &self.func
    }

    /// The qualified name of `name` defined here: `outer.<locals>.name` in a function's
    /// body, as CPython names it.
    pub fn qualify(&self, name: &str) -> Rc<str> {
        match (&self.scope.kind, &*self.func) {
            (ScopeKind::Function(_), outer) if outer != "<module>" => format!("{outer}.<locals>.{name}").into(),
            // A comprehension is a function of its own, but names inside it take no `<locals>`.
            (ScopeKind::Comp(_), outer) => format!("{outer}.{name}").into(),
            _ => name.into(),
        }
    }

    /// This context without the caller's variables, for what a native coroutine keeps until it
    /// is awaited: kept in one of those variables, it would otherwise keep its own frame alive
    /// (a cycle), and the frame's end would not free it (nor write CPython's never-awaited warning).
    pub fn detached(&self) -> Cx {
        Cx { scope: self.interp.globals.clone(), handling: Rc::default(), gen: None, ..self.clone() }
    }

    /// The module-level context.
    pub fn module(interp: &Rc<Interp>) -> Cx {
        Cx {
            interp: interp.clone(),
            scope: interp.globals.clone(),
            place: Place::Loop,
            func: "<module>".into(),
            handling: Rc::new(RefCell::new(Vec::new())),
            gen: None,
            line: Rc::default(),
        }
    }
}
