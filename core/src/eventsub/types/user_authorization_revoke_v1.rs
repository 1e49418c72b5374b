//! `user.authorization.revoke` version 1. The user.authorization.revoke
//! subscription type sends a notification when a user’s authorization has been
//! revoked for your client id. Use this webhook to meet government requirements
//! for handling user data, such as GDPR, LGPD, or CCPA.

use serde::{Deserialize, Serialize};

/// The condition of a `user.authorization.revoke` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserAuthorizationRevokeV1Condition {
    /// The application's client ID.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub client_id: String,
}

impl UserAuthorizationRevokeV1Condition {
    /// A condition with its required fields.
    pub fn new(client_id: impl Into<String>) -> Self {
        Self {
            client_id: client_id.into(),
        }
    }
}

/// A `user.authorization.revoke` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UserAuthorizationRevokeV1Event {
    /// The application's client ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub client_id: String,
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
