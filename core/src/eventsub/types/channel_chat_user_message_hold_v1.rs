//! `channel.chat.user_message_hold` version 1. The
//! channel.chat.user_message_hold subscription type notifies a user if their
//! message is caught by automod.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.chat.user_message_hold` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatUserMessageHoldV1Condition {
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

impl ChannelChatUserMessageHoldV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>, user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
            user_id: user_id.into(),
        }
    }
}

/// A `channel.chat.user_message_hold` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatUserMessageHoldV1Event {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
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
    /// The message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message: ChannelChatUserMessageHoldV1Message,
}

/// The `message` object of a `channel.chat.user_message_hold` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatUserMessageHoldV1Message {
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The message split into text, emote, cheermote and mention fragments.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub fragments: Vec<ChannelChatUserMessageHoldV1Fragment>,
}

/// One of the `fragments` of a `channel.chat.user_message_hold` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChatUserMessageHoldV1Fragment {
    /// The kind of this object (the wire field `type`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub kind: ChannelChatUserMessageHoldV1FragmentType,
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The cheermote, when this fragment is one.
    #[serde(default)]
    pub cheermote: Option<ChannelChatUserMessageHoldV1Cheermote>,
    /// The emote, when this fragment is one.
    #[serde(default)]
    pub emote: Option<ChannelChatUserMessageHoldV1Emote>,
}

/// The `cheermote` object of a `channel.chat.user_message_hold` v1 event.
pub type ChannelChatUserMessageHoldV1Cheermote =
    super::channel_chat_message_v1::ChannelChatMessageV1Cheermote;

/// The `emote` object of a `channel.chat.user_message_hold` v1 event.
pub type ChannelChatUserMessageHoldV1Emote =
    super::channel_chat_message_v1::ChannelChatMessageV1Emote;

/// The `FragmentType` values of a `channel.chat.user_message_hold` v1 event.
pub type ChannelChatUserMessageHoldV1FragmentType =
    super::channel_chat_message_v1::ChannelChatMessageV1FragmentType;
