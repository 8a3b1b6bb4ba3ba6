//! The methods of `asyncio.Future` and `asyncio.Task` objects.

use super::future::{Callback, FutState, FutureObj};
use crate::value::{Args, Value};
use std::rc::Rc;

/// The methods of futures and tasks.
pub fn method(name: &str) -> Option<crate::value::NativeFn> {
    Some(match name {
        "result" => |cx, this, _| fut_of(cx, this)?.result(cx),
        "exception" => |cx, this, _| fut_of(cx, this)?.exception(cx),
        "done" => |cx, this, _| Ok(Value::Bool(fut_of(cx, this)?.done())),
        "cancelled" => |cx, this, _| Ok(Value::Bool(fut_of(cx, this)?.cancelled())),
        "cancel" => |cx, this, mut a| Ok(Value::Bool(fut_of(cx, this)?.cancel(a.get(0, "msg")))),
        "add_done_callback" => |cx, this, a| {
            let f = a.pos.first().cloned().ok_or_else(|| cx.type_err("add_done_callback() takes a callback"))?;
            fut_of(cx, this)?.add_callback(Callback::Py(f));
            Ok(Value::None)
        },
        // CPython's: every callback equal to `fn` goes; how many did.
        "remove_done_callback" => |cx, this, a| {
            let f = a.pos.first().cloned().ok_or_else(|| cx.type_err("remove_done_callback() takes a callback"))?;
            let fut = fut_of(cx, this)?;
            let theirs: Vec<(u64, Value)> = fut
                .callbacks
                .borrow()
                .iter()
                .filter_map(|(id, cb)| match cb {
                    Callback::Py(g) => Some((*id, g.clone())),
                    Callback::Native(..) => None,
                })
                .collect();
            let mut removed = 0;
            for (id, g) in theirs {
                if cx.same_or_equal(&g, &f)? {
                    fut.remove_callback(id);
                    removed += 1;
                }
            }
            Ok(Value::Int(removed))
        },
        "get_name" => |cx, this, _| Ok(Value::Str(fut_of(cx, this)?.task_name().into())),
        "set_name" => |cx, this, a| {
            if let (Some(t), Some(v)) = (&fut_of(cx, this)?.task, a.pos.first()) {
                *t.name.borrow_mut() = cx.to_str(v)?.into();
            }
            Ok(Value::None)
        },
        // The task's coroutine (its body runs in the task: this object names it and shows it).
        "get_coro" => |cx, this, _| {
            Ok(match &fut_of(cx, this)?.task {
                Some(t) => Value::Coro(Rc::new(crate::value::Coroutine {
                    name: t.coro_name.clone(),
                    body: Default::default(),
                    state: std::cell::Cell::new(crate::value::CoroState::Started),
                    warn: None,
                    def_line: t.coro_line,
                    line: t.frame_line.clone(),
                })),
                None => Value::None,
            })
        },
        "cancelling" => {
            |cx, this, _| Ok(Value::Int(fut_of(cx, this)?.task.as_ref().map_or(0, |t| t.num_cancels.get()) as i128))
        }
        "uncancel" => |cx, this, _| {
            let n = match &fut_of(cx, this)?.task {
                Some(t) => {
                    let n = t.num_cancels.get().saturating_sub(1);
                    t.num_cancels.set(n);
                    n
                }
                None => 0,
            };
            Ok(Value::Int(n as i128))
        },
        "set_result" => |cx, this, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            if !fut_of(cx, this)?.finish(FutState::Result(v)) {
                return Err(cx.err("InvalidStateError", "invalid state"));
            }
            Ok(Value::None)
        },
        "set_exception" => |cx, this, a| {
            let v = a.pos.first().cloned().unwrap_or(Value::None);
            let v = match &v {
                Value::Class(_) => crate::interp::call_sync(cx, v.clone(), Args::default())?,
                _ => v,
            };
            if !fut_of(cx, this)?.finish(FutState::Exception(v)) {
                return Err(cx.err("InvalidStateError", "invalid state"));
            }
            Ok(Value::None)
        },
        _ => return None,
    })
}

fn fut_of(cx: &crate::interp::Cx, v: &Value) -> Result<Rc<FutureObj>, crate::interp::Ctrl> {
    match v {
        Value::Fut(f) => Ok(f.clone()),
        other => Err(cx.type_err(format!("'{}' is not a future", crate::format::type_name(other)))),
    }
}
