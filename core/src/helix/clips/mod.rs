//! Clips: Get Clips.

mod clip;
mod get_clips;

pub use clip::Clip;
pub use get_clips::GetClips;
