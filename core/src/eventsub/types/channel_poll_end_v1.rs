//! `channel.poll.end` version 1. The channel.poll.end subscription type sends a
//! notification when a poll ends on the specified channel.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `channel.poll.end` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPollEndV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelPollEndV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.poll.end` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPollEndV1Event {
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
    pub choices: Vec<ChannelPollEndV1Choice>,
    /// Voting with Bits.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub bits_voting: ChannelPollEndV1BitsVoting,
    /// Voting with channel points.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub channel_points_voting: ChannelPollEndV1ChannelPointsVoting,
    /// The status.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub status: ChannelPollEndV1Status,
    /// When it started (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub started_at: Option<OffsetDateTime>,
    /// When it ended (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub ended_at: Option<OffsetDateTime>,
}

/// One of the `choices` of a `channel.poll.end` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPollEndV1Choice {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The title.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub title: String,
    /// Votes cast with Bits.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub bits_votes: u64,
    /// Votes cast with channel points.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub channel_points_votes: u64,
    /// The votes.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub votes: u64,
}

/// The `bits_voting` object of a `channel.poll.end` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPollEndV1BitsVoting {
    /// Whether enabled.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_enabled: bool,
    /// How many Bits or channel points one extra vote costs.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub amount_per_vote: u64,
}

/// The `channel_points_voting` object of a `channel.poll.end` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPollEndV1ChannelPointsVoting {
    /// Whether enabled.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_enabled: bool,
    /// How many Bits or channel points one extra vote costs.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub amount_per_vote: u64,
}

string_enum! {
    /// The `Status` values of a `channel.poll.end` v1 event.
    ChannelPollEndV1Status {
        /// `completed`.
        Completed => "completed",
        /// `archived`.
        Archived => "archived",
        /// `terminated`.
        Terminated => "terminated",
    }
}
