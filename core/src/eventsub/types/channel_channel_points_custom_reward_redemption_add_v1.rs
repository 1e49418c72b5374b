//! `channel.channel_points_custom_reward_redemption.add` version 1. The
//! channel.channel_points_custom_reward_redemption.add subscription type sends
//! a notification when a viewer has redeemed a custom channel points reward on
//! the specified channel.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

super::custom_reward::reward_condition! {
    /// The condition of a `channel.channel_points_custom_reward_redemption.add` v1 subscription.
    ChannelChannelPointsCustomRewardRedemptionAddV1Condition
}

/// A `channel.channel_points_custom_reward_redemption.add` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsCustomRewardRedemptionAddV1Event {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// The text the viewer entered.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_input: String,
    /// The status.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub status: ChannelChannelPointsCustomRewardRedemptionAddV1Status,
    /// The reward.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub reward: ChannelChannelPointsCustomRewardRedemptionAddV1Reward,
    /// When it redeemed (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub redeemed_at: Option<OffsetDateTime>,
}

/// The `reward` object of a `channel.channel_points_custom_reward_redemption.add` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsCustomRewardRedemptionAddV1Reward {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The title.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub title: String,
    /// The cost in channel points.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub cost: u64,
    /// The prompt shown to viewers.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub prompt: String,
}

string_enum! {
    /// The `Status` values of a `channel.channel_points_custom_reward_redemption.add` v1 event.
    ChannelChannelPointsCustomRewardRedemptionAddV1Status {
        /// `unfulfilled`.
        Unfulfilled => "unfulfilled",
        /// `fulfilled`.
        Fulfilled => "fulfilled",
        /// `canceled`.
        Canceled => "canceled",
        /// `unknown`.
        Unspecified => "unknown",
    }
}
