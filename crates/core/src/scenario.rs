//! The scenario a link describes (see `shared/spec/links-and-traces.md`): `main`
//! starting a set of `fetch_data(k)` jobs, and what it does with them (the mode).

use std::fmt;

/// A job's number, from 1.
pub type JobId = u32;

/// Most jobs a link may hold (the scenario API takes more, for benchmarks).
pub const MAX_JOBS: usize = 12;
/// Shortest and longest job, in tenths of a second.
pub const DURATION_TENTHS: std::ops::RangeInclusive<u16> = 1..=100;
/// Longest linger, in tenths of a second.
pub const MAX_LINGER_TENTHS: u16 = 100;
/// Slowest and fastest speed: real milliseconds per scenario second.
pub const UNIT_MS: std::ops::RangeInclusive<u16> = 10..=5000;
/// The fastest speed (ms per scenario second) at which the browser keeps asyncio's times
/// within the reference's tolerance (0.15 s, or 5 real ms where that is more), as the
/// benchmark's fidelity table measures it. Faster runs are shown with a warning.
pub const FAITHFUL_UNIT_MS: u16 = 100;
/// Smallest and largest worker pool.
pub const WORKERS: std::ops::RangeInclusive<u8> = 1..=32;

/// What `main` does with its jobs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Plain functions, no event loop (example1).
    Sync,
    /// `await fetch_data(k)` one after another (example2).
    Await,
    /// A task for every job first, then await them in `order` (example3, example4).
    Tasks,
    /// `asyncio.gather(...)` (example7).
    Gather,
    /// `asyncio.gather(..., return_exceptions=True)`.
    GatherRx,
    /// `asyncio.TaskGroup()` (example7).
    Group,
}

/// How a job sleeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SleepKind {
    /// `await asyncio.sleep(d)`.
    Async,
    /// `time.sleep(d)` inside the coroutine: it blocks the event loop (example5).
    Blocking,
    /// `await asyncio.to_thread(time.sleep, d)` (example6).
    Thread,
    /// A process pool's `run_in_executor` (example6).
    Process,
}

/// The seed lessons, in the seed's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lesson {
    /// terms.py: the vocabulary, as interactive cells.
    Terms,
    /// example1: synchronous code.
    Sync,
    /// example2: awaiting coroutines.
    Await,
    /// example3: tasks.
    Tasks,
    /// example4: await order.
    Order,
    /// example5: a blocking sleep.
    Blocking,
    /// example6: threads and processes.
    Offload,
    /// example7: gather vs TaskGroup.
    Gather,
}

/// One `fetch_data(k)` job.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Job {
    /// How long it sleeps, in tenths of a second (1 to 100).
    pub tenths: u16,
    /// Whether it raises when its sleep ends.
    pub fails: bool,
}

/// A complete run configuration.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Scenario {
    /// What `main` does with the jobs.
    pub mode: Mode,
    /// The jobs, numbered from 1.
    pub jobs: Vec<Job>,
    /// The order in which `main` awaits the jobs (1-based), used by `sync`, `await`, `tasks`.
    pub order: Vec<JobId>,
    /// How each job sleeps.
    pub sleep: SleepKind,
    /// Pool size for `thread` and `process`; `None` means Python's default.
    pub workers: Option<u8>,
    /// How long `main` keeps running after the jobs, in tenths of a second.
    pub linger_tenths: u16,
    /// Real milliseconds per scenario second.
    pub unit: u16,
}

macro_rules! names {
    ($ty:ident { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in the order the contract lists them.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];
            /// The name used in links and traces.
            pub fn name(self) -> &'static str {
                match self { $($ty::$variant => $name),+ }
            }
            /// The value a link name stands for.
            pub fn from_name(name: &str) -> Option<Self> {
                match name { $($name => Some($ty::$variant),)+ _ => None }
            }
            /// The accepted names, for error messages.
            pub fn accepted() -> String {
                [$($name),+].join(", ")
            }
        }
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

names!(Mode { Sync => "sync", Await => "await", Tasks => "tasks", Gather => "gather", GatherRx => "gather-rx", Group => "group" });
names!(SleepKind { Async => "async", Blocking => "blocking", Thread => "thread", Process => "process" });
names!(Lesson { Terms => "terms", Sync => "sync", Await => "await", Tasks => "tasks", Order => "order", Blocking => "blocking", Offload => "offload", Gather => "gather" });

impl Mode {
    /// Whether `main` awaits the jobs one by one in `order`.
    pub fn uses_order(self) -> bool {
        matches!(self, Mode::Sync | Mode::Await | Mode::Tasks)
    }
    /// Whether the jobs run as tasks on the event loop (so they can overlap).
    pub fn uses_tasks(self) -> bool {
        matches!(self, Mode::Tasks | Mode::Gather | Mode::GatherRx | Mode::Group)
    }
}

impl SleepKind {
    /// Whether the sleep runs in a worker pool.
    pub fn uses_workers(self) -> bool {
        matches!(self, SleepKind::Thread | SleepKind::Process)
    }
}

impl Job {
    /// A job of `tenths` tenths of a second that returns its result.
    pub const fn ok(tenths: u16) -> Job {
        Job { tenths, fails: false }
    }
    /// A job of `tenths` tenths of a second that raises.
    pub const fn failing(tenths: u16) -> Job {
        Job { tenths, fails: true }
    }
    /// Its sleep, in scenario seconds.
    pub fn seconds(self) -> f64 {
        f64::from(self.tenths) / 10.0
    }
}

impl Lesson {
    /// The seed file this lesson comes from.
    pub fn seed_file(self) -> &'static str {
        match self {
            Lesson::Terms => "terms.py",
            Lesson::Sync => "example1.py",
            Lesson::Await => "example2.py",
            Lesson::Tasks => "example3.py",
            Lesson::Order => "example4.py",
            Lesson::Blocking => "example5.py",
            Lesson::Offload => "example6.py",
            Lesson::Gather => "example7.py",
        }
    }

    /// The scenario a link naming only this lesson means (part of the link contract).
    pub fn defaults(self) -> Scenario {
        let base = Scenario::default();
        match self {
            Lesson::Terms | Lesson::Tasks => base,
            Lesson::Sync => Scenario { mode: Mode::Sync, ..base },
            Lesson::Await => Scenario { mode: Mode::Await, ..base },
            Lesson::Order => Scenario { order: vec![2, 1], ..base },
            Lesson::Blocking => Scenario { sleep: SleepKind::Blocking, ..base },
            Lesson::Offload => Scenario { sleep: SleepKind::Thread, ..base },
            Lesson::Gather => Scenario {
                mode: Mode::Gather,
                jobs: vec![Job::ok(10), Job::failing(20), Job::ok(30)],
                order: vec![1, 2, 3],
                linger_tenths: 20,
                ..base
            },
        }
    }
}

impl Default for Scenario {
    /// The first table's defaults: `mode=tasks&jobs=1,2`.
    fn default() -> Self {
        Scenario {
            mode: Mode::Tasks,
            jobs: vec![Job::ok(10), Job::ok(20)],
            order: vec![1, 2],
            sleep: SleepKind::Async,
            workers: None,
            linger_tenths: 0,
            unit: 1000,
        }
    }
}

impl Scenario {
    /// The identity order `1..=n` for `n` jobs.
    pub fn identity_order(n: usize) -> Vec<JobId> {
        (1..=n as JobId).collect()
    }

    /// The sleep kind that really applies: `sync` mode always blocks.
    pub fn effective_sleep(&self) -> SleepKind {
        if self.mode == Mode::Sync {
            SleepKind::Blocking
        } else {
            self.sleep
        }
    }

    /// Real milliseconds for `tenths` tenths of a scenario second.
    pub fn ms(&self, tenths: u16) -> f64 {
        f64::from(tenths) * f64::from(self.unit) / 10.0
    }

    /// Sum of the job durations, in scenario seconds: the ideal sequential time.
    pub fn sequential_seconds(&self) -> f64 {
        self.jobs.iter().map(|j| j.seconds()).sum()
    }

    /// The longest job, in scenario seconds: the ideal concurrent time.
    pub fn concurrent_seconds(&self) -> f64 {
        self.jobs.iter().map(|j| j.seconds()).fold(0.0, f64::max)
    }

    /// Adds a job of `tenths` at the end (and to the end of `order`), if there is room.
    pub fn push_job(&mut self, job: Job) -> bool {
        if self.jobs.len() >= MAX_JOBS {
            return false;
        }
        self.jobs.push(job);
        self.order.push(self.jobs.len() as JobId);
        true
    }

    /// Moves the job at `position` of the await order one place earlier or later;
    /// `false` if it is at that end already.
    pub fn move_in_order(&mut self, position: usize, earlier: bool) -> bool {
        let other = if earlier { position.checked_sub(1) } else { Some(position + 1) };
        match other.filter(|&o| o < self.order.len() && position < self.order.len()) {
            Some(other) => {
                self.order.swap(position, other);
                true
            }
            None => false,
        }
    }

    /// Removes job `k` (1-based), renumbering the later jobs in `order`.
    pub fn remove_job(&mut self, k: JobId) -> bool {
        if self.jobs.len() <= 1 || k == 0 || (k as usize) > self.jobs.len() {
            return false;
        }
        self.jobs.remove((k as usize) - 1);
        self.order.retain(|&o| o != k);
        for o in &mut self.order {
            if *o > k {
                *o -= 1;
            }
        }
        true
    }
}

/// What the speed control says at `unit` ms per second, where the browser cannot keep
/// the times faithful; `None` where it can.
pub fn speed_warning(unit: u16) -> Option<String> {
    (unit < FAITHFUL_UNIT_MS).then(|| {
        format!(
            "At {unit} ms per second, a tenth of a second lasts {:.0} ms: the browser's own work (each frame it \
             draws, its timer resolution) is no longer small beside it, so times may differ from CPython's by \
             more than the tolerance. From {FAITHFUL_UNIT_MS} ms per second on, runs keep asyncio's times.",
            f64::from(unit) / 10.0
        )
    })
}

/// Tenths of a second from what a number field holds (`1.25` rounds to 13), kept
/// within `range`; `None` if it is not a decimal number. (Links are stricter: see `link`.)
/// Read digit by digit: a float parser would add kilobytes to the page for this alone.
pub fn tenths_from_field(text: &str, range: std::ops::RangeInclusive<u16>) -> Option<u16> {
    let text = text.trim();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    // Tenths, and the hundredths digit to round with; huge values only need to stay huge.
    let whole: u64 = whole.bytes().take(6).fold(0, |n, b| n * 10 + u64::from(b - b'0'));
    let mut places = fraction.bytes().map(|b| u64::from(b - b'0'));
    let tenths = whole * 10 + places.next().unwrap_or(0) + u64::from(places.next().unwrap_or(0) >= 5);
    let (low, high) = (u64::from(*range.start()), u64::from(*range.end()));
    Some(if negative { low } else { tenths.clamp(low, high) } as u16)
}

#[cfg(test)]
mod field_tests {
    use super::*;

    #[test]
    fn fields_give_tenths_within_their_range() {
        for (text, expected) in [
            ("1", Some(10)),
            (" 1.25 ", Some(13)),
            ("0", Some(1)),
            ("99", Some(100)),
            ("-3", Some(1)),
            ("x", None),
            ("NaN", None),
            ("inf", None),
            ("", None),
        ] {
            assert_eq!(tenths_from_field(text, DURATION_TENTHS), expected, "{text:?}");
        }
        assert_eq!(tenths_from_field("0", 0..=MAX_LINGER_TENTHS), Some(0));
    }

    #[test]
    fn fast_speeds_are_named() {
        assert!(speed_warning(FAITHFUL_UNIT_MS).is_none());
        assert!(speed_warning(5000).is_none());
        let warning = speed_warning(20).expect("20 ms per second is too fast to be faithful");
        assert!(warning.starts_with("At 20 ms per second, a tenth of a second lasts 2 ms"), "{warning}");
    }

    #[test]
    fn moving_in_the_await_order() {
        let mut s = Lesson::Gather.defaults();
        assert!(s.move_in_order(2, true));
        assert_eq!(s.order, [1, 3, 2]);
        assert!(!s.move_in_order(0, true), "the first cannot move earlier");
        assert!(!s.move_in_order(2, false), "the last cannot move later");
        assert!(!s.move_in_order(7, true), "no such position");
        assert_eq!(s.order, [1, 3, 2]);
    }
}
