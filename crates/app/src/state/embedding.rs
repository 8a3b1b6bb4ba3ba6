//! The playground as an embedded frame: what it tells the host page about runs, and what
//! it does when the host asks (see `browser::host`).

use super::{Playground, RunStatus};
use crate::browser::host::{self, Request};
use leptos::prelude::*;
use playground_core::link::{from_link, to_link, LinkState};
use playground_core::trace::to_json;

impl Playground {
    /// The link of the current run: its scenario, with the page's lesson and theme.
    fn run_link(&self) -> String {
        if self.in_program_untracked() {
            return self.link.with_untracked(|l| to_link(&LinkState { run: false, embed: false, ..l.clone() }));
        }
        let scenario = self.run.with_untracked(|r| r.scenario.clone());
        self.link.with_untracked(|l| to_link(&LinkState { scenario, run: false, embed: false, ..l.clone() }))
    }

    /// Tells the host page, if any, that the current run started, finished or was stopped.
    pub(super) fn tell_host(&self, status: &RunStatus) {
        let link = self.run_link();
        match status {
            RunStatus::Running => host::run_status("started", &link, None),
            RunStatus::Finished => {
                let events = self.run.with_untracked(|r| match &r.program {
                    Some(trace) => playground_core::program_run::to_json(trace),
                    None => to_json(&r.events),
                });
                host::run_status("finished", &link, Some(&events))
            }
            RunStatus::Stopped => host::run_status("stopped", &link, None),
            _ => {}
        }
    }

    /// Does what the host page asks: load a link's state, or start a run.
    pub fn answer_host(&self, request: Request) {
        match request {
            Request::Load(query) => self.load_link(&query),
            Request::Run => self.start(),
        }
    }

    /// Shows the state `query` describes, as if the page had been opened from it (the
    /// page's layout stays as it is); starts its run if it says `run=1`.
    pub fn load_link(&self, query: &str) {
        let (state, _) = from_link(query);
        self.stop();
        let run = state.run;
        let has_code = state.code.is_some();
        self.program.set(None);
        self.edit(|l| *l = LinkState { embed: l.embed, run: false, ..state });
        if has_code {
            self.load_engine();
        }
        if run {
            self.start();
        }
    }
}
