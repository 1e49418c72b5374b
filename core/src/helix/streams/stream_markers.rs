use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::{null_as_empty, rfc3339};

/// The markers of one broadcaster's videos (Get Stream Markers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StreamMarkers {
    /// The broadcaster's user id.
    pub user_id: String,
    /// The broadcaster's display name.
    #[serde(default)]
    pub user_name: String,
    /// The broadcaster's login.
    #[serde(default)]
    pub user_login: String,
    /// The videos with markers (`null` becomes empty).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub videos: Vec<VideoMarkers>,
}

/// The markers of one video.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct VideoMarkers {
    /// The video id.
    pub video_id: String,
    /// The markers, newest first (`null` becomes empty).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub markers: Vec<Marker>,
}

/// One stream marker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Marker {
    /// Marker id.
    pub id: String,
    /// When the marker was created.
    #[serde(with = "rfc3339")]
    pub created_at: OffsetDateTime,
    /// The marker's description (may be empty).
    #[serde(default)]
    pub description: String,
    /// Offset of the marker from the start of the stream, in seconds.
    #[serde(default)]
    pub position_seconds: u64,
    /// Link to the marker in the highlighter (Twitch's key is `URL`; `url` is
    /// accepted too). `None` when Twitch leaves it out.
    #[serde(default, rename = "URL", alias = "url")]
    pub url: Option<String>,
}
