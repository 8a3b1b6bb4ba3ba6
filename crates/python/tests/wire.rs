//! The messages between the loop and a pool's worker: garbled ones give errors, never a
//! panic; a host's lines keep their worker's times; a dead worker raises; pools use
//! workers of their own.

mod pools;

use playground_core::aio::{LocalFuture, Rt};
use playground_core::virtual_loop::VirtualLoop;
use playground_python::{check, run_hosted, serve, Limits, TraceLine, WorkerHost, WorkerLine};
use pools::{at_once, big_stack, main_of, run_with, Still, Tamper};
use std::cell::RefCell;
use std::rc::Rc;

const GARBLE: &str =
    "import asyncio, sys\n\nclass Box:\n    pass\n\ndef ident(*a, **k):\n    print('got', len(a))\n    \
                      print('err', file=sys.stderr)\n    return a, k\n\n\
                      async def main():\n    b = Box()\n    b.me = b\n    \
                      a, k = await asyncio.to_thread(ident, [1, 'x', (2.5, None)], {'k': {3}}, b, key=range(3))\n    \
                      print(a[:2], k, a[2].me is a[2], type(a[2]) is Box)\n\n\
                      asyncio.run(main())\n";

#[test]
fn garbled_requests_give_errors_never_panics() {
    let (lines, requests) = big_stack(|| run_with(GARBLE, None, None));
    let expected =
        ["thread: got 3", "thread: err", "Task-1: ([1, 'x', (2.5, None)], {'k': {3}}) {'key': range(0, 3)} True True"];
    assert_eq!(lines, expected);
    let request = requests[0].1.clone();
    big_stack(move || {
        let program = check(GARBLE).expect("accepted");
        let serve_it = |wire: &str| {
            let env = Rc::new(Still::default());
            at_once(serve(&program, wire, env))
        };
        assert!(serve_it(&request).starts_with("V1r"));
        for cut in (0..request.len()).filter(|&k| request.is_char_boundary(k)) {
            let reply = serve_it(&request[..cut]);
            assert!(reply.starts_with("V1w"), "cut at {cut}: {reply}");
        }
        for garbage in ["", "W1", "W1t", "hello", "W1p;;;;", "W1t0;0;0;0;0;", "\u{1F600}", "W1t\u{e9}"] {
            assert!(serve_it(garbage).starts_with("V1w"), "{garbage:?}");
        }
        let mut flipped = 0;
        for at in (0..request.len()).step_by(3) {
            for with in [b'@', b'9', b'L', b'(', b'0'] {
                let mut bytes = request.clone().into_bytes();
                bytes[at] = with;
                if let Ok(wire) = String::from_utf8(bytes) {
                    let _ = serve_it(&wire);
                    flipped += 1;
                }
            }
        }
        assert!(flipped > 1000);
    });
}

#[test]
fn garbled_or_lost_replies_raise_in_the_program() {
    big_stack(|| {
        let (good, _) = run_with(GARBLE, None, None);
        let captured = Rc::new(RefCell::new(String::new()));
        let keep = captured.clone();
        let tamper: Tamper = Some(Rc::new(move |r: String| {
            keep.borrow_mut().clone_from(&r);
            r
        }));
        assert_eq!(run_with(GARBLE, None, tamper).0, good);
        let reply = captured.borrow().clone();
        for cut in (0..reply.len()).filter(|&k| reply.is_char_boundary(k)) {
            let tamper: Tamper = Some(Rc::new(move |r: String| r[..cut].to_string()));
            let lines = run_with(GARBLE, None, tamper).0;
            let last = lines.last().cloned().unwrap_or_default();
            assert!(
                last.starts_with("main: RuntimeError: the worker's reply could not be read: "),
                "{cut}: {lines:#?}"
            );
        }
    });
}

/// A host whose workers write at a fixed time, or die.
struct OddHost {
    program: playground_python::Program,
    dies: bool,
}

impl WorkerHost for OddHost {
    fn call(&self, _: usize, request: String, on_line: Rc<dyn Fn(WorkerLine)>) -> LocalFuture<Result<String, String>> {
        let (program, dies) = (self.program.clone(), self.dies);
        Box::pin(async move {
            if dies {
                return Err("it was terminated".into());
            }
            let env = Rc::new(Still { now: 1234.0, ..Still::default() });
            let reply = serve(&program, &request, env.clone()).await;
            for line in env.lines.take() {
                on_line(line);
            }
            assert_eq!((env.slept.get(), env.blocked.get()), (500.0, 0.0));
            Ok(reply)
        })
    }
}

#[test]
fn lines_keep_the_workers_times_and_a_dead_worker_raises() {
    let src = "import asyncio, time\n\ndef work():\n    print('at', time.perf_counter())\n    time.sleep(0.5)\n    \
               return 'done'\n\nasync def main():\n    await asyncio.sleep(0.1)\n    \
               print(await asyncio.to_thread(work))\n\nasyncio.run(main())\n";
    for dies in [false, true] {
        let lines = big_stack(move || {
            let program = check(src).expect("accepted");
            let vloop = Rc::new(VirtualLoop::with_cores(4));
            let rt: Rt = vloop.clone();
            let lines = Rc::new(RefCell::new(Vec::new()));
            let sink_lines = lines.clone();
            let sink: Rc<dyn Fn(TraceLine)> =
                Rc::new(move |l| sink_lines.borrow_mut().push((l.who.clone(), l.text.clone(), l.t)));
            let host = Rc::new(OddHost { program: program.clone(), dies });
            rt.spawn(run_hosted(&program, rt.clone(), 1000.0, sink, Limits::default(), host));
            vloop.run().expect("the loop runs to its end");
            let out = lines.borrow().clone();
            out
        });
        if dies {
            assert_eq!(
                lines.last().map(|l| l.1.as_str()),
                Some("RuntimeError: the pool's worker stopped: it was terminated")
            );
        } else {
            let expected = [("thread".into(), "at 1.234".into(), 1234.0), ("Task-1".into(), "done".into(), 100.0)];
            assert_eq!(lines, expected);
        }
    }
}

/// Runs the first call `src` sends to a pool on a [`Still`] environment: its reply, what it
/// slept and what it blocked, in ms.
fn split_call(src: &'static str) -> (String, f64, f64) {
    big_stack(move || {
        let request = run_with(src, None, None).1[0].1.clone();
        let env = Rc::new(Still::default());
        let reply = at_once(serve(&check(src).expect("accepted"), &request, env.clone()));
        (reply, env.slept.get(), env.blocked.get())
    })
}

#[test]
fn a_workers_sleep_waits_on_its_timer_and_blocks_only_where_the_call_cannot_suspend() {
    // As an OS thread's time.sleep, a worker's holds it without using its CPU: the call
    // waits on the worker's timer. In a key= function the call cannot suspend: it blocks.
    let src = "import asyncio, time\n\ndef work():\n    time.sleep(0.25)\n    \
               return sorted([2, 1], key=lambda x: time.sleep(0.125) or x)\n\n\
               async def main():\n    print(await asyncio.to_thread(work))\n\nasyncio.run(main())\n";
    let (reply, slept, blocked) = split_call(src);
    assert!(reply.starts_with("V1r"), "{reply}");
    assert_eq!((slept, blocked), (250.0, 250.0));
    assert_eq!(run_with(src, None, None).0, ["Task-1: [1, 2]"]);
}

#[test]
fn pools_send_to_workers_of_their_own() {
    let body = "from concurrent.futures import ThreadPoolExecutor\nloop = asyncio.get_running_loop()\n\
                a, b = ThreadPoolExecutor(max_workers=2), ProcessPoolExecutor(max_workers=3)\n\
                await asyncio.gather(*(loop.run_in_executor(p, time.sleep, 0.1) for p in (a, b, a, b, b, b)))\n";
    let src = main_of(body);
    let requests = big_stack(move || run_with(&src, None, None).1);
    let workers: Vec<usize> = requests.iter().map(|(w, _)| *w).collect();
    assert_eq!(workers, [0, 2, 1, 3, 4, 2]);
    assert!(requests.iter().all(|(_, r)| r.len() < 8000), "a request is a few KB");
}

/// An interpreter of `src` on a virtual loop, for encoding and decoding values directly.
fn interp_of(src: &str) -> Rc<playground_python::interp::Interp> {
    let rt: Rt = Rc::new(VirtualLoop::new());
    playground_python::interp::Interp::new(rt, 1000.0, Rc::new(|_| {}), src)
}

#[test]
fn values_round_trip_through_the_wire_and_garbage_is_an_error() {
    big_stack(values_round_trip);
}

fn values_round_trip() {
    use playground_python::interp::Cx;
    use playground_python::portable::{Decoder, Encoder, Reader, WireError};
    use playground_python::value::{Dict, HashKey, Value};
    let program = check("x = 1\n").expect("accepted");
    let (a, b) = (interp_of("x = 1\n"), interp_of("x = 1\n"));
    let (cx_a, cx_b) = (Cx::module(&a), Cx::module(&b));
    let inner =
        Value::List(Rc::new(RefCell::new(vec![Value::Int(-(1 << 100)), Value::Str("h\u{e9}\n:;".into())].into())));
    let mut d = Dict::new();
    d.insert(HashKey::Str("k".into()), Value::Str("k".into()), inner.clone());
    let outer = Value::List(Rc::new(RefCell::new(
        vec![
            inner.clone(),
            inner,
            Value::Tuple(Rc::new(vec![
                Value::Float(-0.0),
                Value::Float(f64::INFINITY),
                Value::Bool(true),
                Value::None,
            ])),
            Value::Dict(Rc::new(RefCell::new(d))),
            Value::Range(0, 10, 3),
        ]
        .into(),
    )));
    if let Value::List(l) = &outer {
        l.borrow_mut().push(outer.clone());
    }
    let mut e = Encoder::new(&cx_a);
    e.value(&outer).expect("it can be sent");
    e.drain().expect("its contents can be sent");
    let wire = e.finish();
    let mut dec = Decoder::new(&cx_b, &program, Reader::new(&wire), &[]);
    let back = dec.value().expect("it reads");
    dec.drain().expect("its contents read");
    dec.r.end().expect("nothing is left");
    let Value::List(l) = &back else { panic!("a list") };
    let items = l.borrow().clone();
    assert_eq!(
        format!("{:?}", items[..5].to_vec()),
        format!("{:?}", {
            let Value::List(o) = &outer else { panic!("a list") };
            o.borrow()[..5].to_vec()
        })
    );
    let same = |x: &Value, y: &Value| playground_python::value::identity(x) == playground_python::value::identity(y);
    assert!(same(&items[0], &items[1]) && same(&items[5], &back), "sharing and the cycle are kept");
    let deep = "U1;".repeat(playground_python::portable::MAX_NESTING + 1) + "N";
    let cases: [(&str, WireError); 10] = [
        ("", WireError::Truncated),
        ("?", WireError::Unexpected(0)),
        ("i12", WireError::Truncated),
        ("ix;", WireError::BadNumber(1)),
        ("s9:ab", WireError::Truncated),
        ("s1:\u{e9}", WireError::BadText(3)),
        ("@0;", WireError::BadRef(0)),
        ("P3;4;", WireError::UnknownDef(3, 4)),
        ("R1;2;0;", WireError::Unexpected(0)),
        (&deep, WireError::TooDeep),
    ];
    for (wire, want) in cases {
        let mut dec = Decoder::new(&cx_b, &program, Reader::new(wire), &[]);
        assert_eq!(dec.value().err(), Some(want), "{wire:?}");
    }
    let mut dec = Decoder::new(&cx_b, &program, Reader::new("SL1;@1;0;"), &[]);
    dec.value().expect("a set and a list are made");
    dec.value().expect("a list is made");
    assert_eq!(dec.drain(), Err(WireError::Unhashable));
}
