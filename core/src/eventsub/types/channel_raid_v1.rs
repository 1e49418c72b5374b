//! `channel.raid` version 1. The channel.raid subscription type sends a
//! notification when a broadcaster raids another broadcaster’s channel.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.raid` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelRaidV1Condition {
    /// User ID of the to broadcaster.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::string_or_number_opt"
    )]
    pub to_broadcaster_user_id: Option<String>,
    /// User ID of the from broadcaster.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::string_or_number_opt"
    )]
    pub from_broadcaster_user_id: Option<String>,
}

impl ChannelRaidV1Condition {
    /// A condition with its required fields; the optional ones are `None`.
    pub fn new() -> Self {
        Self { ..Self::default() }
    }
}

/// A `channel.raid` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelRaidV1Event {
    /// User ID of the from broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub from_broadcaster_user_id: String,
    /// Login of the from broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub from_broadcaster_user_login: String,
    /// Display name of the from broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub from_broadcaster_user_name: String,
    /// User ID of the to broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub to_broadcaster_user_id: String,
    /// Login of the to broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub to_broadcaster_user_login: String,
    /// Display name of the to broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub to_broadcaster_user_name: String,
    /// The viewers (`viewers`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub viewers: u64,
}
