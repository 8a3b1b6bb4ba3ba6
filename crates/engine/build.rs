//! Links the engine's WebAssembly module with a 4 MB stack (the default is 1 MB): a Python
//! call takes about 9 KB of it, and the engine lets nested calls use up to
//! `playground_python::interp::call::MAX_STACK` (3 MB) of it before `RecursionError`, with
//! room left for what runs around them.

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=playground-engine=-zstack-size={}", 4 << 20);
    }
}
