//! `channel.hype_train.progress` version 2. The channel.hype_train.progress
//! subscription type sends a notification when a Hype Train makes progress on
//! the specified channel. channel.hype_train.progress notifications are sent
//! periodically while a Hype Train is making progress. EventSub does not make
//! strong assurances about the order of message delivery, so it is possible to
//! receive channel.hype_train.progress before you receive the corresponding
//! channel.hype_train.begin.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `channel.hype_train.progress` v2 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelHypeTrainProgressV2Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelHypeTrainProgressV2Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.hype_train.progress` v2 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelHypeTrainProgressV2Event {
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
    /// The total.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub total: u64,
    /// The progress.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub progress: u64,
    /// The goal.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub goal: u64,
    /// The largest contributions.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub top_contributions: Vec<ChannelHypeTrainProgressV2TopContribution>,
    /// The channels of a shared hype train.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub shared_train_participants: Vec<ChannelHypeTrainProgressV2SharedTrainParticipant>,
    /// The level.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub level: u64,
    /// When it started (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub started_at: Option<OffsetDateTime>,
    /// When it expires (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub expires_at: Option<OffsetDateTime>,
    /// Whether shared train.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub is_shared_train: bool,
    /// The kind of this object (the wire field `type`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub kind: ChannelHypeTrainProgressV2Type,
}

/// One of the `top_contributions` of a `channel.hype_train.progress` v2 event.
pub type ChannelHypeTrainProgressV2TopContribution =
    super::channel_hype_train_begin_v2::ChannelHypeTrainBeginV2TopContribution;

/// One of the `shared_train_participants` of a `channel.hype_train.progress` v2 event.
pub type ChannelHypeTrainProgressV2SharedTrainParticipant =
    super::channel_hype_train_begin_v2::ChannelHypeTrainBeginV2SharedTrainParticipant;

/// The `Type` values of a `channel.hype_train.progress` v2 event.
pub type ChannelHypeTrainProgressV2Type =
    super::channel_hype_train_begin_v2::ChannelHypeTrainBeginV2Type;

/// The `ContributionType` values of a `channel.hype_train.progress` v2 event.
pub type ChannelHypeTrainProgressV2ContributionType =
    super::channel_hype_train_begin_v2::ChannelHypeTrainBeginV2ContributionType;
