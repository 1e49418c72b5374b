//! `channel.guest_star_session.end` version beta. The
//! channel.guest_star_session.end subscription type sends a notification when a
//! running Guest Star session is ended by the host, or automatically by the
//! system.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `channel.guest_star_session.end` vbeta subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelGuestStarSessionEndBetaCondition {
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

impl ChannelGuestStarSessionEndBetaCondition {
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

/// A `channel.guest_star_session.end` vbeta event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelGuestStarSessionEndBetaEvent {
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
    /// ID of the session.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub session_id: String,
    /// When it started (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub started_at: Option<OffsetDateTime>,
    /// When it ended (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub ended_at: Option<OffsetDateTime>,
}
