//! Runs a Python file on the virtual loop and prints its trace: `cargo run --example run -- file.py`.

fn main() {
    let path = std::env::args().nth(1).expect("a file to run");
    let src = std::fs::read_to_string(&path).expect("a readable file");
    match playground_python::run_virtual(&src, 1000.0, 2) {
        Ok(lines) => {
            for l in lines {
                println!("{:>8.1} {:<8} {:<7} {}", l.t, l.who, l.event.as_str(), l.text);
            }
        }
        Err(e) => println!("{e}"),
    }
}
