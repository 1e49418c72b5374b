use serde::{Deserialize, Serialize};

use crate::serde_util::null_as_empty;

/// A channel's properties (Get Channel Information).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelInformation {
    /// Broadcaster's user id.
    pub broadcaster_id: String,
    /// Broadcaster's login.
    pub broadcaster_login: String,
    /// Broadcaster's display name.
    pub broadcaster_name: String,
    /// Channel language (ISO 639-1, or `"other"`).
    #[serde(default)]
    pub broadcaster_language: String,
    /// Id of the current category (may be empty).
    #[serde(default)]
    pub game_id: String,
    /// Name of the current category (may be empty).
    #[serde(default)]
    pub game_name: String,
    /// Stream title.
    #[serde(default)]
    pub title: String,
    /// Stream delay in seconds (0 unless the token belongs to the broadcaster).
    #[serde(default)]
    pub delay: u32,
    /// Channel tags (`null` becomes empty).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub tags: Vec<String>,
    /// Content classification label ids (`null` becomes empty).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub content_classification_labels: Vec<String>,
    /// Whether the channel has branded content.
    #[serde(default)]
    pub is_branded_content: bool,
}
