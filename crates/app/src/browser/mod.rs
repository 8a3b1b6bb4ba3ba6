//! The page's thin layer over the browser, one job per file.

pub mod address;
pub mod crash;
pub mod engine;
pub mod export;
pub mod frames;
pub mod host;
pub mod offline;
pub mod siblings;
pub mod theme;
pub mod turns;
pub mod visibility;

/// The page's clock, `performance.now()` (ms).
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}
