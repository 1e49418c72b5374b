//! `channel.prediction.begin` version 1. The channel.prediction.begin
//! subscription type sends a notification when a Prediction begins on the
//! specified channel.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `channel.prediction.begin` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPredictionBeginV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelPredictionBeginV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.prediction.begin` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPredictionBeginV1Event {
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
    /// The outcomes to predict.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub outcomes: Vec<ChannelPredictionBeginV1Outcome>,
    /// When it started (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub started_at: Option<OffsetDateTime>,
    /// When it locks (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub locks_at: Option<OffsetDateTime>,
}

/// One of the `outcomes` of a `channel.prediction.begin` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPredictionBeginV1Outcome {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The title.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub title: String,
    /// The colour.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub color: ChannelPredictionBeginV1OutcomeColor,
}

string_enum! {
    /// The `OutcomeColor` values of a `channel.prediction.begin` v1 event.
    ChannelPredictionBeginV1OutcomeColor {
        /// `blue`.
        Blue => "blue",
        /// `pink`.
        Pink => "pink",
    }
}
