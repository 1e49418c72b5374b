//! `channel.chat.message` version 1. The channel.chat.message subscription type
//! sends a notification when any user sends a message to a channel’s chat room.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.chat.message` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatMessageV1Condition {
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

impl ChannelChatMessageV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>, user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
            user_id: user_id.into(),
        }
    }
}

/// A `channel.chat.message` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatMessageV1Event {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// User ID of the chatter.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub chatter_user_id: String,
    /// Login of the chatter.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub chatter_user_login: String,
    /// Display name of the chatter.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub chatter_user_name: String,
    /// ID of the chat message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message_id: String,
    /// The message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message: ChannelChatMessageV1Message,
    /// The colour.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub color: String,
    /// The chatter's badges.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub badges: Vec<ChannelChatMessageV1Badge>,
    /// The kind of message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message_type: ChannelChatMessageV1MessageType,
    /// The cheer (`cheer`).
    #[serde(default)]
    pub cheer: Option<ChannelChatMessageV1Cheer>,
    /// The reply (`reply`).
    #[serde(default)]
    pub reply: Option<ChannelChatMessageV1Reply>,
    /// The channel points custom reward ID (`channel_points_custom_reward_id`).
    #[serde(default)]
    pub channel_points_custom_reward_id: Option<String>,
    /// User ID of the source broadcaster.
    #[serde(default)]
    pub source_broadcaster_user_id: Option<String>,
    /// Login of the source broadcaster.
    #[serde(default)]
    pub source_broadcaster_user_login: Option<String>,
    /// Display name of the source broadcaster.
    #[serde(default)]
    pub source_broadcaster_user_name: Option<String>,
    /// ID of the message in the source channel (shared chat only).
    #[serde(default)]
    pub source_message_id: Option<String>,
    /// The chatter's badges in the source channel (shared chat only).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub source_badges: Vec<ChannelChatMessageV1SourceBadge>,
    /// Whether source only.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_source_only: bool,
}

/// The `message` object of a `channel.chat.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatMessageV1Message {
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The message split into text, emote, cheermote and mention fragments.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub fragments: Vec<ChannelChatMessageV1Fragment>,
}

/// One of the `badges` of a `channel.chat.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatMessageV1Badge {
    /// ID of the badge set.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub set_id: String,
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// Extra badge data (e.g. the months subscribed).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub info: String,
}

/// The `cheer` object of a `channel.chat.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatMessageV1Cheer {
    /// The number of Bits.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub bits: u64,
}

/// The `reply` object of a `channel.chat.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatMessageV1Reply {
    /// ID of the message replied to.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub parent_message_id: String,
    /// Text of the message replied to.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub parent_message_body: String,
    /// User ID of the parent.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub parent_user_id: String,
    /// Display name of the parent.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub parent_user_name: String,
    /// Login of the parent.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub parent_user_login: String,
    /// ID of the first message of the thread.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub thread_message_id: String,
    /// User ID of the thread.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub thread_user_id: String,
    /// Display name of the thread.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub thread_user_name: String,
    /// Login of the thread.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub thread_user_login: String,
}

/// One of the `source_badges` of a `channel.chat.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatMessageV1SourceBadge {
    /// ID of the badge set.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub set_id: String,
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// Extra badge data (e.g. the months subscribed).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub info: String,
}

/// One of the `fragments` of a `channel.chat.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatMessageV1Fragment {
    /// The kind of this object (the wire field `type`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub kind: ChannelChatMessageV1FragmentType,
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The cheermote, when this fragment is one.
    #[serde(default)]
    pub cheermote: Option<ChannelChatMessageV1Cheermote>,
    /// The emote, when this fragment is one.
    #[serde(default)]
    pub emote: Option<ChannelChatMessageV1Emote>,
    /// The mention (`mention`).
    #[serde(default)]
    pub mention: Option<ChannelChatMessageV1Mention>,
}

/// The `cheermote` object of a `channel.chat.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatMessageV1Cheermote {
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

/// The `emote` object of a `channel.chat.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatMessageV1Emote {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// ID of the emote set the emote belongs to.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub emote_set_id: String,
}

/// The `mention` object of a `channel.chat.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatMessageV1Mention {
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

string_enum! {
    /// The `MessageType` values of a `channel.chat.message` v1 event.
    ChannelChatMessageV1MessageType {
        /// `text`.
        Text => "text",
        /// `channel_points_highlighted`.
        ChannelPointsHighlighted => "channel_points_highlighted",
        /// `channel_points_sub_only`.
        ChannelPointsSubOnly => "channel_points_sub_only",
        /// `user_intro`.
        UserIntro => "user_intro",
        /// `power_ups_message_effect`.
        PowerUpsMessageEffect => "power_ups_message_effect",
        /// `power_ups_gigantified_emote`.
        PowerUpsGigantifiedEmote => "power_ups_gigantified_emote",
    }
}

string_enum! {
    /// The `FragmentType` values of a `channel.chat.message` v1 event.
    ChannelChatMessageV1FragmentType {
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
