//! `channel.prediction.progress` version 1. The channel.prediction.progress
//! subscription type sends a notification when users participate in a
//! Prediction on the specified channel.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `channel.prediction.progress` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPredictionProgressV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelPredictionProgressV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.prediction.progress` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPredictionProgressV1Event {
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
    pub outcomes: Vec<ChannelPredictionProgressV1Outcome>,
    /// When it started (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub started_at: Option<OffsetDateTime>,
    /// When it locks (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub locks_at: Option<OffsetDateTime>,
}

/// One of the `outcomes` of a `channel.prediction.progress` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPredictionProgressV1Outcome {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The title.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub title: String,
    /// The colour.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub color: ChannelPredictionProgressV1OutcomeColor,
    /// How many users.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub users: u64,
    /// The channel points.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub channel_points: u64,
    /// The users who spent the most channel points on this outcome.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub top_predictors: Vec<ChannelPredictionProgressV1TopPredictor>,
}

/// One of the `top_predictors` of a `channel.prediction.progress` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelPredictionProgressV1TopPredictor {
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::string_or_number")]
    pub user_id: String,
    /// Channel points won (`None` until the prediction is resolved).
    #[serde(default)]
    pub channel_points_won: Option<u64>,
    /// Channel points spent.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub channel_points_used: u64,
}

string_enum! {
    /// The `OutcomeColor` values of a `channel.prediction.progress` v1 event.
    ChannelPredictionProgressV1OutcomeColor {
        /// `blue`.
        Blue => "blue",
        /// `pink`.
        Pink => "pink",
    }
}
