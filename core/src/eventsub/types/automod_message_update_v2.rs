//! `automod.message.update` version 2. The automod.message.update subscription
//! type sends notification when a message in the automod queue has its status
//! changed. Only public blocked terms trigger notifications, not private ones.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `automod.message.update` v2 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageUpdateV2Condition {
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

impl AutomodMessageUpdateV2Condition {
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

/// A `automod.message.update` v2 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageUpdateV2Event {
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
    /// ID of the chat message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message_id: String,
    /// The message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message: AutomodMessageUpdateV2Message,
    /// The reason given.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub reason: String,
    /// What AutoMod found.
    #[serde(default)]
    pub automod: Option<AutomodMessageUpdateV2Automod>,
    /// The blocked terms that matched.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub blocked_term: AutomodMessageUpdateV2BlockedTerm,
    /// The status.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub status: AutomodMessageUpdateV2Status,
    /// When it held (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub held_at: Option<OffsetDateTime>,
}

/// The `message` object of a `automod.message.update` v2 event.
pub type AutomodMessageUpdateV2Message =
    super::automod_message_hold_v2::AutomodMessageHoldV2Message;

/// The `automod` object of a `automod.message.update` v2 event.
pub type AutomodMessageUpdateV2Automod =
    super::automod_message_hold_v2::AutomodMessageHoldV2Automod;

/// The `blocked_term` object of a `automod.message.update` v2 event.
pub type AutomodMessageUpdateV2BlockedTerm =
    super::automod_message_hold_v2::AutomodMessageHoldV2BlockedTerm;

/// One of the `fragments` of a `automod.message.update` v2 event.
pub type AutomodMessageUpdateV2Fragment =
    super::automod_message_hold_v2::AutomodMessageHoldV2Fragment;

/// One of the `boundaries` of a `automod.message.update` v2 event.
pub type AutomodMessageUpdateV2Boundary =
    super::automod_message_hold_v2::AutomodMessageHoldV2Boundary;

/// One of the `terms_found` of a `automod.message.update` v2 event.
pub type AutomodMessageUpdateV2TermsFound =
    super::automod_message_hold_v2::AutomodMessageHoldV2TermsFound;

/// The `cheermote` object of a `automod.message.update` v2 event.
pub type AutomodMessageUpdateV2Cheermote =
    super::automod_message_hold_v2::AutomodMessageHoldV2Cheermote;

/// The `emote` object of a `automod.message.update` v2 event.
pub type AutomodMessageUpdateV2Emote = super::automod_message_hold_v2::AutomodMessageHoldV2Emote;

string_enum! {
    /// The `Status` values of a `automod.message.update` v2 event.
    AutomodMessageUpdateV2Status {
        /// `approved`.
        Approved => "approved",
        /// `denied`.
        Denied => "denied",
        /// `expired`.
        Expired => "expired",
    }
}

/// The `FragmentType` values of a `automod.message.update` v2 event.
pub type AutomodMessageUpdateV2FragmentType =
    super::automod_message_hold_v2::AutomodMessageHoldV2FragmentType;
