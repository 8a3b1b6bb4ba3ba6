//! Native checks of what the differential test cannot show: the unit of time, the trace's
//! fields, the guard against programs that never yield, and the pools' writers.

use playground_python::{run_virtual, run_virtual_limited, Limits, TraceEvent, TraceLine};

fn texts(lines: &[TraceLine]) -> Vec<(String, String, f64)> {
    lines.iter().map(|l| (l.who.clone(), l.text.clone(), l.t)).collect()
}

#[test]
fn unit_scales_sleeps_blocking_and_clocks() {
    let src = "import asyncio, time\n\nasync def main():\n    t0 = time.perf_counter()\n    \
               await asyncio.sleep(1)\n    print('slept', round(time.perf_counter() - t0, 3))\n    \
               time.sleep(0.5)\n    loop = asyncio.get_running_loop()\n    print('blocked', round(time.perf_counter() - t0, 3))\n\n\
               asyncio.run(main())\n";
    let lines = run_virtual(src, 250.0, 4).expect("it runs");
    assert_eq!(
        texts(&lines),
        vec![("Task-1".into(), "slept 1.0".into(), 250.0), ("Task-1".into(), "blocked 1.5".into(), 375.0)]
    );
}

#[test]
fn a_program_that_never_yields_is_stopped() {
    let src = "import asyncio\n\nasync def spin():\n    n = 0\n    while True:\n        n += 1\n\n\
               async def main():\n    print('start')\n    await asyncio.create_task(spin())\n\nasyncio.run(main())\n";
    let lines = run_virtual_limited(src, 1000.0, 4, Limits { max_ops: 200_000, ..Limits::default() }).expect("it runs");
    assert_eq!(lines[0].text, "start");
    let last = lines.last().expect("a message");
    assert_eq!(last.event, TraceEvent::Stderr);
    assert!(last.text.contains("without yielding"), "{last:?}");
}

#[test]
fn pool_workers_write_as_thread_and_process() {
    let src = "import asyncio, time\nfrom concurrent.futures import ProcessPoolExecutor\n\n\
               def work(n):\n    print('working', n)\n    time.sleep(n)\n    return n\n\n\
               async def main():\n    loop = asyncio.get_running_loop()\n    \
               a = await asyncio.to_thread(work, 1)\n    with ProcessPoolExecutor(max_workers=1) as pool:\n        \
               b = await asyncio.gather(loop.run_in_executor(pool, work, 1), loop.run_in_executor(pool, work, 2))\n    \
               print(a, b)\n\nasyncio.run(main())\n";
    let lines = run_virtual(src, 1000.0, 4).expect("it runs");
    let who: Vec<&str> = lines.iter().map(|l| l.who.as_str()).collect();
    assert_eq!(who, ["thread", "process", "process", "Task-1"]);
    assert_eq!(lines[2].t, 2000.0, "one process worker: the second call waits for the first");
    assert_eq!(lines[3].t, 4000.0);
    assert_eq!(lines[3].text, "1 [1, 2]");
}

#[test]
fn print_options_and_partial_lines() {
    let src = "import sys\nprint('a', 'b', sep='-', end='')\nprint('c')\nprint('err', file=sys.stderr)\n";
    let lines = run_virtual(src, 1000.0, 4).expect("it runs");
    assert_eq!(lines.len(), 2);
    assert_eq!((lines[0].event, lines[0].text.as_str(), lines[0].who.as_str()), (TraceEvent::Print, "a-bc", "main"));
    assert_eq!((lines[1].event, lines[1].text.as_str()), (TraceEvent::Stderr, "err"));
}

#[test]
fn the_documentation_s_say_after_runs_with_its_wall_clock() {
    let src = "import asyncio\nimport time\n\nasync def say_after(delay, what):\n    await asyncio.sleep(delay)\n    \
               print(what)\n\nasync def main():\n    print(f\"started at {time.strftime('%X')}\")\n\n    \
               await say_after(1, 'hello')\n    await say_after(2, 'world')\n\n    \
               print(f\"finished at {time.strftime('%X')}\")\n\nasyncio.run(main())\n";
    let lines = run_virtual(src, 1000.0, 4).expect("it runs");
    let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    // The playground's wall clock starts at 2023-11-14 22:13:20 UTC and follows the program's time.
    assert_eq!(text, ["started at 22:13:20", "hello", "world", "finished at 22:13:23"]);
    assert_eq!(lines[3].t, 3000.0);
}

#[test]
fn a_long_sleep_in_a_worker_is_not_mistaken_for_a_loop_that_never_yields() {
    let src =
        "import asyncio, time\n\ndef slow():\n    time.sleep(6)\n    total = 0\n    for i in range(10000):\n        \
               total += i\n    return total\n\nasync def main():\n    print(await asyncio.to_thread(slow))\n\n\
               asyncio.run(main())\nprint('after', time.perf_counter() > 5)\n";
    let lines = run_virtual(src, 1000.0, 4).expect("it runs");
    let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(text, ["49995000", "after True"]);
}

/// Limits for a thread of 256 MB: a debug build's calls take far more stack than a release
/// build's, so the default budget would end recursion after a few dozen calls.
fn big_stack() -> Limits {
    Limits { max_stack: 192 << 20, ..Limits::default() }
}

#[test]
fn recursion_ends_with_recursion_error_when_its_stack_budget_is_spent() {
    // 1 MB is a few dozen calls' stack: the budget, not the count of calls, ends this recursion,
    // and a call made afterwards, from a shallow stack, has the whole budget again.
    let src = "def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\n\ntry:\n    depth(900)\nexcept RecursionError as e:\n    print(e)\nprint(depth(1))\n";
    let lines =
        run_virtual_limited(src, 1000.0, 4, Limits { max_stack: 1 << 20, ..Limits::default() }).expect("it runs");
    let text: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(text, ["maximum recursion depth exceeded", "1"]);
}

#[test]
fn deep_recursion_raises_recursion_error() {
    let src = "def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\n\nprint(depth(50))\nprint(depth(100000))\n";
    let lines = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || run_virtual_limited(src, 1000.0, 4, big_stack()).expect("it runs"))
        .expect("a thread")
        .join()
        .expect("no panic");
    assert_eq!(lines[0].text, "50");
    assert_eq!(lines.last().map(|l| l.text.as_str()), Some("RecursionError: maximum recursion depth exceeded"));
    let deeper = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            run_virtual_limited(
                "def d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\n\nprint(d(500))\n",
                1000.0,
                4,
                big_stack(),
            )
            .expect("it runs")
        })
        .expect("a thread")
        .join()
        .expect("no panic");
    assert_eq!(deeper[0].text, "500");
}

#[test]
fn a_negative_number_to_a_fractional_power_says_complex_numbers_are_not_supported() {
    let src = "try:\n    print((-8) ** 0.5)\nexcept ValueError as e:\n    print(e)\n";
    let lines = run_virtual(src, 1000.0, 4).expect("it runs");
    assert_eq!(
        lines[0].text,
        "a negative number to a fractional power is a complex number, which the playground does not support"
    );
}

#[test]
fn a_loop_method_cpython_has_and_the_playground_has_not_says_so() {
    // CPython's loop has them (signals, sockets, subprocesses); the playground raises a
    // RuntimeError naming the method rather than an AttributeError that says it does not exist.
    let src = "import asyncio\n\nasync def main():\n    loop = asyncio.get_running_loop()\n    \
               try:\n        loop.add_signal_handler(2, print)\n    except RuntimeError as e:\n        print(e)\n    \
               try:\n        loop.no_such_method\n    except AttributeError as e:\n        print(e)\n\n\
               asyncio.run(main())\n";
    let lines = run_virtual(src, 1000.0, 4).expect("it runs");
    let said: Vec<String> = lines.iter().map(|l| l.text.clone()).collect();
    assert_eq!(
        said,
        [
            "loop.add_signal_handler() is not supported by the playground",
            "'_UnixSelectorEventLoop' object has no attribute 'no_such_method'"
        ]
    );
}
