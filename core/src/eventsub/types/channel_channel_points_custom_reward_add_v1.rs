//! `channel.channel_points_custom_reward.add` version 1. The
//! channel.channel_points_custom_reward.add subscription type sends a
//! notification when a custom channel points reward has been created for the
//! specified channel.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `channel.channel_points_custom_reward.add` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsCustomRewardAddV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelChannelPointsCustomRewardAddV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.channel_points_custom_reward.add` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsCustomRewardAddV1Event {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// Whether enabled.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_enabled: bool,
    /// Whether paused.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_paused: bool,
    /// Whether in stock.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_in_stock: bool,
    /// The title.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub title: String,
    /// The cost in channel points.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub cost: u64,
    /// The prompt shown to viewers.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub prompt: String,
    /// Whether user input required.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_user_input_required: bool,
    /// Whether redemptions are fulfilled at once, skipping the queue.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub should_redemptions_skip_request_queue: bool,
    /// When it cooldown expires (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub cooldown_expires_at: Option<OffsetDateTime>,
    /// Redemptions in the current stream (`None` when unknown).
    #[serde(default)]
    pub redemptions_redeemed_current_stream: Option<u64>,
    /// The limit of redemptions per stream.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub max_per_stream: ChannelChannelPointsCustomRewardAddV1MaxPerStream,
    /// The limit of redemptions per user per stream.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub max_per_user_per_stream: ChannelChannelPointsCustomRewardAddV1MaxPerUserPerStream,
    /// The cooldown between redemptions.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub global_cooldown: ChannelChannelPointsCustomRewardAddV1GlobalCooldown,
    /// Background colour (`#RRGGBB`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub background_color: String,
    /// The custom image.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub image: ChannelChannelPointsCustomRewardAddV1Image,
    /// The default image.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub default_image: ChannelChannelPointsCustomRewardAddV1DefaultImage,
}

/// The `max_per_stream` object of a `channel.channel_points_custom_reward.add` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsCustomRewardAddV1MaxPerStream {
    /// Whether enabled.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_enabled: bool,
    /// The amount in the currency's minor units (see `decimal_places`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub value: u64,
}

/// The `max_per_user_per_stream` object of a `channel.channel_points_custom_reward.add` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsCustomRewardAddV1MaxPerUserPerStream {
    /// Whether enabled.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_enabled: bool,
    /// The amount in the currency's minor units (see `decimal_places`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub value: u64,
}

/// The `global_cooldown` object of a `channel.channel_points_custom_reward.add` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsCustomRewardAddV1GlobalCooldown {
    /// Whether enabled.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_enabled: bool,
    /// The number of seconds.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub seconds: u64,
}

/// The `image` object of a `channel.channel_points_custom_reward.add` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsCustomRewardAddV1Image {
    /// The URL 1x (`url_1x`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub url_1x: String,
    /// The URL 2x (`url_2x`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub url_2x: String,
    /// The URL 4x (`url_4x`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub url_4x: String,
}

/// The `default_image` object of a `channel.channel_points_custom_reward.add` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsCustomRewardAddV1DefaultImage {
    /// The URL 1x (`url_1x`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub url_1x: String,
    /// The URL 2x (`url_2x`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub url_2x: String,
    /// The URL 4x (`url_4x`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub url_4x: String,
}
