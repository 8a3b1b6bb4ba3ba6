//! `asyncio.Queue`, as in CPython's queues.py.

use super::funcs::coro;
use super::future::{await_future, FutState, FutureObj};
use super::native::Native;
use super::sync::EventObj;
use crate::ast::CmpOp;
use crate::interp::exc::make_exc;
use crate::interp::{Ctrl, Cx};
use crate::value::{NativeFn, Value};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

fn native(this: &Value) -> Rc<Native> {
    match this {
        Value::Native(n) => n.clone(),
        _ => Rc::new(Native::Module("?")),
    }
}

macro_rules! with {
    ($this:expr, $variant:ident, |$o:ident| $body:expr) => {{
        let n = native($this);
        match &*n {
            Native::$variant($o) => $body,
            _ => Ok(Value::None),
        }
    }};
}

/// Which order a queue gives its items back in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum QueueKind {
    /// First in, first out.
    Fifo,
    /// Last in, first out.
    Lifo,
    /// Smallest first.
    Priority,
}

/// `a < b`, with the program's `__lt__`.
type Less<'a> = &'a dyn Fn(&Value, &Value) -> Result<bool, Ctrl>;

fn sift_down(heap: &mut VecDeque<Value>, start: usize, mut pos: usize, lt: Less) -> Result<(), Ctrl> {
    let item = heap[pos].clone();
    while pos > start {
        let parent = (pos - 1) >> 1;
        if lt(&item, &heap[parent])? {
            heap[pos] = heap[parent].clone();
            pos = parent;
            continue;
        }
        break;
    }
    heap[pos] = item;
    Ok(())
}

fn sift_up(heap: &mut VecDeque<Value>, mut pos: usize, lt: Less) -> Result<(), Ctrl> {
    let end = heap.len();
    let start = pos;
    let item = heap[pos].clone();
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && !lt(&heap[child], &heap[right])? {
            child = right;
        }
        heap[pos] = heap[child].clone();
        pos = child;
        child = 2 * pos + 1;
    }
    heap[pos] = item;
    sift_down(heap, start, pos, lt)
}

/// `heapq.heappush`.
fn heap_push(heap: &mut VecDeque<Value>, v: Value, lt: Less) -> Result<(), Ctrl> {
    heap.push_back(v);
    let last = heap.len() - 1;
    sift_down(heap, 0, last, lt)
}

/// `heapq.heappop`.
fn heap_pop(heap: &mut VecDeque<Value>, lt: Less) -> Result<Option<Value>, Ctrl> {
    let Some(last) = heap.pop_back() else { return Ok(None) };
    if heap.is_empty() {
        return Ok(Some(last));
    }
    let top = std::mem::replace(&mut heap[0], last);
    sift_up(heap, 0, lt)?;
    Ok(Some(top))
}

/// An `asyncio.Queue`.
pub struct QueueObj {
    items: RefCell<VecDeque<Value>>,
    /// `Queue` (FIFO), `LifoQueue` or `PriorityQueue` (a heap, as CPython's heapq keeps it).
    pub kind: QueueKind,
    /// `maxsize`.
    pub maxsize: i64,
    getters: RefCell<VecDeque<Rc<FutureObj>>>,
    putters: RefCell<VecDeque<Rc<FutureObj>>>,
    unfinished: Cell<i64>,
    finished: EventObj,
}

fn wakeup_next(waiters: &RefCell<VecDeque<Rc<FutureObj>>>) {
    loop {
        let w = waiters.borrow_mut().pop_front();
        let Some(w) = w else { return };
        if !w.done() {
            w.finish(FutState::Result(Value::None));
            return;
        }
    }
}

impl QueueObj {
    /// A queue holding at most `maxsize` items (no limit if 0).
    pub fn new(maxsize: i64) -> QueueObj {
        QueueObj::with_kind(maxsize, QueueKind::Fifo)
    }
    /// A queue of a kind.
    pub fn with_kind(maxsize: i64, kind: QueueKind) -> QueueObj {
        let finished = EventObj::default();
        finished.set();
        QueueObj {
            kind,
            items: RefCell::new(VecDeque::new()),
            maxsize,
            getters: RefCell::default(),
            putters: RefCell::default(),
            unfinished: Cell::new(0),
            finished,
        }
    }
    fn full(&self) -> bool {
        self.maxsize > 0 && self.items.borrow().len() as i64 >= self.maxsize
    }
    fn empty(&self) -> bool {
        self.items.borrow().is_empty()
    }
    /// `put_nowait(item)` on a first-in first-out queue that cannot be full.
    pub fn put_nowait_value(&self, v: Value) {
        self.items.borrow_mut().push_back(v);
        self.added();
    }
    fn added(&self) {
        self.unfinished.set(self.unfinished.get() + 1);
        self.finished.clear();
        wakeup_next(&self.getters);
    }
    /// The heap taken out while the program's `__lt__` may run (it may look at the queue).
    fn with_heap<T>(&self, cx: &Cx, f: impl FnOnce(&mut VecDeque<Value>, Less) -> Result<T, Ctrl>) -> Result<T, Ctrl> {
        let mut heap = std::mem::take(&mut *self.items.borrow_mut());
        let r = f(&mut heap, &|a, b| cx.rich_compare(a, CmpOp::Lt, b));
        *self.items.borrow_mut() = heap;
        r
    }
    fn put_nowait(&self, cx: &Cx, v: Value) -> Result<(), Ctrl> {
        if self.full() {
            return Err(Ctrl::Exc(make_exc(&cx.interp.class("QueueFull"), vec![])));
        }
        match self.kind {
            QueueKind::Priority => self.with_heap(cx, |heap, lt| heap_push(heap, v, lt))?,
            _ => self.items.borrow_mut().push_back(v),
        }
        self.added();
        Ok(())
    }
    fn get_nowait(&self, cx: &Cx) -> Result<Value, Ctrl> {
        let item = match self.kind {
            QueueKind::Fifo => self.items.borrow_mut().pop_front(),
            QueueKind::Lifo => self.items.borrow_mut().pop_back(),
            QueueKind::Priority => self.with_heap(cx, heap_pop)?,
        };
        let Some(item) = item else {
            return Err(Ctrl::Exc(make_exc(&cx.interp.class("QueueEmpty"), vec![])));
        };
        wakeup_next(&self.putters);
        Ok(item)
    }
    /// `await get()`.
    pub async fn get(&self, cx: &Cx) -> Result<Value, Ctrl> {
        while self.empty() {
            let getter = FutureObj::new(&cx.interp, None);
            self.getters.borrow_mut().push_back(getter.clone());
            if let Err(e) = await_future(cx, getter.clone()).await {
                getter.cancel(None);
                self.getters.borrow_mut().retain(|g| !Rc::ptr_eq(g, &getter));
                if !self.empty() && !getter.cancelled() {
                    wakeup_next(&self.getters);
                }
                return Err(e);
            }
        }
        self.get_nowait(cx)
    }
    async fn put(&self, cx: &Cx, v: Value) -> Result<Value, Ctrl> {
        while self.full() {
            let putter = FutureObj::new(&cx.interp, None);
            self.putters.borrow_mut().push_back(putter.clone());
            if let Err(e) = await_future(cx, putter.clone()).await {
                putter.cancel(None);
                self.putters.borrow_mut().retain(|g| !Rc::ptr_eq(g, &putter));
                if !self.full() && !putter.cancelled() {
                    wakeup_next(&self.putters);
                }
                return Err(e);
            }
        }
        self.put_nowait(cx, v)?;
        Ok(Value::None)
    }
    /// Its class's name.
    pub fn name(&self) -> &'static str {
        match self.kind {
            QueueKind::Fifo => "Queue",
            QueueKind::Lifo => "LifoQueue",
            QueueKind::Priority => "PriorityQueue",
        }
    }
    /// Its repr (`at` its address) or, without an address, its `str`.
    pub fn repr(&self, at: Option<&str>) -> String {
        // As `Queue.__repr__`, `__str__` and `_format`: each part only if there is something in it.
        let name = self.name();
        let mut out = match at {
            Some(at) => format!("<{name} at {at} maxsize={}", self.maxsize),
            None => format!("<{name} maxsize={}", self.maxsize),
        };
        if !self.items.borrow().is_empty() {
            let items = Value::List(Rc::new(RefCell::new(self.items.borrow().iter().cloned().collect())));
            out.push_str(&format!(" _queue={}", crate::format::repr(&items)));
        }
        for (what, waiters) in [("_getters", &self.getters), ("_putters", &self.putters)] {
            let n = waiters.borrow().len();
            if n > 0 {
                out.push_str(&format!(" {what}[{n}]"));
            }
        }
        if self.unfinished.get() > 0 {
            out.push_str(&format!(" tasks={}", self.unfinished.get()));
        }
        out + ">"
    }
}

/// `asyncio.Queue`'s methods.
pub fn queue_method(name: &str) -> Option<NativeFn> {
    Some(match name {
        "put_nowait" => |cx, this, a| {
            with!(this, Queue, |q| q.put_nowait(cx, a.pos.first().cloned().unwrap_or(Value::None)).map(|_| Value::None))
        },
        "get_nowait" => |cx, this, _| with!(this, Queue, |q| q.get_nowait(cx)),
        "qsize" => |_, this, _| with!(this, Queue, |q| Ok(Value::Int(q.items.borrow().len() as i128))),
        "empty" => |_, this, _| with!(this, Queue, |q| Ok(Value::Bool(q.empty()))),
        "full" => |_, this, _| with!(this, Queue, |q| Ok(Value::Bool(q.full()))),
        "task_done" => |cx, this, _| {
            with!(this, Queue, |q| {
                if q.unfinished.get() <= 0 {
                    return Err(cx.err("ValueError", "task_done() called too many times"));
                }
                q.unfinished.set(q.unfinished.get() - 1);
                if q.unfinished.get() == 0 {
                    q.finished.set();
                }
                Ok(Value::None)
            })
        },
        "get" => |cx, this, _| {
            let (n, cx2) = (native(this), cx.detached());
            Ok(coro(cx, "Queue.get", async move {
                match &*n {
                    Native::Queue(q) => q.get(&cx2).await,
                    _ => Ok(Value::None),
                }
            }))
        },
        "put" => |cx, this, a| {
            let (n, cx2, v) = (native(this), cx.detached(), a.pos.first().cloned().unwrap_or(Value::None));
            Ok(coro(cx, "Queue.put", async move {
                match &*n {
                    Native::Queue(q) => q.put(&cx2, v).await,
                    _ => Ok(Value::None),
                }
            }))
        },
        "join" => |cx, this, _| {
            let (n, cx2) = (native(this), cx.detached());
            Ok(coro(cx, "Queue.join", async move {
                match &*n {
                    Native::Queue(q) if q.unfinished.get() > 0 => q.finished.wait(&cx2).await.map(|_| Value::None),
                    _ => Ok(Value::None),
                }
            }))
        },
        _ => return None,
    })
}
