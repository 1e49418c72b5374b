use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::{null_as_default, rfc3339_opt};

/// A Custom Reward of a channel (Create/Get/Update Custom Reward).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomReward {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// The broadcaster's login.
    #[serde(default)]
    pub broadcaster_login: String,
    /// The broadcaster's display name.
    #[serde(default)]
    pub broadcaster_name: String,
    /// Reward id.
    pub id: String,
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Prompt shown to the viewer (may be `""`).
    #[serde(default, deserialize_with = "null_as_default")]
    pub prompt: String,
    /// Cost in Channel Points.
    #[serde(default)]
    pub cost: u64,
    /// Custom images; `None` when the reward uses the default images.
    #[serde(default)]
    pub image: Option<RewardImage>,
    /// The default images.
    #[serde(default, deserialize_with = "null_as_default")]
    pub default_image: RewardImage,
    /// Background color (`#RRGGBB`, or `""`).
    #[serde(default, deserialize_with = "null_as_default")]
    pub background_color: String,
    /// Whether viewers see the reward.
    #[serde(default)]
    pub is_enabled: bool,
    /// Whether the viewer must enter text.
    #[serde(default)]
    pub is_user_input_required: bool,
    /// Limit of redemptions per stream.
    #[serde(default, deserialize_with = "null_as_default")]
    pub max_per_stream_setting: MaxPerStreamSetting,
    /// Limit of redemptions per user per stream.
    #[serde(default, deserialize_with = "null_as_default")]
    pub max_per_user_per_stream_setting: MaxPerUserPerStreamSetting,
    /// Cooldown between redemptions.
    #[serde(default, deserialize_with = "null_as_default")]
    pub global_cooldown_setting: GlobalCooldownSetting,
    /// Whether redemptions are paused.
    #[serde(default)]
    pub is_paused: bool,
    /// Whether the reward can be redeemed now (limits not reached).
    #[serde(default)]
    pub is_in_stock: bool,
    /// Whether redemptions are fulfilled at once, skipping the queue.
    #[serde(default)]
    pub should_redemptions_skip_request_queue: bool,
    /// Redemptions in the current stream; `None` when the stream is offline or
    /// there is no per-stream limit.
    #[serde(default)]
    pub redemptions_redeemed_current_stream: Option<u64>,
    /// When the cooldown ends; `None` when there is none.
    #[serde(default, with = "rfc3339_opt")]
    pub cooldown_expires_at: Option<OffsetDateTime>,
}

/// Image URLs of a reward in three sizes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RewardImage {
    /// 28×28 pixels.
    #[serde(default)]
    pub url_1x: String,
    /// 56×56 pixels.
    #[serde(default)]
    pub url_2x: String,
    /// 112×112 pixels.
    #[serde(default)]
    pub url_4x: String,
}

/// Per-stream redemption limit of a reward.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MaxPerStreamSetting {
    /// Whether the limit applies.
    #[serde(default)]
    pub is_enabled: bool,
    /// The limit.
    #[serde(default)]
    pub max_per_stream: u64,
}

/// Per-user per-stream redemption limit of a reward.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MaxPerUserPerStreamSetting {
    /// Whether the limit applies.
    #[serde(default)]
    pub is_enabled: bool,
    /// The limit.
    #[serde(default)]
    pub max_per_user_per_stream: u64,
}

/// Cooldown of a reward.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GlobalCooldownSetting {
    /// Whether the cooldown applies.
    #[serde(default)]
    pub is_enabled: bool,
    /// Cooldown in seconds.
    #[serde(default)]
    pub global_cooldown_seconds: u64,
}
