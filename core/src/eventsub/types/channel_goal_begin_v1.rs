//! `channel.goal.begin` version 1. Notifies the subscriber when the specified
//! broadcaster begins a goal.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `channel.goal.begin` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelGoalBeginV1Condition {
    /// User ID of the broadcaster.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub broadcaster_user_id: String,
}

impl ChannelGoalBeginV1Condition {
    /// A condition with its required fields.
    pub fn new(broadcaster_user_id: impl Into<String>) -> Self {
        Self {
            broadcaster_user_id: broadcaster_user_id.into(),
        }
    }
}

/// A `channel.goal.begin` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelGoalBeginV1Event {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// The kind of this object (the wire field `type`).
    #[serde(
        rename = "type",
        default,
        deserialize_with = "crate::serde_util::null_as_default"
    )]
    pub kind: ChannelGoalBeginV1GoalType,
    /// The description.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub description: String,
    /// The amount reached so far.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub current_amount: u64,
    /// The amount to reach.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub target_amount: u64,
    /// When it started (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub started_at: Option<OffsetDateTime>,
}

string_enum! {
    /// The `GoalType` values of a `channel.goal.begin` v1 event.
    ChannelGoalBeginV1GoalType {
        /// `follow`.
        Follow => "follow",
        /// `subscription`.
        Subscription => "subscription",
        /// `subscription_count`.
        SubscriptionCount => "subscription_count",
        /// `new_subscription`.
        NewSubscription => "new_subscription",
        /// `new_subscription_count`.
        NewSubscriptionCount => "new_subscription_count",
        /// `new_bit`.
        NewBit => "new_bit",
        /// `new_cheerer`.
        NewCheerer => "new_cheerer",
    }
}
