//! `channel.guest_star_guest.update` version beta. The
//! channel.guest_star_guest.update subscription type sends a notification when
//! a guest or a slot is updated in an active Guest Star session.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.guest_star_guest.update` vbeta subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelGuestStarGuestUpdateBetaCondition {
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

impl ChannelGuestStarGuestUpdateBetaCondition {
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

/// A `channel.guest_star_guest.update` vbeta event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelGuestStarGuestUpdateBetaEvent {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// ID of the session.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub session_id: String,
    /// User ID of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_id: String,
    /// Display name of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_name: String,
    /// Login of the moderator.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub moderator_user_login: String,
    /// User ID of the guest.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub guest_user_id: String,
    /// Display name of the guest.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub guest_user_name: String,
    /// Login of the guest.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub guest_user_login: String,
    /// The slot ID (`slot_id`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub slot_id: String,
    /// The state (`state`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub state: String,
    /// The host video enabled (`host_video_enabled`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub host_video_enabled: bool,
    /// The host audio enabled (`host_audio_enabled`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub host_audio_enabled: bool,
    /// The host volume (`host_volume`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub host_volume: u64,
}
