//! `channel.channel_points_custom_reward_redemption.update` version 1. The
//! channel.channel_points_custom_reward_redemption.update subscription type
//! sends a notification when a redemption of a channel points custom reward has
//! been updated for the specified channel.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

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
    /// ID of the reward.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::string_or_number_opt"
    )]
    pub reward_id: Option<String>,
}

impl ChannelChannelPointsCustomRewardRedemptionUpdateV1Condition {
    /// A condition with its required fields; the optional ones are `None`.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
            ..Self::default()
        }
    }
}

/// A `channel.channel_points_custom_reward_redemption.update` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsCustomRewardRedemptionUpdateV1Event {
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
    pub status: ChannelChannelPointsCustomRewardRedemptionUpdateV1Status,
    /// The reward.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub reward: ChannelChannelPointsCustomRewardRedemptionUpdateV1Reward,
    /// When it redeemed (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub redeemed_at: Option<OffsetDateTime>,
}

/// The `reward` object of a `channel.channel_points_custom_reward_redemption.update` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelChannelPointsCustomRewardRedemptionUpdateV1Reward {
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
    /// The `Status` values of a `channel.channel_points_custom_reward_redemption.update` v1 event.
    ChannelChannelPointsCustomRewardRedemptionUpdateV1Status {
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
