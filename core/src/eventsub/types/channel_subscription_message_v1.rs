//! `channel.subscription.message` version 1. The channel.subscription.message
//! subscription type sends a notification when a user sends a resubscription
//! chat message in a specific channel.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.subscription.message` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSubscriptionMessageV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelSubscriptionMessageV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.subscription.message` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSubscriptionMessageV1Event {
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
    pub tier: ChannelSubscriptionMessageV1Tier,
    /// The message.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message: ChannelSubscriptionMessageV1Message,
    /// Total months subscribed.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub cumulative_months: u64,
    /// The consecutive months subscribed, when shared.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub streak_months: u64,
    /// How many months the subscription lasts.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub duration_months: u64,
}

/// The `message` object of a `channel.subscription.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSubscriptionMessageV1Message {
    /// The text.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub text: String,
    /// The emotes.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub emotes: Vec<ChannelSubscriptionMessageV1Emote>,
}

/// One of the `emotes` of a `channel.subscription.message` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelSubscriptionMessageV1Emote {
    /// The start.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub begin: u64,
    /// The end.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub end: u64,
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
}

string_enum! {
    /// The `Tier` values of a `channel.subscription.message` v1 event.
    ChannelSubscriptionMessageV1Tier {
        /// `1000`.
        Tier1 => "1000",
        /// `2000`.
        Tier2 => "2000",
        /// `3000`.
        Tier3 => "3000",
    }
}
