//! The Python asyncio program equivalent to a scenario, for the code panel.
//! It is the program `tests/reference/asyncio_trace.py` runs, minus the tracing.

use crate::link::seconds_text;
use crate::scenario::JobId;
use crate::scenario::{Mode, Scenario, SleepKind};
use crate::trace::{Event, Who};
use std::fmt::Write as _;

fn sleep_line(kind: SleepKind) -> &'static str {
    match kind {
        SleepKind::Async => "    await asyncio.sleep(delay)",
        SleepKind::Blocking => "    time.sleep(delay)  # not awaitable: it blocks the event loop",
        SleepKind::Thread => "    await asyncio.to_thread(time.sleep, delay)  # a worker thread sleeps",
        SleepKind::Process => "    await asyncio.get_running_loop().run_in_executor(POOL, time.sleep, delay)",
    }
}

fn call(s: &Scenario, k: usize) -> String {
    let job = s.jobs[k - 1];
    let fails = if job.fails { ", fails=True" } else { "" };
    format!("fetch_data({k}, {}{fails})", seconds_text(job.tenths))
}

/// The Python program for `s`.
pub fn python_program(s: &Scenario) -> String {
    let mut p = String::new();
    if s.unit != 1000 {
        let _ = writeln!(p, "# The playground runs this at {} ms of real time per second of sleep.", s.unit);
    }
    let sleep = s.effective_sleep();
    let is_async = s.mode != Mode::Sync;
    p.push_str(if is_async { "import asyncio\nimport time\n" } else { "import time\n" });
    if sleep == SleepKind::Process && is_async {
        let workers = s.workers.map(|w| format!("max_workers={w}")).unwrap_or_default();
        let _ =
            writeln!(p, "from concurrent.futures import ProcessPoolExecutor\n\nPOOL = ProcessPoolExecutor({workers})");
    }
    p.push_str("\n\nclass FetchError(Exception):\n    pass\n\n\n");
    let _ = writeln!(p, "{}def fetch_data(param, delay, fails=False):", if is_async { "async " } else { "" });
    p.push_str("    print(f\"fetch_data({param}) started\")\n");
    p.push_str(if is_async { sleep_line(sleep) } else { "    time.sleep(delay)" });
    p.push_str("\n    if fails:\n        raise FetchError(f\"fetch_data({param}) failed\")\n");
    p.push_str("    return f\"Result of {param}\"\n\n\n");
    let _ = writeln!(p, "{}def main():", if is_async { "async " } else { "" });
    p.push_str("    try:\n");
    let n = s.jobs.len();
    let body = match s.mode {
        Mode::Sync => s.order.iter().map(|&k| format!("        print({})\n", call(s, k as usize))).collect(),
        Mode::Await => {
            let mut b = String::from("        # calling a coroutine function only creates a coroutine object\n");
            for k in 1..=n {
                let _ = writeln!(b, "        coro{k} = {}", call(s, k));
            }
            for &k in &s.order {
                let _ = writeln!(b, "        print(await coro{k})");
            }
            b
        }
        Mode::Tasks => {
            let mut b = String::new();
            for k in 1..=n {
                let _ = writeln!(b, "        task{k} = asyncio.create_task({})", call(s, k));
            }
            for &k in &s.order {
                let _ = writeln!(b, "        print(await task{k})");
            }
            b
        }
        Mode::Gather | Mode::GatherRx => {
            let mut b = String::from("        results = await asyncio.gather(\n");
            for k in 1..=n {
                let _ = writeln!(b, "            {},", call(s, k));
            }
            if s.mode == Mode::GatherRx {
                b.push_str("            return_exceptions=True,\n");
            }
            b.push_str("        )\n        print(results)\n");
            b
        }
        Mode::Group => {
            let mut b = String::from("        async with asyncio.TaskGroup() as tg:\n");
            for k in 1..=n {
                let _ = writeln!(b, "            task{k} = tg.create_task({})", call(s, k));
            }
            let results: Vec<String> = (1..=n).map(|k| format!("task{k}.result()")).collect();
            let _ = writeln!(b, "        print([{}])", results.join(", "));
            b
        }
    };
    p.push_str(&body);
    p.push_str("    except Exception as error:  # a FetchError, or the TaskGroup's ExceptionGroup\n");
    p.push_str("        print(f\"main caught {error!r}\")\n");
    if s.linger_tenths > 0 {
        let linger = seconds_text(s.linger_tenths);
        if is_async {
            let _ = writeln!(p, "    await asyncio.sleep({linger})  # linger: orphaned tasks keep running");
        } else {
            let _ = writeln!(p, "    time.sleep({linger})");
        }
    }
    p.push_str("\n\n");
    if is_async {
        p.push_str("asyncio.run(main())  # then cancels every task still pending\n");
    } else {
        p.push_str("main()\n");
    }
    p
}

/// The line (0-based) of [`python_program`] for `s` that corresponds to `event` of `who`
/// (`of`: the job of `main`'s result).
pub fn python_line(s: &Scenario, who: Who, event: Event, of: Option<JobId>) -> Option<usize> {
    let k = of.map(|k| k.to_string()).unwrap_or_default();
    let is_async = s.mode != Mode::Sync;
    let marker = match (who, event) {
        (Who::Job(_), Event::Start) => "started\")".to_string(),
        (Who::Job(_), Event::Return) => "return f\"Result of".into(),
        (Who::Job(_), Event::Raise) => "raise FetchError".into(),
        (Who::Job(_), Event::WorkerStart | Event::WorkerFree) => "    await asyncio".into(),
        (Who::Job(_), Event::Cancel) if s.mode == Mode::Group => "tg.create_task".into(),
        (Who::Job(_), Event::Cancel) => "asyncio.run(main())".into(),
        (Who::Main, Event::Start) => if is_async { "async def main():" } else { "def main():" }.into(),
        (Who::Main, Event::Result) => match s.mode {
            Mode::Sync => format!("print(fetch_data({k},"),
            Mode::Await => format!("print(await coro{k})"),
            Mode::Tasks => format!("print(await task{k})"),
            Mode::Gather | Mode::GatherRx => "results = await asyncio.gather(".into(),
            Mode::Group => "print([".into(),
        },
        (Who::Main, Event::Raise) => "except Exception".into(),
        (Who::Main, Event::End | Event::Cancel) => if is_async { "asyncio.run(main())" } else { "main()" }.into(),
        _ => return None,
    };
    let program = python_program(s);
    let lines: Vec<&str> = program.lines().collect();
    if who == Who::Main && matches!(event, Event::End | Event::Cancel) {
        return lines.iter().rposition(|l| l.starts_with(marker.as_str()));
    }
    lines.iter().position(|l| l.contains(marker.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Lesson;

    #[test]
    fn the_python_program_is_valid_python_for_every_mode_and_sleep() {
        for &mode in Mode::ALL {
            for &sleep in SleepKind::ALL {
                let s = Scenario { mode, sleep, linger_tenths: 5, ..Lesson::Gather.defaults() };
                let program = python_program(&s);
                let status = std::process::Command::new("python3")
                    .args(["-c", "import ast, sys; ast.parse(sys.stdin.read())"])
                    .stdin(std::process::Stdio::piped())
                    .spawn()
                    .and_then(|mut child| {
                        use std::io::Write;
                        child.stdin.take().expect("stdin").write_all(program.as_bytes())?;
                        child.wait()
                    })
                    .expect("python3 runs");
                assert!(status.success(), "{mode} {sleep}:\n{program}");
            }
        }
    }

    #[test]
    fn it_follows_the_scenario() {
        let s = Lesson::Order.defaults();
        let program = python_program(&s);
        assert!(program.contains("task1 = asyncio.create_task(fetch_data(1, 1))"));
        let (second, first) = (program.find("await task1").expect("t1"), program.find("await task2").expect("t2"));
        assert!(first < second, "awaits follow the order 2,1");
        assert!(python_program(&Lesson::Blocking.defaults()).contains("time.sleep(delay)  # not awaitable"));
    }
}

/// The first line of a program made from a lesson ("Edit this code"), naming the lesson.
const FROM_LESSON: &str = "# From the asyncio playground's lesson \"";

/// The lesson's program as a learner's own, to edit: [`python_program`], headed by a comment
/// that names the lesson it came from (the page reads it back with [`origin`]).
pub fn lesson_program(lesson: crate::Lesson, s: &Scenario) -> String {
    format!("{FROM_LESSON}{}\" ({}).\n{}", lesson.name(), lesson.seed_file(), python_program(s))
}

/// The lesson a program came from, if its first line says so.
pub fn origin(source: &str) -> Option<crate::Lesson> {
    let rest = source.lines().next()?.strip_prefix(FROM_LESSON)?;
    crate::Lesson::from_name(rest.split('"').next()?)
}

#[cfg(test)]
mod origin_tests {
    use super::*;
    use crate::Lesson;

    #[test]
    fn a_lesson_program_names_its_lesson() {
        let p = lesson_program(Lesson::Gather, &Lesson::Gather.defaults());
        assert!(
            p.starts_with("# From the asyncio playground's lesson \"gather\" (example7.py).\nimport asyncio\n"),
            "{p}"
        );
        assert_eq!(origin(&p), Some(Lesson::Gather));
        assert_eq!(origin("import asyncio\n"), None);
        assert_eq!(origin("# From the asyncio playground's lesson \"nope\" (x.py).\n"), None);
    }
}
