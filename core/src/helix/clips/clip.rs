use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::rfc3339;

/// A clip (Get Clips).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Clip {
    /// Clip id.
    pub id: String,
    /// Clip URL.
    pub url: String,
    /// URL for embedding the clip.
    #[serde(default)]
    pub embed_url: String,
    /// Broadcaster's user id.
    pub broadcaster_id: String,
    /// Broadcaster's display name.
    #[serde(default)]
    pub broadcaster_name: String,
    /// User id of the clip's creator.
    #[serde(default)]
    pub creator_id: String,
    /// Display name of the clip's creator.
    #[serde(default)]
    pub creator_name: String,
    /// Id of the video the clip came from (`""` when unavailable).
    #[serde(default)]
    pub video_id: String,
    /// Category id at clip time.
    #[serde(default)]
    pub game_id: String,
    /// Language of the stream (ISO 639-1, or `"other"`).
    #[serde(default)]
    pub language: String,
    /// Clip title.
    #[serde(default)]
    pub title: String,
    /// Number of views.
    #[serde(default)]
    pub view_count: u64,
    /// When the clip was created.
    #[serde(with = "rfc3339")]
    pub created_at: OffsetDateTime,
    /// Thumbnail URL.
    #[serde(default)]
    pub thumbnail_url: String,
    /// Length in seconds (fractional).
    #[serde(default)]
    pub duration: f64,
    /// Offset in seconds into the video; `None` when the video is unavailable.
    #[serde(default)]
    pub vod_offset: Option<u64>,
    /// Whether the clip is featured.
    #[serde(default)]
    pub is_featured: bool,
}
