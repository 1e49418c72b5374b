//! `channel.bits.use` version 1. The channel.bits.use subscription type sends a
//! notification whenever Bits are used on a channel.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.bits.use` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelBitsUseV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelBitsUseV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.bits.use` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelBitsUseV1Event {
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// The number of Bits.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub bits: u64,
    /// The kind of this object (the wire field `type`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub kind: ChannelBitsUseV1BitsType,
    /// The power up (`power_up`).
    #[serde(default)]
    pub power_up: Option<ChannelBitsUseV1PowerUp>,
    /// The message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message: ChannelBitsUseV1Message,
}

/// The `power_up` object of a `channel.bits.use` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelBitsUseV1PowerUp {
    /// The kind of this object (the wire field `type`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub kind: ChannelBitsUseV1PowerUpType,
    /// The emote, when this fragment is one.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub emote: ChannelBitsUseV1Emote,
    /// The message effect ID (`message_effect_id`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message_effect_id: String,
}

/// The `message` object of a `channel.bits.use` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelBitsUseV1Message {
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The message split into text, emote, cheermote and mention fragments.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub fragments: Vec<ChannelBitsUseV1Fragment>,
}

/// The `emote` object of a `channel.bits.use` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelBitsUseV1Emote {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The name.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub name: String,
    /// ID of the emote set the emote belongs to.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub emote_set_id: String,
}

/// One of the `fragments` of a `channel.bits.use` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelBitsUseV1Fragment {
    /// The kind of this object (the wire field `type`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub kind: ChannelBitsUseV1FragmentType,
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The cheermote, when this fragment is one.
    #[serde(default)]
    pub cheermote: Option<ChannelBitsUseV1Cheermote>,
    /// The emote, when this fragment is one.
    #[serde(default)]
    pub emote: Option<ChannelBitsUseV1Emote>,
}

/// The `cheermote` object of a `channel.bits.use` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelBitsUseV1Cheermote {
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

string_enum! {
    /// The `BitsType` values of a `channel.bits.use` v1 event.
    ChannelBitsUseV1BitsType {
        /// `cheer`.
        Cheer => "cheer",
        /// `power_up`.
        PowerUp => "power_up",
        /// `combo`.
        Combo => "combo",
    }
}

string_enum! {
    /// The `PowerUpType` values of a `channel.bits.use` v1 event.
    ChannelBitsUseV1PowerUpType {
        /// `message_effect`.
        MessageEffect => "message_effect",
        /// `celebration`.
        Celebration => "celebration",
        /// `gigantify_an_emote`.
        GigantifyAnEmote => "gigantify_an_emote",
    }
}

string_enum! {
    /// The `FragmentType` values of a `channel.bits.use` v1 event.
    ChannelBitsUseV1FragmentType {
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
