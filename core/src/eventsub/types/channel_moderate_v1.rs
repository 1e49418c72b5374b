//! `channel.moderate` version 1. The channel.moderate subscription type sends a
//! notification when a moderator performs a moderation action in a channel.
//! Some of these actions affect chatters in other channels during Shared Chat.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `channel.moderate` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1Condition {
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

impl ChannelModerateV1Condition {
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

/// A `channel.moderate` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1Event {
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
    /// What was done.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub action: ChannelModerateV1Action,
    /// The details of a `followers` action.
    #[serde(default)]
    pub followers: Option<ChannelModerateV1Followers>,
    /// The details of a `slow` action.
    #[serde(default)]
    pub slow: Option<ChannelModerateV1Slow>,
    /// The details of a `vip` action.
    #[serde(default)]
    pub vip: Option<ChannelModerateV1Vip>,
    /// The details of a `unvip` action.
    #[serde(default)]
    pub unvip: Option<ChannelModerateV1Unvip>,
    /// The details of a `mod` action.
    #[serde(default)]
    pub r#mod: Option<ChannelModerateV1Mod>,
    /// The details of a `unmod` action.
    #[serde(default)]
    pub unmod: Option<ChannelModerateV1Unmod>,
    /// The details of a `ban` action.
    #[serde(default)]
    pub ban: Option<ChannelModerateV1Ban>,
    /// The details of a `unban` action.
    #[serde(default)]
    pub unban: Option<ChannelModerateV1Unban>,
    /// The details of a `timeout` action.
    #[serde(default)]
    pub timeout: Option<ChannelModerateV1Timeout>,
    /// The details of a `untimeout` action.
    #[serde(default)]
    pub untimeout: Option<ChannelModerateV1Untimeout>,
    /// The details of a `raid` action.
    #[serde(default)]
    pub raid: Option<ChannelModerateV1Raid>,
    /// The details of a `unraid` action.
    #[serde(default)]
    pub unraid: Option<ChannelModerateV1Unraid>,
    /// The details of a `delete` action.
    #[serde(default)]
    pub delete: Option<ChannelModerateV1Delete>,
    /// The details of a `automod_terms` action.
    #[serde(default)]
    pub automod_terms: Option<ChannelModerateV1AutomodTerms>,
    /// The details of a `unban_request` action.
    #[serde(default)]
    pub unban_request: Option<ChannelModerateV1UnbanRequest>,
    /// The details of a shared chat `ban` action.
    #[serde(default)]
    pub shared_chat_ban: Option<ChannelModerateV1Ban>,
    /// The details of a shared chat `unban` action.
    #[serde(default)]
    pub shared_chat_unban: Option<ChannelModerateV1Unban>,
    /// The details of a shared chat `timeout` action.
    #[serde(default)]
    pub shared_chat_timeout: Option<ChannelModerateV1Timeout>,
    /// The details of a shared chat `untimeout` action.
    #[serde(default)]
    pub shared_chat_untimeout: Option<ChannelModerateV1Untimeout>,
    /// The details of a shared chat `delete` action.
    #[serde(default)]
    pub shared_chat_delete: Option<ChannelModerateV1Delete>,
    /// User ID of the source broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub source_broadcaster_user_id: String,
    /// Login of the source broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub source_broadcaster_user_login: String,
    /// Display name of the source broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub source_broadcaster_user_name: String,
}

/// The `followers` object of a `channel.moderate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1Followers {
    /// Minutes a user must have followed to chat.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub follow_duration_minutes: u64,
}

/// The `slow` object of a `channel.moderate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1Slow {
    /// Seconds between messages.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub wait_time_seconds: u64,
}

/// The `vip` object of a `channel.moderate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1Vip {
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
}

/// The `unvip` object of a `channel.moderate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1Unvip {
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
}

/// The `mod` object of a `channel.moderate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1Mod {
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
}

/// The `unmod` object of a `channel.moderate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1Unmod {
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
}

/// The `ban` object of a `channel.moderate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1Ban {
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
}

/// The `unban` object of a `channel.moderate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1Unban {
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
}

/// The `timeout` object of a `channel.moderate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1Timeout {
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
    /// When it expires (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub expires_at: Option<OffsetDateTime>,
}

/// The `untimeout` object of a `channel.moderate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1Untimeout {
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
}

/// The `raid` object of a `channel.moderate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1Raid {
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// The number of viewers.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub viewer_count: u64,
}

/// The `unraid` object of a `channel.moderate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1Unraid {
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
}

/// The `delete` object of a `channel.moderate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1Delete {
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// ID of the chat message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message_id: String,
    /// The text of the message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message_body: String,
}

/// The `automod_terms` object of a `channel.moderate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1AutomodTerms {
    /// What was done.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub action: ChannelModerateV1Action,
    /// Which list (`blocked` or `permitted`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub list: String,
    /// The terms.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub terms: Vec<String>,
    /// Whether AutoMod did it.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub from_automod: bool,
}

/// The `unban_request` object of a `channel.moderate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelModerateV1UnbanRequest {
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// Whether approved.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_approved: bool,
    /// The moderator's message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_message: String,
}

string_enum! {
    /// The `Action` values of a `channel.moderate` v1 event.
    ChannelModerateV1Action {
        /// `ban`.
        Ban => "ban",
        /// `timeout`.
        Timeout => "timeout",
        /// `unban`.
        Unban => "unban",
        /// `untimeout`.
        Untimeout => "untimeout",
        /// `clear`.
        Clear => "clear",
        /// `emoteonly`.
        Emoteonly => "emoteonly",
        /// `emoteonlyoff`.
        Emoteonlyoff => "emoteonlyoff",
        /// `followers`.
        Followers => "followers",
        /// `followersoff`.
        Followersoff => "followersoff",
        /// `uniquechat`.
        Uniquechat => "uniquechat",
        /// `uniquechatoff`.
        Uniquechatoff => "uniquechatoff",
        /// `slow`.
        Slow => "slow",
        /// `slowoff`.
        Slowoff => "slowoff",
        /// `subscribers`.
        Subscribers => "subscribers",
        /// `subscribersoff`.
        Subscribersoff => "subscribersoff",
        /// `unraid`.
        Unraid => "unraid",
        /// `delete`.
        Delete => "delete",
        /// `unvip`.
        Unvip => "unvip",
        /// `vip`.
        Vip => "vip",
        /// `raid`.
        Raid => "raid",
        /// `add_blocked_term`.
        AddBlockedTerm => "add_blocked_term",
        /// `add_permitted_term`.
        AddPermittedTerm => "add_permitted_term",
        /// `remove_blocked_term`.
        RemoveBlockedTerm => "remove_blocked_term",
        /// `remove_permitted_term`.
        RemovePermittedTerm => "remove_permitted_term",
        /// `mod`.
        Mod => "mod",
        /// `unmod`.
        Unmod => "unmod",
        /// `approve_unban_request`.
        ApproveUnbanRequest => "approve_unban_request",
        /// `deny_unban_request`.
        DenyUnbanRequest => "deny_unban_request",
        /// `warn`.
        Warn => "warn",
        /// `shared_chat_ban`.
        SharedChatBan => "shared_chat_ban",
        /// `shared_chat_timeout`.
        SharedChatTimeout => "shared_chat_timeout",
        /// `shared_chat_untimeout`.
        SharedChatUntimeout => "shared_chat_untimeout",
        /// `shared_chat_unban`.
        SharedChatUnban => "shared_chat_unban",
        /// `shared_chat_delete`.
        SharedChatDelete => "shared_chat_delete",
    }
}
