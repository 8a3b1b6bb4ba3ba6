//! The page's components, one per file.

pub mod code_panels;
pub mod controls;
// Not mounted yet: the page mounts the editor in the Python panel, then these go.
#[allow(dead_code, reason = "the editor is not mounted yet")]
pub mod editor;
#[allow(dead_code, reason = "the editor is not mounted yet")]
pub mod editor_keys;
#[allow(dead_code, reason = "the editor is not mounted yet")]
pub mod editor_paint;
pub mod embed_page;
pub mod full_page;
pub mod heartbeat;
pub mod jobs;
pub mod lesson_picker;
pub mod notice;
pub mod output;
pub mod program_editor;
pub mod program_output;
pub mod program_panel;
pub mod replay;
pub mod run_bar;
pub mod share;
pub mod summary;
pub mod terms;
pub mod theme_picker;
pub mod timeline;
