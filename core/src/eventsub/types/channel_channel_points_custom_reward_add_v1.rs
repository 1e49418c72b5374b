//! `channel.channel_points_custom_reward.add` version 1. The
//! channel.channel_points_custom_reward.add subscription type sends a
//! notification when a custom channel points reward has been created for the
//! specified channel.

use serde::{Deserialize, Serialize};

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

/// A `channel.channel_points_custom_reward.add` v1 event: the reward.
pub type ChannelChannelPointsCustomRewardAddV1Event = super::custom_reward::CustomReward;
