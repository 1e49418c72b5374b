//! Clips: Get Clips, Create Clip.

mod clip;
mod create_clip;
mod created_clip;
mod get_clips;

pub use clip::Clip;
pub use create_clip::CreateClip;
pub use created_clip::CreatedClip;
pub use get_clips::GetClips;
