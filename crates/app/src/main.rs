//! Mounts the playground; everything else lives in the library.

fn main() {
    playground_app::install_panic_banner();
    leptos::mount::mount_to_body(playground_app::App);
}
