//! The share-link contract, version 1, as two pure functions: [`to_link`] and
//! [`from_link`]. A link names only what differs from its lesson's defaults, plus `v`.

use crate::scenario::{
    Job, JobId, Lesson, Mode, Scenario, SleepKind, DURATION_TENTHS, MAX_JOBS, MAX_LINGER_TENTHS, UNIT_MS, WORKERS,
};
use std::fmt;

pub use crate::theme::Theme;

/// The link schema version this code writes.
pub const VERSION: &str = "1";
/// Longest link accepted, in characters (a link without a program).
pub const MAX_LINK_CHARS: usize = 2000;
/// Longest link with a program (`code`) accepted, in characters.
pub const MAX_CODE_LINK_CHARS: usize = 8000;
/// The keys a link with `code` ignores: the scenario's (the program replaces the scenario).
pub const SCENARIO_KEYS: [&str; 7] = ["lesson", "mode", "jobs", "order", "sleep", "workers", "linger"];

/// Everything a link can say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkState {
    /// The lesson whose explanation and defaults are shown.
    pub lesson: Lesson,
    /// The run configuration.
    pub scenario: Scenario,
    /// Start the run as soon as the page has loaded.
    pub run: bool,
    /// Compact layout for an iframe.
    pub embed: bool,
    /// The page's colours.
    pub theme: Theme,
    /// A learner's own program instead of the scenario: its source, compressed with raw
    /// DEFLATE and written in base64url (the contract's `code`), as the link carries it.
    /// The Python engine reads and writes it; here it is only checked for its alphabet.
    pub code: Option<String>,
    /// In an embed, the program can be edited (`edit=1`).
    pub edit: bool,
}

impl Default for LinkState {
    fn default() -> Self {
        LinkState::for_lesson(Lesson::Tasks)
    }
}

impl LinkState {
    /// A lesson with its defaults.
    pub fn for_lesson(lesson: Lesson) -> LinkState {
        LinkState {
            lesson,
            scenario: lesson.defaults(),
            run: false,
            embed: false,
            theme: Theme::Auto,
            code: None,
            edit: false,
        }
    }
}

/// Something wrong with a link; the link still opens, with defaults in its place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A key the contract does not know: ignored.
    UnknownKey(String),
    /// A key given more than once: the first is used.
    RepeatedKey(String),
    /// A value that is not accepted: the lesson's default is used.
    Invalid {
        /// The key.
        key: String,
        /// The value given.
        value: String,
        /// What is accepted.
        accepted: String,
    },
    /// The link is longer than its limit ([`MAX_LINK_CHARS`], or [`MAX_CODE_LINK_CHARS`]
    /// with a program): refused whole.
    TooLong {
        /// Its length, in characters.
        length: usize,
        /// The limit that applies.
        limit: usize,
    },
    /// A scenario key in a link that runs its own program (`code`): ignored.
    IgnoredWithCode(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownKey(key) => write!(f, "unknown key \u{201c}{key}\u{201d} was ignored"),
            Problem::RepeatedKey(key) => {
                write!(f, "\u{201c}{key}\u{201d} was given more than once; the first was used")
            }
            Problem::Invalid { key, value, accepted } => {
                write!(f, "{key}=\u{201c}{value}\u{201d} is not valid ({accepted}); the lesson's default was used")
            }
            Problem::TooLong { length, limit } => {
                write!(f, "the link is {length} characters long, over the limit of {limit}; it was not read")
            }
            Problem::IgnoredWithCode(key) => {
                write!(f, "\u{201c}{key}\u{201d} was ignored: the link runs its own program (code)")
            }
        }
    }
}

/// Writes tenths of a second as the contract's decimal seconds (`1`, `1.5`, `0.1`).
pub fn seconds_text(tenths: u16) -> String {
    if tenths % 10 == 0 {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

fn jobs_text(jobs: &[Job]) -> String {
    let parts: Vec<String> =
        jobs.iter().map(|j| format!("{}{}", seconds_text(j.tenths), if j.fails { "!" } else { "" })).collect();
    parts.join(",")
}

fn list_text(values: &[JobId]) -> String {
    values.iter().map(JobId::to_string).collect::<Vec<_>>().join(",")
}

/// Every scenario key, written whatever the defaults (for the CPython reference script).
pub fn full_query(s: &Scenario) -> String {
    let mut q = format!(
        "mode={}&jobs={}&order={}&sleep={}&linger={}&unit={}",
        s.mode,
        jobs_text(&s.jobs),
        list_text(&s.order),
        s.sleep,
        seconds_text(s.linger_tenths),
        s.unit
    );
    if let Some(w) = s.workers {
        q.push_str(&format!("&workers={w}"));
    }
    q
}

/// The query string (without `?`) for `state`.
pub fn to_link(state: &LinkState) -> String {
    let mut parts = vec![format!("v={VERSION}")];
    if let Some(code) = &state.code {
        parts.push(format!("code={code}"));
        if state.scenario.unit != Lesson::Tasks.defaults().unit {
            parts.push(format!("unit={}", state.scenario.unit));
        }
        return finish_link(state, parts);
    }
    if state.lesson != Lesson::Tasks {
        parts.push(format!("lesson={}", state.lesson));
    }
    let (s, d) = (&state.scenario, default_for(state.lesson, state.scenario.jobs.len()));
    if state.lesson != Lesson::Terms {
        if s.mode != d.mode {
            parts.push(format!("mode={}", s.mode));
        }
        if s.jobs != d.jobs {
            parts.push(format!("jobs={}", jobs_text(&s.jobs)));
        }
        if s.order != d.order {
            parts.push(format!("order={}", list_text(&s.order)));
        }
        if s.sleep != d.sleep {
            parts.push(format!("sleep={}", s.sleep));
        }
        if let Some(w) = s.workers {
            parts.push(format!("workers={w}"));
        }
        if s.linger_tenths != d.linger_tenths {
            parts.push(format!("linger={}", seconds_text(s.linger_tenths)));
        }
        if s.unit != d.unit {
            parts.push(format!("unit={}", s.unit));
        }
    }
    finish_link(state, parts)
}

/// The keys every link may carry, after its scenario or program.
fn finish_link(state: &LinkState, mut parts: Vec<String>) -> String {
    if state.theme != Theme::Auto {
        parts.push(format!("theme={}", state.theme.name()));
    }
    if state.run {
        parts.push("run=1".into());
    }
    if state.embed {
        parts.push("embed=1".into());
    }
    if state.edit && state.code.is_some() {
        parts.push("edit=1".into());
    }
    parts.join("&")
}

/// Whether `value` is written in base64url's alphabet (RFC 4648 §5), as a `code` value is.
fn is_base64url(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The lesson's defaults, with the order that applies to `n` jobs: the lesson's own
/// if it orders `n` jobs, else `1..n`.
fn default_for(lesson: Lesson, n: usize) -> Scenario {
    let mut d = lesson.defaults();
    if d.order.len() != n {
        d.order = Scenario::identity_order(n);
    }
    d
}

/// Reads a query string (with or without a leading `?`). Never fails: what is wrong
/// is listed as problems and replaced by the lesson's defaults.
pub fn from_link(query: &str) -> (LinkState, Vec<Problem>) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let length = query.chars().count();
    let has_code = query.split('&').any(|p| p.starts_with("code="));
    let limit = if has_code { MAX_CODE_LINK_CHARS } else { MAX_LINK_CHARS };
    if length > limit {
        return (LinkState::default(), vec![Problem::TooLong { length, limit }]);
    }
    let mut problems = Vec::new();
    let mut pairs: Vec<(String, String)> = Vec::new();
    for part in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        let (key, value) = (decode(key), decode(value));
        if pairs.iter().any(|(k, _)| *k == key) {
            problems.push(Problem::RepeatedKey(key));
        } else {
            pairs.push((key, value));
        }
    }
    let get = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let mut invalid = |key: &str, value: &str, accepted: &str| {
        problems.push(Problem::Invalid { key: key.into(), value: value.into(), accepted: accepted.into() })
    };
    if let Some(v) = get("v").filter(|v| *v != VERSION) {
        invalid("v", v, "1");
    }
    let code = get("code").and_then(|value| {
        let value = value.trim_end_matches('=');
        is_base64url(value).then(|| value.to_string()).or_else(|| {
            let shown: String = value.chars().take(40).collect();
            invalid("code", &shown, "a program compressed with raw DEFLATE, in base64url");
            None
        })
    });
    let program = code.is_some();
    let lesson = match get("lesson").filter(|_| !program) {
        None => Lesson::Tasks,
        Some(name) => Lesson::from_name(name).unwrap_or_else(|| {
            invalid("lesson", name, &format!("one of {}", Lesson::accepted()));
            Lesson::Tasks
        }),
    };
    let mut scenario = lesson.defaults();
    if lesson != Lesson::Terms && !program {
        if let Some(value) = get("mode") {
            match Mode::from_name(value) {
                Some(mode) => scenario.mode = mode,
                None => invalid("mode", value, &format!("one of {}", Mode::accepted())),
            }
        }
        if let Some(value) = get("jobs") {
            match parse_jobs(value) {
                Ok(jobs) => scenario.jobs = jobs,
                Err(accepted) => invalid("jobs", value, &accepted),
            }
        }
        scenario.order = default_for(lesson, scenario.jobs.len()).order;
        if let Some(value) = get("order") {
            match parse_order(value, scenario.jobs.len()) {
                Some(order) => scenario.order = order,
                None => invalid("order", value, &format!("a permutation of 1..{}", scenario.jobs.len())),
            }
        }
        if let Some(value) = get("sleep") {
            match SleepKind::from_name(value) {
                Some(sleep) => scenario.sleep = sleep,
                None => invalid("sleep", value, &format!("one of {}", SleepKind::accepted())),
            }
        }
        if let Some(value) = get("workers") {
            match value.parse::<u8>().ok().filter(|w| WORKERS.contains(w)) {
                Some(w) => scenario.workers = Some(w),
                None => invalid("workers", value, "a whole number from 1 to 32"),
            }
        }
        if let Some(value) = get("linger") {
            match parse_tenths(value).filter(|t| *t <= MAX_LINGER_TENTHS) {
                Some(t) => scenario.linger_tenths = t,
                None => invalid("linger", value, "0 to 10 seconds, at most one decimal"),
            }
        }
    }
    if lesson != Lesson::Terms || program {
        if let Some(value) = get("unit") {
            match value.parse::<u16>().ok().filter(|u| UNIT_MS.contains(u)) {
                Some(u) => scenario.unit = u,
                None => invalid("unit", value, "a whole number of milliseconds from 10 to 5000"),
            }
        }
    }
    let mut flag = |key: &str| match get(key) {
        None => false,
        Some("1") => true,
        Some(value) => {
            invalid(key, value, "1");
            false
        }
    };
    let (run, embed, edit) = (flag("run"), flag("embed"), flag("edit"));
    let theme = match get("theme") {
        None => Theme::Auto,
        Some(value) => Theme::from_name(value).unwrap_or_else(|| {
            invalid("theme", value, "one of light, dark, auto");
            Theme::Auto
        }),
    };
    for (key, _) in &pairs {
        if !KEYS.contains(&key.as_str()) {
            problems.push(Problem::UnknownKey(key.clone()));
        } else if program && SCENARIO_KEYS.contains(&key.as_str()) {
            problems.push(Problem::IgnoredWithCode(key.clone()));
        }
    }
    (LinkState { lesson, scenario, run, embed, theme, code, edit: edit && program }, problems)
}

/// The keys of the contract.
pub const KEYS: [&str; 14] = [
    "v", "lesson", "mode", "jobs", "order", "sleep", "workers", "linger", "unit", "run", "embed", "theme", "code",
    "edit",
];

/// Tenths of a second from `1`, `1.5`, `0.1` (at most one decimal, no sign).
fn parse_tenths(text: &str) -> Option<u16> {
    let (whole, frac) = text.split_once('.').unwrap_or((text, "0"));
    let digits = |s: &str| !s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(frac) || frac.len() != 1 {
        return None;
    }
    Some(whole.parse::<u16>().ok()? * 10 + frac.parse::<u16>().ok()?)
}

fn parse_jobs(text: &str) -> Result<Vec<Job>, String> {
    let accepted =
        format!("1 to {MAX_JOBS} durations from 0.1 to 10 seconds, one decimal, each optionally followed by !");
    let items: Vec<&str> = text.split(',').collect();
    if items.len() > MAX_JOBS {
        return Err(format!("{} jobs is more than the {MAX_JOBS} a link may hold; {accepted}", items.len()));
    }
    items
        .iter()
        .map(|item| {
            let (number, fails) = match item.strip_suffix('!') {
                Some(number) => (number, true),
                None => (*item, false),
            };
            parse_tenths(number).filter(|t| DURATION_TENTHS.contains(t)).map(|tenths| Job { tenths, fails })
        })
        .collect::<Option<Vec<Job>>>()
        .ok_or(accepted)
}

fn parse_order(text: &str, n: usize) -> Option<Vec<JobId>> {
    let order: Vec<JobId> = text.split(',').map(|p| p.parse::<JobId>().ok()).collect::<Option<_>>()?;
    let mut sorted = order.clone();
    crate::sort::sort_by(&mut sorted, &mut |a, b| Some(a < b));
    (sorted == Scenario::identity_order(n)).then_some(order)
}

/// Percent-decoding (`%XX`, `+` as space); invalid escapes are kept as they are.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
