//! `channel.shared_chat.update` version 1. The channel.shared_chat.update
//! subscription type sends a notification when the active shared chat session
//! the channel is in changes.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.shared_chat.update` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSharedChatUpdateV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelSharedChatUpdateV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.shared_chat.update` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSharedChatUpdateV1Event {
    /// ID of the session.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub session_id: String,
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// User ID of the host broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub host_broadcaster_user_id: String,
    /// Login of the host broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub host_broadcaster_user_login: String,
    /// Display name of the host broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub host_broadcaster_user_name: String,
    /// The participants.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub participants: Vec<ChannelSharedChatUpdateV1Participant>,
}

/// One of the `participants` of a `channel.shared_chat.update` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSharedChatUpdateV1Participant {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
}
