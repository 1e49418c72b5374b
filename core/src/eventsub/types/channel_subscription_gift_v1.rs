//! `channel.subscription.gift` version 1. The channel.subscription.gift
//! subscription type sends a notification when a user gives one or more gifted
//! subscriptions in a channel.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.subscription.gift` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSubscriptionGiftV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelSubscriptionGiftV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.subscription.gift` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSubscriptionGiftV1Event {
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// The total.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub total: u64,
    /// The subscription tier.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub tier: ChannelSubscriptionGiftV1Tier,
    /// The total the gifter gave in the channel.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub cumulative_total: u64,
    /// Whether anonymous.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_anonymous: bool,
}

string_enum! {
    /// The `Tier` values of a `channel.subscription.gift` v1 event.
    ChannelSubscriptionGiftV1Tier {
        /// `1000`.
        Tier1 => "1000",
        /// `2000`.
        Tier2 => "2000",
        /// `3000`.
        Tier3 => "3000",
    }
}
