//! Ads: Start Commercial.

mod commercial;
mod start_commercial;

pub use commercial::Commercial;
pub use start_commercial::StartCommercial;
