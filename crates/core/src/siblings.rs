//! When a run from a link may start, among the playgrounds of one page: the frames of a
//! course page share the browser's thread, so a run waits until every sibling has ended its
//! start-up (instantiating its wasm, drawing its first page), which would otherwise land in
//! the run and make its timers late.

/// How long (ms) the siblings must have been quiet before a run from a link starts.
pub const QUIET_MS: f64 = 300.0;

/// How long (ms) a sibling that said it began to load is waited for: one that never says it
/// started (its code failed to load, its frame was removed) stops holding the others back.
pub const LOADING_CAP_MS: f64 = 10_000.0;

/// How often (ms) a run that waits for a sibling's start-up looks again.
pub const POLL_MS: f64 = 50.0;

/// What a playground has heard of its siblings: when it last heard any of them, and when
/// each sibling still loading (not yet started) said it began.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Heard {
    /// When (ms, the page's clock) a sibling last said anything.
    pub last: Option<f64>,
    /// When each sibling that has not started yet said it began to load.
    pub loading: Vec<f64>,
}

/// How long (ms) a run from a link waits at `now` before it looks again, or `None` if it
/// may start: while a sibling is loading (for at most [`LOADING_CAP_MS`]), and until the
/// siblings have been quiet for [`QUIET_MS`].
pub fn wait_before_run(now: f64, heard: &Heard) -> Option<f64> {
    if heard.loading.iter().any(|&began| now - began < LOADING_CAP_MS) {
        return Some(POLL_MS);
    }
    let since = now - heard.last?;
    (since < QUIET_MS).then_some(QUIET_MS - since)
}
