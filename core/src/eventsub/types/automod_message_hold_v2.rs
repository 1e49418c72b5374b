//! `automod.message.hold` version 2. The automod.message.hold subscription type notifies a user if a message was caught by automod for review. Only public blocked terms trigger notifications, not private ones.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `automod.message.hold` v2 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageHoldV2Condition {
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

impl AutomodMessageHoldV2Condition {
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

/// A `automod.message.hold` v2 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageHoldV2Event {
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
    /// The message ID (`message_id`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message_id: String,
    /// The message (`message`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message: AutomodMessageHoldV2Message,
    /// The reason (`reason`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub reason: String,
    /// The automod (`automod`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub automod: AutomodMessageHoldV2Automod,
    /// The blocked term (`blocked_term`).
    #[serde(default)]
    pub blocked_term: Option<AutomodMessageHoldV2BlockedTerm>,
    /// When it held (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub held_at: Option<OffsetDateTime>,
}

/// The `message` object of a `automod.message.hold` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageHoldV2Message {
    /// The text (`text`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The fragments (`fragments`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub fragments: Vec<AutomodMessageHoldV2Fragment>,
}

/// The `automod` object of a `automod.message.hold` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageHoldV2Automod {
    /// The category (`category`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub category: String,
    /// The level (`level`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub level: u64,
    /// The boundaries (`boundaries`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub boundaries: Vec<AutomodMessageHoldV2Boundary>,
}

/// The `blocked_term` object of a `automod.message.hold` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageHoldV2BlockedTerm {
    /// The terms found (`terms_found`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub terms_found: Vec<AutomodMessageHoldV2TermsFound>,
}

/// One of the `fragments` of a `automod.message.hold` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageHoldV2Fragment {
    /// The type (`type`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub kind: AutomodMessageHoldV2FragmentType,
    /// The text (`text`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The cheermote (`cheermote`).
    #[serde(default)]
    pub cheermote: Option<AutomodMessageHoldV2Cheermote>,
    /// The emote (`emote`).
    #[serde(default)]
    pub emote: Option<AutomodMessageHoldV2Emote>,
}

/// One of the `boundaries` of a `automod.message.hold` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageHoldV2Boundary {
    /// The start pos (`start_pos`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub start_pos: u64,
    /// The end pos (`end_pos`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub end_pos: u64,
}

/// One of the `terms_found` of a `automod.message.hold` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageHoldV2TermsFound {
    /// The term ID (`term_id`).
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
    /// The boundary (`boundary`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub boundary: AutomodMessageHoldV2Boundary,
}

/// The `cheermote` object of a `automod.message.hold` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageHoldV2Cheermote {
    /// The prefix (`prefix`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub prefix: String,
    /// The bits (`bits`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub bits: u64,
    /// The tier (`tier`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub tier: u64,
}

/// The `emote` object of a `automod.message.hold` v2 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodMessageHoldV2Emote {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The emote set ID (`emote_set_id`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub emote_set_id: String,
}

string_enum! {
    /// The `FragmentType` values of a `automod.message.hold` v2 event.
    AutomodMessageHoldV2FragmentType {
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
