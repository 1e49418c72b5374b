//! `channel.chat_settings.update` version 1. This event sends a notification
//! when a broadcaster’s chat settings are updated.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.chat_settings.update` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatSettingsUpdateV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
    /// User ID of the user.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub user_id: String,
}

impl ChannelChatSettingsUpdateV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>, user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
            user_id: user_id.into(),
        }
    }
}

/// A `channel.chat_settings.update` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatSettingsUpdateV1Event {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// The emote mode (`emote_mode`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub emote_mode: bool,
    /// The follower mode (`follower_mode`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub follower_mode: bool,
    /// The follower mode duration minutes (`follower_mode_duration_minutes`).
    #[serde(default)]
    pub follower_mode_duration_minutes: Option<u64>,
    /// The slow mode (`slow_mode`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub slow_mode: bool,
    /// The slow mode wait time seconds (`slow_mode_wait_time_seconds`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub slow_mode_wait_time_seconds: u64,
    /// The subscriber mode (`subscriber_mode`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub subscriber_mode: bool,
    /// The unique chat mode (`unique_chat_mode`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub unique_chat_mode: bool,
}
