//! Channel points: custom rewards and their redemptions.

use serde::Serialize;
use time::OffsetDateTime;

/// Redemption states.
pub(crate) const UNFULFILLED: &str = "UNFULFILLED";
pub(crate) const FULFILLED: &str = "FULFILLED";
pub(crate) const CANCELED: &str = "CANCELED";

/// The three image sizes of a reward.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct RewardImage {
    pub url_1x: String,
    pub url_2x: String,
    pub url_4x: String,
}

impl RewardImage {
    /// Twitch's default reward image.
    pub fn default_image() -> Self {
        let url =
            |n: u8| format!("https://static-cdn.jtvnw.net/custom-reward-images/default-{n}.png");
        RewardImage {
            url_1x: url(1),
            url_2x: url(2),
            url_4x: url(4),
        }
    }
}

/// `max_per_stream_setting`.
#[derive(Clone, Debug, Default, Serialize)]
pub(crate) struct MaxPerStream {
    pub is_enabled: bool,
    pub max_per_stream: u64,
}

/// `max_per_user_per_stream_setting`.
#[derive(Clone, Debug, Default, Serialize)]
pub(crate) struct MaxPerUserPerStream {
    pub is_enabled: bool,
    pub max_per_user_per_stream: u64,
}

/// `global_cooldown_setting`.
#[derive(Clone, Debug, Default, Serialize)]
pub(crate) struct GlobalCooldown {
    pub is_enabled: bool,
    pub global_cooldown_seconds: u64,
}

/// A custom reward, as in Get Custom Reward.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct CustomReward {
    pub broadcaster_name: String,
    pub broadcaster_login: String,
    pub broadcaster_id: String,
    pub id: String,
    pub image: Option<RewardImage>,
    pub background_color: String,
    pub is_enabled: bool,
    pub cost: u64,
    pub title: String,
    pub prompt: String,
    pub is_user_input_required: bool,
    pub max_per_stream_setting: MaxPerStream,
    pub max_per_user_per_stream_setting: MaxPerUserPerStream,
    pub global_cooldown_setting: GlobalCooldown,
    pub is_paused: bool,
    pub is_in_stock: bool,
    pub default_image: RewardImage,
    pub should_redemptions_skip_request_queue: bool,
    pub redemptions_redeemed_current_stream: Option<u64>,
    pub cooldown_expires_at: Option<String>,
    /// The client that created the reward (only it may manage the reward).
    #[serde(skip)]
    pub client_id: String,
}

/// The reward a redemption was for.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct RewardSummary {
    pub id: String,
    pub title: String,
    pub prompt: String,
    pub cost: u64,
}

/// A redemption, as in Get Custom Reward Redemption.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Redemption {
    pub broadcaster_name: String,
    pub broadcaster_login: String,
    pub broadcaster_id: String,
    pub id: String,
    pub user_id: String,
    pub user_login: String,
    pub user_name: String,
    pub user_input: String,
    pub status: String,
    #[serde(with = "time::serde::rfc3339")]
    pub redeemed_at: OffsetDateTime,
    pub reward: RewardSummary,
}
