//! Native checks of what the differential test cannot show: costs that grow with a program's
//! size grow linearly (CPython's do), so large programs end in a time a learner can wait for.
//! The bounds are loose (tens of times what a debug build needs), never tight timings.

use playground_python::run_virtual;
use std::time::{Duration, Instant};

/// Runs a program on the virtual loop: its printed lines, and the native time it took.
fn run(src: &str) -> (Vec<String>, Duration) {
    let start = Instant::now();
    let lines = run_virtual(src, 1000.0, 2).expect("it runs");
    (lines.into_iter().map(|l| l.text).collect(), start.elapsed())
}

#[test]
fn gather_of_many_tasks_is_linear() {
    let src = "import asyncio\n\nasync def job(k):\n    await asyncio.sleep(0.01)\n    return k\n\n\
               async def main():\n    tasks = [asyncio.create_task(job(k)) for k in range(N)]\n    \
               results = await asyncio.gather(*tasks, *tasks[:100])\n    print(len(results), sum(results))\n\n\
               asyncio.run(main())\n";
    let (small, t_small) = run(&src.replace('N', "2_000"));
    assert_eq!(small, ["2100 2003950"]);
    let (large, t_large) = run(&src.replace('N', "20_000"));
    assert_eq!(large, ["20100 199994950"]);
    // Ten times the tasks: about ten times the time (a quadratic gather took a hundred times).
    assert!(t_large < t_small * 40 + Duration::from_secs(1), "{t_small:?} then {t_large:?}");
    assert!(t_large < Duration::from_secs(60), "{t_large:?}");
}
