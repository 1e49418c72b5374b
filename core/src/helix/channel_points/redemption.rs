use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::{null_as_default, rfc3339};
use crate::types::CustomRewardRedemptionStatus;

/// A viewer's redemption of a Custom Reward (Get Custom Reward Redemption,
/// Update Redemption Status).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Redemption {
    /// The broadcaster's user id.
    pub broadcaster_id: String,
    /// The broadcaster's login.
    #[serde(default)]
    pub broadcaster_login: String,
    /// The broadcaster's display name.
    #[serde(default)]
    pub broadcaster_name: String,
    /// Redemption id.
    pub id: String,
    /// The viewer's user id.
    #[serde(default)]
    pub user_id: String,
    /// The viewer's login.
    #[serde(default)]
    pub user_login: String,
    /// The viewer's display name.
    #[serde(default)]
    pub user_name: String,
    /// Text the viewer entered (`""` when none was required).
    #[serde(default, deserialize_with = "null_as_default")]
    pub user_input: String,
    /// State of the redemption.
    pub status: CustomRewardRedemptionStatus,
    /// When the reward was redeemed.
    #[serde(with = "rfc3339")]
    pub redeemed_at: OffsetDateTime,
    /// The redeemed reward.
    pub reward: RedemptionReward,
}

/// The reward a redemption is for, as it was at redemption time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RedemptionReward {
    /// Reward id.
    pub id: String,
    /// Title.
    #[serde(default)]
    pub title: String,
    /// Prompt.
    #[serde(default, deserialize_with = "null_as_default")]
    pub prompt: String,
    /// Cost in Channel Points.
    #[serde(default)]
    pub cost: u64,
}
