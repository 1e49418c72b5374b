//! `channel.channel_points_custom_reward.update` version 1. The
//! channel.channel_points_custom_reward.update subscription type sends a
//! notification when a custom channel points reward has been updated for the
//! specified channel.

super::custom_reward::reward_condition! {
    /// The condition of a `channel.channel_points_custom_reward.update` v1 subscription.
    ChannelChannelPointsCustomRewardUpdateV1Condition
}

/// A `channel.channel_points_custom_reward.update` v1 event: the reward.
pub type ChannelChannelPointsCustomRewardUpdateV1Event = super::custom_reward::CustomReward;
