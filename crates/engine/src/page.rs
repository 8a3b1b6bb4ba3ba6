//! What the page calls: check a program, start a run, read its events, stop it.

use playground_core::aio::Rt;
use playground_core::program_trace::{encode, Line, ProgramEvent, Stream};
use playground_python::{check as check_program, start, CheckError, Limits, RunControl, Sinks, TraceEvent, TraceLine};
use playground_runtime::BrowserRuntime;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Checks a program before it runs: `""` if it may run, else `line\tcolumn\tmessage` (1-based,
/// as CPython reports a syntax error; a refusal names the construct).
#[wasm_bindgen]
pub fn check(src: &str) -> String {
    match check_program(src) {
        Ok(_) => String::new(),
        Err(CheckError::Syntax(e)) => format!("{}\t{}\t{}: {}", e.line, e.col, e.kind, e.msg),
        Err(CheckError::Refused(r)) => {
            format!("{}\t{}\t{} is not supported by the playground", r.line, r.col, r.construct)
        }
    }
}

fn line_event(l: TraceLine) -> ProgramEvent {
    let stream = if l.event == TraceEvent::Stderr { Stream::Err } else { Stream::Out };
    ProgramEvent::Line(Line { stream, text: l.text, t: l.t, who: l.who, line: l.line })
}

/// When an event happened (its start, for intervals), for putting a batch in time order.
fn event_time(e: &ProgramEvent) -> f64 {
    match e {
        ProgramEvent::Line(l) => l.t,
        ProgramEvent::Activity(a) => a.t(),
        ProgramEvent::End(t) => *t,
    }
}

/// A program's run on the page's event loop.
#[wasm_bindgen]
pub struct ProgramRun {
    control: RunControl,
    pending: Rc<RefCell<Vec<ProgramEvent>>>,
    started: Rc<Cell<f64>>,
    over: Rc<Cell<bool>>,
    ended: js_sys::Promise,
}

/// Starts `src` at `unit` real ms per program second, at the loop's next step.
#[wasm_bindgen(js_name = startRun)]
pub fn start_run(src: &str, unit: f64) -> Result<ProgramRun, String> {
    let program = check_program(src).map_err(|e| e.to_string())?;
    let rt: Rt = Rc::new(BrowserRuntime::new().map_err(|e| e.to_string())?);
    let pending: Rc<RefCell<Vec<ProgramEvent>>> = Rc::default();
    let (lines, acts) = (pending.clone(), pending.clone());
    let sinks = Sinks {
        lines: Rc::new(move |l| lines.borrow_mut().push(line_event(l))),
        activity: Some(Rc::new(move |a| acts.borrow_mut().push(ProgramEvent::Activity(a)))),
    };
    crate::view::begin_run(unit.round().clamp(1.0, 65535.0) as u16);
    let host = Rc::new(crate::pool::BrowserHost::new(src));
    // On the page only real time limits a step (the contract's 5 seconds without yielding).
    let limits = Limits { max_ops: u64::MAX, ..Limits::default() };
    let running = start(&program, rt.clone(), unit, sinks, limits, host);
    let (started, over) = (Rc::new(Cell::new(f64::NAN)), Rc::new(Cell::new(false)));
    let resolve: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
    let r = resolve.clone();
    let ended = js_sys::Promise::new(&mut |res, _| *r.borrow_mut() = Some(res));
    let (s, o, w, done) = (started.clone(), over.clone(), pending.clone(), running.done);
    let clock = rt.clone();
    rt.spawn(Box::pin(async move {
        s.set(clock.now());
        done.await;
        w.borrow_mut().push(ProgramEvent::End(clock.now() - s.get()));
        o.set(true);
        if let Some(res) = resolve.borrow_mut().take() {
            let _ = res.call0(&JsValue::NULL);
        }
    }));
    Ok(ProgramRun { control: running.control, pending, started, over, ended })
}

#[wasm_bindgen]
impl ProgramRun {
    /// The events since the last call, in the core's wire form; the program's view (if the
    /// page shows one) draws them, and its timeline as of `now` (ms since the run started).
    pub fn take(&self, now: f64) -> String {
        let mut events = std::mem::take(&mut *self.pending.borrow_mut());
        // Lines a worker wrote arrive a moment after they were written: in time order.
        playground_core::sort::sort_by(&mut events, &mut |a, b| Some(event_time(a).total_cmp(&event_time(b)).is_lt()));
        crate::view::show(&events, if now.is_nan() { 0.0 } else { now });
        let mut wire = String::new();
        for e in &events {
            encode(&mut wire, e);
        }
        wire
    }

    /// Replay stands on line `i` of the output (negative: nowhere).
    #[wasm_bindgen(js_name = setCursor)]
    pub fn set_cursor(&self, i: i32) {
        crate::view::set_cursor(usize::try_from(i).ok());
    }

    /// Presses Stop (Ctrl-C); `false` if the run is over.
    pub fn stop(&self) -> bool {
        self.control.stop()
    }

    /// Ends the run at once: Ctrl-C, pressed until the run gives up (the third press ends it
    /// without waiting for the program).
    pub fn kill(&self) {
        for _ in 0..3 {
            if !self.control.stop() {
                break;
            }
        }
    }

    /// Whether the run is over (its last events may still wait to be taken).
    #[wasm_bindgen(js_name = isOver)]
    pub fn is_over(&self) -> bool {
        self.over.get()
    }

    /// Resolves once the run is over.
    pub fn over(&self) -> js_sys::Promise {
        self.ended.clone()
    }

    /// When it started, on the page's `performance.now()` clock (NaN until it has).
    #[wasm_bindgen(js_name = startedAt)]
    pub fn started_at(&self) -> f64 {
        self.started.get()
    }
}

/// The `code` value of a link for `src` (raw DEFLATE, base64url, no padding).
#[wasm_bindgen(js_name = encodeProgram)]
pub fn encode_program(src: &str) -> String {
    playground_core::code_link::encode_program(src)
}

/// The program a link's `code` value holds; throws a message for people if it does not decode.
#[wasm_bindgen(js_name = decodeProgram)]
pub fn decode_program(code: &str) -> Result<String, String> {
    playground_core::code_link::decode_program(code).map_err(|e| e.to_string())
}

/// How many Web Workers a run of `src` may want from the start: a thread pool's default
/// size if it uses threads, plus a process pool's if it uses processes (as Python sizes
/// them from the machine's logical cores).
#[wasm_bindgen(js_name = workersNeeded)]
pub fn workers_needed(src: &str) -> u32 {
    let cores = playground_runtime::cores() as u32;
    let threads = ["to_thread", "ThreadPoolExecutor", "run_in_executor("].iter().any(|w| src.contains(w));
    let processes = src.contains("ProcessPoolExecutor");
    u32::from(threads) * (cores + 4).min(32) + u32::from(processes) * cores
}

/// Starts (or replaces) the first `n` program workers, has them check `src`'s program, and
/// resolves, with the ms it took, once they are all ready; rejects with why they could not start.
#[wasm_bindgen(js_name = warmWorkers)]
pub fn warm_workers(n: u32, src: String) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move {
        let pool = crate::pool::pool();
        let ms = pool.clone().warm(n as usize).await.map_err(|e| JsValue::from(e.as_str()))?;
        pool.prepare(n as usize, &src);
        Ok(JsValue::from(ms))
    })
}

/// The examples to start from: one `name\ttitle` per line.
#[wasm_bindgen]
pub fn examples() -> String {
    crate::examples::list()
}

/// The source of example `name` (empty if there is none).
#[wasm_bindgen]
pub fn example(name: &str) -> String {
    crate::examples::source(name).to_string()
}

/// The `code` value of a link for the program the page shows.
#[wasm_bindgen(js_name = programCode)]
pub fn program_code() -> String {
    playground_core::code_link::encode_program(&crate::view::program_source())
}

/// Real ms per program second at which a prediction stops (it shows the run's first part).
const IDEAL_LIMIT_S: f64 = 300.0;
/// Steps, and operations a step, a prediction may take (it runs in the page's thread).
const IDEAL_STEPS: u64 = 200_000;
const IDEAL_OPS: u64 = 10_000_000;

/// The ideal run of `src` at `unit`: the same program on the virtual loop (no real time
/// passes; computation takes none), as far as its first 300 program seconds. The program's
/// view draws it faintly behind the measured run. (Running it first also readies the
/// engine's code for the real run.)
#[wasm_bindgen(js_name = prepareRun)]
pub fn prepare_run(src: &str, unit: f64) -> String {
    let Ok(program) = check_program(src) else { return String::new() };
    let vloop = Rc::new(
        playground_core::virtual_loop::VirtualLoop::with_cores(playground_runtime::cores()).with_max_steps(IDEAL_STEPS),
    );
    let rt: Rt = vloop.clone();
    let events: Rc<RefCell<Vec<ProgramEvent>>> = Rc::default();
    let (lines, acts) = (events.clone(), events.clone());
    let sinks = Sinks {
        lines: Rc::new(move |l| lines.borrow_mut().push(line_event(l))),
        activity: Some(Rc::new(move |a| acts.borrow_mut().push(ProgramEvent::Activity(a)))),
    };
    let host = Rc::new(playground_python::VirtualHost::new(rt.clone(), program.clone()));
    let limits = Limits { max_ops: IDEAL_OPS, ..Limits::default() };
    let running = start(&program, rt.clone(), unit, sinks, limits, host);
    let (clock, e) = (rt.clone(), events.clone());
    rt.spawn(Box::pin(async move {
        running.done.await;
        e.borrow_mut().push(ProgramEvent::End(clock.now()));
    }));
    let _ = vloop.run_until(IDEAL_LIMIT_S * unit);
    let events = std::mem::take(&mut *events.borrow_mut());
    crate::view::set_ideal(&events);
    let mut wire = String::new();
    for e in &events {
        encode(&mut wire, e);
    }
    wire
}
