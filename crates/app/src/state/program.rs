//! A learner's own program in the page: opening one (a `code=` link, "Your code", "Edit this
//! code"), the Python engine it needs (loaded the first time, and drawing the program's part
//! of the page), the link that follows the editor, and its runs, which the engine makes on
//! the browser's loop.

use super::{Active, Clock, Playground, RunStatus, RunView};
use crate::browser::engine::{self, Engine};
use leptos::prelude::*;
use playground_core::link::{to_link, LinkState, MAX_CODE_LINK_CHARS};
use playground_core::program_run::ProgramTrace;
use playground_core::program_trace::{decode, Activity, ProgramEvent};
use playground_core::trace::{Blocked, Who};
use playground_core::Lesson;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Where the Python engine is.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum EngineStatus {
    /// Not needed yet.
    #[default]
    Unloaded,
    /// Loading (the first program opened).
    Loading,
    /// Ready.
    Ready,
    /// It could not load: why.
    Failed(String),
}

/// The first words of a checker's verdict from the engine (`line\tcolumn\tmessage`).
fn problem_words(text: &str) -> Option<String> {
    let mut parts = text.splitn(3, '\t');
    let (line, col, message) = (parts.next()?, parts.next()?, parts.next()?);
    Some(format!("line {line}, column {col}: {message}"))
}

impl Playground {
    /// Whether the page shows a program rather than a lesson (tracked).
    pub fn in_program(&self) -> bool {
        self.program.with(Option::is_some) || self.link.with(|l| l.code.is_some())
    }

    /// [`Playground::in_program`], untracked.
    pub fn in_program_untracked(&self) -> bool {
        untrack(|| self.in_program())
    }

    /// Opens `source` as the page's program, replacing the lesson or program shown.
    pub fn open_program(&self, source: String) {
        self.stop();
        self.program.set(Some(source));
        self.load_engine();
    }

    /// Leaves the program for `lesson`'s defaults.
    pub fn close_program(&self, lesson: LinkState) {
        self.stop();
        self.program.set(None);
        self.too_long.set(None);
        self.edit(|l| *l = LinkState { embed: l.embed, theme: l.theme, ..lesson });
    }

    /// Loads the engine if it is not there, then reads the link's program if it has one.
    pub fn load_engine(&self) {
        if let Some(engine) = engine::loaded() {
            return self.read_code(&engine);
        }
        if self.engine.get_untracked() == EngineStatus::Loading {
            return;
        }
        self.engine.set(EngineStatus::Loading);
        let playground = *self;
        leptos::task::spawn_local(async move {
            let status = match engine::load().await {
                Ok(engine) => {
                    playground.read_code(&engine);
                    EngineStatus::Ready
                }
                Err(e) => EngineStatus::Failed(e),
            };
            playground.engine.set(status);
        });
    }

    /// A link's `code` becomes the program; if it does not decode, the page says so and shows its lesson.
    fn read_code(&self, engine: &Engine) {
        if self.program.with_untracked(Option::is_some) {
            return;
        }
        let Some(code) = self.link.with_untracked(|l| l.code.clone()) else { return };
        match engine.decode_program(&code) {
            Ok(source) => self.program.set(Some(source)),
            Err(e) => {
                let why = engine::message(&e);
                self.notices.update(|n| {
                    n.push(format!("the link's program (code) does not decode: {why}; the lesson opened instead"))
                });
                self.edit(|l| l.code = None);
            }
        }
    }

    /// What the engine's view says: `edited` (the address follows shortly), `run`
    /// (Ctrl/Cmd+Enter), `back` (to the lesson the program came from).
    pub fn engine_events(&self) -> js_sys::Function {
        let playground = *self;
        let on_event =
            Closure::<dyn Fn(String, String)>::new(move |kind: String, detail: String| match kind.as_str() {
                "edited" => playground.edits.update(|n| *n = n.wrapping_add(1)),
                "run" => playground.start(),
                "back" => {
                    let lesson = Lesson::from_name(&detail).unwrap_or(Lesson::Tasks);
                    playground.close_program(LinkState::for_lesson(lesson));
                }
                _ => {}
            });
        on_event.into_js_value().into()
    }

    /// The link follows the program (the App calls this shortly after each edit): its `code`
    /// value, or a message if the link would be too long to share.
    pub fn write_code(&self) {
        let Some(engine) = engine::loaded().filter(|_| self.program.with_untracked(Option::is_some)) else { return };
        let code = engine.program_code();
        let length =
            self.link.with_untracked(|l| to_link(&LinkState { code: Some(code.clone()), ..l.clone() }).len() + 1);
        if length > MAX_CODE_LINK_CHARS {
            self.too_long.set(Some(length));
            return;
        }
        self.too_long.set(None);
        if self.link.with_untracked(|l| l.code.as_deref() != Some(code.as_str())) {
            self.edit(|l| l.code = Some(code));
        }
    }

    /// Runs the program: once the engine is there and the checker accepts it.
    pub(super) async fn begin_program(&self, id: u64) {
        let engine = match engine::load().await {
            Ok(engine) => engine,
            Err(e) => return self.refuse(id, e),
        };
        self.read_code(&engine);
        let shown = engine.program_source();
        let Some(source) = Some(shown).filter(|s| !s.is_empty()).or_else(|| self.program.get_untracked()) else {
            return self.refuse(id, "there is no program to run".into());
        };
        if let Some(problem) = problem_words(&engine.check(&source)) {
            return self.refuse(id, problem);
        }
        // Threads and processes are Web Workers: the run starts once they are all ready.
        let n = engine.workers_needed(&source);
        if n > 0 {
            self.run.update(|r| r.status = RunStatus::Waiting(format!("Starting {n} Web Workers…")));
            if let Err(e) = engine::warm_for(&engine, &source).await {
                return self.refuse(id, format!("the Web Workers could not start: {e}"));
            }
            if !self.waiting(id) {
                return;
            }
        }
        let scenario = self.link.with_untracked(|l| l.scenario.clone());
        let unit = f64::from(scenario.unit);
        // The ideal run first (drawn behind the real one), before the page settles to start it.
        let _ideal = engine.prepare_run(&source, unit);
        self.run.update(|r| {
            *r = RunView {
                id,
                status: r.status.clone(),
                scenario,
                program: Some(ProgramTrace::default()),
                ..RunView::default()
            }
        });
        if !self.ready_to_go(id).await {
            return;
        }
        let started = crate::browser::now();
        let run = match engine.start_run(&source, unit) {
            Ok(run) => Rc::new(run),
            Err(e) => return self.refuse(id, engine::message(&e)),
        };
        let looping = self.clock.with_value(|c| c.looping);
        self.clock.set_value(Clock { started: Some(started), last_flush: started, looping, ..Clock::default() });
        self.active.set_value(Some(Active::Program(run.clone())));
        self.beat();
        self.tell_host(&RunStatus::Running);
        engine::over(&run).await;
        self.end(id, crate::browser::now());
    }

    /// Hands what the engine reported since the last frame to the page (the engine's view
    /// draws it too, with the timeline as of the live clock).
    pub(super) fn flush_program(&self, run: &engine::EngineRun) {
        let now = self.live.with_untracked(|l| l.now);
        let wire = run.take(now);
        if wire.is_empty() {
            return;
        }
        let events = match decode(&wire) {
            Ok(events) => events,
            Err(e) => return web_sys::console::error_1(&e.to_string().into()),
        };
        self.run.update(|r| {
            let Some(trace) = r.program.as_mut() else { return };
            for event in events {
                // The heartbeat tells the program's blocking from the browser's stalls.
                if let ProgramEvent::Activity(Activity::Blocked { from, to, .. }) = event {
                    r.blocked.push(Blocked { who: Who::Main, from, to });
                }
                trace.push(event);
            }
        });
    }

    /// Replay moved: the engine's view marks the line in the output, timeline and editor.
    pub fn show_cursor(&self, cursor: Option<usize>) {
        self.active.with_value(|a| {
            if let Some(Active::Program(run)) = a {
                run.set_cursor(cursor.map_or(-1, |i| i as i32));
            }
        });
    }
}
