//! `channel.guest_star_settings.update` version beta. The
//! channel.guest_star_settings.update subscription type sends a notification
//! when the host preferences for Guest Star have been updated.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.guest_star_settings.update` vbeta subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelGuestStarSettingsUpdateBetaCondition {
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

impl ChannelGuestStarSettingsUpdateBetaCondition {
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

/// A `channel.guest_star_settings.update` vbeta event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelGuestStarSettingsUpdateBetaEvent {
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Whether moderator send live enabled.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_moderator_send_live_enabled: bool,
    /// The slot count (`slot_count`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub slot_count: u64,
    /// Whether browser source audio enabled.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_browser_source_audio_enabled: bool,
    /// The group layout (`group_layout`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub group_layout: String,
}
