//! `automod.terms.update` version 1. The automod.terms.update subscription type
//! sends a notification when a broadcaster’s automod terms are updated. Changes
//! to private terms are not sent.

use serde::{Deserialize, Serialize};

/// The condition of a `automod.terms.update` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodTermsUpdateV1Condition {
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

impl AutomodTermsUpdateV1Condition {
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

/// A `automod.terms.update` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutomodTermsUpdateV1Event {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
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
    pub action: AutomodTermsUpdateV1Action,
    /// Whether AutoMod did it.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub from_automod: bool,
    /// The terms.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub terms: Vec<String>,
}

string_enum! {
    /// The `Action` values of a `automod.terms.update` v1 event.
    AutomodTermsUpdateV1Action {
        /// `add_permitted`.
        AddPermitted => "add_permitted",
        /// `remove_permitted`.
        RemovePermitted => "remove_permitted",
        /// `add_blocked`.
        AddBlocked => "add_blocked",
        /// `remove_blocked`.
        RemoveBlocked => "remove_blocked",
    }
}
