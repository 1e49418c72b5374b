//! `channel.warning.send` version 1. The channel.warning.send subscription type
//! sends a notification when a warning is sent to a user. Broadcasters and
//! moderators can see the warning’s details.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.warning.send` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelWarningSendV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
    /// User ID of the moderator.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub moderator_user_id: String,
}

impl ChannelWarningSendV1Condition {
    /// A condition with its required fields.
    pub fn new(
        broadcaster_user_id: impl Into<String>,
        moderator_user_id: impl Into<String>,
    ) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
            moderator_user_id: moderator_user_id.into(),
        }
    }
}

/// A `channel.warning.send` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelWarningSendV1Event {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// User ID of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_id: String,
    /// Login of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_login: String,
    /// Display name of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_name: String,
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// The reason given.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub reason: String,
    /// The chat rules cited.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub chat_rules_cited: Vec<String>,
}
