//! Every seed lesson's configuration, and the subtle cases of the spec, on the
//! virtual clock, with exact expected traces (times in scenario seconds).

use playground_core::ideal::ideal_trace;
use playground_core::link::from_link;
use playground_core::trace::to_lines;

fn trace_of(query: &str) -> String {
    let (state, problems) = from_link(query);
    assert!(problems.is_empty(), "{query}: {problems:?}");
    let events = ideal_trace(&state.scenario).expect("the scenario runs");
    to_lines(&events, state.scenario.unit)
}

fn check(cases: &[(&str, &str)]) {
    for (query, expected) in cases {
        let expected: String = expected.lines().map(|l| format!("{}\n", l.trim())).collect();
        assert_eq!(trace_of(query), expected, "trace of {query}");
    }
}

#[test]
fn seed_lessons() {
    check(&[
        (
            "lesson=sync",
            "main start 0.000
             1 start 0.000
             1 return 1.000
             main result 1.000 1
             2 start 1.000
             2 return 3.000
             main result 3.000 2
             main end 3.000",
        ),
        (
            "lesson=await",
            "main start 0.000
             1 start 0.000
             1 return 1.000
             main result 1.000 1
             2 start 1.000
             2 return 3.000
             main result 3.000 2
             main end 3.000",
        ),
        (
            "lesson=tasks",
            "main start 0.000
             1 start 0.000
             2 start 0.000
             1 return 1.000
             main result 1.000 1
             2 return 2.000
             main result 2.000 2
             main end 2.000",
        ),
        (
            "lesson=order",
            "main start 0.000
             1 start 0.000
             2 start 0.000
             1 return 1.000
             2 return 2.000
             main result 2.000 2
             main result 2.000 1
             main end 2.000",
        ),
        (
            "lesson=blocking",
            "main start 0.000
             1 start 0.000
             1 return 1.000
             2 start 1.000
             2 return 3.000
             main result 3.000 1
             main result 3.000 2
             main end 3.000",
        ),
        (
            "lesson=gather",
            "main start 0.000
             1 start 0.000
             2 start 0.000
             3 start 0.000
             1 return 1.000
             2 raise 2.000
             main raise 2.000
             3 return 3.000
             main end 4.000",
        ),
    ]);
}

#[test]
fn gather_and_task_group() {
    check(&[
        (
            "mode=gather-rx&jobs=1,2!,3",
            "main start 0.000
             1 start 0.000
             2 start 0.000
             3 start 0.000
             1 return 1.000
             2 raise 2.000
             3 return 3.000
             main result 3.000 1
             main result 3.000 2
             main result 3.000 3
             main end 3.000",
        ),
        (
            // The TaskGroup cancels the siblings still pending at the first error.
            "mode=group&jobs=1,2!,3",
            "main start 0.000
             1 start 0.000
             2 start 0.000
             3 start 0.000
             1 return 1.000
             2 raise 2.000
             3 cancel 2.000
             main raise 2.000
             main end 2.000",
        ),
        (
            // Without linger, gather's orphan is cancelled by asyncio.run's shutdown.
            "mode=gather&jobs=1!,3",
            "main start 0.000
             1 start 0.000
             2 start 0.000
             1 raise 1.000
             main raise 1.000
             2 cancel 1.000
             main end 1.000",
        ),
    ]);
}

#[test]
fn blocking_code_delays_the_callbacks_that_would_cancel() {
    check(&[
        (
            // Job 2's step was queued before job 1 raised: the group cannot stop it.
            "mode=group&jobs=1!,2,3&sleep=blocking",
            "main start 0.000
             1 start 0.000
             1 raise 1.000
             2 start 1.000
             2 return 3.000
             3 start 3.000
             3 return 6.000
             main raise 6.000
             main end 6.000",
        ),
        (
            // Two timers due together are handled in one iteration: job 2 returns
            // before the group's callback for job 1 can cancel it.
            "mode=group&jobs=1!,1,3",
            "main start 0.000
             1 start 0.000
             2 start 0.000
             3 start 0.000
             1 raise 1.000
             2 return 1.000
             3 cancel 1.000
             main raise 1.000
             main end 1.000",
        ),
    ]);
}

#[test]
fn errors_leave_orphans_that_the_shutdown_cancels() {
    // In `await` mode the error reaches main before later coroutines are even
    // awaited: they never start, and are never cancelled (they are not tasks).
    check(&[(
        "mode=await&jobs=1!,2",
        "main start 0.000
         1 start 0.000
         1 raise 1.000
         main raise 1.000
         main end 1.000",
    )]);
    // Tasks still sleeping when main returns are cancelled by asyncio.run.
    check(&[(
        "mode=tasks&jobs=0.5!,1,1&order=1,2,3&sleep=async",
        "main start 0.000
         1 start 0.000
         2 start 0.000
         3 start 0.000
         1 raise 0.500
         main raise 0.500
         2 cancel 0.500
         3 cancel 0.500
         main end 0.500",
    )]);
}

#[test]
fn linger_lets_orphans_finish() {
    check(&[(
        "mode=tasks&jobs=1!,3,2&linger=1",
        "main start 0.000
         1 start 0.000
         2 start 0.000
         3 start 0.000
         1 raise 1.000
         main raise 1.000
         3 return 2.000
         2 cancel 2.000
         main end 2.000",
    )]);
}

#[test]
fn offloaded_sleeps_wait_for_a_free_worker_and_outlive_their_cancellation() {
    check(&[
        (
            // More jobs than workers: job 3 waits for job 1's worker. Cancelled while its
            // sleep runs in a worker, job 3 ends at once, but the worker is busy until 4 s,
            // and asyncio.run waits for it.
            "mode=group&jobs=1,2!,3&sleep=thread&workers=2",
            "main start 0.000
             1 start 0.000
             1 worker-start 0.000
             2 start 0.000
             2 worker-start 0.000
             3 start 0.000
             1 worker-free 1.000
             3 worker-start 1.000
             1 return 1.000
             2 worker-free 2.000
             2 raise 2.000
             3 cancel 2.000
             main raise 2.000
             3 worker-free 4.000
             main end 4.000",
        ),
        (
            // Job 3 is still queued when it is cancelled: its sleep never runs.
            "mode=group&jobs=1!,2,3&sleep=thread&workers=1",
            "main start 0.000
             1 start 0.000
             1 worker-start 0.000
             2 start 0.000
             3 start 0.000
             1 worker-free 1.000
             2 worker-start 1.000
             1 raise 1.000
             2 cancel 1.000
             3 cancel 1.000
             main raise 1.000
             2 worker-free 3.000
             main end 3.000",
        ),
        (
            // A process pool's call queue already holds job 2: it runs though cancelled.
            "mode=group&jobs=1!,2&sleep=process&workers=1",
            "main start 0.000
             1 start 0.000
             1 worker-start 0.000
             2 start 0.000
             1 worker-free 1.000
             2 worker-start 1.000
             1 raise 1.000
             2 cancel 1.000
             main raise 1.000
             2 worker-free 3.000
             main end 3.000",
        ),
        (
            "lesson=offload",
            "main start 0.000
             1 start 0.000
             1 worker-start 0.000
             2 start 0.000
             2 worker-start 0.000
             1 worker-free 1.000
             1 return 1.000
             main result 1.000 1
             2 worker-free 2.000
             2 return 2.000
             main result 2.000 2
             main end 2.000",
        ),
    ]);
}
