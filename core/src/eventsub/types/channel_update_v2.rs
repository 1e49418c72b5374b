//! `channel.update` version 2. The channel.update subscription type sends
//! notifications when a broadcaster updates the category, title, content
//! classification labels, or broadcast language for their channel.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.update` v2 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelUpdateV2Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelUpdateV2Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.update` v2 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelUpdateV2Event {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// The title.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub title: String,
    /// The language (ISO 639-1).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub language: String,
    /// ID of the category.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub category_id: String,
    /// Name of the category.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub category_name: String,
    /// The content classification labels.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub content_classification_labels: Vec<String>,
}
