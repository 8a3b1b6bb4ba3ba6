//! `asyncio.gather`, built as CPython builds it: one done callback per child and an
//! outer future that `main` awaits.

use super::{AioFuture, Outcome, Rt, Task};
use std::cell::RefCell;
use std::rc::Rc;

/// What `gather` hands back: every child's outcome in argument order, or (without
/// `return_exceptions`) the first error or cancellation.
pub type Gathered<V, E> = AioFuture<Vec<Outcome<V, E>>, Outcome<V, E>>;

/// Gathers `children` (already scheduled tasks, in argument order).
pub fn gather<V, E>(rt: &Rt, children: Vec<Task<V, E>>, return_exceptions: bool) -> Gathered<V, E>
where
    V: Clone + 'static,
    E: Clone + 'static,
{
    let outer: Gathered<V, E> = AioFuture::new(rt);
    let total = children.len();
    let finished = Rc::new(RefCell::new(0usize));
    let children = Rc::new(children);
    if total == 0 {
        outer.set_result(Vec::new());
    }
    for child in children.iter() {
        let (outer, finished, all) = (outer.clone(), finished.clone(), children.clone());
        child.add_done_callback(move |outcome| {
            *finished.borrow_mut() += 1;
            if outer.is_done() {
                return;
            }
            if !return_exceptions && !matches!(outcome, Outcome::Returned(_)) {
                outer.finish(Outcome::Raised(outcome));
                return;
            }
            if *finished.borrow() == total {
                let results = all.iter().filter_map(|c| c.outcome()).collect();
                outer.set_result(results);
            }
        });
    }
    outer
}
