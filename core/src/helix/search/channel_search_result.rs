use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::{null_as_empty, rfc3339_opt};

/// A channel found by Search Channels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSearchResult {
    /// Channel language (ISO 639-1, or `"other"`).
    #[serde(default)]
    pub broadcaster_language: String,
    /// Broadcaster's login.
    pub broadcaster_login: String,
    /// Broadcaster's display name.
    pub display_name: String,
    /// Id of the last category streamed (may be empty).
    #[serde(default)]
    pub game_id: String,
    /// Name of the last category streamed (may be empty).
    #[serde(default)]
    pub game_name: String,
    /// Broadcaster's user id.
    pub id: String,
    /// Whether the broadcaster is live.
    #[serde(default)]
    pub is_live: bool,
    /// Deprecated by Twitch (always empty); `null` becomes empty.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub tag_ids: Vec<String>,
    /// Channel tags (`null` becomes empty).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub tags: Vec<String>,
    /// Profile image URL.
    #[serde(default)]
    pub thumbnail_url: String,
    /// Stream title (of the last stream when offline).
    #[serde(default)]
    pub title: String,
    /// When the current stream started; `None` when offline (Twitch sends `""`).
    #[serde(default, with = "rfc3339_opt")]
    pub started_at: Option<OffsetDateTime>,
}
