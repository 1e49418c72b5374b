//! `automod.message.update` version 1. The automod.message.update subscription
//! type sends notification when a message in the automod queue has its status
//! changed.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `automod.message.update` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageUpdateV1Condition {
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

impl AutomodMessageUpdateV1Condition {
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

/// A `automod.message.update` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageUpdateV1Event {
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
    /// User ID of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_id: String,
    /// Login of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_login: String,
    /// Display name of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_name: String,
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
    /// The status.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub status: AutomodMessageUpdateV1Status,
    /// When it held (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub held_at: Option<OffsetDateTime>,
    /// The message split into text, emote, cheermote and mention fragments.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub fragments: AutomodMessageUpdateV1Fragments,
}

/// The `fragments` object of a `automod.message.update` v1 event.
pub type AutomodMessageUpdateV1Fragments =
    super::automod_message_hold_v1::AutomodMessageHoldV1Fragments;

/// One of the `emotes` of a `automod.message.update` v1 event.
pub type AutomodMessageUpdateV1Emote = super::automod_message_hold_v1::AutomodMessageHoldV1Emote;

/// One of the `cheermotes` of a `automod.message.update` v1 event.
pub type AutomodMessageUpdateV1Cheermote =
    super::automod_message_hold_v1::AutomodMessageHoldV1Cheermote;

string_enum! {
    /// The `Status` values of a `automod.message.update` v1 event.
    AutomodMessageUpdateV1Status {
        /// `approved`.
        Approved => "approved",
        /// `denied`.
        Denied => "denied",
        /// `expired`.
        Expired => "expired",
    }
}
