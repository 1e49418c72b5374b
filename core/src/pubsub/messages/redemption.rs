//! A channel points redemption, as `channel-points-channel-v1` sends it.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::Reward;

string_enum! {
    /// The status of a redemption.
    RedemptionStatus {
        /// `UNFULFILLED`: in the queue.
        Unfulfilled => "UNFULFILLED",
        /// `FULFILLED`: done.
        Fulfilled => "FULFILLED",
        /// `CANCELED`: refunded.
        Canceled => "CANCELED",
        /// `ACTION_TAKEN`: fulfilled or cancelled (a status update).
        ActionTaken => "ACTION_TAKEN",
    }
}

/// A redemption of a custom reward.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Redemption {
    /// Id of the redemption.
    pub id: String,
    /// Who redeemed it.
    pub user: RedemptionUser,
    /// Id of the channel.
    pub channel_id: String,
    /// When it was redeemed.
    #[serde(with = "crate::serde_util::rfc3339")]
    pub redeemed_at: OffsetDateTime,
    /// The reward redeemed.
    pub reward: Reward,
    /// What the user typed, when the reward asks for input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_input: Option<String>,
    /// The redemption's status.
    pub status: RedemptionStatus,
    /// A cursor Twitch adds to status updates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// The user of a redemption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RedemptionUser {
    /// User id.
    pub id: String,
    /// Login name.
    pub login: String,
    /// Display name.
    #[serde(default)]
    pub display_name: String,
}
