//! `channel.suspicious_user.message` version 1. The
//! channel.suspicious_user.message subscription type sends a notification when
//! a chat message has been sent from a suspicious user.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.suspicious_user.message` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSuspiciousUserMessageV1Condition {
    /// User ID of the moderator.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub moderator_user_id: String,
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelSuspiciousUserMessageV1Condition {
    /// A condition with its required fields.
    pub fn new(
        moderator_user_id: impl Into<String>,
        broadcaster_user_id: impl Into<String>,
    ) -> Self {
        Self {
            moderator_user_id: moderator_user_id.into(),
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.suspicious_user.message` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSuspiciousUserMessageV1Event {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// The user's low-trust treatment.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub low_trust_status: ChannelSuspiciousUserMessageV1LowTrustStatus,
    /// The shared ban channel ids (`shared_ban_channel_ids`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub shared_ban_channel_ids: Vec<String>,
    /// The types (`types`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub types: Vec<ChannelSuspiciousUserMessageV1SuspiciousType>,
    /// The ban evasion evaluation (`ban_evasion_evaluation`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub ban_evasion_evaluation: ChannelSuspiciousUserMessageV1BanEvasionEvaluation,
    /// The message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message: ChannelSuspiciousUserMessageV1Message,
}

/// The `message` object of a `channel.suspicious_user.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSuspiciousUserMessageV1Message {
    /// ID of the chat message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message_id: String,
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The message split into text, emote, cheermote and mention fragments.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub fragments: Vec<ChannelSuspiciousUserMessageV1Fragment>,
}

/// One of the `fragments` of a `channel.suspicious_user.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSuspiciousUserMessageV1Fragment {
    /// The kind of this object (the wire field `type`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub kind: ChannelSuspiciousUserMessageV1FragmentType,
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The cheermote, when this fragment is one.
    #[serde(default)]
    pub cheermote: Option<ChannelSuspiciousUserMessageV1Cheermote>,
    /// The emote, when this fragment is one.
    #[serde(default)]
    pub emote: Option<ChannelSuspiciousUserMessageV1Emote>,
}

/// The `cheermote` object of a `channel.suspicious_user.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSuspiciousUserMessageV1Cheermote {
    /// The cheermote's prefix (the name before the amount).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub prefix: String,
    /// The number of Bits.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub bits: u64,
    /// The subscription tier.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub tier: u64,
}

/// The `emote` object of a `channel.suspicious_user.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSuspiciousUserMessageV1Emote {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// ID of the emote set the emote belongs to.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub emote_set_id: String,
}

string_enum! {
    /// The `LowTrustStatus` values of a `channel.suspicious_user.message` v1 event.
    ChannelSuspiciousUserMessageV1LowTrustStatus {
        /// `none`.
        None => "none",
        /// `active_monitoring`.
        ActiveMonitoring => "active_monitoring",
        /// `restricted`.
        Restricted => "restricted",
    }
}

string_enum! {
    /// The `SuspiciousType` values of a `channel.suspicious_user.message` v1 event.
    ChannelSuspiciousUserMessageV1SuspiciousType {
        /// `manual_added`.
        ManualAdded => "manual_added",
        /// `ban_evader`.
        BanEvader => "ban_evader",
        /// `banned_in_shared_channel`.
        BannedInSharedChannel => "banned_in_shared_channel",
    }
}

string_enum! {
    /// The `BanEvasionEvaluation` values of a `channel.suspicious_user.message` v1 event.
    ChannelSuspiciousUserMessageV1BanEvasionEvaluation {
        /// `unknown`.
        Unspecified => "unknown",
        /// `possible`.
        Possible => "possible",
        /// `likely`.
        Likely => "likely",
    }
}

string_enum! {
    /// The `FragmentType` values of a `channel.suspicious_user.message` v1 event.
    ChannelSuspiciousUserMessageV1FragmentType {
        /// `text`.
        Text => "text",
        /// `cheermote`.
        Cheermote => "cheermote",
        /// `emote`.
        Emote => "emote",
        /// `mention`.
        Mention => "mention",
    }
}
