//! `channel.charity_campaign.progress` version 1. Sends notifications when
//! progress is made towards the campaign’s goal or when the broadcaster changes
//! the fundraising goal.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.charity_campaign.progress` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelCharityCampaignProgressV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelCharityCampaignProgressV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.charity_campaign.progress` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelCharityCampaignProgressV1Event {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_id: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_name: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_login: String,
    /// The charity's name.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub charity_name: String,
    /// The charity's description.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub charity_description: String,
    /// URL of the charity's logo.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub charity_logo: String,
    /// The charity's website.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub charity_website: String,
    /// The amount reached so far.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub current_amount: ChannelCharityCampaignProgressV1CurrentAmount,
    /// The amount to reach.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub target_amount: ChannelCharityCampaignProgressV1TargetAmount,
}

/// The `current_amount` object of a `channel.charity_campaign.progress` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelCharityCampaignProgressV1CurrentAmount {
    /// The amount in the currency's minor units (see `decimal_places`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub value: u64,
    /// How many of the value's digits are decimals.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub decimal_places: u64,
    /// The ISO 4217 currency code.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub currency: String,
}

/// The `target_amount` object of a `channel.charity_campaign.progress` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelCharityCampaignProgressV1TargetAmount {
    /// The amount in the currency's minor units (see `decimal_places`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub value: u64,
    /// How many of the value's digits are decimals.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub decimal_places: u64,
    /// The ISO 4217 currency code.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub currency: String,
}
