//! Exceptions: making them, matching them, and writing their tracebacks as CPython does.

use super::{Ctrl, Cx, Interp};
use crate::format::{str_of, str_with};
use crate::value::{Class, Instance, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A new instance of exception class `class` with `args`.
pub fn make_exc(class: &Rc<Class>, args: Vec<Value>) -> Value {
    let mut attrs = HashMap::new();
    set_args(class, &mut attrs, args);
    Value::Instance(Rc::new(Instance {
        class: class.clone(),
        attrs: RefCell::new(attrs),
        traceback: RefCell::new(Vec::new()),
    }))
}

/// Sets an exception's `args`, and the attributes CPython derives from them:
/// `StopIteration.value` (the first, or `None`) and `SystemExit.code` (the one, `None`, or
/// all of them).
pub fn set_args(class: &Class, attrs: &mut HashMap<Rc<str>, Value>, args: Vec<Value>) {
    let derived = match &*class.name {
        "StopIteration" => Some(("value", args.first().cloned().unwrap_or(Value::None))),
        "SystemExit" => Some((
            "code",
            match args.len() {
                0 => Value::None,
                1 => args[0].clone(),
                _ => Value::Tuple(Rc::new(args.clone())),
            },
        )),
        _ => None,
    };
    if let Some((name, v)) = derived {
        attrs.insert(name.into(), v);
    }
    attrs.insert("args".into(), Value::Tuple(Rc::new(args)));
}

/// `exc` raised from `cause` while `cause` is handled, as `raise exc from cause` in an
/// `except` block (CPython's `_PyErr_FormatFromCause`): its cause and context are `cause`.
pub fn raised_from(exc: &Value, cause: Value) {
    if let Value::Instance(i) = exc {
        let mut attrs = i.attrs.borrow_mut();
        attrs.insert("__context__".into(), cause.clone());
        attrs.insert("__cause__".into(), cause);
        attrs.insert("__suppress_context__".into(), Value::Bool(true));
    }
}

/// The class of an exception value.
pub fn exc_class(v: &Value) -> Option<Rc<Class>> {
    match v {
        Value::Instance(i) if i.class.is_exception => Some(i.class.clone()),
        _ => None,
    }
}

/// Whether `exc` is an instance of `class_name` (a built-in exception) or a subclass.
pub fn is_instance_of(interp: &Interp, exc: &Value, class_name: &str) -> bool {
    let target = interp.class(class_name);
    exc_class(exc).is_some_and(|c| c.is_subclass(&target))
}

/// Whether `exc` matches an `except` clause's type (a class or a tuple of classes).
pub fn exc_matches(exc: &Value, typ: &Value) -> bool {
    match typ {
        Value::Class(c) => exc_class(exc).is_some_and(|e| e.is_subclass(c)),
        Value::Tuple(items) => items.iter().any(|t| exc_matches(exc, t)),
        _ => false,
    }
}

/// The sub-exceptions of an exception group.
pub fn group_items(exc: &Value) -> Option<Vec<Value>> {
    if let Value::Instance(i) = exc {
        if let Some(Value::Tuple(items)) = i.attrs.borrow().get("exceptions") {
            return Some(items.to_vec());
        }
    }
    None
}

/// Makes an exception group of class `class` (named as `msg`) over `items`.
pub fn make_group(class: &Rc<Class>, msg: &str, items: Vec<Value>) -> Value {
    let list = Value::List(Rc::new(RefCell::new(items.clone().into())));
    let g = make_exc(class, vec![Value::Str(msg.into()), list]);
    if let Value::Instance(i) = &g {
        i.attrs.borrow_mut().insert("exceptions".into(), Value::Tuple(Rc::new(items)));
        i.attrs.borrow_mut().insert("message".into(), Value::Str(msg.into()));
    }
    g
}

impl Cx {
    /// A new exception of the built-in class `class`, with one message argument.
    pub fn exc(&self, class: &str, msg: impl Into<String>) -> Value {
        let msg: String = msg.into();
        let args = if msg.is_empty() { vec![] } else { vec![Value::Str(msg.into())] };
        make_exc(&self.interp.class(class), args)
    }

    /// Raises a new exception of the built-in class `class`.
    pub fn err(&self, class: &str, msg: impl Into<String>) -> Ctrl {
        Ctrl::Exc(self.exc(class, msg))
    }

    /// `TypeError` for a wrong argument count or type.
    pub fn type_err(&self, msg: impl Into<String>) -> Ctrl {
        self.err("TypeError", msg)
    }

    /// This frame's id (its scope's address), as traceback entries name frames.
    fn frame_id(&self) -> usize {
        Rc::as_ptr(&self.scope) as *const u8 as usize
    }

    /// Notes that `exc` came out of the expression `e` (the innermost such expression of a
    /// frame is where its traceback entry points, as CPython's instruction positions).
    pub fn note_failure(&self, exc: &Value, e: &crate::ast::Expr) {
        self.note_failure_at(exc, (e.pos, e.end));
    }

    /// As `note_failure`, for the expression from `start` to `end`.
    pub fn note_failure_at(&self, exc: &Value, (start, end): (crate::lexer::Pos, crate::lexer::Pos)) {
        let frame = self.frame_id();
        let mut at = self.interp.failed_at.borrow_mut();
        if at.as_ref().is_some_and(|(x, f, ..)| *f == frame && crate::value::identity(x) == crate::value::identity(exc))
        {
            return;
        }
        *at = Some((exc.clone(), frame, start.line, (start.col, end.line, end.col)));
    }

    /// As `note_failure`, for what an operation on `e` gave (when it is an exception).
    pub fn failed_in(&self, result: &Ctrl, e: &crate::ast::Expr) {
        if let Ctrl::Exc(exc) = result {
            self.note_failure(exc, e);
        }
    }

    /// Notes that `exc` passes through this frame at `line` (or at the expression it came
    /// out of, if one was noted).
    pub fn note_frame(&self, exc: &Value, line: usize) {
        let frame = self.frame_id();
        let failed = self.interp.failed_at.borrow_mut().take();
        let span = failed.filter(|(x, f, ..)| *f == frame && crate::value::identity(x) == crate::value::identity(exc));
        if let Value::Instance(i) = exc {
            let mut tb = i.traceback.borrow_mut();
            if tb.last().map(|(_, _, id, _)| *id) != Some(frame) {
                match span {
                    Some((_, _, at, span)) => tb.push((at, self.func.clone(), frame, Some(span))),
                    None => tb.push((line, self.func.clone(), frame, None)),
                }
            }
        }
    }
}

fn exc_line(interp: &Rc<Interp>, exc: &Value) -> String {
    let Some(class) = exc_class(exc) else {
        return str_of(exc);
    };
    let text = str_with(exc, &mut |v, is_repr| super::call::user_str(interp, v, is_repr));
    if text.is_empty() {
        class.qualified()
    } else {
        format!("{}: {}", class.qualified(), text)
    }
}

fn frames(interp: &Rc<Interp>, exc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if let Value::Instance(i) = exc {
        let tb = i.traceback.borrow();
        let mut last: Option<(usize, Rc<str>)> = None;
        let mut repeats = 0;
        let flush = |out: &mut Vec<String>, repeats: usize| {
            if repeats > 3 {
                let n = repeats - 3;
                out.push(format!("  [Previous line repeated {n} more time{}]", if n == 1 { "" } else { "s" }));
            }
        };
        for (line, func, _, span) in tb.iter().rev() {
            if last.as_ref() == Some(&(*line, func.clone())) {
                repeats += 1;
                if repeats > 3 {
                    continue;
                }
            } else {
                flush(&mut out, repeats);
                repeats = 1;
                last = Some((*line, func.clone()));
            }
            let name = func.rsplit('.').next().unwrap_or(func);
            out.push(format!("  File \"{}\", line {line}, in {name}", crate::MAIN_FILE));
            let src = interp.source_line(*line);
            if !src.is_empty() {
                out.push(format!("    {src}"));
                let written = interp.lines.get(line - 1).map_or("", String::as_str);
                out.extend(span.and_then(|s| super::carets::marker_line(written, *line, s)));
            }
        }
        flush(&mut out, repeats);
    }
    out
}

/// The full text CPython writes for an uncaught exception (without the final newline),
/// following `traceback.TracebackException.format` (exception groups included).
pub fn format_exception(interp: &Rc<Interp>, exc: &Value) -> String {
    format_with(interp, exc, false)
}

/// What the interpreter writes for an exception nobody caught: as `format_exception`, with
/// the suggestions (`Did you mean: ...?`) of 3.11's `sys.excepthook`, which the `traceback`
/// module of 3.11 does not make.
pub fn format_uncaught(interp: &Rc<Interp>, exc: &Value) -> String {
    format_with(interp, exc, true)
}

fn format_with(interp: &Rc<Interp>, exc: &Value, suggest: bool) -> String {
    let mut p = Printer { interp, out: Vec::new(), depth: 0, need_close: false, suggest };
    p.format(exc);
    p.out.join("\n")
}

/// CPython's `_ExceptionPrintContext`.
struct Printer<'a> {
    interp: &'a Rc<Interp>,
    out: Vec<String>,
    depth: usize,
    need_close: bool,
    /// Whether lines end with their suggestion (as `sys.excepthook` writes them).
    suggest: bool,
}

impl Printer<'_> {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    fn emit(&mut self, line: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        self.out.push(format!("{prefix}{line}").trim_end().to_string());
    }

    fn suggestion(&self, exc: &Value) -> String {
        if self.suggest {
            super::suggest::suffix(exc)
        } else {
            String::new()
        }
    }

    fn notes(&mut self, exc: &Value) {
        for line in super::notes::note_lines(self.interp, exc) {
            self.emit(&line, '|');
        }
    }

    fn format(&mut self, exc: &Value) {
        let mut chain = vec![(None, exc.clone())];
        let mut current = exc.clone();
        while let Value::Instance(i) = &current {
            let attrs = i.attrs.borrow();
            let cause = attrs.get("__cause__").cloned().filter(|c| !matches!(c, Value::None));
            let suppress = matches!(attrs.get("__suppress_context__"), Some(Value::Bool(true)));
            let context = attrs.get("__context__").cloned().filter(|c| !matches!(c, Value::None));
            drop(attrs);
            let next = match (cause, context) {
                (Some(c), _) => (Some("The above exception was the direct cause of the following exception:"), c),
                (None, Some(c)) if !suppress => {
                    (Some("During handling of the above exception, another exception occurred:"), c)
                }
                _ => break,
            };
            if chain.len() > 20
                || chain.iter().any(|(_, e)| crate::value::identity(e) == crate::value::identity(&next.1))
            {
                break;
            }
            current = next.1.clone();
            chain.push(next);
        }
        for (k, (_, e)) in chain.iter().enumerate().rev() {
            self.one(e);
            if k > 0 {
                if let Some(msg) = chain[k].0 {
                    self.emit("", '|');
                    self.emit(msg, '|');
                    self.emit("", '|');
                }
            }
        }
    }

    fn one(&mut self, exc: &Value) {
        let frames = frames(self.interp, exc);
        let Some(items) = group_items(exc) else {
            if !frames.is_empty() {
                self.emit("Traceback (most recent call last):", '|');
                for f in &frames {
                    self.emit(f, '|');
                }
            }
            let line = exc_line(self.interp, exc) + &self.suggestion(exc);
            self.emit(&line, '|');
            self.notes(exc);
            return;
        };
        if self.depth > 10 {
            self.emit("... (max_group_depth is 10)", '|');
            return;
        }
        let toplevel = self.depth == 0;
        if toplevel {
            self.depth += 1;
        }
        if !frames.is_empty() {
            self.emit("Exception Group Traceback (most recent call last):", if toplevel { '+' } else { '|' });
            for f in &frames {
                self.emit(f, '|');
            }
        }
        let line = exc_line(self.interp, exc) + &self.suggestion(exc);
        self.emit(&line, '|');
        self.notes(exc);
        let n = items.len().min(16);
        self.need_close = false;
        for (k, item) in items.iter().take(n).enumerate() {
            let last = k + 1 == n;
            if last {
                self.need_close = true;
            }
            let head = if k == 0 { "+-" } else { "  " };
            self.out.push(format!("{}{head}+---------------- {} ----------------", self.indent(), k + 1));
            self.depth += 1;
            self.format(item);
            if last && self.need_close {
                self.out.push(format!("{}+------------------------------------", self.indent()));
                self.need_close = false;
            }
            self.depth -= 1;
        }
        if toplevel {
            self.depth = 0;
        }
    }
}
