//! Mounts the playground; everything else lives in the library.

fn main() {
    playground_app::install_panic_banner();
    leptos::mount::mount_to_body(playground_app::App);
    // The page is interactive now: the benchmark reads this mark.
    playground_app::mark("playground-interactive");
}
