//! The page's thin layer over the browser, one job per file.

pub mod address;
pub mod crash;
pub mod export;
pub mod frames;
pub mod host;
pub mod siblings;
pub mod theme;
pub mod turns;
pub mod visibility;
