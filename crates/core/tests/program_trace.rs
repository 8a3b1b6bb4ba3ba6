//! The wire form in which the Python engine hands a program's trace to the page.
#![cfg(not(target_arch = "wasm32"))]

use playground_core::program_trace::{decode, encode, Activity, Line, ProgramEvent, Stream, TaskEnd};
use proptest::prelude::*;

fn wire(events: &[ProgramEvent]) -> String {
    let mut out = String::new();
    for e in events {
        encode(&mut out, e);
    }
    out
}

#[test]
fn every_kind_of_event_reads_back() {
    let events = vec![
        ProgramEvent::Line(Line {
            stream: Stream::Out,
            text: "a\tb\\n\nc".into(),
            t: 12.345,
            who: "Task-1".into(),
            line: 7,
        }),
        ProgramEvent::Line(Line { stream: Stream::Err, text: String::new(), t: 0.0, who: "main".into(), line: 0 }),
        ProgramEvent::Activity(Activity::TaskCreated {
            id: 2,
            name: "w\t1".into(),
            coro: "job".into(),
            line: 3,
            t: 1.5,
        }),
        ProgramEvent::Activity(Activity::Step { id: 2, from: 1.5, to: 2.25, line: 4 }),
        ProgramEvent::Activity(Activity::Blocked { id: None, line: 9, from: 3.0, to: 503.0 }),
        ProgramEvent::Activity(Activity::Blocked { id: Some(0), line: 9, from: 3.0, to: 503.0 }),
        ProgramEvent::Activity(Activity::TaskDone { id: 2, end: TaskEnd::Raised, t: 600.0 }),
        ProgramEvent::Activity(Activity::TaskDone { id: 3, end: TaskEnd::Cancelled, t: 600.0 }),
        ProgramEvent::Activity(Activity::TaskDone { id: 4, end: TaskEnd::Returned, t: 600.0 }),
        ProgramEvent::Activity(Activity::PoolCall {
            call: 0,
            process: true,
            func: "work\t1".into(),
            by: Some(1),
            t: 2.0,
        }),
        ProgramEvent::Activity(Activity::PoolCall { call: 1, process: false, func: "f".into(), by: None, t: 2.0 }),
        ProgramEvent::Activity(Activity::PoolStart { call: 0, worker: 7, t: 3.5 }),
        ProgramEvent::Activity(Activity::PoolEnd { call: 0, ok: false, t: 9.0 }),
        ProgramEvent::End(601.001),
    ];
    let text = wire(&events);
    assert_eq!(text.lines().count(), events.len(), "one line per event: {text}");
    assert_eq!(decode(&text).expect("it reads"), events);
}

#[test]
fn garbled_wire_is_an_error() {
    for bad in [
        "X\t1",
        "L\to\t1\t2\tmain",
        "L\tz\t1\t2\tmain\tx",
        "S\t1\t-5\t3\t1",
        "E\t99999999999999999999",
        "D\t1\t2\tq",
        "E\t",
    ] {
        assert!(decode(bad).is_err(), "{bad:?} should not read");
    }
}

proptest! {
    #[test]
    fn lines_of_any_text_read_back(text in ".*", who in "[A-Za-z0-9_ -]{0,12}", t in 0u64..10_000_000_000, line in 0usize..100_000) {
        let e = ProgramEvent::Line(Line { stream: Stream::Out, text, t: t as f64 / 1000.0, who, line });
        prop_assert_eq!(decode(&wire(std::slice::from_ref(&e))).expect("it reads"), vec![e]);
    }

    #[test]
    fn hostile_wire_never_panics(s in "\\PC*") {
        let _ = decode(&s);
    }
}

#[test]
fn the_ideal_difference_is_the_largest_gap_between_the_same_lines() {
    use playground_core::program_run::{ideal_difference, ProgramTrace};
    let trace = |times: &[(&str, f64)]| {
        let mut t = ProgramTrace::default();
        for (text, at) in times {
            t.push(ProgramEvent::Line(Line {
                stream: Stream::Out,
                text: (*text).into(),
                t: *at,
                who: "Task-1".into(),
                line: 1,
            }));
        }
        t
    };
    let ideal = trace(&[("a", 0.0), ("b", 1000.0)]);
    assert_eq!(ideal_difference(&trace(&[("a", 0.4), ("b", 1003.5)]), &ideal), Some(3.5));
    assert_eq!(ideal_difference(&trace(&[("a", 0.4)]), &ideal), None, "other lines: no figure");
    assert_eq!(ideal_difference(&trace(&[("b", 0.0), ("a", 1000.0)]), &ideal), None, "another order: no figure");
    assert_eq!(ideal_difference(&trace(&[]), &trace(&[])), None);
}

#[test]
fn a_traceback_line_names_the_programs_line() {
    use playground_core::program_run::traceback_line;
    assert_eq!(traceback_line("  File \"main.py\", line 17, in main"), Some(17));
    assert_eq!(traceback_line("File \"main.py\", line 3"), Some(3));
    assert_eq!(traceback_line("  File \"/usr/lib/python3.11/asyncio/runners.py\", line 190, in run"), None);
    assert_eq!(traceback_line("print('File \"main.py\", line 1')"), None);
}
