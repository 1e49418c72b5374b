use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::{null_as_empty, rfc3339};

/// A live stream (Get Streams).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Stream {
    /// Stream id.
    pub id: String,
    /// Broadcaster's user id.
    pub user_id: String,
    /// Broadcaster's login.
    pub user_login: String,
    /// Broadcaster's display name.
    pub user_name: String,
    /// Id of the category being played (may be empty).
    #[serde(default)]
    pub game_id: String,
    /// Name of the category being played (may be empty).
    #[serde(default)]
    pub game_name: String,
    /// `"live"`, or `""` on error.
    #[serde(rename = "type", default)]
    pub stream_type: String,
    /// Stream title.
    #[serde(default)]
    pub title: String,
    /// Tags of the stream (`null` becomes empty).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub tags: Vec<String>,
    /// Current viewers.
    #[serde(default)]
    pub viewer_count: u64,
    /// When the broadcast started.
    #[serde(with = "rfc3339")]
    pub started_at: OffsetDateTime,
    /// Stream language (ISO 639-1, or `"other"`).
    #[serde(default)]
    pub language: String,
    /// Thumbnail URL template with `{width}` and `{height}`.
    #[serde(default)]
    pub thumbnail_url: String,
    /// Deprecated by Twitch (always empty); `null` becomes empty.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub tag_ids: Vec<String>,
    /// Whether the stream is for mature audiences.
    #[serde(default)]
    pub is_mature: bool,
}
