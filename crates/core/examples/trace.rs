//! Prints the virtual-clock trace of the links given as arguments (a debugging aid):
//! `cargo run -p playground-core --example trace -- 'lesson=gather&mode=group'`.

use playground_core::ideal::ideal_trace;
use playground_core::link::from_link;
use playground_core::trace::to_lines;

fn main() {
    for query in std::env::args().skip(1) {
        let (state, problems) = from_link(&query);
        for problem in problems {
            eprintln!("{query}: {problem}");
        }
        match ideal_trace(&state.scenario) {
            Ok(events) => print!("# {query}\n{}\n", to_lines(&events, state.scenario.unit)),
            Err(e) => eprintln!("{query}: {e}"),
        }
    }
}
