//! `channel.moderate` version 2. The channel.moderate subscription type sends a
//! notification when a moderator performs a moderation action in a channel.
//! Some of these actions affect chatters in other channels during Shared Chat.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.moderate` v2 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV2Condition {
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

impl ChannelModerateV2Condition {
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

/// A `channel.moderate` v2 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV2Event {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// User ID of the source broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub source_broadcaster_user_id: String,
    /// Login of the source broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub source_broadcaster_user_login: String,
    /// Display name of the source broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub source_broadcaster_user_name: String,
    /// User ID of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_id: String,
    /// Login of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_login: String,
    /// Display name of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_name: String,
    /// What was done.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub action: ChannelModerateV2Action,
    /// The details of a `followers` action.
    #[serde(default)]
    pub followers: Option<ChannelModerateV2Followers>,
    /// The details of a `slow` action.
    #[serde(default)]
    pub slow: Option<ChannelModerateV2Slow>,
    /// The details of a `vip` action.
    #[serde(default)]
    pub vip: Option<ChannelModerateV2Vip>,
    /// The details of a `unvip` action.
    #[serde(default)]
    pub unvip: Option<ChannelModerateV2Unvip>,
    /// The details of a `warn` action.
    #[serde(default)]
    pub warn: Option<ChannelModerateV2Warn>,
    /// The details of a `unmod` action.
    #[serde(default)]
    pub unmod: Option<ChannelModerateV2Unmod>,
    /// The details of a `ban` action.
    #[serde(default)]
    pub ban: Option<ChannelModerateV2Ban>,
    /// The details of a `unban` action.
    #[serde(default)]
    pub unban: Option<ChannelModerateV2Unban>,
    /// The details of a `timeout` action.
    #[serde(default)]
    pub timeout: Option<ChannelModerateV2Timeout>,
    /// The details of a `untimeout` action.
    #[serde(default)]
    pub untimeout: Option<ChannelModerateV2Untimeout>,
    /// The details of a `raid` action.
    #[serde(default)]
    pub raid: Option<ChannelModerateV2Raid>,
    /// The details of a `unraid` action.
    #[serde(default)]
    pub unraid: Option<ChannelModerateV2Unraid>,
    /// The details of a `delete` action.
    #[serde(default)]
    pub delete: Option<ChannelModerateV2Delete>,
    /// The details of a `automod_terms` action.
    #[serde(default)]
    pub automod_terms: Option<ChannelModerateV2AutomodTerms>,
    /// The details of a `unban_request` action.
    #[serde(default)]
    pub unban_request: Option<ChannelModerateV2UnbanRequest>,
    /// The details of a shared chat `ban` action.
    #[serde(default)]
    pub shared_chat_ban: Option<ChannelModerateV2Ban>,
    /// The details of a shared chat `unban` action.
    #[serde(default)]
    pub shared_chat_unban: Option<ChannelModerateV2Unban>,
    /// The details of a shared chat `timeout` action.
    #[serde(default)]
    pub shared_chat_timeout: Option<ChannelModerateV2Timeout>,
    /// The details of a shared chat `untimeout` action.
    #[serde(default)]
    pub shared_chat_untimeout: Option<ChannelModerateV2Untimeout>,
    /// The details of a shared chat `delete` action.
    #[serde(default)]
    pub shared_chat_delete: Option<ChannelModerateV2Delete>,
    /// The details of a `mod` action.
    #[serde(default)]
    pub r#mod: Option<ChannelModerateV2Mod>,
}

/// The `followers` object of a `channel.moderate` v2 event.
pub type ChannelModerateV2Followers = super::channel_moderate_v1::ChannelModerateV1Followers;

/// The `slow` object of a `channel.moderate` v2 event.
pub type ChannelModerateV2Slow = super::channel_moderate_v1::ChannelModerateV1Slow;

/// The `vip` object of a `channel.moderate` v2 event.
pub type ChannelModerateV2Vip = super::channel_moderate_v1::ChannelModerateV1Vip;

/// The `unvip` object of a `channel.moderate` v2 event.
pub type ChannelModerateV2Unvip = super::channel_moderate_v1::ChannelModerateV1Unvip;

/// The `warn` object of a `channel.moderate` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV2Warn {
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

/// The `unmod` object of a `channel.moderate` v2 event.
pub type ChannelModerateV2Unmod = super::channel_moderate_v1::ChannelModerateV1Unmod;

/// The `ban` object of a `channel.moderate` v2 event.
pub type ChannelModerateV2Ban = super::channel_moderate_v1::ChannelModerateV1Ban;

/// The `unban` object of a `channel.moderate` v2 event.
pub type ChannelModerateV2Unban = super::channel_moderate_v1::ChannelModerateV1Unban;

/// The `timeout` object of a `channel.moderate` v2 event.
pub type ChannelModerateV2Timeout = super::channel_moderate_v1::ChannelModerateV1Timeout;

/// The `untimeout` object of a `channel.moderate` v2 event.
pub type ChannelModerateV2Untimeout = super::channel_moderate_v1::ChannelModerateV1Untimeout;

/// The `raid` object of a `channel.moderate` v2 event.
pub type ChannelModerateV2Raid = super::channel_moderate_v1::ChannelModerateV1Raid;

/// The `unraid` object of a `channel.moderate` v2 event.
pub type ChannelModerateV2Unraid = super::channel_moderate_v1::ChannelModerateV1Unraid;

/// The `delete` object of a `channel.moderate` v2 event.
pub type ChannelModerateV2Delete = super::channel_moderate_v1::ChannelModerateV1Delete;

/// The `automod_terms` object of a `channel.moderate` v2 event.
pub type ChannelModerateV2AutomodTerms = super::channel_moderate_v1::ChannelModerateV1AutomodTerms;

/// The `unban_request` object of a `channel.moderate` v2 event.
pub type ChannelModerateV2UnbanRequest = super::channel_moderate_v1::ChannelModerateV1UnbanRequest;

/// The `mod` object of a `channel.moderate` v2 event.
pub type ChannelModerateV2Mod = super::channel_moderate_v1::ChannelModerateV1Mod;

/// The `Action` values of a `channel.moderate` v2 event.
pub type ChannelModerateV2Action = super::channel_moderate_v1::ChannelModerateV1Action;
