//! The Python engine, a WebAssembly module of its own (`crates/engine`), loaded with a dynamic
//! `import()` the first time a program is opened, so that the page's first load stays small.
//! Its exports are reached through these bindings; what they hand over is plain text (the
//! core's wire forms), so that nothing of one module's memory is shared with the other.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The engine's script, written by Trunk beside `index.html` (relative, for any host).
const SCRIPT: &str = "./playground-engine.js";

#[wasm_bindgen(inline_js = "
let loading = null;
export function loadEngine(script) {
  if (!loading) {
    const url = new URL(script, document.baseURI).href;
    loading = import(url).then(async (m) => { await m.default(); return m; });
    loading.catch(() => { loading = null; });
  }
  return loading;
}")]
extern "C" {
    #[wasm_bindgen(js_name = loadEngine)]
    fn load_engine(script: &str) -> js_sys::Promise;

    /// The engine module's exports.
    #[derive(Clone)]
    pub type Engine;
    /// `""` if the program may run, else `line\tcolumn\tmessage`.
    #[wasm_bindgen(method)]
    pub fn check(this: &Engine, src: &str) -> String;
    /// The program `code` holds (throws a message if it does not decode).
    /// The ideal run of `src` at `unit` on the virtual loop (the view draws it behind the
    /// measured run); running it also readies the engine's code for the real run.
    #[wasm_bindgen(method, js_name = prepareRun)]
    pub fn prepare_run(this: &Engine, src: &str, unit: f64) -> String;
    /// Starts a run (throws a message if it cannot start).
    #[wasm_bindgen(method, catch, js_name = startRun)]
    pub fn start_run(this: &Engine, src: &str, unit: f64) -> Result<EngineRun, JsValue>;
    #[wasm_bindgen(method, catch, js_name = decodeProgram)]
    pub fn decode_program(this: &Engine, code: &str) -> Result<String, JsValue>;

    /// Shows the program `src` in the page's three containers (`compact` for an embed).
    #[wasm_bindgen(method, catch, js_name = mountProgram)]
    pub fn mount_program(
        this: &Engine,
        editor: &web_sys::Element,
        output: &web_sys::Element,
        timeline: &web_sys::Element,
        src: &str,
        compact: bool,
        editable: bool,
        on_event: &js_sys::Function,
    ) -> Result<(), JsValue>;
    /// Takes the program's view out of the page.
    #[wasm_bindgen(method, js_name = unmountProgram)]
    pub fn unmount_program(this: &Engine);
    /// The program's text as its editor holds it (empty without a view).
    #[wasm_bindgen(method, js_name = programSource)]
    pub fn program_source(this: &Engine) -> String;
    /// The `code` value of a link for the program shown.
    #[wasm_bindgen(method, js_name = programCode)]
    pub fn program_code(this: &Engine) -> String;

    /// How many Web Workers a run of `src` may want from the start.
    #[wasm_bindgen(method, js_name = workersNeeded)]
    pub fn workers_needed(this: &Engine, src: &str) -> u32;
    /// Starts the first `n` program workers; resolves once they are ready (with the ms it took).
    #[wasm_bindgen(method, js_name = warmWorkers)]
    pub fn warm_workers(this: &Engine, n: u32, src: &str) -> js_sys::Promise;

    /// A program's run in the engine.
    pub type EngineRun;
    /// The events since the last call (wire form); the engine's view draws them, and the
    /// timeline as of `now` (ms since the run started).
    #[wasm_bindgen(method)]
    pub fn take(this: &EngineRun, now: f64) -> String;
    /// Replay stands on line `i` of the output (negative: nowhere).
    #[wasm_bindgen(method, js_name = setCursor)]
    pub fn set_cursor(this: &EngineRun, i: i32);
    /// Stop (Ctrl-C).
    #[wasm_bindgen(method)]
    pub fn stop(this: &EngineRun) -> bool;
    /// Ends the run at once (Ctrl-C pressed until the run gives up).
    #[wasm_bindgen(method)]
    pub fn kill(this: &EngineRun);
    /// When it started (`performance.now()`), NaN until it has.
    #[wasm_bindgen(method, js_name = startedAt)]
    pub fn started_at(this: &EngineRun) -> f64;
    /// Resolves once the run is over.
    #[wasm_bindgen(method)]
    pub fn over(this: &EngineRun) -> js_sys::Promise;
    /// Frees the run's memory in the engine.
    #[wasm_bindgen(method)]
    pub fn free(this: &EngineRun);
}

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

/// The engine, once loaded.
pub fn loaded() -> Option<Engine> {
    ENGINE.with(|e| e.borrow().clone())
}

/// Loads the engine (once; later calls wait for the same load), or says why it could not.
pub async fn load() -> Result<Engine, String> {
    if let Some(engine) = loaded() {
        return Ok(engine);
    }
    match JsFuture::from(load_engine(SCRIPT)).await {
        Ok(module) => {
            let engine: Engine = module.unchecked_into();
            ENGINE.with(|e| *e.borrow_mut() = Some(engine.clone()));
            Ok(engine)
        }
        Err(e) => Err(format!("the Python engine did not load ({})", message(&e))),
    }
}

/// Waits until `run` is over.
pub async fn over(run: &EngineRun) {
    let _ = JsFuture::from(run.over()).await;
}

/// The words of a thrown value.
pub fn message(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(e, &"message".into()).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| "an unknown error".into())
}

/// Starts the workers a run of `src` wants and waits until they are ready: the ms it took
/// (0 if it wants none), or why they could not start.
pub async fn warm_for(engine: &Engine, src: &str) -> Result<f64, String> {
    let n = engine.workers_needed(src);
    if n == 0 {
        return Ok(0.0);
    }
    match JsFuture::from(engine.warm_workers(n, src)).await {
        Ok(ms) => Ok(ms.as_f64().unwrap_or(0.0)),
        Err(e) => Err(message(&e)),
    }
}
