//! A custom channel points reward, as `channel-points-channel-v1` sends it.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A custom reward.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Reward {
    /// Id of the reward.
    pub id: String,
    /// Id of the channel.
    pub channel_id: String,
    /// Title.
    pub title: String,
    /// The prompt shown to viewers.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub prompt: String,
    /// Cost in channel points.
    pub cost: u64,
    /// Whether the viewer must type something.
    #[serde(default)]
    pub is_user_input_required: bool,
    /// Whether only subscribers can redeem it.
    #[serde(default)]
    pub is_sub_only: bool,
    /// The custom image; `None` when the reward uses the default image.
    #[serde(default)]
    pub image: Option<RewardImage>,
    /// The default image.
    #[serde(default)]
    pub default_image: Option<RewardImage>,
    /// Background colour (`#RRGGBB`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub background_color: String,
    /// Whether the reward is enabled.
    #[serde(default)]
    pub is_enabled: bool,
    /// Whether the reward is paused.
    #[serde(default)]
    pub is_paused: bool,
    /// Whether the reward can be redeemed now (not at a limit, not cooling down).
    #[serde(default)]
    pub is_in_stock: bool,
    /// Limit of redemptions per stream.
    #[serde(default)]
    pub max_per_stream: Option<MaxPerStream>,
    /// Whether redemptions skip the request queue (are fulfilled at once).
    #[serde(default)]
    pub should_redemptions_skip_request_queue: bool,
    /// Template the reward was made from.
    #[serde(default)]
    pub template_id: Option<String>,
    /// When the reward was last changed in a way viewers are told about.
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub updated_for_indicator_at: Option<OffsetDateTime>,
    /// Limit of redemptions per user per stream.
    #[serde(default)]
    pub max_per_user_per_stream: Option<MaxPerUserPerStream>,
    /// Cooldown between redemptions.
    #[serde(default)]
    pub global_cooldown: Option<GlobalCooldown>,
    /// Redemptions in the current stream (`null` when unknown).
    #[serde(default)]
    pub redemptions_redeemed_current_stream: Option<u64>,
    /// When the cooldown ends; `None` when not cooling down.
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub cooldown_expires_at: Option<OffsetDateTime>,
}

/// The images of a reward.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RewardImage {
    /// 28×28 image.
    pub url_1x: String,
    /// 56×56 image.
    pub url_2x: String,
    /// 112×112 image.
    pub url_4x: String,
}

/// A reward's limit of redemptions per stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MaxPerStream {
    /// Whether the limit applies.
    pub is_enabled: bool,
    /// The limit.
    pub max_per_stream: u64,
}

/// A reward's limit of redemptions per user per stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MaxPerUserPerStream {
    /// Whether the limit applies.
    pub is_enabled: bool,
    /// The limit.
    pub max_per_user_per_stream: u64,
}

/// A reward's cooldown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GlobalCooldown {
    /// Whether the cooldown applies.
    pub is_enabled: bool,
    /// The cooldown in seconds.
    pub global_cooldown_seconds: u64,
}
