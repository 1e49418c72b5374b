//! `channel.charity_campaign.start` version 1. Sends a notification when the broadcaster starts a charity campaign.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `channel.charity_campaign.start` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelCharityCampaignStartV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelCharityCampaignStartV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.charity_campaign.start` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelCharityCampaignStartV1Event {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The broadcaster ID (`broadcaster_id`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_id: String,
    /// The broadcaster name (`broadcaster_name`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_name: String,
    /// The broadcaster login (`broadcaster_login`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_login: String,
    /// The charity name (`charity_name`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub charity_name: String,
    /// The charity description (`charity_description`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub charity_description: String,
    /// The charity logo (`charity_logo`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub charity_logo: String,
    /// The charity website (`charity_website`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub charity_website: String,
    /// The current amount (`current_amount`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub current_amount: ChannelCharityCampaignStartV1CurrentAmount,
    /// The target amount (`target_amount`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub target_amount: ChannelCharityCampaignStartV1TargetAmount,
    /// When it started (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub started_at: Option<OffsetDateTime>,
}

/// The `current_amount` object of a `channel.charity_campaign.start` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelCharityCampaignStartV1CurrentAmount {
    /// The value (`value`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub value: u64,
    /// The decimal places (`decimal_places`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub decimal_places: u64,
    /// The currency (`currency`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub currency: String,
}

/// The `target_amount` object of a `channel.charity_campaign.start` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelCharityCampaignStartV1TargetAmount {
    /// The value (`value`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub value: u64,
    /// The decimal places (`decimal_places`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub decimal_places: u64,
    /// The currency (`currency`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub currency: String,
}
