//! The page's components, one per file.

pub mod controls;
pub mod jobs;
pub mod lesson_picker;
pub mod output;
pub mod run_bar;
pub mod summary;
