//! Calls, attributes and subscripts.

use super::eval::Fut;
use super::exc::make_exc;
use super::{Ctrl, Cx, Interp, Scope, ScopeKind};
use crate::format::type_name;
use crate::value::{Args, CoroState, Coroutine, Function, Instance, Value};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// Runs a future that must not suspend (a plain function's body) to its end; while it
/// runs, [`Interp::unsuspendable`] counts it.
pub fn run_sync<R>(interp: &Interp, fut: impl Future<Output = R>) -> Option<R> {
    let mut fut = std::pin::pin!(fut);
    interp.unsuspendable.set(interp.unsuspendable.get() + 1);
    let polled = fut.as_mut().poll(&mut Context::from_waker(Waker::noop()));
    interp.unsuspendable.set(interp.unsuspendable.get() - 1);
    match polled {
        Poll::Ready(r) => Some(r),
        Poll::Pending => None,
    }
}

/// The program's `__str__` / `__repr__` of an instance, if its class defines one.
/// (What it raises, or a result that is not a string, counts as none: the default is used.)
pub fn user_str(interp: &Rc<Interp>, v: &Value, is_repr: bool) -> Option<String> {
    user_str_result(interp, v, is_repr)?.ok()
}

/// The program's `__str__` / `__repr__` of an instance, if its class defines one: its text, or
/// what it raised (`TypeError` if it gave something else than a string), as `str()` raises it.
pub fn user_str_result(interp: &Rc<Interp>, v: &Value, is_repr: bool) -> Option<Result<String, Ctrl>> {
    let Value::Instance(i) = v else { return None };
    let (name, method) = if is_repr {
        ("__repr__", i.class.lookup("__repr__"))
    } else {
        match i.class.lookup("__str__") {
            Some(m) => ("__str__", Some(m)),
            None if i.class.is_exception => return None,
            // `object.__str__` calls `repr`; CPython's message still names `__str__`.
            None => ("__str__", i.class.lookup("__repr__")),
        }
    };
    let cx = Cx::module(interp);
    let r = run_sync(interp, cx.call(method?, Args::of(vec![v.clone()])))
        .unwrap_or_else(|| Err(Ctrl::Fatal("internal error: __str__ suspended".into())));
    Some(match r {
        Ok(Value::Str(s)) => Ok(s.to_string()),
        Ok(other) => Err(cx.type_err(format!("{name} returned non-string (type {})", type_name(&other)))),
        Err(e) => Err(e),
    })
}

impl Cx {
    /// Calls a callable.
    pub fn call<'a>(&'a self, f: Value, args: Args) -> Fut<'a, Value> {
        Box::pin(async move {
            let mut args = args;
            crate::arity::check(self, &f, &mut args)?;
            match &f {
                Value::Func(func) => self.call_function(func, args).await,
                Value::Builtin(b) => {
                    // Coroutines given to a call that raises stay alive with the exception (in
                    // CPython its traceback keeps the callee's frame): so they are reported as
                    // never awaited when the exception goes, not at once. A function of
                    // Lib/asyncio's keeps all it was given (a list of coroutines given to gather).
                    let python = crate::aio::arity::names_python_function(b);
                    let mut kept: Vec<Value> = if python {
                        args.pos.iter().chain(args.kw.iter().map(|(_, v)| v)).cloned().collect()
                    } else {
                        args.pos.iter().filter(|v| matches!(v, Value::Coro(_))).cloned().collect()
                    };
                    let v = match (b.f)(self, &b.this, args) {
                        Ok(v) => v,
                        Err(Ctrl::Exc(e)) => {
                            if python && !crate::aio::arity::is_python_function(self, b) {
                                kept.retain(|v| matches!(v, Value::Coro(_)));
                            }
                            if let (Value::Instance(i), false) = (&e, kept.is_empty()) {
                                i.attrs.borrow_mut().insert("\0frame".into(), Value::Tuple(Rc::new(kept)));
                            }
                            return Err(Ctrl::Exc(e));
                        }
                        Err(other) => return Err(other),
                    };
                    if b.auto_await {
                        return self.await_value(v).await;
                    }
                    Ok(v)
                }
                Value::Method(m) => {
                    let mut args = args;
                    args.pos.insert(0, m.0.clone());
                    self.call(m.1.clone(), args).await
                }
                Value::Class(c) => {
                    if let Some(ctor) = c.ctor {
                        return ctor(self, &f, args);
                    }
                    let mut base_ctor = None;
                    for k in c.mro() {
                        if let Some(ctor) = k.ctor {
                            base_ctor = Some(ctor);
                            break;
                        }
                    }
                    let inst = if c.is_subclass(&self.interp.class("BaseExceptionGroup")) {
                        self.new_group(c, &args)?
                    } else if c.is_exception {
                        make_exc(c, args.pos.clone())
                    } else {
                        Value::Instance(Rc::new(Instance {
                            class: c.clone(),
                            attrs: RefCell::new(HashMap::new()),
                            traceback: RefCell::new(vec![]),
                        }))
                    };
                    let _ = base_ctor;
                    if let Some(init) = c.lookup("__init__") {
                        let mut a = args;
                        a.pos.insert(0, inst.clone());
                        self.call(init, a).await?;
                    } else if !c.is_exception && (!args.pos.is_empty() || !args.kw.is_empty()) {
                        return Err(self.type_err(format!("{}() takes no arguments", c.name)));
                    }
                    Ok(inst)
                }
                Value::Native(n) => n.clone().call(self, args),
                Value::Instance(i) if i.class.lookup("__call__").is_some() => {
                    let m = self.getattr(&f, "__call__")?;
                    self.call(m, args).await
                }
                other => Err(self.type_err(format!("'{}' object is not callable", type_name(other)))),
            }
        })
    }

    /// `ExceptionGroup(message, exceptions)` (or a subclass of it).
    fn new_group(&self, c: &Rc<crate::value::Class>, args: &Args) -> Result<Value, Ctrl> {
        let (Some(msg), Some(items)) = (args.pos.first(), args.pos.get(1)) else {
            return Err(self.type_err(format!("{} expected 2 arguments", c.name)));
        };
        let Value::Str(msg) = msg else {
            return Err(self.type_err("argument 1 must be str"));
        };
        let excs = self.iterate(items)?;
        if excs.is_empty() {
            return Err(self.err("ValueError", "second argument (exceptions) must be a non-empty sequence"));
        }
        if let Some(k) = excs.iter().position(|e| super::exc::exc_class(e).is_none()) {
            return Err(self.err("ValueError", format!("Item {k} of second argument (exceptions) is not an exception")));
        }
        // As `BaseExceptionGroup.__new__`: a group of `Exception`s only is an `ExceptionGroup`, and an
        // `ExceptionGroup` cannot hold a `BaseException`.
        let exception = self.interp.class("Exception");
        let all_exceptions = excs.iter().all(|e| super::exc::exc_class(e).is_some_and(|k| k.is_subclass(&exception)));
        let plain = self.interp.class("BaseExceptionGroup");
        let c = if Rc::ptr_eq(c, &plain) && all_exceptions { &self.interp.class("ExceptionGroup") } else { c };
        if !all_exceptions && c.is_subclass(&exception) {
            return Err(self.type_err(format!(
                "Cannot nest BaseExceptions in {}",
                if c.name.as_ref() == "ExceptionGroup" {
                    "an ExceptionGroup".to_string()
                } else {
                    format!("'{}'", c.name)
                }
            )));
        }
        let g = super::exc::make_group(c, msg, excs);
        if let Value::Instance(i) = &g {
            i.attrs
                .borrow_mut()
                .insert("args".into(), Value::Tuple(Rc::new(vec![Value::Str(msg.clone()), items.clone()])));
        }
        Ok(g)
    }

    /// Calls `obj.name(*args)`.
    pub async fn call_method(&self, obj: &Value, name: &str, args: Args) -> Result<Value, Ctrl> {
        let m = self.getattr(obj, name)?;
        self.call(m, args).await
    }

    fn bind(&self, f: &Function, mut args: Args) -> Result<Rc<Scope>, Ctrl> {
        let p = &f.def.params;
        let name = &f.def.name;
        let mut vars: HashMap<Rc<str>, Value> = HashMap::new();
        let n = p.args.len();
        let given = args.pos.len();
        let mut extra = Vec::new();
        for (i, v) in args.pos.drain(..).enumerate() {
            if i < n {
                vars.insert(p.args[i].name.as_str().into(), v);
            } else {
                extra.push(v);
            }
        }
        if let Some(va) = &p.vararg {
            vars.insert(va.as_str().into(), Value::Tuple(Rc::new(extra)));
        } else if !extra.is_empty() {
            let required = p.args.iter().filter(|a| a.default.is_none()).count();
            let takes = if required == n { format!("{n}") } else { format!("from {required} to {n}") };
            let plural = if n == 1 && required == n { "" } else { "s" };
            return Err(self.type_err(format!(
                "{}() takes {takes} positional argument{plural} but {given} {} given",
                f.qualname,
                if given == 1 { "was" } else { "were" }
            )));
        }
        let mut extra_kw = crate::value::Dict::new();
        let posonly = &p.args[..p.posonly];
        let named_posonly: Vec<String> = match p.kwarg {
            Some(_) => Vec::new(),
            None => args
                .kw
                .iter()
                .filter(|(k, _)| posonly.iter().any(|a| a.name == k.as_ref()))
                .map(|(k, _)| k.to_string())
                .collect(),
        };
        for (k, v) in args.kw {
            let known = p.args[p.posonly..].iter().chain(p.kwonly.iter()).any(|a| a.name == k.as_ref());
            if !known {
                if p.kwarg.is_some() {
                    extra_kw.insert(crate::value::HashKey::Str(k.clone()), Value::Str(k), v);
                    continue;
                }
                if !named_posonly.is_empty() {
                    return Err(self.type_err(format!(
                        "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                        f.qualname,
                        named_posonly.join(", ")
                    )));
                }
                return Err(self.type_err(format!("{}() got an unexpected keyword argument '{k}'", f.qualname)));
            }
            if vars.contains_key(&k) {
                return Err(self.type_err(format!("{}() got multiple values for argument '{k}'", f.qualname)));
            }
            vars.insert(k, v);
        }
        if let Some(kw) = &p.kwarg {
            vars.insert(kw.as_str().into(), Value::Dict(Rc::new(RefCell::new(extra_kw))));
        }
        let mut missing = Vec::new();
        for (a, d) in p.args.iter().zip(f.defaults.iter()) {
            if !vars.contains_key(a.name.as_str()) {
                match d {
                    Some(d) => {
                        vars.insert(a.name.as_str().into(), d.clone());
                    }
                    None => missing.push(a.name.as_str()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_err(crate::arity::missing(&f.qualname, "positional", &missing)));
        }
        for (a, d) in p.kwonly.iter().zip(f.kw_defaults.iter()) {
            if !vars.contains_key(a.name.as_str()) {
                match d {
                    Some(d) => {
                        vars.insert(a.name.as_str().into(), d.clone());
                    }
                    None => missing.push(a.name.as_str()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_err(crate::arity::missing(&f.qualname, "keyword-only", &missing)));
        }
        let _ = name;
        let scope = Scope::new(Some(f.scope.clone()), ScopeKind::Function(f.def.clone()));
        *scope.vars.borrow_mut() = vars;
        Ok(scope)
    }

    async fn call_function(&self, f: &Rc<Function>, args: Args) -> Result<Value, Ctrl> {
        let scope = self.bind(f, args)?;
        let slot: Option<super::generators::Slot> = f.def.is_gen.then(Rc::default);
        let cx = Cx {
            interp: self.interp.clone(),
            scope,
            place: self.place,
            func: f.qualname.clone(),
            handling: Rc::new(RefCell::new(Vec::new())),
            gen: slot.clone(),
            line: Rc::new(Cell::new(f.def.pos.line)),
        };
        let line = cx.line.clone();
        if let Some(slot) = slot {
            let body: crate::value::PyFuture = Box::pin(run_body(cx, f.clone()));
            let gen = super::generators::GenBody::new(self, f.qualname.clone(), body, slot, f.def.is_async);
            return Ok(match f.def.is_async {
                true => Value::Native(Rc::new(crate::aio::native::Native::AsyncGen(Rc::new(gen)))),
                false => super::lazy::generator(super::lazy::Lazy::Func(Rc::new(gen)), f.qualname.clone()),
            });
        }
        if !f.def.is_async {
            return run_body(cx, f.clone()).await;
        }
        let weak = Rc::downgrade(&self.interp);
        let warn: Rc<dyn Fn(&str)> = Rc::new(move |name: &str| {
            if let Some(interp) = weak.upgrade() {
                interp.warn_never_awaited(name);
            }
        });
        let body = Box::pin(run_body(cx, f.clone()));
        Ok(Value::Coro(Rc::new(Coroutine {
            name: f.qualname.clone(),
            body: RefCell::new(Some(body)),
            state: Cell::new(CoroState::Created),
            warn: Some(warn),
            def_line: f.def.pos.line,
            line,
        })))
    }

    /// `await v`.
    pub async fn await_value(&self, v: Value) -> Result<Value, Ctrl> {
        match &v {
            Value::Coro(c) => {
                if c.state.get() == CoroState::Started {
                    return Err(self.err("RuntimeError", "cannot reuse already awaited coroutine"));
                }
                c.state.set(CoroState::Started);
                let body = c.body.borrow_mut().take();
                match body {
                    Some(b) => b.await,
                    None => Err(self.err("RuntimeError", "cannot reuse already awaited coroutine")),
                }
            }
            Value::Fut(f) if f.concurrent.get() => {
                Err(self.type_err("object Future can't be used in 'await' expression"))
            }
            Value::Fut(f) => crate::aio::future::await_future(self, f.clone()).await,
            other => Err(self.type_err(format!("object {} can't be used in 'await' expression", type_name(other)))),
        }
    }
}

/// Python calls (and awaits) nested at once beyond which `RecursionError` is raised, by
/// default: CPython's recursion limit. The stack usually ends recursion first (see
/// [`MAX_STACK`]).
pub const MAX_DEPTH: usize = 1000;

/// Bytes of stack nested Python calls may use, by default, before `RecursionError` is raised:
/// a call takes about 9 KB of stack in a release build (more in a debug build, more through
/// comprehensions, `__repr__` and built-ins calling back), so 250 to 350 plain calls nest
/// within it (a native release build, Chromium). In the browser the limit is the browser's own stack, which WebAssembly's frames
/// also use: in Chromium, recursion overflowed it past 4 MB of this budget through
/// `__repr__`, past 6 MB through methods, comprehensions and `map`. The page's engine links
/// a 4 MB stack; a Web Worker, whose native stack is about half the page's, has half this
/// budget ([`crate::worker::WorkerEnv::stack`]).
pub const MAX_STACK: usize = 3 << 20;

/// Where the stack is now: the address of a local variable, which moves as calls nest and
/// return (the stack grows down in WebAssembly's linear memory as on native targets; the
/// distance is taken either way).
#[inline(never)]
fn stack_address() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// A function's body, counting the nesting of calls while it is polled.
struct Depth<F> {
    inner: Pin<Box<F>>,
    interp: Rc<Interp>,
}

impl<F: Future<Output = Result<Value, Ctrl>>> Future for Depth<F> {
    type Output = Result<Value, Ctrl>;
    fn poll(mut self: Pin<&mut Self>, task: &mut Context<'_>) -> Poll<Self::Output> {
        let depth = self.interp.depth.get();
        let here = stack_address();
        if depth == 0 {
            // The outermost call being polled: the stack's use is counted from here.
            self.interp.stack_base.set(here);
        }
        let used = self.interp.stack_base.get().abs_diff(here);
        if depth >= self.interp.max_depth.get() || used > self.interp.max_stack.get() {
            let e = Cx::module(&self.interp).err("RecursionError", "maximum recursion depth exceeded");
            return Poll::Ready(Err(e));
        }
        self.interp.depth.set(depth + 1);
        let r = self.inner.as_mut().poll(task);
        self.interp.depth.set(depth);
        r
    }
}

fn run_body(cx: Cx, f: Rc<Function>) -> Depth<impl Future<Output = Result<Value, Ctrl>>> {
    Depth { interp: cx.interp.clone(), inner: Box::pin(body(cx, f)) }
}

async fn body(cx: Cx, f: Rc<Function>) -> Result<Value, Ctrl> {
    // The line its caller is at (0: the event loop, for a task's coroutine), where CPython is
    // once this frame is gone: what goes with its variables (a coroutine never awaited) is
    // reported there. A generator's caller is whoever asks it for an item, so it has none.
    let from_loop = cx.interp.loop_frame.replace(false);
    let caller = (!f.def.is_gen).then(|| if from_loop { 0 } else { cx.interp.line.get() });
    let r = match cx.exec_block(&f.def.body).await {
        Ok(()) => Ok(Value::None),
        Err(Ctrl::Return(v)) => Ok(v),
        Err(Ctrl::Break) | Err(Ctrl::Continue) => Ok(Value::None),
        Err(Ctrl::Exc(e)) => {
            keep_locals(&e, &cx.scope);
            Err(Ctrl::Exc(e))
        }
        Err(e) => Err(e),
    };
    let interp = cx.interp.clone();
    let last = interp.line.get();
    if let Some(line) = caller {
        interp.line.set(line);
    }
    release(cx, &f.def.order);
    super::generators::close_dropped(&interp);
    if caller == Some(0) {
        interp.line.set(last);
    }
    r
}

/// An exception leaving a frame keeps what the frame's variables held alive, as CPython's
/// traceback keeps the frame: a task held only there is reported (its exception never
/// retrieved) when the exception goes, after its traceback is printed, not before.
fn keep_locals(e: &Value, scope: &Scope) {
    let Value::Instance(i) = e else { return };
    let held: Vec<Value> = scope
        .vars
        .borrow()
        .values()
        .filter(|v| crate::value::identity(v) != crate::value::identity(e))
        .cloned()
        .collect();
    if held.is_empty() {
        return;
    }
    let mut attrs = i.attrs.borrow_mut();
    match attrs.get(LOCALS) {
        Some(Value::List(kept)) => kept.borrow_mut().extend(held),
        _ => {
            attrs.insert(LOCALS.into(), Value::List(Rc::new(RefCell::new(held.into()))));
        }
    }
}

/// The hidden attribute of an exception that holds the variables of the frames it left.
const LOCALS: &str = "\0locals";

/// A call's scope once its body has ended, held only by `cx`: if nothing but the functions
/// defined in it (held only by its variables) refers to it, its variables are let go at
/// once, as CPython lets a returning frame's locals go (a task kept only there is then
/// reported if its exception was never retrieved), one by one in `order` (CPython's order of
/// a frame's locals: what each frees, a coroutine never awaited, is reported in that order).
/// Reference cycles through those functions would otherwise keep them forever.
fn release(cx: Cx, order: &[String]) {
    let scope = cx.scope.clone();
    drop(cx);
    let inner = scope
        .vars
        .borrow()
        .values()
        .filter(|v| matches!(v, Value::Func(g) if Rc::strong_count(g) == 1 && Rc::ptr_eq(&g.scope, &scope)))
        .count();
    if Rc::strong_count(&scope) == 1 + inner {
        let mut vars = std::mem::take(&mut *scope.vars.borrow_mut());
        for name in order {
            drop(vars.remove(name.as_str()));
        }
        drop(vars);
    }
}
