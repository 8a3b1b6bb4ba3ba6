//! Times the virtual-clock run of `gather` over many jobs (a profiling aid):
//! `cargo run --release -p playground-core --example scale -- 10000`.

use playground_core::ideal::ideal_trace;
use playground_core::{Job, Mode, Scenario};

fn main() {
    for n in std::env::args().skip(1).filter_map(|a| a.parse::<usize>().ok()) {
        let scenario = Scenario {
            mode: Mode::Gather,
            jobs: vec![Job::ok(10); n],
            order: Scenario::identity_order(n),
            ..Scenario::default()
        };
        let started = std::time::Instant::now();
        let events = ideal_trace(&scenario).map(|e| e.len()).unwrap_or(0);
        println!("gather of {n} jobs: {events} events in {:?}", started.elapsed());
    }
}
