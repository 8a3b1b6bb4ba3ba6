//! asyncio's semantics, piece by piece, on the virtual loop.

use playground_core::aio::gather::gather;
use playground_core::aio::{create_task, AioFuture, Outcome, Rt, TaskGroup};
use playground_core::virtual_loop::VirtualLoop;
use std::cell::RefCell;
use std::rc::Rc;

type Log = Rc<RefCell<Vec<String>>>;

fn setup() -> (Rc<VirtualLoop>, Rt, Log) {
    let event_loop = Rc::new(VirtualLoop::new());
    let rt: Rt = event_loop.clone();
    (event_loop, rt, Rc::new(RefCell::new(Vec::new())))
}

fn note(log: &Log, text: impl Into<String>) {
    log.borrow_mut().push(text.into());
}

/// A job that notes its start and end, sleeping `ms` virtual ms.
fn job(
    rt: &Rt,
    log: &Log,
    name: &'static str,
    ms: f64,
    fails: bool,
) -> impl std::future::Future<Output = Result<String, String>> {
    let (rt, log) = (rt.clone(), log.clone());
    async move {
        note(&log, format!("{name} start @{}", rt.now()));
        rt.sleep(ms).await;
        note(&log, format!("{name} end @{}", rt.now()));
        if fails {
            Err(format!("{name} failed"))
        } else {
            Ok(name.to_string())
        }
    }
}

fn on_cancel(log: &Log, name: &'static str) -> impl FnOnce(bool) + 'static {
    let log = log.clone();
    move |started| note(&log, format!("{name} cancelled, started={started}"))
}

#[test]
fn a_coroutine_does_nothing_until_awaited_or_scheduled() {
    let (event_loop, rt, log) = setup();
    let coroutine = job(&rt, &log, "a", 10.0, false);
    event_loop.run().expect("runs");
    assert!(log.borrow().is_empty(), "creating a coroutine ran it");
    drop(coroutine);
}

#[test]
fn tasks_start_in_creation_order_when_the_loop_gets_control() {
    let (event_loop, rt, log) = setup();
    let a = create_task(&rt, job(&rt, &log, "a", 20.0, false), on_cancel(&log, "a"));
    let b = create_task(&rt, job(&rt, &log, "b", 10.0, false), on_cancel(&log, "b"));
    assert!(log.borrow().is_empty(), "create_task runs nothing by itself");
    event_loop.run().expect("runs");
    assert_eq!(*log.borrow(), ["a start @0", "b start @0", "b end @10", "a end @20"]);
    assert_eq!(a.outcome(), Some(Outcome::Returned("a".into())));
    assert_eq!(b.outcome(), Some(Outcome::Returned("b".into())));
}

#[test]
fn a_task_cancelled_before_its_first_step_never_starts() {
    let (event_loop, rt, log) = setup();
    let a = create_task(&rt, job(&rt, &log, "a", 10.0, false), on_cancel(&log, "a"));
    assert!(a.cancel());
    event_loop.run().expect("runs");
    assert_eq!(*log.borrow(), ["a cancelled, started=false"]);
    assert_eq!(a.outcome(), Some(Outcome::Cancelled));
    assert!(!a.started());
}

#[test]
fn cancelling_a_sleeping_task_cancels_its_sleep() {
    let (event_loop, rt, log) = setup();
    let a = create_task(&rt, job(&rt, &log, "a", 1000.0, false), on_cancel(&log, "a"));
    let (canceller, clock) = (a.clone(), rt.clone());
    let killer = create_task::<(), (), _>(
        &rt,
        async move {
            clock.sleep(5.0).await;
            canceller.cancel();
            Ok(())
        },
        |_| {},
    );
    event_loop.run().expect("runs");
    assert_eq!(*log.borrow(), ["a start @0", "a cancelled, started=true"]);
    assert_eq!(rt.now(), 5.0, "the cancelled sleep's timer no longer holds the loop");
    assert!(!a.cancel(), "a task that is done cannot be cancelled again");
    assert!(killer.is_done());
}

#[test]
fn done_callbacks_run_one_step_later_in_registration_order() {
    let (event_loop, rt, log) = setup();
    let fut: AioFuture<u8, ()> = AioFuture::new(&rt);
    for name in ["first", "second"] {
        let log = log.clone();
        fut.add_done_callback(move |o| note(&log, format!("{name} saw {o:?}")));
    }
    fut.set_result(7);
    assert!(log.borrow().is_empty(), "callbacks are scheduled, not called");
    assert!(!fut.set_result(8), "a done future keeps its result");
    event_loop.run().expect("runs");
    assert_eq!(*log.borrow(), ["first saw Returned(7)", "second saw Returned(7)"]);
}

#[test]
fn gather_hands_back_results_in_argument_order() {
    let (event_loop, rt, log) = setup();
    let tasks = vec![
        create_task(&rt, job(&rt, &log, "slow", 30.0, false), on_cancel(&log, "slow")),
        create_task(&rt, job(&rt, &log, "fast", 10.0, true), on_cancel(&log, "fast")),
    ];
    let all = gather(&rt, tasks.clone(), true);
    let first_error = gather(&rt, tasks, false);
    event_loop.run().expect("runs");
    assert_eq!(
        all.outcome(),
        Some(Outcome::Returned(vec![Outcome::Returned("slow".into()), Outcome::Raised("fast failed".into())]))
    );
    assert_eq!(first_error.outcome(), Some(Outcome::Raised(Outcome::Raised("fast failed".into()))));
}

#[test]
fn a_task_group_cancels_pending_siblings_and_reports_every_error() {
    let (event_loop, rt, log) = setup();
    let group = TaskGroup::new(&rt);
    group.create_task(job(&rt, &log, "a", 10.0, true), on_cancel(&log, "a"));
    group.create_task(job(&rt, &log, "b", 10.0, true), on_cancel(&log, "b"));
    group.create_task(job(&rt, &log, "c", 50.0, false), on_cancel(&log, "c"));
    let result = Rc::new(RefCell::new(None));
    let slot = result.clone();
    rt.spawn(Box::pin(async move { *slot.borrow_mut() = Some(group.exit().await) }));
    event_loop.run().expect("runs");
    assert_eq!(*result.borrow(), Some(Err(vec!["a failed".to_string(), "b failed".to_string()])));
    assert!(log.borrow().contains(&"c cancelled, started=true".to_string()));
    assert_eq!(rt.now(), 10.0);
}

#[test]
fn a_probe_counts_real_polls_and_wakes() {
    use playground_core::aio::probe::{probe, ProbeState};
    let (event_loop, rt, log) = setup();
    let (coroutine, stats) = probe(job(&rt, &log, "a", 10.0, false));
    event_loop.run().expect("runs");
    assert_eq!((stats.polls(), stats.state()), (0, ProbeState::Created), "a coroutine object is not run");
    let task = create_task(&rt, coroutine, |_| {});
    event_loop.run().expect("runs");
    assert_eq!(
        (stats.polls(), stats.wakes(), stats.state()),
        (2, 1, ProbeState::Done),
        "start, then one wake after the sleep"
    );
    assert!(task.is_done());

    let (coroutine, stats) = probe(job(&rt, &log, "b", 10.0, false));
    let task = create_task(&rt, coroutine, |_| {});
    let (canceller, clock) = (task.clone(), rt.clone());
    rt.spawn(Box::pin(async move {
        clock.sleep(5.0).await;
        canceller.cancel();
    }));
    event_loop.run().expect("runs");
    assert_eq!((stats.polls(), stats.state()), (1, ProbeState::Dropped), "cancelled mid-sleep");
}
