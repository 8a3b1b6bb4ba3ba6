//! Telling the program's blocking from the browser's: the heartbeat measures gaps
//! between animation frames; the runtime knows each interval the program blocked the
//! loop ([`Blocked`]). What a gap has beyond those intervals is the browser's own work.

use crate::lanes::secs;
use crate::trace::{Blocked, Who};

/// Stalls shorter than this (ms) are ordinary frame jitter, not worth a word.
pub const NOTICEABLE_MS: f64 = 50.0;

/// The part of the frame gap `from..to` (ms since the run started) that no blocking
/// interval of the program explains. `blocked` is in the order it was recorded, which
/// is the order of time (the loop's thread blocks once at a time).
pub fn unexplained(from: f64, to: f64, blocked: &[Blocked]) -> f64 {
    let covered = blocked.iter().map(|b| (b.from.max(from), b.to.min(to))).filter(|(a, b)| b > a);
    let (mut total, mut reach) = (0.0, from);
    for (a, b) in covered {
        let a = a.max(reach);
        if b > a {
            total += b - a;
            reach = b;
        }
    }
    (to - from - total).max(0.0)
}

/// A frame this close (ms) to the page's next timer wake-up draws nothing: the drawing that
/// follows a frame's changes would make that timer late, as no CPython loop's timer is.
pub const DRAW_GUARD_MS: f64 = 12.0;
/// Frames draw at least this often (ms), however dense the timers are.
pub const MAX_UNDRAWN_MS: f64 = 100.0;

/// Whether the frame at `t` draws, with the page's timers next waking at `wake` and its last
/// drawing at `drawn` (all ms on one clock): not within [`DRAW_GUARD_MS`] before a wake-up (nor
/// while one is overdue, about to fire), unless it has not drawn for [`MAX_UNDRAWN_MS`].
pub fn draws(t: f64, wake: Option<f64>, drawn: f64) -> bool {
    let near = wake.is_some_and(|w| w - t < DRAW_GUARD_MS);
    !near || t - drawn >= MAX_UNDRAWN_MS
}

fn name(who: Who) -> String {
    match who {
        Who::Main => "main()".into(),
        Who::Job(k) => format!("fetch_data({k})"),
    }
}

/// What the program's blocking amounted to, in scenario seconds at `unit` ms per
/// second: `None` if it never blocked the loop.
pub fn program_words(blocked: &[Blocked], unit: u16, no_loop: bool) -> Option<String> {
    if blocked.is_empty() {
        return None;
    }
    let s = |ms: f64| secs(ms, unit);
    let total: f64 = blocked.iter().map(|b| b.to - b.from).sum();
    let parts: Vec<String> = blocked.iter().map(|b| format!("{} {}", name(b.who), s(b.to - b.from))).collect();
    Some(if no_loop {
        format!(
            "Your program held the page for {} with plain calls (sync mode has no event loop): {}.",
            s(total),
            parts.join(", ")
        )
    } else {
        format!("Your program blocked the event loop for {}: time.sleep in {}.", s(total), parts.join(", "))
    })
}

/// What the browser's own stalls amounted to: the longest gap no blocking explains.
pub fn browser_words(longest_ms: f64) -> String {
    if longest_ms >= NOTICEABLE_MS {
        format!("The browser was busy for {longest_ms:.0} ms: not your program.")
    } else {
        format!("The browser never stalled the loop (its longest pause was {longest_ms:.0} ms).")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(k: u32, from: f64, to: f64) -> Blocked {
        Blocked { who: Who::Job(k), from, to }
    }

    #[test]
    fn the_unexplained_part_of_a_gap() {
        let blocked = [b(1, 0.0, 1000.0), b(2, 1000.0, 3000.0)];
        let cases = [
            ((-16.0, 1010.0), 16.0),  // a frame before the blocks, the next inside the second
            ((1010.0, 1026.0), 0.0),  // inside a block
            ((990.0, 3020.0), 20.0),  // across both, back to back
            ((3000.0, 3083.0), 83.0), // after them: the browser's own
            ((5000.0, 5000.0), 0.0),
        ];
        for ((from, to), expected) in cases {
            let got = unexplained(from, to, &blocked);
            assert!((got - expected).abs() < 1e-9, "{from}..{to}: {got} != {expected}");
        }
        // Overlapping intervals count once.
        assert!((unexplained(0.0, 100.0, &[b(1, 10.0, 60.0), b(2, 40.0, 90.0)]) - 20.0).abs() < 1e-9);
    }

    #[test]
    fn frames_draw_away_from_the_next_timer() {
        let cases = [
            (1000.0, None, 990.0, true),          // no timer wanted
            (1000.0, Some(1050.0), 990.0, true),  // the next one well after this frame's drawing
            (1000.0, Some(1012.0), 990.0, true),  // just outside the guard
            (1000.0, Some(1011.9), 990.0, false), // inside it
            (1000.0, Some(995.0), 990.0, false),  // overdue: about to fire
            (1000.0, Some(1001.0), 900.0, true),  // but never more than 100 ms without drawing
            (1000.0, Some(1001.0), 900.1, false),
        ];
        for (t, wake, drawn, expected) in cases {
            assert_eq!(draws(t, wake, drawn), expected, "t {t}, wake {wake:?}, drawn {drawn}");
        }
    }

    #[test]
    fn words() {
        assert_eq!(program_words(&[], 1000, false), None);
        assert_eq!(
            program_words(&[b(1, 0.0, 1000.0), b(2, 1000.0, 3000.0)], 1000, false).as_deref(),
            Some("Your program blocked the event loop for 3.00 s: time.sleep in fetch_data(1) 1.00 s, fetch_data(2) 2.00 s.")
        );
        assert_eq!(
            program_words(&[b(1, 0.0, 250.0)], 250, true).as_deref(),
            Some("Your program held the page for 1.00 s with plain calls (sync mode has no event loop): fetch_data(1) 1.00 s.")
        );
        assert_eq!(browser_words(83.4), "The browser was busy for 83 ms: not your program.");
        assert_eq!(browser_words(17.0), "The browser never stalled the loop (its longest pause was 17 ms).");
    }
}
