//! The programs the page offers to start from: the seed's lessons written as programs
//! (terms.py, example1 … example7) and a few in the style of the Python documentation.
//! They are the differential test's `examples` set, so each matches CPython.

/// Each example: its name, its title in the page, and its source.
const EXAMPLES: [(&str, &str, &str); 14] = [
    ("blank", "A blank program", include_str!("../../python/tests/programs/examples/blank.py")),
    ("terms", "terms.py: coroutine, task, future", include_str!("../../python/tests/programs/examples/terms.py")),
    ("example1", "example1.py: synchronous", include_str!("../../python/tests/programs/examples/example1.py")),
    ("example2", "example2.py: awaiting coroutines", include_str!("../../python/tests/programs/examples/example2.py")),
    ("example3", "example3.py: tasks", include_str!("../../python/tests/programs/examples/example3.py")),
    ("example4", "example4.py: await order", include_str!("../../python/tests/programs/examples/example4.py")),
    ("example5", "example5.py: a blocking sleep", include_str!("../../python/tests/programs/examples/example5.py")),
    (
        "example6",
        "example6.py: threads and processes",
        include_str!("../../python/tests/programs/examples/example6.py"),
    ),
    ("example7", "example7.py: gather and TaskGroup", include_str!("../../python/tests/programs/examples/example7.py")),
    ("say_after", "say_after, with tasks", include_str!("../../python/tests/programs/examples/say_after.py")),
    (
        "gather_factorial",
        "factorials under gather",
        include_str!("../../python/tests/programs/examples/gather_factorial.py"),
    ),
    ("queue_workers", "a queue of workers", include_str!("../../python/tests/programs/examples/queue_workers.py")),
    ("timeout", "a timeout", include_str!("../../python/tests/programs/examples/timeout.py")),
    ("semaphore", "a semaphore", include_str!("../../python/tests/programs/examples/semaphore.py")),
];

/// The examples' names and titles, one `name\ttitle` per line.
pub fn list() -> String {
    EXAMPLES.iter().map(|(name, title, _)| format!("{name}\t{title}\n")).collect()
}

/// The source of example `name` (empty if there is none).
pub fn source(name: &str) -> &'static str {
    EXAMPLES.iter().find(|(n, _, _)| *n == name).map_or("", |(_, _, src)| src)
}

#[cfg(test)]
mod tests {
    /// Every file of the differential test's `examples` set is offered, once.
    #[test]
    fn every_example_file_is_offered() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../python/tests/programs/examples");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("the examples folder")
            .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".py").map(String::from))
            .collect();
        files.sort();
        let mut offered: Vec<String> = super::EXAMPLES.iter().map(|(n, _, _)| n.to_string()).collect();
        offered.sort();
        assert_eq!(offered, files);
    }
}
