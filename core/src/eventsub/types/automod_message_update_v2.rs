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
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageUpdateV2Message {
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The message split into text, emote, cheermote and mention fragments.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub fragments: Vec<AutomodMessageUpdateV2Fragment>,
}

/// The `automod` object of a `automod.message.update` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageUpdateV2Automod {
    /// The category.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub category: String,
    /// The level.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub level: u64,
    /// Where the matches lie in the text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub boundaries: Vec<AutomodMessageUpdateV2Boundary>,
}

/// The `blocked_term` object of a `automod.message.update` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageUpdateV2BlockedTerm {
    /// The terms that matched.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub terms_found: Vec<AutomodMessageUpdateV2TermsFound>,
}

/// One of the `fragments` of a `automod.message.update` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageUpdateV2Fragment {
    /// The kind of this object (the wire field `type`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub kind: AutomodMessageUpdateV2FragmentType,
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The cheermote, when this fragment is one.
    #[serde(default)]
    pub cheermote: Option<AutomodMessageUpdateV2Cheermote>,
    /// The emote, when this fragment is one.
    #[serde(default)]
    pub emote: Option<AutomodMessageUpdateV2Emote>,
}

/// One of the `boundaries` of a `automod.message.update` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageUpdateV2Boundary {
    /// Index of the first character.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub start_pos: u64,
    /// Index of the last character.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub end_pos: u64,
}

/// One of the `terms_found` of a `automod.message.update` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageUpdateV2TermsFound {
    /// ID of the term.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub term_id: String,
    /// User ID of the owner broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub owner_broadcaster_user_id: String,
    /// Login of the owner broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub owner_broadcaster_user_login: String,
    /// Display name of the owner broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub owner_broadcaster_user_name: String,
    /// Where a match lies in the text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub boundary: AutomodMessageUpdateV2Boundary,
}

/// The `cheermote` object of a `automod.message.update` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageUpdateV2Cheermote {
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

/// The `emote` object of a `automod.message.update` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageUpdateV2Emote {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// ID of the emote set the emote belongs to.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub emote_set_id: String,
}

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

string_enum! {
    /// The `FragmentType` values of a `automod.message.update` v2 event.
    AutomodMessageUpdateV2FragmentType {
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
