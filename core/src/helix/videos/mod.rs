//! Videos: Get Videos.

mod get_videos;
mod video;

pub use get_videos::GetVideos;
pub use video::{MutedSegment, Video};
