//! The custom reward of the channel points reward types (add, update, remove).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A custom channel points reward: the event of `channel.channel_points_custom_reward.add`,
/// `.update` and `.remove` (version 1), which share one shape.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomReward {
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
    pub max_per_stream: RewardLimit,
    /// The limit of redemptions per user per stream.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub max_per_user_per_stream: RewardLimit,
    /// The cooldown between redemptions.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub global_cooldown: RewardCooldown,
    /// Background colour (`#RRGGBB`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub background_color: String,
    /// The custom image.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub image: RewardImage,
    /// The default image.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub default_image: RewardImage,
}

/// A redemption limit of a reward (`max_per_stream`, `max_per_user_per_stream`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RewardLimit {
    /// Whether enabled.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_enabled: bool,
    /// The limit.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub value: u64,
}

/// The cooldown between redemptions of a reward.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RewardCooldown {
    /// Whether enabled.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_enabled: bool,
    /// The number of seconds.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub seconds: u64,
}

/// The images of a reward (`image`, `default_image`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RewardImage {
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

/// Defines the condition of a channel-points type: the broadcaster, and
/// optionally one reward (all rewards when unset).
macro_rules! reward_condition {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            /// User ID of the broadcaster.
            #[serde(
                default,
                skip_serializing_if = "String::is_empty",
                deserialize_with = "crate::serde_util::string_or_number"
            )]
            pub broadcaster_user_id: String,
            /// ID of the reward (all rewards when unset).
            #[serde(
                default,
                skip_serializing_if = "Option::is_none",
                deserialize_with = "crate::serde_util::string_or_number_opt"
            )]
            pub reward_id: Option<String>,
        }

        impl $name {
            /// A condition with its required field; `reward_id` is `None`.
            pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
                Self {
                    broadcaster_user_id: broadcaster_user_id.into(),
                    reward_id: None,
                }
            }
        }
    };
}

pub(super) use reward_condition;
