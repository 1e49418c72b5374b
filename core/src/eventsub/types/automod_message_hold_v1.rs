//! `automod.message.hold` version 1. The automod.message.hold subscription type
//! notifies a user if a message was caught by automod for review.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `automod.message.hold` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageHoldV1Condition {
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

impl AutomodMessageHoldV1Condition {
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

/// A `automod.message.hold` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageHoldV1Event {
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
    /// ID of the chat message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message_id: String,
    /// The message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message: String,
    /// The level.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub level: u64,
    /// The category.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub category: String,
    /// When it held (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub held_at: Option<OffsetDateTime>,
    /// The message split into text, emote, cheermote and mention fragments.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub fragments: AutomodMessageHoldV1Fragments,
}

/// The `fragments` object of a `automod.message.hold` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageHoldV1Fragments {
    /// The emotes.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub emotes: Vec<AutomodMessageHoldV1Emote>,
    /// The cheermotes.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub cheermotes: Vec<AutomodMessageHoldV1Cheermote>,
}

/// One of the `emotes` of a `automod.message.hold` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageHoldV1Emote {
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The set-ID (`set-id`).
    #[serde(
        rename = "set-id",
        default,
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub set_id: String,
}

/// One of the `cheermotes` of a `automod.message.hold` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageHoldV1Cheermote {
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The amount.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub amount: u64,
    /// The cheermote's prefix (the name before the amount).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub prefix: String,
    /// The subscription tier.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub tier: u64,
}
