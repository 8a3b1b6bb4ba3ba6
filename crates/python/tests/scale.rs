//! Native checks of what the differential test cannot show: costs that grow with a program's
//! size grow linearly (CPython's do), so large programs end in a time a learner can wait for.
//! The bounds are loose (tens of times what a debug build needs), never tight timings.

use playground_python::{run_virtual, run_virtual_limited, Limits};
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

#[test]
fn lazy_built_ins_take_only_the_items_asked_for() {
    // A million items each: read whole, they would take millions of operations, not 50,000.
    let src = "import asyncio\n\nasync def main():\n    big = range(1_000_000)\n    \
               print(any(x == 3 for x in big), all(x < 3 for x in big), 5 in (x for x in big))\n    \
               print(next(enumerate(x * x for x in big)), next(zip(big, (-x for x in big))))\n    \
               print(next(map(lambda x: x + 1, big)), next(filter(lambda x: x > 2, (x for x in big))))\n    \
               print(next(reversed(range(10 ** 18))), sum(x for x in map(abs, range(-3, 3))))\n    \
               try:\n        a, b = (x for x in big)\n    except ValueError as e:\n        print(e)\n\n\
               asyncio.run(main())\n";
    let lines = run_virtual_limited(src, 1000.0, 2, Limits { max_ops: 50_000, ..Limits::default() }).expect("it runs");
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        texts,
        ["True False True", "(0, 0) (0, 0)", "1 3", "999999999999999999 9", "too many values to unpack (expected 2)"]
    );
}
