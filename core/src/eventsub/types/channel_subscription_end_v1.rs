//! `channel.subscription.end` version 1. The channel.subscription.end
//! subscription type sends a notification when a subscription to the specified
//! channel expires.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.subscription.end` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSubscriptionEndV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelSubscriptionEndV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.subscription.end` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSubscriptionEndV1Event {
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
    /// The subscription tier.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub tier: ChannelSubscriptionEndV1Tier,
    /// Whether gift.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_gift: bool,
}

string_enum! {
    /// The `Tier` values of a `channel.subscription.end` v1 event.
    ChannelSubscriptionEndV1Tier {
        /// `1000`.
        Tier1 => "1000",
        /// `2000`.
        Tier2 => "2000",
        /// `3000`.
        Tier3 => "3000",
    }
}
