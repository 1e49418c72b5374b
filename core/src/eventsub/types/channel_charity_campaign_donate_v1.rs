//! `channel.charity_campaign.donate` version 1. Sends a notification when a user donates to the broadcaster’s charity campaign.

use serde::{Deserialize, Serialize};

/// The condition of a `channel.charity_campaign.donate` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelCharityCampaignDonateV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelCharityCampaignDonateV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.charity_campaign.donate` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelCharityCampaignDonateV1Event {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The campaign ID (`campaign_id`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub campaign_id: String,
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
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
    /// The amount (`amount`).
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub amount: ChannelCharityCampaignDonateV1Amount,
}

/// The `amount` object of a `channel.charity_campaign.donate` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelCharityCampaignDonateV1Amount {
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
