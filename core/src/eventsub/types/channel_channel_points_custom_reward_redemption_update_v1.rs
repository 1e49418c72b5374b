//! `channel.channel_points_custom_reward_redemption.update` version 1. The
//! channel.channel_points_custom_reward_redemption.update subscription type
//! sends a notification when a redemption of a channel points custom reward has
//! been updated for the specified channel. Its event has the shape of
//! `channel.channel_points_custom_reward_redemption.add` v1; its condition
//! has the same fields under its own type (so it names its subscription type).

use serde::{Deserialize, Serialize};

use super::channel_channel_points_custom_reward_redemption_add_v1 as add;

/// The condition of a `channel.channel_points_custom_reward_redemption.update` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsCustomRewardRedemptionUpdateV1Condition {
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

impl ChannelChannelPointsCustomRewardRedemptionUpdateV1Condition {
    /// A condition with its required fields; `reward_id` is `None`.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
            reward_id: None,
        }
    }
}

/// A `channel.channel_points_custom_reward_redemption.update` v1 event: the redemption.
pub type ChannelChannelPointsCustomRewardRedemptionUpdateV1Event =
    add::ChannelChannelPointsCustomRewardRedemptionAddV1Event;

/// The `reward` object of a `channel.channel_points_custom_reward_redemption.update` v1 event.
pub type ChannelChannelPointsCustomRewardRedemptionUpdateV1Reward =
    add::ChannelChannelPointsCustomRewardRedemptionAddV1Reward;

/// The `status` values of a `channel.channel_points_custom_reward_redemption.update` v1 event.
pub type ChannelChannelPointsCustomRewardRedemptionUpdateV1Status =
    add::ChannelChannelPointsCustomRewardRedemptionAddV1Status;
