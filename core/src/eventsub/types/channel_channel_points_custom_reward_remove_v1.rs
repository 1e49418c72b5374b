//! `channel.channel_points_custom_reward.remove` version 1. The
//! channel.channel_points_custom_reward.remove subscription type sends a
//! notification when a custom channel points reward has been removed from the
//! specified channel.

super::custom_reward::reward_condition! {
    /// The condition of a `channel.channel_points_custom_reward.remove` v1 subscription.
    ChannelChannelPointsCustomRewardRemoveV1Condition
}

/// A `channel.channel_points_custom_reward.remove` v1 event: the reward.
pub type ChannelChannelPointsCustomRewardRemoveV1Event = super::custom_reward::CustomReward;
