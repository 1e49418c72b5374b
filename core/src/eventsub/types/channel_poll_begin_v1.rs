//! `channel.poll.begin` version 1. The channel.poll.begin subscription type
//! sends a notification when a poll begins on the specified channel.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `channel.poll.begin` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPollBeginV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelPollBeginV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.poll.begin` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPollBeginV1Event {
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
    /// The title.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub title: String,
    /// The choices of the poll.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub choices: Vec<ChannelPollBeginV1Choice>,
    /// Voting with Bits.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub bits_voting: ChannelPollBeginV1BitsVoting,
    /// Voting with channel points.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub channel_points_voting: ChannelPollBeginV1ChannelPointsVoting,
    /// When it started (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub started_at: Option<OffsetDateTime>,
    /// When it ends (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub ends_at: Option<OffsetDateTime>,
}

/// One of the `choices` of a `channel.poll.begin` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPollBeginV1Choice {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The title.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub title: String,
}

/// The `bits_voting` object of a `channel.poll.begin` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPollBeginV1BitsVoting {
    /// Whether enabled.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_enabled: bool,
    /// How many Bits or channel points one extra vote costs.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub amount_per_vote: u64,
}

/// The `channel_points_voting` object of a `channel.poll.begin` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPollBeginV1ChannelPointsVoting {
    /// Whether enabled.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_enabled: bool,
    /// How many Bits or channel points one extra vote costs.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub amount_per_vote: u64,
}
