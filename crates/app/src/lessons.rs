//! Each lesson's title, explanation and one-line summary, in our own words from the seed's notes.

use playground_core::Lesson;

/// What the page says about a lesson.
pub struct LessonText {
    /// Short title for the picker.
    pub title: &'static str,
    /// What to notice, and why it happens.
    pub explanation: &'static str,
    /// The lesson in one line (what an embed shows instead of the explanation).
    pub summary: &'static str,
}

/// The text of `lesson`.
pub fn text(lesson: Lesson) -> LessonText {
    let (title, explanation) = match lesson {
        Lesson::Terms => (
            "Terms",
            "Coroutine function, coroutine object, awaitable, Future, Task: the vocabulary of asyncio. \
             Each cell below does one thing for real on your browser's event loop and shows the live \
             state of the Rust future behind it: how many times the executor polled it, how many times \
             it was woken, and where it is now. Nothing moves unless the executor moves it.",
        ),
        Lesson::Sync => (
            "1 Synchronous",
            "Plain functions with no event loop. Each fetch_data call runs from start to finish, and \
             time.sleep holds the only thread, so the total time is the sum of the sleeps. In the \
             browser the page itself is frozen meanwhile: the output appears only once the run is over.",
        ),
        Lesson::Await => (
            "2 Awaiting coroutines",
            "A first attempt at asyncio. Calling fetch_data(1) does not start anything: it only creates \
             a coroutine object. `await` then runs that object to its end, right there, before main \
             goes on. So the jobs still run one after another, and the total is the sum again.",
        ),
        Lesson::Tasks => (
            "3 Tasks",
            "asyncio.create_task hands each coroutine to the event loop at once. The tasks start as soon \
             as main yields, at its first await. While one task sleeps, the loop runs the others, so the \
             sleeps overlap: the total is the longest sleep, not the sum.",
        ),
        Lesson::Order => (
            "4 Await order",
            "The same tasks, awaited in the other order. Both still run as soon as main yields, so the \
             total time does not change. What changes is when main receives each result: it waits for \
             job 2 first, and by then job 1's result is already waiting for it.",
        ),
        Lesson::Blocking => (
            "5 Blocking sleep",
            "The tasks call time.sleep instead of awaiting asyncio.sleep. time.sleep cannot suspend the \
             coroutine, so it holds the event loop: no other task, timer or callback runs until it \
             returns. The jobs run one after another again. Here the browser's own loop is really held \
             too, so the page freezes until the run ends.",
        ),
        Lesson::Offload => (
            "6 Threads and processes",
            "Moving the blocking time.sleep off the event loop, with asyncio.to_thread or a process \
             pool's run_in_executor, lets the jobs overlap again while the loop stays free. Here each \
             sleep runs in a real Web Worker and holds it until it ends, as a sleeping thread holds \
             its thread (without using its CPU). Web Workers don't share the page's memory, \
             so Python's threads and its processes both become workers. What differs is the pool's \
             size (threads: min(32, cores + 4), processes: cores), and that Python's threads share \
             memory. With more jobs than workers, jobs wait for a free one. Cancelling a job cancels \
             its wait, but a sleep already running in a worker goes on until it ends: watch when \
             that worker is free again.",
        ),
        Lesson::Gather => (
            "7 gather vs TaskGroup",
            "asyncio.gather runs the jobs together and hands the results back in argument order. When a \
             job raises, gather passes the first error to main at once, but the other tasks keep running \
             as orphans (main lingers so you can see them finish). With return_exceptions=True the error \
             comes back as a value. A TaskGroup instead cancels the jobs still running and raises an \
             ExceptionGroup once every child is finished.",
        ),
    };
    LessonText { title, explanation, summary: summary(lesson) }
}

/// The one-line summary of `lesson`.
fn summary(lesson: Lesson) -> &'static str {
    match lesson {
        Lesson::Terms => "The vocabulary of asyncio, each term run for real on the browser's event loop.",
        Lesson::Sync => "No event loop: time.sleep runs the jobs one after another.",
        Lesson::Await => "Awaiting coroutines one by one: the jobs still run one after another.",
        Lesson::Tasks => "create_task hands the jobs to the event loop: their sleeps overlap.",
        Lesson::Order => "Awaiting tasks in another order changes when main gets each result, not the total.",
        Lesson::Blocking => "time.sleep inside a task holds the whole event loop.",
        Lesson::Offload => "to_thread and a process pool move the blocking sleep off the event loop.",
        Lesson::Gather => "gather and TaskGroup, when one of the jobs raises.",
    }
}
