//! `channel.channel_points_custom_reward_redemption.update` version 1. The
//! channel.channel_points_custom_reward_redemption.update subscription type
//! sends a notification when a redemption of a channel points custom reward has
//! been updated for the specified channel. Its event has the shape of
//! `channel.channel_points_custom_reward_redemption.add` v1; its condition
//! has the same fields under its own type (so it names its subscription type).

use super::channel_channel_points_custom_reward_redemption_add_v1 as add;

super::custom_reward::reward_condition! {
    /// The condition of a `channel.channel_points_custom_reward_redemption.update` v1 subscription.
    ChannelChannelPointsCustomRewardRedemptionUpdateV1Condition
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
