//! `channel.channel_points_custom_reward.remove` version 1. The
//! channel.channel_points_custom_reward.remove subscription type sends a
//! notification when a custom channel points reward has been removed from the
//! specified channel.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.channel_points_custom_reward.remove` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsCustomRewardRemoveV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
    /// ID of the reward.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::string_or_number_opt"
    )]
    pub reward_id: Option<String>,
}

impl ChannelChannelPointsCustomRewardRemoveV1Condition {
    /// A condition with its required fields; the optional ones are `None`.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
            ..Self::default()
        }
    }
}

/// A `channel.channel_points_custom_reward.remove` v1 event: the reward.
pub type ChannelChannelPointsCustomRewardRemoveV1Event = super::custom_reward::CustomReward;
