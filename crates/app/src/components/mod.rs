//! The page's components, one per file.

pub mod code_panels;
pub mod controls;
pub mod embed_page;
pub mod full_page;
pub mod heartbeat;
pub mod jobs;
pub mod lesson_picker;
pub mod notice;
pub mod output;
pub mod program_page;
pub mod replay;
pub mod run_bar;
pub mod share;
pub mod summary;
pub mod terms;
pub mod theme_picker;
pub mod timeline;
