//! A program's timeline, from the activity the engine records on the virtual loop: a lane
//! per task, named as CPython names them, and one per pool worker, with the calls in them.

use playground_core::aio::Rt;
use playground_core::lanes::{BarKind, Lane};
use playground_core::program_lanes::program_timeline;
use playground_core::program_run::ProgramTrace;
use playground_core::program_trace::{Line, ProgramEvent, Stream};
use playground_core::virtual_loop::VirtualLoop;
use playground_python::{check, start, Limits, Sinks, TraceEvent, VirtualHost};
use std::cell::RefCell;
use std::rc::Rc;

fn trace_of(src: &str) -> ProgramTrace {
    let program = check(src).expect("it checks");
    let vloop = Rc::new(VirtualLoop::with_cores(2));
    let rt: Rt = vloop.clone();
    let trace = Rc::new(RefCell::new(ProgramTrace::default()));
    let (l, a) = (trace.clone(), trace.clone());
    let sinks = Sinks {
        lines: Rc::new(move |line| {
            let stream = if line.event == TraceEvent::Stderr { Stream::Err } else { Stream::Out };
            l.borrow_mut().push(ProgramEvent::Line(Line {
                stream,
                text: line.text,
                t: line.t,
                who: line.who,
                line: line.line,
            }))
        }),
        activity: Some(Rc::new(move |act| a.borrow_mut().push(ProgramEvent::Activity(act)))),
    };
    let host = Rc::new(VirtualHost::new(rt.clone(), program.clone()));
    let running = start(&program, rt.clone(), 1000.0, sinks, Limits::default(), host);
    let (t, clock) = (trace.clone(), rt.clone());
    rt.spawn(Box::pin(async move {
        running.done.await;
        t.borrow_mut().push(ProgramEvent::End(clock.now()));
    }));
    vloop.run().expect("the run ends");
    let out = trace.borrow().clone();
    out
}

#[test]
fn tasks_and_workers_each_have_a_lane() {
    let src = "import asyncio, time\n\ndef work(n):\n    time.sleep(n)\n    return n\n\n\
               async def job(n):\n    return await asyncio.to_thread(work, n)\n\n\
               async def main():\n    a = asyncio.create_task(job(1))\n    b = asyncio.create_task(job(2), name='second')\n    \
               print(await a, await b)\n\nasyncio.run(main())\n";
    let trace = trace_of(src);
    let t = program_timeline(&trace, 1000, f64::INFINITY);
    let rows: Vec<&str> = t.rows.iter().map(|(_, name)| name.as_str()).collect();
    assert_eq!(rows, ["event loop", "Task-1 main", "Task-2 job", "second", "thread 1", "thread 2"].as_slice());
    let in_worker: Vec<(f64, f64)> =
        t.bars.iter().filter(|b| b.kind == BarKind::InWorker).map(|b| (b.from / 1000.0, b.to / 1000.0)).collect();
    assert_eq!(in_worker, vec![(0.0, 1.0), (0.0, 2.0)]);
    assert!(
        t.bars.iter().any(|b| b.lane == Lane::Worker(1) && b.text.starts_with("work runs in thread 2")),
        "{:#?}",
        t.bars
    );
    assert!(t.bars.iter().all(|b| b.kind != BarKind::Blocked), "the loop is never blocked: the sleeps are in workers");
}

#[test]
fn a_full_pool_makes_calls_wait_for_a_worker() {
    let src = "import asyncio, time\nfrom concurrent.futures import ThreadPoolExecutor\n\ndef work(n):\n    time.sleep(1)\n    return n\n\n\
               async def main():\n    loop = asyncio.get_running_loop()\n    pool = ThreadPoolExecutor(max_workers=1)\n    \
               print(await asyncio.gather(loop.run_in_executor(pool, work, 1), loop.run_in_executor(pool, work, 2)))\n\nasyncio.run(main())\n";
    let t = program_timeline(&trace_of(src), 1000, f64::INFINITY);
    let waits: Vec<(f64, f64)> =
        t.bars.iter().filter(|b| b.kind == BarKind::WaitingWorker).map(|b| (b.from / 1000.0, b.to / 1000.0)).collect();
    assert_eq!(waits, vec![(0.0, 1.0)], "the second call waits for the pool's one worker");
    let rows: Vec<&str> = t.rows.iter().map(|(_, name)| name.as_str()).collect();
    assert_eq!(rows.last(), Some(&"thread 1"), "one worker: {rows:?}");
}

#[test]
fn a_workers_lines_name_the_workers_own_line() {
    let src = "import asyncio\n\ndef work():\n    print('in the worker')\n    return 1\n\n\
               async def main():\n    print('on the loop')\n    await asyncio.to_thread(work)\n\nasyncio.run(main())\n";
    let lines = playground_python::run_virtual(src, 1000.0, 2).expect("it runs");
    let found: Vec<(&str, &str, usize)> = lines.iter().map(|l| (l.who.as_str(), l.text.as_str(), l.line)).collect();
    assert_eq!(found, vec![("Task-1", "on the loop", 8), ("thread", "in the worker", 4)]);
}
