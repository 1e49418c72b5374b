//! `user.update` version 1. The user.update subscription type sends a
//! notification when user updates their account.

use serde::{Deserialize, Serialize};

/// The condition of a `user.update` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserUpdateV1Condition {
    /// User ID of the user.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub user_id: String,
}

impl UserUpdateV1Condition {
    /// A condition with its required fields.
    pub fn new(user_id: impl Into<String>) -> Self {
        Self {
            user_id: user_id.into(),
        }
    }
}

/// A `user.update` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserUpdateV1Event {
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// The email address (only with `user:read:email`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub email: String,
    /// Whether the email address is verified.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub email_verified: bool,
    /// The description.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub description: String,
}
