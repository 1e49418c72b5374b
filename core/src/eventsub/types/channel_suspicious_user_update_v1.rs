//! `channel.suspicious_user.update` version 1. The
//! channel.suspicious_user.update subscription type sends a notification when a
//! suspicious user has been updated.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.suspicious_user.update` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSuspiciousUserUpdateV1Condition {
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

impl ChannelSuspiciousUserUpdateV1Condition {
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

/// A `channel.suspicious_user.update` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSuspiciousUserUpdateV1Event {
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
    /// Display name of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_name: String,
    /// Login of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_login: String,
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// The user's low-trust treatment.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub low_trust_status: ChannelSuspiciousUserUpdateV1LowTrustStatus,
}

string_enum! {
    /// The `LowTrustStatus` values of a `channel.suspicious_user.update` v1 event.
    ChannelSuspiciousUserUpdateV1LowTrustStatus {
        /// `none`.
        None => "none",
        /// `active_monitoring`.
        ActiveMonitoring => "active_monitoring",
        /// `restricted`.
        Restricted => "restricted",
    }
}
