//! Stop (Ctrl-C) on the virtual loop, against what CPython 3.11 prints when its process gets
//! SIGINT at the same moment (recorded by sending SIGINT to `python3`), and the activity a
//! run reports for the timeline.

use playground_core::aio::Rt;
use playground_core::virtual_loop::VirtualLoop;
use playground_python::{check, start, Activity, Limits, Sinks, TaskEnd, TraceLine, VirtualHost};
use std::cell::RefCell;
use std::rc::Rc;

struct Outcome {
    lines: Vec<TraceLine>,
    activity: Vec<Activity>,
    acted: Vec<bool>,
}

/// Runs `src` at 1000 ms per second, pressing Stop at each of `stops` (program seconds).
fn run_stopped(src: &str, stops: &[f64]) -> Outcome {
    let program = check(src).expect("the program checks");
    let event_loop = Rc::new(VirtualLoop::new());
    let rt: Rt = event_loop.clone();
    let lines = Rc::new(RefCell::new(Vec::new()));
    let activity = Rc::new(RefCell::new(Vec::new()));
    let (l, a) = (lines.clone(), activity.clone());
    let sinks = Sinks {
        lines: Rc::new(move |line| l.borrow_mut().push(line)),
        activity: Some(Rc::new(move |act| a.borrow_mut().push(act))),
    };
    let host = Rc::new(VirtualHost::new(rt.clone(), program.clone()));
    let running = start(&program, rt.clone(), 1000.0, sinks, Limits::default(), host);
    let acted = Rc::new(RefCell::new(Vec::new()));
    for &at in stops {
        let (control, acted, sleep) = (running.control.clone(), acted.clone(), rt.sleep(at * 1000.0));
        rt.spawn(Box::pin(async move {
            sleep.await;
            acted.borrow_mut().push(control.stop());
        }));
    }
    rt.spawn(running.done);
    event_loop.run().expect("the run ends");
    let acted = acted.borrow().clone();
    let (lines, activity) = (lines.borrow().clone(), activity.borrow().clone());
    Outcome { lines, activity, acted }
}

fn texts(lines: &[TraceLine]) -> Vec<(String, String, f64)> {
    lines.iter().map(|l| (l.who.clone(), l.text.clone(), l.t)).collect()
}

const CLEANUP: &str = "import asyncio

async def worker(n):
    try:
        await asyncio.sleep(10)
    finally:
        print(f\"worker {n} cleans up\")

async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(2)]
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(\"main was cancelled\")
        raise
    finally:
        print(\"main's finally\")

asyncio.run(main())
print(\"after run\")
";

#[test]
fn stop_cancels_main_then_shuts_down_and_raises_keyboard_interrupt() {
    let out = run_stopped(CLEANUP, &[0.5]);
    assert_eq!(out.acted, vec![true]);
    let stdout: Vec<_> = texts(&out.lines).into_iter().filter(|(_, t, _)| !t.is_empty()).collect();
    // CPython 3.11, SIGINT at 0.5 s: the same stdout, then a traceback ending in KeyboardInterrupt.
    let expected = [
        ("Task-1", "main was cancelled"),
        ("Task-1", "main's finally"),
        ("Task-2", "worker 0 cleans up"),
        ("Task-3", "worker 1 cleans up"),
    ];
    for (i, (who, text)) in expected.iter().enumerate() {
        assert_eq!((stdout[i].0.as_str(), stdout[i].1.as_str(), stdout[i].2), (*who, *text, 500.0));
    }
    let stderr: Vec<&str> =
        out.lines.iter().filter(|l| l.event.as_str() == "stderr").map(|l| l.text.as_str()).collect();
    assert_eq!(stderr.last(), Some(&"KeyboardInterrupt"), "{stderr:#?}");
    assert!(stderr.contains(&"During handling of the above exception, another exception occurred:"), "{stderr:#?}");
    assert!(!out.lines.iter().any(|l| l.text == "after run"), "KeyboardInterrupt ends the module's code");
}

#[test]
fn a_main_that_swallows_the_cancellation_returns_and_the_program_goes_on() {
    let src = "import asyncio\n\nasync def main():\n    try:\n        await asyncio.sleep(5)\n    \
               except asyncio.CancelledError:\n        print('caught')\n        \
               asyncio.current_task().uncancel()\n    return 'done'\n\nprint(asyncio.run(main()))\n";
    let out = run_stopped(src, &[1.0]);
    assert_eq!(
        texts(&out.lines),
        vec![("Task-1".into(), "caught".into(), 1000.0), ("main".into(), "done".into(), 1000.0)]
    );
}

#[test]
fn a_second_stop_interrupts_a_main_that_keeps_going_and_a_third_ends_the_run() {
    let src = "import asyncio\n\nasync def main():\n    while True:\n        try:\n            \
               await asyncio.sleep(5)\n        except asyncio.CancelledError:\n            print('ignored')\n\n\
               asyncio.run(main())\n";
    // CPython 3.11 with SIGINT at 1, 2 and 3 s prints `ignored` twice: the second press raises
    // KeyboardInterrupt out of the loop and the shutdown cancels main, which ignores it again;
    // the shutdown then waits for it, until the third press ends the process.
    let out = run_stopped(src, &[1.0, 2.0, 3.0]);
    assert_eq!(out.acted, vec![true, true, true]);
    let lines = texts(&out.lines);
    assert_eq!(lines[0], ("Task-1".into(), "ignored".into(), 1000.0));
    assert_eq!(lines[1], ("Task-1".into(), "ignored".into(), 2000.0));
    assert_eq!(out.lines.last().map(|l| l.text.as_str()), Some(playground_python::control::HARD_STOP_MESSAGE));
    assert_eq!(out.lines.last().map(|l| l.t), Some(3000.0));
}

#[test]
fn stop_after_the_run_ends_does_nothing() {
    let out = run_stopped("print('hi')\n", &[0.0]);
    assert_eq!(texts(&out.lines), vec![("main".into(), "hi".into(), 0.0)]);
    assert_eq!(out.acted, vec![false], "the run was over: nothing to stop");
}

#[test]
fn stop_before_the_run_begins_runs_nothing() {
    let program = check("print('hi')\n").expect("it checks");
    let event_loop = Rc::new(VirtualLoop::new());
    let rt: Rt = event_loop.clone();
    let lines = Rc::new(RefCell::new(Vec::new()));
    let l = lines.clone();
    let sinks = Sinks { lines: Rc::new(move |line| l.borrow_mut().push(line)), activity: None };
    let host = Rc::new(VirtualHost::new(rt.clone(), program.clone()));
    let running = start(&program, rt.clone(), 1000.0, sinks, Limits::default(), host);
    assert!(running.control.stop(), "a run not yet begun can be stopped");
    rt.spawn(running.done);
    event_loop.run().expect("the run ends");
    assert!(lines.borrow().is_empty());
    assert!(running.control.is_over() && !running.control.stop());
}

#[test]
fn activity_names_tasks_steps_blocking_and_ends() {
    let src = "import asyncio, time\n\nasync def job(n):\n    await asyncio.sleep(n)\n    \
               time.sleep(0.5)\n    if n == 2:\n        raise ValueError(n)\n\n\
               async def main():\n    a = asyncio.create_task(job(1))\n    b = asyncio.create_task(job(2), name='second')\n    \
               await a\n    try:\n        await b\n    except ValueError:\n        pass\n\nasyncio.run(main())\n";
    let out = run_stopped(src, &[]);
    let made: Vec<(u32, String, String, usize)> = out
        .activity
        .iter()
        .filter_map(|a| match a {
            Activity::TaskCreated { id, name, coro, line, .. } => Some((*id, name.clone(), coro.clone(), *line)),
            _ => None,
        })
        .collect();
    assert_eq!(
        made,
        vec![
            (1, "Task-1".into(), "main".into(), 9),
            (2, "Task-2".into(), "job".into(), 3),
            (3, "second".into(), "job".into(), 3)
        ]
    );
    let blocked: Vec<(Option<u32>, usize, f64, f64)> = out
        .activity
        .iter()
        .filter_map(|a| match *a {
            Activity::Blocked { id, line, from, to } => Some((id, line, from, to)),
            _ => None,
        })
        .collect();
    assert_eq!(blocked, vec![(Some(2), 5, 1000.0, 1500.0), (Some(3), 5, 2000.0, 2500.0)]);
    let ends: Vec<(u32, TaskEnd, f64)> = out
        .activity
        .iter()
        .filter_map(|a| match *a {
            Activity::TaskDone { id, end, t } => Some((id, end, t)),
            _ => None,
        })
        .collect();
    assert_eq!(
        ends,
        vec![(2, TaskEnd::Returned, 1500.0), (3, TaskEnd::Raised, 2500.0), (1, TaskEnd::Returned, 2500.0)]
    );
    // Job 2's second step holds the loop for its whole blocking sleep.
    let steps: Vec<(f64, f64, usize)> = out
        .activity
        .iter()
        .filter_map(|a| match *a {
            Activity::Step { id: 2, from, to, line } => Some((from, to, line)),
            _ => None,
        })
        .collect();
    assert_eq!(steps, vec![(0.0, 0.0, 4), (1000.0, 1500.0, 6)]);
}

#[test]
fn stop_abandons_calls_still_running_in_workers() {
    // CPython waits for its threads at asyncio.run's shutdown; Stop in the playground ends
    // the worker's call (a Web Worker can be terminated), so the run ends when Stop is pressed.
    let src = "import asyncio, time\n\ndef work():\n    print('working')\n    time.sleep(5)\n    print('done')\n\n\
               async def main():\n    await asyncio.to_thread(work)\n\nasyncio.run(main())\n";
    let out = run_stopped(src, &[1.0]);
    let lines = texts(&out.lines);
    assert_eq!(lines[0], ("thread".into(), "working".into(), 0.0));
    assert!(!lines.iter().any(|(_, text, _)| text == "done"), "{lines:?}");
    let last = out.lines.last().expect("a traceback");
    assert_eq!((last.text.as_str(), last.t), ("KeyboardInterrupt", 1000.0));
}

const BLOCKED: &str = "import asyncio, time
from concurrent.futures import ThreadPoolExecutor

def work():
    time.sleep(2)
    return 1

async def main():
    try:
        with ThreadPoolExecutor() as pool:
            pool.submit(work)
        print('after the with block')
        await asyncio.sleep(1)
    finally:
        print(\"main's finally\")

asyncio.run(main())
";

#[test]
fn stop_during_a_pools_blocking_wait_is_heard_once_the_wait_is_over() {
    // CPython 3.11, SIGINT at 0.5 s while the end of the with block waits for the pool: the
    // wait goes on to 2 s, then main is cancelled at its next await.
    let out = run_stopped(BLOCKED, &[0.5]);
    let lines = texts(&out.lines);
    assert_eq!(lines[0], ("Task-1".into(), "after the with block".into(), 2000.0));
    assert_eq!(lines[1], ("Task-1".into(), "main's finally".into(), 2000.0));
    assert_eq!(
        out.lines.iter().rfind(|l| l.event.as_str() == "stderr").map(|l| l.text.as_str()),
        Some("KeyboardInterrupt")
    );
}

#[test]
fn a_second_stop_interrupts_a_pools_blocking_wait() {
    // CPython 3.11, SIGINT at 0.5 and 0.7 s: KeyboardInterrupt is raised where main waits.
    let out = run_stopped(BLOCKED, &[0.5, 0.7]);
    let lines = texts(&out.lines);
    assert_eq!(lines[0], ("Task-1".into(), "main's finally".into(), 700.0));
    assert!(!out.lines.iter().any(|l| l.text == "after the with block"));
    assert_eq!(
        out.lines.iter().rfind(|l| l.event.as_str() == "stderr").map(|l| l.text.as_str()),
        Some("KeyboardInterrupt")
    );
}

#[test]
fn stop_ends_a_loop_the_program_runs_forever_with_keyboard_interrupt() {
    // CPython 3.11, SIGINT 0.45 s into the run: a tick each 0.1 s, `interrupted`, `end`, then, as the program
    // ends, the pending task is destroyed (its coroutine closed, so its finally runs; CPython's
    // collector writes the two in either order, depending on what holds the task).
    let src = "import asyncio\n\nasync def ticker():\n    try:\n        while True:\n            \
               print('tick')\n            await asyncio.sleep(0.1)\n    finally:\n        print('ticker finally')\n\n\
               loop = asyncio.new_event_loop()\nloop.create_task(ticker())\ntry:\n    loop.run_forever()\n\
               except KeyboardInterrupt:\n    print('interrupted')\nfinally:\n    loop.close()\nprint('end')\n";
    let out = run_stopped(src, &[0.45]);
    assert_eq!(out.acted, vec![true]);
    let lines: Vec<(String, String)> = out.lines.iter().map(|l| (l.who.clone(), l.text.clone())).collect();
    let tick = ("Task-1".to_string(), "tick".to_string());
    assert_eq!(lines[..5], [tick.clone(), tick.clone(), tick.clone(), tick.clone(), tick]);
    assert_eq!(lines[5], ("main".into(), "interrupted".into()));
    assert_eq!(lines[6], ("main".into(), "end".into()));
    let rest: Vec<&str> = lines[7..].iter().map(|(_, t)| t.as_str()).collect();
    assert!(rest.contains(&"ticker finally"), "{rest:#?}");
    assert!(rest.contains(&"Task was destroyed but it is pending!"), "{rest:#?}");
    assert!(out.lines.iter().all(|l| l.t <= 450.0), "nothing runs after Stop");
}

#[test]
fn stop_during_run_until_complete_raises_keyboard_interrupt_at_the_call() {
    let src = "import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(0.1)\n\n\
               loop = asyncio.get_event_loop()\nloop.run_until_complete(main())\nprint('unreached')\n";
    let out = run_stopped(src, &[0.25]);
    let stderr: Vec<&str> =
        out.lines.iter().filter(|l| l.event.as_str() == "stderr").map(|l| l.text.as_str()).collect();
    assert_eq!(
        stderr,
        [
            "Traceback (most recent call last):",
            "  File \"main.py\", line 8, in <module>",
            "    loop.run_until_complete(main())",
            "KeyboardInterrupt"
        ]
    );
    assert!(!out.lines.iter().any(|l| l.text == "unreached"));
}
