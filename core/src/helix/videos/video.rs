use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::{null_as_default, rfc3339};
use crate::types::VideoType;

/// A video (Get Videos).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Video {
    /// Video id.
    pub id: String,
    /// Id of the stream the video came from; `None` for uploads and highlights.
    #[serde(default)]
    pub stream_id: Option<String>,
    /// Owner's user id.
    pub user_id: String,
    /// Owner's login.
    #[serde(default)]
    pub user_login: String,
    /// Owner's display name.
    #[serde(default)]
    pub user_name: String,
    /// Video title.
    #[serde(default)]
    pub title: String,
    /// Video description.
    #[serde(default, deserialize_with = "null_as_default")]
    pub description: String,
    /// When the video was created.
    #[serde(with = "rfc3339")]
    pub created_at: OffsetDateTime,
    /// When the video was published.
    #[serde(with = "rfc3339")]
    pub published_at: OffsetDateTime,
    /// Video URL.
    pub url: String,
    /// Thumbnail URL template with `%{width}` and `%{height}`.
    #[serde(default)]
    pub thumbnail_url: String,
    /// `"public"` (Twitch's only value today).
    #[serde(default)]
    pub viewable: String,
    /// Number of views.
    #[serde(default)]
    pub view_count: u64,
    /// Language (ISO 639-1, or `"other"`).
    #[serde(default)]
    pub language: String,
    /// Upload, archive or highlight.
    #[serde(rename = "type")]
    pub video_type: VideoType,
    /// Length in Twitch's format (`"3m21s"`).
    #[serde(default)]
    pub duration: String,
    /// Muted parts; `None` when nothing is muted.
    #[serde(default)]
    pub muted_segments: Option<Vec<MutedSegment>>,
}

/// A muted part of a video.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MutedSegment {
    /// Length in seconds.
    pub duration: u64,
    /// Offset in seconds from the start.
    pub offset: u64,
}
