//! The checker's tables: the modules and members, built-ins, methods and special methods
//! the playground supports or refuses.

use crate::ast::*;

/// The members of each importable module that the playground supports.
pub const MODULES: [(&str, &[&str]); 6] = [
    (
        "asyncio",
        &[
            "run",
            "sleep",
            "create_task",
            "ensure_future",
            "gather",
            "TaskGroup",
            "timeout",
            "timeout_at",
            "wait_for",
            "wait",
            "FIRST_COMPLETED",
            "FIRST_EXCEPTION",
            "ALL_COMPLETED",
            "as_completed",
            "shield",
            "to_thread",
            "Queue",
            "LifoQueue",
            "PriorityQueue",
            "Event",
            "Lock",
            "Condition",
            "Semaphore",
            "BoundedSemaphore",
            "Barrier",
            "BrokenBarrierError",
            "current_task",
            "all_tasks",
            "get_running_loop",
            "get_event_loop",
            "new_event_loop",
            "set_event_loop",
            "Runner",
            "Future",
            "Task",
            "CancelledError",
            "TimeoutError",
            "iscoroutine",
            "iscoroutinefunction",
            "QueueEmpty",
            "QueueFull",
            "InvalidStateError",
        ],
    ),
    ("time", &["sleep", "time", "perf_counter", "monotonic", "strftime", "ctime"]),
    ("random", &["seed", "random", "randint", "uniform", "choice", "shuffle", "randrange", "sample", "choices"]),
    ("concurrent.futures", &["ThreadPoolExecutor", "ProcessPoolExecutor"]),
    ("concurrent", &["futures"]),
    ("sys", &["stderr", "stdout"]),
];

/// Built-in names that exist in Python but that the playground refuses.
pub(crate) const REFUSED_BUILTINS: [&str; 21] = [
    "input",
    "open",
    "exec",
    "eval",
    "compile",
    "__import__",
    "globals",
    "locals",
    "vars",
    "breakpoint",
    "help",
    "memoryview",
    "bytearray",
    "bytes",
    "frozenset",
    "exit",
    "quit",
    "complex",
    "delattr",
    "dir",
    "slice",
];

/// Methods of the built-in types that the playground does not have (refused unless the
/// program defines a method or attribute of that name itself).
pub(crate) const REFUSED_METHODS: [&str; 12] = [
    "encode",
    "expandtabs",
    "format_map",
    "isdecimal",
    "isidentifier",
    "isnumeric",
    "istitle",
    "maketrans",
    "translate",
    "difference_update",
    "intersection_update",
    "symmetric_difference_update",
];

/// The special methods a class may define.
pub(crate) const DUNDERS: [&str; 23] = [
    "__bool__",
    "__contains__",
    "__eq__",
    "__ne__",
    "__lt__",
    "__le__",
    "__gt__",
    "__ge__",
    "__init__",
    "__str__",
    "__repr__",
    "__aenter__",
    "__aexit__",
    "__enter__",
    "__exit__",
    "__len__",
    "__call__",
    "__aiter__",
    "__anext__",
    "__iter__",
    "__next__",
    "__getitem__",
    "__setitem__",
];

pub(crate) fn members(module: &str) -> Option<&'static [&'static str]> {
    MODULES.iter().find(|(m, _)| *m == module).map(|(_, names)| *names)
}

/// Names the program defines as functions, methods or attributes.
pub(crate) fn collect_defined(body: &Block, out: &mut std::collections::HashSet<String>) {
    for s in body {
        match &s.kind {
            StmtKind::FuncDef(f) => {
                out.insert(f.name.clone());
                collect_defined(&f.body, out);
            }
            StmtKind::ClassDef(c) => {
                let mut names = crate::scope::Names::default();
                let mut globals = std::collections::HashSet::new();
                assigned_names(&c.body, &mut names, &mut globals);
                out.extend(names.into_vec());
                collect_defined(&c.body, out);
            }
            StmtKind::Assign { targets, .. } => {
                for t in targets {
                    if let ExprKind::Attribute(_, name) = &t.kind {
                        out.insert(name.to_string());
                    }
                }
            }
            StmtKind::If { body, orelse, .. }
            | StmtKind::While { body, orelse, .. }
            | StmtKind::For { body, orelse, .. } => {
                collect_defined(body, out);
                collect_defined(orelse, out);
            }
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                collect_defined(body, out);
                handlers.iter().for_each(|h| collect_defined(&h.body, out));
                collect_defined(orelse, out);
                collect_defined(finalbody, out);
            }
            StmtKind::With { body, .. } => collect_defined(body, out),
            _ => {}
        }
    }
}

/// The methods of CPython's loop the playground does not have: asked for, they say so.
pub(crate) const LOOP_NOT_SUPPORTED: [&str; 36] = [
    "add_reader",
    "add_signal_handler",
    "add_writer",
    "call_exception_handler",
    "connect_accepted_socket",
    "connect_read_pipe",
    "connect_write_pipe",
    "create_connection",
    "create_datagram_endpoint",
    "create_server",
    "create_unix_connection",
    "create_unix_server",
    "default_exception_handler",
    "get_exception_handler",
    "get_task_factory",
    "getaddrinfo",
    "getnameinfo",
    "remove_reader",
    "remove_signal_handler",
    "remove_writer",
    "sendfile",
    "set_debug",
    "set_default_executor",
    "set_exception_handler",
    "set_task_factory",
    "sock_accept",
    "sock_connect",
    "sock_recv",
    "sock_recv_into",
    "sock_recvfrom",
    "sock_sendall",
    "sock_sendto",
    "start_tls",
    "subprocess_exec",
    "subprocess_shell",
    "slow_callback_duration",
];
