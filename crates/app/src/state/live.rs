//! What the page's frames do while a run is live: hand its events to the page in
//! batches, move its clock, beat the heartbeat, and measure the stalls that the
//! program's own blocking does not explain. Between runs no frame is requested.

use super::{Playground, LIVE_STEP_MS};
use crate::browser::{frames, visibility};
use leptos::prelude::*;
use playground_core::stalls::{draws, unexplained};

/// Events waiting beyond this many are handed over at most ten times a second.
const BATCH: usize = 200;
/// Milliseconds between hand-overs of large batches.
const LARGE_BATCH_MS: f64 = 100.0;

impl Playground {
    /// Starts the frame loop, unless it runs already.
    pub(super) fn beat(&self) {
        if self.clock.with_value(|c| c.looping) {
            return;
        }
        self.clock.update_value(|c| {
            c.looping = true;
            c.last_frame = None;
        });
        let playground = *self;
        frames::frames_while(move |t| playground.frame(t));
    }

    /// One animation frame at `t` (performance.now() ms); `false` once nothing is live.
    fn frame(&self, t: f64) -> bool {
        let live = self.run.with_untracked(|r| r.status.is_live());
        let mut clock = self.clock.get_value();
        clock.started = self.origin().or(clock.started);
        let previous = clock.last_frame.replace(t);
        clock.looping = live;
        // The part of the gap since the last frame that the program's blocking does not explain.
        let browser = match (clock.started.filter(|_| live), previous) {
            (Some(started), Some(p)) => {
                self.run.with_untracked(|r| unexplained(p.max(started) - started, t - started, &r.blocked))
            }
            _ => 0.0,
        };
        clock.unshown_stall = clock.unshown_stall.max(browser);
        if live && !draws(t, playground_runtime::timers::next_wake(), clock.last_draw) {
            // The frame's stall waits for the next frame that draws.
            self.clock.set_value(clock);
            return true;
        }
        clock.last_draw = t;
        let browser = std::mem::take(&mut clock.unshown_stall);
        self.clock.set_value(clock);
        self.draw(t);
        let Some(started) = clock.started.filter(|_| live) else {
            return false;
        };
        self.beat.update(|b| *b = b.wrapping_add(1));
        let hidden = visibility::tab_hidden();
        let (stall, throttled) = self.live.with_untracked(|l| (l.browser_stall, l.throttled));
        if t - clock.last_live >= LIVE_STEP_MS || browser > stall || (hidden && !throttled) {
            self.clock.update_value(|c| c.last_live = t);
            self.live.update(|l| {
                l.now = t - started;
                l.throttled |= hidden;
                l.browser_stall = l.browser_stall.max(browser);
            });
        }
        true
    }

    /// Where the live run's clock starts (what its trace's times count from): its `main`'s
    /// first step, once that has begun.
    fn origin(&self) -> Option<f64> {
        self.active.with_value(|a| match a {
            Some(super::Active::Lesson { handle, .. }) => Some(handle.origin()),
            Some(super::Active::Program(run)) => Some(run.started_at()).filter(|t| t.is_finite()),
            None => None,
        })
    }

    /// A frame's hand-over of the events recorded since the last one (large batches less often).
    fn draw(&self, t: f64) {
        let shown = self.run.with_untracked(|r| r.events.len());
        let recorded = self.active.with_value(|a| match a {
            Some(super::Active::Lesson { trace, .. }) => trace.len(),
            _ => 0,
        });
        let (waiting, last) = (recorded.saturating_sub(shown), self.clock.with_value(|c| c.last_flush));
        if waiting < BATCH || t - last >= LARGE_BATCH_MS {
            self.flush();
            self.clock.update_value(|c| c.last_flush = t);
        }
    }

    /// Hands the events (and blocking intervals) recorded since the last frame to the page.
    /// Only the run the page holds is read: an older one's events never reach it.
    pub(super) fn flush(&self) {
        let trace = match self.active.with_value(|a| match a {
            Some(super::Active::Lesson { trace, .. }) => Ok(trace.clone()),
            Some(super::Active::Program(run)) => Err(Some(run.clone())),
            None => Err(None),
        }) {
            Ok(trace) => trace,
            Err(program) => return program.into_iter().for_each(|run| self.flush_program(&run)),
        };
        let shown = self.run.with_untracked(|r| r.events.len());
        let events = trace.since(shown);
        let blocked = Some(trace.blocked());
        let changed = blocked.as_ref().is_some_and(|b| self.run.with_untracked(|r| r.blocked.len() != b.len()));
        if events.is_empty() && !changed {
            return;
        }
        self.run.update(|r| {
            r.events.extend(events);
            if let Some(blocked) = blocked.filter(|_| changed) {
                r.blocked = blocked;
            }
        });
    }
}
